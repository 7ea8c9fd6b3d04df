package copies

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"khabar/internal/persian"
	"khabar/internal/provenance"
)

//go:embed boilerplate.txt
var boilerplateData string

// boilerplate holds the openings of paragraphs that are not story text, as
// folded letters without spaces (the form Content compares).
var boilerplate = loadBoilerplate(boilerplateData)

func loadBoilerplate(data string) []string {
	var out []string
	for _, l := range strings.Split(data, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if f := persian.Fold(l); f != "" {
			out = append(out, strings.ReplaceAll(f, " ", ""))
		} else {
			out = append(out, l) // «©» folds to nothing: match it as written
		}
	}
	return out
}

// maxBoilerplateWords bounds a boilerplate paragraph: a long paragraph that
// happens to open with «منبع» is text.
const maxBoilerplateWords = 14

// isBoilerplate reports whether a paragraph (as written, and as its folded
// letters) is an end marker, desk code or credit line rather than story text.
func isBoilerplate(par string, letters []byte) bool {
	if strings.Count(par, " ") >= maxBoilerplateWords {
		return false
	}
	for _, b := range boilerplate {
		if strings.HasPrefix(string(letters), b) || strings.HasPrefix(strings.TrimSpace(par), b) {
			return true
		}
	}
	return false
}

// StripAttribution removes the attribution clause at the start of a paragraph
// («به گزارش وبانگاه به نقل از تسنیم، ...», «تهران- ...»): aggregators rewrite
// it, so it must not count as text. A paragraph that is nothing but the clause
// becomes empty.
func StripAttribution(par string) string {
	c, ok := provenance.Find(par)
	if !ok || c.End <= 0 || c.End > len(par) {
		return par
	}
	return strings.TrimSpace(par[c.End:])
}

// Content returns the text of an article that copies share, as folded letter
// streams, one per paragraph: the attribution clause of the first paragraphs
// and boilerplate paragraphs removed, letters, digits and marks folded, and
// every space, ZWNJ and punctuation mark dropped. Dropping the spaces is what
// makes «نشست‌های», «نشست های» and «نشستهای» one string. Title and lead are
// left out: aggregators change titles, and many drop or rewrite the lead.
// When the body has no text (a photo story whose body is «.») the lead stands in for it.
func Content(body []string, lead string) []string {
	out := content(body)
	if len(out) == 0 && lead != "" {
		out = content([]string{lead})
	}
	return out
}

func content(body []string) []string {
	out := make([]string, 0, len(body))
	var buf []byte
	for i, par := range body {
		if i < 2 {
			par = StripAttribution(par)
		}
		var n int
		buf, n = appendLetters(buf[:0], par)
		if n == 0 || isBoilerplate(par, buf) {
			continue
		}
		out = append(out, string(buf))
	}
	return out
}

// runeCount is the length in letters of a content stream.
func runeCount(paras []string) int {
	n := 0
	for _, p := range paras {
		n += utf8.RuneCountInString(p)
	}
	return n
}
