//! The HTML rendering: one file, inline CSS and SVG, no scripts and no external resources.

use std::collections::HashMap;
use std::fmt::Write;

use rift_analyze::Window;

use crate::svg::{self, DotRow, Event, Line, Point};
use crate::{fmt_ci, fmt_score, ReportData, StatementEntry};

/// Escapes text for HTML element content and attribute values (`& < > " '`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#111;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:2px solid #222;padding-bottom:.2em}
.meta{color:#444;font-size:.9em}
ul.findings li{margin:.4em 0}
a{color:#0050a0}
table{border-collapse:collapse;width:100%;font-size:.86em;margin:.6em 0}
th,td{border:1px solid #bbb;padding:.25em .45em;vertical-align:top;text-align:left}
th{background:#eee}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
mark{background:#fff0b3;padding:0 .1em}
.ctx{color:#333}
.ev{font-size:.85em;color:#333}td.ev{min-width:11em}
.lab{font-size:13px;fill:#111}.tick{font-size:11px;fill:#333}
figure{margin:1em 0;page-break-inside:avoid}figcaption{font-size:.9em;color:#333}
.unres{color:#666;font-style:italic}
.favor{color:#0a5a8a}.against{color:#a03000}.conditional{color:#6b4b00}.neutral{color:#444}
@media print{body{max-width:none;margin:0}a{color:#000;text-decoration:none}section.group{page-break-inside:auto}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
"#;

fn slots(d: &ReportData) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for g in d.overall.groups.iter().filter(|g| !g.unresolved) {
        let k = m.len();
        m.insert(g.id.clone(), k);
    }
    m
}

/// The groups drawn in the time charts: resolved groups, top-level factions first, then larger
/// first, leaving out groups of fewer than 3 statements (unless that leaves fewer than two), at
/// most the palette's size.
fn charted(d: &ReportData) -> Vec<(String, String)> {
    let mut gs: Vec<&rift_analyze::WindowPosition> =
        d.overall.groups.iter().filter(|g| !g.unresolved).collect();
    gs.sort_by(|a, b| {
        b.in_rift
            .cmp(&a.in_rift)
            .then(b.n.cmp(&a.n))
            .then_with(|| a.id.cmp(&b.id))
    });
    let big: Vec<&rift_analyze::WindowPosition> = gs.iter().copied().filter(|g| g.n >= 3).collect();
    let chosen = if big.len() >= 2 { big } else { gs };
    chosen
        .into_iter()
        .take(svg::PALETTE.len())
        .map(|g| (g.id.clone(), g.name.clone()))
        .collect()
}

/// Renders the report as one self-contained HTML document.
pub fn render_html(d: &ReportData) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let title = format!("rift report: {}", d.issue.question);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><title>{}</title><style>{CSS}</style></head><body>",
        escape(&title)
    );
    let _ = write!(
        h,
        "<h1>{}</h1><p class=\"meta\">Issue <code>{}</code> · grouped by {} ({} ties) · {} statements · windows: {} · source: {}</p>",
        escape(&d.issue.question),
        escape(&d.issue.id),
        by_word(d),
        tie_word(d),
        d.statements.len(),
        window_word(d.window),
        escape(&d.options.source)
    );

    // Findings.
    h.push_str("<h2 id=\"findings\">Findings</h2><ul class=\"findings\">");
    for f in &d.findings {
        let _ = write!(h, "<li>{}", escape(&f.text));
        if !f.links.is_empty() {
            h.push_str(" <span class=\"ev\">Statements: ");
            let links: Vec<String> = f
                .links
                .iter()
                .map(|(t, a)| format!("<a href=\"#{}\">{}</a>", escape(a), escape(t)))
                .collect();
            h.push_str(&links.join(", "));
            h.push_str("</span>");
        }
        h.push_str("</li>");
    }
    h.push_str("</ul>");

    let slots = slots(d);
    // Chart 1: overall positions.
    let mut rows = Vec::new();
    if let Some(r) = &d.overall.reference {
        if let (Some(s), Some(i)) = (r.score, r.interval) {
            rows.push(DotRow {
                label: format!("{} (reference, n={})", r.name, r.n),
                href: format!("#{}", d.anchor(&r.actor)),
                score: s,
                low: i.low,
                high: i.high,
                slot: None,
                title: format!("{}: {} {}", r.name, fmt_score(s), fmt_ci(&i)),
            });
        }
    }
    for g in d.overall.groups.iter().take(20) {
        rows.push(DotRow {
            label: format!("{} (n={})", g.name, g.n),
            href: format!("#{}", d.anchor(&g.id)),
            score: g.score,
            low: g.interval.low,
            high: g.interval.high,
            slot: if g.unresolved {
                Some(usize::MAX)
            } else {
                slots.get(&g.id).copied()
            },
            title: format!("{}: {} {}", g.name, fmt_score(g.score), fmt_ci(&g.interval)),
        });
    }
    h.push_str("<h2 id=\"charts\">Charts</h2>");
    // Figures are numbered as they are drawn (a chart with no data is left out).
    let mut fig = 0;
    let has_reference = d.overall.reference.as_ref().and_then(|r| r.score).is_some();
    let reference_note = |text: &'static str| if has_reference { text } else { "" };
    if !rows.is_empty() {
        fig += 1;
        let _ = write!(
            h,
            "<figure>{}<figcaption>Figure {fig}. Position of each group over the whole range: mean stance score (dot) and 90% bootstrap interval (bar){}. Click a row for its statements.</figcaption></figure>",
            svg::dot_plot(
                "Positions over the whole range",
                &rows,
                d.overall.reference.as_ref().and_then(|r| r.score)
            ),
            reference_note("; the dashed line is the reference's line")
        );
    }

    let groups = charted(d);
    let in_range = |w: &&rift_analyze::WindowResult| match (w.start, d.chart_range) {
        (Some(s), Some((a, b))) => s >= a && s <= b,
        _ => true,
    };
    let style_of = |id: &str| slots.get(id).copied();
    if d.window != Window::All && !d.series.windows.is_empty() {
        // Chart 2: positions over time.
        let mut lines = Vec::new();
        if let Some(r) = &d.series.reference {
            let pts: Vec<Point> = d
                .series
                .windows
                .iter()
                .filter(in_range)
                .filter_map(|w| {
                    let l = w.reference.as_ref()?;
                    Some(Point {
                        x: w.start?,
                        y: l.score,
                        band: Some((l.interval.low, l.interval.high)),
                        title: format!(
                            "{} {}: {} {} n={}{}",
                            r.name,
                            w.window,
                            fmt_score(l.score),
                            fmt_ci(&l.interval),
                            l.n,
                            if l.carried { " (last known line)" } else { "" }
                        ),
                    })
                })
                .collect();
            if !pts.is_empty() {
                lines.push(Line {
                    name: format!("{} (reference)", r.name),
                    href: format!("#{}", d.anchor(&r.actor)),
                    slot: None,
                    points: pts,
                    shaded: false,
                });
            }
        }
        for (id, name) in &groups {
            let pts: Vec<Point> = d
                .series
                .windows
                .iter()
                .filter(in_range)
                .filter_map(|w| {
                    let g = w.groups.iter().find(|g| &g.id == id)?;
                    Some(Point {
                        x: w.start?,
                        y: g.score,
                        band: Some((g.interval.low, g.interval.high)),
                        title: format!(
                            "{name} {}: {} {} n={}",
                            w.window,
                            fmt_score(g.score),
                            fmt_ci(&g.interval),
                            g.n
                        ),
                    })
                })
                .collect();
            lines.push(Line {
                name: name.clone(),
                href: format!("#{}", d.anchor(id)),
                slot: style_of(id),
                points: pts,
                shaded: false,
            });
        }
        let events: Vec<Event> = d
            .timeline
            .groups
            .iter()
            .flat_map(|g| {
                let slot = style_of(&g.id);
                g.change_points.iter().map(move |c| Event {
                    x: c.at,
                    label: format!("shift: {}", g.name),
                    slot,
                })
            })
            .chain(d.pivot.iter().map(|p| Event {
                x: p.pivot,
                label: "pivot".into(),
                slot: None,
            }))
            .collect();
        fig += 1;
        let _ = write!(
            h,
            "<figure>{}<figcaption>Figure {fig}. Position per {} and group: mean stance score with 90% bootstrap interval (whiskers){}; vertical dashed lines mark the shifts found. Hover for values, click for statements.</figcaption></figure>",
            svg::time_chart(
                "Positions over time",
                &lines,
                (-1.0, 1.0),
                &svg::stance_ticks(),
                &events
            ),
            window_word(d.window),
            reference_note("; the reference's line in black (dashed)")
        );

        // Chart 3: divergence over time.
        if d.series.reference.is_some() {
            let lines: Vec<Line> = groups
                .iter()
                .map(|(id, name)| Line {
                    name: name.clone(),
                    href: format!("#{}", d.anchor(id)),
                    slot: style_of(id),
                    shaded: false,
                    points: d
                        .series
                        .windows
                        .iter()
                        .filter(in_range)
                        .filter_map(|w| {
                            let g = w.groups.iter().find(|g| &g.id == id)?;
                            let dv = g.divergence?;
                            let i = g.divergence_interval?;
                            Some(Point {
                                x: w.start?,
                                y: dv,
                                band: Some((i.low, i.high)),
                                title: format!(
                                    "{name} {}: divergence {dv:.2} {}",
                                    w.window,
                                    fmt_ci(&i)
                                ),
                            })
                        })
                        .collect(),
                })
                .filter(|l| !l.points.is_empty())
                .collect();
            if !lines.is_empty() {
                fig += 1;
                let _ = write!(
                    h,
                    "<figure>{}<figcaption>Figure {fig}. Divergence from the reference's line per {}: |group − reference| (0 = same line, 2 = opposite ends), with 90% bootstrap interval. A window where the reference said nothing uses its last known line.</figcaption></figure>",
                    svg::time_chart(
                        "Divergence from the reference",
                        &lines,
                        (0.0, 2.0),
                        &[(0.0, "0 same"), (0.5, "0.5"), (1.0, "1"), (1.5, "1.5"), (2.0, "2 opposite")],
                        &[]
                    ),
                    window_word(d.window)
                );
            }
        }

        // Chart 4: rift index.
        let pts: Vec<Point> = d
            .series
            .windows
            .iter()
            .filter(in_range)
            .filter_map(|w| {
                let r = w.rift.as_ref()?;
                Some(Point {
                    x: w.start?,
                    y: r.value,
                    band: Some((r.interval.low.min(r.value), r.interval.high.max(r.value))),
                    title: format!(
                        "{}: rift {:.2} [{:.2}, {:.2}] over {} groups, n={}",
                        w.window,
                        r.value,
                        r.interval.low,
                        r.interval.high,
                        r.groups.len(),
                        r.n
                    ),
                })
            })
            .collect();
        if !pts.is_empty() {
            let line = Line {
                name: "rift index".into(),
                href: "#positions".into(),
                slot: Some(0),
                points: pts,
                shaded: true,
            };
            fig += 1;
            let _ = write!(
                h,
                "<figure>{}<figcaption>Figure {fig}. Rift index per {}: statement-weighted standard deviation of the groups' positions (0 = one line, 1 = an even split between +1 and −1), with its 90% stratified bootstrap interval (band).</figcaption></figure>",
                svg::time_chart(
                    "Rift index",
                    &[line],
                    (0.0, 1.0),
                    &[(0.0, "0"), (0.25, "0.25"), (0.5, "0.5"), (0.75, "0.75"), (1.0, "1")],
                    &[]
                ),
                window_word(d.window)
            );
        }
    }

    // Tables.
    h.push_str("<h2 id=\"positions\">Positions</h2>");
    h.push_str("<table><thead><tr><th>Group</th><th>Label</th><th>Score</th><th>90% interval</th><th>Statements</th><th>F / A / C / N</th><th>Divergence</th><th>90% interval</th><th>In rift index</th></tr></thead><tbody>");
    if let Some(r) = &d.overall.reference {
        let _ = write!(
            h,
            "<tr><td><a href=\"#{}\">{}</a> (reference)</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td><td></td><td></td><td></td></tr>",
            escape(d.anchor(&r.actor)),
            escape(&r.name),
            r.label.map_or("-", |l| l.as_str()),
            r.score.map(fmt_score).unwrap_or_else(|| "-".into()),
            r.interval.as_ref().map(fmt_ci).unwrap_or_else(|| "-".into()),
            r.n
        );
    }
    for g in &d.overall.groups {
        let _ = write!(
            h,
            "<tr><td><a href=\"#{}\"{}>{}</a></td><td class=\"{}\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{} / {} / {} / {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(d.anchor(&g.id)),
            if g.unresolved { " class=\"unres\"" } else { "" },
            escape(&g.name),
            g.label.as_str(),
            g.label.as_str(),
            fmt_score(g.score),
            fmt_ci(&g.interval),
            g.n,
            g.counts.favor,
            g.counts.against,
            g.counts.conditional,
            g.counts.neutral,
            g.divergence.map(|x| format!("{x:.2}")).unwrap_or_else(|| "-".into()),
            g.divergence_interval
                .map(|i| format!("[{:.2}, {:.2}]", i.low, i.high))
                .unwrap_or_else(|| "-".into()),
            if g.in_rift { "yes" } else { "no" }
        );
    }
    h.push_str("</tbody></table>");
    if let Some(r) = &d.overall.rift {
        let _ = write!(
            h,
            "<p>Rift index over the whole range: <strong>{:.2}</strong> (90% interval {:.2}–{:.2}) over {} groups and {} statements.</p>",
            r.value, r.interval.low, r.interval.high, r.groups.len(), r.n
        );
    }

    if d.window != Window::All {
        let _ = write!(
            h,
            "<details><summary>Positions per {} (table)</summary><table><thead><tr><th>Window</th><th>Group</th><th>Score</th><th>90% interval</th><th>n</th><th>Divergence</th><th>Rift index</th></tr></thead><tbody>",
            window_word(d.window)
        );
        for w in &d.series.windows {
            let rift = w
                .rift
                .as_ref()
                .map(|r| {
                    format!(
                        "{:.2} [{:.2}, {:.2}]",
                        r.value, r.interval.low, r.interval.high
                    )
                })
                .unwrap_or_else(|| "-".into());
            if let (Some(l), Some(r)) = (&w.reference, &d.series.reference) {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td><a href=\"#{}\">{}</a> (reference{})</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td><td class=\"num\">{}</td></tr>",
                    escape(&w.window),
                    escape(d.anchor(&r.actor)),
                    escape(&r.name),
                    if l.carried { ", last known" } else { "" },
                    fmt_score(l.score),
                    fmt_ci(&l.interval),
                    l.n,
                    rift
                );
            }
            for g in &w.groups {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td><a href=\"#{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                    escape(&w.window),
                    escape(d.anchor(&g.id)),
                    escape(&g.name),
                    fmt_score(g.score),
                    fmt_ci(&g.interval),
                    g.n,
                    g.divergence.map(|x| format!("{x:.2}")).unwrap_or_else(|| "-".into()),
                    rift
                );
            }
        }
        h.push_str("</tbody></table></details>");
    }

    // Shifts.
    h.push_str("<h2 id=\"shifts\">Shifts</h2>");
    let cps: Vec<(&rift_analyze::GroupTimeline, &rift_analyze::ChangePoint)> = d
        .timeline
        .groups
        .iter()
        .flat_map(|g| g.change_points.iter().map(move |c| (g, c)))
        .collect();
    let _ = write!(
        h,
        "<p>Change points per {}: binary segmentation, each split tested by the maximum two-sample t over the window boundaries against {} permutations of the segment (p &lt; {}, at least {} statements on each side).</p>",
        window_word(d.timeline.window),
        d.options.change.permutations,
        d.options.change.alpha,
        d.options.change.min_size
    );
    if cps.is_empty() {
        h.push_str("<p>No change point found.</p>");
    } else {
        h.push_str("<table><thead><tr><th>Group</th><th>Between</th><th>Before</th><th>After</th><th>Change</th><th>90% interval</th><th>p</th><th>n before / after</th></tr></thead><tbody>");
        for (g, c) in cps {
            let _ = write!(
                h,
                "<tr><td><a href=\"#{}\">{}</a></td><td>{} → {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.3}</td><td class=\"num\">{} / {}</td></tr>",
                escape(d.anchor(&g.id)),
                escape(&g.name),
                escape(&c.after_window),
                escape(&c.window),
                fmt_score(c.before),
                fmt_score(c.after),
                fmt_score(c.delta),
                fmt_ci(&c.interval),
                c.p_value,
                c.n_before,
                c.n_after
            );
        }
        h.push_str("</tbody></table>");
    }
    if let Some(p) = &d.pivot {
        let _ = write!(
            h,
            "<h3>Before and after {}</h3><table><thead><tr><th>Group</th><th>Before</th><th>n</th><th>After</th><th>n</th><th>Difference</th><th>90% interval</th><th>p</th></tr></thead><tbody>",
            p.pivot
        );
        for g in p.reference.iter().chain(&p.groups) {
            let _ = write!(
                h,
                "<tr><td><a href=\"#{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                escape(d.anchor(&g.id)),
                escape(&g.name),
                g.before.map(fmt_score).unwrap_or_else(|| "-".into()),
                g.n_before,
                g.after.map(fmt_score).unwrap_or_else(|| "-".into()),
                g.n_after,
                g.delta.map(fmt_score).unwrap_or_else(|| "-".into()),
                g.interval.as_ref().map(fmt_ci).unwrap_or_else(|| "-".into()),
                g.p_value.map(|x| format!("{x:.3}")).unwrap_or_else(|| "-".into())
            );
        }
        h.push_str("</tbody></table>");
    }

    // Statements per group.
    h.push_str("<h2 id=\"statements\">Statements per group</h2>");
    if let Some(r) = &d.overall.reference {
        statements_section(
            &mut h,
            d,
            d.anchor(&r.actor),
            &format!("{} (reference)", r.name),
            &r.statements,
        );
    }
    for g in &d.overall.groups {
        statements_section(&mut h, d, d.anchor(&g.id), &g.name, &g.statements);
    }

    // Articles.
    h.push_str("<h2 id=\"articles\">Articles</h2><table><thead><tr><th>Article</th><th>Title</th><th>Outlet</th><th>Date</th><th>Link</th></tr></thead><tbody>");
    for a in &d.articles {
        let link = match &a.url {
            Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
                format!(
                    "<a href=\"{0}\" rel=\"noreferrer noopener\">{0}</a>",
                    escape(u)
                )
            }
            _ => escape(&a.source),
        };
        let _ = write!(
            h,
            "<tr id=\"a{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            a.id,
            escape(&a.ext_id),
            escape(a.title.as_deref().unwrap_or("")),
            escape(a.outlet.as_deref().unwrap_or("")),
            a.date.map(|d| d.to_string()).unwrap_or_default(),
            link
        );
    }
    h.push_str("</tbody></table>");

    h.push_str("<h2 id=\"method\">Method</h2><p>Each statement's stance score is favor +1, conditional +0.5, neutral 0, against −1 (or the model's score). A group's position is the mean over its distinct statements: a quote the same source repeated, and statements of articles marked as copies, count once. The reference actor's own statements make the reference line and are left out of every group; in a window where it said nothing, its last known line is used. Intervals are 90% percentile bootstrap intervals (1000 resamples, fixed seed). Divergence is |group − reference|. The rift index is the statement-weighted standard deviation of the positions of the resolved top-level groups, in [0, 1]. Groups shown in grey or italics are statements whose speaker or outlet could not be tied to the knowledge base.</p>");
    h.push_str("</body></html>\n");
    h
}

fn statements_section(h: &mut String, d: &ReportData, anchor: &str, name: &str, ids: &[i64]) {
    let _ = write!(
        h,
        "<section class=\"group\" id=\"{}\"><h3>{} <small>({})</small></h3>",
        escape(anchor),
        escape(name),
        crate::plural(ids.len(), "statement", "statements")
    );
    let mut entries: Vec<&StatementEntry> =
        ids.iter().filter_map(|i| d.statements.get(i)).collect();
    entries.sort_by_key(|e| (e.date, e.article, e.id));
    let shown = entries.len().min(d.options.max_statements);
    h.push_str("<table><thead><tr><th>Date</th><th>Speaker</th><th>Outlet</th><th>Stance</th><th>Evidence</th><th>Sentence in context</th><th>Article</th></tr></thead><tbody>");
    for e in &entries[..shown] {
        let ev: Vec<String> = e
            .evidence
            .iter()
            .map(|(role, text)| format!("{}: “{}”", escape(role), escape(text)))
            .collect();
        let _ = write!(
            h,
            "<tr id=\"s{}\"><td class=\"num\">{}</td><td{}>{}</td><td>{}</td><td class=\"{}\">{} {}</td><td class=\"ev\">{}</td><td class=\"ctx\">{}<mark>{}</mark>{}</td><td><a href=\"#a{}\">{}</a></td></tr>",
            e.id,
            e.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".into()),
            if e.resolved { "" } else { " class=\"unres\"" },
            escape(&e.speaker),
            escape(e.outlet.as_deref().unwrap_or("")),
            e.label.as_str(),
            e.label.as_str(),
            fmt_score(e.score),
            ev.join("<br>"),
            escape(&e.before),
            escape(&e.quote),
            escape(&e.after),
            e.article,
            escape(
                &d.articles
                    .iter()
                    .find(|a| a.id == e.article)
                    .map(|a| a.ext_id.clone())
                    .unwrap_or_else(|| e.article.to_string())
            )
        );
    }
    h.push_str("</tbody></table>");
    if shown < entries.len() {
        let _ = write!(
            h,
            "<p class=\"meta\">{} more statements not listed; <code>rift export --table statements</code> has them all.</p>",
            entries.len() - shown
        );
    }
    h.push_str("</section>");
}

pub(crate) fn by_word(d: &ReportData) -> &'static str {
    match d.options.by {
        rift_analyze::GroupBy::Faction => "faction",
        rift_analyze::GroupBy::Actor => "speaker",
        rift_analyze::GroupBy::Outlet => "outlet",
    }
}

pub(crate) fn tie_word(d: &ReportData) -> &'static str {
    match d.options.tie {
        rift_analyze::TieMode::Auto => "speaker, else outlet",
        rift_analyze::TieMode::Speaker => "speaker",
        rift_analyze::TieMode::Outlet => "outlet",
    }
}

pub(crate) fn window_word(w: Window) -> &'static str {
    crate::window_word(w)
}
