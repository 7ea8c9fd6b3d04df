// Command searchbench measures the two candidate search engines for khabar on
// the bundled demo corpus (internal/demo: 1,500 Fars News articles, 80
// four-agency 2025 articles and the seed, parsed and normalized by the real
// pipeline with the ZWNJ model): SQLite FTS5 through khabar's store, and Bleve
// with an index-only mapping. Both index the same terms (search.IndexFields)
// and answer the same query plans (search.Plan), so their totals must agree.
//
// It is a separate module so that Bleve never enters khabar's go.mod:
//
//	cd tools/searchbench && go run . [-runs 20] [-batch 200]
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"khabar/internal/article"
	"khabar/internal/demo"
	"khabar/internal/persian"
	"khabar/internal/pipeline"
	"khabar/internal/search"
	"khabar/internal/store/sqlite"
	"khabar/internal/zwnj"
)

func main() {
	queriesPath := flag.String("queries", "../../internal/store/sqlite/testdata/queries.txt", "query list, one a line")
	runs := flag.Int("runs", 20, "passes over the query list")
	batch := flag.Int("batch", 200, "articles per indexing batch")
	keep := flag.String("dir", "", "directory for the indexes (default: a temporary one, removed)")
	cpu := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	flag.Parse()
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(*queriesPath, *runs, *batch, *keep); err != nil {
		log.Print(err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

func run(queriesPath string, runs, batch int, dir string) error {
	ctx := context.Background()
	if dir == "" {
		d, err := os.MkdirTemp("", "searchbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	arts, err := loadCorpus(ctx)
	if err != nil {
		return err
	}
	queries, err := readQueries(queriesPath)
	if err != nil {
		return err
	}
	fmt.Printf("corpus: %d articles; %d queries x %d runs\n\n", len(arts), len(queries), runs)

	// SQLite FTS5: khabar's store, articles and index written together.
	dbPath := filepath.Join(dir, "khabar.db")
	db, err := sqlite.Open(ctx, dbPath, sqlite.Options{QueryNormalizer: normalizer().Normalize})
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	for i := 0; i < len(arts); i += batch {
		if _, err := db.PutArticles(ctx, arts[i:min(i+batch, len(arts))]); err != nil {
			return err
		}
	}
	ftsTime := time.Since(start)
	raw, err := sql.Open("sqlite", dbPath)
	if err != nil {
		return err
	}
	defer raw.Close()
	if _, err := raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return err
	}
	dbSize, ftsSize, err := sqliteSizes(raw, dbPath)
	if err != nil {
		return err
	}

	// Bleve: index only (articles would still live in SQLite).
	bl, vocab, bleveTime, err := buildBleve(filepath.Join(dir, "bleve"), arts, batch)
	if err != nil {
		return err
	}
	defer bl.Close()
	bleveSize, err := dirSize(filepath.Join(dir, "bleve"))
	if err != nil {
		return err
	}

	fmt.Println("| engine | indexing | on disk |")
	fmt.Println("|---|---|---|")
	fmt.Printf("| SQLite FTS5 (articles + index, batches of %d) | %.0f articles/s | %.1f MB file, of which FTS5 index %.1f MB |\n",
		batch, float64(len(arts))/ftsTime.Seconds(), mb(dbSize), mb(ftsSize))
	fmt.Printf("| Bleve v2.6.3 scorch, index-only mapping (index alone, batches of %d) | %.0f articles/s | %.1f MB |\n\n",
		batch, float64(len(arts))/bleveTime.Seconds(), mb(bleveSize))

	norm := normalizer().Normalize
	engines := []struct {
		name string
		fn   func(q string) (int, error)
	}{
		{"SQLite FTS5: plan + MATCH, top 20 ids + total", func(q string) (int, error) { return ftsQuery(ctx, raw, q, norm) }},
		{"Bleve: plan + query, top 20 ids + total", func(q string) (int, error) { return bleveQuery(bl, vocab, q, norm, nil) }},
		{"khabar Search on FTS5: + 20 articles + snippets", func(q string) (int, error) {
			r, err := db.Search(ctx, search.Query{Text: q})
			return r.Total, err
		}},
		{"Bleve + 20 articles from SQLite + snippets", func(q string) (int, error) {
			return bleveQuery(bl, vocab, q, norm, func(ids []string, terms []string) error {
				for _, id := range ids {
					a, err := db.Article(ctx, id)
					if err != nil {
						return err
					}
					search.Snippet(append([]string{a.Lead}, a.Body...), terms, search.SnippetWords)
				}
				return nil
			})
		}},
	}
	totals := make([]map[string]int, len(engines))
	fmt.Println("| query path | p50 | p99 | mean |")
	fmt.Println("|---|---|---|---|")
	for i, e := range engines {
		totals[i] = map[string]int{}
		for _, q := range queries { // warm-up pass, also records totals
			n, err := e.fn(q)
			if err != nil {
				return fmt.Errorf("%s: %q: %w", e.name, q, err)
			}
			totals[i][q] = n
		}
		var lat []time.Duration
		for range runs {
			for _, q := range queries {
				t := time.Now()
				if _, err := e.fn(q); err != nil {
					return err
				}
				lat = append(lat, time.Since(t))
			}
		}
		slices.Sort(lat)
		var sum time.Duration
		for _, l := range lat {
			sum += l
		}
		fmt.Printf("| %s | %s | %s | %s |\n", e.name, ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]), ms(sum/time.Duration(len(lat))))
	}
	fmt.Println()
	same := 0
	for _, q := range queries {
		if totals[0][q] == totals[1][q] {
			same++
		} else {
			fmt.Printf("total differs for %q: FTS5 %d, Bleve %d\n", q, totals[0][q], totals[1][q])
		}
	}
	fmt.Printf("queries with the same number of matches in both engines: %d of %d\n", same, len(queries))
	return nil
}

func normalizer() persian.Normalizer { return persian.Normalizer{ZWNJ: zwnj.Default()} }

// loadCorpus parses the bundled corpus with the pipeline the demo uses.
func loadCorpus(ctx context.Context) ([]*article.Article, error) {
	p := &pipeline.Pipeline{Normalizer: normalizer()}
	corpus := demo.Corpus()
	var arts []*article.Article
	err := fs.WalkDir(corpus, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".gz") || strings.HasSuffix(path, ".jsonl") || path == "seed-article.txt") {
			return err
		}
		data, err := fs.ReadFile(corpus, path)
		if err != nil {
			return err
		}
		res, err := p.Parse(ctx, pipeline.Document{Path: path, Data: data})
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		arts = append(arts, res.Articles...)
		return nil
	})
	return arts, err
}

func readQueries(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var qs []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			qs = append(qs, l)
		}
	}
	return qs, nil
}

// buildBleve indexes the articles' index fields with a whitespace analyzer:
// the fields already hold search.Terms, so Bleve sees the same terms as FTS5.
// Nothing is stored; title and text keep positions (term vectors) because
// plans use phrases for split words.
func buildBleve(path string, arts []*article.Article, batch int) (bleve.Index, map[string]bool, time.Duration, error) {
	m := bleve.NewIndexMapping()
	if err := m.AddCustomAnalyzer("terms", map[string]any{
		"type": custom.Name, "tokenizer": whitespace.Name, "token_filters": []string{},
	}); err != nil {
		return nil, nil, 0, err
	}
	m.DefaultAnalyzer = "terms"
	m.ScoringModel = index.BM25Scoring
	m.StoreDynamic, m.IndexDynamic, m.DocValuesDynamic = false, false, false
	doc := bleve.NewDocumentStaticMapping()
	for _, f := range []struct {
		name    string
		vectors bool
	}{{"title", true}, {"text", true}, {"alt", false}} {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer, fm.Store, fm.IncludeInAll, fm.DocValues, fm.IncludeTermVectors = "terms", false, false, false, f.vectors
		doc.AddFieldMappingsAt(f.name, fm)
	}
	m.DefaultMapping = doc
	idx, err := bleve.New(path, m)
	if err != nil {
		return nil, nil, 0, err
	}
	vocab := map[string]bool{}
	start := time.Now()
	for i := 0; i < len(arts); i += batch {
		b := idx.NewBatch()
		for _, a := range arts[i:min(i+batch, len(arts))] {
			f := search.IndexFields(a, func(t string) { vocab[t] = true })
			if err := b.Index(a.ID, map[string]any{"title": f.Title, "text": f.Text, "alt": f.Alt}); err != nil {
				return nil, nil, 0, err
			}
		}
		if err := idx.Batch(b); err != nil {
			return nil, nil, 0, err
		}
	}
	return idx, vocab, time.Since(start), nil
}

// weights mirror the FTS5 bm25 column weights of the sqlite store.
var weights = map[string]float64{"title": 5, "text": 1, "alt": 0.5}

func bleveQuery(idx bleve.Index, vocab map[string]bool, q string, norm func(string) string,
	fetch func(ids, terms []string) error) (int, error) {
	terms := search.QueryTerms(q, norm)
	plan := search.Plan(terms, func(t string) bool { return vocab[t] })
	var groups []bquery.Query
	for _, g := range plan {
		var alts []bquery.Query
		for _, alt := range g {
			var phrases []bquery.Query
			for _, p := range alt {
				var fields []bquery.Query
				for _, field := range []string{"title", "text", "alt"} {
					var fq bquery.Query
					if len(p) == 1 {
						tq := bleve.NewTermQuery(p[0])
						tq.SetField(field)
						tq.SetBoost(weights[field])
						fq = tq
					} else if field != "alt" {
						pq := bleve.NewPhraseQuery(p, field)
						pq.SetBoost(weights[field])
						fq = pq
					} else {
						continue
					}
					fields = append(fields, fq)
				}
				phrases = append(phrases, bleve.NewDisjunctionQuery(fields...))
			}
			alts = append(alts, bleve.NewConjunctionQuery(phrases...))
		}
		groups = append(groups, bleve.NewDisjunctionQuery(alts...))
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(groups...), 20, 0, false)
	res, err := idx.Search(req)
	if err != nil {
		return 0, err
	}
	if fetch != nil {
		ids := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			ids[i] = h.ID
		}
		if err := fetch(ids, search.HighlightTerms(plan)); err != nil {
			return 0, err
		}
	}
	return int(res.Total), nil
}

// ftsQuery is the engine part of khabar's FTS5 search: vocabulary lookup,
// plan, MATCH, top 20 ids and the total, without reading articles.
func ftsQuery(ctx context.Context, db *sql.DB, q string, norm func(string) string) (int, error) {
	terms := search.QueryTerms(q, norm)
	cands := search.Candidates(terms)
	known := map[string]bool{}
	if len(cands) > 0 {
		args := make([]any, len(cands))
		for i, c := range cands {
			args[i] = c
		}
		rows, err := db.QueryContext(ctx, "SELECT term FROM terms WHERE term IN (?"+strings.Repeat(", ?", len(cands)-1)+")", args...)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var t string
			if err := rows.Scan(&t); err != nil {
				rows.Close()
				return 0, err
			}
			known[t] = true
		}
		rows.Close()
	}
	plan := search.Plan(terms, func(t string) bool { return known[t] })
	rows, err := db.QueryContext(ctx, `SELECT rowid, count(*) OVER () FROM articles_fts
		WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20`, matchExpr(plan))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	total := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &total); err != nil {
			return 0, err
		}
	}
	return total, rows.Err()
}

// matchExpr renders a plan as FTS5 syntax, as the sqlite store does.
func matchExpr(plan []search.Group) string {
	var gs []string
	for _, g := range plan {
		var as []string
		for _, alt := range g {
			var ps []string
			for _, p := range alt {
				ps = append(ps, `"`+strings.Join(p, `" + "`)+`"`)
			}
			as = append(as, "("+strings.Join(ps, " AND ")+")")
		}
		gs = append(gs, "("+strings.Join(as, " OR ")+")")
	}
	return strings.Join(gs, " AND ")
}

// sqliteSizes returns the database file size and the bytes of FTS5's tables.
func sqliteSizes(db *sql.DB, path string) (file, fts int64, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, 0, err
	}
	err = db.QueryRow(`SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE 'articles_fts%'`).Scan(&fts)
	return fi.Size(), fts, err
}

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err == nil {
			n += fi.Size()
		}
		return err
	})
	return n, err
}

func mb(n int64) float64 { return float64(n) / 1e6 }

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/1e6) }
