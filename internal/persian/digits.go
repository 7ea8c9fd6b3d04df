package persian

import "strings"

// PersianDigits returns s with ASCII and Arabic-Indic digits written as Persian
// digits, for display. Digits inside Latin words («COVID-19», «G20») keep their
// form, since a Latin word is read left to right as one unit.
func PersianDigits(s string) string {
	if !strings.ContainsAny(s, "0123456789٠١٢٣٤٥٦٧٨٩") {
		return s
	}
	rs := []rune(s)
	for i, r := range rs {
		var d rune = -1
		switch {
		case r >= '0' && r <= '9':
			d = r - '0'
		case r >= '٠' && r <= '٩':
			d = r - '٠'
		}
		if d < 0 || inLatinWord(rs, i) {
			continue
		}
		rs[i] = '۰' + d
	}
	return string(rs)
}

// inLatinWord reports whether the digit at i is attached (through digits and
// hyphens) to a Latin letter.
func inLatinWord(rs []rune, i int) bool {
	isLatin := func(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }
	for j := i - 1; j >= 0; j-- {
		if isLatin(rs[j]) {
			return true
		}
		if !(rs[j] >= '0' && rs[j] <= '9') && rs[j] != '-' {
			break
		}
	}
	for j := i + 1; j < len(rs); j++ {
		if isLatin(rs[j]) {
			return true
		}
		if !(rs[j] >= '0' && rs[j] <= '9') && rs[j] != '-' {
			break
		}
	}
	return false
}

// ASCIIDigits returns s with Persian and Arabic-Indic digits as ASCII digits.
func ASCIIDigits(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '۰' && r <= '۹':
			b.WriteByte(byte('0' + r - '۰'))
		case r >= '٠' && r <= '٩':
			b.WriteByte(byte('0' + r - '٠'))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
