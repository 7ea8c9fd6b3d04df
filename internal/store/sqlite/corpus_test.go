package sqlite

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/zwnj"
)

// Real articles for the search tests and benchmarks, built straight from the
// datasets in ../shared/data (not through the parsers, which have their own tests).
const dataDir = "../../../../shared/data"

func needData(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(dataDir); err != nil {
		tb.Skipf("no shared data at %s: %v", dataDir, err)
	}
}

// normalizers are the two ways the pipeline may repair text: the rule-based
// normalizer alone, and with the ZWNJ model. Tests run documents and queries
// through both.
var normalizers = map[string]func(string) string{
	"rules": persian.Normalizer{}.Normalize,
	"zwnj":  zwnjNormalize,
}

var (
	zwnjOnce sync.Once
	zwnjNorm persian.Normalizer
)

func zwnjNormalize(s string) string {
	zwnjOnce.Do(func() { zwnjNorm = persian.Normalizer{ZWNJ: zwnj.Default()} })
	return zwnjNorm.Normalize(s)
}

// newArticle makes an article from dataset fields, normalized with norm.
func newArticle(norm func(string) string, key, raw, title, lead string, body []string) *article.Article {
	a := &article.Article{ID: article.StableID(key), Raw: raw, Title: norm(title), Lead: norm(lead)}
	for _, p := range body {
		if p = strings.TrimSpace(p); p != "" {
			a.Body = append(a.Body, norm(p))
		}
	}
	return a
}

// seedArticle is the seed dump cut by hand: title, lead (before « |»), body
// up to «انتهای پیام/», then the footer.
func seedArticle(tb testing.TB, norm func(string) string) *article.Article {
	tb.Helper()
	needData(tb)
	b, err := os.ReadFile(filepath.Join(dataDir, "seed-article.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	var body []string
	for _, l := range lines[3:] {
		if strings.HasPrefix(l, "انتهای پیام") {
			break
		}
		body = append(body, l)
	}
	a := newArticle(norm, "seed", string(b), lines[0], strings.TrimSuffix(lines[1], " |"), body)
	a.Publisher, a.NewsGroup, a.Copyright = "وبانگاه", "1337", "خبرگزاری تسنیم"
	return a
}

// farsArticles reads fars-news-N.json files (N from files): title, abstract, paragraphs.
func farsArticles(tb testing.TB, norm func(string) string, files ...int) []*article.Article {
	tb.Helper()
	needData(tb)
	var out []*article.Article
	for _, n := range files {
		b, err := os.ReadFile(filepath.Join(dataDir, "fars-news", "fars-news-"+string(rune('0'+n))+".json"))
		if err != nil {
			tb.Fatal(err)
		}
		var items []json.RawMessage
		if err := json.Unmarshal(b, &items); err != nil {
			tb.Fatal(err)
		}
		for _, raw := range items {
			var v struct {
				Title, Abstract, Link string
				Paragraphs            []string
			}
			if err := json.Unmarshal(raw, &v); err != nil {
				tb.Fatal(err)
			}
			out = append(out, newArticle(norm, v.Link+v.Title, utf8JSON(tb, raw), v.Title, v.Abstract, v.Paragraphs))
		}
	}
	return out
}

// utf8JSON re-encodes a JSON item with its text as UTF-8 instead of \u
// escapes, as the bundled demo corpus holds it (internal/demo/corpus/README.md):
// raw text is then Persian words, which the index reads for unrepaired spellings.
func utf8JSON(tb testing.TB, raw []byte) string {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		tb.Fatal(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// newsArticles reads news-2025-4agencies/articles.jsonl: title, lead, body, Jalali date.
func newsArticles(tb testing.TB, norm func(string) string) []*article.Article {
	tb.Helper()
	needData(tb)
	f, err := os.Open(filepath.Join(dataDir, "news-2025-4agencies", "articles.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []*article.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var v struct {
			URL, Title, Lead, Body string
			DateRaw                string `json:"date_raw"`
		}
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			tb.Fatal(err)
		}
		a := newArticle(norm, v.URL, sc.Text(), v.Title, v.Lead, strings.Split(v.Body, "\n"))
		a.URL = v.URL
		if t, clock, err := persian.ParseJalali(v.DateRaw); err == nil {
			a.Published = &article.Date{Time: t.UTC(), HasClock: clock}
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// openTemp opens a fresh database in a test directory.
func openTemp(tb testing.TB, opts Options) *DB {
	tb.Helper()
	db, err := Open(context.Background(), filepath.Join(tb.TempDir(), "khabar.db"), opts)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// putAll stores articles in batches of size.
func putAll(tb testing.TB, db *DB, arts []*article.Article, size int) {
	tb.Helper()
	for i := 0; i < len(arts); i += size {
		if _, err := db.PutArticles(context.Background(), arts[i:min(i+size, len(arts))]); err != nil {
			tb.Fatal(err)
		}
	}
}
