package copies

import (
	"unicode/utf8"

	"khabar/internal/persian"
)

// arabicBlock holds, for each rune of U+0600–U+06FF, what persian.Fold makes
// of it: the folded letter, 0 to drop it (marks, punctuation, separators).
// It is built from persian.Fold itself, so the fast path cannot disagree with it.
var arabicBlock = func() (t [256]rune) {
	for i := range t {
		t[i] = foldOne(rune(0x600 + i))
	}
	return t
}()

// foldOne folds one rune the way persian.Fold does, dropping separators.
func foldOne(r rune) rune {
	f := persian.Fold(string(r))
	if f == "" {
		return 0
	}
	fr, _ := utf8.DecodeRuneInString(f)
	return fr
}

// appendLetters appends the letters and digits of s, folded, with every
// space, ZWNJ, mark and punctuation mark dropped: the same as removing the
// spaces from persian.Fold(s), without its per-token allocations (Fold costs
// ~50 ns a byte; this loop a few).
func appendLetters(dst []byte, s string) (out []byte, letters int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				dst = append(dst, c)
				letters++
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+32)
				letters++
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		var f rune
		if r >= 0x600 && r <= 0x6ff {
			f = arabicBlock[r-0x600]
		} else if r != persian.ZWNJ && r != utf8.RuneError {
			f = foldOne(r)
		}
		if f != 0 {
			dst = utf8.AppendRune(dst, f)
			letters++
		}
	}
	return dst, letters
}
