//! Two small sorts instead of the standard library's: each `sort_by` call site
//! instantiates a pattern-defeating quicksort and a driftsort (several KB of
//! wasm apiece), while the app sorts only Monte-Carlo samples and short lists.

/// Sort `v` ascending by [`f64::total_cmp`]: an introsort-free quicksort with a
/// median-of-three pivot and insertion sort for short runs. Recursion goes into
/// the smaller part only, so the stack stays O(log n).
pub fn sort_f64(mut v: &mut [f64]) {
    loop {
        let n = v.len();
        if n <= 16 {
            insertion_sort_by(v, |a, b| a.total_cmp(b).is_lt());
            return;
        }
        // Median of three to the front as the pivot.
        let (a, b, c) = (0, n / 2, n - 1);
        let lt = |i: usize, j: usize, v: &[f64]| v[i].total_cmp(&v[j]).is_lt();
        let m = if lt(a, b, v) {
            if lt(b, c, v) {
                b
            } else if lt(a, c, v) {
                c
            } else {
                a
            }
        } else if lt(a, c, v) {
            a
        } else if lt(b, c, v) {
            c
        } else {
            b
        };
        v.swap(0, m);
        let pivot = v[0];
        // Hoare partition.
        let (mut i, mut j) = (0usize, n);
        loop {
            i += 1;
            while i < n && v[i].total_cmp(&pivot).is_lt() {
                i += 1;
            }
            j -= 1;
            while v[j].total_cmp(&pivot).is_gt() {
                j -= 1;
            }
            if i >= j {
                break;
            }
            v.swap(i, j);
        }
        v.swap(0, j);
        let (left, right) = v.split_at_mut(j);
        let right = &mut right[1..];
        if left.len() < right.len() {
            sort_f64(left);
            v = right;
        } else {
            sort_f64(right);
            v = left;
        }
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
}
