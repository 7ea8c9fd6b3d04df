package sqlite

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/search"
	"khabar/internal/store"
	"khabar/internal/store/storetest"
)

func TestOpenBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	seed, err := os.ReadFile(filepath.Join(dataDir, "seed-article.txt"))
	if err != nil {
		seed = []byte("تاکید چین بر همکاری با روسیه در جهت منافع ملی دو کشور\n")
	}
	for _, tc := range []struct {
		name, path string
		notDB      bool
		msg        string
	}{
		{"text file", write("seed.db", seed), true, "not an SQLite database"},
		{"random bytes", write("random.db", []byte(strings.Repeat("\x00\xffkhabar", 200))), true, "not an SQLite database"},
		{"truncated header", write("trunc.db", []byte("SQLite format 3\x00\x10\x00")), true, ""},
		{"directory", dir, false, "is a directory"},
		{"empty path", "", false, "empty path"},
		{"query in path", filepath.Join(dir, "a?mode=ro"), false, "must not contain"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, err := Open(context.Background(), tc.path, Options{})
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q) succeeded", tc.path)
			}
			if tc.notDB && !errors.Is(err, ErrNotDatabase) {
				t.Errorf("error %q does not wrap ErrNotDatabase", err)
			}
			if tc.path != "" && !strings.Contains(err.Error(), tc.path) {
				t.Errorf("error %q does not name the file", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", err, tc.msg)
			}
		})
	}
	// An empty file is a new database.
	db, err := Open(context.Background(), write("empty.db", nil), Options{})
	if err != nil {
		t.Fatalf("empty file: %v", err)
	}
	db.Close()
}

func TestOpenCreatesDirectoryAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "nested", "khabar.db")
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := db.sql.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := db.sql.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
	db.Close()
	// Reopening applies nothing new and keeps the recorded versions.
	db, err = Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := loadMigrations(migrations)
	if err != nil {
		t.Fatal(err)
	}
	var n, newest int
	if err := db.sql.QueryRow("SELECT count(*), max(version) FROM schema_migrations").Scan(&n, &newest); err != nil {
		t.Fatal(err)
	}
	if n != len(ms) || newest != ms[len(ms)-1].version {
		t.Errorf("schema_migrations: %d rows up to %d; want %d up to %d", n, newest, len(ms), ms[len(ms)-1].version)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "khabar.db")
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec("INSERT INTO schema_migrations (version, name, applied) VALUES (9999, '9999_future.sql', 0)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(context.Background(), path, Options{})
	if err == nil || !strings.Contains(err.Error(), "newer") || !strings.Contains(err.Error(), path) {
		t.Errorf("Open of a database from a newer khabar: %v", err)
	}
}

// Other packages add their schema by dropping NNNN_what.sql files into
// migrations/: the runner orders them by number, not by name, and rejects
// names it cannot order.
func TestLoadMigrations(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	ms, err := loadMigrations(fstest.MapFS{
		"migrations/0010_ten.sql":       file("CREATE TABLE ten (x);"),
		"migrations/0002_sources.sql":   file("CREATE TABLE sources (x);"),
		"migrations/0001_articles.sql":  file("CREATE TABLE a (x);"),
		"migrations/0003_stories.sql":   file("CREATE TABLE stories (x);"),
		"migrations/README.txt":         file("not a migration"),
		"migrations/sub/0004_other.sql": file("ignored: not in migrations/"),
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, m := range ms {
		got = append(got, m.version)
	}
	if want := []int{1, 2, 3, 10}; !equalInts(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"no number":  {"migrations/sources.sql": file("")},
		"zero":       {"migrations/0000_x.sql": file("")},
		"duplicate":  {"migrations/0002_a.sql": file(""), "migrations/0002_b.sql": file("")},
		"not number": {"migrations/00a1_x.sql": file("")},
	} {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A migration that fails leaves no trace: neither its tables nor its version.
func TestFailedMigrationRollsBack(t *testing.T) {
	db := openTemp(t, Options{})
	bad := []migration{{version: 100, name: "0100_bad.sql", sql: "CREATE TABLE half (x); CREATE TABLE oops ("}}
	err := applyMigrations(context.Background(), db.sql, bad)
	if err == nil || !strings.Contains(err.Error(), "0100_bad.sql") {
		t.Fatalf("bad migration: %v", err)
	}
	var n int
	if err := db.sql.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").Scan(&n); err != nil || n != 0 {
		t.Errorf("table of the failed migration exists (%d, %v)", n, err)
	}
	if err := db.sql.QueryRow("SELECT count(*) FROM schema_migrations WHERE version = 100").Scan(&n); err != nil || n != 0 {
		t.Errorf("failed migration recorded (%d, %v)", n, err)
	}
}

// A database error in the middle of a batch (here a trigger standing in for a
// full disk or a constraint) rolls back the articles before it and their index rows.
func TestBatchRollbackOnDatabaseError(t *testing.T) {
	db := openTemp(t, Options{})
	if _, err := db.sql.Exec(`CREATE TRIGGER fail BEFORE INSERT ON articles WHEN NEW.id = 'boom'
		BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`); err != nil {
		t.Fatal(err)
	}
	norm := persian.Normalize
	first := newArticle(norm, "first", "raw 1", "سفر لاوروف به پکن", "", []string{"دیدار با وانگ ایی"})
	boom := newArticle(norm, "x", "raw 2", "تاکید چین بر همکاری با روسیه", "", []string{"متن"})
	boom.ID = "boom"
	_, err := db.PutArticles(context.Background(), []*article.Article{first, boom})
	if err == nil {
		t.Fatal("batch with a failing article succeeded")
	}
	if !strings.Contains(err.Error(), "article 2 of 2") || !strings.Contains(err.Error(), "boom") ||
		!strings.Contains(err.Error(), "refused by test trigger") {
		t.Errorf("error %q does not name the article and the reason", err)
	}
	if n, _ := db.CountArticles(context.Background()); n != 0 {
		t.Errorf("%d articles after the failed batch", n)
	}
	res, err := db.Search(context.Background(), search.Query{Text: "لاوروف"})
	if err != nil || res.Total != 0 {
		t.Errorf("index kept rows of the failed batch: %d hits, %v", res.Total, err)
	}
	var terms int
	db.sql.QueryRow("SELECT count(*) FROM terms").Scan(&terms)
	if terms != 0 {
		t.Errorf("vocabulary kept %d terms of the failed batch", terms)
	}
}

func TestSearchClosed(t *testing.T) {
	db := openTemp(t, Options{})
	db.Close()
	if _, err := db.Search(context.Background(), search.Query{Text: "لاوروف"}); !errors.Is(err, store.ErrClosed) {
		t.Errorf("Search after Close: %v", err)
	}
}

// FuzzSearch: no query string makes Search fail, other than by having no word.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"نشستهای", "رئیس‌جمهور", `"BRICS" OR NEAR(a b)`, "*", "a:b", "\xff", "ها", "رئیس جمهور روسیه",
		"entity:x source:\"a b\" category:c since:1404/01/01 until:2025-12-31", "since:x", "source:%_\\"} {
		f.Add(s)
	}
	db := openTemp(f, Options{})
	seed := newArticle(persian.Normalize, "seed", "رئیسجمهور روسیه در نشستهای بریکس BRICS",
		"تاکید چین بر همکاری با روسیه", "نشست‌های اتحادیه", []string{"ولادیمیر پوتین، رئیس‌جمهور روسیه"})
	putAll(f, db, []*article.Article{seed}, 1)
	// Articles with entities, categories and dates, for the filters to match.
	putAll(f, db, storetest.AnalysedArticles(), 3)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := db.Search(context.Background(), search.Query{Text: q})
		if err != nil && !errors.Is(err, search.ErrEmptyQuery) && !errors.Is(err, search.ErrBadFilter) {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if len(res.Hits) != res.Total {
			t.Fatalf("Search(%q): %d hits, total %d", q, len(res.Hits), res.Total)
		}
	})
}
