package search

import (
	"os"
	"slices"
	"strings"
	"testing"

	"khabar/internal/persian"
)

const dataDir = "../../../shared/data"

// slowTerms is the definition Terms must match.
func slowTerms(s string) []string {
	toks := persian.FoldTokens(s)
	for i, t := range toks {
		toks[i] = Stem(t)
	}
	return toks
}

func TestTermsMatchesFold(t *testing.T) {
	b, err := os.ReadFile(dataDir + "/seed-article.txt")
	if err != nil {
		t.Skip(err)
	}
	texts := strings.Split(string(b), "\n")
	if news, err := os.ReadFile(dataDir + "/news-2025-4agencies/articles.jsonl"); err == nil {
		texts = append(texts, strings.Split(string(news), "\n")...)
	}
	texts = append(texts, "", " ", "ABC Def", "رئيس‌جمهور", "\xff\xfeنشست", "ك\u064eتاب", "۱۴۰۴/۰۶/۱۴", "a\u200cb", "«»", "ـــ")
	for _, s := range texts {
		if got, want := Terms(s), slowTerms(s); !slices.Equal(got, want) {
			t.Fatalf("Terms(%q)\n got %q\nwant %q", s, got, want)
		}
	}
}

func FuzzTerms(f *testing.F) {
	for _, s := range []string{"نشستهای اتحادیه کشورهای جنوب شرق آسیا", "رئيس‌جمهور BRICS ۱۳۳۷", "\xff", "آ\u0654ب", "a\u200c\u200db"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Terms(s), slowTerms(s); !slices.Equal(got, want) {
			t.Fatalf("Terms(%q) = %q, want %q", s, got, want)
		}
	})
}
