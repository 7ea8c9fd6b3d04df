package stories

import (
	"context"
	"io/fs"
	"sync"
	"testing"

	"khabar/internal/article"
	"khabar/internal/copies/copyeval"
	"khabar/internal/demo"
	"khabar/internal/pipeline"
)

var (
	corpusOnce sync.Once
	corpus     []*article.Article
)

// demoCorpus parses the bundled corpus once (embedded, so always present).
func demoCorpus(tb testing.TB) []*article.Article {
	corpusOnce.Do(func() {
		p := &pipeline.Pipeline{}
		for _, name := range []string{"news-2025-4agencies.jsonl", "fars-news.jsonl.gz"} {
			data, err := fs.ReadFile(demo.Corpus(), name)
			if err != nil {
				tb.Fatal(err)
			}
			res, err := p.Parse(context.Background(), pipeline.Document{Data: data})
			if err != nil {
				tb.Fatal(err)
			}
			corpus = append(corpus, res.Articles...)
		}
	})
	return corpus
}

// BenchmarkEngine measures copy detection plus story assignment over the
// demo corpus followed by two generated copies of each article (4,7k
// articles), in batches of 256 as ingestion stores them.
func BenchmarkEngine(b *testing.B) {
	arts := demoCorpus(b)
	all := append([]*article.Article(nil), arts...)
	for _, c := range copyeval.Generate(arts, 2, 1) {
		all = append(all, c.Article)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Batches of 256, as ingestion stores them.
		e := NewEngine()
		for j := 0; j < len(all); j += 256 {
			e.AddBatch(all[j:min(j+256, len(all))])
		}
	}
	b.ReportMetric(float64(len(all)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
