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
	s = norm.NFC.String(s)
	s = Letters(s)
	s = fixSpacing(s)
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

func isCanonical(s string) bool {
	for _, r := range s {
		switch {
		case r == ArabicYeh, r == AlefMaksura, r == ArabicKaf, r == TehMarbuta, r == HehYeh,
			r == Kashida, isShortVowel(r),
			r >= '۰' && r <= '۹', r >= '٠' && r <= '٩',
			r == '\u00a0', r == '\u202f', r == '\u2009', r == '\ufeff', r == '\u200e', r == '\u200f':
			return false
		}
	}
	return true
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
	rs := []rune(s)
	out := make([]rune, 0, len(rs)+8)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == ' ' || r == '\t' {
			// Drop if at start of line, before a newline, repeated, before a closer, or after an opener.
			if len(out) == 0 || out[len(out)-1] == ' ' || out[len(out)-1] == '\n' || isOpener(out[len(out)-1]) {
				continue
			}
			j := i + 1
			for j < len(rs) && (rs[j] == ' ' || rs[j] == '\t') {
				j++
			}
			if j == len(rs) || rs[j] == '\n' || rs[j] == '\r' {
				i = j - 1
				continue
			}
			if isCloser(rs[j]) && !(rs[j] == ':' && j+1 < len(rs) && rs[j+1] == '/') {
				i = j - 1
				continue
			}
			out = append(out, ' ')
			continue
		}
		out = append(out, r)
		// «،» or «؛» glued to a following letter gets its space.
		if (r == ArabicComma || r == ArabicSemi) && i+1 < len(rs) && isPersianLetter(rs[i+1]) {
			out = append(out, ' ')
		}
	}
	// Trim trailing spaces on each line end.
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	return string(out)
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
	if !strings.Contains(s, " ") {
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
