package web

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khabar/internal/feeds"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

func TestSources(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "k.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	srv := New(Deps{Store: db, Index: db})

	// Before any source: an empty list and a page that says how to add one.
	res, body := get(t, srv.Handler(), "GET", "/sources")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "khabar sources add") {
		t.Fatalf("empty sources page: %d", res.StatusCode)
	}

	src := feeds.Source{ID: "tasnim", Name: "خبرگزاری تسنیم", NameLatin: "Tasnim", HomeURL: "https://www.tasnimnews.com/", Feeds: []string{"https://www.tasnimnews.com/rss"}, Kind: feeds.Agency}
	if err := db.PutSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC().Truncate(time.Second)
	if err := db.PutFeedState(ctx, store.FeedState{SourceID: "tasnim", FeedURL: src.Feeds[0], LastPoll: now, NextPoll: now.Add(10 * time.Minute), Status: "error", Error: "HTTP 500"}); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkSeen(ctx, "tasnim", src.Feeds[0], []string{"a", "b", "c", "d", "e", "f", "g"}, now); err != nil {
		t.Fatal(err)
	}

	res, body = get(t, srv.Handler(), "GET", "/api/v1/sources")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("api: %d %s", res.StatusCode, body)
	}
	var got struct {
		Total   int
		Sources []map[string]any
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if got.Total != 1 {
		t.Fatalf("%s", body)
	}
	s := got.Sources[0]
	if s["id"] != "tasnim" || s["status"] != "error" || s["error"] != "HTTP 500" || s["articles_per_day"] != 1.0 || s["last_poll"] != now.Format(time.RFC3339) {
		t.Errorf("source %v", s)
	}

	res, body = get(t, srv.Handler(), "GET", "/sources")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "خبرگزاری تسنیم") || !strings.Contains(body, "HTTP 500") || !strings.Contains(body, "۱٫۰") && !strings.Contains(body, "۱.۰") {
		t.Errorf("sources page: %d\n%s", res.StatusCode, body)
	}

	// A store without sources answers 503, not a crash.
	plain, _, _ := newTestServer(t)
	if res, _ := get(t, plain.Handler(), "GET", "/api/v1/sources"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("store without sources: %d", res.StatusCode)
	}
}
