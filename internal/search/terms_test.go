package search

import (
	"os"
	"slices"
	"strings"
	"testing"

	"khabar/internal/article"
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

func TestStem(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"نشستهای", "نشست"},
		{"نشستها", "نشست"},
		{"کشورهایی", "کشور"},
		{"همکاریهایشان", "همکاری"},
		{"بزرگترین", "بزرگ"},
		{"نشست", "نشست"},
		{"تنها", "تنها"},     // «تن» is too short to be the stem
		{"انها", "انها"},     // folded «آنها»
		{"بهترین", "بهترین"}, // «به»
		{"ها", "ها"},
		{"های", "های"},
		{"brics", "brics"},
	} {
		if got := Stem(tc.in); got != tc.want {
			t.Errorf("Stem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestQueryTerms(t *testing.T) {
	norm := persian.Normalize
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"نشست‌ها", []string{"نشست"}},
		{"نشست های", []string{"نشست"}},
		{"نشستهای", []string{"نشست"}},
		{"رئیس‌جمهور", []string{"رییس", "جمهور"}},
		{"رئيس جمهور", []string{"رییس", "جمهور"}},
		{"رئیسجمهور", []string{"رییسجمهور"}},
		{"كشورهاي", []string{"کشور"}},
		{"BRICS", []string{"brics"}},
		{"می‌شود", []string{"شود"}},
		{"ها", []string{"ها"}}, // only an affix: kept, or nothing would be searched
		{"چین و چین", []string{"چین", "و"}},
		{"«»؟!", nil},
		{"۱۳۳۷", []string{"1337"}},
	} {
		if got := QueryTerms(tc.q, norm); !slices.Equal(got, tc.want) {
			t.Errorf("QueryTerms(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestPlan(t *testing.T) {
	vocab := map[string]bool{"رییس": true, "جمهور": true, "رییسجمهور": true, "می": true, "شود": true, "شی": true}
	known := func(t string) bool { return vocab[t] }
	for _, tc := range []struct {
		terms []string
		want  string
	}{
		{[]string{"رییس", "جمهور"}, `("رییس" "جمهور" | "رییس جمهور" | "رییسجمهور")`},
		{[]string{"رییسجمهور"}, `("رییسجمهور" | "رییس جمهور")`},
		{[]string{"میشود"}, `("میشود" | "می شود")`},
		{[]string{"رییس", "جمهور", "روسیه"}, `("رییس" "جمهور" | "رییس جمهور" | "رییسجمهور") & ("روسیه")`},
		{[]string{"روسیه", "چین"}, `("روسیه" | "روسیه چین") & ("چین")`},
		{[]string{"رییسجمهور", "روسیه"}, `("رییسجمهور" | "رییس جمهور" | "رییسجمهور روسیه") & ("روسیه")`},
		{[]string{"شیر"}, `("شیر")`}, // «ر» alone is too short to be a part
	} {
		asked := map[string]bool{}
		cands := map[string]bool{}
		for _, c := range Candidates(tc.terms) {
			cands[c] = true
		}
		got := planString(Plan(tc.terms, func(t string) bool { asked[t] = true; return known(t) }))
		if got != tc.want {
			t.Errorf("Plan(%q) = %s, want %s", tc.terms, got, tc.want)
		}
		for a := range asked {
			if !cands[a] {
				t.Errorf("Plan(%q) asked about %q, not among Candidates", tc.terms, a)
			}
		}
	}
}

func TestIndexFields(t *testing.T) {
	a := &article.Article{
		Title: "تاکید چین بر همکاری با روسیه",
		Lead:  "نشست‌های اتحادیه",
		Body:  []string{"ولادیمیر پوتین، رئیس‌جمهور روسیه"},
		Tags:  []string{"بریکس"},
		// The raw text as it came: run-together words, Arabic letters, JSON-ish noise.
		Raw: `{"title": "تاكيد چين"} رئیسجمهور روسیه در نشستهای \u0627 BRICS`,
	}
	var vocab []string
	f := IndexFields(a, func(t string) { vocab = append(vocab, t) })
	if want := "تاکید چین بر همکاری با روسیه"; f.Title != want {
		t.Errorf("Title = %q, want %q", f.Title, want)
	}
	if want := "نشست های اتحادیه ولادیمیر پوتین رییس جمهور روسیه بریکس"; f.Text != want {
		t.Errorf("Text = %q, want %q", f.Text, want)
	}
	// «تاكيد» folds to a title term, «نشستهای» stems to a text term, ASCII stays
	// out; the detached «های» is indexed (a query drops it, see QueryTerms).
	if want := "رییسجمهور در"; f.Alt != want {
		t.Errorf("Alt = %q, want %q", f.Alt, want)
	}
	slices.Sort(vocab)
	if len(vocab) != 16 || !slices.Contains(vocab, "رییسجمهور") || slices.Contains(vocab, "brics") {
		t.Errorf("vocabulary = %q", vocab)
	}
}

// planString renders a plan for test tables: groups separated by " & ",
// alternatives by " | ", phrases in quotes.
func planString(groups []Group) string {
	var b strings.Builder
	for i, g := range groups {
		if i > 0 {
			b.WriteString(" & ")
		}
		b.WriteByte('(')
		for j, a := range g {
			if j > 0 {
				b.WriteString(" | ")
			}
			for k, p := range a {
				if k > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(`"` + strings.Join(p, " ") + `"`)
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}
