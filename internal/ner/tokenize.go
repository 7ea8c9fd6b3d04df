package ner

import (
	"unicode"
	"unicode/utf8"

	"khabar/internal/persian"
)

// token is one word, number or punctuation mark of the input with its byte
// span, as PEYMA would have cut it.
type token struct {
	Text       string
	Start, End int
}

// tokenize cuts repaired Persian text the way PEYMA is cut: punctuation marks
// stand alone, digits are split from letters but keep their inner separators
// («1.5», «9:30», «1301-1395»), and a ZWNJ keeps its word whole — PEYMA writes
// those words with a space («روش های»), and fold turns both into the same key.
func tokenize(text string) []token {
	var toks []token
	start, kind := -1, 0 // kind of the open token: 1 word, 2 number
	flush := func(end int) {
		if start >= 0 {
			toks = append(toks, token{Text: text[start:end], Start: start, End: end})
			start, kind = -1, 0
		}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == persian.ZWNJ:
			// Inside a word it joins; anywhere else it is a separator.
			if kind == 1 && i+n < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+n:])
				if isWordRune(next) {
					break
				}
			}
			flush(i)
		case isDigit(r):
			if kind != 2 {
				flush(i)
				start, kind = i, 2
			}
		case isWordRune(r):
			if kind != 1 {
				// A mark or kashida cannot start a word after a number.
				flush(i)
				start, kind = i, 1
			}
		case kind == 2 && (r == '.' || r == ':' || r == '/' || r == '-' || r == '٫' || r == '٬') && i+n < len(text):
			// A separator between digits stays inside the number.
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if !isDigit(next) {
				flush(i)
				toks = append(toks, token{Text: text[i : i+n], Start: i, End: i + n})
			}
		case unicode.IsSpace(r) || r == utf8.RuneError && n == 1 || unicode.IsControl(r) || r == persian.ZWJ:
			flush(i)
		default:
			flush(i)
			toks = append(toks, token{Text: text[i : i+n], Start: i, End: i + n})
		}
		i += n
	}
	flush(len(text))
	return toks
}

// joinSpaced merges two word tokens with one space between them into one
// token where the space stands for a ZWNJ: the pair is a lexicon word as
// PEYMA writes ZWNJ words («بین المللی») and its second half is no word of
// its own («المللی»). A text that keeps such a space (the ZWNJ restorer
// leaves a line that writes other ZWNJs as its writer wrote it) would
// otherwise give the tagger a fragment it never saw in training, which it
// takes for a name.
func (m *Model) joinSpaced(text string, toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) {
			u := toks[i+1]
			if u.Start == t.End+1 && text[t.End] == ' ' && wordToken(t.Text) && wordToken(u.Text) {
				if w, ok := m.words[foldToken(t.Text)+" "+foldToken(u.Text)]; ok && w.Lex != 0 && m.words[foldToken(u.Text)].Lex == 0 {
					out = append(out, token{Text: text[t.Start:u.End], Start: t.Start, End: u.End})
					i++
					continue
				}
			}
		}
		out = append(out, t)
	}
	return out
}

func wordToken(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '۰' && r <= '۹' || r >= '٠' && r <= '٩'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == persian.Kashida
}

// sentenceEnd reports whether a token closes a sentence, so that the tagger
// sees sentence-sized sequences as in PEYMA.
func sentenceEnd(s string) bool {
	switch s {
	case ".", "!", "?", "؟":
		return true
	}
	return false
}
