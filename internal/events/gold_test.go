package events

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/demo"
	"khabar/internal/events/discourse"
	"khabar/internal/persian"
	"khabar/internal/pipeline"
)

// TestGoldKeys checks the labelled set itself: every row's article is in the
// bundled corpus, and its key is found in exactly one sentence of all the
// labelled articles — or is a whole title its article repeats inside a
// longer sentence — so an event is scored against one gold sentence only.
func TestGoldKeys(t *testing.T) {
	rows, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, r := range rows {
		want[r.Article] = true
	}
	type sent struct{ article, fold string }
	var sents []sent
	got := map[string]bool{}
	for id, arts := range goldCorpus(t, want) {
		got[id] = true
		for _, a := range arts {
			for _, s := range discourse.Read(a) {
				sents = append(sents, sent{id, MatchForm(s.Text)})
			}
		}
	}
	for id := range want {
		if !got[id] {
			t.Errorf("article %s of the gold file is not in the bundled corpus", id)
		}
	}
	for _, r := range rows {
		key := MatchForm(r.Key)
		var in []string
		whole := false
		for _, s := range sents {
			if strings.Contains(s.fold, key) {
				in = append(in, s.article)
				whole = whole || s.fold == key
			}
		}
		if whole && len(in) > 1 && !slices.ContainsFunc(in, func(a string) bool { return a != r.Article }) {
			// A whole title repeated inside a paragraph («آیت‌الله ... گفت:
			// <title> و ...»): the row covers both, which say the same.
			continue
		}
		if len(in) != 1 || in[0] != r.Article {
			t.Errorf("key %q (%s) is in %d sentences, of articles %v; want one, of its own article", r.Key, r.Article, len(in), in)
		}
	}
}

// goldCorpus parses the seed and the bundled articles the gold file names,
// without the analysis, by the id the gold file gives them.
func goldCorpus(t *testing.T, want map[string]bool) map[string][]*article.Article {
	t.Helper()
	p := &pipeline.Pipeline{Normalizer: persian.Normalizer{}}
	arts := map[string][]*article.Article{}
	parse := func(id, name string, data []byte) {
		res, err := p.Parse(context.Background(), pipeline.Document{Path: strings.TrimSuffix(name, ".gz"), Data: data})
		if err != nil {
			t.Fatal(err)
		}
		arts[id] = append(arts[id], res.Articles...)
	}
	for _, name := range []string{"seed-article.txt", "news-2025-4agencies.jsonl", "fars-news.jsonl.gz"} {
		data, err := fs.ReadFile(demo.Corpus(), name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		if name == "seed-article.txt" {
			parse("seed", name, data)
			continue
		}
		for _, line := range bytes.Split(data, []byte("\n")) {
			for id := range want {
				if bytes.Contains(line, []byte(`"id": "`+id+`"`)) || bytes.Contains(line, []byte(`"link": "`+id+`"`)) {
					parse(id, name, line)
					break
				}
			}
		}
	}
	return arts
}
