//! `rift`: the binary is glue. Each subcommand lives in `cmd/<name>.rs`, parses its arguments into
//! plain structs and calls the library crates.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod output;
mod pipeline;

/// The allocator of the whole `rift` binary: mimalloc instead of glibc's
/// malloc. The stages allocate and free many small strings and vectors per article (tokens,
/// names, shingles, SQLite rows); glibc's `malloc`/`free`/`malloc_consolidate` took 13-14% of
/// an ingest's CPU samples (`perf record`, bench/RESULTS.md §7). Output does not depend on it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// rift reads political news and answers who said what, for which side, for or against what.
#[derive(Parser, Debug)]
#[command(name = "rift", version, about, long_about = None, propagate_version = true)]
struct Cli {
    /// More log output on stderr (-v info, -vv debug). `RUST_LOG` overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract statements from files (no database).
    Extract(cmd::extract::Args),
    /// Read files into a SQLite database: articles, statements, stances.
    Ingest(cmd::ingest::Args),
    /// List stored statements.
    Statements(cmd::statements::Args),
    /// List stored articles.
    Articles(cmd::articles::Args),
    /// Positions of factions, actors or outlets on an issue, and divergence from the reference.
    Positions(cmd::positions::Args),
    /// The rift (dispersion) index across groups on an issue, per time window.
    Rift(cmd::rift::Args),
    /// Change points in a group's position over time.
    Timeline(cmd::timeline::Args),
    /// A self-contained HTML (or Markdown) report on an issue.
    Report(cmd::report::Args),
    /// Export statements, positions or articles as CSV, JSONL or Parquet.
    Export(cmd::export::Args),
    /// Knowledge-base tools: check a KB, suggest ties mined from articles.
    Kb(cmd::kb::Args),
    /// Train, apply and evaluate the stance model.
    Stance(cmd::stance::Args),
    /// Evaluate extraction against gold annotations (PolNeAR brat).
    Eval(cmd::eval::Args),
    /// Run the bundled Iran 2019 example end to end.
    Demo(cmd::demo::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Statements(a) => cmd::statements::run(a),
        Command::Articles(a) => cmd::articles::run(a),
        Command::Positions(a) => cmd::positions::run(a),
        Command::Rift(a) => cmd::rift::run(a),
        Command::Timeline(a) => cmd::timeline::run(a),
        Command::Report(a) => cmd::report::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Kb(a) => cmd::kb::run(a),
        Command::Stance(a) => cmd::stance::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Demo(a) => cmd::demo::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if output::is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("rift: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn init_logging(verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .without_time()
        .try_init();
}
