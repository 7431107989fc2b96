//! Hash maps keyed by terms (already 64-bit hashes) and story numbers: one multiply
//! instead of SipHash, whose cost showed in the clustering's profile. Not for keys an
//! adversary picks to collide: these come from our own hashing (FNV-1a) and counters.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map with the [`Mix`] hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Mix>>;

/// Spreads an integer key over all 64 bits (Fibonacci hashing): the high bits the
/// table uses for its control bytes depend on every bit of the key.
#[derive(Default, Clone, Copy)]
pub struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_and_spread() {
        let mut m: FastMap<u64, u32> = FastMap::default();
        for k in 0..10_000u64 {
            m.insert(k << 48, k as u32);
        }
        assert!((0..10_000u64).all(|k| m.get(&(k << 48)) == Some(&(k as u32))));
        // Keys differing only in high bits land in different hashes' high bits.
        let h = |k: u64| {
            let mut x = Mix::default();
            x.write_u64(k);
            x.finish() >> 57
        };
        let distinct: std::collections::HashSet<u64> = (0..128u64).map(h).collect();
        assert!(distinct.len() > 64, "{}", distinct.len());
    }
}
