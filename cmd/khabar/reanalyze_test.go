package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/pipeline"
	"khabar/internal/store/sqlite"
	"khabar/internal/store/storetest"
)

// topicByTitle is a stand-in analysis stage: it names one entity and a topic,
// and fails on the article with id "bad".
type topicByTitle struct{}

func (topicByTitle) Analyze(ctx context.Context, a *article.Article) error {
	if a.ID == "bad" {
		return errors.New("cannot analyse")
	}
	if len(a.Entities) > 0 || a.Category != "" {
		return errors.New("analysis not reset before the stages ran")
	}
	a.Category = "sport"
	a.Entities = []article.Entity{{Text: "چین", Type: "LOC", ID: "china", Name: "چین", Latin: "China"}}
	return nil
}

func TestReanalyze(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "khabar.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts := storetest.AnalysedArticles()
	bad := storetest.Minimal("bad", 1)
	bad.Category = "economy"
	arts = append(arts, bad)
	for i := range reanalyzeBatch { // more than one page
		arts = append(arts, storetest.Minimal(fmt.Sprintf("m%03d", i), i))
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := reanalyze(ctx, db, &pipeline.Pipeline{Analyzers: []pipeline.Analyzer{topicByTitle{}}}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "reanalysed 203 articles, 1 failed") || !strings.Contains(out.String(), "article bad: cannot analyse") {
		t.Errorf("output: %s", out.String())
	}
	cats, err := db.Categories(ctx)
	if err != nil || len(cats) != 2 || cats[0].Category != "sport" || cats[0].Articles != 203 || cats[1].Category != "economy" {
		t.Errorf("categories after reanalyze: %+v, %v (the failed article keeps its old analysis)", cats, err)
	}
	if e, err := db.Entity(ctx, "sergey-lavrov"); err != nil || e.Articles != 0 {
		t.Errorf("old analysis left behind: %+v, %v", e, err)
	}
	if e, err := db.Entity(ctx, "china"); err != nil || e.Articles != 203 {
		t.Errorf("china: %+v, %v", e, err)
	}
}
