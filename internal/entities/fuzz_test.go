package entities

import (
	"strings"
	"testing"
	"unicode/utf8"

	"khabar/internal/article"
	"khabar/internal/persian"
)

// FuzzLink feeds arbitrary text (and recognizer spans cut from it) to the
// linker: it must not panic, every entity's offsets must be a valid span of
// its paragraph holding exactly its text, and tokens must agree with Fold.
func FuzzLink(f *testing.F) {
	for _, s := range []string{
		"وزیر امور خارجه چین در دیدار با سرگئی لاوروف اعلام کرد",
		"نشستهای اتحادیه کشورهای جنوب شرق آسیا (آسهآن)، رئیسجمهور روسیه",
		"حسن روحانی، حامد کرزی\u200c\u200c، «تاس» (SCO) آسیا-اقیانوسیه",
		"\xff\xfe روحانی \u200d",
	} {
		f.Add(s, 3, 17)
	}
	l := testLinker(f)
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		var toks []string
		for _, tk := range Tokenize(text) {
			if tk.Start < 0 || tk.End > len(text) || tk.Start >= tk.End {
				t.Fatalf("token %+v out of %d bytes", tk, len(text))
			}
			toks = append(toks, tk.Fold)
		}
		if g, w := strings.Join(toks, " "), persian.Fold(text); g != w {
			t.Fatalf("Tokenize = %q, Fold = %q", g, w)
		}
		span := func(string) []Span {
			if a < 0 {
				a = -a
			}
			if b < 0 {
				b = -b
			}
			// Spans from a recognizer may be anything; the linker must
			// drop the ones that do not fit.
			return []Span{{Start: a % (len(text) + 2), End: b % (len(text) + 2), Type: "PER"}, {Start: 0, End: len(text), Type: "ORG"}}
		}
		art := &article.Article{Title: text, Body: []string{text, "لاوروف " + text}}
		for _, e := range l.Link(art, span) {
			p := text
			if e.Para == 1 {
				p = art.Body[1]
			}
			if e.Start < 0 || e.End > len(p) || e.Start >= e.End {
				t.Fatalf("entity %+v out of %d bytes", e, len(p))
			}
			if p[e.Start:e.End] != e.Text {
				t.Fatalf("entity %+v: text at its offsets is %q", e, p[e.Start:e.End])
			}
			if e.ID != "" && e.Type != "PER" && e.Type != "ORG" && e.Type != "LOC" {
				t.Fatalf("entity %+v: linked with type %q", e, e.Type)
			}
			if utf8.ValidString(p) && (!utf8.RuneStart(p[e.Start]) || (e.End < len(p) && !utf8.RuneStart(p[e.End]))) {
				t.Fatalf("entity %+v cuts a character", e)
			}
		}
	})
}
