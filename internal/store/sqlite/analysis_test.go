package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"khabar/internal/article"
	"khabar/internal/search"
	"khabar/internal/store"
	"khabar/internal/store/storetest"
)

// TestMigrateOldStore: a database written before migration 0004 (analysis
// kept only in the extra JSON, as the store did then) gets its analysis
// tables on the next open, filled from what it stored.
func TestMigrateOldStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutArticles(ctx, storetest.AnalysedArticles()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// Turn it into a version-3 database: drop what 0004 made.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"DROP TABLE article_sources", "DROP TABLE article_facts", "DROP TABLE events", "DROP TABLE quotes",
		"DROP TABLE mentions", "DROP TABLE entity_names", "DROP TABLE entities",
		"DELETE FROM schema_migrations WHERE version >= 4",
	} {
		if _, err := raw.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	raw.Close()

	db, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("open the old store: %v", err)
	}
	defer db.Close()
	e, err := db.Entity(ctx, "sergey-lavrov")
	if err != nil || e.Articles != 2 || e.Latin != "Sergey Lavrov" {
		t.Errorf("after migration, lavrov = %+v, %v", e, err)
	}
	evs, err := db.Events(ctx, store.EventQuery{Code: "CONSULT"})
	if err != nil || len(evs) != 1 {
		t.Errorf("after migration, CONSULT events = %+v, %v", evs, err)
	}
	cats, err := db.Categories(ctx)
	if err != nil || len(cats) != 2 {
		t.Errorf("after migration, categories = %+v, %v", cats, err)
	}
	// A second open has nothing left to carry over and changes nothing.
	db2, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db2.Close()
	if e2, err := db.Entity(ctx, "sergey-lavrov"); err != nil || !reflect.DeepEqual(e2, e) {
		t.Errorf("after reopen, lavrov = %+v, %v; want %+v", e2, err, e)
	}
	checkCounts(t, db)
}

// TestBackfillBatches: more articles than one backfill transaction carries.
func TestBackfillBatches(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t, Options{})
	var arts []*article.Article
	for i := range backfillBatch + 7 {
		a := storetest.Minimal(fmt.Sprintf("b%03d", i), i)
		a.Category = "sport"
		arts = append(arts, a)
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.ExecContext(ctx, "DELETE FROM article_facts"); err != nil {
		t.Fatal(err)
	}
	if err := db.backfillAnalysis(ctx); err != nil {
		t.Fatal(err)
	}
	cats, err := db.Categories(ctx)
	if err != nil || len(cats) != 1 || cats[0].Articles != len(arts) {
		t.Errorf("after backfill, categories = %+v, %v; want %d sport", cats, err, len(arts))
	}
}

// TestEntityNames: the entity: filter resolves ids, canonical and Latin names
// and every spelling a mention used.
func TestEntityNames(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t, Options{})
	if _, err := db.PutArticles(ctx, storetest.AnalysedArticles()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"sergey-lavrov", []string{"sergey-lavrov"}},
		{"لاوروف", []string{"sergey-lavrov"}},
		{"سرگئي لاوروف", []string{"sergey-lavrov"}}, // Arabic yeh
		{"sergey LAVROV", []string{"sergey-lavrov"}},
		{"وزیر امور خارجه چین", []string{"wang-yi"}},
		{"علی رضایی", []string{"per:علی_رضایی"}},
		{"چین", []string{"china"}},
		{"nobody", nil},
		{"«»", nil},
		// No name is exactly this: names holding it as whole words.
		{"Lavrov", []string{"sergey-lavrov"}},
		{"امور خارجه", []string{"wang-yi"}},
		{"رضایی", []string{"per:علی_رضایی"}},
		{"لاورو", nil},
		{"100%", nil},
	} {
		got, err := db.resolveEntity(ctx, tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("resolveEntity(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEntityID(t *testing.T) {
	for _, tc := range []struct {
		e    article.Entity
		want string
	}{
		{article.Entity{Text: "لاوروف", Type: "PER", ID: "sergey-lavrov"}, "sergey-lavrov"},
		{article.Entity{Text: "علي رضايي", Type: "PER"}, "per:علی_رضایی"},
		{article.Entity{Text: "شرکت‌ ملی نفت", Type: "org"}, "org:شرکت_ملی_نفت"},
		{article.Entity{Text: "۱۴ تیر", Type: "DAT"}, ""},
		{article.Entity{Text: "«»", Type: "PER"}, ""},
	} {
		if got := store.EntityID(tc.e); got != tc.want {
			t.Errorf("EntityID(%+v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}

// TestPutAnalysis: a new analysis replaces the old in the record and the
// tables; the rest of the article and its ingestion time stay.
func TestPutAnalysis(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t, Options{})
	arts := storetest.AnalysedArticles()
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	before, err := db.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	redo := *arts[0]
	redo.Category = "politics"
	redo.Entities = []article.Entity{{Text: "بریکس", Type: "ORG", ID: "brics", Name: "بریکس", Latin: "BRICS"}}
	redo.Quotes = nil
	redo.Events = redo.Events[:1]
	redo.Title = "not written: only the analysis is"
	n, err := db.PutAnalysis(ctx, []*article.Article{&redo, storetest.Minimal("not-stored", 0), nil})
	if err != nil || n != 1 {
		t.Fatalf("PutAnalysis = %d, %v; want 1", n, err)
	}
	got, err := db.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != before.Title || got.Raw != before.Raw || !got.Ingested.Equal(before.Ingested) ||
		!reflect.DeepEqual(got.Attribution, before.Attribution) {
		t.Errorf("PutAnalysis changed more than the analysis: %+v", got)
	}
	if got.Category != "politics" || len(got.Entities) != 1 || got.Quotes != nil || len(got.Events) != 1 {
		t.Errorf("stored analysis: category %q, %d entities, %d quotes, %d events", got.Category, len(got.Entities), len(got.Quotes), len(got.Events))
	}
	for _, tc := range []struct {
		id       string
		articles int
	}{{"wang-yi", 0}, {"brics", 2}, {"china", 1}} {
		if e, err := db.Entity(ctx, tc.id); err != nil || e.Articles != tc.articles {
			t.Errorf("Entity(%q) = %+v, %v; want %d articles", tc.id, e, err, tc.articles)
		}
	}
	if n, err := db.CountEvents(ctx, store.EventQuery{}); err != nil || n != 2 {
		t.Errorf("events: %d, %v; want 2", n, err)
	}
	res, err := db.Search(ctx, search.Query{Text: "source:تسنیم category:politics"})
	if err != nil || res.Total != 1 {
		t.Errorf("search after PutAnalysis: %+v, %v", res.Total, err)
	}
	checkCounts(t, db)
}

// checkCounts fails when an entity record's counts differ from its mentions.
func checkCounts(t *testing.T, db *DB) {
	t.Helper()
	rows, err := db.sql.Query(`SELECT e.id, e.articles, e.mentions,
			(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id),
			(SELECT coalesce(sum(m.count), 0) FROM mentions m WHERE m.entity_id = e.id)
		FROM entities e`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var a, m, wantA, wantM int
		if err := rows.Scan(&id, &a, &m, &wantA, &wantM); err != nil {
			t.Fatal(err)
		}
		if a != wantA || m != wantM {
			t.Errorf("entity %q counts %d articles, %d mentions; its mentions say %d, %d", id, a, m, wantA, wantM)
		}
	}
}

// TestEntityCounts: the counts kept on entity records follow every kind of
// write: new, updated, repeated in a batch, reanalysed.
func TestEntityCounts(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t, Options{})
	arts := storetest.AnalysedArticles()
	steps := []func() error{
		func() error { _, err := db.PutArticles(ctx, arts[:1]); return err },
		func() error { _, err := db.PutArticles(ctx, arts); return err },
		func() error {
			again := *arts[1]
			again.Raw += " ویرایش"
			again.Entities = append(again.Entities, again.Entities...)
			changed := again
			changed.Raw += " دوباره"
			changed.Entities = changed.Entities[:1]
			_, err := db.PutArticles(ctx, []*article.Article{&again, arts[2], &changed})
			return err
		},
		func() error {
			redo := *arts[2]
			redo.Entities = nil
			_, err := db.PutAnalysis(ctx, []*article.Article{&redo, &redo})
			return err
		},
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		checkCounts(t, db)
	}
	top, err := db.TopEntities(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range top {
		if e.Articles == 0 {
			t.Errorf("TopEntities lists %q, mentioned nowhere", e.ID)
		}
	}
}

// TestMigrateCounts: a store at version 5 (analysis tables, no counts on the
// records) gets its counts from its mentions.
func TestMigrateCounts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v5.db")
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutArticles(ctx, storetest.AnalysedArticles()); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"DROP INDEX entities_by_articles", "DROP INDEX entities_by_type_articles",
		"ALTER TABLE entities DROP COLUMN articles", "ALTER TABLE entities DROP COLUMN mentions",
		"DELETE FROM schema_migrations WHERE version = 6",
	} {
		if _, err := db.sql.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()
	db, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkCounts(t, db)
	top, err := db.TopEntities(ctx, "PER", 1)
	if err != nil || len(top) != 1 || top[0].ID != "sergey-lavrov" || top[0].Articles != 2 {
		t.Errorf("top person after migration: %+v, %v", top, err)
	}
}
