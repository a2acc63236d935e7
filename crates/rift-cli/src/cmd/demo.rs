//! `rift demo`: the bundled Iran 2019 example end to end — ingest the seed article with
//! `examples/iran-2019`, print its statements and the positions per faction on each issue.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use rift_ingest::FieldMap;
use rift_store::Store;

use crate::pipeline::Pipeline;

/// Arguments of `rift demo`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Database to write (default: a temporary file, removed afterwards).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Project folder (default: the repository's `examples/iran-2019`).
    #[arg(long, value_name = "DIR")]
    pub project: Option<PathBuf>,
    /// Articles to read (default: the seed article in `../shared/corpus/seed`).
    #[arg(long, value_name = "PATH")]
    pub input: Vec<PathBuf>,
}

const REPO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn first_existing(candidates: &[PathBuf]) -> Option<PathBuf> {
    candidates.iter().find(|p| p.exists()).cloned()
}

/// Runs `rift demo`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let project = match args.project {
        Some(p) => p,
        None => first_existing(&[
            PathBuf::from("examples/iran-2019"),
            Path::new(REPO).join("examples/iran-2019"),
        ])
        .context("examples/iran-2019 not found: run from the repository root or pass --project")?,
    };
    let inputs = if args.input.is_empty() {
        let seed = first_existing(&[
            PathBuf::from("../shared/corpus/seed/poison-or-cure.txt"),
            Path::new(REPO).join("../shared/corpus/seed/poison-or-cure.txt"),
        ])
        .context("the seed article ../shared/corpus/seed/poison-or-cure.txt was not found: pass --input PATH")?;
        vec![seed]
    } else {
        args.input
    };
    let tmp;
    let db = match args.db {
        Some(p) => p,
        None => {
            tmp = tempfile::tempdir()?;
            tmp.path().join("rift-demo.db")
        }
    };
    eprintln!(
        "rift demo: project {}, database {}",
        project.display(),
        db.display()
    );
    let pipeline = Pipeline::new(Some(&project))?;
    let mut store = Store::open(&db)?;
    let summary = crate::cmd::ingest::ingest(
        &pipeline,
        &mut store,
        inputs,
        FieldMap::default(),
        None,
        false,
    )?;
    eprintln!(
        "rift demo: ingested {} articles, {} statements\n",
        summary.ingested, summary.statements
    );
    drop(store);

    println!("== Statements ==");
    crate::cmd::statements::run(crate::cmd::statements::Args {
        db: db.clone(),
        issue: None,
        actor: None,
        faction: None,
        format: crate::cmd::statements::StatementsFormat::Table,
    })?;
    let issues: Vec<String> = pipeline
        .project
        .as_ref()
        .map(|p| p.issues.iter().map(|i| i.id.clone()).collect())
        .unwrap_or_default();
    for issue in issues {
        println!("\n== Positions on {issue}, by faction ==");
        crate::cmd::positions::run(crate::cmd::positions::Args {
            db: db.clone(),
            issue,
            by: crate::cmd::positions::By::Faction,
            tie: crate::cmd::positions::Tie::Auto,
            reference: None,
            no_reference: false,
            from: None,
            to: None,
            window: crate::cmd::positions::Win::All,
            pivot: None,
            format: crate::cmd::positions::PositionsFormat::Table,
        })?;
    }
    Ok(if summary.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
