//! Knowledge base: factions, actors, outlets and their time-bounded ties; alias matching and
//! source resolution.
//!
//! Where it sits in the pipeline: `rift-extract` finds statements and fills each
//! [`rift_core::Source`] with the mention as written; this crate then maps the mention to a KB
//! actor or outlet ([`Resolver::resolve`]), and tells `rift-analyze` which factions a speaker or
//! outlet belonged to on the statement's date ([`Resolver::factions_of`]). The project folder's
//! `issues.toml` is loaded here too ([`Project::load`]) and handed to `rift-stance`.
//!
//! * [`Project::load`] reads `kb.toml` (and/or every `kb/*.toml`) and `issues.toml`.
//! * [`Resolver`] holds one Aho-Corasick automaton over every alias in the KB.
//! * [`check`] validates a loaded project (`rift kb check`).
//! * [`ClaimMiner`] mines affiliation and role claims from articles (`rift kb suggest`);
//!   [`Resolver::claim_known`] filters those the KB holds; [`claims_to_toml`] renders the rest.
//!
//! The file format is documented in `docs/kb.md`.

mod check;
mod fold;
mod load;
mod resolve;
mod suggest;

pub use check::{check, Diagnostic, Severity};
pub use load::{Kb, Origin, Origins, Project};
pub use resolve::{
    AliasForm, Ambiguity, AmbiguityKind, EntityKind, EntityRef, Mention, Resolution, Resolver,
};
pub use suggest::{claims_to_toml, slug, Claim, ClaimKind, ClaimMiner, SubjectKind};

use std::path::PathBuf;

/// Everything that can go wrong while loading a project.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// A file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file is not valid TOML, or a table does not fit the schema.
    #[error("{}:{line}: {message}", file.display())]
    Parse {
        /// The file.
        file: PathBuf,
        /// 1-based line of the error (of the offending table when the parser gives no finer span).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The folder holds neither `kb.toml` nor a `kb/` folder.
    #[error("{}: no kb.toml or kb/ folder found", dir.display())]
    NoKb {
        /// The project folder.
        dir: PathBuf,
    },
}

/// PolNeAR train texts in file-name order, at most `limit`, where the shared data is checked
/// out next to the repository (none otherwise): test input for the folding and alias scans.
#[cfg(test)]
pub(crate) fn train_texts(limit: usize) -> Vec<String> {
    let train = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/polnear/train/text"
    );
    let Ok(dir) = std::fs::read_dir(train) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .take(limit)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}
