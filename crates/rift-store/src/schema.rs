//! The SQLite schema and its migrations.
//!
//! The schema version lives in `meta` (`key = 'schema_version'`). [`MIGRATIONS`] is an ordered list
//! of SQL scripts; opening a database applies every script past the stored version, each in its own
//! transaction together with the version bump. A database written by a newer rift (version beyond
//! the list) is refused rather than guessed at. Never edit a released migration: append one.
//!
//! # Version 1
//!
//! Offsets are Unicode code points into `articles.text` (see `rift-core`); dates are `YYYY-MM-DD`
//! text; times are UTC RFC 3339 text.
//!
//! | table | one row per | columns |
//! |---|---|---|
//! | `meta` | setting | `key` PK, `value` |
//! | `articles` | distinct article text | `id` PK (rowid), `ext_id` (the article's own id), `source`, `url`, `outlet` (as given), `outlet_id` (KB outlet), `title`, `published`, `text`, `content_hash` UNIQUE until version 4 (SHA-256 of the normalised text, the exact-duplicate key), `duplicate_of` → `articles.id` (near-duplicate, set later), `ingested_at` |
//! | `statements` | extracted statement | `id` PK, `article_id` → `articles.id`, `ordinal` (order in the article, UNIQUE with `article_id`), `kind`, `text`, `start`/`end`, `cue_text`/`cue_start`/`cue_end`, `source_text`/`source_start`/`source_end`/`source_name`/`source_actor`/`source_type`, `outlet_id`/`outlet_name`, `date`, `json` (the whole `Statement` as written by `rift extract`, an archival copy; dropped in version 5) |
//! | `stances` | (statement, issue) | `id` PK, `statement_id` → `statements.id`, `issue`, `label`, `score`, `confidence`, `evidence` (JSON array of `Evidence`), `decided_by` (`rules` / `model`); UNIQUE (`statement_id`, `issue`) |
//! | `statement_factions` | faction tag of a statement | `statement_id` → `statements.id`, `faction`, `via` (`speaker`: the speaker's tie held on the statement's date; `outlet`: the outlet's); PK of all three |
//! | `factions` | KB faction (snapshot) | `id` PK, `name`, `parent`, `reference`, `json` (the whole `Faction`) |
//! | `actors` | KB actor (snapshot) | `id` PK, `name`, `kind`, `json` |
//! | `outlets` | KB outlet (snapshot) | `id` PK, `name`, `json` |
//! | `issues` | configured issue (snapshot) | `id` PK, `question`, `reference`, `config` (the whole `IssueConfig` as JSON) |
//! | `inputs` | input record seen by ingest | `id` PK, `source` (path or URL), `record` (record number inside it, if any), `status` (`ingested` / `duplicate` / `rejected`), `reason`, `article_id` → `articles.id` (the stored or matching article), `at` |
//!
//! # Version 2
//!
//! | table | one row per | columns |
//! |---|---|---|
//! | `ties` | KB tie (snapshot) | `id` PK (KB order), `subject_kind` (`actor` / `outlet`), `subject`, `faction`, `relation`, `from`/`to` (inclusive days, if known), `json` (the whole `Tie`) |
//!
//! # Version 3
//!
//! Real-world ingest (`rift-ingest`): `articles.language` (ISO 639-1 where one exists),
//! `articles.simhash` (64-bit SimHash of the text as a signed integer, for near-duplicate lookup),
//! an index on `articles.duplicate_of`. A near-duplicate (syndicated copy) is stored as its own
//! row with `duplicate_of` = the first copy's id and no statements, so it is listed by
//! `rift articles` but counted once in positions. The ledger gets one row per input record:
//! duplicate `(source, record)` rows of older runs are folded into the first, and a unique index
//! on `(source, IFNULL(record, -1))` keeps it so (a rerun updates the row instead of adding one).
//!
//! # Version 4
//!
//! `articles.content_hash` is no longer UNIQUE (indexed instead), so that an exact copy read
//! from **another** source (the same story in a feed and in a WARC, or syndicated word for word)
//! is stored as its own row with `duplicate_of` = the first copy and no statements, like a
//! near-duplicate: every copy stays visible in `rift articles`, and positions count it once. The
//! same text from the same source is still stored once. The table is rebuilt with its rows and
//! ids unchanged.
//!
//! # Version 5
//!
//! Smaller and cheaper ingest writes, no data dropped:
//! - `statements.json` is gone. It was a second copy of every column of the row plus the
//!   statement's stances (39% of a PolNeAR database's bytes) and nothing read it:
//!   `Store::statements` rebuilds the same `Statement` from the columns and the `stances`
//!   table, and the article id from `articles.ext_id` (the upgrade test checks this against the
//!   stored copies of the committed version-3 database).
//! - The index `inputs_source` is gone: `inputs_key (source, IFNULL(record, -1))` serves every
//!   lookup by `source`.
//! - `statement_factions` is a `WITHOUT ROWID` table (its rows are their primary key; one
//!   B-tree instead of a table and its primary-key index), rebuilt with the same rows.
//!
//! # Version 6
//!
//! The index `statements_actor` is partial: `WHERE source_actor IS NOT NULL`. Most statements
//! have no KB speaker (71% of PolNeAR train's), and their index entries were written by every
//! ingest and never read: the one lookup through the index, `source_actor = ?`, implies the
//! index's condition, so SQLite still uses it.
//!
//! # Version 7
//!
//! Three indexes no query of rift reads are gone: `statements_outlet` (on
//! `statements.outlet_id`), `stances_issue` and `statement_factions_faction`. Each cost a B-tree
//! insert per statement, stance or faction tag on every ingest: without them the writer
//! thread of `rift ingest` runs 26% fewer instructions on PolNeAR train (653 → 483 M). The
//! filters of `Store::statements` find a statement's stances and tags by the tables' own keys,
//! `(statement_id, issue)` and `(statement_id, faction, via)`, which the issue and faction
//! filters use as before. No rows change.
//!
//! The KB snapshot tables are replaced as a whole by `Store::save_project` (and `ties` by
//! `Store::save_ties`); nothing references them
//! by foreign key, so a changed KB never breaks stored statements (their faction tags are facts of
//! the ingest run that made them). Deleting an article cascades to its statements, stances and tags.

/// Ordered migrations; index `i` brings the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: initial schema.
    r#"
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    ext_id        TEXT NOT NULL,
    source        TEXT NOT NULL,
    url           TEXT,
    outlet        TEXT,
    outlet_id     TEXT,
    title         TEXT,
    published     TEXT,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,
    duplicate_of  INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_ext_id ON articles(ext_id);

CREATE TABLE statements (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'written')),
    text          TEXT NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    cue_text      TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    source_text   TEXT NOT NULL,
    source_start  INTEGER,
    source_end    INTEGER,
    source_name   TEXT,
    source_actor  TEXT,
    source_type   TEXT NOT NULL,
    outlet_id     TEXT,
    outlet_name   TEXT,
    date          TEXT,
    json          TEXT NOT NULL,
    UNIQUE (article_id, ordinal)
);
CREATE INDEX statements_actor ON statements(source_actor);
CREATE INDEX statements_outlet ON statements(outlet_id);

CREATE TABLE stances (
    id            INTEGER PRIMARY KEY,
    statement_id  INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    issue         TEXT NOT NULL,
    label         TEXT NOT NULL CHECK (label IN ('favor', 'against', 'conditional', 'neutral')),
    score         REAL NOT NULL,
    confidence    REAL NOT NULL,
    evidence      TEXT NOT NULL,
    decided_by    TEXT NOT NULL,
    UNIQUE (statement_id, issue)
);
CREATE INDEX stances_issue ON stances(issue);

CREATE TABLE statement_factions (
    statement_id  INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    faction       TEXT NOT NULL,
    via           TEXT NOT NULL CHECK (via IN ('speaker', 'outlet')),
    PRIMARY KEY (statement_id, faction, via)
);
CREATE INDEX statement_factions_faction ON statement_factions(faction);

CREATE TABLE factions (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    parent        TEXT,
    reference     TEXT,
    json          TEXT NOT NULL
);

CREATE TABLE actors (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    json          TEXT NOT NULL
);

CREATE TABLE outlets (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    json          TEXT NOT NULL
);

CREATE TABLE issues (
    id            TEXT PRIMARY KEY,
    question      TEXT NOT NULL,
    reference     TEXT,
    config        TEXT NOT NULL
);

CREATE TABLE inputs (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL,
    record        INTEGER,
    status        TEXT NOT NULL CHECK (status IN ('ingested', 'duplicate', 'rejected')),
    reason        TEXT,
    article_id    INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX inputs_source ON inputs(source);
"#,
    // 2: the KB's time-bounded ties, so a database keeps the whole KB it was tagged with.
    r#"
CREATE TABLE ties (
    id            INTEGER PRIMARY KEY,
    subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('actor', 'outlet')),
    subject       TEXT NOT NULL,
    faction       TEXT NOT NULL,
    relation      TEXT NOT NULL,
    "from"        TEXT,
    "to"          TEXT,
    json          TEXT NOT NULL
);
CREATE INDEX ties_subject ON ties(subject_kind, subject);
"#,
    // 3: language, SimHash and near-duplicate links on articles; one ledger row per input record.
    r#"
ALTER TABLE articles ADD COLUMN language TEXT;
ALTER TABLE articles ADD COLUMN simhash INTEGER;
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
DELETE FROM inputs WHERE id NOT IN (SELECT MIN(id) FROM inputs GROUP BY source, IFNULL(record, -1));
CREATE UNIQUE INDEX inputs_key ON inputs(source, IFNULL(record, -1));
"#,
    // 4: exact copies from other sources get their own (linked) row: `content_hash` is no
    // longer UNIQUE. SQLite cannot drop a constraint, so the table is rebuilt (the documented
    // 12-step procedure; `migrate` turns foreign keys off around it and checks them after).
    r#"
CREATE TABLE articles_v4 (
    id            INTEGER PRIMARY KEY,
    ext_id        TEXT NOT NULL,
    source        TEXT NOT NULL,
    url           TEXT,
    outlet        TEXT,
    outlet_id     TEXT,
    title         TEXT,
    published     TEXT,
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    duplicate_of  INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    ingested_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    language      TEXT,
    simhash       INTEGER
);
INSERT INTO articles_v4 (id, ext_id, source, url, outlet, outlet_id, title, published, text,
                         content_hash, duplicate_of, ingested_at, language, simhash)
    SELECT id, ext_id, source, url, outlet, outlet_id, title, published, text,
           content_hash, duplicate_of, ingested_at, language, simhash
    FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v4 RENAME TO articles;
CREATE INDEX articles_ext_id ON articles(ext_id);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX articles_content_hash ON articles(content_hash);
"#,
    // 5: no `statements.json` copy, no redundant `inputs_source` index, tags WITHOUT ROWID.
    r#"
ALTER TABLE statements DROP COLUMN json;
DROP INDEX inputs_source;
CREATE TABLE statement_factions_v5 (
    statement_id  INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    faction       TEXT NOT NULL,
    via           TEXT NOT NULL CHECK (via IN ('speaker', 'outlet')),
    PRIMARY KEY (statement_id, faction, via)
) WITHOUT ROWID;
INSERT INTO statement_factions_v5 (statement_id, faction, via)
    SELECT statement_id, faction, via FROM statement_factions;
DROP TABLE statement_factions;
ALTER TABLE statement_factions_v5 RENAME TO statement_factions;
CREATE INDEX statement_factions_faction ON statement_factions(faction);
"#,
    // 6: `statements_actor` indexes only statements with a KB speaker.
    r#"
DROP INDEX statements_actor;
CREATE INDEX statements_actor ON statements(source_actor) WHERE source_actor IS NOT NULL;
"#,
    // 7: no `statements_outlet`, `stances_issue` and `statement_factions_faction` indexes.
    r#"
DROP INDEX statements_outlet;
DROP INDEX stances_issue;
DROP INDEX statement_factions_faction;
"#,
];

/// The schema version this build writes: the number of migrations.
pub fn current_version() -> u32 {
    MIGRATIONS.len() as u32
}
