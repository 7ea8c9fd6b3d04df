package sqlite

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/search"
)

// The seed must be found by every spelling issue 3 lists, whichever way the
// documents and the queries were repaired: the rule-based normalizer alone
// leaves «نشستهای» and «رئیسجمهور» run together, the ZWNJ model splits them.
func TestSearchSeedSpellings(t *testing.T) {
	queries := []string{
		"نشست", "نشست‌ها", "نشستهای", "نشست ها", "نشست های",
		"رئیس جمهور", "رئیس‌جمهور", "رئیسجمهور", "رییس جمهور",
		"رئيس‌جمهور", "رئيس جمهور", "كشورهاي", "کشورهای", "كشورهاي جنوب شرق آسيا",
		"BRICS", "brics", "بریکس", "لاوروف", "۱۳۳۷",
		"تاکید چین بر همکاری با روسیه",
	}
	for _, docNorm := range []string{"rules", "zwnj"} {
		seed := seedArticle(t, normalizers[docNorm])
		arts := append(farsArticles(t, normalizers[docNorm], 1), newsArticles(t, normalizers[docNorm])...)
		arts = append(arts, seed)
		seed.Body = append(seed.Body, "گروه خبری: ۱۳۳۷")
		db := openTemp(t, Options{})
		putAll(t, db, arts, 200)
		for _, queryNorm := range []string{"rules", "zwnj"} {
			db.normalize = normalizers[queryNorm]
			for _, q := range queries {
				res, err := db.Search(context.Background(), search.Query{Text: q, Limit: 1000})
				if err != nil {
					t.Errorf("documents %s, query %s, %q: %v", docNorm, queryNorm, q, err)
					continue
				}
				i := slices.IndexFunc(res.Hits, func(h search.Hit) bool { return h.Article.ID == seed.ID })
				if i < 0 {
					t.Errorf("documents %s, query %s: %q does not find the seed (%d hits)", docNorm, queryNorm, q, res.Total)
					continue
				}
				if len(res.Hits) != res.Total {
					t.Errorf("%q: %d hits, Total %d", q, len(res.Hits), res.Total)
				}
				if !hasMatch(res.Hits[i].Snippet) && q != "تاکید چین بر همکاری با روسیه" {
					t.Errorf("documents %s, query %s: %q: seed snippet has no highlighted word: %+v", docNorm, queryNorm, q, res.Hits[i].Snippet)
				}
			}
		}
	}
}

func hasMatch(frags []search.Fragment) bool {
	return slices.ContainsFunc(frags, func(f search.Fragment) bool { return f.Match })
}

// Words that only look alike must not meet: these queries must not find the seed.
func TestSearchPrecision(t *testing.T) {
	db := openTemp(t, Options{QueryNormalizer: zwnjNormalize})
	seed := seedArticle(t, zwnjNormalize)
	putAll(t, db, []*article.Article{seed}, 10)
	for _, q := range []string{
		"نشستن",             // to sit: not «نشست» + a suffix
		"جمهوری",            // republic
		"رئیس جمهور آمریکا", // every word must match
		"ترامپ",             // not in the seed
	} {
		res, err := db.Search(context.Background(), search.Query{Text: q})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if res.Total != 0 {
			t.Errorf("%q found %d articles, want none", q, res.Total)
		}
	}
}

// Anything a user types is a query, never FTS5 syntax and never an error,
// unless it has no word at all.
func TestSearchHostileInput(t *testing.T) {
	db := openTemp(t, Options{})
	putAll(t, db, []*article.Article{seedArticle(t, persian.Normalize)}, 10)
	for _, q := range []string{
		`"`, `""`, `"لاوروف`, `لاوروف"`, `*`, `لاوروف*`, `NEAR`, `NEAR(لاوروف چین)`, `OR`, `لاوروف OR`,
		`AND NOT`, `NOT لاوروف`, `-لاوروف`, `^لاوروف`, `title:لاوروف`, `alt : x`, `(`, `)`, `{title text}: a`,
		`لاوروف AND`, `'; DROP TABLE articles; --`, "\x00", "\xff\xfe", `\u0000`, "لاو\u200cروف", "\u200c\u200c",
		strings.Repeat("لاوروف ", 200),
	} {
		_, err := db.Search(context.Background(), search.Query{Text: q})
		if err != nil && !errors.Is(err, search.ErrEmptyQuery) {
			t.Errorf("Search(%q): %v", q, err)
		}
	}
	for _, q := range []string{"", "   ", "«»", "*", `"`, "؟!،", "\u200c"} {
		_, err := db.Search(context.Background(), search.Query{Text: q})
		if !errors.Is(err, search.ErrEmptyQuery) {
			t.Errorf("Search(%q) = %v, want ErrEmptyQuery", q, err)
		}
	}
	if n, err := db.CountArticles(context.Background()); err != nil || n != 1 {
		t.Errorf("after hostile queries: %d articles, %v", n, err)
	}
}

// Ranking: a word in the title outweighs the same word in the body; Recent
// orders by date instead; Offset pages.
func TestSearchRanking(t *testing.T) {
	db := openTemp(t, Options{})
	norm := persian.Normalize
	body := "وزیر امور خارجه روسیه گفت: سایر محافل چندجانبه نیز اهمیت بالایی دارند."
	inBody := newArticle(norm, "body", "1", "دیدار وزیران خارجه در حاشیه اجلاس", "", []string{body, "لاوروف از حمایت چین قدردانی کرد."})
	inTitle := newArticle(norm, "title", "2", "لاوروف: همکاری با چین ادامه دارد", "", []string{body})
	older := newArticle(norm, "older", "3", "سفر لاوروف به پکن", "", []string{body})
	day := func(d int) *article.Date {
		t, _, err := persian.ParseJalali("1404/04/" + string(rune('0'+d/10)) + string(rune('0'+d%10)))
		if err != nil {
			panic(err)
		}
		return &article.Date{Time: t}
	}
	inBody.Published, inTitle.Published, older.Published = day(20), day(10), day(1)
	putAll(t, db, []*article.Article{inBody, older, inTitle}, 10)

	ids := func(q search.Query) []string {
		t.Helper()
		res, err := db.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.Article.ID)
		}
		return out
	}
	byRank := ids(search.Query{Text: "لاوروف"})
	if len(byRank) != 3 || byRank[2] != inBody.ID {
		t.Errorf("by relevance: %q, want the body-only match last", byRank)
	}
	byDate := ids(search.Query{Text: "لاوروف", Recent: true})
	if want := []string{inBody.ID, inTitle.ID, older.ID}; !slices.Equal(byDate, want) {
		t.Errorf("Recent: %q, want %q", byDate, want)
	}
	page := ids(search.Query{Text: "لاوروف", Recent: true, Limit: 1, Offset: 1})
	if !slices.Equal(page, []string{inTitle.ID}) {
		t.Errorf("Recent page 2 of size 1: %q, want %q", page, inTitle.ID)
	}
}

// Snippets are cut from the displayed text, never the folded index form, and
// mark the words that matched.
func TestSearchSnippet(t *testing.T) {
	db := openTemp(t, Options{QueryNormalizer: zwnjNormalize})
	seed := seedArticle(t, zwnjNormalize)
	putAll(t, db, []*article.Article{seed}, 10)
	display := strings.Join(append([]string{seed.Lead}, seed.Body...), "\n")
	for _, tc := range []struct{ q, want string }{
		{"رئيسجمهور", "رئیس‌جمهور"},
		{"نشستها", "نشست‌های"},
		{"BRICS", "(BRICS)"},
		{"كشورهاي آسيا", "کشورهای"},
	} {
		res, err := db.Search(context.Background(), search.Query{Text: tc.q})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("%q: %v, %d hits", tc.q, err, len(res.Hits))
		}
		var text strings.Builder
		var matched []string
		for _, f := range res.Hits[0].Snippet {
			text.WriteString(f.Text)
			if f.Match {
				matched = append(matched, f.Text)
			}
		}
		passage := strings.TrimSuffix(strings.TrimPrefix(text.String(), "… "), " …")
		if !strings.Contains(display, passage) {
			t.Errorf("%q: snippet is not displayed text:\n%q", tc.q, passage)
		}
		if !slices.Contains(matched, tc.want) {
			t.Errorf("%q: matched fragments %q, want %q among them", tc.q, matched, tc.want)
		}
		if n := len(strings.Fields(passage)); n > search.SnippetWords {
			t.Errorf("%q: snippet of %d words", tc.q, n)
		}
	}
}

// A re-ingested article with new text is searched by its new text only.
func TestSearchAfterUpdate(t *testing.T) {
	db := openTemp(t, Options{})
	a := newArticle(persian.Normalize, "a", "raw 1", "سفر لاوروف به پکن", "", []string{"دیدار با وانگ ایی"})
	putAll(t, db, []*article.Article{a}, 10)
	b := newArticle(persian.Normalize, "a", "raw 2", "سفر پوتین به پکن", "", []string{"دیدار با شی جین‌پینگ"})
	if res, err := db.PutArticles(context.Background(), []*article.Article{b}); err != nil || res.Updated != 1 {
		t.Fatalf("update: %+v, %v", res, err)
	}
	for q, want := range map[string]int{"لاوروف": 0, "وانگ": 0, "پوتین": 1, "جین‌پینگ": 1, "پکن": 1} {
		res, err := db.Search(context.Background(), search.Query{Text: q})
		if err != nil || res.Total != want {
			t.Errorf("%q after update: %d hits, %v; want %d", q, res.Total, err, want)
		}
	}
}

// Words found side by side, as the query wrote them, rank above the same words
// apart: the two articles below hold the same words, only their order differs.
func TestSearchAdjacencyRanking(t *testing.T) {
	db := openTemp(t, Options{})
	norm := persian.Normalize
	apart := newArticle(norm, "apart", "1", "گزارش بازار", "", []string{"قیمت طلا افزایش یافت و صادرات نفت کاهش یافت."})
	together := newArticle(norm, "together", "2", "گزارش بازار", "", []string{"قیمت نفت افزایش یافت و صادرات طلا کاهش یافت."})
	putAll(t, db, []*article.Article{apart, together}, 10)
	res, err := db.Search(context.Background(), search.Query{Text: "قیمت نفت"})
	if err != nil || len(res.Hits) != 2 {
		t.Fatalf("%d hits, %v", len(res.Hits), err)
	}
	if res.Hits[0].Article.ID != together.ID || !(res.Hits[0].Score > res.Hits[1].Score) {
		t.Errorf("order %s (%.3f), %s (%.3f); want the adjacent phrase first", res.Hits[0].Article.ID, res.Hits[0].Score,
			res.Hits[1].Article.ID, res.Hits[1].Score)
	}
}
