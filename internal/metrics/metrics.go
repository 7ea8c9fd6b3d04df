// Package metrics holds the arithmetic every khabar eval shares: precision,
// recall and F1 from counts. Each eval keeps its own count type (what it counts
// differs: entities, quotes, events, copy links); only the formulas live here,
// so that every score in docs/BENCHMARKS.md means the same thing.
package metrics

// Ratio is a/b, or 0 when b is 0 (nothing found, nothing to find): an empty
// eval scores 0, not NaN, so JSON output stays valid.
func Ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// F1 is the harmonic mean of precision p and recall r, 0 when both are.
func F1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// PRF returns precision, recall and F1 of a system that made predicted
// claims, correct of them right, against gold true items.
func PRF(correct, predicted, gold int) (p, r, f1 float64) {
	p, r = Ratio(correct, predicted), Ratio(correct, gold)
	return p, r, F1(p, r)
}
