// Package provenance recovers who published a Persian news text and whom it
// quotes: the attribution chain of clauses like «به گزارش وبانگاه به نقل از گروه
// بین الملل خبرگزاری تسنیم به نقل از خبرگزاری «تاس»،», outermost first, each link
// split into outlet name and desk. It is pure: strings in, values out.
package provenance

import (
	_ "embed"
	"regexp"
	"strings"
	"unicode/utf8"

	"khabar/internal/article"
	"khabar/internal/persian"
)

//go:embed outlets.txt
var outletsData string

// outlets maps every known short name (letter-normalized) to its canonical name.
var outlets, maxOutletWords = loadOutlets(outletsData)

func loadOutlets(data string) (map[string]string, int) {
	m := make(map[string]string)
	maxWords := 1
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		names := strings.Split(line, "|")
		canon := strings.TrimSpace(names[0])
		if prev, ok := m[key(canon)]; ok {
			canon = prev // a later line adds aliases to an earlier outlet
		}
		for _, n := range names {
			n = key(n)
			m[n] = canon
			if w := len(strings.Fields(n)); w > maxWords {
				maxWords = w
			}
		}
	}
	return m, maxWords
}

// key is the lookup form of a name: Persian letters, ZWNJ and spaces unified.
func key(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(persian.Letters(s), "\u200c", " ")), " "))
}

// Canonical returns the canonical name of a known outlet («فارس» → «خبرگزاری
// فارس»), or name itself with letters normalized.
func Canonical(name string) string {
	if c, ok := outlets[key(name)]; ok {
		return c
	}
	return strings.TrimSpace(persian.Letters(name))
}

// orgHeads start an outlet's name: «خبرگزاری X», «روزنامه X», ...
var orgHeads = map[string]bool{
	"خبرگزاری": true, "روزنامه": true, "هفته‌نامه": true, "هفته نامه": true, "ماهنامه": true,
	"پایگاه": true, "سایت": true, "وب‌سایت": true, "وبسایت": true, "شبکه": true, "رادیو": true,
	"تلویزیون": true, "باشگاه": true, "خبرگزاري": true, "نشریه": true, "مجله": true,
}

// Chain is what Find recovered from one paragraph.
type Chain struct {
	Links []article.Attribution
	// Start and End are byte offsets of the whole clause in the paragraph,
	// including its closing comma, so callers can strip it (copy detection does).
	Start, End int
}

// OriginalSource is the innermost link: the outlet that first wrote the text.
func (c Chain) OriginalSource() string {
	if len(c.Links) == 0 {
		return ""
	}
	return c.Links[len(c.Links)-1].Name
}

var (
	// A dateline such as «تهران- » or «مسکو - » may precede the clause.
	dateline      = regexp.MustCompile(`^[^،,.:«»\n]{1,30}?\s*[-–—]\s*`)
	leadingOutlet = regexp.MustCompile(`^([^،,:؛.\n]{2,60}?)\s*[،,؛:]`)
	// «X گزارش داد» / «X به نقل از Y گزارش داد».
	reportedBy = regexp.MustCompile(`^([^،,.:\n]{2,80}?)\s+گزارش\s+(?:داد|کرد|می‌دهد|میدهد)`)
)

// Find looks for an attribution clause at the start of par (after an optional
// dateline): «به گزارش X[ به نقل از Y]*،», «به نقل از X،» or «X [به نقل از Y]
// گزارش داد». It reports false when par starts with none of them.
func Find(par string) (Chain, bool) {
	if !mayAttribute(par) {
		return Chain{}, false
	}
	start := 0
	if m := dateline.FindStringIndex(par); m != nil && !strings.HasPrefix(par, "به") {
		start = m[1]
		// «گروه بین‌الملل خبرگزاری تسنیم - ...»: the dateline itself names the outlet.
		if links := parseSegments(par[:m[0]+strings.IndexAny(par[m[0]:m[1]], "-–—")]); len(links) == 1 && knownOrHeaded(links[0].Name) {
			return Chain{Links: links, Start: 0, End: m[1]}, true
		}
	}
	for _, s := range []int{start, 0} {
		rest := par[s:]
		for _, lead := range []string{"به گزارش ", "به‌گزارش ", "بهگزارش ", "به نقل از "} {
			if !strings.HasPrefix(rest, lead) {
				continue
			}
			body := rest[len(lead):]
			end, next := clauseEnd(body)
			if end < 0 {
				continue
			}
			links := parseSegments(body[:end])
			if len(links) == 0 {
				continue
			}
			return Chain{Links: links, Start: s, End: s + len(lead) + next}, true
		}
	}
	// «خبرگزاری فارس، گروه اندیشه ـ ...», «حوزه احزاب خبرگزاری فارس، ...»:
	// the paragraph opens with the outlet itself.
	if m := leadingOutlet.FindStringSubmatchIndex(par); m != nil {
		links := parseSegments(par[m[2]:m[3]])
		if len(links) == 1 {
			if _, known := outlets[key(links[0].Name)]; known {
				return Chain{Links: links, Start: 0, End: m[1]}, true
			}
		}
	}
	if m := reportedBy.FindStringSubmatchIndex(par); m != nil {
		links := parseSegments(par[m[2]:m[3]])
		if len(links) > 0 && knownOrHeaded(links[0].Name) {
			return Chain{Links: links, Start: 0, End: m[1]}, true
		}
	}
	return Chain{}, false
}

// mayAttribute is Find's fast path: every form it reads has «گزارش», «نقل از»
// or a dateline dash near the start of the paragraph.
func mayAttribute(par string) bool {
	head := par[:min(len(par), 600)]
	return strings.Contains(head, "گزارش") || strings.Contains(head, "نقل از") || strings.ContainsAny(head[:min(len(head), 200)], "-–—")
}

// knownOrHeaded guards the «X گزارش داد» form, which ordinary sentences share
// («وزیر گزارش داد»): X must be a known outlet or start with an outlet head word.
func knownOrHeaded(name string) bool {
	if _, ok := outlets[key(name)]; ok {
		return true
	}
	f := strings.Fields(name)
	return len(f) > 0 && orgHeads[f[0]]
}

// clauseEnd returns the offset of the punctuation closing the clause (ignoring
// any inside «») and the offset just after it, or -1 when none comes within a
// plausible clause length. A comma followed by «به نقل از» continues the chain
// («به گزارش همشهری آنلاین، به نقل از دیجیاتو،»).
func clauseEnd(s string) (end, next int) {
	depth, words := 0, 0
	for i, r := range s {
		switch r {
		case '«':
			depth++
		case '»':
			if depth > 0 {
				depth--
			}
		case '،', ',', '؛', ':':
			if depth > 0 {
				continue
			}
			after := strings.TrimLeft(s[i+utf8.RuneLen(r):], " ")
			if r != ':' && strings.HasPrefix(after, "به نقل از ") {
				continue
			}
			return i, i + utf8.RuneLen(r)
		case ' ':
			words++
			if words > 30 {
				return -1, -1
			}
		case '\n', '.', '؟', '!':
			return -1, -1
		}
	}
	return -1, -1
}

var (
	unquote = strings.NewReplacer("«", " ", "»", " ", "\"", " ", "“", " ", "”", " ")
	// chainJoints are the ways a chain continues, all read as «به نقل از».
	chainJoints = strings.NewReplacer("، به نقل از ", " به نقل از ", ", به نقل از ", " به نقل از ",
		" و به نقل از ", " به نقل از ", " و براساس گزارش ", " به نقل از ", " و بر اساس گزارش ", " به نقل از ")
)

// parseSegments splits «X به نقل از Y به نقل از Z» into links.
func parseSegments(clause string) []article.Attribution {
	clause = unquote.Replace(clause)
	clause = chainJoints.Replace(clause)
	var links []article.Attribution
	for _, seg := range strings.Split(clause, " به نقل از ") {
		if l, ok := parseLink(seg); ok {
			links = append(links, l)
		}
	}
	return links
}

// deskHeads start a desk: «گروه بین الملل», «خبرنگار اقتصادی», «سرویس سیاسی».
var deskHeads = map[string]bool{
	"گروه": true, "سرویس": true, "خبرنگار": true, "خبرنگاران": true, "دبیرخانه": true,
	"میز": true, "تحریریه": true, "بخش": true, "واحد": true, "حوزه": true, "سایت": true,
}

// parseLink splits one segment into outlet name and desk. The name is
// canonical when the outlet is known; the desk keeps the words as written.
func parseLink(seg string) (article.Attribution, bool) {
	words := strings.Fields(persian.Letters(seg))
	if len(words) == 0 || len(words) > 16 {
		return article.Attribution{}, false
	}
	// Find where the outlet's name starts: a head word or a known short name.
	// A known outlet anywhere wins over a head word («سایت افغانستان خبرگزاری فارس»).
	k, n := -1, 0
	for i := 0; i < len(words) && k < 0; i++ {
		for w := min(maxOutletWords, len(words)-i); w >= 1; w-- {
			if _, ok := outlets[key(strings.Join(words[i:i+w], " "))]; ok {
				k, n = i, w
				break
			}
		}
	}
	for i := 0; i < len(words) && k < 0; i++ {
		if orgHeads[words[i]] && i+1 < len(words) {
			k = i
		}
	}
	// «خبرگزاری خبرآنلاین», «خبرگزاری خبرگزاری فارس»: a head word before a
	// known outlet is part of its name, which the canonical name already carries.
	skip := 0
	if n > 0 && k > 0 && orgHeads[words[k-1]] {
		skip = 1
	}
	if k < 0 {
		return article.Attribution{Name: strings.Join(words, " ")}, true
	}
	desk := words[:k-skip]
	var name []string
	if n > 0 {
		// A known outlet: the words after it are a place or sub-desk
		// («خبرنگار برنا هرمزگان», «خبرگزاری فارس از قم»).
		name = words[k : k+n]
		rest := words[k+n:]
		if len(rest) > 0 && rest[0] != "از" && rest[0] != "در" && len(desk) > 0 {
			desk = append(append([]string{}, desk...), rest...)
		}
	} else {
		name = words[k:]
		for j, w := range name {
			if w == "از" && j > 1 {
				name = name[:j]
				break
			}
		}
		// «خبرگزاری تسنیم» may be written out; canonical when known.
		for w := len(name); w >= 2; w-- {
			if _, ok := outlets[key(strings.Join(name[:w], " "))]; ok {
				name = name[:w]
				n = w
				break
			}
		}
	}
	if len(desk) > 0 && !deskHeads[desk[0]] {
		// Words before the outlet that are not a desk are part of the name
		// («روابط عمومی وزارت نیرو» has no outlet head at all; this keeps odd cases whole).
		name = append(append([]string{}, desk...), name...)
		desk = nil
	}
	l := article.Attribution{Name: Canonical(strings.Join(name, " ")), Desk: strings.Join(desk, " ")}
	return l, true
}

// interviewRe finds «در گفت‌وگو با خبرنگار فارس در ایلام»: an outlet's own
// interview, so the outlet is the original source.
var interviewRe = regexp.MustCompile(`گفت(?:[\x{200c} ]?و[\x{200c} ]?)?گو با ((?:خبرنگار|خبرگزاری|خبرگزاري)[^،,:.؛]{1,60})`)

// interviewStops end the outlet's name inside an interview clause.
var interviewStops = map[string]bool{"در": true, "از": true, "اظهار": true, "با": true, "گفت": true, "درباره": true, "افزود": true, "ضمن": true, "پیرامون": true, "بیان": true}

// FindInterview looks in the first sentence of par for «در گفت‌وگو با خبرنگار
// X» and returns X as a one-link chain. Start and End are zero: the clause is
// part of the sentence and must not be stripped.
func FindInterview(par string) (Chain, bool) {
	if i := strings.IndexAny(par, ".:"); i >= 0 {
		par = par[:i]
	}
	m := interviewRe.FindStringSubmatch(persian.Letters(par))
	if m == nil {
		return Chain{}, false
	}
	words := strings.Fields(m[1])
	for i, w := range words {
		if i > 0 && interviewStops[w] {
			words = words[:i]
			break
		}
	}
	l, ok := parseLink(strings.Join(words, " "))
	if !ok {
		return Chain{}, false
	}
	if _, known := outlets[key(l.Name)]; !known && !knownOrHeaded(l.Name) {
		return Chain{}, false
	}
	return Chain{Links: []article.Attribution{l}}, true
}

// LeadOutlet reads the outlet a lead opens with: «خبرگزاری فارس: ...»,
// «خبرگزاري فارس _ ...». It reports false unless the name is a known outlet or
// starts with an outlet head word.
func LeadOutlet(lead string) (string, bool) {
	i := strings.IndexAny(lead, ":_ـ-")
	if i <= 0 || i > 80 {
		return "", false
	}
	name := strings.Join(strings.Fields(strings.ReplaceAll(persian.Letters(lead[:i]), "خبر گزاری", "خبرگزاری")), " ")
	if name == "" || len(strings.Fields(name)) > 5 || !knownOrHeaded(name) {
		return "", false
	}
	return Canonical(name), true
}
