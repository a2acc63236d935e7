//! Output helpers shared by subcommands: formats, broken pipes.

/// Output format for listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
    /// One JSON document.
    Json,
}

/// True when the error chain holds a broken pipe (stdout closed by `head`): that is success.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            // serde_json and csv wrap the I/O error without exposing it as a source.
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || c.downcast_ref::<csv::Error>().is_some_and(|x| match x.kind() {
                csv::ErrorKind::Io(io) => io.kind() == BrokenPipe,
                _ => false,
            })
    })
}

/// Prints rows as aligned columns.
pub fn write_table<W: std::io::Write>(
    mut w: W,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.chars().count().min(60));
            }
        }
    }
    let line = |w: &mut W, cells: &mut dyn Iterator<Item = String>| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.enumerate() {
            let c: String = if c.chars().count() > 60 {
                c.chars().take(59).chain(std::iter::once('…')).collect()
            } else {
                c
            };
            if i > 0 {
                s.push_str("  ");
            }
            let pad = widths
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(c.chars().count());
            s.push_str(&c);
            s.extend(std::iter::repeat_n(' ', pad));
        }
        writeln!(w, "{}", s.trim_end())
    };
    line(&mut w, &mut header.iter().map(|h| h.to_string()))?;
    for r in rows {
        line(&mut w, &mut r.iter().cloned())?;
    }
    Ok(())
}
