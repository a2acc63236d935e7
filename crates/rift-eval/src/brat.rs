//! Reading attribution gold in PolNeAR's brat stand-off layout.
//!
//! A gold folder holds `text/NAME.txt` (the article) and `attributions/NAME_ANNOTATOR.ann` (the
//! annotations). An `.ann` file has text-bound lines `T1<TAB>Source 201 220<TAB>O’Malley’s
//! campaign` (types `Source`, `Cue`, `Content`, plus the `Attribution` trigger; spans in code
//! points, discontinuous spans joined by `;`) and event lines `E1<TAB>Attribution:T4 Content:T3
//! Cue:T2 Source:T1` that tie them into one attribution. When an article was annotated twice,
//! [`read_dir`] uses the first file in sorted order and [`read_dir_all`] keeps both (for the
//! annotators' agreement, `rift eval agreement`).
//!
//! [`crate::quotes`] scores rift's statements against the [`GoldArticle`]s read here.

use std::collections::HashMap;
use std::path::Path;

use rift_core::Span;

use crate::EvalError;

/// One gold attribution: content, cue and source spans (each possibly discontinuous).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldAttribution {
    /// The attributed content; never empty for attributions read by [`parse_ann`].
    pub content: Vec<Span>,
    /// The cue (`said`, `according to`, `:`); may be empty.
    pub cue: Vec<Span>,
    /// The source; empty for `Attribution-no-source`.
    pub source: Vec<Span>,
}

/// One gold article: its text and attributions.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// File name without extension (`breitbart_2015-11-16_o-malley-campaign-to-shift-staff`).
    pub id: String,
    /// The article text every span points into.
    pub text: String,
    /// The attributions that have a content span, in file order.
    pub attributions: Vec<GoldAttribution>,
}

fn parse_spans(s: &str) -> Option<Vec<Span>> {
    s.split(';')
        .map(|p| {
            let mut it = p.split_whitespace();
            let a = it.next()?.parse().ok()?;
            let b = it.next()?.parse().ok()?;
            Some(Span::new(a, b))
        })
        .collect()
}

/// Parses one `.ann` file. Attributions without a content span are skipped; lines of other kinds
/// (`AnnotatorNotes`, `Discuss`, relations) are ignored. `path` is only used in errors.
pub fn parse_ann(path: &str, ann: &str) -> Result<Vec<GoldAttribution>, EvalError> {
    let mut spans: HashMap<&str, (&str, Vec<Span>)> = HashMap::new();
    let mut events: Vec<(usize, &str)> = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let (kind, rest) = body.split_once(' ').unwrap_or((body, ""));
            let sp = parse_spans(rest).ok_or_else(|| EvalError::Parse {
                path: path.to_string(),
                line: i + 1,
                message: format!("bad span list {rest:?}"),
            })?;
            spans.insert(id, (kind, sp));
        } else if id.starts_with('E') {
            events.push((i, body));
        }
    }
    let mut out = Vec::new();
    for (_, body) in events {
        let mut a = GoldAttribution::default();
        for arg in body.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else {
                continue;
            };
            let Some((_, sp)) = spans.get(tid) else {
                continue;
            };
            // brat numbers a repeated role (`Content2:T22`, a quote continued after its
            // credit): its spans join the first argument's.
            let add = |to: &mut Vec<_>| {
                to.extend(sp.iter().cloned());
            };
            match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Content" => add(&mut a.content),
                "Cue" => add(&mut a.cue),
                "Source" => add(&mut a.source),
                _ => {}
            }
        }
        for v in [&mut a.content, &mut a.cue, &mut a.source] {
            v.sort_by_key(|r: &Span| (r.start, r.end));
        }
        if !a.content.is_empty() {
            out.push(a);
        }
    }
    Ok(out)
}

fn io(path: &Path, source: std::io::Error) -> EvalError {
    EvalError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Reads a PolNeAR-layout folder (`text/*.txt`, `attributions/*.ann`). Articles are returned in
/// sorted order; for an article with several annotation files, the first in sorted order is
/// used. An annotation file whose text is missing is an error.
pub fn read_dir(dir: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    Ok(scan(dir, false)?
        .into_iter()
        .map(|a| {
            let attributions = a
                .annotations
                .into_iter()
                .next()
                .map_or_else(Vec::new, |x| x.1);
            GoldArticle {
                id: a.id,
                text: a.text,
                attributions,
            }
        })
        .collect())
}

/// One gold article with every annotation file it has (PolNeAR had some articles annotated
/// twice, to measure how far annotators agree).
#[derive(Debug, Clone)]
pub struct AnnotatedArticle {
    /// File name without extension, as in [`GoldArticle::id`].
    pub id: String,
    /// The article text every span points into.
    pub text: String,
    /// `(annotator, attributions)` for each annotation file, in sorted file order; the
    /// annotator is the file name's suffix after the article id (`ef2d`), or empty.
    pub annotations: Vec<(String, Vec<GoldAttribution>)>,
}

/// Reads a PolNeAR-layout folder keeping every annotation file of an article ([`read_dir`]
/// keeps the first). Articles are in sorted order.
pub fn read_dir_all(dir: &Path) -> Result<Vec<AnnotatedArticle>, EvalError> {
    scan(dir, true)
}

/// The articles of a gold folder with their first annotation file, or with all of them (`all`);
/// a file that is not read cannot fail the scan.
fn scan(dir: &Path, all: bool) -> Result<Vec<AnnotatedArticle>, EvalError> {
    let ann_dir = dir.join("attributions");
    let mut files: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(|e| io(&ann_dir, e))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    files.sort();
    let mut out: Vec<AnnotatedArticle> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for f in files {
        let stem = f.trim_end_matches(".ann");
        // NAME_ANNOTATOR.ann → NAME (the text file decides which split is right).
        let (id, annotator) = match stem.rsplit_once('_') {
            Some((name, who)) if dir.join("text").join(format!("{name}.txt")).exists() => {
                (name, who)
            }
            _ => (stem, ""),
        };
        let seen = at.get(id).copied();
        if seen.is_some() && !all {
            continue;
        }
        let ap = ann_dir.join(&f);
        let ann = std::fs::read_to_string(&ap).map_err(|e| io(&ap, e))?;
        let attributions = parse_ann(&ap.display().to_string(), &ann)?;
        if let Some(i) = seen {
            out[i]
                .annotations
                .push((annotator.to_string(), attributions));
            continue;
        }
        let tp = dir.join("text").join(format!("{id}.txt"));
        let text = std::fs::read_to_string(&tp).map_err(|e| io(&tp, e))?;
        at.insert(id.to_string(), out.len());
        out.push(AnnotatedArticle {
            id: id.to_string(),
            text,
            annotations: vec![(annotator.to_string(), attributions)],
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: &str = "T1\tSource 0 5\tMorris\n\
T2\tCue 6 10\tsays\n\
T3\tContent 11 20;25 30\tthe campaign\n\
T4\tAttribution 6 10\tsays\n\
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
T5\tCue 40 42\tin\n\
T6\tContent 43 50\tx\n\
E2\tAttribution-no-source:T5 Content:T6 Cue:T5\n\
E3\tAttribution:T4 Cue:T2\n\
#1\tAnnotatorNotes T1\tnote\n";

    #[test]
    fn parses_events_with_discontinuous_and_missing_roles() {
        let a = parse_ann("x.ann", ANN).unwrap();
        assert_eq!(a.len(), 2, "the event without content is skipped");
        assert_eq!(a[0].source, vec![Span::new(0, 5)]);
        assert_eq!(a[0].cue, vec![Span::new(6, 10)]);
        assert_eq!(a[0].content, vec![Span::new(11, 20), Span::new(25, 30)]);
        assert!(a[1].source.is_empty());
        assert_eq!(a[1].content, vec![Span::new(43, 50)]);
    }

    #[test]
    fn numbered_roles_join_the_first() {
        // `"A," X said … "B."`: PolNeAR gives the continued quote as `Content2`.
        let a = parse_ann(
            "x.ann",
            "T1\tContent 50 60\tB\nT2\tContent 0 10\tA\nT3\tCue 20 24\tsaid\n\
             E1\tAttribution:T3 Content2:T1 Cue:T3 Content:T2\n",
        )
        .unwrap();
        assert_eq!(a[0].content, vec![Span::new(0, 10), Span::new(50, 60)]);
    }

    #[test]
    fn bad_spans_are_errors_with_line() {
        let e = parse_ann("x.ann", "T1\tSource 0 x\tfoo\n").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }

    #[test]
    fn reads_folder_and_takes_first_annotation_file() {
        let dir = std::env::temp_dir().join(format!("rift-brat-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("text")).unwrap();
        std::fs::create_dir_all(dir.join("attributions")).unwrap();
        std::fs::write(
            dir.join("text/a_b.txt"),
            "Morris says the campaign is fine.",
        )
        .unwrap();
        std::fs::write(
            dir.join("attributions/a_b_11aa.ann"),
            "T1\tContent 12 32\tthe campaign is fine\nE1\tAttribution:T1 Content:T1\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("attributions/a_b_22bb.ann"),
            "T1\tContent 0 6\tMorris\nE1\tAttribution:T1 Content:T1\n",
        )
        .unwrap();
        let arts = read_dir(&dir).unwrap();
        let all = read_dir_all(&dir).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].id, "a_b");
        assert_eq!(arts[0].attributions[0].content, vec![Span::new(12, 32)]);
        // read_dir_all keeps both annotators, in file order, under the one article
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].id, "a_b");
        let who: Vec<&str> = all[0].annotations.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(who, ["11aa", "22bb"]);
        assert_eq!(all[0].annotations[1].1[0].content, vec![Span::new(0, 6)]);
    }

    #[test]
    fn a_broken_second_annotation_file_fails_only_the_reader_that_reads_it() {
        let dir = std::env::temp_dir().join(format!("rift-brat2-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("text")).unwrap();
        std::fs::create_dir_all(dir.join("attributions")).unwrap();
        std::fs::write(dir.join("text/a.txt"), "Morris says the campaign is fine.").unwrap();
        std::fs::write(
            dir.join("attributions/a_11aa.ann"),
            "T1\tContent 12 32\tthe campaign is fine\nE1\tAttribution:T1 Content:T1\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("attributions/a_22bb.ann"),
            "T1\tContent x y\tbad\n",
        )
        .unwrap();
        let first = read_dir(&dir);
        let all = read_dir_all(&dir);
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(first.unwrap()[0].attributions.len(), 1);
        let e = all.unwrap_err().to_string();
        assert!(e.contains("a_22bb.ann"), "{e}");
    }
}
