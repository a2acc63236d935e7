//! `rift positions`.

use std::process::ExitCode;

/// Arguments of `rift positions`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift positions`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift positions: not implemented yet")
}
