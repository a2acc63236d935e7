//! `rift kb`: knowledge-base tools over a project folder (`kb.toml` / `kb/*.toml`, `issues.toml`),
//! backed by `rift-kb` (loading, `check`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rift_kb::{check, KbError, Project, Severity};

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
    }
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
    fn bundled_example_checks_clean() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iran-2019");
        let mut out = Vec::new();
        assert!(check_report(std::path::Path::new(dir), &mut out).unwrap());
        let s = String::from_utf8(out).unwrap();
        assert!(s.ends_with(": 0 errors, 0 warnings\n"), "{s}");
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
