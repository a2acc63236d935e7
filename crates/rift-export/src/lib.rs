//! Export of stored statements, computed positions and articles as CSV, JSONL or Parquet.
//!
//! `rift export` opens the database (`rift-store`), builds one flat [`Table`] —
//! [`statements_table`] (one row per statement and issue stance), [`positions_table`] (one row
//! per issue, window and group, from `rift-analyze`) or [`articles_table`] — and writes it with
//! [`write_csv`], [`write_jsonl`] or (feature `parquet`, on by default) [`write_parquet`] through
//! the arrow and parquet crates. Columns are typed ([`ColumnType`]); missing values are empty
//! CSV cells, JSON `null`s and Parquet nulls.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use rift_analyze::{NameLookup, SeriesOptions, Window};
use rift_store::{StatementFilter, Store};

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the database failed.
    #[error(transparent)]
    Store(#[from] rift_store::StoreError),
    /// Writing the output failed.
    #[error("writing: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// JSON encoding failed.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The Parquet writer or reader failed.
    #[cfg(feature = "parquet")]
    #[error("Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    /// Arrow failed to build a batch.
    #[cfg(feature = "parquet")]
    #[error("Arrow: {0}")]
    Arrow(#[from] arrow_schema::ArrowError),
    /// The issue is not in the database.
    #[error("unknown issue {0:?}")]
    UnknownIssue(String),
    /// This build has no Parquet support (feature `parquet` off).
    #[error("this rift was built without Parquet support (cargo feature `parquet`)")]
    NoParquet,
}

/// Result with [`ExportError`].
pub type Result<T, E = ExportError> = std::result::Result<T, E>;

/// Type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// UTF-8 text.
    Text,
    /// true / false.
    Bool,
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Missing.
    Null,
    /// Integer.
    Int(i64),
    /// Float.
    Float(f64),
    /// Text.
    Text(String),
    /// Boolean.
    Bool(bool),
}

impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Self {
        v.map_or(Value::Null, Value::Text)
    }
}
impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_string())
    }
}
impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Float(v)
    }
}
impl From<Option<f64>> for Value {
    fn from(v: Option<f64>) -> Self {
        v.map_or(Value::Null, Value::Float)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

/// A flat, typed table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column names and types.
    pub columns: Vec<(String, ColumnType)>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    fn new(columns: &[(&str, ColumnType)]) -> Self {
        Table {
            columns: columns.iter().map(|(n, t)| (n.to_string(), *t)).collect(),
            rows: Vec::new(),
        }
    }
}

use ColumnType::{Bool, Float, Int, Text};

/// Every stored statement (optionally only those with a stance on `issue`), one row per
/// (statement, stance); a statement without stances gives one row with empty stance columns.
pub fn statements_table(store: &Store, issue: Option<&str>) -> Result<Table> {
    let mut t = Table::new(&[
        ("statement_id", Int),
        ("article_id", Int),
        ("article", Text),
        ("ordinal", Int),
        ("kind", Text),
        ("text", Text),
        ("start", Int),
        ("end", Int),
        ("cue", Text),
        ("source_text", Text),
        ("source_name", Text),
        ("source_actor", Text),
        ("source_type", Text),
        ("outlet_id", Text),
        ("outlet_name", Text),
        ("date", Text),
        ("factions", Text),
        ("issue", Text),
        ("label", Text),
        ("score", Float),
        ("confidence", Float),
        ("decided_by", Text),
        ("evidence", Text),
        ("article_title", Text),
        ("article_url", Text),
    ]);
    let rows = store.statements(&StatementFilter {
        issue: issue.map(str::to_string),
        ..Default::default()
    })?;
    for r in rows {
        let s = &r.statement;
        let factions = r
            .factions
            .iter()
            .map(|f| format!("{}:{}", f.faction, f.via.as_str()))
            .collect::<Vec<_>>()
            .join(";");
        let base: Vec<Value> = vec![
            r.id.into(),
            r.article_id.into(),
            s.article.as_str().into(),
            (r.ordinal as i64).into(),
            s.kind.as_str().into(),
            s.text.as_str().into(),
            (s.span.start as i64).into(),
            (s.span.end as i64).into(),
            s.cue.as_ref().map(|c| c.text.clone()).into(),
            s.source.text.as_str().into(),
            s.source.name.clone().into(),
            s.source.actor.clone().into(),
            s.source.kind.as_str().into(),
            s.outlet.as_ref().and_then(|o| o.id.clone()).into(),
            s.outlet.as_ref().map(|o| o.name.clone()).into(),
            s.date.map(|d| d.to_string()).into(),
            factions.into(),
        ];
        let tail = |st: Option<&rift_core::Stance>| -> Result<Vec<Value>> {
            Ok(match st {
                None => vec![Value::Null; 6],
                Some(st) => vec![
                    st.issue.as_str().into(),
                    st.label.as_str().into(),
                    st.score.into(),
                    st.confidence.into(),
                    st.by.as_str().into(),
                    serde_json::to_string(&st.evidence)?.into(),
                ],
            })
        };
        let stances: Vec<&rift_core::Stance> = s
            .stance
            .iter()
            .filter(|st| issue.is_none_or(|i| st.issue == i))
            .collect();
        let extra: Vec<Value> = vec![r.article_title.clone().into(), r.article_url.clone().into()];
        if stances.is_empty() {
            let mut row = base.clone();
            row.extend(tail(None)?);
            row.extend(extra.clone());
            t.rows.push(row);
        }
        for st in stances {
            let mut row = base.clone();
            row.extend(tail(Some(st))?);
            row.extend(extra.clone());
            t.rows.push(row);
        }
    }
    Ok(t)
}

/// Positions per issue (all stored issues, or `issue`), window and group, with the reference
/// line as a row of role `reference` and the rift index on every row of its window.
pub fn positions_table(store: &Store, issue: Option<&str>, opts: &SeriesOptions) -> Result<Table> {
    let mut t = Table::new(&[
        ("issue", Text),
        ("window", Text),
        ("start", Text),
        ("end", Text),
        ("role", Text),
        ("group_id", Text),
        ("group_name", Text),
        ("label", Text),
        ("score", Float),
        ("ci_low", Float),
        ("ci_high", Float),
        ("n", Int),
        ("favor", Int),
        ("against", Int),
        ("conditional", Int),
        ("neutral", Int),
        ("unresolved", Bool),
        ("divergence", Float),
        ("divergence_low", Float),
        ("divergence_high", Float),
        ("rift", Float),
        ("rift_low", Float),
        ("rift_high", Float),
    ]);
    let issues = match issue {
        Some(id) => vec![store
            .issue(id)?
            .ok_or_else(|| ExportError::UnknownIssue(id.to_string()))?],
        None => store.issues()?,
    };
    let names = NameLookup::new(&store.factions()?, &store.actors()?, &store.outlets()?);
    let copies: HashSet<i64> = store.copy_articles()?;
    for is in issues {
        let rows = store.statements(&StatementFilter {
            issue: Some(is.id.clone()),
            ..Default::default()
        })?;
        let o = SeriesOptions {
            reference: opts.reference.clone().or_else(|| is.reference.clone()),
            ..opts.clone()
        };
        let s = rift_analyze::series(&rows, &is, &o, &names, &copies);
        for w in &s.windows {
            let rift: [Value; 3] = match &w.rift {
                Some(r) => [
                    r.value.into(),
                    r.interval.low.into(),
                    r.interval.high.into(),
                ],
                None => [Value::Null, Value::Null, Value::Null],
            };
            let head = |role: &str| -> Vec<Value> {
                vec![
                    is.id.as_str().into(),
                    w.window.as_str().into(),
                    w.start.map(|d| d.to_string()).into(),
                    w.end.map(|d| d.to_string()).into(),
                    role.into(),
                ]
            };
            if let (Some(l), Some(a)) = (&w.reference, &s.reference) {
                let mut row = head(if l.carried {
                    "reference-carried"
                } else {
                    "reference"
                });
                row.extend([
                    a.actor.as_str().into(),
                    a.name.as_str().into(),
                    l.label.as_str().into(),
                    l.score.into(),
                    l.interval.low.into(),
                    l.interval.high.into(),
                    (l.n as i64).into(),
                    Value::Null,
                    Value::Null,
                    Value::Null,
                    Value::Null,
                    false.into(),
                    Value::Null,
                    Value::Null,
                    Value::Null,
                ]);
                row.extend(rift.iter().cloned());
                t.rows.push(row);
            }
            for g in &w.groups {
                let mut row = head("group");
                row.extend([
                    g.id.as_str().into(),
                    g.name.as_str().into(),
                    g.label.as_str().into(),
                    g.score.into(),
                    g.interval.low.into(),
                    g.interval.high.into(),
                    (g.n as i64).into(),
                    (g.counts.favor as i64).into(),
                    (g.counts.against as i64).into(),
                    (g.counts.conditional as i64).into(),
                    (g.counts.neutral as i64).into(),
                    g.unresolved.into(),
                    g.divergence.into(),
                    g.divergence_interval.map(|i| i.low).into(),
                    g.divergence_interval.map(|i| i.high).into(),
                ]);
                row.extend(rift.iter().cloned());
                t.rows.push(row);
            }
        }
    }
    Ok(t)
}

/// Every stored article (without its text).
pub fn articles_table(store: &Store) -> Result<Table> {
    let mut t = Table::new(&[
        ("article_id", Int),
        ("article", Text),
        ("title", Text),
        ("outlet", Text),
        ("outlet_id", Text),
        ("date", Text),
        ("source", Text),
        ("url", Text),
        ("content_hash", Text),
        ("duplicate_of", Int),
        ("statements", Int),
        ("ingested_at", Text),
    ]);
    for a in store.articles()? {
        t.rows.push(vec![
            a.id.into(),
            a.ext_id.into(),
            a.title.into(),
            a.outlet.into(),
            a.outlet_id.into(),
            a.date.map(|d| d.to_string()).into(),
            a.source.into(),
            a.url.into(),
            a.hash.into(),
            a.duplicate_of.map_or(Value::Null, Value::Int),
            (a.statements as i64).into(),
            a.ingested_at.into(),
        ]);
    }
    Ok(t)
}

/// Default series options of the positions export: whole range, by faction.
pub fn default_positions_options(window: Window) -> SeriesOptions {
    SeriesOptions {
        window,
        ..Default::default()
    }
}

/// Writes `t` as CSV with a header row.
pub fn write_csv<W: Write>(t: &Table, w: W) -> Result<()> {
    let mut c = csv::Writer::from_writer(w);
    c.write_record(t.columns.iter().map(|(n, _)| n.as_str()))?;
    for r in &t.rows {
        c.write_record(r.iter().map(|v| match v {
            Value::Null => String::new(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Text(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
        }))?;
    }
    c.flush()?;
    Ok(())
}

/// Writes `t` as one JSON object per line (column order kept).
pub fn write_jsonl<W: Write>(t: &Table, mut w: W) -> Result<()> {
    for r in &t.rows {
        let mut m = serde_json::Map::new();
        for ((name, _), v) in t.columns.iter().zip(r) {
            let j = match v {
                Value::Null => serde_json::Value::Null,
                Value::Int(i) => (*i).into(),
                Value::Float(f) => serde_json::Number::from_f64(*f)
                    .map_or(serde_json::Value::Null, serde_json::Value::Number),
                Value::Text(s) => s.clone().into(),
                Value::Bool(b) => (*b).into(),
            };
            m.insert(name.clone(), j);
        }
        serde_json::to_writer(&mut w, &m)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(())
}

/// Writes `t` as a Parquet file at `path` (one row group, uncompressed).
#[cfg(feature = "parquet")]
pub fn write_parquet(t: &Table, path: &Path) -> Result<()> {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};

    let fields: Vec<Field> = t
        .columns
        .iter()
        .map(|(n, ty)| {
            let dt = match ty {
                Int => DataType::Int64,
                Float => DataType::Float64,
                Text => DataType::Utf8,
                Bool => DataType::Boolean,
            };
            Field::new(n, dt, true)
        })
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let mut arrays: Vec<ArrayRef> = Vec::with_capacity(t.columns.len());
    for (i, (_, ty)) in t.columns.iter().enumerate() {
        let col = t.rows.iter().map(|r| &r[i]);
        let a: ArrayRef = match ty {
            Int => Arc::new(Int64Array::from_iter(col.map(|v| match v {
                Value::Int(x) => Some(*x),
                _ => None,
            }))),
            Float => Arc::new(Float64Array::from_iter(col.map(|v| match v {
                Value::Float(x) => Some(*x),
                Value::Int(x) => Some(*x as f64),
                _ => None,
            }))),
            Text => Arc::new(StringArray::from_iter(col.map(|v| match v {
                Value::Text(x) => Some(x.as_str()),
                _ => None,
            }))),
            Bool => Arc::new(BooleanArray::from_iter(col.map(|v| match v {
                Value::Bool(x) => Some(*x),
                _ => None,
            }))),
        };
        arrays.push(a);
    }
    let batch = RecordBatch::try_new(schema.clone(), arrays)?;
    let file = std::fs::File::create(path)?;
    let mut w = parquet::arrow::ArrowWriter::try_new(file, schema, None)?;
    w.write(&batch)?;
    w.close()?;
    Ok(())
}

/// Without the `parquet` feature: always [`ExportError::NoParquet`].
#[cfg(not(feature = "parquet"))]
pub fn write_parquet(_t: &Table, _path: &Path) -> Result<()> {
    Err(ExportError::NoParquet)
}

/// Reads a Parquet file written by [`write_parquet`] back into a [`Table`] (for tests and
/// round-trip checks).
#[cfg(feature = "parquet")]
pub fn read_parquet(path: &Path) -> Result<Table> {
    use arrow_array::{Array, BooleanArray, Float64Array, Int64Array, StringArray};
    use arrow_schema::DataType;

    let file = std::fs::File::open(path)?;
    let reader =
        parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)?.build()?;
    let mut t: Option<Table> = None;
    for batch in reader {
        let batch = batch?;
        let table = t.get_or_insert_with(|| Table {
            columns: batch
                .schema()
                .fields()
                .iter()
                .map(|f| {
                    let ty = match f.data_type() {
                        DataType::Int64 => Int,
                        DataType::Float64 => Float,
                        DataType::Boolean => Bool,
                        _ => Text,
                    };
                    (f.name().clone(), ty)
                })
                .collect(),
            rows: Vec::new(),
        });
        for r in 0..batch.num_rows() {
            let mut row = Vec::with_capacity(batch.num_columns());
            for (c, (_, ty)) in table.columns.iter().enumerate() {
                let a = batch.column(c);
                if a.is_null(r) {
                    row.push(Value::Null);
                    continue;
                }
                let any = a.as_any();
                row.push(match ty {
                    Int => Value::Int(any.downcast_ref::<Int64Array>().expect("int64").value(r)),
                    Float => Value::Float(
                        any.downcast_ref::<Float64Array>()
                            .expect("float64")
                            .value(r),
                    ),
                    Bool => Value::Bool(
                        any.downcast_ref::<BooleanArray>()
                            .expect("boolean")
                            .value(r),
                    ),
                    Text => Value::Text(
                        any.downcast_ref::<StringArray>()
                            .expect("utf8")
                            .value(r)
                            .to_string(),
                    ),
                });
            }
            table.rows.push(row);
        }
    }
    Ok(t.unwrap_or(Table {
        columns: Vec::new(),
        rows: Vec::new(),
    }))
}

#[cfg(test)]
mod tests;
