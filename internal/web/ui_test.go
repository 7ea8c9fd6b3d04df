package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"khabar/internal/persian"
)

// doc parses a page, failing the test on a non-HTML answer.
func doc(t *testing.T, res *http.Response, body string) *html.Node {
	t.Helper()
	if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Fatalf("Content-Type %q", ct)
	}
	n, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// findAll returns the elements (in document order) for which match is true.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func class(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return slices.Contains(strings.Fields(attr(n, "class")), name) }
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// text is the visible text of n with runs of white space made one space.
func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// checkPersianPage asserts what every page shares: lang/dir, viewport, the
// stylesheet, the site name and the search box, and no script at all.
func checkPersianPage(t *testing.T, root *html.Node) {
	t.Helper()
	h := findAll(root, tag("html"))
	if len(h) != 1 || attr(h[0], "lang") != "fa" || attr(h[0], "dir") != "rtl" {
		t.Errorf("<html> must have lang=fa dir=rtl")
	}
	if len(findAll(root, func(n *html.Node) bool { return n.Data == "meta" && attr(n, "name") == "viewport" })) != 1 {
		t.Errorf("no viewport meta")
	}
	if len(findAll(root, func(n *html.Node) bool {
		return n.Data == "link" && attr(n, "rel") == "stylesheet" && strings.HasPrefix(attr(n, "href"), "/static/style.css?v=")
	})) != 1 {
		t.Errorf("no versioned stylesheet link")
	}
	if b := findAll(root, class("brand")); len(b) != 1 || text(b[0]) != "خبر" {
		t.Errorf("no site name «خبر»")
	}
	if len(findAll(root, func(n *html.Node) bool { return n.Data == "input" && attr(n, "name") == "q" })) == 0 {
		t.Errorf("no search box")
	}
	if s := findAll(root, tag("script")); len(s) > 0 {
		t.Errorf("pages must work without JavaScript; found %d <script>", len(s))
	}
}

func TestHomePage(t *testing.T) {
	srv, st, seed := newTestServer(t)
	h := srv.Handler()

	res, body := get(t, h, "GET", "/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	root := doc(t, res, body)
	checkPersianPage(t, root)
	items := findAll(root, class("item"))
	if len(items) != homePerPage {
		t.Fatalf("%d items, want %d", len(items), homePerPage)
	}
	first := items[0]
	links := findAll(first, tag("a"))
	if len(links) == 0 || attr(links[0], "href") != "/articles/"+seed.ID || text(links[0]) != seed.Title {
		t.Errorf("first item does not link the seed: %q", text(first))
	}
	if src := findAll(first, class("source")); len(src) != 1 || text(src[0]) != seed.Source() {
		t.Errorf("source: want %q in %q", seed.Source(), text(first))
	}
	tm := findAll(first, tag("time"))
	if len(tm) != 1 || text(tm[0]) != persian.FormatJalali(seed.Published.Time, true) || strings.ContainsAny(text(tm[0]), "0123456789") {
		t.Errorf("date: %q", text(first))
	}
	if lead := findAll(first, class("lead")); len(lead) != 1 || !strings.HasPrefix(text(lead[0]), "وزیر امور خارجه چین") {
		t.Errorf("lead missing: %q", text(first))
	}
	pager := findAll(root, class("pager"))
	if len(pager) != 1 || !strings.Contains(text(pager[0]), "صفحهٔ ۱ از ۵") {
		t.Fatalf("pager: %v", pager)
	}
	next := findAll(pager[0], func(n *html.Node) bool { return attr(n, "rel") == "next" })
	if len(next) != 1 || attr(next[0], "href") != "/latest?page=2" {
		t.Errorf("next link wrong")
	}

	// The last page holds the oldest article and links back.
	res, body = get(t, h, "GET", "/?page=۵")
	root = doc(t, res, body)
	items = findAll(root, class("item"))
	if res.StatusCode != http.StatusOK || len(items) != len(st.arts)-4*homePerPage {
		t.Fatalf("page 5: status %d, %d items", res.StatusCode, len(items))
	}
	if len(findAll(root, func(n *html.Node) bool { return attr(n, "rel") == "prev" && attr(n, "href") == "/latest?page=4" })) != 1 {
		t.Errorf("page 5 has no link to page 4")
	}

	for target, status := range map[string]int{
		"/?page=0": http.StatusBadRequest, "/?page=x": http.StatusBadRequest,
		"/?page=-2": http.StatusBadRequest, "/?page=6": http.StatusNotFound,
	} {
		res, body := get(t, h, "GET", target)
		if res.StatusCode != status {
			t.Errorf("%s: status %d, want %d", target, res.StatusCode, status)
		}
		checkPersianPage(t, doc(t, res, body))
	}
}

func TestHomePageEmptyStore(t *testing.T) {
	h := New(Deps{Store: &memStore{}}).Handler()
	res, body := get(t, h, "GET", "/")
	root := doc(t, res, body)
	if res.StatusCode != http.StatusOK || len(findAll(root, class("empty"))) != 1 {
		t.Errorf("empty store: status %d\n%s", res.StatusCode, body)
	}
}

func TestArticlePage(t *testing.T) {
	srv, _, seed := newTestServer(t)
	h := srv.Handler()
	res, body := get(t, h, "GET", "/articles/"+seed.ID)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	root := doc(t, res, body)
	checkPersianPage(t, root)

	if h1 := findAll(root, tag("h1")); len(h1) != 1 || text(h1[0]) != "تاکید چین بر همکاری با روسیه در جهت منافع ملی دو کشور" {
		t.Errorf("title: %v", h1)
	}
	if title := findAll(root, tag("title")); len(title) != 1 || !strings.HasPrefix(text(title[0]), "تاکید چین") {
		t.Errorf("<title> does not name the article")
	}

	// The provenance chain: outermost first, desk in parentheses, arrows between.
	chain := findAll(root, class("chain"))
	if len(chain) != 1 {
		t.Fatalf("%d chains", len(chain))
	}
	if got, want := text(chain[0]), "وبانگاه ← خبرگزاری تسنیم (گروه بین الملل) ← خبرگزاری تاس"; got != want {
		t.Errorf("chain\n got %q\nwant %q", got, want)
	}
	var names []string
	for _, li := range findAll(chain[0], tag("li")) {
		names = append(names, text(findAll(li, class("name"))[0]))
	}
	if !slices.Equal(names, []string{"وبانگاه", "خبرگزاری تسنیم", "خبرگزاری تاس"}) {
		t.Errorf("chain order %q", names)
	}
	if a := findAll(chain[0], class("arrow")); len(a) != 2 || attr(a[0], "aria-hidden") != "true" {
		t.Errorf("arrows: %d", len(a))
	}

	// The record: each <dt> label with its <dd> value.
	card := map[string]string{}
	for _, dt := range findAll(root, tag("dt")) {
		dd := dt.NextSibling
		for dd != nil && dd.Type != html.ElementNode {
			dd = dd.NextSibling
		}
		card[text(dt)] = text(dd)
	}
	for label, want := range map[string]string{
		"منبع اصلی": "خبرگزاری تاس", "کد گروه خبری": "۱۳۳۷", "حق نشر": "خبرگزاری تسنیم",
		"منتشرکننده": "وبانگاه", "پرونده": "seed-article.txt", "شناسه": seed.ID + " · JSON",
		"زمان انتشار": persian.FormatJalali(seed.Published.Time, true),
	} {
		if card[label] != want {
			t.Errorf("record %s = %q, want %q", label, card[label], want)
		}
	}

	// Body: paragraphs in order, the subheading as <h2> in its place.
	bodyDiv := findAll(root, class("body"))[0]
	var blocks []string
	for c := range bodyDiv.ChildNodes() {
		if c.Type == html.ElementNode {
			blocks = append(blocks, c.Data+":"+text(c))
		}
	}
	if len(blocks) != len(seed.Body) {
		t.Fatalf("%d body blocks, want %d", len(blocks), len(seed.Body))
	}
	for i, p := range seed.Body {
		want := "p:"
		if slices.Contains(seed.Subheadings, p) {
			want = "h2:"
		}
		if want += persian.PersianDigits(strings.Join(strings.Fields(p), " ")); blocks[i] != want {
			t.Errorf("block %d\n got %q\nwant %q", i, blocks[i], want)
		}
	}
	if len(seed.Subheadings) != 1 || !strings.HasPrefix(seed.Subheadings[0], "لاوروف خواستار مقابله مشترک") ||
		!slices.Contains(blocks, "h2:"+seed.Subheadings[0]) {
		t.Errorf("subheading not an <h2>: %q", blocks)
	}

	// Latin fragments are isolated; the raw text is kept verbatim in <details>.
	bdis := findAll(bodyDiv, tag("bdi"))
	if !slices.ContainsFunc(bdis, func(n *html.Node) bool { return text(n) == "BRICS" }) {
		t.Errorf("«BRICS» not in a <bdi>")
	}
	details := findAll(root, tag("details"))
	if len(details) != 1 || text(findAll(details[0], tag("summary"))[0]) != "متن اصلی" {
		t.Fatalf("no <details> with «متن اصلی»")
	}
	pre := findAll(details[0], tag("pre"))
	if len(pre) != 1 || pre[0].FirstChild == nil || pre[0].FirstChild.Data != seed.Raw {
		t.Errorf("raw text not shown verbatim")
	}
	if strings.Contains(text(bodyDiv), "انتهای پیام") {
		t.Errorf("end marker shown in the body")
	}
}

func TestNotFoundPages(t *testing.T) {
	srv, _, _ := newTestServer(t)
	h := srv.Handler()
	for _, tt := range []struct {
		method, target string
		status         int
	}{
		{"GET", "/articles/0000000000000000", http.StatusNotFound},
		{"GET", "/articles/" + url.PathEscape("خبر"), http.StatusNotFound},
		{"GET", "/no/such/page", http.StatusNotFound},
		{"GET", "/static/nope.css", http.StatusNotFound},
		{"POST", "/", http.StatusMethodNotAllowed},
		{"POST", "/search", http.StatusMethodNotAllowed},
	} {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			res, body := get(t, h, tt.method, tt.target)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			root := doc(t, res, body)
			checkPersianPage(t, root)
			errSec := findAll(root, class("error"))
			if len(errSec) != 1 || !strings.Contains(text(errSec[0]), persian.PersianDigits(itoa(tt.status))) {
				t.Errorf("no Persian error section with the status in Persian digits")
			}
		})
	}
}

func TestSearchPage(t *testing.T) {
	srv, _, seed := newTestServer(t)
	h := srv.Handler()

	res, body := get(t, h, "GET", "/search?q="+url.QueryEscape("وزير خارجه")) // Arabic ي, as people type it
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	root := doc(t, res, body)
	checkPersianPage(t, root)
	q := findAll(root, func(n *html.Node) bool { return n.Data == "input" && attr(n, "name") == "q" })
	if attr(q[0], "value") != "وزير خارجه" {
		t.Errorf("search box not refilled: %q", attr(q[0], "value"))
	}
	count := findAll(root, class("count"))
	if len(count) != 1 || !strings.HasSuffix(text(count[0]), "نتیجه") || strings.ContainsAny(text(count[0]), "0123456789") {
		t.Errorf("count: %v", count)
	}
	items := findAll(root, class("item"))
	i := slices.IndexFunc(items, func(n *html.Node) bool {
		a := findAll(n, tag("a"))
		return len(a) > 0 && attr(a[0], "href") == "/articles/"+seed.ID
	})
	if i < 0 {
		t.Fatalf("seed not in results")
	}
	marks := findAll(items[i], tag("mark"))
	if len(marks) == 0 {
		t.Fatalf("no <mark> in the seed's snippet")
	}
	for _, m := range marks {
		if f := persian.Fold(text(m)); !strings.HasPrefix(f, persian.Fold("وزیر")) && !strings.HasPrefix(f, "خارجه") {
			t.Errorf("marked %q, which is not a query word", text(m))
		}
	}
	sort := findAll(root, class("sort"))
	if len(sort) != 1 || len(findAll(sort[0], func(n *html.Node) bool {
		return n.Data == "a" && strings.Contains(attr(n, "href"), "sort=recent")
	})) != 1 {
		t.Errorf("no link to sort by date")
	}

	// Sorted by date, the newest matching article (the seed) comes first.
	res, body = get(t, h, "GET", "/search?sort=recent&q="+url.QueryEscape("لاوروف"))
	items = findAll(doc(t, res, body), class("item"))
	if res.StatusCode != http.StatusOK || len(items) == 0 || attr(findAll(items[0], tag("a"))[0], "href") != "/articles/"+seed.ID {
		t.Errorf("recent sort: status %d, %d items", res.StatusCode, len(items))
	}

	// No query: the empty search page; no match: a message, not an error.
	for _, target := range []string{"/search", "/search?q=", "/search?q=zzzzqqq"} {
		res, body := get(t, h, "GET", target)
		root := doc(t, res, body)
		if res.StatusCode != http.StatusOK || len(findAll(root, class("empty"))) != 1 || len(findAll(root, tag("mark"))) != 0 {
			t.Errorf("%s: status %d", target, res.StatusCode)
		}
	}
	if res, _ := get(t, h, "GET", "/search?page=9&q="+url.QueryEscape("لاوروف")); res.StatusCode != http.StatusNotFound {
		t.Errorf("search page past the last: %d, want 404", res.StatusCode)
	}
	for _, target := range []string{"/search?q=x&sort=oldest", "/search?q=x&page=0", "/search?q=%21%21%21", "/search?q=" + strings.Repeat("x", 300)} {
		if res, _ := get(t, h, "GET", target); res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", target, res.StatusCode)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv, _, _ := newTestServer(t)
	for _, target := range []string{"/", "/api/v1/articles", "/nope"} {
		res, _ := get(t, srv.Handler(), "GET", target)
		if !strings.Contains(res.Header.Get("Content-Security-Policy"), "default-src 'none'") ||
			res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", target, res.Header)
		}
	}
}

func TestSectionInMenu(t *testing.T) {
	srv, _, _ := newTestServer(t)
	// routes() already registers the stories and syndication sections; add one more.
	srv.section("GET /test-section", "آزمون", func(w http.ResponseWriter, r *http.Request) {
		srv.render(w, r, http.StatusOK, "error", errorPage{page: page{Title: "آزمون"}, Status: 200})
	})
	res, body := get(t, srv.Handler(), "GET", "/test-section")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("section page: %d", res.StatusCode)
	}
	menu := findAll(doc(t, res, body), class("sections"))
	if len(menu) != 1 || len(findAll(menu[0], func(n *html.Node) bool { return attr(n, "href") == "/test-section" || attr(n, "href") == "/stories" })) != 2 {
		t.Errorf("section not in the header menu")
	}
}
