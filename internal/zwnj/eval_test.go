package zwnj

import (
	"math"
	"testing"
)

// The expected numbers are what shared/tools/zwnj/score.py reports for the same
// gold and output.
func TestTally(t *testing.T) {
	gold := "نشست‌های اتحادیه می‌شود و «به عنوان» همچنین"
	for _, tc := range []struct {
		name                  string
		out                   string
		recall, wordAcc, prec float64
		falseIn, falseJoin    float64
	}{
		{"perfect", gold, 1, 1, 1, 0, 0},
		{"stripped", DamageA(gold), 0, 5.0 / 7, 0, 0, 0},
		{"spaced", DamageB(gold), 0, 5.0 / 7, 0, 0, 0},
		{"false join and insertion", "نشست‌های اتحادیه می‌شود و «به‌عنوان» هم‌چنین", 1, 4.0 / 7, 0.5, 1000.0 / 7, 1000.0 / 7},
	} {
		var ta Tally
		if err := ta.Add(gold, tc.out); err != nil {
			t.Fatal(err)
		}
		in, join := ta.FalsePer1k()
		for _, c := range []struct {
			what      string
			got, want float64
		}{{"recall", ta.Recall(), tc.recall}, {"word acc", ta.WordAccuracy(), tc.wordAcc}, {"precision", ta.Precision(), tc.prec},
			{"false in word", in, tc.falseIn}, {"false join", join, tc.falseJoin}} {
			if math.Abs(c.got-c.want) > 1e-9 {
				t.Errorf("%s: %s = %v, want %v", tc.name, c.what, c.got, c.want)
			}
		}
	}
	var ta Tally
	if err := ta.Add("کتاب", "کتب"); err == nil {
		t.Error("changed letters not reported")
	}
}

// Gold ZWNJ words are counted by kind as score.py's recall_by_kind does.
func TestTallyKinds(t *testing.T) {
	gold := "نشست‌های آن‌ها می‌شود بزرگ‌ترین خانه‌اش رئیس‌جمهور بین‌المللی"
	out := "نشست‌های آنها می‌شود بزرگ‌ترین خانه‌اش رئیسجمهور بین‌المللی"
	var ta Tally
	if err := ta.Add(gold, out); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{"plural": {2, 1}, "mi": {1, 1}, "comparative": {1, 1}, "clitic": {1, 1}, "compound": {2, 1}}
	for k, w := range want {
		if ta.Kinds[k] != w {
			t.Errorf("%s: got %v, want %v", k, ta.Kinds[k], w)
		}
	}
	if len(ta.Kinds) != len(want) {
		t.Errorf("kinds %v", ta.Kinds)
	}
}
