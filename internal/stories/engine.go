package stories

import (
	"cmp"
	"slices"
	"sync"
	"time"

	"khabar/internal/article"
	"khabar/internal/copies"
)

// Engine runs copy detection and story assignment together, article by
// article: the state both keep between batches lives here, in memory, and the
// caller persists what Add returns. It does no I/O.
type Engine struct {
	// NoURLDates turns off URLDate, so undated articles cluster by content alone.
	NoURLDates bool
	Copies     *copies.Index
	Vectorizer *Vectorizer
	Clusterer  *Clusterer
	mu         sync.Mutex
}

// NewEngine returns an engine with default settings.
func NewEngine() *Engine {
	return &Engine{Copies: copies.NewIndex(), Vectorizer: NewVectorizer(), Clusterer: NewClusterer(DefaultOptions())}
}

// Result is what the engine decided for one article.
type Result struct {
	ArticleID   string
	Fingerprint uint64
	Signature   copies.Signature
	CopyOf      string
	Similarity  float64
	// Supersedes names an article this one turned out to predate: it and its
	// copies now copy this article.
	Supersedes string
	Story      string
	StoryTitle string
	StoryScore float64
	// Merged lists story ids folded into Story.
	Merged []string
}

// Add processes one article.
func (e *Engine) Add(a *article.Article) Result {
	e.mu.Lock()
	defer e.mu.Unlock()
	pub := Published(a)
	if e.NoURLDates && a.Published == nil {
		pub = time.Time{}
	}
	sig := copies.Sign(a.Body, a.Lead)
	m := e.Copies.Add(a.ID, pub, sig)
	r := Result{ArticleID: a.ID, Fingerprint: sig.Exact, Signature: sig, CopyOf: m.CopyOf, Similarity: m.Similarity, Supersedes: m.Supersedes}
	var vec Vector
	if m.CopyOf == "" {
		vec = e.Vectorizer.Vector(a)
	}
	asg := e.Clusterer.Add(Item{ID: a.ID, Title: a.Title, Source: a.Source(), Published: pub, CopyOf: m.CopyOf, Similarity: m.Similarity, Vector: vec})
	r.Story, r.StoryScore, r.Merged = asg.Story, asg.Score, asg.Merged
	r.StoryTitle = e.Clusterer.Title(asg.Story)
	return r
}

// AddBatch processes a batch in publication order (undated articles after the
// dated ones, in their input order), so the earliest version of a text is
// seen first, and returns the results in that order.
func (e *Engine) AddBatch(arts []*article.Article) []Result {
	sorted := slices.Clone(arts)
	SortByPublished(sorted)
	out := make([]Result, 0, len(sorted))
	for _, a := range sorted {
		out = append(out, e.Add(a))
	}
	return out
}

// Published is the article's publication time, else the day its URL encodes
// (URLDate), else zero.
func Published(a *article.Article) time.Time {
	if a.Published != nil {
		return a.Published.Time
	}
	if t, ok := URLDate(a.URL); ok {
		return t
	}
	return time.Time{}
}

// SortByPublished orders articles by publication time (see Published),
// undated ones last in their input order.
func SortByPublished(arts []*article.Article) {
	slices.SortStableFunc(arts, func(a, b *article.Article) int {
		ta, tb := Published(a), Published(b)
		switch {
		case ta.IsZero() && tb.IsZero():
			return 0
		case ta.IsZero():
			return 1
		case tb.IsZero():
			return -1
		}
		return cmp.Compare(ta.UnixNano(), tb.UnixNano())
	})
}
