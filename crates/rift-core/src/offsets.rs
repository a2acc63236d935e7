//! Byte ↔ code-point offset conversion for one text.

/// Maps byte offsets of a `str` to Unicode code-point offsets (and back) in O(log n).
///
/// Built once per article; ASCII-only texts need no table at all.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every non-ASCII char, with the count of chars before it. Empty for ASCII.
    marks: Vec<(usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut chars = 0usize;
        if !text.is_ascii() {
            let b = text.as_bytes();
            let mut i = 0usize;
            while i < b.len() {
                // ASCII runs 8 bytes at a time
                while let Some(w) = b.get(i..i + 8) {
                    let w = u64::from_le_bytes(w.try_into().unwrap_or([0x80; 8]));
                    if w & 0x8080_8080_8080_8080 != 0 {
                        break;
                    }
                    i += 8;
                    chars += 8;
                }
                let Some(&c) = b.get(i) else {
                    break;
                };
                if c.is_ascii() {
                    i += 1;
                } else {
                    // the lead byte of a multi-byte char (`text` is valid UTF-8)
                    marks.push((i, chars));
                    i += match c {
                        0xf0.. => 4,
                        0xe0.. => 3,
                        _ => 2,
                    };
                }
                chars += 1;
            }
        } else {
            chars = text.len();
        }
        CharIndex {
            marks,
            len_bytes: text.len(),
            len_chars: chars,
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Code-point offset of byte offset `b` (which must be a char boundary).
    pub fn char_of(&self, b: usize) -> usize {
        let b = b.min(self.len_bytes);
        // Find the last non-ASCII char strictly before b.
        let i = self.marks.partition_point(|&(mb, _)| mb < b);
        if i == 0 {
            return b;
        }
        let (mb, mc) = self.marks[i - 1];
        // chars before mb = mc; the char at mb is 1 char; the rest up to b are ASCII bytes.
        let width = self.width_at(i - 1);
        mc + 1 + (b - mb - width)
    }

    /// Byte offset of code-point offset `c`.
    pub fn byte_of(&self, c: usize) -> usize {
        let c = c.min(self.len_chars);
        let i = self.marks.partition_point(|&(_, mc)| mc < c);
        if i == 0 {
            return c;
        }
        let (mb, mc) = self.marks[i - 1];
        mb + self.width_at(i - 1) + (c - mc - 1)
    }

    fn width_at(&self, i: usize) -> usize {
        // Width in bytes of the non-ASCII char at marks[i]: derive from the next mark when the
        // gap is all ASCII is impossible to know without the text, so store it implicitly:
        // widths are recovered from consecutive (byte, char) pairs when adjacent.
        let (mb, mc) = self.marks[i];
        match self.marks.get(i + 1) {
            Some(&(nb, nc)) => (nb - mb) - (nc - mc - 1),
            None => (self.len_bytes - mb) - (self.len_chars - mc - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn round_trips_on_mixed_text() {
        let text = "a“b”c ’ é😀z";
        let idx = CharIndex::new(text);
        assert_eq!(idx.len_chars(), text.chars().count());
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(b), ci, "byte {b}");
            assert_eq!(idx.byte_of(ci), b, "char {ci}");
        }
        assert_eq!(idx.char_of(text.len()), idx.len_chars());
        assert_eq!(idx.byte_of(idx.len_chars()), text.len());
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("hello");
        assert_eq!(idx.char_of(3), 3);
        assert_eq!(idx.byte_of(5), 5);
    }
}
