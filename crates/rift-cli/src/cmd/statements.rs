//! `rift statements`.

use std::process::ExitCode;

/// Arguments of `rift statements`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift statements`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift statements: not implemented yet")
}
