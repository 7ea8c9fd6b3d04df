// Package textdump parses Persian news text dumps: an article as a scraper saw
// it, one paragraph per line, with the title (often repeated), a lead ending in
// «|», the body, and the newsroom's trailer lines («انتهای پیام/», «گروه خبری:
// 1337 |», «© | خبرگزاری تسنیم |») glued on. It is pure: bytes in, article out.
// Text is returned as written (letters not yet normalized); the pipeline
// normalizes it.
package textdump

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/provenance"
)

// MaxSize is the largest text dump accepted: a news article is a few KB, so a
// larger file is not one article.
const MaxSize = 4 << 20

// Errors Parse wraps, so callers can count failures by reason.
var (
	ErrEmpty    = errors.New("empty text")
	ErrBinary   = errors.New("binary data, not text")
	ErrTooLarge = fmt.Errorf("larger than %d MB, not a single article", MaxSize>>20)
	ErrNoTitle  = errors.New("no title line")
	// ErrNotPersian rejects text that is mostly in another script: a licence or
	// README beside the dumps in a folder is not a news article.
	ErrNotPersian = errors.New("not Persian text (under a third of its letters are Arabic-script)")
)

// Parse reads one article from a text dump. Invalid UTF-8 sequences are
// replaced with U+FFFD in the parsed fields (Raw keeps the bytes as given);
// data that is mostly not text is rejected with ErrBinary.
func Parse(data []byte) (*article.Article, error) {
	if len(data) > MaxSize {
		return nil, ErrTooLarge
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if looksBinary(data) {
		return nil, ErrBinary
	}
	if !mostlyPersian(data) {
		return nil, ErrNotPersian
	}
	text := string(data)
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	text = strings.TrimPrefix(text, "\ufeff")
	a := &article.Article{Raw: string(data), ID: article.StableID(string(data))}

	lines := splitLines(text)
	lines = takeTrailer(a, lines)
	if len(lines) == 0 {
		return nil, ErrNoTitle
	}
	takeDates(a, &lines)
	if len(lines) == 0 {
		return nil, ErrNoTitle
	}
	a.Title = lines[0]
	rest := lines[1:]
	// The lead is the second line when the newsroom marked it («... |»), when the
	// title is repeated after it, or when the body proper starts after it with an
	// attribution clause.
	marked := func(l string) bool {
		return strings.Contains(text, l+" |") || strings.Contains(text, l+"|")
	}
	if len(rest) > 0 && isLead(rest, marked, a.Title) {
		a.Lead = rest[0]
		rest = rest[1:]
	}
	var body []string
	for _, l := range rest {
		if l == a.Title || l == a.Lead {
			continue // repeated title or lead
		}
		body = append(body, l)
	}
	a.Body = body
	a.Subheadings = Subheadings(body)
	Provenance(a)
	return a, nil
}

// Provenance fills publisher, attribution and original source from the first
// paragraphs (or the lead), and falls back to the copyright holder. A lead that
// opens with an outlet («خبرگزاری فارس: ...») names the publisher, which goes
// first in the chain when the body cites someone else.
func Provenance(a *article.Article) {
	cands := append([]string{}, a.Body[:min(2, len(a.Body))]...)
	cands = append(cands, a.Lead)
	var chain []article.Attribution
	for _, p := range cands {
		if c, ok := provenance.Find(p); ok {
			chain = c.Links
			break
		}
	}
	if chain == nil && len(a.Body) > 0 {
		if c, ok := provenance.FindInterview(a.Body[0]); ok {
			chain = c.Links
		}
	}
	if lead, ok := provenance.LeadOutlet(a.Lead); ok && (len(chain) == 0 || chain[0].Name != lead) {
		chain = append([]article.Attribution{{Name: lead}}, chain...)
	}
	if len(chain) > 0 {
		a.Attribution = chain
		a.OriginalSource = chain[len(chain)-1].Name
		if a.Publisher == "" {
			a.Publisher = chain[0].Name
		}
	}
	if a.Publisher == "" && a.Copyright != "" {
		a.Publisher = provenance.Canonical(a.Copyright)
	}
}

// mostlyPersian reports whether at least a third of the letters in the first
// 64 KB are Arabic-script. A third, not a half: Persian news quotes Latin names,
// URLs and acronyms, and a short article can have many of them.
func mostlyPersian(data []byte) bool {
	if len(data) > 64<<10 {
		data = data[:64<<10]
	}
	// Byte-level: U+0600–U+06FF (Arabic, Persian letters) are the UTF-8 lead
	// bytes 0xD8–0xDB; ASCII letters are single bytes; only other multi-byte
	// runes need decoding.
	fa, all := 0, 0
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c < utf8.RuneSelf:
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				all++
			}
			i++
		case c >= 0xD8 && c <= 0xDB:
			fa++
			all++
			i += 2
		default:
			r, w := utf8.DecodeRune(data[i:])
			i += w
			if unicode.IsLetter(r) {
				all++
				if unicode.Is(unicode.Arabic, r) {
					fa++
				}
			}
		}
	}
	return fa*3 >= all
}

func looksBinary(data []byte) bool {
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	bad, ctrl := 0, 0
	for i := 0; i < len(sample); {
		r, w := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && w == 1 {
			bad++
		} else if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			ctrl++
		}
		i += w
	}
	return bad*10 > len(sample) || ctrl*20 > len(sample)
}

// splitLines returns the non-empty lines, trimmed, with a trailing «|» (the
// scraper's field separator) removed.
func splitLines(text string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(l), "|"))
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

var (
	newsGroupRe = regexp.MustCompile(`^(?:گروه خبری|گروه خبري|کد گروه)\s*[:：]\s*([0-9۰-۹٠-٩]+)`)
	newsIDRe    = regexp.MustCompile(`^(?:کد خبر|كد خبر|شناسه خبر)\s*[:：]\s*([0-9۰-۹٠-٩]+)`)
	endMarkers  = []string{"انتهای پیام/", "/انتهای پیام", "انتهای پیام", "انتهاي پيام/", "انتهاي پيام", "انتهای خبر", "انتهاي خبر", "پایان خبر", "پايان خبر"}
)

// takeTrailer removes the trailer lines at the end (end markers, news group,
// news id, copyright) into their fields, and strips end markers glued to the
// last paragraph. It returns the remaining lines.
func takeTrailer(a *article.Article, lines []string) []string {
	for len(lines) > 0 {
		last := lines[len(lines)-1]
		if m := newsGroupRe.FindStringSubmatch(last); m != nil {
			a.NewsGroup = persian.ASCIIDigits(m[1])
		} else if m := newsIDRe.FindStringSubmatch(last); m != nil {
			a.NewsID = persian.ASCIIDigits(m[1])
		} else if c, ok := copyrightHolder(last); ok {
			a.Copyright = c
		} else if isEndMarker(last) {
			// dropped
		} else if stripped, ok := stripGluedMarker(last); ok {
			lines[len(lines)-1] = stripped
			if stripped == "" {
				lines = lines[:len(lines)-1]
			}
			continue
		} else {
			break
		}
		lines = lines[:len(lines)-1]
	}
	return lines
}

func isEndMarker(l string) bool {
	l = strings.Trim(l, " .-–—")
	for _, m := range endMarkers {
		if l == m || l == strings.Trim(m, "/") {
			return true
		}
	}
	return false
}

// stripGluedMarker removes an end marker glued to the end of a paragraph
// («... قدردانی کرد.انتهای پیام/»).
func stripGluedMarker(l string) (string, bool) {
	for _, m := range endMarkers {
		if strings.HasSuffix(l, m) {
			return strings.TrimSpace(strings.TrimSuffix(l, m)), true
		}
	}
	return l, false
}

// copyrightHolder reads «© | خبرگزاری تسنیم», «©۱۴۰۴ خبرگزاری مهر», «کلیه حقوق
// ... متعلق به X است».
func copyrightHolder(l string) (string, bool) {
	head := strings.ToLower(l[:min(len(l), 9)])
	if strings.HasPrefix(l, "©") || strings.HasPrefix(head, "(c)") || strings.HasPrefix(head, "copyright") {
		s := strings.TrimLeft(l, "©(cC) ")
		s = strings.TrimPrefix(strings.TrimPrefix(s, "opyright"), "OPYRIGHT")
		var parts []string
		for _, p := range strings.Split(s, "|") {
			p = strings.TrimFunc(p, func(r rune) bool {
				return unicode.IsSpace(r) || unicode.IsDigit(r) || unicode.IsPunct(r)
			})
			if p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			return parts[0], true
		}
		return "", true
	}
	if strings.Contains(l, "حقوق") && strings.Contains(l, "متعلق به") {
		s := l[strings.Index(l, "متعلق به")+len("متعلق به"):]
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(strings.TrimSpace(s), ".!"), "است"))
		s = strings.TrimSpace(strings.TrimSuffix(s, " می باشد"))
		return s, s != ""
	}
	return "", false
}

// dateLine matches a line that is only a date, maybe with a label.
var dateLabel = regexp.MustCompile(`^(?:تاریخ(?: انتشار| خبر)?|زمان انتشار|انتشار)\s*[:：]?\s*`)

// takeDates removes short lines (at the start or end) that are only a date and
// sets Published from the first one.
func takeDates(a *article.Article, lines *[]string) {
	ls := *lines
	try := func(i int) bool {
		l := ls[i]
		if utf8.RuneCountInString(l) > 48 {
			return false
		}
		rest := dateLabel.ReplaceAllString(l, "")
		t, clock, err := persian.ParseJalali(rest)
		if err != nil {
			return false
		}
		// The line must be little more than the date itself.
		letters := 0
		for _, r := range rest {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters > 12 {
			return false
		}
		if a.Published == nil {
			a.Published = &article.Date{Time: t.UTC(), HasClock: clock}
		}
		return true
	}
	for len(ls) > 1 && try(len(ls)-1) {
		ls = ls[:len(ls)-1]
	}
	// A date may stand before or right after the title.
	for _, i := range []int{0, 1} {
		if i < len(ls) && len(ls) > 1 && try(i) {
			ls = append(ls[:i:i], ls[i+1:]...)
			break
		}
	}
	*lines = ls
}

// isLead decides whether rest[0], the line after the title, is the lead.
func isLead(rest []string, marked func(string) bool, title string) bool {
	if len(rest) < 2 {
		return false
	}
	first := rest[0]
	if _, ok := provenance.Find(first); ok {
		return false // the body proper starts right after the title
	}
	if marked(first) || rest[1] == title {
		return true
	}
	if _, ok := provenance.Find(rest[1]); ok {
		return true
	}
	// Otherwise only a short single paragraph reads as a lead.
	return len(strings.Fields(first)) <= 60
}

// Subheadings returns the short lines inside the body that end without sentence
// punctuation: an editor's crossheads, not paragraphs.
//
// A crosshead sits between paragraphs, so a run of short lines (a poem, a list
// of names) is not one: both neighbours must be paragraphs.
func Subheadings(body []string) []string {
	var out []string
	for i, l := range body {
		if i == 0 || i == len(body)-1 || !isShortUnpunctuated(l) {
			continue
		}
		if !isParagraph(body[i-1]) || !isParagraph(body[i+1]) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func isShortUnpunctuated(l string) bool {
	n := wordsUpTo(l, 17)
	if n < 2 || n > 16 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	if strings.ContainsRune(".!?؟:؛،»)…\"_-", last) {
		return false
	}
	return !strings.ContainsAny(l, ".؟!:")
}

// isParagraph reports prose: a long line, or one that ends a sentence.
func isParagraph(l string) bool {
	if wordsUpTo(l, 25) >= 25 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?؟:»", last)
}

// wordsUpTo counts the space-separated words of s, stopping at limit.
func wordsUpTo(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s) && n < limit; i++ {
		if s[i] == ' ' || s[i] == '\t' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
