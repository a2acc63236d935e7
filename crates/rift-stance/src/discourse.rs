//! Discourse rule: a statement that concerns no issue on its own, but continues the words of the
//! same source as an adjacent statement that has a stance, inherits that stance (lower
//! confidence, `context` evidence). Runs last in [`crate::StanceClassifier::classify_article`].

use rift_core::{CharIndex, Evidence, Source, Stance, Statement};

/// Confidence of an inherited stance relative to the neighbour's.
pub(crate) const INHERIT_FACTOR: f64 = 0.6;

/// True when two sources are the same: same resolved name, same KB id, or same mention.
fn same_source(a: &Source, b: &Source) -> bool {
    (a.name.is_some() && a.name == b.name)
        || (a.actor.is_some() && a.actor == b.actor)
        || (!a.text.trim().is_empty() && a.text.trim().eq_ignore_ascii_case(b.text.trim()))
}

/// Paragraph breaks (whitespace runs holding a newline) between code points `from` and `to`.
fn breaks_between(index: &CharIndex, text: &str, from: usize, to: usize) -> usize {
    if from >= to {
        return 0;
    }
    let between = &text[index.byte_of(from)..index.byte_of(to)];
    let mut runs = 0;
    let mut in_run = false;
    let mut has_newline = false;
    for c in between.chars().chain(std::iter::once('x')) {
        if c.is_whitespace() {
            in_run = true;
            has_newline |= c == '\n';
        } else {
            if in_run && has_newline {
                runs += 1;
            }
            in_run = false;
            has_newline = false;
        }
    }
    runs
}

/// Applies the rule to statements whose stances were just computed.
pub(crate) fn inherit(index: &CharIndex, text: &str, statements: &mut [Statement]) {
    let mut order: Vec<usize> = (0..statements.len()).collect();
    order.sort_by_key(|&i| (statements[i].span.start, statements[i].span.end));
    let own: Vec<bool> = statements.iter().map(|s| !s.stance.is_empty()).collect();
    let mut inherited: Vec<(usize, Vec<Stance>)> = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        if own[i] {
            continue;
        }
        let me = &statements[i];
        let neighbours = [k.checked_sub(1), Some(k + 1)];
        let best = neighbours
            .into_iter()
            .flatten()
            .filter_map(|kk| order.get(kk).copied())
            .filter(|&j| own[j] && same_source(&me.source, &statements[j].source))
            .filter_map(|j| {
                let other = &statements[j];
                let (from, to) = if other.span.start >= me.span.end {
                    (me.span.end, other.span.start)
                } else {
                    (other.span.end, me.span.start)
                };
                (breaks_between(index, text, from, to) <= 1).then_some((to.saturating_sub(from), j))
            })
            .min();
        if let Some((_, j)) = best {
            let stances = statements[j]
                .stance
                .iter()
                .map(|s| Stance {
                    issue: s.issue.clone(),
                    label: s.label,
                    score: s.score,
                    confidence: (s.confidence * INHERIT_FACTOR * 1000.0).round() / 1000.0,
                    evidence: s
                        .evidence
                        .iter()
                        .filter(|e| matches!(e.role.as_str(), "favor" | "against" | "condition"))
                        .map(|e| Evidence {
                            text: e.text.clone(),
                            span: e.span,
                            role: "context".to_string(),
                        })
                        .collect(),
                    by: s.by.clone(),
                })
                .collect();
            inherited.push((i, stances));
        }
    }
    for (i, stances) in inherited {
        statements[i].stance = stances;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_paragraph_breaks() {
        let text = "a b\nc\n\n d";
        let idx = CharIndex::new(text);
        assert_eq!(breaks_between(&idx, text, 0, text.chars().count()), 2);
        assert_eq!(breaks_between(&idx, text, 0, 3), 0);
    }

    #[test]
    fn same_source_by_name_actor_or_mention() {
        let s = |text: &str, name: Option<&str>| Source {
            text: text.into(),
            name: name.map(Into::into),
            ..Source::default()
        };
        assert!(same_source(
            &s("Bavand", Some("Hermidas Bavand")),
            &s("he", Some("Hermidas Bavand"))
        ));
        assert!(same_source(&s("he", None), &s("He", None)));
        assert!(!same_source(
            &s("the website", None),
            &s("Bavand", Some("Hermidas Bavand"))
        ));
    }
}
