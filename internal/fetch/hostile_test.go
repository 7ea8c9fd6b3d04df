package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"khabar/internal/article"
	"khabar/internal/feeds"
	"khabar/internal/pipeline"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

// countingWriter records every PutArticles call, so a test can say that a
// poll wrote nothing at all, not only that the article count stayed put.
type countingWriter struct {
	ArticleWriter
	mu    sync.Mutex
	calls int
}

func (c *countingWriter) PutArticles(ctx context.Context, arts []*article.Article) (store.PutResult, error) {
	c.mu.Lock()
	c.calls++
	c.mu.Unlock()
	return c.ArticleWriter.PutArticles(ctx, arts)
}

// hostileSite serves one feed per kind of bad input the issue lists, each
// to be registered as its own source, plus one well-behaved feed with an
// ETag whose re-poll must be a single 304.
func hostileSite(t *testing.T) (*httptest.Server, func(string) int) {
	t.Helper()
	var mu sync.Mutex
	hits := map[string]int{}
	mux := http.NewServeMux()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	count := func(p string) int {
		mu.Lock()
		defer mu.Unlock()
		return hits[p]
	}
	rssDoc := func(items string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>خوراک</title>` + items + `</channel></rss>`
	}
	full := strings.Repeat("متن کامل خبر دربارهٔ نشست امروز مجلس ", 30)
	item := func(title, link, guid, extra string) string {
		return fmt.Sprintf(`<item><title>%s</title><link>%s</link><guid>%s</guid>%s</item>`, title, link, guid, extra)
	}
	content := func(s string) string {
		return `<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>` + s + `</p>]]></content:encoded>`
	}
	date := "<pubDate>Mon, 01 Jul 2024 10:00:00 +0330</pubDate>"
	serve := func(path, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprint(w, body)
		})
	}
	mux.HandleFunc("/robots.txt", http.NotFound)

	var good strings.Builder
	for i := range 3 {
		good.WriteString(item(fmt.Sprintf("خبر سالم %d", i), fmt.Sprintf("%s/good/%d", srv.URL, i), fmt.Sprintf("good-%d", i), date+content(fmt.Sprint(i, " ", full))))
	}
	goodDoc := rssDoc(good.String())
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"g1"`)
		if r.Header.Get("If-None-Match") == `"g1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, goodDoc)
	})

	serve("/xxe.xml", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title>`+
		item("&xxe;خبر", srv.URL+"/xxe/1", "xxe-1", content(full))+`</channel></rss>`)
	serve("/laughs.xml", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]><rss version="2.0"><channel><title>&e;</title>`+
		item("&e;&e;", srv.URL+"/laughs/1", "laughs-1", content(full))+`</channel></rss>`)
	serve("/malformed.xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>ناقص</title><link>`+srv.URL+`/m/1`)

	mux.HandleFunc("/endless.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>`)
		chunk := bytes.Repeat([]byte("خبر "), 16<<10)
		for r.Context().Err() == nil {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 64 {
		zw.Write(zeros)
	}
	zw.Close()
	mux.HandleFunc("/bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	})

	// A summary-only item whose page is 20 MB: the page fails, the summary is kept.
	serve("/bigpage.xml", rssDoc(item("خبر با صفحهٔ بزرگ", srv.URL+"/big.html", "big-1", date+"<description>خلاصهٔ خبر بزرگ</description>")))
	bigPage := bytes.Repeat([]byte("<p>متن بسیار طولانی خبر</p>\n"), 20<<20/40)
	mux.HandleFunc("/big.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(bigPage)
	})

	var many strings.Builder
	for i := range 10000 {
		// Summary-only items linking to missing pages: each page fails
		// alone and the summary is stored; the feed stays under the size limit.
		many.WriteString(item(fmt.Sprintf("خبر شماره %d", i), fmt.Sprintf("%s/many/%d", srv.URL, i), fmt.Sprintf("many-%d", i), "<description>خلاصه</description>"))
	}
	serve("/many.xml", rssDoc(many.String()))

	var dups strings.Builder
	for i := range 40 {
		dups.WriteString(item(fmt.Sprintf("خبر تکراری %d", i%4), fmt.Sprintf("%s/dup/%d", srv.URL, i%4), fmt.Sprintf("dup-%d", i%4), date+content(full)))
	}
	serve("/dups.xml", rssDoc(dups.String()))

	var nodates strings.Builder
	for i := range 2 {
		nodates.WriteString(item(fmt.Sprintf("خبر بی‌تاریخ %d", i), fmt.Sprintf("%s/nodate/%d", srv.URL, i), "", content(full)))
	}
	serve("/nodates.xml", rssDoc(nodates.String()))

	// A summary-only item whose page is in windows-1256, as old Persian
	// CMSs still serve. Windows-1256 has Arabic yeh and kaf only.
	serve("/w1256.xml", rssDoc(item("خبر قديمي", srv.URL+"/old.html", "old-1", date+"<description>خلاصه</description>")))
	oldHTML := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>خبر قديمي از سايت</title></head><body><h1>خبر قديمي از سايت</h1><div class="body">` +
		strings.Repeat("<p>اين متن يك خبر قديمي است که با رمزگذاري ويندوز نوشته شده است و بايد درست خوانده شود.</p>", 6) + `</div></body></html>`
	oldPage, err := charmap.Windows1256.NewEncoder().Bytes([]byte(oldHTML))
	if err != nil {
		t.Fatalf("encode windows-1256: %v", err)
	}
	mux.HandleFunc("/old.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(oldPage)
	})

	mux.HandleFunc("/slow.xml", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/loop.xml", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2.xml", http.StatusFound) })
	mux.HandleFunc("/loop2.xml", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop.xml", http.StatusFound) })
	mux.HandleFunc("/gone.xml", http.NotFound)
	mux.HandleFunc("/down.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusInternalServerError) })
	return srv, count
}

// TestPollerHostileSources polls one source per kind of bad input next to a
// good one: every bad source gets its own clear error or a bounded result,
// the good source is stored, and a second round stores nothing twice and
// costs the unchanged feed one conditional request.
func TestPollerHostileSources(t *testing.T) {
	srv, count := hostileSite(t)
	defer srv.Close()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "k.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	type want struct {
		err    string // substring of the error; "" means the poll succeeds
		new    int
		pageEr int
	}
	cases := map[string]want{
		"good":      {new: 3},
		"xxe":       {new: 1},
		"laughs":    {new: 1},
		"malformed": {err: "parse feed"},
		"endless":   {err: ErrTooLarge.Error()},
		"bomb":      {err: ErrTooLarge.Error()},
		"bigpage":   {new: 1, pageEr: 1},
		"many":      {new: feeds.MaxItems, pageEr: feeds.MaxItems},
		"dups":      {new: 4},
		"nodates":   {new: 2},
		"w1256":     {new: 1},
		"slow":      {err: "Timeout"},
		"loop":      {err: ErrRedirectLoop.Error()},
		"gone":      {err: "404"},
		"down":      {err: "500"},
	}
	var srcs []feeds.Source
	for id := range cases {
		s := feeds.Source{ID: id, Name: "منبع " + id, Kind: feeds.Newspaper, Feeds: []string{srv.URL + "/" + id + ".xml"}}
		if err := db.PutSource(ctx, s); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, s)
	}
	w := &countingWriter{ArticleWriter: db}
	pl := &pipeline.Pipeline{}
	p := &Poller{Client: testClient(Options{Timeout: 700 * time.Millisecond}), Sources: db, Articles: w, Process: pl.Process, FetchPages: true, Workers: 8}

	start := time.Now()
	res := p.Poll(ctx, srcs, nil)
	if took := time.Since(start); took > 15*time.Second {
		t.Errorf("round took %v", took)
	}
	total := 0
	for _, r := range res {
		wt := cases[r.SourceID]
		switch {
		case wt.err != "":
			if r.Err == nil || r.Status != PollError || !strings.Contains(r.Err.Error(), wt.err) {
				t.Errorf("%s: status %q err %v, want an error with %q", r.SourceID, r.Status, r.Err, wt.err)
			}
			st, err := db.FeedState(ctx, r.FeedURL)
			if err != nil || st.Error == "" || st.Failures != 1 {
				t.Errorf("%s: stored state %+v %v, want the error and one failure", r.SourceID, st, err)
			}
		case r.Err != nil:
			t.Errorf("%s: %v", r.SourceID, r.Err)
		case r.New != wt.new || r.PageErrors != wt.pageEr:
			t.Errorf("%s: new %d page errors %d, want %d and %d", r.SourceID, r.New, r.PageErrors, wt.new, wt.pageEr)
		}
		total += r.New
	}
	n, err := db.CountArticles(ctx)
	if err != nil || n != total {
		t.Fatalf("%d articles stored (%v), results say %d", n, err, total)
	}
	arts, err := db.Articles(ctx, store.ListQuery{Limit: 5000})
	if err != nil {
		t.Fatal(err)
	}
	var sawOld, sawBig bool
	for _, a := range arts {
		all := a.Title + a.Lead + strings.Join(a.Body, "")
		if strings.Contains(all, "root:") || strings.Contains(all, "aaaaaaaaaaaaaaaaaaaa") {
			t.Errorf("entity expanded into %s: %.80q", a.ID, a.Title)
		}
		if !utf8.ValidString(all) || strings.ContainsRune(all, utf8.RuneError) {
			t.Errorf("%s: broken text %.80q", a.ID, a.Title)
		}
		switch a.URL {
		case srv.URL + "/old.html":
			sawOld = true
			// Extraction repairs the Arabic yeh to the Persian one.
			if !strings.Contains(a.Title, "خبر قدیمی") || len(a.Body) == 0 {
				t.Errorf("windows-1256 page: title %q body %d paragraphs", a.Title, len(a.Body))
			}
		case srv.URL + "/big.html":
			sawBig = true
			if a.Lead != "خلاصهٔ خبر بزرگ" {
				t.Errorf("20 MB page: the feed summary was not kept: %+v", a)
			}
		}
		if strings.HasPrefix(a.URL, srv.URL+"/nodate/") && a.Published != nil {
			t.Errorf("undated item got a date: %v", a.Published)
		}
	}
	if !sawOld || !sawBig {
		t.Errorf("windows-1256 page stored %v, 20 MB page's item stored %v", sawOld, sawBig)
	}

	// Second round: nothing new anywhere, so nothing is written; the good
	// feed costs one conditional request answered 304.
	before := count("/good.xml")
	w.calls = 0
	res = p.Poll(ctx, srcs, nil)
	for _, r := range res {
		if r.New != 0 {
			t.Errorf("re-poll %s stored %d", r.SourceID, r.New)
		}
		if r.SourceID == "good" && r.Status != PollNotModified {
			t.Errorf("good feed re-poll: %+v", r)
		}
		if r.SourceID == "bigpage" || r.SourceID == "w1256" {
			if r.Pages != 0 {
				t.Errorf("%s: %d pages fetched again", r.SourceID, r.Pages)
			}
		}
	}
	if got := count("/good.xml") - before; got != 1 {
		t.Errorf("good feed: %d requests on re-poll, want 1", got)
	}
	if w.calls != 0 {
		t.Errorf("re-poll wrote articles %d times, want 0", w.calls)
	}
	if n2, _ := db.CountArticles(ctx); n2 != n {
		t.Errorf("%d articles after re-poll, %d before", n2, n)
	}
}
