package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"khabar/internal/feeds"
	"khabar/internal/store"
)

func TestSourceStore(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "k.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	defaults, err := feeds.DefaultSources()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range defaults {
		if err := db.PutSource(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	all, err := db.Sources(ctx)
	if err != nil || len(all) != len(defaults) {
		t.Fatalf("%d sources, %v", len(all), err)
	}
	tasnim, err := db.Source(ctx, "tasnim")
	if err != nil || tasnim.Name != "خبرگزاری تسنیم" || tasnim.Kind != feeds.Agency {
		t.Fatalf("%+v %v", tasnim, err)
	}
	if _, err := db.Source(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing source: %v", err)
	}
	if err := db.PutSource(ctx, feeds.Source{Name: "بی‌نام"}); err == nil {
		t.Error("source without feeds stored")
	}

	feed := tasnim.Feeds[0]
	if _, err := db.FeedState(ctx, feed); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unpolled feed state: %v", err)
	}
	now := time.Date(2025, 9, 5, 9, 0, 0, 0, time.UTC)
	st := store.FeedState{SourceID: "tasnim", FeedURL: feed, ETag: `"abc"`, LastPoll: now, NextPoll: now.Add(10 * time.Minute), Status: "ok", Items: 20, New: 20}
	if err := db.PutFeedState(ctx, st); err != nil {
		t.Fatal(err)
	}
	got, err := db.FeedState(ctx, feed)
	if err != nil || got != st {
		t.Fatalf("feed state\n got %+v\nwant %+v (%v)", got, st, err)
	}

	ids := []string{"a1", "a2", "a3"}
	if err := db.MarkSeen(ctx, "tasnim", feed, ids[:2], now); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkSeen(ctx, "tasnim", feed, ids[:2], now); err != nil {
		t.Fatal("marking twice:", err)
	}
	seen, err := db.SeenItems(ctx, feed, ids)
	if err != nil || !seen["a1"] || !seen["a2"] || seen["a3"] {
		t.Fatalf("seen %v %v", seen, err)
	}
	counts, err := db.SourceArticles(ctx, now.Add(-time.Hour))
	if err != nil || counts["tasnim"] != 2 {
		t.Fatalf("counts %v %v", counts, err)
	}

	if err := db.DeleteSource(ctx, "tasnim"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FeedState(ctx, feed); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("feed state outlived its source: %v", err)
	}
	if err := db.DeleteSource(ctx, "tasnim"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}
