package storyeval

import (
	"math"
	"strings"
	"testing"

	"khabar/internal/metrics"
)

func TestScore(t *testing.T) {
	labels := []Label{{Group: "a", ID: "1"}, {Group: "a", ID: "2"}, {Group: "a", ID: "3"}, {Group: "b", ID: "4"}, {Group: "c", ID: "5"}}
	tests := []struct {
		name           string
		pred           map[string]string
		pairF1, bcubed float64
	}{
		{"perfect", map[string]string{"1": "x", "2": "x", "3": "x", "4": "y", "5": "z"}, 1, 1},
		{"all single", map[string]string{}, 0, metrics.F1(1, (1.0/3*3+2)/5)},
		{"all one", map[string]string{"1": "x", "2": "x", "3": "x", "4": "x", "5": "x"}, metrics.F1(3.0/10, 1), metrics.F1((3*3.0/5+2*1.0/5)/5, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Score(labels, tt.pred)
			if math.Abs(s.PairF1-tt.pairF1) > 1e-9 || math.Abs(s.BCubedF1-tt.bcubed) > 1e-9 {
				t.Errorf("pair F1 %.4f (want %.4f), B-cubed F1 %.4f (want %.4f)", s.PairF1, tt.pairF1, s.BCubedF1, tt.bcubed)
			}
		})
	}
}

func TestReadLabels(t *testing.T) {
	ls, err := ReadLabels(strings.NewReader("# comment\ng\tevent\tid1\tعنوان\n\ng\tevent\tid2\n"))
	if err != nil || len(ls) != 2 || ls[0].Title != "عنوان" {
		t.Fatalf("got %v, %v", ls, err)
	}
	if _, err := ReadLabels(strings.NewReader("only-one-field\n")); err == nil {
		t.Error("bad line accepted")
	}
}
