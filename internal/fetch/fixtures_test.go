package fetch

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"khabar/internal/feeds"
	"khabar/internal/pipeline"
	"khabar/internal/store/sqlite"
)

// TestFixtureSite runs the documented offline path (docs/FEEDS.md) in
// miniature: the fixture site's OPML lists its feeds, its front page
// announces them, a poll stores every page's article, the next poll is all
// 304s; and the same for the bench site in summary mode.
func TestFixtureSite(t *testing.T) {
	dirs := []string{"../extract/testdata/pages"}
	if m, _ := filepath.Glob(filepath.Join(pagesDir, "gold.json")); len(m) == 1 {
		dirs = append(dirs, pagesDir)
	}
	site, err := NewFixtureSite(dirs)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site)
	defer srv.Close()
	ctx := context.Background()

	resp, err := http.Get(srv.URL + "/sources.opml")
	if err != nil {
		t.Fatal(err)
	}
	opml, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	srcs, err := feeds.ReadOPML(bytes.NewReader(opml))
	if err != nil || len(srcs) != len(dirs) {
		t.Fatalf("OPML: %d sources, %v", len(srcs), err)
	}
	resp, err = http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	home, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if found, _ := feeds.Discover(home, srv.URL+"/"); len(found) != len(dirs) {
		t.Errorf("front page announces %v", found)
	}

	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "k.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bsrc := feeds.Source{ID: "bench", Name: "منبع", Feeds: []string{"http://bench.invalid/feed/7.xml"}}
	for _, s := range append(srcs, bsrc) {
		if err := db.PutSource(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	// As `khabar fetch` does: poll the sources as stored (import gave them ids).
	stored, err := db.Sources(ctx)
	if err != nil || len(stored) != len(srcs)+1 {
		t.Fatalf("%d sources stored, %v", len(stored), err)
	}
	srcs = srcs[:0]
	for _, s := range stored {
		if s.ID != bsrc.ID {
			srcs = append(srcs, s)
		}
	}
	pl := &pipeline.Pipeline{}
	p := &Poller{Client: testClient(Options{}), Sources: db, Articles: db, Process: pl.Process, FetchPages: true}
	var want int
	for _, d := range site.dirs {
		want += len(d.pages)
	}
	for round, wantNew := range []int{want, 0} {
		got := 0
		for _, r := range p.Poll(ctx, srcs, nil) {
			if r.Err != nil || r.PageErrors != 0 {
				t.Errorf("round %d %s: %v, %d page errors", round+1, r.FeedURL, r.Err, r.PageErrors)
			}
			if round == 1 && r.Status != PollNotModified {
				t.Errorf("round 2 %s: %s", r.FeedURL, r.Status)
			}
			got += r.New
		}
		if got != wantNew {
			t.Errorf("round %d: %d new, want %d", round+1, got, wantNew)
		}
	}

	// The bench site in summary mode: every item's page extracts.
	bench := NewBenchSite(3, [][]string{{"عنوان خبر آزمایشی", "پاراگراف نخست خبر که خلاصه هم هست.", "پاراگراف دوم خبر با جزئیات بیشتر."}})
	bench.Summaries = true
	bsrv := httptest.NewServer(bench)
	defer bsrv.Close()
	bsrc.Feeds = []string{bsrv.URL + "/feed/7.xml"}
	if err := db.PutSource(ctx, bsrc); err != nil {
		t.Fatal(err)
	}
	res := p.Poll(ctx, []feeds.Source{bsrc}, nil)
	if r := res[0]; r.Err != nil || r.New != 3 || r.Pages != 3 || r.PageErrors != 0 {
		t.Errorf("bench site: %+v", r)
	}
}
