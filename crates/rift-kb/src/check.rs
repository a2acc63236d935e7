//! Validation of a loaded project (`rift kb check`).
//!
//! [`check`] looks for what would make [`crate::Resolver`] or `rift-analyze` silently wrong:
//! references to unknown ids, inverted date ranges, a subject tied to two rival factions at the
//! same time, one alias claimed by two entities, facts without a source note. Each finding is a
//! [`Diagnostic`] pointing at the `file:line` of the offending table (from [`crate::Origins`]).

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::PathBuf;

use rift_core::{Date, TieSubject};

use crate::fold::fold;
use crate::{Origin, Project};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Wrong data: `rift kb check` exits non-zero.
    Error,
    /// Suspicious or incomplete data.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One finding of [`check`]; displays as `file:line: error: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file of the offending table.
    pub file: PathBuf,
    /// 1-based line of the offending table's header (0 when unknown).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file.display(),
            self.line,
            self.severity,
            self.message
        )
    }
}

struct Out<'a> {
    project: &'a Project,
    diags: Vec<Diagnostic>,
}

impl Out<'_> {
    fn at(&mut self, severity: Severity, origin: Origin, message: String) {
        self.diags.push(Diagnostic {
            severity,
            file: origin.file,
            line: origin.line,
            message,
        });
    }
    fn origin(&self, list: &[Origin], i: usize) -> Origin {
        list.get(i).cloned().unwrap_or_else(|| Origin {
            file: self.project.dir.join("kb.toml"),
            line: 0,
        })
    }
}

fn overlaps(a: (Option<Date>, Option<Date>), b: (Option<Date>, Option<Date>)) -> bool {
    let starts_before_end = |s: Option<Date>, e: Option<Date>| match (s, e) {
        (Some(s), Some(e)) => s <= e,
        _ => true,
    };
    starts_before_end(a.0, b.1) && starts_before_end(b.0, a.1)
}

fn period(from: Option<Date>, to: Option<Date>) -> String {
    let f = from.map_or("?".to_string(), |d| d.to_string());
    let t = to.map_or("?".to_string(), |d| d.to_string());
    format!("{f}..{t}")
}

fn subject_label(s: &TieSubject) -> String {
    match s {
        TieSubject::Actor(id) => format!("actor `{id}`"),
        TieSubject::Outlet(id) => format!("outlet `{id}`"),
    }
}

fn missing_note(n: &Option<String>) -> bool {
    n.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// Validates a project; the result is sorted by file (in load order) and line. Errors: duplicate or empty ids,
/// references to unknown actors / outlets / factions (ties, faction `parent` / `reference`,
/// issue `reference`), parent cycles, inverted date ranges. Warnings: a subject tied to two
/// sibling factions over overlapping periods, an alias claimed by two actors/outlets, an id used
/// both as an actor and an outlet, a faction's reference actor tied to it, a fact without a `note`.
pub fn check(project: &Project) -> Vec<Diagnostic> {
    use Severity::{Error, Warning};
    let kb = &project.kb;
    let o = &project.origins;
    let mut out = Out {
        project,
        diags: Vec::new(),
    };

    // Ids.
    let dup = |kind: &str, ids: Vec<&str>, origins: &[Origin], out: &mut Out| {
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, id) in ids.into_iter().enumerate() {
            let at = out.origin(origins, i);
            if id.trim().is_empty() {
                out.at(Error, at, format!("{kind} with an empty id"));
                continue;
            }
            if let Some(&first) = seen.get(id) {
                let f = out.origin(origins, first);
                out.at(
                    Error,
                    at,
                    format!(
                        "duplicate {kind} id `{id}` (first defined at {}:{})",
                        f.file.display(),
                        f.line
                    ),
                );
            } else {
                seen.insert(id, i);
            }
        }
    };
    dup(
        "faction",
        kb.factions.iter().map(|x| x.id.as_str()).collect(),
        &o.factions,
        &mut out,
    );
    dup(
        "actor",
        kb.actors.iter().map(|x| x.id.as_str()).collect(),
        &o.actors,
        &mut out,
    );
    dup(
        "outlet",
        kb.outlets.iter().map(|x| x.id.as_str()).collect(),
        &o.outlets,
        &mut out,
    );
    dup(
        "issue",
        project.issues.iter().map(|x| x.id.as_str()).collect(),
        &o.issues,
        &mut out,
    );
    for (i, ou) in kb.outlets.iter().enumerate() {
        if kb.actor(&ou.id).is_some() {
            let at = out.origin(&o.outlets, i);
            out.at(
                Warning,
                at,
                format!("id `{}` is used by both an actor and an outlet", ou.id),
            );
        }
    }

    // Factions.
    for (i, f) in kb.factions.iter().enumerate() {
        let at = out.origin(&o.factions, i);
        if f.name.trim().is_empty() {
            out.at(
                Error,
                at.clone(),
                format!("faction `{}` has an empty name", f.id),
            );
        }
        if let Some(p) = &f.parent {
            if kb.faction(p).is_none() {
                out.at(
                    Error,
                    at.clone(),
                    format!("faction `{}`: unknown parent faction `{p}`", f.id),
                );
            } else {
                let mut cur = Some(p.as_str());
                let mut steps = 0;
                while let Some(c) = cur {
                    if c == f.id {
                        out.at(
                            Error,
                            at.clone(),
                            format!("faction `{}`: parent chain loops back to itself", f.id),
                        );
                        break;
                    }
                    steps += 1;
                    if steps > kb.factions.len() {
                        break;
                    }
                    cur = kb.faction(c).and_then(|x| x.parent.as_deref());
                }
            }
        }
        if let Some(r) = &f.reference {
            if kb.actor(r).is_none() {
                out.at(
                    Error,
                    at.clone(),
                    format!("faction `{}`: unknown reference actor `{r}`", f.id),
                );
            } else if kb
                .ties_of(&TieSubject::Actor(r.clone()))
                .any(|t| t.faction == f.id)
            {
                out.at(
                    Warning,
                    at.clone(),
                    format!(
                        "faction `{}`: reference actor `{r}` is tied to it, so the faction is compared with a member",
                        f.id
                    ),
                );
            }
        }
        if missing_note(&f.note) {
            out.at(Warning, at, format!("faction `{}` has no note", f.id));
        }
    }

    // Actors and roles.
    for (i, a) in kb.actors.iter().enumerate() {
        let at = out.origin(&o.actors, i);
        if a.name.trim().is_empty() {
            out.at(
                Error,
                at.clone(),
                format!("actor `{}` has an empty name", a.id),
            );
        }
        for r in &a.roles {
            if r.title.trim().is_empty() {
                out.at(
                    Error,
                    at.clone(),
                    format!("actor `{}`: role with an empty title", a.id),
                );
            }
            if let (Some(f), Some(t)) = (r.from, r.to) {
                if f > t {
                    out.at(
                        Error,
                        at.clone(),
                        format!(
                            "actor `{}`: role `{}` ends ({t}) before it starts ({f})",
                            a.id, r.title
                        ),
                    );
                }
            }
            if missing_note(&r.note) && missing_note(&a.note) {
                out.at(
                    Warning,
                    at.clone(),
                    format!("actor `{}`: role `{}` has no note", a.id, r.title),
                );
            }
        }
        if missing_note(&a.note) {
            out.at(Warning, at, format!("actor `{}` has no note", a.id));
        }
    }

    // Outlets.
    for (i, ou) in kb.outlets.iter().enumerate() {
        let at = out.origin(&o.outlets, i);
        if ou.name.trim().is_empty() {
            out.at(
                Error,
                at.clone(),
                format!("outlet `{}` has an empty name", ou.id),
            );
        }
        if missing_note(&ou.note) {
            out.at(Warning, at, format!("outlet `{}` has no note", ou.id));
        }
    }

    // Ties.
    for (i, t) in kb.ties.iter().enumerate() {
        let at = out.origin(&o.ties, i);
        match &t.subject {
            TieSubject::Actor(id) if kb.actor(id).is_none() => {
                out.at(Error, at.clone(), format!("tie: unknown actor `{id}`"))
            }
            TieSubject::Outlet(id) if kb.outlet(id).is_none() => {
                out.at(Error, at.clone(), format!("tie: unknown outlet `{id}`"))
            }
            _ => {}
        }
        if kb.faction(&t.faction).is_none() {
            out.at(
                Error,
                at.clone(),
                format!("tie: unknown faction `{}`", t.faction),
            );
        }
        if let (Some(f), Some(to)) = (t.from, t.to) {
            if f > to {
                out.at(
                    Error,
                    at.clone(),
                    format!(
                        "tie of {} to `{}` ends ({to}) before it starts ({f})",
                        subject_label(&t.subject),
                        t.faction
                    ),
                );
            }
        }
        if missing_note(&t.note) {
            out.at(
                Warning,
                at.clone(),
                format!(
                    "tie of {} to `{}` has no note",
                    subject_label(&t.subject),
                    t.faction
                ),
            );
        }
        // Rival camps at once: two sibling factions (same parent) over overlapping periods.
        for (j, u) in kb.ties.iter().enumerate().take(i) {
            if u.subject != t.subject || u.faction == t.faction {
                continue;
            }
            let (Some(ft), Some(fu)) = (kb.faction(&t.faction), kb.faction(&u.faction)) else {
                continue;
            };
            if ft.parent != fu.parent || !overlaps((t.from, t.to), (u.from, u.to)) {
                continue;
            }
            let first = out.origin(&o.ties, j);
            out.at(
                Warning,
                at.clone(),
                format!(
                    "{} is tied to both `{}` ({}, line {}) and `{}` ({}) over overlapping periods",
                    subject_label(&t.subject),
                    u.faction,
                    period(u.from, u.to),
                    first.line,
                    t.faction,
                    period(t.from, t.to)
                ),
            );
        }
    }

    // Issues.
    for (i, is) in project.issues.iter().enumerate() {
        if let Some(r) = &is.reference {
            if kb.actor(r).is_none() {
                let at = out.origin(&o.issues, i);
                out.at(
                    Error,
                    at,
                    format!("issue `{}`: unknown reference actor `{r}`", is.id),
                );
            }
        }
    }

    // An alias that is only a role title: ignored by the resolver, which resolves the role by date.
    let titles = crate::resolve::role_titles(kb);
    for (i, a) in kb.actors.iter().enumerate() {
        for al in &a.aliases {
            if crate::resolve::alias_is_role(al, &titles) {
                out.at(
                    Warning,
                    out.origin(&o.actors, i),
                    format!(
                        "actor `{}`: alias `{al}` is a role title; it is not matched as a name but resolved to whoever holds the role on the statement's date",
                        a.id
                    ),
                );
            }
        }
    }

    // One alias, two entities.
    let mut claims: BTreeMap<String, Vec<(String, Origin)>> = BTreeMap::new();
    for (i, a) in kb.actors.iter().enumerate() {
        let mut mine = HashSet::new();
        for n in std::iter::once(&a.name).chain(&a.aliases) {
            let k = fold(n);
            if !k.is_empty() && mine.insert(k.clone()) {
                claims
                    .entry(k)
                    .or_default()
                    .push((format!("actor `{}`", a.id), out.origin(&o.actors, i)));
            }
        }
    }
    for (i, ou) in kb.outlets.iter().enumerate() {
        let mut mine = HashSet::new();
        for n in std::iter::once(&ou.name).chain(&ou.aliases) {
            let k = fold(n);
            if !k.is_empty() && mine.insert(k.clone()) {
                claims
                    .entry(k)
                    .or_default()
                    .push((format!("outlet `{}`", ou.id), out.origin(&o.outlets, i)));
            }
        }
    }
    for (alias, who) in claims {
        if who.len() < 2 {
            continue;
        }
        let (first, first_at) = &who[0];
        for (other, at) in &who[1..] {
            out.at(
                Warning,
                at.clone(),
                format!(
                    "alias `{alias}` is claimed by {first} (line {}) and {other}; it will not be resolved",
                    first_at.line
                ),
            );
        }
    }

    // Load order: kb.toml, kb/*.toml, issues.toml; then by line.
    let issue_files: HashSet<&PathBuf> = o.issues.iter().map(|x| &x.file).collect();
    let rank = |f: &PathBuf| {
        if issue_files.contains(f) {
            2
        } else if f.file_name().is_some_and(|n| n == "kb.toml") {
            0
        } else {
            1
        }
    };
    let mut diags = out.diags;
    diags.sort_by(|a, b| (rank(&a.file), &a.file, a.line).cmp(&(rank(&b.file), &b.file, b.line)));
    diags
}
