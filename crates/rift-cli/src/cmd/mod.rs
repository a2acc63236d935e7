//! One file per subcommand.

pub mod articles;
pub mod demo;
pub mod extract;
pub mod ingest;
pub mod kb;
pub mod positions;
pub mod statements;
