package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/store/sqlite"
)

// TestWithSQLite serves the real embedded store and index (not the fakes), so
// the web layer and the backend agree on the contract: not-found errors,
// paging and the search spellings.
func TestWithSQLite(t *testing.T) {
	seed := seedArticle(t)
	ctx := context.Background()
	db, err := sqlite.Open(ctx, t.TempDir()+"/khabar.db", sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.PutArticles(ctx, append([]*article.Article{seed}, corpusArticles(t)...)); err != nil {
		t.Fatal(err)
	}
	h := New(Deps{Store: db, Index: db}).Handler()

	res, body := get(t, h, "GET", "/api/v1/articles/"+seed.ID)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("seed: %d %s", res.StatusCode, body)
	}
	// The store sets the ingestion time; the record shows it, since the seed has no date.
	res, body = get(t, h, "GET", "/articles/"+seed.ID)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "زمان دریافت") {
		t.Errorf("article page: %d, ingestion time shown: %v", res.StatusCode, strings.Contains(body, "زمان دریافت"))
	}
	res, body = get(t, h, "GET", "/api/v1/articles/0000000000000000")
	checkAPIError(t, res, body, http.StatusNotFound)
	if res, _ := get(t, h, "GET", "/articles/0000000000000000"); res.StatusCode != http.StatusNotFound {
		t.Errorf("missing article page: %d", res.StatusCode)
	}

	var list articleList
	res, body = get(t, h, "GET", "/api/v1/articles?limit=50&offset=50")
	if err := json.Unmarshal([]byte(body), &list); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("list: %d %v", res.StatusCode, err)
	}
	if list.Total != 81 || len(list.Articles) != 31 || list.Links.Next != "" || list.Links.Prev == "" {
		t.Errorf("list: total %d, %d articles, links %+v", list.Total, len(list.Articles), list.Links)
	}

	for _, q := range []string{"نشست", "نشست‌ها", "نشستهای", "رئیس جمهور", "رئیس‌جمهور", "رئیسجمهور", "رئيس جمهور", "BRICS"} {
		res, body := get(t, h, "GET", "/api/v1/search?limit=100&q="+url.QueryEscape(q))
		var got struct{ Hits []jsonHit }
		if err := json.Unmarshal([]byte(body), &got); err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("search %q: %d %s", q, res.StatusCode, body)
		}
		found := false
		for _, hit := range got.Hits {
			found = found || hit.Article.ID == seed.ID
		}
		if !found {
			t.Errorf("search %q does not find the seed", q)
		}
		if res, _ := get(t, h, "GET", "/search?q="+url.QueryEscape(q)); res.StatusCode != http.StatusOK {
			t.Errorf("search page %q: %d", q, res.StatusCode)
		}
	}
}
