package zwnj

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"khabar/internal/metrics"
)

// DamageA returns text as scrapers leave it: every ZWNJ deleted («نشستهای»).
func DamageA(s string) string { return strings.ReplaceAll(s, zwnjStr, "") }

// DamageB returns text with every ZWNJ written as a space («نشست های»).
func DamageB(s string) string { return strings.ReplaceAll(s, zwnjStr, " ") }

// Tally accumulates the ZWNJ scores of repaired text against gold text. It
// follows the reference scorer (shared/tools/zwnj/score.py): both texts are
// reduced to a skeleton of folded letters and digits, every boundary between
// two skeleton characters is labelled N (nothing), Z (ZWNJ), S (space) or P
// (punctuation, not scored), and the labels are compared.
type Tally struct {
	Words      int // gold words: runs of letters joined by N or Z
	ZWNJWords  int // gold words that contain a ZWNJ
	WordsOK    int // gold words reproduced exactly (inner labels and edges)
	ZWNJWordOK int // gold ZWNJ words reproduced exactly
	// Boundary confusion, gold label → output label.
	Conf map[[2]byte]int
	// Kinds splits ZWNJWords and ZWNJWordOK by the kind of gold word (see
	// KindOf): which morphology the restorer handles and which it misses.
	Kinds map[string][2]int
}

// Kinds of gold ZWNJ words, in the order KindOf tries them; the same as the
// reference scorer's recall_by_kind.
var Kinds = []string{"mi", "plural", "comparative", "clitic", "compound"}

// KindOf classifies a gold word by its parts between ZWNJs (folded letters):
// «می‌/نمی‌» verbs, plurals («‌ها», «‌های»…), comparatives («‌تر», «‌ترین»),
// clitics («‌ای», «‌اند», «‌شان»…, last), and compounds, the rest
// («بین‌المللی», «رئیس‌جمهور»).
func KindOf(parts []string) string {
	if parts[0] == "می" || parts[0] == "نمی" {
		return "mi"
	}
	rest := parts[1:]
	for _, p := range rest {
		if strings.HasPrefix(p, "ها") {
			return "plural"
		}
	}
	for _, p := range rest {
		switch p {
		case "تر", "تری", "ترین", "ترها":
			return "comparative"
		}
	}
	if len(rest) > 0 {
		switch rest[len(rest)-1] {
		case "ای", "ایی", "اند", "ام", "ایم", "اید", "است", "ات", "اش", "اشان", "مان", "تان", "شان", "ی", "یی":
			return "clitic"
		}
	}
	return "compound"
}

// Add scores one repaired text against its gold text. The restorer never
// changes letters, so the two skeletons must be identical.
func (t *Tally) Add(gold, out string) error {
	g, gl := skeleton(gold)
	o, ol := skeleton(out)
	if g != o {
		return fmt.Errorf("zwnj score: output letters differ from gold (%d vs %d skeleton runes)", len(g), len(o))
	}
	if t.Conf == nil {
		t.Conf = map[[2]byte]int{}
	}
	for i := range gl {
		t.Conf[[2]byte{gl[i], ol[i]}]++
	}
	n := len(gl) + 1
	if len(g) == 0 {
		return nil
	}
	if t.Kinds == nil {
		t.Kinds = map[string][2]int{}
	}
	gr := []rune(g)
	start := 0
	for i := 0; i < n; i++ {
		if i < n-1 && gl[i] != 'S' && gl[i] != 'P' {
			continue
		}
		hasZ, ok := false, true
		for k := start; k < i; k++ {
			hasZ = hasZ || gl[k] == 'Z'
			ok = ok && ol[k] == gl[k]
		}
		if ok && start > 0 {
			ok = ol[start-1] == 'S' || ol[start-1] == 'P'
		}
		if ok && i < n-1 {
			ok = ol[i] == 'S' || ol[i] == 'P'
		}
		t.Words++
		if ok {
			t.WordsOK++
		}
		if hasZ {
			t.ZWNJWords++
			var parts []string
			from := start
			for k := start; k < i; k++ {
				if gl[k] == 'Z' {
					parts = append(parts, string(gr[from:k+1]))
					from = k + 1
				}
			}
			parts = append(parts, string(gr[from:min(i+1, len(gr))]))
			kd := t.Kinds[KindOf(parts)]
			kd[0]++
			if ok {
				t.ZWNJWordOK++
				kd[1]++
			}
			t.Kinds[KindOf(parts)] = kd
		}
		start = i + 1
	}
	return nil
}

func (t *Tally) c(g, o byte) int { return t.Conf[[2]byte{g, o}] }

// Recall is the share of gold ZWNJ words reproduced exactly.
func (t *Tally) Recall() float64 { return metrics.Ratio(t.ZWNJWordOK, t.ZWNJWords) }

// WordAccuracy is the share of all gold words reproduced exactly.
func (t *Tally) WordAccuracy() float64 { return metrics.Ratio(t.WordsOK, t.Words) }

// Precision is the share of output ZWNJs that the gold has.
func (t *Tally) Precision() float64 {
	tp := t.c('Z', 'Z')
	return metrics.Ratio(tp, tp+t.c('N', 'Z')+t.c('S', 'Z'))
}

// BoundaryRecall is the share of gold ZWNJ boundaries that the output has.
func (t *Tally) BoundaryRecall() float64 {
	return metrics.Ratio(t.c('Z', 'Z'), t.c('Z', 'Z')+t.c('Z', 'N')+t.c('Z', 'S')+t.c('Z', 'P'))
}

// FalsePer1k counts output ZWNJs where the gold has none, per 1,000 gold words:
// inside a word (gold N, a false insertion) or between two words (gold S, a
// false join).
func (t *Tally) FalsePer1k() (inWord, join float64) {
	if t.Words == 0 {
		return 0, 0
	}
	k := 1000 / float64(t.Words)
	return float64(t.c('N', 'Z')) * k, float64(t.c('S', 'Z')) * k
}

// skeleton folds text to its letters and digits and labels the boundary after
// each skeleton character but the last with N, Z, S or P.
func skeleton(text string) (string, []byte) {
	var skel []rune
	var labels []byte
	pending := byte('N')
	started := false
	rank := func(b byte) int { return strings.IndexByte("NZSP", b) }
	for _, ch := range text {
		kind, letters := canonRune(ch)
		switch kind {
		case 'L':
			for k, c := range letters {
				if started {
					if k == 0 {
						labels = append(labels, pending)
					} else {
						labels = append(labels, 'N')
					}
				}
				skel = append(skel, c)
				started = true
				pending = 'N'
			}
		case 'D':
		default:
			if rank(kind) > rank(pending) {
				pending = kind
			}
		}
	}
	return string(skel), labels
}

var scoreFold = func() map[rune]rune {
	m := map[rune]rune{}
	for _, p := range [][2]string{
		{"يىئءۍېێےﻯ", "ی"}, {"كڪ", "ک"}, {"ةۀەہھ", "ه"}, {"أإٱٲٳ", "ا"}, {"ؤ", "و"},
		{"۰٠", "0"}, {"۱١", "1"}, {"۲٢", "2"}, {"۳٣", "3"}, {"۴٤", "4"},
		{"۵٥", "5"}, {"۶٦", "6"}, {"۷٧", "7"}, {"۸٨", "8"}, {"۹٩", "9"},
	} {
		to := []rune(p[1])[0]
		for _, c := range p[0] {
			m[c] = to
		}
	}
	return m
}()

const scoreDrop = "\u0640\u200b\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad\u061c"

// canonRune classifies one character as the reference scorer does: L (letters,
// folded), Z, S, P or D (dropped).
func canonRune(ch rune) (byte, []rune) {
	switch {
	case ch == ZWNJ:
		return 'Z', nil
	case unicode.IsSpace(ch):
		return 'S', nil
	case strings.ContainsRune(scoreDrop, ch):
		return 'D', nil
	}
	var out []rune
	var space, punct bool
	for _, c := range norm.NFKC.String(string(ch)) {
		if strings.ContainsRune(scoreDrop, c) || unicode.In(c, unicode.Mn, unicode.Me, unicode.Cf) {
			continue
		}
		if unicode.IsSpace(c) {
			space = true
			continue
		}
		if unicode.IsLetter(c) || unicode.IsNumber(c) {
			if f, ok := scoreFold[c]; ok {
				c = f
			}
			out = append(out, unicode.ToLower(c))
		} else {
			punct = true
		}
	}
	switch {
	case len(out) > 0:
		return 'L', out
	case punct:
		return 'P', nil
	case space:
		return 'S', nil
	}
	return 'D', nil
}
