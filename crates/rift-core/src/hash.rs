//! A small multiplicative hasher (FxHash, as rustc used it) for hash maps keyed by short words
//! and lines: the look-ups of `rift-text`, `rift-extract` and `rift-kb` are on hot paths and
//! need no DoS resistance (their keys are the user's own text, not network input). One copy for
//! every crate; the hash values are part of no stored format.

/// FxHash: each 8-byte word of the input (then each remaining byte) is xor-ed into the state
/// after a rotation and multiplied by a fixed odd constant.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash-map builder using [`FxHasher`].
pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hasher};

    #[test]
    fn equal_keys_hash_equal_and_bytes_matter() {
        let b = FxBuild::default();
        assert_eq!(b.hash_one("Clinton"), b.hash_one("Clinton"));
        assert_ne!(b.hash_one("Clinton"), b.hash_one("clinton"));
        // a 9-byte key uses the word loop and the byte tail
        assert_ne!(b.hash_one("abcdefghi"), b.hash_one("abcdefghj"));
        let mut h = FxHasher::default();
        h.write(&[]);
        assert_eq!(h.finish(), 0);
    }
}
