package analysis

import (
	"context"
	"io/fs"
	"os"
	"reflect"
	"sync"
	"testing"

	"khabar/internal/article"
	"khabar/internal/demo"
	"khabar/internal/persian"
	"khabar/internal/pipeline"
	zwnjmodel "khabar/internal/zwnj"
)

// parseSeed reads the seed article the way `khabar parse` does (ZWNJ
// restored), without the analysis.
func parseSeed(t testing.TB) *article.Article {
	t.Helper()
	data, err := os.ReadFile("../../../shared/data/seed-article.txt")
	if err != nil {
		t.Skip("seed article not found:", err)
	}
	p := &pipeline.Pipeline{Normalizer: persian.Normalizer{ZWNJ: zwnjmodel.Default()}}
	res, err := p.Parse(context.Background(), pipeline.Document{Path: "seed-article.txt", Data: data})
	if err != nil || len(res.Articles) != 1 {
		t.Fatalf("parse seed: %v, %d articles", err, len(res.Articles))
	}
	return res.Articles[0]
}

func TestAnalyzeSeed(t *testing.T) {
	a := parseSeed(t)
	an := newAnalyzer(t)
	if err := an.Analyze(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, e := range a.Entities {
		ids[e.ID] = e.Latin
	}
	for id, latin := range map[string]string{
		"wang-yi": "Wang Yi", "sergey-lavrov": "Sergey Lavrov", "vladimir-putin": "Vladimir Putin",
		"xi-jinping": "Xi Jinping", "china": "China", "russia": "Russia", "un": "United Nations",
		"sco": "Shanghai Cooperation Organisation", "apec": "Asia-Pacific Economic Cooperation",
		"brics": "BRICS", "asean": "Association of Southeast Asian Nations",
	} {
		if got, ok := ids[id]; !ok || got != latin {
			t.Errorf("entity %s: latin %q (found %v), want %q", id, got, ok, latin)
		}
	}
	if len(a.Quotes) == 0 || len(a.Events) == 0 {
		t.Errorf("%d quotes, %d events: the later stages did not run", len(a.Quotes), len(a.Events))
	}
	// Analysing again replaces, not appends.
	before := append([]article.Entity(nil), a.Entities...)
	if err := an.Analyze(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, a.Entities) {
		t.Error("a second Analyze changed the entities")
	}
}

// TestAnalyzeConcurrent runs one Analyzer from many goroutines (the race
// detector checks it shares nothing writable).
func TestAnalyzeConcurrent(t *testing.T) {
	seed := parseSeed(t)
	an := newAnalyzer(t)
	want := *seed
	if err := an.Analyze(context.Background(), &want); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := *seed
			if err := an.Analyze(context.Background(), &a); err != nil {
				t.Error(err)
				return
			}
			if !reflect.DeepEqual(a.Entities, want.Entities) {
				t.Error("concurrent Analyze gave other entities")
			}
		}()
	}
	wg.Wait()
}

// newAnalyzer builds the analyzer; a recognizer that fails to load (another
// package's test catches that) leaves the gazetteer-only analyzer to test.
func newAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	an, err := New()
	if an == nil {
		t.Fatal(err)
	}
	if err != nil {
		t.Logf("without the recognizer: %v", err)
	}
	return an
}

// demoArticles parses the bundled demo corpus, normalized, not analysed.
func demoArticles(b testing.TB) []*article.Article {
	b.Helper()
	p := &pipeline.Pipeline{}
	var arts []*article.Article
	err := fs.WalkDir(demo.Corpus(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == "README.md" || len(path) > 8 && path[:8] == "LICENSE-" {
			return err
		}
		data, err := fs.ReadFile(demo.Corpus(), path)
		if err != nil {
			return err
		}
		res, err := p.Parse(context.Background(), pipeline.Document{Path: path, Data: data})
		if err != nil {
			return err
		}
		arts = append(arts, res.Articles...)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return arts
}

// BenchmarkAnalyzeDemo runs the whole analysis (entities, quotes, events)
// over the demo corpus on one goroutine.
func BenchmarkAnalyzeDemo(b *testing.B) {
	arts := demoArticles(b)
	an := newAnalyzer(b)
	bytes := 0
	for _, a := range arts {
		bytes += len(a.Text())
	}
	ctx := context.Background()
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			if err := an.Analyze(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkLinkDemo is gazetteer linking alone (no recognizer) over the
// demo corpus: the cost of internal/entities.
func BenchmarkLinkDemo(b *testing.B) { benchLink(b, false) }

// BenchmarkLinkNERDemo is the entity stage as the pipeline runs it:
// recognizer spans merged with gazetteer links.
func BenchmarkLinkNERDemo(b *testing.B) { benchLink(b, true) }

func benchLink(b *testing.B, withNER bool) {
	arts := demoArticles(b)
	an := newAnalyzer(b)
	rec := an.recognize
	if !withNER {
		rec = nil
	}
	bytes := 0
	for _, a := range arts {
		bytes += len(a.Text())
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			a.Entities = an.linker.Link(a, rec)
		}
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
