//! `rift rift`.

use std::process::ExitCode;

/// Arguments of `rift rift`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift rift`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift rift: not implemented yet")
}
