package copyeval

import (
	"slices"
	"time"

	"khabar/internal/article"
	"khabar/internal/copies"
	"khabar/internal/metrics"
)

// Result counts copy links: a predicted link (article → copy_of) is right when
// the article is a generated copy and the link names its original.
type Result struct {
	Originals, Copies int
	TP, FP, FN        int
	// ByTransform counts, per transform, the copies made with it and those found.
	ByTransform map[string][2]int
	// FalseLinks lists wrong links, for inspection: article id → claimed original.
	FalseLinks [][2]string
	// Missed lists copies the index did not link, for inspection.
	Missed []Copy
	// Elapsed is the time spent signing and indexing.
	Elapsed time.Duration
}

// Precision is TP / predicted links.
func (r Result) Precision() float64 { return metrics.Ratio(r.TP, r.TP+r.FP) }

// Recall is TP / copies.
func (r Result) Recall() float64 { return metrics.Ratio(r.TP, r.TP+r.FN) }

// Run indexes the originals, then the copies, with a fresh index made by
// newIndex, and scores every link the index claims. Originals and copies must
// already be normalized (run through the pipeline), as ingestion would.
func Run(originals []*article.Article, cs []Copy, newIndex func() *copies.Index) Result {
	res := Result{Originals: len(originals), Copies: len(cs), ByTransform: map[string][2]int{}}
	start := time.Now()
	ix := newIndex()
	// A corpus article the index links to an earlier one counts as a false
	// link, and its generated copies are then expected to name that earlier one.
	expect := map[string]string{}
	for _, o := range originals {
		m := ix.Add(o.ID, time.Time{}, copies.Sign(o.Body, o.Lead))
		expect[o.ID] = o.ID
		if m.CopyOf != "" {
			expect[o.ID] = m.CopyOf
			res.FP++
			res.FalseLinks = append(res.FalseLinks, [2]string{o.ID, m.CopyOf})
		}
	}
	// A copy whose sibling (another copy of the same original) was missed may
	// link to that sibling: both carry the original's text, so the link is right.
	madeFrom := map[string]string{}
	for _, c := range cs {
		madeFrom[c.Article.ID] = c.Of
	}
	for _, c := range cs {
		m := ix.Add(c.Article.ID, time.Time{}, copies.Sign(c.Article.Body, c.Article.Lead))
		found := m.CopyOf == expect[c.Of] || madeFrom[m.CopyOf] == c.Of
		switch {
		case found:
			res.TP++
		case m.CopyOf != "":
			res.FP++
			res.FN++
			res.FalseLinks = append(res.FalseLinks, [2]string{c.Article.ID, m.CopyOf})
		default:
			res.FN++
			res.Missed = append(res.Missed, c)
		}
		for _, t := range c.Transforms {
			n := res.ByTransform[t]
			n[0]++
			if found {
				n[1]++
			}
			res.ByTransform[t] = n
		}
	}
	res.Elapsed = time.Since(start)
	slices.SortFunc(res.FalseLinks, func(a, b [2]string) int {
		if a[0] < b[0] {
			return -1
		}
		if a[0] > b[0] {
			return 1
		}
		return 0
	})
	return res
}
