//! Reads: articles, statements (rebuilt with stances and faction tags), the KB snapshot, the
//! ingest ledger.

use std::collections::HashMap;

use rift_core::{
    Actor, Article, Cue, Date, Evidence, Faction, IssueConfig, Outlet, OutletRef, Source,
    SourceType, Span, Stance, StanceLabel, Statement, StatementKind, Tie,
};
use rusqlite::{types::ToSql, OptionalExtension, Row};

use crate::{
    ArticleRow, FactionTag, InputRow, InputStatus, Result, StatementFilter, StatementRow, Store,
    StoreError, StoreStats, TieVia,
};

impl Store {
    /// All stored articles (without their texts), in storage order.
    pub fn articles(&self) -> Result<Vec<ArticleRow>> {
        let mut st = self.conn.prepare(
            "SELECT a.id, a.ext_id, a.title, a.outlet, a.outlet_id, a.published, a.source, a.url,
                    a.content_hash, a.duplicate_of, a.ingested_at,
                    (SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id)
             FROM articles a ORDER BY a.id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                ArticleRow {
                    id: r.get(0)?,
                    ext_id: r.get(1)?,
                    title: r.get(2)?,
                    outlet: r.get(3)?,
                    outlet_id: r.get(4)?,
                    date: None,
                    source: r.get(6)?,
                    url: r.get(7)?,
                    hash: r.get(8)?,
                    duplicate_of: r.get(9)?,
                    statements: r.get::<_, i64>(11)? as u64,
                    ingested_at: r.get(10)?,
                },
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        rows.map(|row| {
            let (mut a, date) = row?;
            a.date = parse_opt_date(date)?;
            Ok(a)
        })
        .collect()
    }

    /// The full article stored under row id `id`, text included.
    pub fn article(&self, id: i64) -> Result<Option<Article>> {
        let row = self
            .conn
            .query_row(
                "SELECT ext_id, source, url, outlet, title, published, text FROM articles WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        Article {
                            id: r.get(0)?,
                            source: r.get(1)?,
                            url: r.get(2)?,
                            outlet: r.get(3)?,
                            title: r.get(4)?,
                            published: None,
                            text: r.get(6)?,
                        },
                        r.get::<_, Option<String>>(5)?,
                    ))
                },
            )
            .optional()?;
        match row {
            None => Ok(None),
            Some((mut a, date)) => {
                a.published = parse_opt_date(date)?;
                Ok(Some(a))
            }
        }
    }

    /// Stored statements matching `filter`, in article then statement order, each rebuilt with
    /// all its stances (not only the filtered issue's) and its faction tags.
    pub fn statements(&self, filter: &StatementFilter) -> Result<Vec<StatementRow>> {
        let mut conds: Vec<&str> = Vec::new();
        let mut args: Vec<(&str, &dyn ToSql)> = Vec::new();
        if let Some(issue) = &filter.issue {
            conds.push(
                "EXISTS (SELECT 1 FROM stances x WHERE x.statement_id = s.id AND x.issue = :issue)",
            );
            args.push((":issue", issue));
        }
        if let Some(actor) = &filter.actor {
            conds.push("s.source_actor = :actor");
            args.push((":actor", actor));
        }
        if let Some(faction) = &filter.faction {
            conds.push(
                "EXISTS (SELECT 1 FROM statement_factions t WHERE t.statement_id = s.id AND t.faction IN (
                    WITH RECURSIVE sub(id) AS (
                        SELECT :faction UNION SELECT f.id FROM factions f JOIN sub ON f.parent = sub.id)
                    SELECT id FROM sub))",
            );
            args.push((":faction", faction));
        }
        if let Some(article) = &filter.article {
            conds.push("s.article_id = :article");
            args.push((":article", article));
        }
        let filter_sql = if conds.is_empty() {
            "1".to_string()
        } else {
            conds.join(" AND ")
        };

        let mut stances: HashMap<i64, Vec<Stance>> = HashMap::new();
        {
            let sql = format!(
                "SELECT st.statement_id, st.issue, st.label, st.score, st.confidence, st.evidence, st.decided_by
                 FROM stances st WHERE st.statement_id IN (SELECT s.id FROM statements s WHERE {filter_sql})
                 ORDER BY st.statement_id, st.id"
            );
            let mut st = self.conn.prepare(&sql)?;
            let mut rows = st.query(args.as_slice())?;
            while let Some(r) = rows.next()? {
                let label: String = r.get(2)?;
                let evidence: String = r.get(5)?;
                let stance = Stance {
                    issue: r.get(1)?,
                    label: StanceLabel::parse(&label)
                        .ok_or_else(|| StoreError::Corrupt(format!("stance label {label:?}")))?,
                    score: r.get(3)?,
                    confidence: r.get(4)?,
                    evidence: serde_json::from_str::<Vec<Evidence>>(&evidence)?,
                    by: r.get(6)?,
                };
                stances.entry(r.get(0)?).or_default().push(stance);
            }
        }

        let mut tags: HashMap<i64, Vec<FactionTag>> = HashMap::new();
        {
            let sql = format!(
                "SELECT t.statement_id, t.faction, t.via FROM statement_factions t
                 WHERE t.statement_id IN (SELECT s.id FROM statements s WHERE {filter_sql})
                 ORDER BY t.statement_id"
            );
            let mut st = self.conn.prepare(&sql)?;
            let mut rows = st.query(args.as_slice())?;
            while let Some(r) = rows.next()? {
                let via: String = r.get(2)?;
                let via = TieVia::parse(&via)
                    .ok_or_else(|| StoreError::Corrupt(format!("tie via {via:?}")))?;
                tags.entry(r.get(0)?)
                    .or_default()
                    .push(FactionTag::new(r.get::<_, String>(1)?, via));
            }
            tags.values_mut().for_each(|t| t.sort());
        }

        let sql = format!(
            r#"SELECT s.id, s.article_id, s.ordinal, a.ext_id, s.kind, s.text, s.start, s."end",
                      s.cue_text, s.cue_start, s.cue_end,
                      s.source_text, s.source_start, s.source_end, s.source_name, s.source_actor,
                      s.source_type, s.outlet_id, s.outlet_name, s.date, a.title, a.url
               FROM statements s JOIN articles a ON a.id = s.article_id
               WHERE {filter_sql}
               ORDER BY s.article_id, s.ordinal"#
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(args.as_slice())?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let mut statement = statement_from_row(r)?;
            statement.stance = stances.remove(&id).unwrap_or_default();
            out.push(StatementRow {
                id,
                article_id: r.get(1)?,
                ordinal: r.get::<_, i64>(2)? as u32,
                statement,
                factions: tags.remove(&id).unwrap_or_default(),
                article_title: r.get(20)?,
                article_url: r.get(21)?,
            });
        }
        Ok(out)
    }

    /// The stored KB factions, by id.
    pub fn factions(&self) -> Result<Vec<Faction>> {
        self.snapshot("SELECT json FROM factions ORDER BY id")
    }

    /// The stored KB actors, by id.
    pub fn actors(&self) -> Result<Vec<Actor>> {
        self.snapshot("SELECT json FROM actors ORDER BY id")
    }

    /// The stored KB outlets, by id.
    pub fn outlets(&self) -> Result<Vec<Outlet>> {
        self.snapshot("SELECT json FROM outlets ORDER BY id")
    }

    /// The stored KB ties, in the order they were saved.
    pub fn ties(&self) -> Result<Vec<Tie>> {
        self.snapshot("SELECT json FROM ties ORDER BY id")
    }

    /// Row counts: what the database holds, for summaries after an ingest.
    pub fn stats(&self) -> Result<StoreStats> {
        let count = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let inputs = |status: InputStatus| -> Result<u64> {
            Ok(self.conn.query_row(
                "SELECT COUNT(*) FROM inputs WHERE status = ?1",
                [status.as_str()],
                |r| r.get::<_, i64>(0),
            )? as u64)
        };
        Ok(StoreStats {
            articles: count("SELECT COUNT(*) FROM articles")?,
            statements: count("SELECT COUNT(*) FROM statements")?,
            stances: count("SELECT COUNT(*) FROM stances")?,
            inputs_ingested: inputs(InputStatus::Ingested)?,
            inputs_duplicate: inputs(InputStatus::Duplicate)?,
            inputs_rejected: inputs(InputStatus::Rejected)?,
        })
    }

    /// The stored issues, by id.
    pub fn issues(&self) -> Result<Vec<IssueConfig>> {
        self.snapshot("SELECT config FROM issues ORDER BY id")
    }

    /// The stored issue `id`, if any.
    pub fn issue(&self, id: &str) -> Result<Option<IssueConfig>> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT config FROM issues WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
    }

    /// The ingest ledger, oldest first.
    pub fn inputs(&self) -> Result<Vec<InputRow>> {
        let mut st = self.conn.prepare(
            "SELECT id, source, record, status, reason, article_id, at FROM inputs ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let status: String = r.get(3)?;
            out.push(InputRow {
                id: r.get(0)?,
                source: r.get(1)?,
                record: r.get::<_, Option<i64>>(2)?.map(|v| v as u64),
                status: InputStatus::parse(&status)
                    .ok_or_else(|| StoreError::Corrupt(format!("input status {status:?}")))?,
                reason: r.get(4)?,
                article_id: r.get(5)?,
                at: r.get(6)?,
            });
        }
        Ok(out)
    }

    fn snapshot<T: serde::de::DeserializeOwned>(&self, sql: &str) -> Result<Vec<T>> {
        let mut st = self.conn.prepare(sql)?;
        let jsons = st.query_map([], |r| r.get::<_, String>(0))?;
        jsons
            .map(|j| Ok(serde_json::from_str(&j?)?))
            .collect::<Result<Vec<T>>>()
    }
}

fn parse_opt_date(s: Option<String>) -> Result<Option<Date>> {
    s.map(|s| rift_core::parse_date(&s).ok_or_else(|| StoreError::Corrupt(format!("date {s:?}"))))
        .transpose()
}

fn span(start: Option<i64>, end: Option<i64>) -> Option<Span> {
    match (start, end) {
        (Some(s), Some(e)) => Some(Span::new(s as usize, e as usize)),
        _ => None,
    }
}

/// Rebuilds a statement (without stances) from the columns selected by [`Store::statements`].
fn statement_from_row(r: &Row<'_>) -> Result<Statement> {
    let kind: String = r.get(4)?;
    let cue_text: Option<String> = r.get(8)?;
    let cue = match (cue_text, span(r.get(9)?, r.get(10)?)) {
        (Some(text), Some(span)) => Some(Cue { text, span }),
        _ => None,
    };
    let outlet_id: Option<String> = r.get(17)?;
    let outlet_name: Option<String> = r.get(18)?;
    let outlet = outlet_name.map(|name| OutletRef {
        id: outlet_id,
        name,
    });
    Ok(Statement {
        article: r.get(3)?,
        kind: StatementKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("statement kind {kind:?}")))?,
        text: r.get(5)?,
        span: Span::new(r.get::<_, i64>(6)? as usize, r.get::<_, i64>(7)? as usize),
        cue,
        source: Source {
            text: r.get(11)?,
            span: span(r.get(12)?, r.get(13)?),
            name: r.get(14)?,
            actor: r.get(15)?,
            kind: SourceType::parse(&r.get::<_, String>(16)?),
        },
        outlet,
        date: parse_opt_date(r.get(19)?)?,
        stance: Vec::new(),
    })
}
