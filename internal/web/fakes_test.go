package web

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"khabar/internal/article"
	"khabar/internal/demo"
	"khabar/internal/persian"
	"khabar/internal/pipeline"
	"khabar/internal/search"
	"khabar/internal/store"
)

// memStore is an in-memory store.Store: newest first by publication time,
// else ingestion time, as the interface promises.
type memStore struct {
	mu   sync.Mutex
	arts []*article.Article
	err  error // returned by every read when set
}

var _ store.Store = (*memStore)(nil)

func when(a *article.Article) time.Time {
	if a.Published != nil {
		return a.Published.Time
	}
	return a.Ingested
}

func (m *memStore) PutArticles(ctx context.Context, arts []*article.Article) (store.PutResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var res store.PutResult
	for _, a := range arts {
		if slices.ContainsFunc(m.arts, func(b *article.Article) bool { return b.ID == a.ID }) {
			res.Unchanged++
			continue
		}
		m.arts = append(m.arts, a)
		res.New++
		res.NewIDs = append(res.NewIDs, a.ID)
	}
	slices.SortStableFunc(m.arts, func(a, b *article.Article) int { return when(b).Compare(when(a)) })
	return res, nil
}

func (m *memStore) Article(ctx context.Context, id string) (*article.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return nil, m.err
	}
	for _, a := range m.arts {
		if a.ID == id {
			return a, nil
		}
	}
	return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
}

func (m *memStore) Articles(ctx context.Context, q store.ListQuery) ([]*article.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return nil, m.err
	}
	if q.Offset >= len(m.arts) {
		return nil, nil
	}
	return slices.Clone(m.arts[q.Offset:min(len(m.arts), q.Offset+q.Limit)]), nil
}

func (m *memStore) CountArticles(ctx context.Context) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return 0, m.err
	}
	return len(m.arts), nil
}

func (m *memStore) Close() error { return nil }

// memIndex is a naive search.Index over a memStore: an article matches when
// every folded query token starts one of its folded words. The snippet is the
// first paragraph with a match, cut into fragments at the matching words.
type memIndex struct {
	st  *memStore
	err error
}

var _ search.Index = (*memIndex)(nil)

func (x *memIndex) Search(ctx context.Context, q search.Query) (search.Results, error) {
	if x.err != nil {
		return search.Results{}, x.err
	}
	toks := persian.FoldTokens(q.Text)
	if len(toks) == 0 {
		return search.Results{}, fmt.Errorf("search: empty query")
	}
	matches := func(word string) bool {
		for _, f := range persian.FoldTokens(word) {
			for _, t := range toks {
				if strings.HasPrefix(f, t) {
					return true
				}
			}
		}
		return false
	}
	var hits []search.Hit
	x.st.mu.Lock()
	for _, a := range x.st.arts {
		words := strings.Fields(a.Text())
		all := true
		for _, t := range toks {
			if !slices.ContainsFunc(words, func(w string) bool {
				return slices.ContainsFunc(persian.FoldTokens(w), func(f string) bool { return strings.HasPrefix(f, t) })
			}) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		h := search.Hit{Article: a, Score: 1}
		for _, p := range append([]string{a.Lead}, a.Body...) {
			var frags []search.Fragment
			hit := false
			for i, w := range strings.Fields(p) {
				sep := ""
				if i > 0 {
					sep = " "
				}
				if matches(w) {
					hit = true
					frags = append(frags, search.Fragment{Text: sep}, search.Fragment{Text: w, Match: true})
					continue
				}
				frags = append(frags, search.Fragment{Text: sep + w})
			}
			if hit {
				h.Snippet = frags
				break
			}
		}
		hits = append(hits, h)
	}
	x.st.mu.Unlock()
	// memStore keeps newest first, so "recent" is the stored order; relevance
	// here ranks articles with the query in the title first.
	if !q.Recent {
		slices.SortStableFunc(hits, func(a, b search.Hit) int {
			ta, tb := matches(a.Article.Title), matches(b.Article.Title)
			switch {
			case ta && !tb:
				return -1
			case tb && !ta:
				return 1
			}
			return 0
		})
	}
	res := search.Results{Total: len(hits)}
	if q.Offset < len(hits) {
		res.Hits = hits[q.Offset:min(len(hits), q.Offset+q.Limit)]
	}
	return res, nil
}

const seedPath = "../../../shared/data/seed-article.txt"

// parseFile runs a document through the real pipeline (parser, normalizer,
// provenance), as ingest does.
func parseFile(t testing.TB, name string, data []byte) []*article.Article {
	t.Helper()
	p := &pipeline.Pipeline{}
	res, err := p.Parse(context.Background(), pipeline.Document{Path: name, Data: data})
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return res.Articles
}

// seedArticle is the seed article from ../shared/data, parsed for real.
func seedArticle(t testing.TB) *article.Article {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed article missing: %v", err)
	}
	arts := parseFile(t, "seed-article.txt", data)
	if len(arts) != 1 {
		t.Fatalf("seed: %d articles", len(arts))
	}
	a := arts[0]
	a.Path = "seed-article.txt"
	return a
}

// corpusArticles is the bundled four-agency corpus (80 real 2025 articles).
func corpusArticles(t testing.TB) []*article.Article {
	t.Helper()
	data, err := fs.ReadFile(demo.Corpus(), "news-2025-4agencies.jsonl")
	if err != nil {
		t.Fatalf("demo corpus: %v", err)
	}
	arts := parseFile(t, "news-2025-4agencies.jsonl", data)
	for i, a := range arts {
		if a.Published == nil {
			a.Ingested = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Minute)
		}
	}
	return arts
}

var (
	fixtureOnce sync.Once
	fixtureSeed *article.Article
	fixtureArts []*article.Article
)

// newTestServer serves the seed plus the four-agency corpus from memory.
func newTestServer(t *testing.T) (*Server, *memStore, *article.Article) {
	t.Helper()
	seed := seedArticle(t)
	fixtureOnce.Do(func() {
		fixtureArts = corpusArticles(t)
		// The seed carries no date: give it one just after the newest corpus
		// article, so it leads the home page and shows a Jalali date.
		latest := time.Time{}
		for _, a := range fixtureArts {
			if when(a).After(latest) {
				latest = when(a)
			}
		}
		seed.Published = &article.Date{Time: latest.Add(time.Hour), HasClock: true}
		fixtureSeed = seed
	})
	st := &memStore{}
	if _, err := st.PutArticles(context.Background(), append([]*article.Article{fixtureSeed}, fixtureArts...)); err != nil {
		t.Fatal(err)
	}
	return New(Deps{Store: st, Index: &memIndex{st: st}}), st, fixtureSeed
}

// get runs one request through the full handler.
func get(t *testing.T, h http.Handler, method, target string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}
