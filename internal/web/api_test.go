package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"khabar/internal/article"
)

const jsonType = "application/json; charset=utf-8"

// decodeJSON fails the test unless body is one JSON object of the given shape.
func decodeJSON(t *testing.T, body string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decode %T: %v\n%s", v, err, body)
	}
}

// checkAPIError asserts the JSON error shape {"error":{"status":N,"message":"..."}}.
func checkAPIError(t *testing.T, res *http.Response, body string, status int) {
	t.Helper()
	if res.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", res.StatusCode, status, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != jsonType {
		t.Errorf("Content-Type %q", ct)
	}
	var e errorBody
	decodeJSON(t, body, &e)
	if e.Error.Status != status || e.Error.Message == "" {
		t.Errorf("error body %+v", e)
	}
}

func TestAPIArticles(t *testing.T) {
	srv, st, seed := newTestServer(t)
	h := srv.Handler()
	total := len(st.arts)
	tests := []struct {
		target       string
		limit, off   int
		wantLen      int
		wantNext     string
		wantPrev     string
		wantFirstIDs string
	}{
		{"/api/v1/articles", 20, 0, 20, "/api/v1/articles?limit=20&offset=20", "", seed.ID},
		{"/api/v1/articles?limit=5&offset=3", 5, 3, 5, "/api/v1/articles?limit=5&offset=8", "/api/v1/articles?limit=5&offset=0", st.arts[3].ID},
		{"/api/v1/articles?limit=۵", 5, 0, 5, "/api/v1/articles?limit=5&offset=5", "", seed.ID},
		{"/api/v1/articles?limit=100&offset=" + itoa(total-1), 100, total - 1, 1, "", "/api/v1/articles?limit=100&offset=0", st.arts[total-1].ID},
		{"/api/v1/articles?offset=5000", 20, 5000, 0, "", "/api/v1/articles?limit=20&offset=" + itoa(total-20), ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res, body := get(t, h, "GET", tt.target)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", res.StatusCode, body)
			}
			if ct := res.Header.Get("Content-Type"); ct != jsonType {
				t.Errorf("Content-Type %q", ct)
			}
			var got struct {
				Total    int               `json:"total"`
				Limit    int               `json:"limit"`
				Offset   int               `json:"offset"`
				Articles []json.RawMessage `json:"articles"`
				Links    links             `json:"links"`
			}
			decodeJSON(t, body, &got)
			if got.Total != total || got.Limit != tt.limit || got.Offset != tt.off || len(got.Articles) != tt.wantLen {
				t.Errorf("total %d limit %d offset %d len %d, want %d %d %d %d",
					got.Total, got.Limit, got.Offset, len(got.Articles), total, tt.limit, tt.off, tt.wantLen)
			}
			if got.Articles == nil {
				t.Errorf("articles is null, want []")
			}
			if got.Links.Next != tt.wantNext || got.Links.Prev != tt.wantPrev {
				t.Errorf("links %+v, want next %q prev %q", got.Links, tt.wantNext, tt.wantPrev)
			}
			if tt.wantFirstIDs != "" {
				var first struct{ ID string }
				_ = json.Unmarshal(got.Articles[0], &first)
				if first.ID != tt.wantFirstIDs {
					t.Errorf("first id %s, want %s", first.ID, tt.wantFirstIDs)
				}
			}
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestAPIBadParams(t *testing.T) {
	srv, _, _ := newTestServer(t)
	h := srv.Handler()
	for _, target := range []string{
		"/api/v1/articles?limit=0",
		"/api/v1/articles?limit=101",
		"/api/v1/articles?limit=abc",
		"/api/v1/articles?limit=-1",
		"/api/v1/articles?offset=-1",
		"/api/v1/articles?offset=1e3",
		"/api/v1/articles?offset=99999999999999999999",
		"/api/v1/search",
		"/api/v1/search?q=",
		"/api/v1/search?q=%20%20%E2%80%8C",
		"/api/v1/search?q=" + strings.Repeat("%D8%A8", 300),
		"/api/v1/search?q=%FF%FE",
		"/api/v1/search?q=x&sort=oldest",
		"/api/v1/search?q=x&limit=1000",
		"/api/v1/search?q=x&offset=x",
	} {
		t.Run(target, func(t *testing.T) {
			res, body := get(t, h, "GET", target)
			checkAPIError(t, res, body, http.StatusBadRequest)
		})
	}
}

func TestAPIArticle(t *testing.T) {
	srv, _, seed := newTestServer(t)
	h := srv.Handler()

	res, body := get(t, h, "GET", "/api/v1/articles/"+seed.ID)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != jsonType {
		t.Fatalf("status %d, type %q: %s", res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	var keys map[string]json.RawMessage
	decodeJSON(t, body, &keys)
	for _, k := range []string{"id", "title", "lead", "body", "subheadings", "publisher", "attribution",
		"original_source", "news_group", "copyright", "published", "raw"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("key %q missing from %s", k, body)
		}
	}
	var a struct {
		ID          string
		Title       string
		Attribution []struct{ Name, Desk string }
		Original    string `json:"original_source"`
		NewsGroup   string `json:"news_group"`
		Copyright   string
		Raw         string
	}
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	if a.ID != seed.ID || a.Title != "تاکید چین بر همکاری با روسیه در جهت منافع ملی دو کشور" {
		t.Errorf("id %s title %q", a.ID, a.Title)
	}
	var chain []string
	for _, l := range a.Attribution {
		chain = append(chain, l.Name+"|"+l.Desk)
	}
	want := []string{"وبانگاه|", "خبرگزاری تسنیم|گروه بین الملل", "خبرگزاری تاس|"}
	if !slices.Equal(chain, want) {
		t.Errorf("attribution %q, want %q", chain, want)
	}
	if a.Original != "خبرگزاری تاس" || a.NewsGroup != "1337" || a.Copyright != "خبرگزاری تسنیم" {
		t.Errorf("original %q news group %q copyright %q", a.Original, a.NewsGroup, a.Copyright)
	}
	if !strings.Contains(a.Raw, "انتهای پیام/") {
		t.Errorf("raw text not verbatim")
	}

	for _, id := range []string{"0000000000000000", "no%20such", "%D8%AE%D8%A8%D8%B1"} {
		res, body := get(t, h, "GET", "/api/v1/articles/"+id)
		checkAPIError(t, res, body, http.StatusNotFound)
		if unescaped, _ := url.PathUnescape(id); !strings.Contains(body, unescaped) {
			t.Errorf("404 message does not name the id %q: %s", unescaped, body)
		}
	}
}

type jsonHit struct {
	Article struct{ ID string }
	Score   float64
	Snippet []jsonFragment
}

type jsonFragment struct {
	Text  string
	Match bool
}

func TestAPISearch(t *testing.T) {
	srv, _, seed := newTestServer(t)
	h := srv.Handler()
	tests := []struct {
		target string
		sort   string
	}{
		{"/api/v1/search?q=" + url.QueryEscape("نشست"), "relevance"},
		{"/api/v1/search?q=" + url.QueryEscape("لاوروف") + "&sort=recent", "recent"},
		{"/api/v1/search?q=BRICS&sort=relevance&limit=1", "relevance"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res, body := get(t, h, "GET", tt.target)
			if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != jsonType {
				t.Fatalf("status %d: %s", res.StatusCode, body)
			}
			var got struct {
				Query  string
				Sort   string
				Total  int
				Limit  int
				Offset int
				Hits   []jsonHit
				Links  links
			}
			if err := json.Unmarshal([]byte(body), &got); err != nil {
				t.Fatal(err)
			}
			if got.Sort != tt.sort || got.Total < 1 || len(got.Hits) < 1 {
				t.Fatalf("sort %q total %d hits %d: %s", got.Sort, got.Total, len(got.Hits), body)
			}
			i := slices.IndexFunc(got.Hits, func(h jsonHit) bool { return h.Article.ID == seed.ID })
			if i < 0 {
				t.Fatalf("seed not among hits: %s", body)
			}
			if !slices.ContainsFunc(got.Hits[i].Snippet, func(f jsonFragment) bool { return f.Match }) {
				t.Errorf("no matched fragment in snippet %+v", got.Hits[i].Snippet)
			}
			if !strings.HasPrefix(got.Links.Self, "/api/v1/search?") || !strings.Contains(got.Links.Self, "sort="+tt.sort) {
				t.Errorf("self link %q", got.Links.Self)
			}
		})
	}

	// No hits: 200 with an empty list, not null.
	res, body := get(t, h, "GET", "/api/v1/search?q=zzzzqqq")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"hits":[]`) || !strings.Contains(body, `"total":0`) {
		t.Errorf("empty search: %d %s", res.StatusCode, body)
	}
}

func TestAPIUnavailableAndFailing(t *testing.T) {
	seed := seedArticle(t)
	noIndex := New(Deps{Store: &memStore{arts: []*article.Article{seed}}}).Handler()
	res, body := get(t, noIndex, "GET", "/api/v1/search?q=x")
	checkAPIError(t, res, body, http.StatusServiceUnavailable)

	broken := &memStore{err: errors.New("disk on fire")}
	var logs bytes.Buffer
	h := New(Deps{
		Store:  broken,
		Index:  &memIndex{st: broken, err: errors.New("index on fire")},
		Logger: slog.New(slog.NewTextHandler(&logs, nil)),
	}).Handler()
	for _, target := range []string{"/api/v1/articles", "/api/v1/articles/" + seed.ID, "/api/v1/search?q=x"} {
		res, body := get(t, h, "GET", target)
		checkAPIError(t, res, body, http.StatusInternalServerError)
		if strings.Contains(body, "on fire") {
			t.Errorf("%s: internal error leaked to the client: %s", target, body)
		}
	}
	if !strings.Contains(logs.String(), "disk on fire") || !strings.Contains(logs.String(), "index on fire") {
		t.Errorf("causes not logged:\n%s", logs.String())
	}
}

func TestAPIUnknownRoutes(t *testing.T) {
	srv, _, seed := newTestServer(t)
	h := srv.Handler()
	for _, tt := range []struct {
		method, target string
		status         int
	}{
		{"GET", "/api/v1/nope", http.StatusNotFound},
		{"GET", "/api", http.StatusNotFound},
		{"GET", "/api/v2/articles", http.StatusNotFound},
		{"GET", "/api/v1/articles/" + seed.ID + "/extra", http.StatusNotFound},
		{"POST", "/api/v1/articles", http.StatusMethodNotAllowed},
		{"DELETE", "/api/v1/articles/" + seed.ID, http.StatusMethodNotAllowed},
		{"PUT", "/api/v1/search?q=x", http.StatusMethodNotAllowed},
	} {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			res, body := get(t, h, tt.method, tt.target)
			checkAPIError(t, res, body, tt.status)
			if tt.status == http.StatusMethodNotAllowed && !strings.Contains(res.Header.Get("Allow"), "GET") {
				t.Errorf("Allow %q", res.Header.Get("Allow"))
			}
		})
	}
	// HEAD works wherever GET does.
	if res, _ := get(t, h, "HEAD", "/api/v1/articles"); res.StatusCode != http.StatusOK {
		t.Errorf("HEAD: %d", res.StatusCode)
	}
}
