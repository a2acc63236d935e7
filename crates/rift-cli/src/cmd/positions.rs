//! `rift positions`: reads one issue's statements from the database (`rift-store`) and prints
//! the positions `rift-analyze` computes from them: the reference actor's line first, then every
//! faction, actor or outlet, most divergent first.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rift_analyze::{nearest_label, GroupBy, NameLookup, Positions, TieMode};
use rift_core::{Date, IssueConfig};
use rift_store::{StatementFilter, Store};

use crate::cmd::statements::open_db;
use crate::output::write_table;

/// What to group statements by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    /// Factions (with their parent factions), from the ties chosen by `--tie`.
    Faction,
    /// Speakers (KB actors; unresolved speakers as `unresolved:<mention>`).
    Actor,
    /// Outlets the statements appeared in.
    Outlet,
}

/// Which ties put a statement in a faction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tie {
    /// The speaker's factions if it has any, else the outlet's.
    Auto,
    /// Only the speaker's factions.
    Speaker,
    /// Only the outlet's factions.
    Outlet,
}

/// Output formats of `rift positions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PositionsFormat {
    /// The question, then aligned columns: the reference first, then the groups.
    Table,
    /// One JSON document: {issue, question, reference, groups[]}.
    Json,
}

/// Arguments of `rift positions`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The SQLite database written by `rift ingest` (it must exist).
    #[arg(long, value_name = "FILE")]
    pub db: PathBuf,
    /// The issue id (as in `issues.toml`); an unknown id lists the known ones.
    #[arg(long, value_name = "ID")]
    pub issue: String,
    /// Group statements by faction, actor (speaker) or outlet.
    #[arg(long, value_enum, default_value_t = By::Faction)]
    pub by: By,
    /// Which faction ties count when grouping by faction.
    #[arg(long, value_enum, default_value_t = Tie::Auto)]
    pub tie: Tie,
    /// Measure divergence from this KB actor id instead of the issue's configured reference.
    #[arg(long, value_name = "ACTOR", conflicts_with = "no_reference")]
    pub reference: Option<String>,
    /// No reference actor: scores only, no divergence.
    #[arg(long)]
    pub no_reference: bool,
    /// Only statements made on or after this day (YYYY-MM-DD); undated statements are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub from: Option<Date>,
    /// Only statements made on or before this day (YYYY-MM-DD); undated statements are left out.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub to: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PositionsFormat::Table)]
    pub format: PositionsFormat,
}

fn parse_day(s: &str) -> Result<Date, String> {
    rift_core::parse_date(s).ok_or_else(|| format!("{s:?} is not a YYYY-MM-DD date"))
}

/// Runs `rift positions`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_db(&args.db)?;
    let issue = known_issue(&store, &args.issue)?;
    let filter = StatementFilter {
        issue: Some(issue.id.clone()),
        ..Default::default()
    };
    let mut rows = store.statements(&filter).context("reading statements")?;
    if args.from.is_some() || args.to.is_some() {
        rows.retain(|r| {
            r.statement
                .date
                .is_some_and(|d| args.from.is_none_or(|f| d >= f) && args.to.is_none_or(|t| d <= t))
        });
    }
    let names = NameLookup::new(
        &store.factions().context("reading factions")?,
        &store.actors().context("reading actors")?,
        &store.outlets().context("reading outlets")?,
    );
    let reference = if args.no_reference {
        None
    } else {
        args.reference.as_deref().or(issue.reference.as_deref())
    };
    let by = match args.by {
        By::Faction => GroupBy::Faction,
        By::Actor => GroupBy::Actor,
        By::Outlet => GroupBy::Outlet,
    };
    let tie = match args.tie {
        Tie::Auto => TieMode::Auto,
        Tie::Speaker => TieMode::Speaker,
        Tie::Outlet => TieMode::Outlet,
    };
    let p = rift_analyze::positions(&rows, &issue, reference, by, tie, &names);
    if p.groups.is_empty() {
        tracing::warn!(
            "no statements with a stance on {} besides the reference's",
            issue.id
        );
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        PositionsFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &p)?;
            out.write_all(b"\n")?;
        }
        PositionsFormat::Table => write_positions_table(&mut out, &p)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The stored issue `id`, or an error naming the issues the database knows.
pub(crate) fn known_issue(store: &Store, id: &str) -> anyhow::Result<IssueConfig> {
    if let Some(issue) = store.issue(id).context("reading issues")? {
        return Ok(issue);
    }
    let known: Vec<String> = store
        .issues()
        .context("reading issues")?
        .into_iter()
        .map(|i| i.id)
        .collect();
    if known.is_empty() {
        anyhow::bail!(
            "unknown issue {id:?}: the database holds no issues (ingest with a project that has an issues.toml)"
        );
    }
    anyhow::bail!("unknown issue {id:?}; known issues: {}", known.join(", "))
}

fn counts_cell(c: &rift_analyze::LabelCounts) -> String {
    format!("{}/{}/{}/{}", c.favor, c.against, c.conditional, c.neutral)
}

fn write_positions_table<W: Write>(mut out: W, p: &Positions) -> std::io::Result<()> {
    writeln!(out, "{}: {}", p.issue, p.question)?;
    let mut table: Vec<Vec<String>> = Vec::new();
    if let Some(r) = &p.reference {
        table.push(vec![
            "reference".into(),
            r.actor.clone(),
            r.name.clone(),
            r.score
                .map(|s| nearest_label(s).as_str().to_string())
                .unwrap_or_else(|| "-".into()),
            r.score
                .map(|s| format!("{s:+.2}"))
                .unwrap_or_else(|| "-".into()),
            r.n.to_string(),
            "-".into(),
            String::new(),
        ]);
    }
    for g in &p.groups {
        table.push(vec![
            "group".into(),
            g.id.clone(),
            g.name.clone(),
            g.label.as_str().to_string(),
            format!("{:+.2}", g.score),
            g.n.to_string(),
            g.divergence
                .map(|d| format!("{d:.2}"))
                .unwrap_or_else(|| "-".into()),
            counts_cell(&g.counts),
        ]);
    }
    write_table(
        out,
        &[
            "ROLE",
            "ID",
            "NAME",
            "LABEL",
            "SCORE",
            "N",
            "DIVERGENCE",
            "F/A/C/N",
        ],
        &table,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rift_store::{FactionTag, NewArticle, TieVia};

    fn issue(id: &str) -> IssueConfig {
        IssueConfig {
            id: id.into(),
            question: format!("{id}?"),
            reference: Some("boss".into()),
            ..Default::default()
        }
    }

    fn statement(actor: &str, label: rift_core::StanceLabel) -> rift_core::Statement {
        rift_core::Statement {
            article: "a".into(),
            kind: rift_core::StatementKind::Direct,
            text: format!("{actor} says {}", label.as_str()),
            span: rift_core::Span::new(0, 1),
            cue: None,
            source: rift_core::Source {
                text: actor.into(),
                actor: Some(actor.into()),
                ..Default::default()
            },
            outlet: None,
            date: None,
            stance: vec![rift_core::Stance {
                issue: "talks".into(),
                label,
                score: label.default_score(),
                confidence: 1.0,
                evidence: vec![],
                by: "rules".into(),
            }],
        }
    }

    #[test]
    fn unknown_issue_lists_the_known_ones() {
        let mut store = Store::open_in_memory().unwrap();
        let err = known_issue(&store, "talks").unwrap_err().to_string();
        assert!(err.contains("holds no issues"), "{err}");
        store
            .save_project(&[], &[], &[], &[issue("talks"), issue("trade")])
            .unwrap();
        assert_eq!(known_issue(&store, "talks").unwrap(), issue("talks"));
        let err = known_issue(&store, "war").unwrap_err().to_string();
        assert!(
            err.contains("\"war\"") && err.contains("talks, trade"),
            "{err}"
        );
    }

    #[test]
    fn missing_database_is_an_error_and_is_not_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing.db");
        let err = open_db(&path).unwrap_err().to_string();
        assert!(err.contains("does not exist"), "{err}");
        assert!(!path.exists());
    }

    #[test]
    fn table_puts_the_reference_first() {
        use rift_core::StanceLabel::{Against, Favor};
        let mut store = Store::open_in_memory().unwrap();
        let article = rift_core::Article::new("a", "text");
        store
            .insert_batch(&[NewArticle {
                article: &article,
                outlet_id: None,
                statements: vec![
                    (statement("boss", Against), vec![]),
                    (
                        statement("aide", Favor),
                        vec![FactionTag::new("soft", TieVia::Speaker)],
                    ),
                ],
            }])
            .unwrap();
        let rows = store
            .statements(&StatementFilter {
                issue: Some("talks".into()),
                ..Default::default()
            })
            .unwrap();
        let p = rift_analyze::positions(
            &rows,
            &issue("talks"),
            Some("boss"),
            GroupBy::Faction,
            TieMode::Auto,
            &NameLookup::default(),
        );
        let mut out = Vec::new();
        write_positions_table(&mut out, &p).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "talks: talks?");
        assert!(lines[1].starts_with("ROLE"));
        let cells = |l: &str| l.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            cells(lines[2]),
            ["reference", "boss", "boss", "against", "-1.00", "1", "-"]
        );
        assert_eq!(
            cells(lines[3]),
            ["group", "soft", "soft", "favor", "+1.00", "1", "2.00", "1/0/0/0"]
        );
        assert_eq!(lines.len(), 4);
    }
}
