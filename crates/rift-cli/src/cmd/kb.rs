//! `rift kb`: knowledge-base tools over a project folder (`kb.toml` / `kb/*.toml`, `issues.toml`),
//! backed by `rift-kb`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use rift_kb::{check, Project, Severity};

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
        KbCommand::Check { project } => run_check(project),
    }
}

fn run_check(dir: PathBuf) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let project = match Project::load(&dir) {
        Ok(p) => p,
        Err(e) => {
            // A load error is a finding like any other: `file:line: error: message`.
            let line = match &e {
                rift_kb::KbError::Parse {
                    file,
                    line,
                    message,
                } => format!("{}:{line}: error: {message}", file.display()),
                other => format!("{}: error: {other}", dir.display()),
            };
            writeln!(out, "{line}")?;
            writeln!(out, "kb check: could not load {}: 1 error", dir.display())?;
            return Ok(ExitCode::from(1));
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
    writeln!(
        out,
        "kb check: {} factions, {} actors, {} outlets, {} ties, {} issues: {errors} error{}, {warnings} warning{}",
        kb.factions.len(),
        kb.actors.len(),
        kb.outlets.len(),
        kb.ties.len(),
        project.issues.len(),
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
    )?;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
