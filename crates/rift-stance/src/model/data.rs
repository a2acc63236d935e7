//! Labelled data readers: rift's own JSONL, the GWSD TSV and the SemEval-2016 Task 6 folders.

use std::path::{Path, PathBuf};

use rift_core::StanceLabel;
use serde::Deserialize;

use crate::StanceError;

/// One labelled text.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Id (from the data, else the line number).
    pub id: String,
    /// The text.
    pub text: String,
    /// Gold label.
    pub label: StanceLabel,
    /// Issue / target the label is about, when the data says.
    pub issue: Option<String>,
    /// How sure the label is, in (0, 1] (GWSD: the winning label's probability; else 1). It
    /// scales the example's cost in training unless soft labels are used.
    pub weight: f64,
    /// The label distribution, when the data has one (GWSD's probabilities), in
    /// [`StanceLabel::ALL`] order; training with `soft_labels` uses it instead of `label`.
    pub soft: Option<[f64; 4]>,
}

impl Example {
    /// A fully confident example whose id is its text, with no issue and no label
    /// distribution.
    pub fn new(text: impl Into<String>, label: StanceLabel) -> Self {
        let text = text.into();
        Example {
            id: text.clone(),
            text,
            label,
            issue: None,
            weight: 1.0,
            soft: None,
        }
    }
}

/// The data formats `rift stance` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// `{text, label[, id, issue]}` per line; labels favor / against / conditional / neutral.
    Jsonl,
    /// GWSD TSV: label = largest of `agree` / `disagree` / `neutral` probabilities.
    Gwsd,
    /// SemEval-2016 folder with `{train,val}_{text,labels}.txt` (0 none, 1 against, 2 favor).
    Semeval,
}

impl DataFormat {
    /// Parses `jsonl`, `gwsd` or `semeval`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "jsonl" => Some(DataFormat::Jsonl),
            "gwsd" => Some(DataFormat::Gwsd),
            "semeval" => Some(DataFormat::Semeval),
            _ => None,
        }
    }
}

fn read(path: &Path) -> Result<String, StanceError> {
    std::fs::read_to_string(path).map_err(|source| StanceError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn bad(path: &Path, line: usize, reason: impl Into<String>) -> StanceError {
    StanceError::Data {
        path: path.to_path_buf(),
        line,
        reason: reason.into(),
    }
}

#[derive(Deserialize)]
struct JsonRecord {
    text: String,
    label: Option<String>,
    id: Option<serde_json::Value>,
    issue: Option<String>,
}

/// Reads JSONL records `{text, label[, id, issue]}`. With `need_label` false, a missing label
/// reads as neutral (for prediction input `{id, text}`).
pub fn read_jsonl(path: &Path, need_label: bool) -> Result<Vec<Example>, StanceError> {
    let text = read(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: JsonRecord =
            serde_json::from_str(line).map_err(|e| bad(path, i + 1, e.to_string()))?;
        let label = match (&r.label, need_label) {
            (Some(l), _) => StanceLabel::parse(l)
                .ok_or_else(|| bad(path, i + 1, format!("unknown label `{l}`")))?,
            (None, true) => return Err(bad(path, i + 1, "missing `label`")),
            (None, false) => StanceLabel::Neutral,
        };
        let id = match r.id {
            Some(serde_json::Value::String(s)) => s,
            Some(v) => v.to_string(),
            None => (i + 1).to_string(),
        };
        out.push(Example {
            id,
            text: r.text,
            label,
            issue: r.issue,
            weight: 1.0,
            soft: None,
        });
    }
    Ok(out)
}

/// Reads the GWSD TSV (`sentence`, `agree`, `disagree`, `neutral`, `guid` columns); rows without
/// probabilities are skipped. agree → favor, disagree → against.
pub fn read_gwsd(path: &Path) -> Result<Vec<Example>, StanceError> {
    let text = read(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| bad(path, 1, format!("no `{name}` column")))
    };
    let (sent, agree, disagree, neutral) = (
        col("sentence")?,
        col("agree")?,
        col("disagree")?,
        col("neutral")?,
    );
    let guid = col("guid").ok();
    let mut out = Vec::new();
    for (i, line) in lines.enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let prob = |c: usize| f.get(c).and_then(|v| v.trim().parse::<f64>().ok());
        let (Some(a), Some(d), Some(n)) = (prob(agree), prob(disagree), prob(neutral)) else {
            continue;
        };
        let Some(s) = f.get(sent).filter(|s| !s.trim().is_empty()) else {
            continue;
        };
        let label = if a >= d && a >= n {
            StanceLabel::Favor
        } else if d >= n {
            StanceLabel::Against
        } else {
            StanceLabel::Neutral
        };
        out.push(Example {
            id: guid
                .and_then(|g| f.get(g))
                .map_or_else(|| (i + 2).to_string(), |g| g.to_string()),
            text: s.to_string(),
            label,
            issue: Some("global-warming".into()),
            weight: a.max(d).max(n),
            soft: Some([a, d, 0.0, n]),
        });
    }
    Ok(out)
}

/// One SemEval target folder, as `(train, val)`.
pub fn read_semeval_target(dir: &Path) -> Result<(Vec<Example>, Vec<Example>), StanceError> {
    let target = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let split = |name: &str| -> Result<Vec<Example>, StanceError> {
        let tp = dir.join(format!("{name}_text.txt"));
        let lp = dir.join(format!("{name}_labels.txt"));
        let texts = read(&tp)?;
        let labels = read(&lp)?;
        let texts: Vec<&str> = texts.lines().collect();
        let labels: Vec<&str> = labels.lines().collect();
        if texts.len() != labels.len() {
            return Err(bad(
                &lp,
                0,
                format!("{} texts but {} labels", texts.len(), labels.len()),
            ));
        }
        texts
            .iter()
            .zip(&labels)
            .enumerate()
            .map(|(i, (t, l))| {
                let label = match l.trim() {
                    "0" => StanceLabel::Neutral,
                    "1" => StanceLabel::Against,
                    "2" => StanceLabel::Favor,
                    other => return Err(bad(&lp, i + 1, format!("unknown label `{other}`"))),
                };
                Ok(Example {
                    id: format!("{target}/{name}/{}", i + 1),
                    text: t.trim().to_string(),
                    label,
                    issue: Some(target.clone()),
                    weight: 1.0,
                    soft: None,
                })
            })
            .collect()
    };
    Ok((split("train")?, split("val")?))
}

/// The SemEval target folders under `dir`: `dir` itself when it holds `train_text.txt`, else
/// its sub-folders that do, sorted by name.
pub fn semeval_targets(dir: &Path) -> Result<Vec<PathBuf>, StanceError> {
    if dir.join("train_text.txt").is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let entries = std::fs::read_dir(dir).map_err(|source| StanceError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut v: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("train_text.txt").is_file())
        .collect();
    v.sort();
    if v.is_empty() {
        return Err(bad(
            dir,
            0,
            "no SemEval target folder (train_text.txt) here",
        ));
    }
    Ok(v)
}
