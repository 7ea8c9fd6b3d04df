package web

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"

	"khabar/internal/analysis"
	"khabar/internal/article"
	"khabar/internal/pipeline"
	"khabar/internal/store/sqlite"
)

// TestSeedAnalysedEndToEnd runs the seed through the real pipeline with the
// analysis stage (as ingest does), stores it, and reads the pages issue 7's
// «done when» names: the article shows its entities linked with Latin names,
// quotes with speakers and coded events; the entity pages list it.
func TestSeedAnalysedEndToEnd(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed article missing: %v", err)
	}
	an, err := analysis.New()
	if err != nil {
		t.Fatal(err)
	}
	p := &pipeline.Pipeline{Analyzers: []pipeline.Analyzer{an}}
	res, err := p.Parse(context.Background(), pipeline.Document{Path: "seed-article.txt", Data: data})
	if err != nil || len(res.Articles) != 1 {
		t.Fatalf("parse the seed: %v", err)
	}
	seed := res.Articles[0]
	db, err := sqlite.Open(context.Background(), t.TempDir()+"/khabar.db", sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.PutArticles(context.Background(), []*article.Article{seed}); err != nil {
		t.Fatal(err)
	}
	h := New(Deps{Store: db, Index: db}).Handler()

	res2, body := get(t, h, "GET", "/articles/"+seed.ID)
	if res2.StatusCode != http.StatusOK {
		t.Fatalf("seed page: %d", res2.StatusCode)
	}
	root := doc(t, res2, body)
	links := map[string]string{}
	for _, a := range findAll(root, class("entity")) {
		if href := attr(a, "href"); href != "" {
			links[href] = text(a)
		}
	}
	for _, want := range []struct{ id, latin string }{
		{"wang-yi", "Wang Yi"}, {"sergey-lavrov", "Sergey Lavrov"}, {"vladimir-putin", "Vladimir Putin"}, {"xi-jinping", "Xi Jinping"},
	} {
		if links["/entities/"+want.id] == "" || !strings.Contains(body, ">"+want.latin+"</bdi>") {
			t.Errorf("seed page: no link to %s with %q", want.id, want.latin)
		}
	}
	var lavrovQuotes int
	for _, q := range findAll(root, class("quote")) {
		for _, a := range findAll(q, tag("a")) {
			if attr(a, "href") == "/entities/sergey-lavrov" {
				lavrovQuotes++
				break
			}
		}
	}
	if lavrovQuotes == 0 {
		t.Error("seed page: no quote with Lavrov as speaker")
	}
	// The meeting: China's and Russia's foreign ministers, CAMEO 04x.
	meeting := false
	for _, e := range findAll(root, class("event")) {
		s := text(e)
		meeting = meeting || strings.Contains(s, "CHN") && strings.Contains(s, "RUS") && strings.Contains(s, "CAMEO 04")
	}
	if !meeting {
		t.Error("seed page: no CHN–RUS event coded CAMEO 04x")
	}

	for _, id := range []string{"sergey-lavrov", "wang-yi"} {
		res, body := get(t, h, "GET", "/entities/"+id)
		if res.StatusCode != http.StatusOK || !strings.Contains(body, `href="/articles/`+seed.ID+`"`) {
			t.Errorf("entity page %s: %d, lists the seed: %v", id, res.StatusCode, strings.Contains(body, seed.ID))
		}
	}
}
