//! `rift demo`.

use std::process::ExitCode;

/// Arguments of `rift demo`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift demo`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift demo: not implemented yet")
}
