package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"khabar/internal/article"
	"khabar/internal/store/sqlite"
)

// benchServer serves the seed and the four-agency corpus from the real SQLite
// store, as `khabar serve` does.
func benchServer(b *testing.B) (http.Handler, *article.Article) {
	b.Helper()
	seed := seedArticle(b)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, b.TempDir()+"/khabar.db", sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.PutArticles(ctx, append([]*article.Article{seed}, corpusArticles(b)...)); err != nil {
		b.Fatal(err)
	}
	return New(Deps{Store: db, Index: db}).Handler(), seed
}

func benchGet(b *testing.B, h http.Handler, target string) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d", target, rec.Code)
		}
	}
}

func BenchmarkHomePage(b *testing.B) {
	h, _ := benchServer(b)
	benchGet(b, h, "/")
}

func BenchmarkArticlePage(b *testing.B) {
	h, seed := benchServer(b)
	benchGet(b, h, "/articles/"+seed.ID)
}

func BenchmarkSearchPage(b *testing.B) {
	h, _ := benchServer(b)
	benchGet(b, h, "/search?q="+url.QueryEscape("رئیس جمهور"))
}

func BenchmarkAPIArticles(b *testing.B) {
	h, _ := benchServer(b)
	benchGet(b, h, "/api/v1/articles")
}

func BenchmarkAPISearch(b *testing.B) {
	h, _ := benchServer(b)
	benchGet(b, h, "/api/v1/search?q="+url.QueryEscape("رئیس جمهور"))
}
