//! Reading a project folder: `kb.toml` and/or `kb/*.toml`, plus `issues.toml`.
//!
//! Files are parsed with `toml`; every table keeps the line of its `[[header]]` in [`Origins`] so
//! that [`crate::check`] and load errors can point at `file:line`. TOML dates (`from = 2013-08-03`)
//! and quoted dates (`from = "2013-08-03"`) are both accepted.

use std::path::{Path, PathBuf};

use rift_core::{Actor, Faction, IssueConfig, Outlet, Tie, TieSubject};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use toml::{Spanned, Table, Value};

use crate::KbError;

/// The knowledge base: plain lists as written in the files (in file order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kb {
    /// `[[faction]]` tables.
    pub factions: Vec<Faction>,
    /// `[[actor]]` tables.
    pub actors: Vec<Actor>,
    /// `[[outlet]]` tables.
    pub outlets: Vec<Outlet>,
    /// `[[tie]]` tables.
    pub ties: Vec<Tie>,
}

impl Kb {
    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The outlet with this id.
    pub fn outlet(&self, id: &str) -> Option<&Outlet> {
        self.outlets.iter().find(|o| o.id == id)
    }

    /// The faction with this id.
    pub fn faction(&self, id: &str) -> Option<&Faction> {
        self.factions.iter().find(|f| f.id == id)
    }

    /// The ties of one actor or outlet, in file order.
    pub fn ties_of<'a>(&'a self, subject: &'a TieSubject) -> impl Iterator<Item = &'a Tie> + 'a {
        self.ties.iter().filter(move |t| &t.subject == subject)
    }

    /// Parses one KB file's text (as `kb.toml` would be); `file` is only used in messages and
    /// origins. Handy for tests and for KBs that do not live in a folder.
    pub fn from_toml_str(text: &str, file: &Path) -> Result<(Kb, Origins), KbError> {
        let mut kb = Kb::default();
        let mut origins = Origins::default();
        add_kb_file(&mut kb, &mut origins, text, file)?;
        Ok((kb, origins))
    }
}

/// Where one table was read: its file and the 1-based line of its `[[header]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file.
    pub file: PathBuf,
    /// 1-based line of the table header.
    pub line: usize,
}

/// Origins of every table of a [`Project`], index-parallel to the lists of [`Kb`] and
/// [`Project::issues`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origins {
    /// One per `Kb::factions` entry.
    pub factions: Vec<Origin>,
    /// One per `Kb::actors` entry.
    pub actors: Vec<Origin>,
    /// One per `Kb::outlets` entry.
    pub outlets: Vec<Origin>,
    /// One per `Kb::ties` entry.
    pub ties: Vec<Origin>,
    /// One per `Project::issues` entry.
    pub issues: Vec<Origin>,
}

/// A project folder: the KB and the issues a user follows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Project {
    /// The folder it was loaded from.
    pub dir: PathBuf,
    /// Factions, actors, outlets, ties.
    pub kb: Kb,
    /// `[[issue]]` tables of `issues.toml` (empty when the file is absent).
    pub issues: Vec<IssueConfig>,
    /// Where each table was read (for diagnostics).
    pub origins: Origins,
}

impl Project {
    /// Loads `dir/kb.toml` and every `dir/kb/*.toml` (sorted by name; at least one must exist),
    /// and `dir/issues.toml` if present. Errors name the file and line.
    pub fn load(dir: impl AsRef<Path>) -> Result<Project, KbError> {
        let dir = dir.as_ref().to_path_buf();
        let mut files = Vec::new();
        let single = dir.join("kb.toml");
        if single.is_file() {
            files.push(single);
        }
        let folder = dir.join("kb");
        if folder.is_dir() {
            let rd = std::fs::read_dir(&folder).map_err(|source| KbError::Io {
                path: folder.clone(),
                source,
            })?;
            let mut more: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
                .collect();
            more.sort();
            files.extend(more);
        }
        if files.is_empty() {
            return Err(KbError::NoKb { dir });
        }
        let mut kb = Kb::default();
        let mut origins = Origins::default();
        for f in &files {
            let text = read(f)?;
            add_kb_file(&mut kb, &mut origins, &text, f)?;
        }
        let mut issues = Vec::new();
        let issues_file = dir.join("issues.toml");
        if issues_file.is_file() {
            let text = read(&issues_file)?;
            let raw: RawIssues = parse(&text, &issues_file)?;
            for t in raw.issue {
                let (issue, origin) =
                    table_into::<IssueConfig>(t, &Lines::new(&text), &issues_file, "issue")?;
                issues.push(issue);
                origins.issues.push(origin);
            }
        } else {
            tracing::info!("{}: absent, no issues configured", issues_file.display());
        }
        tracing::debug!(
            factions = kb.factions.len(),
            actors = kb.actors.len(),
            outlets = kb.outlets.len(),
            ties = kb.ties.len(),
            issues = issues.len(),
            "project loaded from {}",
            dir.display()
        );
        Ok(Project {
            dir,
            kb,
            issues,
            origins,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKb {
    #[serde(default)]
    faction: Vec<Spanned<Table>>,
    #[serde(default)]
    actor: Vec<Spanned<Table>>,
    #[serde(default)]
    outlet: Vec<Spanned<Table>>,
    #[serde(default)]
    tie: Vec<Spanned<Table>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIssues {
    #[serde(default)]
    issue: Vec<Spanned<Table>>,
}

const TIE_KEYS: [&str; 7] = [
    "actor", "outlet", "faction", "relation", "from", "to", "note",
];

fn add_kb_file(kb: &mut Kb, origins: &mut Origins, text: &str, file: &Path) -> Result<(), KbError> {
    let raw: RawKb = parse(text, file)?;
    let lines = Lines::new(text);
    for t in raw.faction {
        let (v, o) = table_into::<Faction>(t, &lines, file, "faction")?;
        kb.factions.push(v);
        origins.factions.push(o);
    }
    for t in raw.actor {
        let (v, o) = table_into::<Actor>(t, &lines, file, "actor")?;
        kb.actors.push(v);
        origins.actors.push(o);
    }
    for t in raw.outlet {
        let (v, o) = table_into::<Outlet>(t, &lines, file, "outlet")?;
        kb.outlets.push(v);
        origins.outlets.push(o);
    }
    for t in raw.tie {
        // `Tie` flattens its subject, so serde cannot reject stray keys itself.
        let line = lines.of(t.span().start);
        let table = t.get_ref();
        if let Some(k) = table.keys().find(|k| !TIE_KEYS.contains(&k.as_str())) {
            return Err(KbError::Parse {
                file: file.to_path_buf(),
                line,
                message: format!(
                    "[[tie]]: unknown field `{k}`, expected one of {}",
                    TIE_KEYS.join(", ")
                ),
            });
        }
        if table.contains_key("actor") == table.contains_key("outlet") {
            return Err(KbError::Parse {
                file: file.to_path_buf(),
                line,
                message: "[[tie]]: give exactly one of `actor = \"id\"` or `outlet = \"id\"`"
                    .to_string(),
            });
        }
        let (v, o) = table_into::<Tie>(t, &lines, file, "tie")?;
        kb.ties.push(v);
        origins.ties.push(o);
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, KbError> {
    std::fs::read_to_string(path).map_err(|source| KbError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn parse<T: DeserializeOwned>(text: &str, file: &Path) -> Result<T, KbError> {
    toml::from_str(text).map_err(|e| KbError::Parse {
        file: file.to_path_buf(),
        line: e.span().map_or(1, |s| line_of(text, s.start)),
        message: e.message().trim().to_string(),
    })
}

fn table_into<T: DeserializeOwned>(
    t: Spanned<Table>,
    lines: &Lines,
    file: &Path,
    what: &str,
) -> Result<(T, Origin), KbError> {
    let line = lines.of(t.span().start);
    let mut value = Value::Table(t.into_inner());
    dates_to_strings(&mut value);
    let v = value.try_into::<T>().map_err(|e| KbError::Parse {
        file: file.to_path_buf(),
        line,
        message: format!("[[{what}]]: {}", e.message().trim()),
    })?;
    Ok((
        v,
        Origin {
            file: file.to_path_buf(),
            line,
        },
    ))
}

/// rift-core's dates deserialise from `YYYY-MM-DD` strings; TOML dates become such strings.
fn dates_to_strings(v: &mut Value) {
    match v {
        Value::Datetime(dt) => {
            let s = match dt.date {
                Some(d) => d.to_string(),
                None => dt.to_string(),
            };
            *v = Value::String(s);
        }
        Value::Array(a) => a.iter_mut().for_each(dates_to_strings),
        Value::Table(t) => t.iter_mut().for_each(|(_, v)| dates_to_strings(v)),
        _ => {}
    }
}

/// The line numbers of one file's byte offsets: the offset of every `\n`, found once (instead
/// of counting the newlines before each table again: quadratic in the file's length).
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        )
    }

    /// [`line_of`] this text at `pos`.
    fn of(&self, pos: usize) -> usize {
        self.0.partition_point(|&n| n < pos) + 1
    }
}

/// 1-based line number of byte offset `pos` in `text`.
pub(crate) fn line_of(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newline_index_gives_the_counted_line_numbers() {
        for text in [
            "",
            "a",
            "\n",
            "a\nb",
            "[[actor]]\nid = 'x'\n\n[[tie]]\n",
            "\n\nx\n",
        ] {
            let lines = Lines::new(text);
            for pos in 0..text.len() + 3 {
                assert_eq!(lines.of(pos), line_of(text, pos), "{text:?} {pos}");
            }
        }
    }
}
