package metrics

import (
	"math"
	"testing"
)

func TestPRF(t *testing.T) {
	for _, tc := range []struct {
		correct, predicted, gold int
		p, r, f1                 float64
	}{
		// the shipped NER model on PEYMA test (docs/BENCHMARKS.md)
		{1593, 1871, 1982, 0.851416, 0.803734, 0.826888},
		{0, 0, 0, 0, 0, 0},
		{0, 5, 0, 0, 0, 0},
		{3, 3, 6, 1, 0.5, 2.0 / 3},
	} {
		p, r, f1 := PRF(tc.correct, tc.predicted, tc.gold)
		if math.Abs(p-tc.p) > 1e-6 || math.Abs(r-tc.r) > 1e-6 || math.Abs(f1-tc.f1) > 1e-6 {
			t.Errorf("PRF(%d, %d, %d) = %.6f %.6f %.6f, want %.6f %.6f %.6f", tc.correct, tc.predicted, tc.gold, p, r, f1, tc.p, tc.r, tc.f1)
		}
	}
}
