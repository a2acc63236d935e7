//! Inline SVG charts: a dot plot of the overall positions and line charts over time, with 90 %
//! intervals as whiskers or bands. Okabe–Ito colours plus distinct markers and dashes per series;
//! every mark links to the statements behind it.

use std::fmt::Write;

use rift_core::Date;

use crate::html::escape;

/// Okabe & Ito (2008) colours, without yellow (too light on white paper).
pub const PALETTE: [&str; 6] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
];
/// Dash patterns, one per palette slot.
const DASHES: [&str; 6] = ["", "6 3", "2 2", "8 3 2 3", "1 3", "10 4"];
/// Colour of the reference line.
pub const REFERENCE: &str = "#000000";
/// Colour of catch-all groups.
pub const GREY: &str = "#777777";

/// Marker shapes, one per palette slot.
#[derive(Debug, Clone, Copy)]
pub enum Marker {
    /// ●
    Circle,
    /// ■
    Square,
    /// ▲
    Triangle,
    /// ◆
    Diamond,
    /// ▼
    Down,
    /// ✕
    Cross,
}

const MARKERS: [Marker; 6] = [
    Marker::Circle,
    Marker::Square,
    Marker::Triangle,
    Marker::Diamond,
    Marker::Down,
    Marker::Cross,
];

/// The style of series `i` (colour, marker, dash).
pub fn style(i: usize) -> (&'static str, Marker, &'static str) {
    (
        PALETTE[i % PALETTE.len()],
        MARKERS[i % MARKERS.len()],
        DASHES[i % DASHES.len()],
    )
}

fn marker(out: &mut String, m: Marker, x: f64, y: f64, color: &str) {
    let r = 5.0;
    let _ = match m {
        Marker::Circle => write!(
            out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{color}"/>"#
        ),
        Marker::Square => write!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{}" height="{}" fill="{color}"/>"#,
            x - r,
            y - r,
            2.0 * r,
            2.0 * r
        ),
        Marker::Triangle => write!(
            out,
            r#"<path d="M{x:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="{color}"/>"#,
            y - r - 1.0,
            x + r + 1.0,
            y + r,
            x - r - 1.0,
            y + r
        ),
        Marker::Down => write!(
            out,
            r#"<path d="M{x:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" fill="{color}"/>"#,
            y + r + 1.0,
            x + r + 1.0,
            y - r,
            x - r - 1.0,
            y - r
        ),
        Marker::Diamond => write!(
            out,
            r#"<path d="M{x:.1},{:.1} L{:.1},{y:.1} L{x:.1},{:.1} L{:.1},{y:.1} Z" fill="{color}"/>"#,
            y - r - 1.5,
            x + r + 1.5,
            y + r + 1.5,
            x - r - 1.5
        ),
        Marker::Cross => write!(
            out,
            r#"<path d="M{:.1},{:.1} L{:.1},{:.1} M{:.1},{:.1} L{:.1},{:.1}" stroke="{color}" stroke-width="3"/>"#,
            x - r,
            y - r,
            x + r,
            y + r,
            x - r,
            y + r,
            x + r,
            y - r
        ),
    };
}

/// One row of the dot plot.
#[derive(Debug, Clone)]
pub struct DotRow {
    /// Label (name and count).
    pub label: String,
    /// Link target (`#…`).
    pub href: String,
    /// Score.
    pub score: f64,
    /// Interval.
    pub low: f64,
    /// Interval.
    pub high: f64,
    /// Style slot; `None` = reference (black) , `Some(usize::MAX)` = grey.
    pub slot: Option<usize>,
    /// Tooltip.
    pub title: String,
}

const STANCE_TICKS: [(f64, &str); 5] = [
    (-1.0, "against −1"),
    (-0.5, "−0.5"),
    (0.0, "neutral 0"),
    (0.5, "conditional +0.5"),
    (1.0, "favor +1"),
];

/// A horizontal dot plot of positions in [−1, 1] with interval whiskers, and a dashed vertical
/// line at `reference` when given.
pub fn dot_plot(title: &str, rows: &[DotRow], reference: Option<f64>) -> String {
    let (w, left, right, top, rh) = (900.0, 250.0, 40.0, 30.0, 30.0);
    let h = top + rh * rows.len() as f64 + 40.0;
    let x = |v: f64| left + (v + 1.0) / 2.0 * (w - left - right);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = escape(title)
    );
    for (v, lab) in STANCE_TICKS {
        let _ = write!(
            s,
            r##"<line x1="{0:.1}" x2="{0:.1}" y1="{top}" y2="{1:.1}" stroke="#ccc"/><text x="{0:.1}" y="{2:.1}" text-anchor="middle" class="tick">{3}</text>"##,
            x(v),
            h - 30.0,
            h - 12.0,
            escape(lab)
        );
    }
    if let Some(r) = reference {
        let _ = write!(
            s,
            r#"<line x1="{0:.1}" x2="{0:.1}" y1="{1}" y2="{2:.1}" stroke="{REFERENCE}" stroke-width="2" stroke-dasharray="5 4"/><text x="{0:.1}" y="{3}" text-anchor="middle" class="tick">reference</text>"#,
            x(r),
            top - 8.0,
            h - 30.0,
            top - 12.0
        );
    }
    for (i, r) in rows.iter().enumerate() {
        let y = top + rh * (i as f64 + 0.5);
        let (color, m) = match r.slot {
            None => (REFERENCE, Marker::Diamond),
            Some(usize::MAX) => (GREY, Marker::Circle),
            Some(k) => {
                let (c, m, _) = style(k);
                (c, m)
            }
        };
        let _ = write!(
            s,
            r#"<a href="{}"><title>{}</title><text x="{:.1}" y="{:.1}" text-anchor="end" class="lab">{}</text><line x1="{:.1}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}" stroke="{color}" stroke-width="3"/>"#,
            escape(&r.href),
            escape(&r.title),
            left - 10.0,
            y + 4.0,
            escape(&r.label),
            x(r.low),
            x(r.high)
        );
        for v in [r.low, r.high] {
            let _ = write!(
                s,
                r#"<line x1="{0:.1}" x2="{0:.1}" y1="{1:.1}" y2="{2:.1}" stroke="{color}" stroke-width="2"/>"#,
                x(v),
                y - 6.0,
                y + 6.0
            );
        }
        marker(&mut s, m, x(r.score), y, color);
        s.push_str("</a>");
    }
    s.push_str("</svg>");
    s
}

/// One point of a line series.
#[derive(Debug, Clone)]
pub struct Point {
    /// Window start.
    pub x: Date,
    /// Value.
    pub y: f64,
    /// Interval, if any.
    pub band: Option<(f64, f64)>,
    /// Tooltip.
    pub title: String,
}

/// One line series.
#[derive(Debug, Clone)]
pub struct Line {
    /// Legend name.
    pub name: String,
    /// Link target (`#…`).
    pub href: String,
    /// Style slot; `None` = reference (black, dashed).
    pub slot: Option<usize>,
    /// Points in time order.
    pub points: Vec<Point>,
    /// Draw the interval as a shaded band instead of whiskers.
    pub shaded: bool,
}

/// A vertical marker on a time chart (a change point or a pivot).
#[derive(Debug, Clone)]
pub struct Event {
    /// Day.
    pub x: Date,
    /// Label.
    pub label: String,
    /// Style slot of the series it belongs to (`None`: black).
    pub slot: Option<usize>,
}

/// A line chart over time with interval whiskers (or bands), y ticks `ticks`, and a legend.
pub fn time_chart(
    title: &str,
    lines: &[Line],
    (ymin, ymax): (f64, f64),
    ticks: &[(f64, &str)],
    events: &[Event],
) -> String {
    let (w, left, right, top, bottom) = (900.0, 130.0, 30.0, 20.0, 50.0);
    let legend_rows = lines.len().div_ceil(3).max(1) as f64;
    let plot_h = 280.0;
    let h = top + plot_h + bottom + legend_rows * 22.0;
    let mut xs: Vec<Date> = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.x))
        .collect();
    xs.sort();
    xs.dedup();
    let (x0, x1) = match (xs.first(), xs.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => return String::new(),
    };
    let span = (x1 - x0).num_days().max(1) as f64;
    let pad = 20.0;
    let x = |d: Date| {
        if x0 == x1 {
            left + (w - left - right) / 2.0
        } else {
            left + pad + (d - x0).num_days() as f64 / span * (w - left - right - 2.0 * pad)
        }
    };
    let y = |v: f64| top + (ymax - v) / (ymax - ymin) * plot_h;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{t}"><title>{t}</title>"#,
        t = escape(title)
    );
    for &(v, lab) in ticks {
        let _ = write!(
            s,
            r##"<line x1="{left}" x2="{0}" y1="{1:.1}" y2="{1:.1}" stroke="#ddd"/><text x="{2}" y="{3:.1}" text-anchor="end" class="tick">{4}</text>"##,
            w - right,
            y(v),
            left - 8.0,
            y(v) + 4.0,
            escape(lab)
        );
    }
    let _ = write!(
        s,
        r##"<line x1="{left}" x2="{left}" y1="{top}" y2="{0}" stroke="#444"/><line x1="{left}" x2="{1}" y1="{0}" y2="{0}" stroke="#444"/>"##,
        top + plot_h,
        w - right
    );
    // X ticks: at most 10, evenly among the windows.
    let step = xs.len().div_ceil(10).max(1);
    for (i, d) in xs.iter().enumerate() {
        if i % step != 0 {
            continue;
        }
        let _ = write!(
            s,
            r##"<line x1="{0:.1}" x2="{0:.1}" y1="{1}" y2="{2}" stroke="#444"/><text x="{0:.1}" y="{3}" text-anchor="middle" class="tick">{4}</text>"##,
            x(*d),
            top + plot_h,
            top + plot_h + 5.0,
            top + plot_h + 20.0,
            d.format("%Y-%m-%d")
        );
    }
    for e in events {
        let color = e.slot.map_or(REFERENCE, |k| style(k).0);
        let _ = write!(
            s,
            r#"<line x1="{0:.1}" x2="{0:.1}" y1="{top}" y2="{1}" stroke="{color}" stroke-width="1.5" stroke-dasharray="3 3"/><text x="{2:.1}" y="{3}" class="tick" fill="{color}">{4}</text>"#,
            x(e.x),
            top + plot_h,
            x(e.x) + 3.0,
            top + 12.0,
            escape(&e.label)
        );
    }
    // Dodge: series side by side by a few pixels, so equal values at one window stay visible.
    let n_lines = lines.len() as f64;
    for (li, l) in lines.iter().enumerate() {
        let dx = if n_lines > 1.0 {
            (li as f64 - (n_lines - 1.0) / 2.0) * 5.0
        } else {
            0.0
        };
        let x = |d: Date| x(d) + dx;
        let (color, m, dash) = match l.slot {
            None => (REFERENCE, Marker::Diamond, "6 4"),
            Some(k) => style(k),
        };
        let _ = write!(s, r#"<a href="{}">"#, escape(&l.href));
        if l.shaded && l.points.len() > 1 {
            let mut d = String::new();
            for (i, p) in l.points.iter().enumerate() {
                let hi = p.band.map_or(p.y, |b| b.1);
                let _ = write!(
                    d,
                    "{}{:.1},{:.1} ",
                    if i == 0 { "M" } else { "L" },
                    x(p.x),
                    y(hi)
                );
            }
            for p in l.points.iter().rev() {
                let lo = p.band.map_or(p.y, |b| b.0);
                let _ = write!(d, "L{:.1},{:.1} ", x(p.x), y(lo));
            }
            let _ = write!(
                s,
                r#"<path d="{d}Z" fill="{color}" fill-opacity="0.18" stroke="none"/>"#
            );
        }
        if l.points.len() > 1 {
            let pts: Vec<String> = l
                .points
                .iter()
                .map(|p| format!("{:.1},{:.1}", x(p.x), y(p.y)))
                .collect();
            let _ = write!(
                s,
                r#"<polyline points="{}" fill="none" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>"#,
                pts.join(" ")
            );
        }
        for p in &l.points {
            let _ = write!(s, "<g><title>{}</title>", escape(&p.title));
            if let (Some((lo, hi)), false) = (p.band, l.shaded) {
                let _ = write!(
                    s,
                    r#"<line x1="{0:.1}" x2="{0:.1}" y1="{1:.1}" y2="{2:.1}" stroke="{color}" stroke-width="1.5" opacity="0.8"/>"#,
                    x(p.x),
                    y(lo),
                    y(hi)
                );
            }
            marker(&mut s, m, x(p.x), y(p.y), color);
            s.push_str("</g>");
        }
        s.push_str("</a>");
    }
    // Legend.
    for (i, l) in lines.iter().enumerate() {
        let (color, m, dash) = match l.slot {
            None => (REFERENCE, Marker::Diamond, "6 4"),
            Some(k) => style(k),
        };
        let lx = left + (i % 3) as f64 * 250.0;
        let ly = top + plot_h + 40.0 + (i / 3) as f64 * 22.0;
        let _ = write!(
            s,
            r#"<a href="{}"><line x1="{lx}" x2="{:.1}" y1="{ly}" y2="{ly}" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>"#,
            escape(&l.href),
            lx + 36.0
        );
        marker(&mut s, m, lx + 18.0, ly, color);
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" class="lab">{}</text></a>"#,
            lx + 44.0,
            ly + 4.0,
            escape(&l.name)
        );
    }
    s.push_str("</svg>");
    s
}

/// Y ticks of a stance score axis.
pub fn stance_ticks() -> Vec<(f64, &'static str)> {
    STANCE_TICKS.to_vec()
}
