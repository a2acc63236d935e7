//! One file per subcommand.

pub mod articles;
pub mod demo;
pub mod eval;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod kb;
pub mod positions;
pub mod report;
pub mod rift;
pub mod stance;
pub mod statements;
pub mod timeline;

/// A rayon pool with `threads` workers (default: all cores).
pub fn thread_pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        anyhow::ensure!(n >= 1, "--threads must be at least 1");
        b = b.num_threads(n);
    }
    Ok(b.build()?)
}
