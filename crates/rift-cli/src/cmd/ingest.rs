//! `rift ingest`.

use std::process::ExitCode;

/// Arguments of `rift ingest`.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs `rift ingest`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("rift ingest: not implemented yet")
}
