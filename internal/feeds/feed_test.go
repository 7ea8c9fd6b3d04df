package feeds

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

const shared = "../../../shared/data/fixtures/feeds/"

func read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		if strings.HasPrefix(path, shared) {
			t.Skip("shared fixtures missing")
		}
		t.Fatal(err)
	}
	return b
}

func TestParseFixtures(t *testing.T) {
	for _, tc := range []struct {
		file       string
		items      int
		firstTitle string
		firstDate  string // UTC RFC 3339, "" for none
		skipped    int
	}{
		{shared + "rss2.xml", 40, "مخارج رسانه‌ها در سطح جهان به يك تريليون و 800 هزار دلار خواهد رسيد", "2024-07-01T06:30:00Z", 0},
		{shared + "atom.xml", 20, "مخارج رسانه‌ها در سطح جهان به يك تريليون و 800 هزار دلار خواهد رسيد", "2024-07-01T06:30:00Z", 0},
		{"testdata/jalali-rss.xml", 3, "افزایش قیمت کود شیمیایی؛ نمایندگان معترض شدند", "2025-09-05T09:26:00Z", 2},
		{"testdata/dw.rdf", 2, "نشست وزیران خارجه اروپا درباره ایران", "2025-09-01T08:30:00Z", 0},
		{"testdata/feed.json", 2, "برگزاری جشنواره ملی پسته در سیرجان", "2024-05-06T12:31:00Z", 0},
		{"testdata/cp1256.xml", 1, "افتتاح سه طرح آبرساني در استان", "2024-07-02T05:30:00Z", 0},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := read(t, tc.file)
			if !Looks(data) {
				t.Error("Looks = false")
			}
			f, err := Parse(data, "https://news.example.ir/rss")
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != tc.items || len(f.Skipped) != tc.skipped {
				t.Fatalf("%d items, %d skipped (%v); want %d, %d", len(f.Items), len(f.Skipped), f.Skipped, tc.items, tc.skipped)
			}
			a := f.Items[0].Article
			if a.Title != tc.firstTitle {
				t.Errorf("title %q\nwant  %q", a.Title, tc.firstTitle)
			}
			got := ""
			if a.Published != nil {
				got = a.Published.Time.UTC().Format(time.RFC3339)
			}
			if got != tc.firstDate {
				t.Errorf("date %s, want %s", got, tc.firstDate)
			}
			ids := map[string]bool{}
			for _, it := range f.Items {
				if it.Article.ID == "" || ids[it.Article.ID] || it.Article.URL == "" {
					t.Errorf("bad or duplicate id/url: %+v", it.Article)
				}
				ids[it.Article.ID] = true
			}
		})
	}
}

func TestItemFields(t *testing.T) {
	f, err := Parse(read(t, "testdata/jalali-rss.xml"), "https://news.example.ir/rss")
	if err != nil {
		t.Fatal(err)
	}
	a := f.Items[0].Article
	if a.URL != "https://news.example.ir/fa/news/1001/%DA%A9%D9%88%D8%AF" && a.URL != "https://news.example.ir/fa/news/1001/کود" {
		t.Errorf("relative link resolved to %q", a.URL)
	}
	if a.Author != "حسین صمصامی" || len(a.Tags) != 1 || a.Tags[0] != "اقتصادی" {
		t.Errorf("author %q tags %q", a.Author, a.Tags)
	}
	if a.Lead != "عضو کمیسیون اقتصادی مجلس از اعتراض نمایندگان به افزایش قیمت کود خبر داد." {
		t.Errorf("lead %q", a.Lead)
	}
	if f.Items[0].FullText {
		t.Error("a summary-only item marked full text")
	}
	if d := f.Items[1].Article.Published; d == nil || d.HasClock || d.JalaliASCII() != "1404/06/14" {
		t.Errorf("word-form Jalali date: %+v", d)
	}
	if f.Items[2].Article.Published != nil {
		t.Error("date invented for an undated item")
	}

	j, err := Parse(read(t, "testdata/feed.json"), "")
	if err != nil {
		t.Fatal(err)
	}
	ja := j.Items[0].Article
	if len(ja.Body) != 1 || ja.Lead == "" || len(ja.Tags) != 2 || ja.Author != "خبرنگار نمونه" || len(ja.Images) != 1 {
		t.Errorf("json item: body %q lead %q tags %q author %q images %v", ja.Body, ja.Lead, ja.Tags, ja.Author, ja.Images)
	}
}

func TestHostileFeeds(t *testing.T) {
	items := func(n int, guid func(int) string, date string) string {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`)
		for i := range n {
			fmt.Fprintf(&b, "<item><title>خبر %d</title><link>https://x.example/%d</link><guid>%s</guid>%s</item>", i, i, guid(i), date)
		}
		b.WriteString("</channel></rss>")
		return b.String()
	}
	for _, tc := range []struct {
		name      string
		doc       string
		wantErr   bool
		wantItems int
	}{
		{"xxe", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><link>https://x.example/1</link></item></channel></rss>`, false, 1},
		{"billion laughs", `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><rss version="2.0"><channel><title>&d;</title><item><title>&d;&d;</title><link>https://x.example/1</link></item></channel></rss>`, false, 1},
		{"malformed", `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>ناقص</title><link>https://x.example/1`, true, 0},
		{"not a feed", `<html><body>صفحه</body></html>`, true, 0},
		{"10000 items", items(10000, func(i int) string { return fmt.Sprint(i) }, ""), false, MaxItems},
		{"duplicate guids", items(50, func(i int) string { return fmt.Sprint(i % 5) }, "<pubDate>Mon, 01 Jul 2024 10:00:00 +0330</pubDate>"), false, 5},
		{"missing dates", items(3, func(i int) string { return "" }, ""), false, 3},
		{"garbage dates", items(3, func(i int) string { return "" }, "<pubDate>فردا صبح</pubDate>"), false, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse([]byte(tc.doc), "")
			if tc.wantErr {
				if err == nil {
					t.Fatalf("no error, %d items", len(f.Items))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Items) != tc.wantItems {
				t.Fatalf("%d items, want %d", len(f.Items), tc.wantItems)
			}
			for _, it := range f.Items {
				if strings.Contains(it.Article.Title, "root:") || len(it.Article.Title) > 1000 {
					t.Fatalf("entity expanded: %.80q", it.Article.Title)
				}
			}
		})
	}
}

func TestDefaultSources(t *testing.T) {
	srcs, err := DefaultSources()
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) < 30 {
		t.Fatalf("%d default sources, want at least 30", len(srcs))
	}
	ids := map[string]bool{}
	kinds := map[Kind]int{}
	for _, s := range srcs {
		if ids[s.ID] {
			t.Errorf("duplicate id %s", s.ID)
		}
		ids[s.ID] = true
		kinds[s.Kind]++
		if s.Verified {
			t.Errorf("%s marked verified, but nothing was checked", s.ID)
		}
	}
	for _, k := range Kinds {
		if kinds[k] == 0 {
			t.Errorf("no %s in the default list", k)
		}
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	srcs, err := DefaultSources()
	if err != nil {
		t.Fatal(err)
	}
	srcs[0].Feeds = append(srcs[0].Feeds, "https://www.tasnimnews.com/fa/rss/feed/0/8/0/")
	var buf bytes.Buffer
	if err := WriteOPML(&buf, srcs, time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	back, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(srcs) {
		t.Fatalf("%d sources back, want %d", len(back), len(srcs))
	}
	byName := map[string]Source{}
	for _, s := range back {
		byName[s.Name] = s
	}
	for _, s := range srcs {
		b := byName[s.Name]
		if b.Kind != s.Kind || b.HomeURL != s.HomeURL || strings.Join(b.Feeds, " ") != strings.Join(s.Feeds, " ") {
			t.Errorf("%s: got %+v want %+v", s.Name, b, s)
		}
	}
}

func TestReadOPMLForeign(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?><opml version="1.0"><head><title>Feedly</title></head><body>
<outline text="News" title="News"><outline type="rss" text="BBC Persian" xmlUrl="https://feeds.bbci.co.uk/persian/rss.xml" htmlUrl="https://www.bbc.com/persian"/>
<outline type="rss" text="ایسنا" xmlUrl="https://www.isna.ir/rss"/></outline></body></opml>`
	srcs, err := ReadOPML(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 2 || srcs[0].NameLatin != "BBC Persian" || srcs[1].Name != "ایسنا" {
		t.Fatalf("%+v", srcs)
	}
	for i := range srcs {
		if err := srcs[i].Validate(); err != nil {
			t.Error(err)
		}
	}
	if srcs[0].ID != "bbc-persian" || srcs[1].ID != "isna-ir" {
		t.Errorf("ids %q %q", srcs[0].ID, srcs[1].ID)
	}
	if _, err := ReadOPML(strings.NewReader(`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><opml><body><outline text="&e;" xmlUrl="https://a/"/></body></opml>`)); err == nil {
		t.Error("XXE OPML accepted")
	}
}

func TestDiscover(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title> خبرگزاری نمونه </title>
<link rel="alternate" type="application/rss+xml" title="همه اخبار" href="/rss">
<link rel="alternate" type="application/atom+xml" href="https://example.ir/atom.xml">
<link rel="alternate" hreflang="en" href="/en/">
<link rel="stylesheet" href="/s.css"></head><body><link rel="alternate" type="application/rss+xml" href="/late"></body></html>`
	feeds, title := Discover([]byte(page), "https://example.ir/fa/")
	if strings.Join(feeds, " ") != "https://example.ir/rss https://example.ir/atom.xml" || title != "خبرگزاری نمونه" {
		t.Errorf("feeds %q title %q", feeds, title)
	}
}

func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/jalali-rss.xml", "testdata/dw.rdf", "testdata/feed.json", "testdata/cp1256.xml"} {
		f.Add(read(f, p))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, "https://example.ir/")
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it.Article.ID == "" {
				t.Fatal("item without id")
			}
		}
	})
}

func FuzzReadOPML(f *testing.F) {
	f.Add([]byte(`<opml><body><outline text="a"><outline text="b" xmlUrl="https://b/"/></outline></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ReadOPML(bytes.NewReader(data))
	})
}

func FuzzDiscover(f *testing.F) {
	f.Add([]byte(`<head><link rel="alternate" type="application/rss+xml" href="/rss"></head>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feeds, _ := Discover(data, "https://example.ir/")
		for _, u := range feeds {
			if u == "" {
				t.Fatal("empty feed url")
			}
		}
	})
}

func BenchmarkParseRSS(b *testing.B) {
	data := read(b, shared+"rss2.xml")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}
