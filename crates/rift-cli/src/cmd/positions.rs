//! `rift positions`: reads one issue's statements from the database (`rift-store`) and prints
//! the positions `rift-analyze` computes from them: the reference actor's line first, then every
//! faction, actor or outlet, most divergent first — over the whole range or per `--window`, with
//! 90 % bootstrap intervals and the rift index; `--pivot DATE` compares before and after.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use rift_analyze::{GroupBy, NameLookup, Series, SeriesOptions, Snapshot, TieMode, Window};
use rift_core::{Date, IssueConfig};
use rift_store::{StatementFilter, StatementRow, Store};

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

impl By {
    /// The analysis grouping.
    pub fn group_by(self) -> GroupBy {
        match self {
            By::Faction => GroupBy::Faction,
            By::Actor => GroupBy::Actor,
            By::Outlet => GroupBy::Outlet,
        }
    }
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

impl Tie {
    /// The analysis tie mode.
    pub fn tie_mode(self) -> TieMode {
        match self {
            Tie::Auto => TieMode::Auto,
            Tie::Speaker => TieMode::Speaker,
            Tie::Outlet => TieMode::Outlet,
        }
    }
}

/// Time window sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Win {
    /// One calendar day.
    Day,
    /// One ISO week (Monday to Sunday).
    Week,
    /// One calendar month.
    Month,
    /// The whole range (undated statements included).
    All,
}

impl Win {
    /// The analysis window.
    pub fn window(self) -> Window {
        match self {
            Win::Day => Window::Day,
            Win::Week => Window::Week,
            Win::Month => Window::Month,
            Win::All => Window::All,
        }
    }
}

/// Output formats of `rift positions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PositionsFormat {
    /// The question, then aligned columns: the reference first, then the groups.
    Table,
    /// One JSON document: {issue, question, reference, groups[], rift} for the whole range;
    /// {issue, …, windows[]} with `--window`; {issue, pivot, reference, groups[]} with `--pivot`.
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
    /// Time window: positions per day, week, month, or over the whole range.
    #[arg(long, value_enum, default_value_t = Win::All)]
    pub window: Win,
    /// Compare each group before this day and from this day on (difference, 90 % interval,
    /// permutation p-value) instead of listing positions.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub pivot: Option<Date>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PositionsFormat::Table)]
    pub format: PositionsFormat,
}

/// Parses a `YYYY-MM-DD` command-line date.
pub fn parse_day(s: &str) -> Result<Date, String> {
    rift_core::parse_date(s).ok_or_else(|| format!("{s:?} is not a YYYY-MM-DD date"))
}

/// What every analysis command reads from the database for one issue.
pub struct Loaded {
    /// The issue.
    pub issue: IssueConfig,
    /// Its statements.
    pub rows: Vec<StatementRow>,
    /// KB names.
    pub names: NameLookup,
    /// Articles marked as copies.
    pub copies: HashSet<i64>,
}

/// Opens `db` and reads issue `id`'s statements, the KB names and the copy marks.
pub fn load(db: &std::path::Path, id: &str) -> anyhow::Result<Loaded> {
    let store = open_db(db)?;
    let issue = known_issue(&store, id)?;
    let rows = store
        .statements(&StatementFilter {
            issue: Some(issue.id.clone()),
            ..Default::default()
        })
        .context("reading statements")?;
    let names = NameLookup::new(
        &store.factions().context("reading factions")?,
        &store.actors().context("reading actors")?,
        &store.outlets().context("reading outlets")?,
    );
    let copies = store.copy_articles().context("reading copy marks")?;
    Ok(Loaded {
        issue,
        rows,
        names,
        copies,
    })
}

/// Series options from the common flags.
#[allow(clippy::too_many_arguments)]
pub fn options(
    issue: &IssueConfig,
    by: By,
    tie: Tie,
    window: Win,
    from: Option<Date>,
    to: Option<Date>,
    reference: Option<&str>,
    no_reference: bool,
) -> SeriesOptions {
    SeriesOptions {
        window: window.window(),
        by: by.group_by(),
        tie: tie.tie_mode(),
        from,
        to,
        reference: if no_reference {
            None
        } else {
            reference
                .map(str::to_string)
                .or_else(|| issue.reference.clone())
        },
        ..Default::default()
    }
}

/// Runs `rift positions`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let l = load(&args.db, &args.issue)?;
    let opts = options(
        &l.issue,
        args.by,
        args.tie,
        args.window,
        args.from,
        args.to,
        args.reference.as_deref(),
        args.no_reference,
    );
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Some(day) = args.pivot {
        let p = rift_analyze::pivot(&l.rows, &l.issue, &opts, &l.names, &l.copies, day);
        match args.format {
            PositionsFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &p)?;
                out.write_all(b"\n")?;
            }
            PositionsFormat::Table => write_pivot_table(&mut out, &p)?,
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let series = rift_analyze::series(&l.rows, &l.issue, &opts, &l.names, &l.copies);
    if series.windows.iter().all(|w| w.groups.is_empty()) {
        tracing::warn!(
            "no statements with a stance on {} besides the reference's",
            l.issue.id
        );
    }
    match (args.format, args.window) {
        (PositionsFormat::Json, Win::All) => {
            serde_json::to_writer_pretty(&mut out, &series.snapshot())?;
            out.write_all(b"\n")?;
        }
        (PositionsFormat::Json, _) => {
            serde_json::to_writer_pretty(&mut out, &series)?;
            out.write_all(b"\n")?;
        }
        (PositionsFormat::Table, Win::All) => write_snapshot_table(&mut out, &series.snapshot())?,
        (PositionsFormat::Table, _) => write_series_table(&mut out, &series)?,
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

/// `[low, high]` with two decimals.
pub fn interval_cell(i: Option<rift_analyze::Interval>) -> String {
    match i {
        Some(i) => format!("[{:+.2}, {:+.2}]", i.low, i.high),
        None => "-".into(),
    }
}

fn opt2(x: Option<f64>) -> String {
    x.map(|d| format!("{d:.2}")).unwrap_or_else(|| "-".into())
}

const HEADER: [&str; 9] = [
    "ROLE",
    "ID",
    "NAME",
    "LABEL",
    "SCORE",
    "90% CI",
    "N",
    "DIVERGENCE",
    "F/A/C/N",
];

fn group_cells(g: &rift_analyze::WindowPosition) -> Vec<String> {
    vec![
        if g.unresolved { "unresolved" } else { "group" }.into(),
        g.id.clone(),
        g.name.clone(),
        g.label.as_str().to_string(),
        format!("{:+.2}", g.score),
        interval_cell(Some(g.interval)),
        g.n.to_string(),
        opt2(g.divergence),
        counts_cell(&g.counts),
    ]
}

fn write_snapshot_table<W: Write>(mut out: W, p: &Snapshot) -> std::io::Result<()> {
    writeln!(out, "{}: {}", p.issue, p.question)?;
    let mut table: Vec<Vec<String>> = Vec::new();
    if let Some(r) = &p.reference {
        table.push(vec![
            "reference".into(),
            r.actor.clone(),
            r.name.clone(),
            r.label.map_or("-", |l| l.as_str()).to_string(),
            r.score
                .map(|s| format!("{s:+.2}"))
                .unwrap_or_else(|| "-".into()),
            interval_cell(r.interval),
            r.n.to_string(),
            "-".into(),
            String::new(),
        ]);
    }
    table.extend(p.groups.iter().map(group_cells));
    write_table(&mut out, &HEADER, &table)?;
    if let Some(r) = &p.rift {
        writeln!(
            out,
            "rift index {:.2} {} over {} groups, {} statements",
            r.value,
            interval_cell(Some(r.interval)),
            r.groups.len(),
            r.n
        )?;
    }
    Ok(())
}

fn write_series_table<W: Write>(mut out: W, s: &Series) -> std::io::Result<()> {
    writeln!(out, "{}: {}", s.issue, s.question)?;
    let mut header = vec!["WINDOW"];
    header.extend(HEADER);
    let mut table: Vec<Vec<String>> = Vec::new();
    for w in &s.windows {
        if let (Some(r), Some(a)) = (&w.reference, &s.reference) {
            table.push(vec![
                w.window.clone(),
                if r.carried { "reference*" } else { "reference" }.into(),
                a.actor.clone(),
                a.name.clone(),
                r.label.as_str().into(),
                format!("{:+.2}", r.score),
                interval_cell(Some(r.interval)),
                r.n.to_string(),
                "-".into(),
                String::new(),
            ]);
        }
        for g in &w.groups {
            let mut cells = vec![w.window.clone()];
            cells.extend(group_cells(g));
            table.push(cells);
        }
    }
    write_table(&mut out, &header, &table)?;
    if s.windows
        .iter()
        .any(|w| w.reference.as_ref().is_some_and(|r| r.carried))
    {
        writeln!(
            out,
            "reference*: no statement in the window; the last known line is used"
        )?;
    }
    if s.undated > 0 {
        writeln!(out, "{} undated statements are in no window", s.undated)?;
    }
    Ok(())
}

fn write_pivot_table<W: Write>(mut out: W, p: &rift_analyze::Pivot) -> std::io::Result<()> {
    writeln!(out, "{}: before {} / from {} on", p.issue, p.pivot, p.pivot)?;
    let cells = |role: &str, s: &rift_analyze::PivotShift| {
        vec![
            role.to_string(),
            s.id.clone(),
            s.name.clone(),
            s.before
                .map(|x| format!("{x:+.2}"))
                .unwrap_or_else(|| "-".into()),
            s.n_before.to_string(),
            s.after
                .map(|x| format!("{x:+.2}"))
                .unwrap_or_else(|| "-".into()),
            s.n_after.to_string(),
            s.delta
                .map(|x| format!("{x:+.2}"))
                .unwrap_or_else(|| "-".into()),
            interval_cell(s.interval),
            s.p_value
                .map(|x| format!("{x:.3}"))
                .unwrap_or_else(|| "-".into()),
        ]
    };
    let mut table = Vec::new();
    if let Some(r) = &p.reference {
        table.push(cells("reference", r));
    }
    table.extend(p.groups.iter().map(|g| cells("group", g)));
    write_table(
        out,
        &[
            "ROLE", "ID", "NAME", "BEFORE", "N", "AFTER", "N", "DELTA", "90% CI", "P",
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
        let opts = SeriesOptions {
            reference: Some("boss".into()),
            ..Default::default()
        };
        let p = rift_analyze::series(
            &rows,
            &issue("talks"),
            &opts,
            &NameLookup::default(),
            &HashSet::new(),
        )
        .snapshot();
        let mut out = Vec::new();
        write_snapshot_table(&mut out, &p).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "talks: talks?");
        assert!(lines[1].starts_with("ROLE"));
        let cells = |l: &str| l.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            cells(lines[2]),
            [
                "reference",
                "boss",
                "boss",
                "against",
                "-1.00",
                "[-1.00,",
                "-1.00]",
                "1",
                "-"
            ]
        );
        assert_eq!(
            cells(lines[3]),
            [
                "group", "soft", "soft", "favor", "+1.00", "[+1.00,", "+1.00]", "1", "2.00",
                "1/0/0/0"
            ]
        );
        assert_eq!(lines.len(), 4);
    }
}
