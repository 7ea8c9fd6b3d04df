package stories

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
	"time"

	"khabar/internal/article"
	"khabar/internal/copies"
	"khabar/internal/provenance"
)

// Engine runs copy detection and story assignment together, article by
// article: the state both keep between batches lives here, in memory, and the
// caller persists what Add returns. It does no I/O.
type Engine struct {
	// NoDates ignores publication dates, so articles cluster by content
	// alone, as text dumps without dates do (for evaluation).
	NoDates    bool
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
	// Moved lists earlier articles split off into other stories.
	Moved []Move
}

// Add processes one article.
func (e *Engine) Add(a *article.Article) Result {
	return e.add(a, e.prepare(a))
}

// prepared is the per-article work that needs no shared state: the content
// signature and the term vector.
type prepared struct {
	pub time.Time
	sig copies.Signature
	vec Vector
}

func (e *Engine) prepare(a *article.Article) prepared {
	pub := Published(a)
	if e.NoDates {
		pub = time.Time{}
	}
	p := prepared{pub: pub, sig: copies.Sign(a.Body, a.Lead)}
	// A copy of an article indexed before this batch needs no vector (it joins
	// its original's story); add computes the vector of the rest if needed.
	if _, isCopy := e.Copies.Lookup(p.sig); !isCopy {
		p.vec = e.Vectorizer.Vector(a)
	}
	return p
}

// add runs the stateful part: index lookup and story assignment.
func (e *Engine) add(a *article.Article, p prepared) Result {
	e.mu.Lock()
	defer e.mu.Unlock()
	m := e.Copies.Add(a.ID, p.pub, p.sig)
	r := Result{ArticleID: a.ID, Fingerprint: p.sig.Exact, Signature: p.sig, CopyOf: m.CopyOf, Similarity: m.Similarity, Supersedes: m.Supersedes}
	vec := p.vec
	switch {
	case m.CopyOf != "":
		vec = nil // a copy joins its original's story and does not move its centroid
	case vec == nil:
		vec = e.Vectorizer.Vector(a)
	}
	asg := e.Clusterer.Add(Item{ID: a.ID, Title: a.Title, Source: a.Source(), Published: p.pub, CopyOf: m.CopyOf, Similarity: m.Similarity, Vector: vec})
	r.Story, r.StoryScore, r.Merged, r.Moved = asg.Story, asg.Score, asg.Merged, asg.Moved
	r.StoryTitle = e.Clusterer.Title(asg.Story)
	return r
}

// AddBatch processes a batch in publication order (undated articles after the
// dated ones, in their input order), so the earliest version of a text is
// seen first, and returns the results in that order. Signatures and vectors
// are computed on every core; lookups and assignments run in order.
func (e *Engine) AddBatch(arts []*article.Article) []Result {
	sorted := slices.Clone(arts)
	SortByPublished(sorted)
	preps := make([]prepared, len(sorted))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(sorted)/16))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(sorted); i += workers {
				preps[i] = e.prepare(sorted[i])
			}
		}()
	}
	wg.Wait()
	out := make([]Result, 0, len(sorted))
	for i, a := range sorted {
		out = append(out, e.add(a, preps[i]))
	}
	return out
}

// Published is the article's publication time, else the day its URL encodes
// (provenance.DateFromURL: parsers set it already, this covers other paths),
// else zero.
func Published(a *article.Article) time.Time {
	if a.Published != nil {
		return a.Published.Time
	}
	if t, ok := provenance.DateFromURL(a.URL); ok {
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
