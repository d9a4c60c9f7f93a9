//! Two small sorts instead of the standard library's: each `sort_by` call site
//! instantiates a pattern-defeating quicksort and a driftsort, while the app
//! sorts only Monte-Carlo samples and short lists. Measured 2026-12-06: the
//! four short-list call sites on std's `sort_by` cost +3.8 KB gzip.

/// Sort `v` ascending by [`f64::total_cmp`]: the floats are mapped to integer
/// keys of the same order and sorted by a least-significant-digit radix sort
/// (8 passes of one byte, skipping bytes all keys share), then mapped back.
pub fn sort_f64(v: &mut [f64]) {
    const SIGN: u64 = 1 << 63;
    let mut keys: Vec<u64> = v
        .iter()
        .map(|x| {
            let b = x.to_bits();
            if b & SIGN != 0 {
                !b
            } else {
                b | SIGN
            }
        })
        .collect();
    // The eight byte histograms in one pass.
    let mut counts = vec![[0usize; 256]; 8];
    for k in &keys {
        for (byte, count) in counts.iter_mut().enumerate() {
            count[((k >> (8 * byte)) & 0xff) as usize] += 1;
        }
    }
    let mut spare = vec![0u64; keys.len()];
    for (byte, count) in counts.iter_mut().enumerate() {
        if count.contains(&keys.len()) {
            continue;
        }
        let shift = 8 * byte;
        let mut at = 0;
        for c in count.iter_mut() {
            let n = *c;
            *c = at;
            at += n;
        }
        for &k in &keys {
            let d = ((k >> shift) & 0xff) as usize;
            spare[count[d]] = k;
            count[d] += 1;
        }
        std::mem::swap(&mut keys, &mut spare);
    }
    for (x, k) in v.iter_mut().zip(keys) {
        *x = f64::from_bits(if k & SIGN != 0 { k & !SIGN } else { !k });
    }
}

/// Stable insertion sort by a strict "less than": for short lists.
pub fn insertion_sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Stable merge sort by a strict "less than": O(n log n), for lists of any
/// length (a message's properties may number in the thousands).
pub fn merge_sort_by<T>(mut v: Vec<T>, less: &impl Fn(&T, &T) -> bool) -> Vec<T> {
    if v.len() <= 16 {
        insertion_sort_by(&mut v, less);
        return v;
    }
    let right = v.split_off(v.len() / 2);
    let (left, right) = (merge_sort_by(v, less), merge_sort_by(right, less));
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut left, mut right) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(a), Some(b)) = (left.peek(), right.peek()) {
        // Ties take the left one: stable.
        let next = if less(b, a) { right.next() } else { left.next() };
        out.extend(next);
    }
    out.extend(left);
    out.extend(right);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        // Deterministic pseudo-random data with duplicates, negatives, zeros and infinities.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for n in [0usize, 1, 2, 3, 15, 16, 17, 100, 1000, 10_000] {
            let mut v: Vec<f64> = (0..n)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    match i % 97 {
                        0 => f64::INFINITY,
                        1 => f64::NEG_INFINITY,
                        2 => 0.0,
                        3 => -0.0,
                        _ => ((x % 2001) as f64 - 1000.0) / 7.0,
                    }
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by(|a, b| a.total_cmp(b));
            sort_f64(&mut v);
            assert_eq!(
                v.iter().map(|f| f.to_bits()).collect::<Vec<_>>(),
                expected.iter().map(|f| f.to_bits()).collect::<Vec<_>>(),
                "n = {n}"
            );
        }
        // Already sorted and reversed inputs (the quicksort's classic worst cases).
        let mut up: Vec<f64> = (0..5000).map(f64::from).collect();
        let mut down: Vec<f64> = up.iter().rev().copied().collect();
        sort_f64(&mut up);
        sort_f64(&mut down);
        assert_eq!(up, down);
        assert!(up.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn insertion_sort_is_stable() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        insertion_sort_by(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn merge_sort_is_stable_and_sorts_like_the_standard_library() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for n in [0usize, 1, 2, 16, 17, 100, 1000, 20_000] {
            let v: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x % 50, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            assert_eq!(merge_sort_by(v, &|a, b| a.0 < b.0), expected, "n = {n}");
        }
    }
}
