package copies

import (
	"unicode/utf8"

	"khabar/internal/persian"
)

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
		if f, _ := persian.FoldRune(r); f != 0 {
			dst = utf8.AppendRune(dst, f)
			letters++
		}
	}
	return dst, letters
}
