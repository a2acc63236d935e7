//! `rift`: the binary is glue. Each subcommand lives in `cmd/<name>.rs`, parses its arguments into
//! plain structs and calls the library crates.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod output;
mod pipeline;

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
    /// Knowledge-base tools.
    Kb(cmd::kb::Args),
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
        Command::Kb(a) => cmd::kb::run(a),
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
        .without_time()
        .try_init();
}
