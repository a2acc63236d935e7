//! `rift extract`.

use std::process::ExitCode;

/// Arguments of `rift extract`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift extract`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift extract: not implemented yet")
}
