//! `rift eval`.

use std::process::ExitCode;

/// Arguments of `rift eval`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift eval`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift eval: not implemented yet")
}
