package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"khabar/internal/article"
	"khabar/internal/search"
	"khabar/internal/store"
)

// withSyntheticAnalysis gives every corpus article an analysis of the size the
// seed has (about fifteen mentions of ten entities, one quote, three events),
// drawn with a fixed seed from a pool of entities in which a few are very
// common, as in news (Zipf). The analysis stages are not in the store's
// package; this measures what the store does with their output.
func withSyntheticAnalysis(arts []*article.Article) {
	const pool = 2000
	rng := rand.New(rand.NewPCG(7, 7))
	zipf := rand.NewZipf(rng, 1.2, 1, pool-1)
	types := []string{"PER", "ORG", "LOC"}
	ent := func() article.Entity {
		k := int(zipf.Uint64())
		return article.Entity{Text: fmt.Sprintf("نام %d", k), Type: types[k%3], ID: fmt.Sprintf("e%04d", k),
			Name: fmt.Sprintf("نام %d", k), Latin: fmt.Sprintf("Name %d", k), Country: "IRN"}
	}
	actor := func() article.Actor {
		e := ent()
		return article.Actor{Code: []string{"IRNGOV", "USAGOV", "CHNGOV", "RUSGOV"}[rng.IntN(4)], ID: e.ID, Name: e.Name}
	}
	for _, a := range arts {
		a.Category = []string{"politics", "international", "economy", "society", "sport"}[rng.IntN(5)]
		a.Entities = nil
		for range 15 {
			a.Entities = append(a.Entities, ent())
		}
		a.Quotes = []article.Quote{{Speaker: actor(), Text: a.Title, Verb: "گفت"}}
		a.Events = nil
		for range 3 {
			a.Events = append(a.Events, article.Event{Source: actor(), Target: actor(), Action: "دیدار",
				CAMEO: fmt.Sprintf("0%d%d", 1+rng.IntN(9), rng.IntN(10)), PLOVER: "CONSULT", Evidence: a.Lead})
		}
	}
}

// BenchmarkPutAnalysed stores the corpus with synthetic analysis, like
// BenchmarkPutArticles, to show what the analysis tables cost a write.
func BenchmarkPutAnalysed(b *testing.B) {
	arts := corpus(b)
	withSyntheticAnalysis(arts)
	dir := b.TempDir()
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		db, err := Open(context.Background(), fmt.Sprintf("%s/analysed%d.db", dir, i), Options{})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		putAll(b, db, arts, 200)
		total += time.Since(start)
		db.Close()
	}
	b.ReportMetric(float64(len(arts)*b.N)/total.Seconds(), "articles/s")
}

// BenchmarkEntityQueries times what an entity page and the events and search
// filters ask of a store holding the corpus with synthetic analysis.
func BenchmarkEntityQueries(b *testing.B) {
	arts := corpus(b)
	withSyntheticAnalysis(arts)
	db := openTemp(b, Options{})
	putAll(b, db, arts, 200)
	ctx := context.Background()
	// e0001 is the most common entity (in most articles), e0100 a rarer one.
	for _, tc := range []struct {
		name string
		fn   func() error
	}{
		{"TopEntities", func() error { _, err := db.TopEntities(ctx, "", 20); return err }},
		{"EntityPage/common", func() error { return entityPage(ctx, db, "e0001") }},
		{"EntityPage/rare", func() error { return entityPage(ctx, db, "e0100") }},
		{"Events/actor+code", func() error {
			_, err := db.Events(ctx, store.EventQuery{Actor: "CHN", Code: "04", Limit: 50})
			return err
		}},
		{"Search/entity+word", func() error {
			_, err := db.Search(ctx, search.Query{Text: "ایران entity:e0001 category:politics"})
			return err
		}},
		{"Search/filters only", func() error {
			_, err := db.Search(ctx, search.Query{Text: "entity:e0100 since:1390/01/01"})
			return err
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if err := tc.fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// entityPage runs the store calls of one entity page.
func entityPage(ctx context.Context, db *DB, id string) error {
	if _, err := db.Entity(ctx, id); err != nil {
		return err
	}
	if _, err := db.EntityTimeline(ctx, id); err != nil {
		return err
	}
	if _, err := db.CoEntities(ctx, id, 20); err != nil {
		return err
	}
	if _, err := db.Quotes(ctx, id, 20); err != nil {
		return err
	}
	if _, err := db.Events(ctx, store.EventQuery{Entity: id, Limit: 20}); err != nil {
		return err
	}
	_, err := db.EntityArticles(ctx, id, store.ListQuery{Limit: 10})
	return err
}
