// Package copyeval builds the generated copy evaluation set and scores copy
// detection on it. Copies are made from real articles by the edits Persian
// aggregators really apply (each one a documented function below), with
// seeded randomness so a run is reproducible; the originals themselves are the
// negatives: different articles, many on the same topic and from the same
// desk, with the same attribution and trailer habits.
package copyeval

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"khabar/internal/article"
	"khabar/internal/copies"
	"khabar/internal/provenance"
)

// Transform is one aggregator edit, applied in place to a copy.
type Transform struct {
	Name  string
	Apply func(r *rand.Rand, a *article.Article)
}

// Transforms are the edits copies are made with.
var Transforms = []Transform{
	{"reattribute", reattribute},
	{"zwnj-strip", func(_ *rand.Rand, a *article.Article) { mapText(a, strings.NewReplacer("\u200c", "").Replace) }},
	{"zwnj-space", func(_ *rand.Rand, a *article.Article) { mapText(a, strings.NewReplacer("\u200c", " ").Replace) }},
	{"arabic-letters", func(_ *rand.Rand, a *article.Article) {
		mapText(a, strings.NewReplacer("ی", "ي", "ک", "ك").Replace)
	}},
	{"persian-digits", func(_ *rand.Rand, a *article.Article) { mapText(a, digits("0123456789", "۰۱۲۳۴۵۶۷۸۹")) }},
	{"ascii-digits", func(_ *rand.Rand, a *article.Article) { mapText(a, digits("۰۱۲۳۴۵۶۷۸۹", "0123456789")) }},
	{"new-title", newTitle},
	{"drop-paragraphs", dropParagraphs},
	{"reorder", reorder},
	{"first-half", firstHalf},
	{"boilerplate", boilerplate},
}

// aggregators republish agency text under their own name.
var aggregators = []string{"وبانگاه", "خبرفوری", "رکنا", "عصر ایران", "آخرین خبر", "برترین‌ها", "نامه نیوز", "اقتصاد آنلاین"}

// reattribute replaces the attribution clause the way an aggregator does:
// «به گزارش وبانگاه به نقل از <original>، ...».
func reattribute(r *rand.Rand, a *article.Article) {
	if len(a.Body) == 0 {
		return
	}
	src := a.OriginalSource
	if src == "" {
		src = a.Publisher
	}
	if src == "" {
		src = "خبرگزاری فارس"
	}
	first := a.Body[0]
	if c, ok := provenance.Find(first); ok && c.End <= len(first) {
		first = strings.TrimSpace(first[c.End:])
	}
	agg := aggregators[r.IntN(len(aggregators))]
	a.Body[0] = fmt.Sprintf("به گزارش %s به نقل از %s، %s", agg, src, first)
}

// newTitle gives the copy a title of its own: aggregators rewrite titles for clicks.
func newTitle(r *rand.Rand, a *article.Article) {
	prefixes := []string{"فوری/ ", "ببینید | ", "خبر مهم: ", ""}
	words := strings.Fields(a.Title)
	if len(words) > 4 {
		words = words[:len(words)-2]
	}
	a.Title = prefixes[r.IntN(len(prefixes))] + strings.Join(words, " ") + "؟"
}

// dropParagraphs removes up to a quarter of the paragraphs after the first.
func dropParagraphs(r *rand.Rand, a *article.Article) {
	if len(a.Body) < 4 {
		return
	}
	n := 1 + r.IntN(max(1, len(a.Body)/4))
	for range n {
		i := 1 + r.IntN(len(a.Body)-1)
		a.Body = slices.Delete(a.Body, i, i+1)
	}
}

// reorder swaps paragraphs after the first: aggregators move quotes and
// background around.
func reorder(r *rand.Rand, a *article.Article) {
	if len(a.Body) < 3 {
		return
	}
	for range 1 + len(a.Body)/5 {
		i, j := 1+r.IntN(len(a.Body)-1), 1+r.IntN(len(a.Body)-1)
		a.Body[i], a.Body[j] = a.Body[j], a.Body[i]
	}
}

// firstHalf keeps the first half of the text (a teaser with "read more"
// elsewhere): the first half of the paragraphs, or of the sentences of a
// single-paragraph text.
func firstHalf(_ *rand.Rand, a *article.Article) {
	if len(a.Body) >= 2 {
		a.Body = a.Body[:(len(a.Body)+1)/2]
		return
	}
	if len(a.Body) == 1 {
		s := strings.SplitAfter(a.Body[0], ".")
		a.Body[0] = strings.Join(s[:(len(s)+1)/2], "")
	}
}

// boilerplate appends the trailers newsrooms and aggregators glue on.
func boilerplate(r *rand.Rand, a *article.Article) {
	tails := [][]string{
		{"انتهای پیام/"},
		{"گروه خبری: 1337 |"},
		{"انتهای پیام/", "© | وبانگاه |"},
		{"منبع: خبرگزاری فارس", "بیشتر بخوانید:"},
	}
	a.Body = append(a.Body, tails[r.IntN(len(tails))]...)
}

func mapText(a *article.Article, f func(string) string) {
	a.Title = f(a.Title)
	a.Lead = f(a.Lead)
	for i, p := range a.Body {
		a.Body[i] = f(p)
	}
}

func digits(from, to string) func(string) string {
	f, t := []rune(from), []rune(to)
	var pairs []string
	for i := range f {
		pairs = append(pairs, string(f[i]), string(t[i]))
	}
	return strings.NewReplacer(pairs...).Replace
}

// Copy is one generated copy and the article it was made from.
type Copy struct {
	Article    *article.Article
	Of         string // id of the original
	Transforms []string
}

// Generate makes perCopy copies of each original with text to copy (at least
// copies.MinExactLetters letters of content: a title-only item has none), each with a
// random set of one to four transforms (re-attribution in most), so single
// edits and combinations are both measured. Originals are not changed. The
// result depends only on the originals, perCopy and seed.
func Generate(originals []*article.Article, perCopy int, seed uint64) []Copy {
	r := rand.New(rand.NewPCG(seed, 0x6b686162))
	var out []Copy
	for _, o := range originals {
		if len(o.Body) == 0 || copies.Sign(o.Body, o.Lead).Exact == 0 {
			continue
		}
		for k := range perCopy {
			c := clone(o)
			c.ID = fmt.Sprintf("%s-copy%d-%d", o.ID, len(out), k)
			c.URL, c.Publisher, c.Published = "", "", nil
			var names []string
			picked := map[int]bool{0: r.Float64() < 0.7}
			for n, others := 1+r.IntN(3), 0; others < n; {
				if i := 1 + r.IntN(len(Transforms)-1); !picked[i] {
					picked[i] = true
					others++
				}
			}
			for i, t := range Transforms {
				if picked[i] {
					t.Apply(r, c)
					names = append(names, t.Name)
				}
			}
			out = append(out, Copy{Article: c, Of: o.ID, Transforms: names})
		}
	}
	return out
}

func clone(a *article.Article) *article.Article {
	c := *a
	c.Body = slices.Clone(a.Body)
	c.Subheadings = slices.Clone(a.Subheadings)
	c.Attribution = slices.Clone(a.Attribution)
	c.Tags = slices.Clone(a.Tags)
	return &c
}

// TextDump writes a copy the way aggregator pages are scraped into text
// dumps: title, the lead marked with «|», then the body, one paragraph a line.
// Ingesting these files beside the corpus shows copies in their stories.
func TextDump(a *article.Article) []byte {
	var b strings.Builder
	b.WriteString(a.Title + "\n")
	if a.Lead != "" {
		b.WriteString(a.Lead + " |\n")
	}
	for _, p := range a.Body {
		b.WriteString(p + "\n")
	}
	return []byte(b.String())
}
