package search

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"khabar/internal/persian"
)

func TestParseQuery(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, persian.Tehran) }
	for _, tc := range []struct {
		in   string
		text string
		f    Filter
	}{
		{"لاوروف چین", "لاوروف چین", Filter{}},
		{"entity:sergey-lavrov", "", Filter{Entities: []string{"sergey-lavrov"}}},
		{"همکاری entity:wang-yi Entity:لاوروف", "همکاری", Filter{Entities: []string{"wang-yi", "لاوروف"}}},
		{`source:"خبرگزاری تسنیم" نشست`, "نشست", Filter{Source: "خبرگزاری تسنیم"}},
		{"source:«خبرگزاری تاس» نشست", "نشست", Filter{Source: "خبرگزاری تاس"}},
		{"CATEGORY:International", "", Filter{Category: "international"}},
		// Jalali and Gregorian days, Persian digits; until includes its day.
		{"since:1404/04/19 until:۱۴۰۴/۰۴/۲۰", "", Filter{Since: day(2025, 7, 10), Until: day(2025, 7, 12)}},
		{"since:2025-07-10 بریکس", "بریکس", Filter{Since: day(2025, 7, 10)}},
		// Not a filter key: a word.
		{"http://example.ir نشست", "http://example.ir نشست", Filter{}},
		{"ساعت ۱۳:۳۰", "ساعت ۱۳:۳۰", Filter{}},
		{":entity", ":entity", Filter{}},
		// A later value replaces an earlier one.
		{"category:sport category:economy", "", Filter{Category: "economy"}},
		// An unclosed quote runs to the end.
		{`نشست source:"خبرگزاری تسنیم`, "نشست", Filter{Source: "خبرگزاری تسنیم"}},
	} {
		text, f, err := ParseQuery(tc.in)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tc.in, err)
			continue
		}
		if text != tc.text || !reflect.DeepEqual(f, tc.f) {
			t.Errorf("ParseQuery(%q)\n got %q %+v\nwant %q %+v", tc.in, text, f, tc.text, tc.f)
		}
	}
	for _, in := range []string{"since:yesterday", "until:1404/13/01", "since:2025-02-30", "since:9999-12-31", "until:1600/01/01", "category:", `source:""`, "entity: لاوروف"} {
		if _, _, err := ParseQuery(in); !errors.Is(err, ErrBadFilter) {
			t.Errorf("ParseQuery(%q) = %v, want ErrBadFilter", in, err)
		}
	}
}

func TestFilterString(t *testing.T) {
	f := Filter{
		Entities: []string{"wang-yi", "سرگئی لاوروف"}, Source: "«تاس» روسیه", Category: "international",
		Since: time.Date(2025, 7, 10, 0, 0, 0, 0, persian.Tehran), Until: time.Date(2025, 7, 12, 0, 0, 0, 0, persian.Tehran),
	}
	want := `entity:wang-yi entity:"سرگئی لاوروف" source:"«تاس» روسیه" category:international since:1404/04/19 until:1404/04/20`
	if got := f.String(); got != want {
		t.Errorf("String()\n got %s\nwant %s", got, want)
	}
	if f.IsZero() || !(Filter{}).IsZero() {
		t.Error("IsZero")
	}
	g := Filter{Entities: []string{"china"}, Category: "economy"}
	if got := f.With(g); got.Category != "economy" || len(got.Entities) != 3 || got.Source != f.Source || len(f.Entities) != 2 {
		t.Errorf("With = %+v (and f = %+v)", got, f)
	}
}

// FuzzParseQuery: any query either fails with ErrBadFilter or parses into
// words and a filter that, written back with Filter.String, parse the same.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"لاوروف entity:wang-yi since:1404/04/19 until:2025-07-12",
		`source:"خبرگزاری تسنیم" category:sport`, "source:«a\"b» x", `entity:"«x»"`, "since:", "ساعت ۱۳:۳۰",
		"entity:\xff", "until:0000/01/01", "since:9999-12-31",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		text, flt, err := ParseQuery(q)
		if err != nil {
			if !errors.Is(err, ErrBadFilter) {
				t.Fatalf("ParseQuery(%q): error %v does not wrap ErrBadFilter", q, err)
			}
			return
		}
		again := flt.String()
		_, back, err := ParseQuery(again)
		if err != nil {
			t.Fatalf("ParseQuery(%q) gave %+v, whose String %q does not parse: %v", q, flt, again, err)
		}
		if !equalFilters(back, flt) {
			t.Fatalf("ParseQuery(%q) gave %+v; String %q parses to %+v", q, flt, again, back)
		}
		if t2, f2, err := ParseQuery(text); err != nil || t2 != text || !f2.IsZero() {
			t.Fatalf("ParseQuery(%q) left words %q that parse as %q %+v %v", q, text, t2, f2, err)
		}
	})
}

func equalFilters(a, b Filter) bool {
	return reflect.DeepEqual(a.Entities, b.Entities) && a.Source == b.Source && a.Category == b.Category &&
		a.Since.Equal(b.Since) && a.Until.Equal(b.Until)
}
