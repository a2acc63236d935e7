//! Writes: the KB snapshot, article batches, the ingest ledger.
//!
//! `rift ingest` calls [`Store::ingest_batch`]: one transaction stores a batch's articles, their
//! statements, near-duplicate links and the ledger rows of every record in the batch (rejected
//! ones included), so a killed run leaves either all of a batch or none of it, and
//! [`Store::done_inputs`] tells a rerun which records to skip.

use std::collections::HashSet;

use rift_core::{Actor, Date, Faction, IssueConfig, Outlet, Statement, Tie, TieSubject};
use rusqlite::{params, CachedStatement, OptionalExtension, Transaction, TransactionBehavior};

use crate::{FactionTag, InputStatus, InsertOutcome, NewArticle, Result, Store};

impl Store {
    /// Replaces the KB snapshot (factions, actors, outlets) and the issues with the given ones, in
    /// one transaction. Stored statements are untouched.
    pub fn save_project(
        &mut self,
        factions: &[Faction],
        actors: &[Actor],
        outlets: &[Outlet],
        issues: &[IssueConfig],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute_batch(
            "DELETE FROM factions; DELETE FROM actors; DELETE FROM outlets; DELETE FROM issues;",
        )?;
        {
            let mut st = tx.prepare(
                "INSERT INTO factions (id, name, parent, reference, json) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for f in factions {
                st.execute(params![
                    f.id,
                    f.name,
                    f.parent,
                    f.reference,
                    serde_json::to_string(f)?
                ])?;
            }
            let mut st =
                tx.prepare("INSERT INTO actors (id, name, kind, json) VALUES (?1, ?2, ?3, ?4)")?;
            for a in actors {
                let kind = match a.kind {
                    rift_core::ActorKind::Person => "person",
                    rift_core::ActorKind::Organisation => "organisation",
                };
                st.execute(params![a.id, a.name, kind, serde_json::to_string(a)?])?;
            }
            let mut st = tx.prepare("INSERT INTO outlets (id, name, json) VALUES (?1, ?2, ?3)")?;
            for o in outlets {
                st.execute(params![o.id, o.name, serde_json::to_string(o)?])?;
            }
            let mut st = tx.prepare(
                "INSERT INTO issues (id, question, reference, config) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for i in issues {
                st.execute(params![
                    i.id,
                    i.question,
                    i.reference,
                    serde_json::to_string(i)?
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Replaces the KB's ties in the snapshot with `ties` (kept in the given order), in one
    /// transaction. Call it with `save_project` when saving a project's KB.
    pub fn save_ties(&mut self, ties: &[Tie]) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM ties", [])?;
        {
            let mut st = tx.prepare(
                r#"INSERT INTO ties (subject_kind, subject, faction, relation, "from", "to", json)
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"#,
            )?;
            for t in ties {
                let (kind, subject) = match &t.subject {
                    TieSubject::Actor(id) => ("actor", id),
                    TieSubject::Outlet(id) => ("outlet", id),
                };
                st.execute(params![
                    kind,
                    subject,
                    t.faction,
                    t.relation,
                    t.from.map(|d| d.to_string()),
                    t.to.map(|d| d.to_string()),
                    serde_json::to_string(t)?
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Stores a batch of articles with their statements, stances and faction tags in ONE
    /// transaction (all or nothing). An article whose content hash is stored already — before
    /// this batch or earlier in it — is skipped and reported as [`InsertOutcome::Duplicate`].
    /// Outcomes are in the order of `items`.
    pub fn insert_batch(&mut self, items: &[NewArticle<'_>]) -> Result<Vec<InsertOutcome>> {
        let _checks = BulkChecks::off(&self.conn)?;
        // `new_unchecked` takes `&Connection` (the guard holds one too); the `&mut self`
        // receiver already rules out a nested transaction on this connection.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let mut out = Vec::with_capacity(items.len());
        {
            let mut w = Writer::new(&tx)?;
            for item in items {
                out.push(insert_one(&mut w, item)?);
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// Appends one record to the ingest ledger and returns its row id. `record` is the record's
    /// number inside `source` when the source holds many (JSONL line, WARC record); `article` is
    /// the stored article it produced or duplicated ([`InsertOutcome::article_id`]).
    pub fn record_input(
        &mut self,
        source: &str,
        record: Option<u64>,
        status: InputStatus,
        reason: Option<&str>,
        article: Option<i64>,
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let id = Writer::new(&tx)?.ledger(source, record, status, reason, article)?;
        tx.commit()?;
        Ok(id)
    }

    /// Stores one ingest batch in ONE transaction: each article (with its statements, unless it
    /// is a near-duplicate), its ledger row, and a ledger row per rejected record. An article
    /// whose content hash is stored already is stored as a linked copy without statements when
    /// it comes from another source, and not at all from the same one ([`IngestOutcome::Exact`]); a
    /// near-duplicate is stored without statements and linked to the first copy
    /// ([`IngestOutcome::Near`]). Outcomes are in the order of `articles`.
    pub fn ingest_batch(
        &mut self,
        articles: &[IngestArticle<'_>],
        rejected: &[Rejection<'_>],
    ) -> Result<Vec<IngestOutcome>> {
        let _checks = BulkChecks::off(&self.conn)?;
        // `new_unchecked` takes `&Connection` (the guard holds one too); the `&mut self`
        // receiver already rules out a nested transaction on this connection.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let mut out: Vec<IngestOutcome> = Vec::with_capacity(articles.len());
        {
            let mut w = Writer::new(&tx)?;
            for item in articles {
                let hash = match item.content_hash {
                    Some(h) => h.to_owned(),
                    None => item.new.article.content_hash(),
                };
                // The first copy of this text (an original before a linked copy, then the
                // oldest), and whether this very source holds one already.
                let first = w.first_copy(&hash)?;
                let outcome = if let Some(of) = first {
                    let same_source: Option<i64> = w
                        .same_source
                        .query_row(params![hash, item.new.article.source], |r| r.get(0))
                        .optional()?;
                    let id = match same_source {
                        Some(_) => None,
                        None => Some(w.article(&item.new, &hash, ingest_extra(item, Some(of)))?),
                    };
                    IngestOutcome::Exact { id, of }
                } else {
                    let near = match item.near_duplicate_of {
                        // Checked here because foreign keys are off (`BulkChecks`).
                        Some(NearDup::Stored(id)) => Some(w.stored(id)?),
                        Some(NearDup::InBatch(i)) => out.get(i).map(IngestOutcome::first_id),
                        None => None,
                    };
                    // The hash was looked up above: no second lookup through `insert_one`.
                    let id = w.article(&item.new, &hash, ingest_extra(item, near))?;
                    if near.is_none() {
                        w.statements(id, &item.new)?;
                    }
                    match near {
                        Some(of) => IngestOutcome::Near { id, of },
                        None => IngestOutcome::Inserted { id },
                    }
                };
                let status = match outcome {
                    IngestOutcome::Inserted { .. } => InputStatus::Ingested,
                    _ => InputStatus::Duplicate,
                };
                w.ledger(
                    item.path,
                    item.record,
                    status,
                    None,
                    Some(outcome.article_id()),
                )?;
                out.push(outcome);
            }
            for r in rejected {
                w.ledger(
                    r.path,
                    r.record,
                    InputStatus::Rejected,
                    Some(r.reason),
                    None,
                )?;
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// Input records a previous run stored (ledger status `ingested` or `duplicate`), as
    /// `(source, record)`: a rerun skips them.
    pub fn done_inputs(&self) -> Result<HashSet<(String, Option<u64>)>> {
        let mut st = self.conn.prepare(
            "SELECT source, record FROM inputs WHERE status IN ('ingested', 'duplicate')",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.map(|n| n as u64),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// `(article id, SimHash)` of every stored article that is not itself a near-duplicate, for
    /// the near-duplicate index of a new run.
    pub fn simhashes(&self) -> Result<Vec<(i64, u64)>> {
        let mut st = self.conn.prepare(
            "SELECT id, simhash FROM articles WHERE simhash IS NOT NULL AND duplicate_of IS NULL ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as u64))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored text of article `id`.
    pub fn article_text(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT text FROM articles WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// Marks article `id` as a (near-)duplicate of article `of`, or clears the mark with `None`.
    pub fn set_duplicate_of(&mut self, id: i64, of: Option<i64>) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET duplicate_of = ?2 WHERE id = ?1",
            params![id, of],
        )?;
        Ok(())
    }
}

/// One article of an ingest batch, for [`Store::ingest_batch`].
#[derive(Debug, Clone)]
pub struct IngestArticle<'a> {
    /// The article and its statements.
    pub new: NewArticle<'a>,
    /// Input path (ledger `source`).
    pub path: &'a str,
    /// Record number inside the input, if any.
    pub record: Option<u64>,
    /// Detected language.
    pub language: Option<&'a str>,
    /// SimHash of the text, if it has one.
    pub simhash: Option<u64>,
    /// The article's [`rift_core::Article::content_hash`] when the caller computed it already
    /// (`rift ingest` does, on its worker threads); `None` computes it here.
    pub content_hash: Option<&'a str>,
    /// The earlier article this one nearly duplicates, if any.
    pub near_duplicate_of: Option<NearDup>,
}

/// Which article a near-duplicate copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NearDup {
    /// An article stored before this batch (row id).
    Stored(i64),
    /// An earlier article of the same batch (index into the batch).
    InBatch(usize),
}

/// A rejected input record, for [`Store::ingest_batch`].
#[derive(Debug, Clone, Copy)]
pub struct Rejection<'a> {
    /// Input path.
    pub path: &'a str,
    /// Record number inside the input, if any.
    pub record: Option<u64>,
    /// Why it was rejected.
    pub reason: &'a str,
}

/// What [`Store::ingest_batch`] did with one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestOutcome {
    /// Stored as a new article.
    Inserted {
        /// Its row id.
        id: i64,
    },
    /// The same text was stored already. From another source it is stored as a copy row
    /// (no statements) linked to the first; from the same source nothing is written but the
    /// ledger row.
    Exact {
        /// Row id of the copy, when one was stored.
        id: Option<i64>,
        /// Row id of the first copy.
        of: i64,
    },
    /// Stored as a near-duplicate copy (no statements), linked to the first.
    Near {
        /// Row id of the copy.
        id: i64,
        /// Row id of the first copy.
        of: i64,
    },
}

impl IngestOutcome {
    /// Row id of the article the ledger points to (the new row or copy row, or the stored one
    /// for an exact duplicate from the same source).
    pub fn article_id(&self) -> i64 {
        match *self {
            IngestOutcome::Inserted { id } | IngestOutcome::Near { id, .. } => id,
            IngestOutcome::Exact { id, of } => id.unwrap_or(of),
        }
    }

    /// Row id of the first copy of this text: the new row, or the row it copies.
    pub fn first_id(&self) -> i64 {
        match *self {
            IngestOutcome::Inserted { id } => id,
            IngestOutcome::Exact { of, .. } | IngestOutcome::Near { of, .. } => of,
        }
    }
}

/// The columns of an ingested article row beyond [`NewArticle`]'s, written by the same INSERT
/// (not by an UPDATE after it, which would rewrite the row and its text's overflow pages).
#[derive(Default)]
struct Extra<'a> {
    language: Option<&'a str>,
    simhash: Option<u64>,
    duplicate_of: Option<i64>,
}

fn ingest_extra<'a>(item: &IngestArticle<'a>, duplicate_of: Option<i64>) -> Extra<'a> {
    Extra {
        language: item.language,
        simhash: item.simhash,
        duplicate_of,
    }
}

/// Turns SQLite's CHECK constraints and foreign-key checks off for one bulk write
/// ([`Store::insert_batch`], [`Store::ingest_batch`]) and back on when dropped.
///
/// SQLite evaluates a `CHECK (x IN ('a', 'b', 'c'))` by building an ephemeral B-tree of the
/// list for every row written — a temporary database opened, filled and closed per statement
/// row, about 5% of an ingest's instructions. The checked columns (`statements.kind`,
/// `stances.label`, `inputs.status`) are written here only from Rust enums
/// ([`rift_core::StatementKind::as_str`], [`rift_core::StanceLabel::as_str`],
/// [`InputStatus::as_str`]), so the checks cannot fail on these writes.
///
/// Foreign keys: each one costs a B-tree lookup of the parent per child row (four a statement
/// with a stance and a tag). Every child these writes insert points at a parent that exists in
/// the same transaction: `statements.article_id` is the row id the transaction's own article
/// INSERT returned; `stances.statement_id` and `statement_factions.statement_id` are the row id
/// of the statement INSERT just before them; `articles.duplicate_of` is a row found by
/// `first_copy` in this transaction, an article of this batch, or a [`NearDup::Stored`] id that
/// [`Writer::stored`] looks up in this transaction; `inputs.article_id` is one of these. (The KB
/// snapshot tables are referenced by no foreign key.) The writes delete only ledger rows,
/// which no row references, so no `ON DELETE` action is skipped. Other connections (a `sqlite3`
/// shell) and every other write of this connection still enforce both; NOT NULL and UNIQUE
/// stay on. The pragmas are set outside the transaction (`foreign_keys` is a no-op inside one).
struct BulkChecks<'c>(&'c rusqlite::Connection);

impl<'c> BulkChecks<'c> {
    fn off(conn: &'c rusqlite::Connection) -> Result<Self> {
        conn.execute_batch("PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF")?;
        Ok(BulkChecks(conn))
    }
}

impl Drop for BulkChecks<'_> {
    fn drop(&mut self) {
        // Best effort: a failure leaves the checks off for this connection only, whose bulk
        // writes are checked as above.
        let _ = self
            .0
            .execute_batch("PRAGMA ignore_check_constraints = OFF; PRAGMA foreign_keys = ON");
    }
}

/// The prepared statements of one write transaction, prepared once and reused for every row
/// (instead of a `prepare_cached` lookup, which hashes the SQL text, per row).
struct Writer<'c> {
    tx: &'c Transaction<'c>,
    first_copy: CachedStatement<'c>,
    exists: CachedStatement<'c>,
    same_source: CachedStatement<'c>,
    article: CachedStatement<'c>,
    statement: CachedStatement<'c>,
    stance: CachedStatement<'c>,
    /// Faction-tag INSERTs of [`TAG_CHUNKS`] rows each, in that order.
    tags: Vec<CachedStatement<'c>>,
    ledger_delete: CachedStatement<'c>,
    ledger_insert: CachedStatement<'c>,
    /// The last statement date written and its text: the statements of an article share their
    /// date as a rule, and formatting one costs far more than comparing.
    date: Option<(Date, String)>,
}

impl<'c> Writer<'c> {
    fn new(tx: &'c Transaction<'c>) -> Result<Self> {
        Ok(Writer {
            tx,
            first_copy: tx.prepare_cached(
                "SELECT id, duplicate_of IS NOT NULL FROM articles WHERE content_hash = ?1",
            )?,
            exists: tx.prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?,
            same_source: tx.prepare_cached(
                "SELECT id FROM articles WHERE content_hash = ?1 AND source = ?2 LIMIT 1",
            )?,
            article: tx.prepare_cached(
                "INSERT INTO articles (ext_id, source, url, outlet, outlet_id, title, published, text,
                                       content_hash, language, simhash, duplicate_of)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?,
            statement: tx.prepare_cached(
                r#"INSERT INTO statements (article_id, ordinal, kind, text, start, "end",
                     cue_text, cue_start, cue_end,
                     source_text, source_start, source_end, source_name, source_actor, source_type,
                     outlet_id, outlet_name, date)
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"#,
            )?,
            stance: tx.prepare_cached(
                "INSERT INTO stances (statement_id, issue, label, score, confidence, evidence, decided_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            tags: TAG_CHUNKS
                .iter()
                .map(|&n| tx.prepare_cached(&tag_insert(n)))
                .collect::<rusqlite::Result<_>>()?,
            // `IFNULL(record, -1)` on both sides, as in the unique index `inputs_key`, so that the
            // lookup uses both of its columns; `record IS ?2` used only `source` and scanned every
            // earlier record of the same file (quadratic in the records of a JSONL or WARC file).
            ledger_delete: tx.prepare_cached(
                "DELETE FROM inputs WHERE source = ?1 AND IFNULL(record, -1) = IFNULL(?2, -1)",
            )?,
            ledger_insert: tx.prepare_cached(
                "INSERT INTO inputs (source, record, status, reason, article_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            date: None,
        })
    }

    /// The first stored copy of a text: an original (no `duplicate_of`) before a linked copy,
    /// then the lowest id. Picked here rather than by `ORDER BY`, which sorts in a temporary
    /// B-tree per lookup.
    fn first_copy(&mut self, hash: &str) -> Result<Option<i64>> {
        let mut best: Option<(bool, i64)> = None;
        let mut rows = self.first_copy.query([hash])?;
        while let Some(r) = rows.next()? {
            let key = (r.get::<_, bool>(1)?, r.get::<_, i64>(0)?);
            if best.is_none_or(|b| key < b) {
                best = Some(key);
            }
        }
        Ok(best.map(|(_, id)| id))
    }

    /// `id` if article `id` is stored, else an error (the foreign key `articles.duplicate_of`
    /// would have refused it).
    fn stored(&mut self, id: i64) -> Result<i64> {
        match self.exists.query_row([id], |_| Ok(())).optional()? {
            Some(()) => Ok(id),
            None => Err(crate::StoreError::Corrupt(format!(
                "near-duplicate of article {id}, which is not stored"
            ))),
        }
    }

    /// Replaces the ledger row of `(source, record)` and returns the new row's id.
    fn ledger(
        &mut self,
        source: &str,
        record: Option<u64>,
        status: InputStatus,
        reason: Option<&str>,
        article: Option<i64>,
    ) -> Result<i64> {
        let record = record.map(|r| r as i64);
        self.ledger_delete.execute(params![source, record])?;
        Ok(self
            .ledger_insert
            .insert(params![source, record, status.as_str(), reason, article])?)
    }

    /// Inserts an article row and returns its id.
    fn article(&mut self, item: &NewArticle<'_>, hash: &str, extra: Extra<'_>) -> Result<i64> {
        let a = item.article;
        Ok(self.article.insert(params![
            a.id,
            a.source,
            a.url,
            a.outlet,
            item.outlet_id,
            a.title,
            a.published.map(|d| d.to_string()),
            a.text,
            hash,
            extra.language,
            extra.simhash.map(|h| h as i64),
            extra.duplicate_of,
        ])?)
    }

    /// Inserts an article's statements with their stances, then all their faction tags.
    fn statements(&mut self, article_id: i64, item: &NewArticle<'_>) -> Result<()> {
        let mut tags: Vec<(i64, &FactionTag)> = Vec::new();
        for (ordinal, (s, statement_tags)) in item.statements.iter().enumerate() {
            let statement_id = self.statement(article_id, ordinal, s)?;
            tags.extend(statement_tags.iter().map(|t| (statement_id, t)));
        }
        self.tags(&tags)
    }

    /// Inserts faction tags `(statement id, tag)`, [`TAG_CHUNKS`] rows an INSERT: one execution
    /// of a many-row INSERT costs far less than as many one-row ones (each of which binds,
    /// opens its cursors, steps, halts and resets). `OR IGNORE` drops a repeated row within a
    /// chunk as it does across executions, so the stored rows are the same.
    fn tags(&mut self, mut tags: &[(i64, &FactionTag)]) -> Result<()> {
        for (&n, st) in TAG_CHUNKS.iter().zip(&mut self.tags) {
            while tags.len() >= n {
                let (chunk, rest) = tags.split_at(n);
                for (i, (statement_id, t)) in chunk.iter().enumerate() {
                    st.raw_bind_parameter(3 * i + 1, statement_id)?;
                    st.raw_bind_parameter(3 * i + 2, &t.faction)?;
                    st.raw_bind_parameter(3 * i + 3, t.via.as_str())?;
                }
                st.raw_execute()?;
                tags = rest;
            }
        }
        Ok(())
    }

    /// Inserts a statement with its stances and returns its row id.
    fn statement(&mut self, article_id: i64, ordinal: usize, s: &Statement) -> Result<i64> {
        let n = |v: usize| v as i64;
        let date = s.date.map(|d| date_text(&mut self.date, d));
        let statement_id = self.statement.insert(params![
            article_id,
            n(ordinal),
            s.kind.as_str(),
            s.text,
            n(s.span.start),
            n(s.span.end),
            s.cue.as_ref().map(|c| c.text.as_str()),
            s.cue.as_ref().map(|c| n(c.span.start)),
            s.cue.as_ref().map(|c| n(c.span.end)),
            s.source.text,
            s.source.span.map(|sp| n(sp.start)),
            s.source.span.map(|sp| n(sp.end)),
            s.source.name,
            s.source.actor,
            s.source.kind.as_str(),
            s.outlet.as_ref().and_then(|o| o.id.as_deref()),
            s.outlet.as_ref().map(|o| o.name.as_str()),
            date,
        ])?;
        for stance in &s.stance {
            self.stance.execute(params![
                statement_id,
                stance.issue,
                stance.label.as_str(),
                stance.score,
                stance.confidence,
                serde_json::to_string(&stance.evidence)?,
                stance.by,
            ])?;
        }
        Ok(statement_id)
    }
}

/// The text of `date` (`YYYY-MM-DD`, as `Date`'s `Display` writes it), formatted only when it
/// is not the one in `last`, which then holds it.
fn date_text(last: &mut Option<(Date, String)>, date: Date) -> &str {
    if last.as_ref().is_none_or(|(d, _)| *d != date) {
        *last = Some((date, date.to_string()));
    }
    last.as_ref().map_or("", |(_, text)| text.as_str())
}

/// Rows of the faction-tag INSERTs, largest first; the last is 1, so any number of rows is a
/// sum of them.
const TAG_CHUNKS: [usize; 3] = [16, 4, 1];

/// `INSERT OR IGNORE INTO statement_factions` of `rows` rows (parameters `?1` … `?3·rows`).
fn tag_insert(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|i| format!("(?{}, ?{}, ?{})", 3 * i + 1, 3 * i + 2, 3 * i + 3))
        .collect();
    format!(
        "INSERT OR IGNORE INTO statement_factions (statement_id, faction, via) VALUES {}",
        values.join(", ")
    )
}

fn insert_one(w: &mut Writer<'_>, item: &NewArticle<'_>) -> Result<InsertOutcome> {
    let hash = item.article.content_hash();
    let existing: Option<i64> =
        w.tx.prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
            .query_row([&hash], |r| r.get(0))
            .optional()?;
    if let Some(of) = existing {
        return Ok(InsertOutcome::Duplicate { of });
    }
    let article_id = w.article(item, &hash, Extra::default())?;
    w.statements(article_id, item)?;
    Ok(InsertOutcome::Inserted { id: article_id })
}
