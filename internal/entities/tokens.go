package entities

import (
	"sync"
	"unicode/utf8"

	"khabar/internal/persian"
)

// Token is one folded token of a text with the byte span it came from, so a
// match on folded text can be reported as an offset into the text as written.
type Token struct {
	Fold       string
	Start, End int
	// Joined is true when only spaces, ZWNJ, hyphens or apostrophes separate
	// the token from the one before, so that a name may run across the
	// gap: «آسیا-اقیانوسیه» yes, «خبرگزاری «تاس»» or «چین، روسیه» no.
	Joined bool
}

// softGap says whether a separating rune may sit inside a name.
func softGap(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', persian.ZWNJ, '-', '\u2010', '\u2011', '\'', '\u2019':
		return true
	}
	return false
}

// foldClass says what persian.Fold does with one rune.
const (
	sepRune  = -1 // splits tokens
	dropRune = 0  // dropped inside a token (marks, kashida, ZWJ)
)

// foldTable caches persian.Fold's verdict per rune for the Basic Multilingual
// Plane: the table is read from Fold itself (see probeFold), so tokens here
// always agree with persian.FoldTokens without copying its rules.
var (
	foldOnce  sync.Once
	foldTable []rune
)

func loadFoldTable() {
	foldTable = make([]rune, 0x10000)
	for r := rune(0); r < 0x10000; r++ {
		foldTable[r] = probeFold(r)
	}
}

// probeFold learns how Fold treats r by folding it between two ASCII letters:
// «a» r «b» gives two tokens when r separates, «ab» when r is dropped, else
// «a» + folded r + «b».
func probeFold(r rune) rune {
	if r >= 0xD800 && r <= 0xDFFF {
		return sepRune // surrogates never occur decoded from UTF-8
	}
	toks := persian.FoldTokens("a" + string(r) + "b")
	if len(toks) != 1 {
		return sepRune
	}
	t := toks[0]
	if t == "ab" {
		return dropRune
	}
	f, _ := utf8.DecodeRuneInString(t[1:])
	return f
}

func foldOf(r rune) rune {
	if r < 0x10000 {
		return foldTable[r]
	}
	return probeFold(r)
}

// Tokenize folds s into tokens with their byte spans in s. Joined with single
// spaces, the tokens' Fold strings equal persian.Fold(s).
func Tokenize(s string) []Token {
	foldOnce.Do(loadFoldTable)
	toks := make([]Token, 0, len(s)/8)
	// All folded tokens go into one buffer, sliced once it is complete: one
	// allocation per text instead of one per token.
	buf := make([]byte, 0, len(s))
	var from []int // each token's start in buf
	start := -1
	end := 0
	soft := false
	bstart := 0
	flush := func() {
		if start >= 0 {
			if len(buf) > bstart {
				toks = append(toks, Token{Start: start, End: end, Joined: soft && len(toks) > 0})
				from = append(from, bstart)
				soft = true
			}
			start = -1
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		f := foldOf(r)
		i += size
		if f == sepRune {
			flush()
			if !softGap(r) {
				soft = false
			}
			continue
		}
		if start < 0 {
			start = i - size
			bstart = len(buf)
		}
		end = i
		if f != dropRune {
			buf = utf8.AppendRune(buf, f)
		}
	}
	flush()
	all := string(buf)
	for k := range toks {
		to := len(all)
		if k+1 < len(toks) {
			to = from[k+1]
		}
		toks[k].Fold = all[from[k]:to]
	}
	return toks
}
