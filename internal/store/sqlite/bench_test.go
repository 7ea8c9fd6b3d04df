package sqlite

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"khabar/internal/article"
	"khabar/internal/search"
)

// corpus is the bundled demo corpus as the benchmarks see it: 1,500 Fars News
// articles, the 80 four-agency 2025 articles and the seed, normalized by rules.
func corpus(b *testing.B) []*article.Article {
	norm := normalizers["rules"]
	arts := farsArticles(b, norm, 1, 2, 3, 4, 5)
	arts = append(arts, newsArticles(b, norm)...)
	return append(arts, seedArticle(b, norm))
}

// benchQueries reads testdata/queries.txt (shared with tools/searchbench).
func benchQueries(b *testing.B) []string {
	f, err := os.Open(filepath.Join("testdata", "queries.txt"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			qs = append(qs, l)
		}
	}
	return qs
}

// BenchmarkPutArticles stores the whole corpus into a new database per
// iteration, in batches of 200, and reports articles per second.
func BenchmarkPutArticles(b *testing.B) {
	arts := corpus(b)
	dir := b.TempDir()
	b.ResetTimer()
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		db, err := Open(context.Background(), filepath.Join(dir, "bench"+string(rune('a'+i%26))+strings.Repeat("x", i/26)+".db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for j := 0; j < len(arts); j += 200 {
			if _, err := db.PutArticles(context.Background(), arts[j:min(j+200, len(arts))]); err != nil {
				b.Fatal(err)
			}
		}
		total += time.Since(start)
		db.Close()
	}
	b.ReportMetric(float64(len(arts)*b.N)/total.Seconds(), "articles/s")
}

// BenchmarkSearch runs the query list over the corpus (first page of 20 hits
// with snippets, as the web page asks) and reports the median and 99th
// percentile latency of one query.
func BenchmarkSearch(b *testing.B) {
	arts := corpus(b)
	db := openTemp(b, Options{})
	putAll(b, db, arts, 200)
	qs := benchQueries(b)
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := qs[i%len(qs)]
		start := time.Now()
		if _, err := db.Search(context.Background(), search.Query{Text: q}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	ms := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / 1e6 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}
