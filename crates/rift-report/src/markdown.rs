//! The Markdown rendering: the same findings and tables as the HTML report, without charts.

use std::fmt::Write;

use crate::html::{by_word, window_word};
use crate::{fmt_ci, fmt_score, ReportData};

/// Escapes text for a Markdown table cell or paragraph: HTML is neutralised (`& < >`), and the
/// characters Markdown would read as markup (`| * _ [ ] ` # \`) are backslash-escaped; line
/// breaks become spaces.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' | '*' | '_' | '[' | ']' | '`' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Renders the report as Markdown.
pub fn render_markdown(d: &ReportData) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# rift report: {}\n", md_escape(&d.issue.question));
    let _ = writeln!(
        m,
        "Issue `{}` · grouped by {} · windows: {} · {} statements\n",
        d.issue.id.replace('`', "'"),
        by_word(d),
        window_word(d.window),
        d.statements.len()
    );
    m.push_str("## Findings\n\n");
    for f in &d.findings {
        let _ = write!(m, "- {}", md_escape(&f.text));
        if !f.links.is_empty() {
            let links: Vec<String> = f
                .links
                .iter()
                .map(|(t, a)| format!("[{}](#{a})", md_escape(t)))
                .collect();
            let _ = write!(m, " (statements: {})", links.join(", "));
        }
        m.push('\n');
    }
    m.push_str("\n## Positions\n\n| group | label | score | 90% interval | n | divergence |\n|---|---|---:|---:|---:|---:|\n");
    if let Some(r) = &d.overall.reference {
        let _ = writeln!(
            m,
            "| {} (reference) | {} | {} | {} | {} | |",
            md_escape(&r.name),
            r.label.map_or("-", |l| l.as_str()),
            r.score.map(fmt_score).unwrap_or_else(|| "-".into()),
            r.interval
                .as_ref()
                .map(fmt_ci)
                .unwrap_or_else(|| "-".into()),
            r.n
        );
    }
    for g in &d.overall.groups {
        let _ = writeln!(
            m,
            "| {} | {} | {} | {} | {} | {} |",
            md_escape(&g.name),
            g.label.as_str(),
            fmt_score(g.score),
            fmt_ci(&g.interval),
            g.n,
            g.divergence
                .map(|x| format!("{x:.2}"))
                .unwrap_or_else(|| "-".into())
        );
    }
    if d.window != rift_analyze::Window::All {
        let _ = write!(
            m,
            "\n## Per {}\n\n| window | group | score | 90% interval | n | rift index |\n|---|---|---:|---:|---:|---:|\n",
            window_word(d.window)
        );
        for w in &d.series.windows {
            let rift = w
                .rift
                .as_ref()
                .map(|r| format!("{:.2}", r.value))
                .unwrap_or_else(|| "-".into());
            for g in &w.groups {
                let _ = writeln!(
                    m,
                    "| {} | {} | {} | {} | {} | {} |",
                    w.window,
                    md_escape(&g.name),
                    fmt_score(g.score),
                    fmt_ci(&g.interval),
                    g.n,
                    rift
                );
            }
        }
    }
    m.push_str("\n## Statements per group\n");
    let mut section = |anchor: &str, name: &str, ids: &[i64]| {
        let _ = write!(
            m,
            "\n<a id=\"{anchor}\"></a>\n### {}\n\n| date | speaker | outlet | stance | evidence | sentence |\n|---|---|---|---|---|---|\n",
            md_escape(name)
        );
        for e in ids
            .iter()
            .filter_map(|i| d.statements.get(i))
            .take(d.options.max_statements)
        {
            let ev: Vec<String> = e
                .evidence
                .iter()
                .map(|(r, t)| format!("{}: “{}”", md_escape(r), md_escape(t)))
                .collect();
            let _ = writeln!(
                m,
                "| {} | {} | {} | {} {} | {} | {}**{}**{} |",
                e.date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into()),
                md_escape(&e.speaker),
                md_escape(e.outlet.as_deref().unwrap_or("")),
                e.label.as_str(),
                fmt_score(e.score),
                ev.join("; "),
                md_escape(&e.before),
                md_escape(&e.quote),
                md_escape(&e.after)
            );
        }
    };
    if let Some(r) = &d.overall.reference {
        section(
            d.anchor(&r.actor),
            &format!("{} (reference)", r.name),
            &r.statements,
        );
    }
    for g in &d.overall.groups {
        section(d.anchor(&g.id), &g.name, &g.statements);
    }
    m
}
