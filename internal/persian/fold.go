package persian

import (
	"strings"
	"unicode"
)

// Fold makes the form of text that is indexed, hashed and queried, never shown:
// letter variants unified (ي/ی, ك/ک, ة/ه, أ/إ/آ/ا, ؤ/و, ئ/ی), digits ASCII,
// all marks dropped, Latin lower-cased, and every ZWNJ, space and punctuation
// mark turned into a single space between tokens. Index, fingerprint and query
// must all call this same function so «رئیس‌جمهور», «رئيس جمهور» and «رییس جمهور»
// meet. The ZWNJ restorer runs before Fold, so «رئیسجمهور» meets them too.
func Fold(s string) string {
	return strings.Join(FoldTokens(s), " ")
}

// FoldTokens splits s into folded tokens: maximal runs of letters and digits.
func FoldTokens(s string) []string {
	var toks []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		if f, ok := foldRune(r); ok {
			if f != 0 {
				cur.WriteRune(f)
			}
			continue
		}
		flush()
	}
	flush()
	return toks
}

// foldRune returns the folded rune (0 to drop it inside a token) and whether r
// belongs to a token at all.
func foldRune(r rune) (rune, bool) {
	switch {
	case r == ArabicYeh || r == AlefMaksura || r == 'ئ':
		return FarsiYeh, true
	case r == ArabicKaf:
		return Keheh, true
	case r == TehMarbuta || r == HehYeh || r == 'ە':
		return Heh, true
	case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
		return 'ا', true
	case r == 'ؤ':
		return 'و', true
	case r >= '۰' && r <= '۹':
		return '0' + r - '۰', true
	case r >= '٠' && r <= '٩':
		return '0' + r - '٠', true
	case r == Kashida || r == ZWJ:
		return 0, true
	case unicode.Is(unicode.Mn, r):
		return 0, true
	case r < 128:
		if r >= 'A' && r <= 'Z' {
			return r + 32, true
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			return r, true
		}
		return 0, false
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return unicode.ToLower(r), true
	}
	return 0, false
}

// FoldRune is Fold for one rune: the folded rune (0 for a mark or kashida,
// dropped inside a token) and whether r belongs to a token at all (false for
// spaces, ZWNJ and punctuation, which end one). The Arabic block is a table
// look-up, so the loops that fold every byte of the corpus (copy
// fingerprints, story terms) can fold in place, without Fold's allocations,
// and still agree with it.
func FoldRune(r rune) (rune, bool) {
	if i := uint32(r) - 0x600; i < 256 {
		e := arabicFold[i]
		return e &^ (e >> 31), e >= 0 // -1 (a separator) gives 0, false
	}
	return foldRune(r)
}

// arabicFold caches foldRune for U+0600–U+06FF, -1 standing for a rune
// outside tokens (kept small so that FoldRune is inlined).
var arabicFold = func() (t [256]rune) {
	for i := range t {
		f, in := foldRune(rune(0x600 + i))
		if !in {
			f = -1
		}
		t[i] = f
	}
	return t
}()
