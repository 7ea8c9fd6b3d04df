package web

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/search"
)

func TestDisplayText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"سازمان همکاری شانگهای (SCO)، و", "سازمان همکاری شانگهای (<bdi>SCO</bdi>)، و"},
		{"در گروه بریکس (BRICS) قدردانی", "در گروه بریکس (<bdi>BRICS</bdi>) قدردانی"},
		{"نشست G20 در سال 2025", "نشست <bdi>G20</bdi> در سال ۲۰۲۵"},
		{"بیماری COVID-19 و New York Times.", "بیماری <bdi>COVID-19</bdi> و <bdi>New York Times</bdi>."},
		{"گروه خبری: 1337", "گروه خبری: ۱۳۳۷"},
		{"<script>alert(1)</script>", "&lt;<bdi>script</bdi>&gt;<bdi>alert</bdi>(۱)&lt;/<bdi>script</bdi>&gt;"},
		{"«تاس» & ایرنا", "«تاس» &amp; ایرنا"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(displayText(tt.in)); got != tt.want {
			t.Errorf("displayText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// FuzzDisplayText checks that displayText only ever adds <bdi> tags: with them
// removed, what is left is exactly the escaped text, so no input can inject markup.
func FuzzDisplayText(f *testing.F) {
	for _, s := range []string{"سازمان (SCO)، و", "COVID-19 و G20", "<b>x</b> & y", "a - b", "\xff\xfe", "x'y/z_w."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := string(displayText(s))
		if strings.Count(got, "<bdi>") != strings.Count(got, "</bdi>") {
			t.Fatalf("unbalanced <bdi> in %q", got)
		}
		stripped := strings.ReplaceAll(strings.ReplaceAll(got, "<bdi>", ""), "</bdi>", "")
		if want := template.HTMLEscapeString(persian.PersianDigits(s)); stripped != want {
			t.Fatalf("displayText(%q) = %q, which is not the escaped text %q plus <bdi>s", s, got, want)
		}
	})
}

func TestSnippetHTML(t *testing.T) {
	frags := []search.Fragment{{Text: "… در حاشیه "}, {Text: "نشست‌های", Match: true}, {Text: " <اتحادیه> (ASEAN) "}, {Text: "2025", Match: true}}
	want := "… در حاشیه <mark>نشست‌های</mark> &lt;اتحادیه&gt; (<bdi>ASEAN</bdi>) <mark>۲۰۲۵</mark>"
	if got := string(snippetHTML(frags)); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// Adjacent matches share one <mark>; a match at the end is closed.
	frags = []search.Fragment{{Text: "… "}, {Text: "رئیس", Match: true}, {Text: " "}, {Text: "جمهور", Match: true}, {Text: " روسیه و "}, {Text: "چین", Match: true}}
	want = "… <mark>رئیس جمهور</mark> روسیه و <mark>چین</mark>"
	if got := string(snippetHTML(frags)); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestFaNumber(t *testing.T) {
	for n, want := range map[int]string{0: "۰", 7: "۷", 999: "۹۹۹", 1000: "۱٬۰۰۰", 1581: "۱٬۵۸۱", 1234567: "۱٬۲۳۴٬۵۶۷", -42000: "-۴۲٬۰۰۰"} {
		if got := faNumber(n); got != want {
			t.Errorf("faNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestBodyBlocks(t *testing.T) {
	a := &article.Article{
		Body:        []string{"بند یک.", "میان‌تیتر", "بند دو.", "میان‌تیتر", "بند سه."},
		Subheadings: []string{"میان‌تیتر"},
	}
	got := bodyBlocks(a)
	heads := 0
	for i, b := range got {
		if b.Text != a.Body[i] {
			t.Errorf("block %d is %q, want %q", i, b.Text, a.Body[i])
		}
		if b.Heading {
			heads++
		}
	}
	if !got[1].Heading || got[3].Heading || heads != 1 {
		t.Errorf("headings %+v: each listed subheading marks one line", got)
	}
}

func TestPageLinks(t *testing.T) {
	tests := []struct {
		limit, offset, got, total int
		next, prev                string
	}{
		{20, 0, 20, 81, "/x?limit=20&offset=20", ""},
		{20, 60, 20, 81, "/x?limit=20&offset=80", "/x?limit=20&offset=40"},
		{20, 80, 1, 81, "", "/x?limit=20&offset=60"},
		{20, 10, 20, 81, "/x?limit=20&offset=30", "/x?limit=20&offset=0"},
		{20, 500, 0, 81, "", "/x?limit=20&offset=61"},
		{20, 0, 0, 0, "", ""},
	}
	for _, tt := range tests {
		l := pageLinks("/x", tt.limit, tt.offset, tt.got, tt.total)
		if l.Next != tt.next || l.Prev != tt.prev {
			t.Errorf("%+v: got next %q prev %q", tt, l.Next, l.Prev)
		}
	}
}

// FuzzAPIQuery sends arbitrary query strings to the API: every answer is 200
// or 400 (never a 500 or a panic) and always the JSON the docs promise.
func FuzzAPIQuery(f *testing.F) {
	seed := seedArticle(f)
	st := &memStore{arts: []*article.Article{seed}}
	h := New(Deps{Store: st, Index: &memIndex{st: st}}).Handler()
	for _, s := range []string{"limit=5&offset=1", "q=نشست&sort=recent", "q=&limit=0", "q=%FF", "limit=۱۰", "q=BRICS&limit=1&offset=99999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		if _, err := url.ParseQuery(rawQuery); err != nil {
			return // not a query string a client could send
		}
		for _, path := range []string{"/api/v1/articles", "/api/v1/search"} {
			req := httptest.NewRequest("GET", path, nil)
			req.URL.RawQuery = rawQuery
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest {
				t.Fatalf("%s?%s: status %d: %s", path, rawQuery, rec.Code, rec.Body)
			}
			if rec.Header().Get("Content-Type") != jsonType || !strings.HasPrefix(rec.Body.String(), "{") {
				t.Fatalf("%s?%s: not JSON: %s", path, rawQuery, rec.Body)
			}
		}
	})
}
