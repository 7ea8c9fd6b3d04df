// Package linktest builds analysed articles for the quotes and events tests:
// real text read through the pipeline's normalizer, with entity mentions
// placed by exact string search, so those packages can be tested apart from
// the entity linker.
package linktest

import (
	"context"
	"os"
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/pipeline"
	"khabar/internal/textdump"
	"khabar/internal/zwnj"
)

// Seed parses and normalizes the seed article from path, skipping the test
// when the shared data is missing.
func Seed(t testing.TB, path string) *article.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article missing: %v", err)
	}
	a, err := textdump.Parse(data)
	if err != nil {
		t.Fatalf("parse seed: %v", err)
	}
	p := pipeline.Pipeline{Normalizer: persian.Normalizer{ZWNJ: zwnj.Default()}}
	if err := p.Process(context.Background(), a); err != nil {
		t.Fatalf("normalize seed: %v", err)
	}
	return a
}

// Article makes an article of a title and body paragraphs, normalized.
func Article(title, lead string, body ...string) *article.Article {
	a := &article.Article{Title: title, Lead: lead, Body: body}
	p := pipeline.Pipeline{Normalizer: persian.Normalizer{ZWNJ: zwnj.Default()}}
	_ = p.Process(context.Background(), a) // no analyzers: cannot fail
	return a
}

// Link adds an entity mention for every occurrence of each record's Text in
// the article's title, lead and body, longest texts first and without
// overlaps, in text order.
func Link(a *article.Article, records ...article.Entity) {
	texts := []struct {
		para int
		s    string
	}{{-2, a.Title}, {-1, a.Lead}}
	for i, b := range a.Body {
		texts = append(texts, struct {
			para int
			s    string
		}{i, b})
	}
	for _, tx := range texts {
		taken := make([]bool, len(tx.s))
		var found []article.Entity
		for _, r := range longestFirst(records) {
			for off := 0; ; {
				i := strings.Index(tx.s[off:], r.Text)
				if i < 0 {
					break
				}
				st, en := off+i, off+i+len(r.Text)
				off = en
				free := true
				for k := st; k < en; k++ {
					free = free && !taken[k]
				}
				if !free {
					continue
				}
				for k := st; k < en; k++ {
					taken[k] = true
				}
				e := r
				e.Place = article.Place{Para: tx.para, Start: st, End: en}
				found = append(found, e)
			}
		}
		for i := 1; i < len(found); i++ {
			for j := i; j > 0 && found[j].Start < found[j-1].Start; j-- {
				found[j], found[j-1] = found[j-1], found[j]
			}
		}
		a.Entities = append(a.Entities, found...)
	}
}

func longestFirst(rs []article.Entity) []article.Entity {
	out := append([]article.Entity(nil), rs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j].Text) > len(out[j-1].Text); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// SeedEntities are the people and organizations the seed names, as a
// gazetteer would link them.
func SeedEntities() []article.Entity {
	per := func(text, id, name, latin, country string) article.Entity {
		return article.Entity{Text: text, Type: "PER", ID: id, Name: name, Latin: latin, Country: country}
	}
	loc := func(text, id, name, latin, country string) article.Entity {
		return article.Entity{Text: text, Type: "LOC", ID: id, Name: name, Latin: latin, Country: country}
	}
	org := func(text, id, name, latin string) article.Entity {
		return article.Entity{Text: text, Type: "ORG", ID: id, Name: name, Latin: latin}
	}
	return []article.Entity{
		per("وانگ ایی", "wang-yi", "وانگ ایی", "Wang Yi", "CHN"),
		per("سرگئی لاوروف", "sergey-lavrov", "سرگئی لاوروف", "Sergey Lavrov", "RUS"),
		per("لاوروف", "sergey-lavrov", "سرگئی لاوروف", "Sergey Lavrov", "RUS"),
		per("ولادیمیر پوتین", "vladimir-putin", "ولادیمیر پوتین", "Vladimir Putin", "RUS"),
		per("شی جینپینگ", "xi-jinping", "شی جین‌پینگ", "Xi Jinping", "CHN"),
		loc("چین", "china", "چین", "China", "CHN"),
		loc("روسیه", "russia", "روسیه", "Russia", "RUS"),
		loc("پکن", "beijing", "پکن", "Beijing", "CHN"),
		loc("مسکو", "moscow", "مسکو", "Moscow", "RUS"),
		org("سازمان ملل", "united-nations", "سازمان ملل متحد", "United Nations"),
		org("سازمان همکاری شانگهای", "sco", "سازمان همکاری شانگهای", "Shanghai Cooperation Organisation"),
		org("بریکس", "brics", "بریکس", "BRICS"),
		org("خبرگزاری تسنیم", "tasnim", "خبرگزاری تسنیم", "Tasnim News Agency"),
	}
}
