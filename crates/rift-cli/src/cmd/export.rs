//! `rift export`.

use std::process::ExitCode;

/// Arguments of `rift export`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift export`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift export: not implemented yet")
}
