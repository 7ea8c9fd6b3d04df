// Package persian holds khabar's Persian text functions: Normalize (what readers
// see and what is stored), Fold (what is indexed, hashed and queried), digits and
// Jalali dates. Everything here is pure: strings in, strings out, no I/O.
package persian

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Code points that Persian text work keeps meeting. Look-alikes differ only here.
const (
	ZWNJ         = '\u200c'
	ZWJ          = '\u200d'
	ArabicYeh    = 'ي' // U+064A
	AlefMaksura  = 'ى' // U+0649
	FarsiYeh     = 'ی' // U+06CC
	ArabicKaf    = 'ك' // U+0643
	Keheh        = 'ک' // U+06A9
	TehMarbuta   = 'ة' // U+0629
	HehYeh       = 'ۀ' // U+06C0
	Heh          = 'ه' // U+0647
	HamzaAbove   = '\u0654'
	Kashida      = '\u0640'
	ArabicComma  = '،'
	ArabicSemi   = '؛'
	ArabicQMark  = '؟'
	Guillemet    = '«'
	GuillemetEnd = '»'
)

// ZWNJRestorer repairs zero-width non-joiners in text whose letters are already
// normalized: run-together words («نشستهای» → «نشست‌های») and spaces standing
// for a ZWNJ («نشست های» → «نشست‌های»). Implementations must change nothing but
// ZWNJs and the spaces they replace.
type ZWNJRestorer interface {
	Restore(s string) string
}

// Normalizer makes the text readers see and khabar stores. The zero value applies
// the rule-based repairs only; set ZWNJ to restore run-together words as well.
// A Normalizer is safe for concurrent use if its ZWNJRestorer is.
type Normalizer struct {
	ZWNJ ZWNJRestorer
}

// Normalize is Normalizer{}.Normalize: letters, digits, marks, spacing and the
// common space-for-ZWNJ affixes, without a ZWNJ model.
func Normalize(s string) string { return Normalizer{}.Normalize(s) }

// Normalize returns s with Arabic letter variants in their Persian forms, digits
// in the storage form (ASCII), kashida and short-vowel marks removed, spacing
// around punctuation fixed, and ZWNJs repaired. On correctly written Persian it
// changes nothing but letter and digit forms.
func (n Normalizer) Normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = nfc(s)
	s = Letters(s)
	s = fixSpacing(s)
	s = strayZWNJ(s)
	if n.ZWNJ != nil {
		return n.ZWNJ.Restore(s)
	}
	return JoinAffixes(s)
}

// Letters maps letter and digit variants to their storage forms and drops
// kashida and short-vowel marks. It never adds or removes a word boundary.
func Letters(s string) string {
	if isCanonical(s) {
		return s
	}
	return lettersSlow(s)
}

// lettersSlow is Letters without its fast path.
func lettersSlow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == ArabicYeh || r == AlefMaksura:
			b.WriteRune(FarsiYeh)
		case r == ArabicKaf:
			b.WriteRune(Keheh)
		case r == TehMarbuta:
			b.WriteRune(Heh)
		case r == HehYeh:
			b.WriteRune(Heh)
			b.WriteRune(HamzaAbove)
		case r == Kashida, isShortVowel(r):
			// dropped
		case r >= '۰' && r <= '۹':
			b.WriteByte(byte('0' + r - '۰'))
		case r >= '٠' && r <= '٩':
			b.WriteByte(byte('0' + r - '٠'))
		case r == '\u00a0' || r == '\u202f' || r == '\u2009':
			b.WriteByte(' ')
		case r == '\ufeff' || r == '\u200e' || r == '\u200f':
			// BOM and direction marks carry no text.
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isShortVowel reports the harakat that Persian news text does not use: fatha,
// damma, kasra, shadda, sukun. Tanvin («قطعاً») and hamza are orthography and stay.
func isShortVowel(r rune) bool { return r >= '\u064c' && r <= '\u0652' && r != '\u064b' }

// isCanonical is Letters' fast path. It works on UTF-8 bytes because it runs
// over every paragraph: each rune Letters rewrites has a two- or three-byte
// encoding recognisable from its first two bytes.
func isCanonical(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		b0, b1 := s[i], s[i+1]
		switch b0 {
		case 0xd8: // U+0600–U+063F: ة
			if b1 == 0xa9 {
				return false
			}
		case 0xd9: // U+0640–U+067F: kashida, ك, ى, ي, harakat, Arabic-Indic digits
			if b1 == 0x80 || b1 == 0x83 || b1 == 0x89 || b1 == 0x8a || (b1 >= 0x8c && b1 <= 0x92 && b1 != 0x8b) || (b1 >= 0xa0 && b1 <= 0xa9) {
				return false
			}
		case 0xdb: // U+06C0–U+06FF: ۀ, Persian digits
			if b1 == 0x80 || (b1 >= 0xb0 && b1 <= 0xb9) {
				return false
			}
		case 0xc2: // NBSP
			if b1 == 0xa0 {
				return false
			}
		case 0xe2: // U+2009, U+200E, U+200F, U+202F
			if b1 == 0x80 && i+2 < len(s) {
				if b2 := s[i+2]; b2 == 0x89 || b2 == 0x8e || b2 == 0x8f || b2 == 0xaf {
					return false
				}
			}
		case 0xef: // BOM
			if b1 == 0xbb && i+2 < len(s) && s[i+2] == 0xbf {
				return false
			}
		}
	}
	return true
}

// strayZWNJ drops ZWNJs that join nothing: doubled, at the edge of a word
// («موتورسیکلت‌ها‌ »), or next to a space or punctuation mark. A ZWNJ between two
// letters is left for the ZWNJ restorer to judge.
func strayZWNJ(s string) string {
	const z = "\u200c"
	// Correct text has ZWNJs only between word letters, so look at each one
	// and its neighbours instead of rewriting the string rune by rune; copy
	// only when one must go.
	var b []byte
	last := 0 // s[last:] is not yet copied into b
	for i := 0; ; {
		k := strings.Index(s[i:], z)
		if k < 0 {
			break
		}
		at := i + k
		i = at + len(z)
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		if b != nil && last == at {
			// The rune before this ZWNJ was a ZWNJ that was dropped: what
			// counts is the last rune kept.
			prev, _ = utf8.DecodeLastRune(b)
		}
		next, _ := utf8.DecodeRuneInString(s[i:])
		if at == 0 {
			prev = ' '
		}
		if isWordRune(prev) && isWordRune(next) {
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
		}
		b = append(b, s[last:at]...)
		last = i
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// closers take no space before them; openers take none after them.
func isCloser(r rune) bool {
	switch r {
	case ArabicComma, ArabicSemi, ArabicQMark, '.', ',', ';', ':', '!', '?', GuillemetEnd, ')', ']':
		return true
	}
	return false
}

func isOpener(r rune) bool { return r == Guillemet || r == '(' || r == '[' }

// fixSpacing collapses runs of spaces, removes spaces before closing punctuation
// and after opening brackets, and adds a space after a Persian comma or semicolon
// glued to the next word. Newlines are kept: they separate paragraphs.
func fixSpacing(s string) string {
	if !needsSpacing(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	last := rune('\n') // last rune written; a line start behaves like after a newline
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		if r == ' ' || r == '\t' {
			j := i
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			i = j
			if last == '\n' || isOpener(last) || j == len(s) || s[j] == '\n' || s[j] == '\r' {
				continue
			}
			next, _ := utf8.DecodeRuneInString(s[j:])
			if isCloser(next) && !(next == ':' && j+1 < len(s) && s[j+1] == '/') {
				continue
			}
			b.WriteByte(' ')
			last = ' '
			continue
		}
		b.WriteRune(r)
		last = r
		// «،» or «؛» glued to a following letter gets its space.
		if r == ArabicComma || r == ArabicSemi {
			if next, _ := utf8.DecodeRuneInString(s[i:]); isPersianLetter(next) {
				b.WriteByte(' ')
				last = ' '
			}
		}
	}
	return b.String()
}

// needsSpacing is the fast path of fixSpacing: most lines of edited text have
// no space to fix.
func needsSpacing(s string) bool {
	prev := rune('\n')
	for _, r := range s {
		switch {
		case r == '\t':
			return true
		case r == ' ':
			if prev == ' ' || prev == '\n' || isOpener(prev) {
				return true
			}
		case isCloser(r) || r == '\n' || r == '\r':
			if prev == ' ' {
				return true
			}
		case isPersianLetter(r):
			if prev == ArabicComma || prev == ArabicSemi {
				return true
			}
		}
		prev = r
	}
	return prev == ' '
}

// nfc applies NFC only to the words that may change under it: a full NFC pass
// costs more than the rest of normalization together.
func nfc(s string) string {
	if !needsNFC(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		w := s
		if i >= 0 {
			w = s[:i+1]
		}
		if needsNFC(w) {
			b.WriteString(norm.NFC.String(w))
		} else {
			b.WriteString(w)
		}
		s = s[len(w):]
	}
	return b.String()
}

// needsNFC reports whether s may change under NFC. Persian text in the Arabic
// block composes only with the hamza and madda marks (U+0653–U+0655); text
// without them, and without other combining scripts, is already NFC.
func needsNFC(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w - 1
		switch {
		case r < 0x300:
		case r >= 0x600 && r <= 0x6ff:
			if r >= 0x653 && r <= 0x655 {
				return true
			}
		case r >= 0x2000 && r <= 0x206f, r >= 0xfb50 && r <= 0xfeff:
		default:
			return true
		}
	}
	return false
}

// isPersianLetter reports letters of the Arabic script as Persian uses it.
func isPersianLetter(r rune) bool {
	return (r >= '\u0621' && r <= '\u064a') || (r >= '\u0671' && r <= '\u06d3') || r == '\u06d5'
}

// IsPersianLetter reports whether r is an Arabic-script letter.
func IsPersianLetter(r rune) bool { return isPersianLetter(r) }

// JoinAffixes is the rule-based space-for-ZWNJ repair used when no ZWNJ model is
// configured: «می شود» → «می‌شود», «نشست های» → «نشست‌های», «بزرگ ترین» →
// «بزرگ‌ترین», «خانه ای» → «خانه‌ای». Only affixes that never stand alone in news
// prose are joined.
func JoinAffixes(s string) string {
	if !mayJoin(s) {
		return s
	}
	words := strings.Split(s, " ")
	var b strings.Builder
	b.Grow(len(s))
	for i, w := range words {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(words[i-1])
			if joinsPrevious(words[i-1], w) && isPersianLetter(prev) {
				b.WriteRune(ZWNJ)
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// mayJoin is JoinAffixes' fast path: a line without a spaced affix needs no work.
func mayJoin(s string) bool {
	for i := strings.IndexByte(s, ' '); i >= 0; {
		rest := s[i+1:]
		if strings.HasPrefix(rest, "ها") || strings.HasPrefix(rest, "تر") || strings.HasPrefix(rest, "ای") || strings.HasSuffix(s[:i], "می") {
			return true
		}
		j := strings.IndexByte(rest, ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func joinsPrevious(prev, w string) bool {
	if prev == "" || w == "" {
		return false
	}
	// Prefixes: the previous word is the prefix itself.
	if (prev == "می" || prev == "نمی") && startsWithPersianLetter(w) {
		return true
	}
	core := strings.TrimRightFunc(w, func(r rune) bool { return !isPersianLetter(r) && r != ZWNJ })
	switch core {
	case "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "ترین", "تر", "تری":
		return endsWithPersianLetter(prev)
	case "ای", "ایی":
		last, _ := utf8.DecodeLastRuneInString(prev)
		return last == Heh && utf8.RuneCountInString(prev) > 1
	}
	return false
}

func startsWithPersianLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isPersianLetter(r)
}

func endsWithPersianLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isPersianLetter(r)
}

// isWordRune reports runes that belong inside a token.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
