//! `rift articles`.

use std::process::ExitCode;

/// Arguments of `rift articles`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift articles`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift articles: not implemented yet")
}
