package web

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"khabar/internal/persian"
	"khabar/internal/store"
)

func TestTimeline(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, persian.Tehran) }
	for _, tc := range []struct {
		name    string
		days    []store.DayCount
		unit    string
		buckets int
		first   string // label of the first (oldest) bucket
		last    string
		bars    int // drawn (non-empty) bars
	}{
		{"none", nil, "", 0, "", "", 0},
		// Two days: widened to 30 days ending on the last.
		{"short", []store.DayCount{{Day: day(2025, 7, 10), Articles: 2, Mentions: 3}, {Day: day(2025, 7, 11), Articles: 1, Mentions: 1}},
			"روز", 30, "۲۲ خرداد ۱۴۰۴", "۲۰ تیر ۱۴۰۴", 2},
		// Gaps inside the span become empty days.
		{"gaps", []store.DayCount{{Day: day(2025, 5, 1), Articles: 1}, {Day: day(2025, 7, 1), Articles: 4}},
			"روز", 62, "۱۱ اردیبهشت ۱۴۰۴", "۱۰ تیر ۱۴۰۴", 2},
		// Over 92 days: Jalali months, the year's turn included (Esfand, then Farvardin).
		{"months", []store.DayCount{{Day: day(2025, 1, 5), Articles: 1}, {Day: day(2025, 1, 6), Articles: 2}, {Day: day(2025, 4, 10), Articles: 3}},
			"ماه", 4, "دی ۱۴۰۳", "فروردین ۱۴۰۴", 2},
		// Over 120 months: Jalali years (the store's corpus runs from 2003 to the seed's ingestion).
		{"years", []store.DayCount{{Day: day(2003, 6, 5), Articles: 1}, {Day: day(2003, 12, 27), Articles: 2}, {Day: day(2026, 11, 25), Articles: 1}},
			"سال", 24, "۱۳۸۲", "۱۴۰۵", 2},
	} {
		tl := newTimeline(tc.days)
		if tl.Unit != tc.unit || len(tl.Buckets) != tc.buckets {
			t.Errorf("%s: unit %q, %d buckets; want %q, %d", tc.name, tl.Unit, len(tl.Buckets), tc.unit, tc.buckets)
			continue
		}
		if tc.buckets == 0 {
			if tl.SVG != "" {
				t.Errorf("%s: a chart of nothing", tc.name)
			}
			continue
		}
		if tl.Buckets[0].Label != tc.first || tl.Buckets[len(tl.Buckets)-1].Label != tc.last {
			t.Errorf("%s: buckets %q … %q, want %q … %q", tc.name, tl.Buckets[0].Label, tl.Buckets[len(tl.Buckets)-1].Label, tc.first, tc.last)
		}
		sum := 0
		for _, b := range tl.Buckets {
			sum += b.Articles
		}
		want := 0
		for _, d := range tc.days {
			want += d.Articles
		}
		if sum != want {
			t.Errorf("%s: buckets hold %d articles, want %d", tc.name, sum, want)
		}
		root, err := html.Parse(strings.NewReader(string(tl.SVG)))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(findAll(root, tag("rect"))); n != tc.bars {
			t.Errorf("%s: %d bars drawn, want %d", tc.name, n, tc.bars)
		}
		// The tallest bar fills the plot; bars stay inside the view box.
		for _, r := range findAll(root, tag("rect")) {
			if strings.HasPrefix(attr(r, "x"), "-") || strings.HasPrefix(attr(r, "y"), "-") {
				t.Errorf("%s: bar outside the chart: x=%s y=%s", tc.name, attr(r, "x"), attr(r, "y"))
			}
		}
	}
}
