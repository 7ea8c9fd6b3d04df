package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"khabar/internal/persian"
	"khabar/internal/store"
)

// timeline is an entity's mentions over time as a page shows them: an inline
// SVG bar chart drawn here on the server (no JavaScript), and the same numbers
// as rows for a table, which screen readers and text browsers get instead.
type timeline struct {
	SVG template.HTML
	// Unit names what one bar is: «روز», «ماه» (Jalali month) or «سال».
	Unit    string
	Buckets []bucket
	// First and Last label the oldest and newest bar, Peak is the tallest
	// bar's count: shown under the chart as text, which stays readable at
	// any width where text inside the scaled SVG would not.
	First, Last string
	Peak        int
}

// bucket is one bar: a day, a Jalali month or a Jalali year.
type bucket struct {
	Label              string // «۱۴ تیر ۱۴۰۴», «تیر ۱۴۰۴» or «۱۴۰۴»
	Articles, Mentions int
}

// maxDailyBars is the longest span drawn one bar a day, maxMonthlyBars the
// longest drawn one bar a Jalali month; longer spans get a bar a Jalali year.
// A shorter span is widened to minDailyBars days back from its last, so two
// days of news are not two giant bars.
const (
	maxDailyBars   = 92
	maxMonthlyBars = 120
	minDailyBars   = 30
)

// Chart geometry in SVG user units; the SVG scales to the column's width.
const (
	chartWidth  = 600
	chartHeight = 150
	chartTop    = 4 // room above the tallest bar
	chartBottom = 0 // bars stand on the bottom edge; the axis is the page's
)

// newTimeline buckets days (oldest first, as EntityTimeline returns them),
// filling the days or months without a mention with empty bars.
func newTimeline(days []store.DayCount) timeline {
	var tl timeline
	if len(days) == 0 {
		return tl
	}
	first, last := days[0].Day.In(persian.Tehran), days[len(days)-1].Day.In(persian.Tehran)
	fy, fm, _ := persian.ToJalali(first)
	ly, lm, _ := persian.ToJalali(last)
	switch {
	case last.Sub(first) < maxDailyBars*24*time.Hour:
		tl.Unit = "روز"
		at := map[string]store.DayCount{}
		for _, d := range days {
			at[d.Day.In(persian.Tehran).Format(time.DateOnly)] = d
		}
		if early := last.AddDate(0, 0, 1-minDailyBars); early.Before(first) {
			first = early
		}
		for t := first; !t.After(last); t = t.AddDate(0, 0, 1) {
			d := at[t.Format(time.DateOnly)]
			tl.Buckets = append(tl.Buckets, bucket{Label: persian.FormatJalali(t, false), Articles: d.Articles, Mentions: d.Mentions})
		}
	case (ly-fy)*12+lm-fm < maxMonthlyBars:
		tl.Unit = "ماه"
		type month struct{ y, m int }
		at := map[month]int{} // index into Buckets (pointers would go stale as it grows)
		for y, m := fy, fm; y < ly || y == ly && m <= lm; {
			tl.Buckets = append(tl.Buckets, bucket{Label: persian.PersianDigits(fmt.Sprintf("%s %d", persian.MonthNames[m-1], y))})
			at[month{y, m}] = len(tl.Buckets) - 1
			if m++; m > 12 {
				y, m = y+1, 1
			}
		}
		for _, d := range days {
			y, m, _ := persian.ToJalali(d.Day)
			if i, ok := at[month{y, m}]; ok {
				tl.Buckets[i].Articles += d.Articles
				tl.Buckets[i].Mentions += d.Mentions
			}
		}
	default:
		tl.Unit = "سال"
		for y := fy; y <= ly; y++ {
			tl.Buckets = append(tl.Buckets, bucket{Label: persian.PersianDigits(fmt.Sprint(y))})
		}
		for _, d := range days {
			y, _, _ := persian.ToJalali(d.Day)
			if k := y - fy; k >= 0 && k < len(tl.Buckets) {
				tl.Buckets[k].Articles += d.Articles
				tl.Buckets[k].Mentions += d.Mentions
			}
		}
	}
	tl.SVG = barChart(tl.Buckets, tl.Unit)
	tl.First, tl.Last = tl.Buckets[0].Label, tl.Buckets[len(tl.Buckets)-1].Label
	for _, b := range tl.Buckets {
		tl.Peak = max(tl.Peak, b.Articles)
	}
	return tl
}

// barChart draws one bar per bucket (day, month or year), the oldest at the
// right as a right-to-left reader expects, each with a <title> tooltip; the
// axis labels are the page's (timeline.First, Last, Peak). Every string in
// it is made here from numbers and month names, and escaped anyway.
func barChart(bs []bucket, unit string) template.HTML {
	peak := 0
	for _, b := range bs {
		peak = max(peak, b.Articles)
	}
	if peak == 0 {
		return ""
	}
	plot := float64(chartHeight - chartTop - chartBottom)
	slot := float64(chartWidth) / float64(len(bs))
	gap := min(slot*0.2, 2)
	esc := template.HTMLEscapeString
	var b strings.Builder
	// direction="ltr" keeps x geometric whatever the page's direction.
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" direction="ltr" role="img" aria-label="%s">`,
		chartWidth, chartHeight, esc(fmt.Sprintf("شمار خبرها در هر %s، بیشینه %s", unit, faNumber(peak))))
	for i, bk := range bs {
		if bk.Articles == 0 {
			continue
		}
		h := plot * float64(bk.Articles) / float64(peak)
		x := float64(chartWidth) - float64(i+1)*slot + gap/2
		y := float64(chartHeight-chartBottom) - h
		fmt.Fprintf(&b, `<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f"><title>%s: %s خبر، %s بار</title></rect>`,
			x, y, slot-gap, h, esc(bk.Label), faNumber(bk.Articles), faNumber(bk.Mentions))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
