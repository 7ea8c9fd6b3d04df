package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/demo"
	"khabar/internal/extract"
	"khabar/internal/persian"
	"khabar/internal/textdump"
)

func parseDemo(t testing.TB, name string) Parsed {
	t.Helper()
	data, err := fs.ReadFile(demo.Corpus(), name)
	if err != nil {
		t.Fatal(err)
	}
	p := &Pipeline{}
	res, err := p.Parse(context.Background(), Document{Path: name, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestDemoCorpus runs the whole bundled corpus through the pipeline: every
// article parses, and its displayed text is in Persian letters.
func TestDemoCorpus(t *testing.T) {
	total := 0
	for _, name := range []string{"fars-news.jsonl.gz", "news-2025-4agencies.jsonl", "seed-article.txt"} {
		res := parseDemo(t, name)
		if len(res.Skipped) > 0 {
			t.Errorf("%s: skipped %v", name, res.Skipped[:min(3, len(res.Skipped))])
		}
		for _, a := range res.Articles {
			if a.Title == "" || a.ID == "" || a.Raw == "" {
				t.Fatalf("%s: incomplete article %+v", name, a)
			}
			for _, s := range append([]string{a.Title, a.Lead}, a.Body...) {
				if strings.ContainsAny(s, "يك") {
					t.Fatalf("%s: Arabic letters left in %q", name, s)
				}
			}
		}
		total += len(res.Articles)
	}
	if total < 1581 {
		t.Errorf("%d articles, want 1581", total)
	}
}

func TestSeedNormalized(t *testing.T) {
	res := parseDemo(t, "seed-article.txt")
	a := res.Articles[0]
	if len(a.Subheadings) != 1 || a.Body[3] != a.Subheadings[0] {
		t.Errorf("subheading not kept in place: %q", a.Subheadings)
	}
	if a.Attribution[1].Desk != "گروه بین الملل" {
		t.Errorf("desk changed by normalization: %q", a.Attribution[1].Desk)
	}
	if strings.Contains(a.Body[0], "،وانگ") {
		t.Errorf("spacing: %q", a.Body[0])
	}
}

type countingAnalyzer struct{ n int }

func (c *countingAnalyzer) Analyze(ctx context.Context, a *article.Article) error {
	c.n++
	if a.Title == "" {
		return errors.New("no title")
	}
	return nil
}

func TestAnalyzersRun(t *testing.T) {
	c := &countingAnalyzer{}
	p := &Pipeline{Normalizer: persian.Normalizer{}, Analyzers: []Analyzer{c}}
	data := []byte(`{"title":"الف","body":"ب"}` + "\n" + `{"title":"ج","body":"د"}`)
	res, err := p.Parse(context.Background(), Document{Data: data})
	if err != nil || len(res.Articles) != 2 || c.n != 2 {
		t.Errorf("res %+v err %v analyzer ran %d times", res, err, c.n)
	}
}

func TestBadDocuments(t *testing.T) {
	p := &Pipeline{}
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte("الف "), 1000))
	zw.Close()
	truncated := bomb.Bytes()[:bomb.Len()/2]
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, textdump.ErrEmpty},
		{"binary", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}, textdump.ErrBinary},
		{"html page", []byte("<!DOCTYPE html><html><body>x</body></html>"), extract.ErrNoArticle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := p.Parse(context.Background(), Document{Data: tt.data}); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	// A truncated gzip keeps what decompressed and says what was lost.
	res, err := p.Parse(context.Background(), Document{Data: truncated})
	if err != nil && len(res.Skipped) == 0 {
		t.Errorf("truncated gzip: err %v, skipped %v", err, res.Skipped)
	}
}
