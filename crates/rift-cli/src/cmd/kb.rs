//! `rift kb`: knowledge-base tools over a project folder (`kb.toml` / `kb/*.toml`, `issues.toml`),
//! backed by `rift-kb` (loading, `check`, claim mining) and `rift-ingest` (reading articles).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rift_ingest::{FieldMap, Inputs, Item};
use rift_kb::{check, claims_to_toml, Claim, ClaimMiner, KbError, Project, Resolver, Severity};

/// Arguments of `rift kb`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    command: KbCommand,
}

#[derive(clap::Subcommand, Debug)]
enum KbCommand {
    /// Validate a project's KB and issues: unknown references, inverted dates, overlapping ties
    /// to rival factions, aliases claimed twice, missing notes. Exits 1 on errors.
    Check {
        /// Project folder holding `kb.toml` (or `kb/*.toml`) and `issues.toml`.
        #[arg(long, default_value = ".")]
        project: PathBuf,
    },
    /// Mine affiliation and role claims (`X, affiliated to Y`, `one of Y's key allies`,
    /// `X, a former minister of …`) from articles, with the evidence sentence; with `--project`,
    /// only claims the KB does not hold yet.
    Suggest {
        /// Files or directories (recursively); `-` reads standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Project folder whose KB filters out known claims and names known factions.
        #[arg(long, value_name = "DIR")]
        project: Option<PathBuf>,
        /// `toml`: tables to paste into kb.toml; `jsonl`: one claim per line.
        #[arg(long, value_enum, default_value_t = SuggestFormat::Toml)]
        format: SuggestFormat,
        /// Field mapping for JSONL/CSV inputs, e.g. `text=body,published=date`.
        #[arg(long, value_name = "SPEC")]
        map: Option<String>,
    },
}

/// Output of `rift kb suggest`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum SuggestFormat {
    /// KB tables with notes quoting the evidence.
    Toml,
    /// JSON lines: subject, relation, object, evidence, article, kind, subject_kind, date.
    Jsonl,
}

/// Runs `rift kb`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        KbCommand::Check { project } => {
            let stdout = std::io::stdout();
            let ok = check_report(&project, &mut stdout.lock())?;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        KbCommand::Suggest {
            paths,
            project,
            format,
            map,
        } => suggest(paths, project.as_deref(), format, map.as_deref()),
    }
}

fn suggest(
    paths: Vec<PathBuf>,
    project: Option<&Path>,
    format: SuggestFormat,
    map: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let resolver = match project {
        Some(dir) => Some(Resolver::new(&Project::load(dir)?.kb)),
        None => None,
    };
    let map = match map {
        Some(s) => FieldMap::parse(s).map_err(anyhow::Error::msg)?,
        None => FieldMap::default(),
    };
    let miner = ClaimMiner::new();
    let mut claims: Vec<Claim> = Vec::new();
    let (mut failed, mut articles, mut known) = (0usize, 0usize, 0usize);
    // the claim miner never reads the language
    for item in Inputs::new(paths, map).detect_language(false) {
        match item {
            Item::Article(a) => {
                articles += 1;
                for c in miner.mine(&a.article) {
                    if resolver.as_ref().is_some_and(|r| r.claim_known(&c)) {
                        known += 1;
                    } else {
                        claims.push(c);
                    }
                }
            }
            Item::Error(e) => {
                failed += 1;
                eprintln!("rift: {e}");
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        SuggestFormat::Jsonl => {
            for c in &claims {
                serde_json::to_writer(&mut out, c)?;
                out.write_all(b"\n")?;
            }
        }
        SuggestFormat::Toml => {
            out.write_all(claims_to_toml(&claims, resolver.as_ref()).as_bytes())?
        }
    }
    out.flush()?;
    tracing::info!(
        articles,
        suggested = claims.len(),
        known,
        failed,
        "kb suggest done"
    );
    Ok(if failed > 0 && articles == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes `file:line: error|warning: message` lines and a summary; false when there are errors.
fn check_report(dir: &Path, out: &mut impl Write) -> std::io::Result<bool> {
    let project = match Project::load(dir) {
        Ok(p) => p,
        Err(e) => {
            // A load error is a finding like any other.
            match &e {
                KbError::Parse {
                    file,
                    line,
                    message,
                } => writeln!(out, "{}:{line}: error: {message}", file.display())?,
                KbError::Io { path, source } => {
                    writeln!(out, "{}: error: cannot read: {source}", path.display())?
                }
                KbError::NoKb { dir } => writeln!(
                    out,
                    "{}: error: no kb.toml or kb/ folder found",
                    dir.display()
                )?,
            }
            writeln!(out, "kb check: could not load {}: 1 error", dir.display())?;
            return Ok(false);
        }
    };
    let diags = check(&project);
    for d in &diags {
        writeln!(out, "{d}")?;
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let kb = &project.kb;
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    writeln!(
        out,
        "kb check: {} factions, {} actors, {} outlets, {} ties, {} issues: {errors} error{}, {warnings} warning{}",
        kb.factions.len(),
        kb.actors.len(),
        kb.outlets.len(),
        kb.ties.len(),
        project.issues.len(),
        plural(errors),
        plural(warnings),
    )?;
    Ok(errors == 0)
}

#[cfg(test)]
mod tests {
    use super::check_report;

    fn report(files: &[(&str, &str)]) -> (bool, String) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let mut out = Vec::new();
        let ok = check_report(dir.path(), &mut out).unwrap();
        let s = String::from_utf8(out)
            .unwrap()
            .replace(&dir.path().display().to_string(), "DIR");
        (ok, s)
    }

    #[test]
    fn bundled_examples_check_clean() {
        for ex in ["iran-2019", "us-2016"] {
            let dir = format!("{}/../../examples/{ex}", env!("CARGO_MANIFEST_DIR"));
            let mut out = Vec::new();
            assert!(check_report(std::path::Path::new(&dir), &mut out).unwrap());
            let s = String::from_utf8(out).unwrap();
            assert!(
                s.ends_with(" 1 issues: 0 errors, 0 warnings\n")
                    || s.ends_with(" 2 issues: 0 errors, 0 warnings\n"),
                "{ex}: {s}"
            );
        }
    }

    #[test]
    fn errors_fail_and_are_listed_with_file_and_line() {
        let (ok, s) = report(&[(
            "kb.toml",
            "[[faction]]\nid = \"f\"\nname = \"F\"\n\n[[tie]]\nactor = \"x\"\nfaction = \"f\"\nnote = \"t\"\n",
        )]);
        assert!(!ok);
        assert_eq!(
            s,
            "DIR/kb.toml:1: warning: faction `f` has no note\n\
             DIR/kb.toml:5: error: tie: unknown actor `x`\n\
             kb check: 1 factions, 0 actors, 0 outlets, 1 ties, 0 issues: 1 error, 1 warning\n"
        );
    }

    #[test]
    fn parse_errors_and_missing_kb_are_reported_not_raised() {
        let (ok, s) = report(&[("kb.toml", "[[faction]]\nid = \"f\"\nname =\n")]);
        assert!(!ok);
        assert!(s.starts_with("DIR/kb.toml:3: error: "), "{s}");
        let (ok, s) = report(&[]);
        assert!(!ok);
        assert!(
            s.starts_with("DIR: error: no kb.toml or kb/ folder found\n"),
            "{s}"
        );
    }
}
