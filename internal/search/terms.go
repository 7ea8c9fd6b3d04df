package search

import (
	"strings"
	"unicode/utf8"

	"khabar/internal/persian"
)

// The index form of text is persian.FoldTokens with one light stemming step:
// plural and superlative suffixes written joined to their word are cut off, so
// «نشستهای», «نشست‌های» (folded to «نشست» «های») and «نشست» all index and query
// as «نشست». Documents and queries both go through Terms, so every form meets.
//
// Why so little stemming: no Persian stemmer is available in Go, and cutting
// more (verb prefixes, «تر», «ای») joins unrelated words: «فیلتر» is not
// «فیل» + «تر», «میدان» is not «می» + «دان». The suffixes below are the plural
// and superlative forms that the normalizer also joins with a ZWNJ.

// haSuffixes are the plural endings, all starting with «ها»; «ترین» is the
// superlative. Both are cut from the end of a folded token.
var haSuffixes = map[string]bool{
	"ها": true, "های": true, "هایی": true, "هایم": true, "هایت": true, "هایش": true,
	"هایمان": true, "هایتان": true, "هایشان": true,
}

const superlative = "ترین"

// minStemRunes keeps short words whole: «تنها», «آنها», «بهترین» and «صدها»
// end in a suffix but are not stem + suffix.
const minStemRunes = 3

// affixTokens are folded tokens that are only a piece of a word: what is left
// when Fold turns the ZWNJ of «نشست‌ها», «می‌شود», «بزرگ‌تر» or «خانه‌ای» into
// a space. A query drops them (see QueryTerms).
var affixTokens = map[string]bool{
	"ها": true, "های": true, "هایی": true, "هایم": true, "هایت": true, "هایش": true,
	"هایمان": true, "هایتان": true, "هایشان": true,
	"تر": true, "ترین": true, "تری": true,
	"ای": true, "ایی": true,
	"می": true, "نمی": true,
}

// Stem returns the index form of one folded token: the token without a joined
// plural or superlative suffix, when what remains is long enough to be a word.
func Stem(tok string) string {
	cut := -1
	if strings.HasSuffix(tok, superlative) {
		cut = len(tok) - len(superlative)
	} else if i := strings.LastIndex(tok, "ها"); i > 0 && haSuffixes[tok[i:]] {
		cut = i
	}
	if cut > 0 && utf8.RuneCountInString(tok[:cut]) >= minStemRunes {
		return tok[:cut]
	}
	return tok
}

// IsAffix reports whether a folded token is a detached affix such as «ها» or «می».
func IsAffix(tok string) bool { return affixTokens[tok] }

// Terms returns the index terms of displayed text, in order: folded, stemmed.
// It equals Stem of each persian.FoldTokens(s), computed faster (see scanTerms).
func Terms(s string) []string {
	toks := make([]string, 0, len(s)/10+1)
	scanTerms(s, func(t string, _ int) { toks = append(toks, t) })
	return toks
}

// scanTerms calls fn with each index term of s and the byte offset in s where
// the text it came from starts. Fold maps rune by rune, so it can be applied
// through a table: a word already in folded form (most words of normalized
// text) is sliced out of s, a word with letter variants («رئيس») is rebuilt
// from the table, and only a stretch with a rune the table does not cover goes
// through persian.FoldTokens (folding a stretch between separators alone gives
// the same tokens as folding the whole text).
func scanTerms(s string, fn func(term string, start int)) {
	start, slow, mapped := -1, false, false
	var buf []byte
	emit := func(end int) {
		if start < 0 {
			return
		}
		switch {
		case slow:
			for _, t := range persian.FoldTokens(s[start:end]) {
				fn(Stem(t), start)
			}
		case mapped:
			buf = buf[:0]
			for _, r := range s[start:end] {
				if r < rune(len(foldTable)) && foldTable[r].class == classMap {
					if to := foldTable[r].to; to != 0 {
						buf = utf8.AppendRune(buf, to)
					}
					continue
				}
				buf = utf8.AppendRune(buf, r)
			}
			if len(buf) > 0 {
				fn(Stem(string(buf)), start)
			}
		default:
			fn(Stem(s[start:end]), start)
		}
		start, slow, mapped = -1, false, false
	}
	for i, r := range s {
		c := uint8(classOther)
		if r < rune(len(foldTable)) {
			c = foldTable[r].class
		} else if r == persian.ZWNJ {
			c = zwnjClass
		}
		switch c {
		case classSep:
			emit(i)
			continue
		case classMap:
			mapped = true
		case classOther:
			slow = true
		}
		if start < 0 {
			start = i
		}
	}
	emit(len(s))
}

// Rune classes for the table below.
const (
	classOther = iota // not covered by the table: persian.FoldTokens decides
	classKeep         // a token rune that Fold keeps as it is
	classMap          // a token rune Fold turns into another rune, or drops (to 0)
	classSep          // a rune that separates tokens
)

type foldEntry struct {
	class uint8
	to    rune
}

// zwnjClass is the class of the ZWNJ, the one rune above the table that is
// common in normalized text.
var zwnjClass = foldOf(persian.ZWNJ).class

// foldTable covers the runes below U+0700 (Latin and Arabic script). It is
// derived from persian.FoldTokens itself, rune by rune, so it cannot drift
// from Fold; TestTermsMatchesFold and FuzzTerms check the result.
var foldTable = func() (tab [0x700]foldEntry) {
	for r := range rune(len(tab)) {
		tab[r] = foldOf(r)
	}
	return tab
}()

// foldOf classifies r by folding it alone and between two alefs: kept as it
// is, split «ا?ا» in two (a separator), removed from «ا?ا» (a dropped mark), or
// turned into one other rune.
func foldOf(r rune) foldEntry {
	one := string(r)
	if t := persian.FoldTokens(one); len(t) == 1 && t[0] == one {
		return foldEntry{class: classKeep}
	}
	t := persian.FoldTokens("ا" + one + "ا")
	switch {
	case len(t) == 2:
		return foldEntry{class: classSep}
	case len(t) == 1 && t[0] == "اا":
		return foldEntry{class: classMap}
	case len(t) == 1 && strings.HasPrefix(t[0], "ا") && strings.HasSuffix(t[0], "ا"):
		mid := t[0][len("ا") : len(t[0])-len("ا")]
		if to, n := utf8.DecodeRuneInString(mid); n == len(mid) && to != utf8.RuneError {
			return foldEntry{class: classMap, to: to}
		}
	}
	return foldEntry{class: classOther}
}

// QueryTerms turns a user query into index terms: normalize (the same
// normalizer the pipeline uses, so ZWNJ repair treats the query like the
// documents), then Terms, then drop detached affixes, unless the query is
// nothing but affixes. Duplicates are removed; order is kept.
func QueryTerms(q string, normalize func(string) string) []string {
	if normalize != nil {
		q = normalize(q)
	}
	all := Terms(q)
	var terms []string
	seen := map[string]bool{}
	for _, t := range all {
		if IsAffix(t) || seen[t] {
			continue
		}
		seen[t] = true
		terms = append(terms, t)
	}
	if len(terms) == 0 {
		for _, t := range all {
			if !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
	}
	return terms
}
