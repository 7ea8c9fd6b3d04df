package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// layoutGold is gold.json in testdata/pages: the shared fields plus the
// newsroom fields these layouts carry.
type layoutGold struct {
	Gold
	Kicker   string   `json:"kicker"`
	NewsID   string   `json:"news_id"`
	Tags     []string `json:"tags"`
	Category string   `json:"category"`
	Author   string   `json:"author"`
}

func TestLayouts(t *testing.T) {
	data, err := os.ReadFile("testdata/pages/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var golds []layoutGold
	if err := json.Unmarshal(data, &golds); err != nil {
		t.Fatal(err)
	}
	for _, g := range golds {
		t.Run(g.File, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata/pages", g.File))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Page(page, "https://example.ir/news/1")
			if err != nil {
				t.Fatal(err)
			}
			if f1 := WordF1(a.Body, g.Body); f1 < 0.95 {
				t.Errorf("body F1 %.3f\ngot  %q\nwant %q", f1, a.Body, g.Body)
			}
			check := func(field, got, want string) {
				if want != "" && !same(got, want) {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", a.Title, g.Title)
			check("lead", a.Lead, g.Lead)
			check("kicker", a.Kicker, g.Kicker)
			check("news_id", a.NewsID, g.NewsID)
			check("category", a.Section, g.Category)
			check("author", a.Author, g.Author)
			if g.URL != "" && a.URL != g.URL {
				t.Errorf("url = %q, want %q", a.URL, g.URL)
			}
			if g.Tags != nil && !slices.Equal(a.Tags, g.Tags) {
				t.Errorf("tags = %q, want %q", a.Tags, g.Tags)
			}
			if a.Published == nil {
				t.Fatalf("no date, want %s", g.Jalali)
			}
			if got := strings.ReplaceAll(a.Published.JalaliASCII()[:10], "/", "-"); got != g.Jalali {
				t.Errorf("date %s, want %s", got, g.Jalali)
			}
			for _, p := range a.Body {
				if strings.Contains(p, "انتهای پیام") || strings.Contains(p, "اخبار مرتبط") {
					t.Errorf("chrome left in body: %q", p)
				}
			}
		})
	}
}

func TestBadPages(t *testing.T) {
	big := "<html><body><div class=\"body\">" + strings.Repeat("<p>"+strings.Repeat("متن خبر ", 100)+"</p>", 26000) + "</div></body></html>"
	for _, tc := range []struct {
		name string
		page string
	}{
		{"empty", ""},
		{"not html", "\x00\x01\x02"},
		{"home page", `<html><head><title>خبرگزاری نمونه</title></head><body><ul class="menu"><li><a href="/1">سیاسی</a></li></ul></body></html>`},
		{"20 MB", big},
		{"unclosed", "<html><body><h1>عنوان<div><p>متن"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte(tc.page), "")
			if err == nil && (a.Title == "" || len(a.Body) == 0 && a.Lead == "") {
				t.Errorf("no error and no article: %+v", a)
			}
			if tc.name == "20 MB" && err == nil {
				t.Error("20 MB page accepted")
			}
		})
	}
}

func TestDecodeHTML(t *testing.T) {
	want := "خبر فوری"
	enc := []byte{0xce, 0xc8, 0xd1, 0x20, 0xdd, 0xe6, 0xd1, 0xed} // windows-1256, with Arabic yeh
	for _, tc := range []struct {
		name, ctype string
		data        []byte
		want        string
	}{
		{"utf-8", "", []byte(want), want},
		{"utf-8 with stale 1256 meta", "", []byte(`<meta charset="windows-1256">` + want), `<meta charset="windows-1256">` + want},
		{"1256 undeclared", "", enc, "خبر فوري"},
		{"1256 meta", "", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">`), enc...), `<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">خبر فوري`},
		{"1256 header", "text/html; charset=windows-1256", enc, "خبر فوري"},
		{"bom", "", append([]byte("\xef\xbb\xbf"), want...), want},
	} {
		if got := string(DecodeHTML(tc.data, tc.ctype)); got != tc.want {
			t.Errorf("%s: got %q want %q", tc.name, got, tc.want)
		}
	}
}

func FuzzPage(f *testing.F) {
	for _, name := range []string{"tasnim-like.html", "tiam-like.html", "bbc-like.html", "br-body.html"} {
		if b, err := os.ReadFile(filepath.Join("testdata/pages", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<h1>عنوان</h1><p>انتهای پیام/</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Page(data, "https://example.ir/")
		if err == nil && a.Title == "" {
			t.Error("article without title")
		}
	})
}

func BenchmarkPage(b *testing.B) {
	page, err := os.ReadFile("testdata/pages/tasnim-like.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Page(page, "https://www.tasnimnews.com/"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSourceCredit: an aggregator's closing «منبع: ...» line leaves the body
// and names the original source when the text names none.
func TestSourceCredit(t *testing.T) {
	data, err := os.ReadFile("testdata/pages/wordpress-aggregator.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Page(data, "")
	if err != nil {
		t.Fatal(err)
	}
	if last := a.Body[len(a.Body)-1]; strings.HasPrefix(last, "منبع") {
		t.Errorf("credit line left in the body: %q", last)
	}
	if a.OriginalSource != "خبرگزاری برنا" {
		t.Errorf("original source %q", a.OriginalSource)
	}
	if a.Title != "برتری سه گله استقلال در بازی دوستانه" {
		t.Errorf("title %q: the masthead's site title was taken", a.Title)
	}
}
