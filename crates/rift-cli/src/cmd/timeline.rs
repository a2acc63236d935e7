//! `rift timeline`.

use std::process::ExitCode;

/// Arguments of `rift timeline`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift timeline`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift timeline: not implemented yet")
}
