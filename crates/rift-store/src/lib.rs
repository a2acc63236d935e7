//! SQLite storage of articles, statements, stances and the KB snapshot.
//!
//! `rift ingest` reads articles (`rift-ingest`), extracts statements (`rift-extract`), resolves
//! speakers and outlets and their faction ties (`rift-kb`), labels stances (`rift-stance`) and
//! hands the lot to [`Store::insert_batch`], one transaction per batch; it also saves the project's
//! KB and issues with [`Store::save_project`] and logs every input record with
//! [`Store::record_input`]. `rift statements`, `rift articles` and `rift positions` read it back
//! ([`Store::statements`], [`Store::articles`], [`Store::issues`] …), and `rift-analyze` turns the
//! [`StatementRow`]s into positions.
//!
//! Exact duplicates are found by [`rift_core::content_hash`]: inserting an article whose text is
//! stored already writes nothing and reports [`InsertOutcome::Duplicate`]. The schema and its
//! migrations are documented in [`schema`].

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

mod analysis;
mod read;
pub mod schema;
mod types;
mod write;

pub use types::{
    ArticleRow, FactionTag, InputRow, InputStatus, InsertOutcome, NewArticle, StatementFilter,
    StatementRow, StoreStats, TieVia,
};
pub use write::{IngestArticle, IngestOutcome, NearDup, Rejection};

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed (I/O, locking, constraint, bad SQL).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A JSON column could not be written or read back.
    #[error("JSON column error: {0}")]
    Json(#[from] serde_json::Error),
    /// [`Store::open_existing`] was given a path with no database.
    #[error("database {} does not exist", .0.display())]
    Missing(PathBuf),
    /// The database was written by a newer rift whose schema this build does not know.
    #[error("database schema version {found} is newer than this rift supports ({supported})")]
    NewerSchema {
        /// Version stored in the database.
        found: u32,
        /// Latest version this build knows.
        supported: u32,
    },
    /// A stored value is not what rift writes (edited by hand, or a bug).
    #[error("bad stored value: {0}")]
    Corrupt(String),
}

/// Result with [`StoreError`].
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open rift database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens the database at `path`, creating it (and migrating it to the current schema) if
    /// needed. Uses WAL journaling and enforces foreign keys.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Self::setup(Connection::open(path.as_ref())?)
    }

    /// Opens an existing database at `path`; fails with [`StoreError::Missing`] instead of
    /// creating one. For read commands, where a typo must not leave an empty file behind.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Self::setup(Connection::open_with_flags(path, flags)?)
    }

    /// An in-memory database (for tests and dry runs).
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Store> {
        // `journal_mode` returns a row; in-memory databases answer "memory".
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        // A 16 MiB page cache (SQLite's default is 2 MB): a large ingest looks up stored texts
        // (near-duplicate candidates) and index pages all over a file of hundreds of MB.
        // Checkpoints every 8192 WAL pages (32 MiB; SQLite's default is 1000): an ingest batch
        // commits about a thousand pages, so the default checkpointed after nearly every batch,
        // copying the index pages that every batch rewrites once per batch.
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;
             PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 8192;",
        )?;
        let mut store = Store { conn };
        store.migrate()?;
        Ok(store)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        let has_meta: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
            [],
            |r| r.get(0),
        )?;
        if !has_meta {
            return Ok(0);
        }
        let v: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        match v {
            None => Ok(0),
            Some(s) => s
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("schema_version {s:?}"))),
        }
    }

    fn migrate(&mut self) -> Result<()> {
        self.conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        )?;
        let found = self.schema_version()?;
        let supported = schema::current_version();
        if found > supported {
            return Err(StoreError::NewerSchema { found, supported });
        }
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(found as usize) {
            // A migration may rebuild a table (drop and rename): with foreign keys on, dropping
            // `articles` would cascade to its statements. The pragma is a no-op inside a
            // transaction, so it is switched outside, and the keys are checked before commit.
            self.conn.execute_batch("PRAGMA foreign_keys = OFF")?;
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            let broken: i64 =
                tx.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })?;
            if broken > 0 {
                return Err(StoreError::Corrupt(format!(
                    "migration {} left {broken} broken foreign keys",
                    i + 1
                )));
            }
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [(i + 1).to_string()],
            )?;
            tx.commit()?;
            self.conn.execute_batch("PRAGMA foreign_keys = ON")?;
        }
        Ok(())
    }
}

/// Lets the shared test fixture name this crate as `rift_store`, as the example does.
#[cfg(test)]
extern crate self as rift_store;
#[cfg(test)]
mod tests;
