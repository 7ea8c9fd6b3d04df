package discourse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/article"
	"khabar/internal/persian"
)

// Token is one word of a text in folded form with its byte span in the
// paragraph, and the punctuation written between it and the previous word.
type Token struct {
	Fold       string
	Start, End int
	// Punct holds the punctuation marks between the previous token and this
	// one («،», «:», «»», ...), spaces and ZWNJ left out.
	Punct string
}

// isWordRune says whether r belongs to a word, as persian.Fold decides.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == persian.Kashida || r == persian.ZWJ
}

// Tokenize splits s into folded words with their byte spans in s.
func Tokenize(s string) []Token { return tokenizeAt(s, 0) }

func tokenizeAt(s string, base int) []Token {
	var toks []Token
	var punct strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		if f := persian.Fold(s[start:end]); f != "" {
			toks = append(toks, Token{Fold: f, Start: base + start, End: base + end, Punct: punct.String()})
			punct.Reset()
		}
		start = -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else {
			flush(i)
			if !unicode.IsSpace(r) && r != persian.ZWNJ && r != utf8.RuneError {
				punct.WriteRune(r)
			}
		}
		i += size
	}
	flush(len(s))
	return toks
}

// paragraphs returns the article's texts with their Para numbers.
func paragraphs(a *article.Article) []struct {
	para int
	text string
} {
	ps := []struct {
		para int
		text string
	}{{-2, a.Title}, {-1, a.Lead}}
	for i, b := range a.Body {
		ps = append(ps, struct {
			para int
			text string
		}{i, b})
	}
	return ps
}

// splitSentences cuts a paragraph at sentence-final marks outside «...»;
// decimal points («3.5») do not end a sentence. It returns [start, end) pairs.
func splitSentences(s string) [][2]int {
	var out [][2]int
	depth, start := 0, 0
	emit := func(end int) {
		seg := s[start:end]
		lead := len(seg) - len(strings.TrimLeft(seg, " \t\u200c"))
		trail := len(strings.TrimRight(seg, " \t\u200c"))
		if trail > lead {
			out = append(out, [2]int{start + lead, start + trail})
		}
		start = end
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := i + size
		switch r {
		case '«', '“':
			depth++
		case '»', '”':
			if depth > 0 {
				depth--
			}
			// «... است.» لاوروف افزود: a quotation that ends a sentence
			// ends it outside the marks too.
			if depth == 0 && i > 0 && strings.ContainsRune(".!?؟", lastRune(s[:i])) && next < len(s) && s[next] == ' ' {
				emit(next)
			}
		case '.', '!', '?', '؟':
			if depth > 0 {
				break
			}
			if r == '.' && i > 0 && next < len(s) && unicode.IsDigit(lastRune(s[:i])) && unicode.IsDigit(firstRune(s[next:])) {
				break
			}
			// Keep a run of marks («?!», «...») with the sentence.
			for next < len(s) && strings.ContainsRune(".!?؟", rune(s[next])) {
				next++
			}
			emit(next)
		}
		i = next
	}
	emit(len(s))
	return out
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
