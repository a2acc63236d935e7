//! `rift kb`.

use std::process::ExitCode;

/// Arguments of `rift kb`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift kb`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift kb: not implemented yet")
}
