package search

import (
	"slices"
	"strings"
	"testing"
)

// Sentences of the seed, normalized (with ZWNJs, as the pipeline stores them).
var seedParagraphs = []string{
	"وزیر امور خارجه چین در دیدار با سرگئی لاوروف اعلام کرد که پکن آماده ادامه همکاری با مسکو برای حفاظت از منافع ملی دو طرف است.",
	"به گزارش وبانگاه، وانگ ایی، وزیر امور خارجه چین، شب گذشته در دیدار با همتای روسی خود، سرگئی لاوروف، در حاشیه نشست‌های اتحادیه کشورهای جنوب شرق آسیا (آسه‌آن)، تاکید کرد که کشورش آماده همکاری با روسیه برای حفاظت از منافع اصلی دو کشور است.",
	"لاوروف همچنین یادآور شد که ولادیمیر پوتین، رئیس‌جمهور روسیه، و شی جین‌پینگ، رئیس‌جمهور چین، همواره به این موضوعات از جمله تعاملات اقتصادی و شراکت توجه داشته‌اند.",
}

func render(frags []Fragment) string {
	var b strings.Builder
	for _, f := range frags {
		if f.Match {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

func TestSnippet(t *testing.T) {
	for _, tc := range []struct {
		terms []string
		n     int
		want  string
	}{
		// The passage with both terms wins over the first paragraph with one.
		{[]string{"رییس", "جمهور"}, 12, "… همچنین یادآور شد که ولادیمیر پوتین، [رئیس‌جمهور] روسیه، و شی جین‌پینگ، [رئیس‌جمهور] …"},
		// A plural written with a ZWNJ lights up for its stem; punctuation stays.
		{[]string{"نشست"}, 6, "… خود، سرگئی لاوروف، در حاشیه [نشست‌های] …"},
		{[]string{"اسه", "ان"}, 5, "… در حاشیه نشست‌های اتحادیه کشورهای …"},
		// No word matches: the opening of the first paragraph.
		{[]string{"brics"}, 5, "وزیر امور خارجه چین در …"},
	} {
		got := render(Snippet(seedParagraphs, tc.terms, tc.n))
		if tc.terms[0] == "اسه" {
			// «(آسه‌آن)،» folds to «اسه» «ان»: the whole written word lights up.
			if !strings.Contains(got, "[(آسه‌آن)،]") {
				t.Errorf("Snippet(%q) = %q, want the word «(آسه‌آن)،» marked", tc.terms, got)
			}
			continue
		}
		if got != tc.want {
			t.Errorf("Snippet(%q, %d)\n got %q\nwant %q", tc.terms, tc.n, got, tc.want)
		}
	}
	if got := Snippet(nil, []string{"x"}, 10); got != nil {
		t.Errorf("Snippet of nothing = %q", render(got))
	}
	whole := render(Snippet(seedParagraphs[:1], []string{"لاوروف"}, 100))
	if strings.Contains(whole, "…") || strings.ReplaceAll(strings.ReplaceAll(whole, "[", ""), "]", "") != seedParagraphs[0] {
		t.Errorf("a short paragraph must come back whole: %q", whole)
	}
}

// FuzzSnippet: whatever the text and terms, a snippet is a run of the
// paragraph's own words (never folded or altered), with at most n words.
func FuzzSnippet(f *testing.F) {
	f.Add(seedParagraphs[1], "نشست", 8)
	f.Add("رئيس‌جمهور  روسيه\tو \u00a0چين", "رییس", 3)
	f.Add("\xff\xfe نشست‌ها ", "\xff", 1)
	f.Fuzz(func(t *testing.T, para, term string, n int) {
		n = n%50 + 1
		if n <= 0 {
			n += 50
		}
		frags := Snippet([]string{para}, Terms(term), n)
		var b strings.Builder
		for _, fr := range frags {
			b.WriteString(fr.Text)
		}
		got := strings.Fields(b.String())
		if len(got) > 0 && got[0] == "…" {
			got = got[1:]
		}
		if len(got) > 0 && got[len(got)-1] == "…" {
			got = got[:len(got)-1]
		}
		if len(got) > n {
			t.Fatalf("%d words, max %d", len(got), n)
		}
		words := strings.Fields(para)
		if len(words) == 0 {
			if len(frags) != 0 {
				t.Fatalf("snippet %q of an empty paragraph", b.String())
			}
			return
		}
		if strings.Contains(para, "…") {
			return // the paragraph's own ellipses make the cut marks ambiguous
		}
		for i := 0; i+len(got) <= len(words); i++ {
			if slices.Equal(words[i:i+len(got)], got) {
				return
			}
		}
		t.Fatalf("snippet words %q are not a run of the paragraph's words %q", got, words)
	})
}
