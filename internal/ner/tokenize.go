package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/persian"
)

// token is one word, number or punctuation mark of the input with its byte
// span, as PEYMA would have cut it, and its key (foldToken).
type token struct {
	Text       string
	Start, End int
	Fold       string
	word       bool // starts with a letter (joinSpaced joins only words)
}

// tokenize cuts repaired Persian text the way PEYMA is cut (lex, then
// joinSpaced), each token with its key. Training (the news text's clusters,
// the names gazetteer) and tagging cut text with it alike.
func tokenize(text string) []token {
	toks := lex(text)
	for i := range toks {
		toks[i].Fold = foldToken(toks[i].Text)
		toks[i].word = wordToken(toks[i].Text)
	}
	return joinSpaced(text, toks)
}

// lex splits text into words, numbers and marks: punctuation marks
// stand alone, digits are split from letters but keep their inner separators
// («1.5», «9:30», «1301-1395», «23,078»), and a ZWNJ keeps its word whole —
// PEYMA writes those words with a space («روش های»), and fold turns both into
// the same key. A blessing in parentheses after a holy name («(ع)», «(ره)»),
// a web or mail address («Entekhab.ir») and an ellipsis «...» are one token
// each, as in PEYMA, where the first two are part of a name or a name.
func lex(text string) []token {
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
				if j := addressEnd(text, i); j > 0 {
					toks = append(toks, token{Text: text[i:j], Start: i, End: j})
					i = j
					continue
				}
				start, kind = i, 1
			}
		case kind == 2 && (r == '.' || r == ':' || r == '/' || r == '-' || r == '٫') && i+n < len(text):
			// A separator between digits stays inside the number.
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if !isDigit(next) {
				flush(i)
				j := markEnd(text, i, r, n)
				toks = append(toks, token{Text: text[i:j], Start: i, End: j})
				i = j
				continue
			}
		case kind == 2 && (r == ',' || r == '٬'):
			// A thousands separator: exactly three digits follow.
			if !thousands(text[i+n:]) {
				flush(i)
				toks = append(toks, token{Text: text[i : i+n], Start: i, End: i + n})
			}
		case unicode.IsSpace(r) || r == utf8.RuneError && n == 1 || unicode.IsControl(r) || r == persian.ZWJ:
			flush(i)
		default:
			flush(i)
			j := markEnd(text, i, r, n)
			toks = append(toks, token{Text: text[i:j], Start: i, End: j})
			i = j
			continue
		}
		i += n
	}
	flush(len(text))
	return toks
}

// markEnd returns the end of the mark token r (n bytes) at text[i]: a
// blessing «(ع)» or a run of full stops («...», which PEYMA keeps as one
// token inside its sentence) is one token, any other mark a token of its own.
func markEnd(text string, i int, r rune, n int) int {
	j := i + n
	switch r {
	case '(':
		j = max(j, blessingEnd(text, j))
	case '.':
		for j < len(text) && text[j] == '.' {
			j++
		}
	}
	return j
}

// thousands reports whether s starts with exactly three digits.
func thousands(s string) bool {
	k := 0
	for _, r := range s {
		if !isDigit(r) {
			break
		}
		k++
	}
	return k == 3
}

// blessingEnd returns the end of «ع)» in «(ع)» when text[i:] is one to three
// Arabic-script letters and a closing parenthesis (PEYMA's «(ع)», «(ره)»,
// «(عج)»: one token, inside the holy name's span), else 0.
func blessingEnd(text string, i int) int {
	k := 0
	for j, r := range text[i:] {
		switch {
		case r == ')' && k > 0:
			return i + j + 1
		case k < 3 && unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			k++
		default:
			return 0
		}
	}
	return 0
}

// addressEnd returns the end of a web or mail address starting at text[i]
// («Entekhab.ir», «www.isba.ir», «newsroom@irna.ir», «https://t.me/x»), else
// 0: a run of ASCII letters, digits and URL marks that has a dot between two
// letters or digits followed by at least two letters, an @ or a «://», and
// does not end in a mark (a sentence's full stop after the address is not
// part of it).
func addressEnd(text string, i int) int {
	if !isASCIIAlnum(text[i]) || i > 0 && (isASCIIAlnum(text[i-1]) || text[i-1] == '.') {
		return 0
	}
	j := i
	for j < len(text) && (isASCIIAlnum(text[j]) || strings.IndexByte("._-@/:%?=&+~#", text[j]) >= 0) {
		j++
	}
	for j > i && !isASCIIAlnum(text[j-1]) && text[j-1] != '/' {
		j--
	}
	s := text[i:j]
	if strings.Contains(s, "@") || strings.Contains(s, "://") {
		return j
	}
	for k := 1; k+2 < len(s); k++ {
		if s[k] == '.' && isASCIIAlnum(s[k-1]) && isASCIILetter(s[k+1]) && isASCIILetter(s[k+2]) {
			return j
		}
	}
	return 0
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }

// cut splits text into sentences of tokens, folded, as the tagger was trained
// on them: a sentence ends after a full stop, question or exclamation mark,
// and at a line break (a headline, a caption or a paragraph without a final
// stop is a sentence of its own, and no name runs on into the next line).
func cut(text string) (sents [][]token, folded [][]string) {
	toks := tokenize(text)
	begin := 0
	for i := range toks {
		if i+1 < len(toks) && !sentenceEnd(toks[i].Text) && !lineBreak(text[toks[i].End:toks[i+1].Start]) {
			continue
		}
		sent := toks[begin : i+1]
		folds := make([]string, len(sent))
		for k, t := range sent {
			folds[k] = t.Fold
		}
		sents = append(sents, sent)
		folded = append(folded, folds)
		begin = i + 1
	}
	return sents, folded
}

func lineBreak(gap string) bool {
	return strings.ContainsAny(gap, "\n\r\u2028\u2029\v\f\u0085")
}

// joinSpaced merges word tokens apart by one space into the one token PEYMA
// writes (see joins.go): the longest sequence of up to four words that
// joins.txt lists («سه شنبه», «بعد از ظهر», «بین المللی»), a bound prefix
// with the word after it («می شود»), and any bound suffixes that follow
// («تیم های», «برنامه ریزی ها»). Scraped text writes many ZWNJ words with a
// space, and even a repaired text keeps the space of a fixed expression;
// split, the tagger would see fragments it never saw in training and take
// some for names («المللی», «رود» of «می رود»).
func joinSpaced(text string, toks []token) []token {
	jt := defaultJoins()
	joinable := func(a, b token) bool {
		return a.word && b.word && isSpaceGap(text, a.End, b.Start)
	}
	var key []byte // reused: a map index by string(key) does not allocate
	out := toks[:0]
	for i := 0; i < len(toks); {
		t := toks[i]
		j := i + 1 // toks[i:j] become one token
		if t.word {
			key = append(key[:0], t.Fold...)
			nw := strings.Count(t.Fold, " ") + 1
			for k := i + 1; k < len(toks) && jt.starts[string(key)] && joinable(toks[k-1], toks[k]); k++ {
				if nw += strings.Count(toks[k].Fold, " ") + 1; nw > maxJoinWords {
					break
				}
				key = append(append(key, ' '), toks[k].Fold...)
				if jt.seqs[string(key)] {
					j = k + 1
				}
			}
			if j == i+1 && i+1 < len(toks) && jt.prefix[t.Fold] && joinable(t, toks[i+1]) {
				j = i + 2
			}
			for j < len(toks) && jt.suffix[toks[j].Fold] && joinable(toks[j-1], toks[j]) {
				j++
			}
		}
		if j > i+1 {
			folds := make([]string, 0, j-i)
			for _, u := range toks[i:j] {
				folds = append(folds, u.Fold)
			}
			t = token{Text: text[t.Start:toks[j-1].End], Start: t.Start, End: toks[j-1].End, Fold: strings.Join(folds, " "), word: true}
		}
		out = append(out, t)
		i = j
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
	// Fast paths for ASCII and the Arabic letters of Persian text.
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if r >= 'ء' && r <= 'غ' || r >= 'ف' && r <= 'ي' {
		return true
	}
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
