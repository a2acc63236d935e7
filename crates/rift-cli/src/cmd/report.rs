//! `rift report`.

use std::process::ExitCode;

/// Arguments of `rift report`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift report`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift report: not implemented yet")
}
