package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"khabar/internal/article"
	"khabar/internal/store"
)

func TestStoryAssignments(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "k.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t0 := time.Date(2025, 9, 5, 10, 0, 0, 0, time.UTC)
	mk := func(id, title, pub string, at time.Duration) *article.Article {
		return &article.Article{ID: id, Title: title, Body: []string{"متن خبر " + id}, Publisher: pub, Raw: id,
			Published: &article.Date{Time: t0.Add(at), HasClock: true}}
	}
	arts := []*article.Article{
		mk("a", "تاکید چین بر همکاری با روسیه", "خبرگزاری تسنیم", 0),
		mk("b", "تاکید چین بر همکاری با روسیه", "وبانگاه", time.Hour),
		mk("c", "دیدار وانگ ایی و لاوروف", "ایسنا", 2*time.Hour),
		mk("d", "قیمت طلا", "همشهری آنلاین", 3*time.Hour),
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	put := func(as ...store.StoryAssignment) {
		t.Helper()
		if err := db.PutStoryAssignments(ctx, as); err != nil {
			t.Fatal(err)
		}
	}
	put(store.StoryAssignment{ArticleID: "a", Fingerprint: 0xabc, Signature: []byte{1, 2}, Story: "sa", StoryTitle: "تاکید چین", StoryScore: 1},
		store.StoryAssignment{ArticleID: "b", CopyOf: "a", Similarity: 0.9, Story: "sa", StoryScore: 1})
	put(store.StoryAssignment{ArticleID: "c", Story: "sc", StoryScore: 1},
		store.StoryAssignment{ArticleID: "d", Story: "sa", StoryScore: 0.4, Merged: []string{"sc"}})

	rows, err := db.StoryArticles(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		if r.Story != "sa" {
			t.Errorf("%s in %s after the merge, want sa", r.ID, r.Story)
		}
	}
	if rows[1].CopyOf != "a" || rows[1].Source != "وبانگاه" || !rows[1].Published.Equal(t0.Add(time.Hour)) {
		t.Errorf("row b: %+v", rows[1])
	}
	// An earlier version of a's text arrives: a and its copy b now copy it.
	if _, err := db.PutArticles(ctx, []*article.Article{mk("e", "تاکید چین", "تسنیم", -time.Hour)}); err != nil {
		t.Fatal(err)
	}
	put(store.StoryAssignment{ArticleID: "e", Story: "sa", Supersedes: "a"})
	got, err := db.StoryArticlesOf(ctx, "sa")
	if err != nil {
		t.Fatal(err)
	}
	copyOf := map[string]string{}
	for _, r := range got {
		copyOf[r.ID] = r.CopyOf
	}
	if copyOf["a"] != "e" || copyOf["b"] != "e" || copyOf["e"] != "" {
		t.Errorf("after supersede: %v", copyOf)
	}
	replay, err := db.AssignedArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, a := range replay {
		order = append(order, a.ID)
	}
	if want := []string{"a", "b", "c", "d", "e"}; len(order) != len(want) || order[0] != "a" || order[4] != "e" {
		t.Errorf("replay order %v, want %v", order, want)
	}
	if _, err := db.StoryArticlesOf(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing story: %v", err)
	}
	// A split moves c out of sa.
	put(store.StoryAssignment{ArticleID: "d", Story: "sa", Moved: []store.StoryMove{{ArticleID: "c", Story: "sc2"}}})
	if moved, err := db.StoryArticlesOf(ctx, "sc2"); err != nil || len(moved) != 1 || moved[0].ID != "c" {
		t.Errorf("after the split: %v, %v", moved, err)
	}
	if err := db.PutStoryAssignments(ctx, []store.StoryAssignment{{ArticleID: "not-stored", Story: "sx"}}); err == nil {
		t.Error("assignment of an article that is not stored accepted")
	}
	since, err := db.StoryArticles(ctx, t0.Add(10*time.Hour))
	if err != nil || len(since) != 0 {
		t.Errorf("since after every article: %d rows, %v", len(since), err)
	}
}
