//! Static word-piece vectors distilled from the sentence encoder (model2vec-style): one
//! vector per WordPiece token of all-MiniLM-L6-v2, computed once by running the encoder on
//! `[CLS] token [SEP]` (`examples/distill_wordvec.rs`, which needs the `embed` feature), and
//! stored as a compact int8 table. A statement's vector is the L2-normalised sum of its
//! tokens' vectors — no encoder at prediction time, so it keeps the speed of the n-gram
//! model. [`super::StanceModel`] appends it after the n-gram features, like the contextual
//! embedding block of [`super::embed`]. This module needs no optional dependency.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::StanceError;

/// First bytes of a word-vector file.
pub const MAGIC: &[u8; 8] = b"RIFTWV01";

/// Default scale of the word-vector block against the unit-length n-gram block (chosen by
/// GWSD 5-fold CV).
pub const DEFAULT_SCALE: f64 = 0.7;

/// Where a model's word vectors come from (recorded in the model file).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WordVecConfig {
    /// The table file given at training time.
    pub path: PathBuf,
    /// Scale of the block.
    pub scale: f64,
    /// Vector length.
    pub dim: usize,
}

/// A loaded word-piece vector table.
pub struct WordVectors {
    path: PathBuf,
    dim: usize,
    index: HashMap<String, u32>,
    /// One scale per row.
    scales: Vec<f32>,
    /// Rows × dim, int8.
    data: Vec<i8>,
    unk: Option<u32>,
}

impl std::fmt::Debug for WordVectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordVectors")
            .field("path", &self.path)
            .field("dim", &self.dim)
            .field("tokens", &self.scales.len())
            .finish()
    }
}

fn bad(path: &Path, what: &str) -> StanceError {
    StanceError::Embed(format!(
        "{}: not a word-vector file ({what})",
        path.display()
    ))
}

impl WordVectors {
    /// Reads a table written by [`WordVectors::write`].
    pub fn load(path: &Path) -> Result<Self, StanceError> {
        let b = std::fs::read(path).map_err(|source| StanceError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_bytes(&b, path)
    }

    fn from_bytes(b: &[u8], path: &Path) -> Result<Self, StanceError> {
        let mut pos = 0usize;
        let mut take = |n: usize| -> Result<&[u8], StanceError> {
            let s = b.get(pos..pos + n).ok_or_else(|| bad(path, "truncated"))?;
            pos += n;
            Ok(s)
        };
        if take(8)? != MAGIC {
            return Err(bad(path, "magic"));
        }
        let u32_of = |s: &[u8]| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize;
        let dim = u32_of(take(4)?);
        let n = u32_of(take(4)?);
        let mut index = HashMap::with_capacity(n);
        for i in 0..n {
            let l = take(2)?;
            let len = usize::from(u16::from_le_bytes([l[0], l[1]]));
            let s = std::str::from_utf8(take(len)?).map_err(|_| bad(path, "token utf-8"))?;
            index.insert(s.to_string(), i as u32);
        }
        let scales: Vec<f32> = take(4 * n)?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let data: Vec<i8> = take(n * dim)?.iter().map(|&x| x as i8).collect();
        if pos != b.len() || dim == 0 {
            return Err(bad(path, "size"));
        }
        let unk = index.get("[UNK]").copied();
        Ok(WordVectors {
            path: path.to_path_buf(),
            dim,
            index,
            scales,
            data,
            unk,
        })
    }

    /// Writes `rows` (token, vector of one length) as an int8 table with one scale per row.
    pub fn write(path: &Path, rows: &[(String, Vec<f32>)]) -> Result<(), StanceError> {
        let dim = rows.first().map_or(0, |r| r.1.len());
        if dim == 0 || rows.iter().any(|r| r.1.len() != dim) {
            return Err(StanceError::Embed("word vectors of unequal length".into()));
        }
        let mut out = Vec::with_capacity(16 + rows.len() * (dim + 12));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(dim as u32).to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (t, _) in rows {
            let len = u16::try_from(t.len())
                .map_err(|_| StanceError::Embed(format!("token too long: {t}")))?;
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        let scales: Vec<f32> = rows
            .iter()
            .map(|(_, v)| v.iter().fold(0f32, |m, x| m.max(x.abs())) / 127.0)
            .collect();
        for s in &scales {
            out.extend_from_slice(&s.to_le_bytes());
        }
        for ((_, v), s) in rows.iter().zip(&scales) {
            for x in v {
                let q = if *s > 0.0 { (x / s).round() } else { 0.0 };
                out.push(q.clamp(-127.0, 127.0) as i8 as u8);
            }
        }
        std::fs::write(path, out).map_err(|source| StanceError::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The file the table was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Vector length.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Number of tokens in the table.
    pub fn len(&self) -> usize {
        self.scales.len()
    }

    /// Whether the table has no tokens.
    pub fn is_empty(&self) -> bool {
        self.scales.is_empty()
    }

    /// Word-piece ids of `text` (BERT uncased: lower-cased words split at punctuation,
    /// then greedy longest-match word pieces with `##` continuations); a word that cannot be
    /// split is `[UNK]`.
    pub fn tokenize(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        let mut word = String::new();
        let flush = |w: &mut String, ids: &mut Vec<u32>| {
            if !w.is_empty() {
                self.wordpiece(w, ids);
                w.clear();
            }
        };
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() {
                flush(&mut word, &mut ids);
            } else if c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_ascii()) {
                flush(&mut word, &mut ids);
                let mut s = [0u8; 4];
                self.wordpiece(c.encode_utf8(&mut s), &mut ids);
            } else {
                word.extend(c.to_lowercase());
            }
        }
        flush(&mut word, &mut ids);
        ids
    }

    fn wordpiece(&self, w: &str, ids: &mut Vec<u32>) {
        let start_len = ids.len();
        let chars: Vec<(usize, char)> = w.char_indices().collect();
        if chars.len() > 100 {
            ids.extend(self.unk);
            return;
        }
        let mut s = 0usize; // char position
        let mut piece = String::new();
        while s < chars.len() {
            let mut e = chars.len();
            let mut found = None;
            while s < e {
                let from = chars[s].0;
                let to = chars.get(e).map_or(w.len(), |c| c.0);
                piece.clear();
                if s > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&w[from..to]);
                if let Some(&id) = self.index.get(piece.as_str()) {
                    found = Some(id);
                    break;
                }
                e -= 1;
            }
            match found {
                Some(id) => {
                    ids.push(id);
                    s = e;
                }
                None => {
                    ids.truncate(start_len);
                    ids.extend(self.unk);
                    return;
                }
            }
        }
    }

    /// The L2-normalised sum of the vectors of `text`'s word pieces (`[UNK]` left out); all
    /// zeros when none is known.
    pub fn embed(&self, text: &str) -> Vec<f32> {
        let mut v = vec![0f32; self.dim];
        for id in self.tokenize(text) {
            if Some(id) == self.unk {
                continue;
            }
            let i = id as usize;
            let s = self.scales[i];
            for (a, &q) in v
                .iter_mut()
                .zip(&self.data[i * self.dim..(i + 1) * self.dim])
            {
                *a += s * f32::from(q);
            }
        }
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| *x /= norm);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(dir: &Path) -> WordVectors {
        let rows = vec![
            ("[UNK]".to_string(), vec![0.0, 0.0, 0.0]),
            ("warm".to_string(), vec![1.0, 0.0, 0.0]),
            ("##ing".to_string(), vec![0.0, 1.0, 0.0]),
            ("hoax".to_string(), vec![0.0, 0.0, -2.0]),
            (",".to_string(), vec![0.5, 0.5, 0.0]),
        ];
        let p = dir.join("t.bin");
        WordVectors::write(&p, &rows).unwrap();
        WordVectors::load(&p).unwrap()
    }

    #[test]
    fn writes_reads_tokenizes_and_embeds() {
        let d = tempfile::tempdir().unwrap();
        let t = table(d.path());
        assert_eq!((t.dim(), t.len()), (3, 5));
        assert_eq!(t.tokenize("Warming, HOAX zzz"), vec![1, 2, 4, 3, 0]);
        let v = t.embed("hoax");
        assert!((v[2] + 1.0).abs() < 1e-6 && v[0].abs() < 1e-6);
        let v = t.embed("warming qqq");
        assert!((v[0] - v[1]).abs() < 1e-6 && (v[0] - 0.5f32.sqrt()).abs() < 1e-2);
        assert!(t.embed("qqq").iter().all(|x| *x == 0.0));
        let bytes = std::fs::read(d.path().join("t.bin")).unwrap();
        assert!(WordVectors::from_bytes(&bytes[..bytes.len() - 1], Path::new("x")).is_err());
    }
}
