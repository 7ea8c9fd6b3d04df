package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"khabar/internal/feeds"
	"khabar/internal/pipeline"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

const pagesDir = "../../../shared/data/fixtures/pages"

// fixtureSite serves a summary-only RSS feed whose items link to the shared
// article pages, with ETag support, plus a broken feed, a malformed one and
// one with duplicate GUIDs. It counts requests by path.
type fixtureSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newFixtureSite(t *testing.T) *fixtureSite {
	pages, _ := filepath.Glob(filepath.Join(pagesDir, "page-*.html"))
	if len(pages) == 0 {
		t.Skip("shared page fixtures missing")
	}
	s := &fixtureSite{hits: map[string]int{}}
	mux := http.NewServeMux()
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	var items strings.Builder
	for _, p := range pages[:8] {
		name := filepath.Base(p)
		fmt.Fprintf(&items, "<item><title>%s</title><link>%s/pages/%s</link><guid>%s</guid><description>خلاصه</description><pubDate>Mon, 01 Jul 2024 10:00:00 +0330</pubDate></item>", name, s.URL, name, name)
	}
	feed := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>نمونه</title>` + items.String() + `</channel></rss>`
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"feed-1"`)
		if r.Header.Get("If-None-Match") == `"feed-1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feed)
	})
	mux.HandleFunc("/down.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", 500) })
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><item><title>نیمه`)
	})
	mux.HandleFunc("/dups.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`)
		for i := range 30 {
			fmt.Fprintf(w, `<item><title>خبر تکراری %d</title><link>%s/x/%d</link><guid>g%d</guid><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>%s</p>]]></content:encoded></item>`,
				i%3, s.URL, i%3, i%3, strings.Repeat("متن کامل خبر ", 80))
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.Handle("/pages/", http.StripPrefix("/pages/", http.FileServer(http.Dir(pagesDir))))
	return s
}

func (s *fixtureSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *fixtureSite) reset() {
	s.mu.Lock()
	s.hits = map[string]int{}
	s.mu.Unlock()
}

func TestPoller(t *testing.T) {
	site := newFixtureSite(t)
	defer site.Close()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "k.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	good := feeds.Source{ID: "good", Name: "خبرگزاری نمونه", Feeds: []string{site.URL + "/feed.xml", site.URL + "/dups.xml"}, Kind: feeds.Agency}
	bad := feeds.Source{ID: "bad", Name: "سایت خراب", Feeds: []string{site.URL + "/down.xml", site.URL + "/broken.xml"}, Kind: feeds.Newspaper}
	for _, s := range []feeds.Source{good, bad} {
		if err := db.PutSource(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	pl := &pipeline.Pipeline{}
	now := time.Date(2025, 9, 5, 9, 0, 0, 0, time.UTC)
	p := &Poller{Client: testClient(Options{}), Sources: db, Articles: db, Process: pl.Process, FetchPages: true, Workers: 4, Now: func() time.Time { return now }}

	res, err := p.PollDue(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]Result{}
	for _, r := range res {
		by[strings.TrimPrefix(r.FeedURL, site.URL)] = r
	}
	if r := by["/feed.xml"]; r.Err != nil || r.New != 8 || r.Pages != 8 || r.PageErrors != 0 {
		t.Errorf("feed.xml: %+v", r)
	}
	if r := by["/dups.xml"]; r.Err != nil || r.Items != 3 || r.New != 3 || r.Pages != 0 {
		t.Errorf("dups.xml: %+v", r)
	}
	for _, f := range []string{"/down.xml", "/broken.xml"} {
		if r := by[f]; r.Err == nil || r.Status != PollError {
			t.Errorf("%s: %+v", f, r)
		}
	}
	if n, _ := db.CountArticles(ctx); n != 11 {
		t.Errorf("%d articles stored, want 11", n)
	}
	st, err := db.FeedState(ctx, site.URL+"/down.xml")
	if err != nil || st.Failures != 1 || !st.NextPoll.After(now.Add(bad.Interval())) {
		t.Errorf("no back-off after a failure: %+v %v", st, err)
	}
	arts, err := db.Articles(ctx, storeQuery())
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		if strings.HasPrefix(a.Title, "page-") {
			t.Errorf("page not extracted, feed title kept: %q", a.Title)
		}
		if a.Publisher == "" {
			t.Errorf("%s: no publisher", a.ID)
		}
	}

	// A second poll an hour later: the feed answers 304, nothing is fetched
	// or stored again.
	site.reset()
	now = now.Add(time.Hour)
	res, err = p.PollDue(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if strings.HasSuffix(r.FeedURL, "/feed.xml") && (r.Status != PollNotModified || r.New != 0) {
			t.Errorf("re-poll: %+v", r)
		}
		if strings.HasSuffix(r.FeedURL, "/dups.xml") && r.New != 0 {
			t.Errorf("dups re-poll stored %d", r.New)
		}
	}
	if site.count("/feed.xml") != 1 {
		t.Errorf("%d feed requests on re-poll, want 1", site.count("/feed.xml"))
	}
	for path, n := range site.hits {
		if strings.HasPrefix(path, "/pages/") {
			t.Errorf("page %s fetched again (%d)", path, n)
		}
	}
	if n, _ := db.CountArticles(ctx); n != 11 {
		t.Errorf("%d articles after re-poll, want 11", n)
	}
}

func storeQuery() store.ListQuery { return store.ListQuery{Limit: 100} }
