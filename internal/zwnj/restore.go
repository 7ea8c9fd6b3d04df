package zwnj

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Thresholds of the decisions, tuned on perdt-dev (never on perdt-test).
const (
	// A word seen joined is rewritten with a ZWNJ only if the ZWNJ form was seen
	// at least minA times and ratioA times more often than the joined form.
	minA   = 2
	ratioA = 2.0
	// An unknown word is split into stem + suffix only if the stem is common
	// enough that the split is not a coincidence.
	minStem = 3
	// Two known words glued together («جینپینگ») are split only if both are
	// this common; the score is scaled down so that any morphological reading wins.
	minCompound = 50
	// A space becomes a ZWNJ («رئیس جمهور» → «رئیس‌جمهور») only if the joined
	// form was seen at least minB times and ratioB times more often than the
	// two words side by side.
	minB   = 3
	ratioB = 3.0
)

type suffixRule uint8

const (
	zAfterJoining suffixRule = iota // ZWNJ after any joining letter: «نشست‌های»
	zAfterHeh                       // ZWNJ only after silent heh: «داشته‌اند»
	zAfterHehYe                     // after heh or yeh: «منطقه‌ای», «همکاری‌ای»
)

type suffix struct {
	s    string
	rule suffixRule
}

// suffixes are the inflectional endings written with a ZWNJ, longest first so
// that «هایشان» is tried before «ها».
var suffixes = func() []suffix {
	ss := []suffix{
		{"هایشان", zAfterJoining}, {"هایتان", zAfterJoining}, {"هایمان", zAfterJoining},
		{"هایش", zAfterJoining}, {"هایت", zAfterJoining}, {"هایم", zAfterJoining},
		{"هایی", zAfterJoining}, {"های", zAfterJoining}, {"هاست", zAfterJoining}, {"ها", zAfterJoining},
		{"ترین", zAfterJoining}, {"تری", zAfterJoining}, {"تر", zAfterJoining},
		{"اند", zAfterHeh}, {"ایم", zAfterHeh}, {"اید", zAfterHeh}, {"ام", zAfterHeh},
		{"ات", zAfterHeh}, {"اش", zAfterHeh}, {"است", zAfterHeh},
		{"شان", zAfterHeh}, {"مان", zAfterHeh}, {"تان", zAfterHeh},
		{"ایی", zAfterHehYe}, {"ای", zAfterHehYe},
	}
	slices.SortStableFunc(ss, func(a, b suffix) int { return len(b.s) - len(a.s) })
	return ss
}()

// standaloneSuffix are endings that never stand alone as words in news prose:
// written after a space they belong to the word before.
var standaloneSuffix = map[string]bool{
	"ها": true, "های": true, "هایی": true, "هایم": true, "هایت": true, "هایش": true,
	"هایمان": true, "هایتان": true, "هایشان": true, "هاست": true, "ترین": true,
}

// afterHehSuffix stand alone only rarely; after a word ending in silent heh
// they are its ending («خانه ای» → «خانه‌ای», «داشته اند» → «داشته‌اند»).
var afterHehSuffix = map[string]bool{
	"ای": true, "ایی": true, "اند": true, "ایم": true, "اید": true, "ام": true,
}

// verbPrefixes attach to the verb after them with a ZWNJ.
var verbPrefixes = []string{"نمی", "می"}

// Restore returns s with ZWNJs restored in run-together words and in spaces that
// stand for a ZWNJ. It changes nothing else: only ZWNJs are inserted and single
// spaces between two Persian words turned into ZWNJs. s must already be letter
// normalized (persian.Letters).
func (r *Restorer) Restore(s string) string {
	ws := scanWords(s)
	if len(ws) == 0 {
		return s
	}
	var inserts []int // byte offsets in s where a ZWNJ goes
	var spaces []int  // byte offsets of spaces that become ZWNJs
	forms := make([]string, len(ws))
	for i, w := range ws {
		text := s[w.start:w.end]
		forms[i] = text
		if w.hasZ || utf8.RuneCountInString(text) > maxWordRunes {
			continue
		}
		fixed := r.fixWord(text)
		if fixed == text {
			continue
		}
		forms[i] = fixed
		for j, k := 0, 0; j < len(fixed); {
			if strings.HasPrefix(fixed[j:], zwnjStr) {
				inserts = append(inserts, w.start+k)
				j += len(zwnjStr)
				continue
			}
			_, n := utf8.DecodeRuneInString(fixed[j:])
			j += n
			k += n
		}
	}
	cur := forms[0]
	for i := 1; i < len(ws); i++ {
		if ws[i].start == ws[i-1].end+1 && s[ws[i-1].end] == ' ' && r.join(cur, forms[i]) {
			spaces = append(spaces, ws[i-1].end)
			cur = cur + zwnjStr + forms[i]
			continue
		}
		cur = forms[i]
	}
	if len(inserts) == 0 && len(spaces) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 3*(len(inserts)+len(spaces)))
	last := 0
	for len(inserts) > 0 || len(spaces) > 0 {
		if len(spaces) == 0 || (len(inserts) > 0 && inserts[0] < spaces[0]) {
			b.WriteString(s[last:inserts[0]])
			b.WriteString(zwnjStr)
			last = inserts[0]
			inserts = inserts[1:]
			continue
		}
		b.WriteString(s[last:spaces[0]])
		b.WriteString(zwnjStr)
		last = spaces[0] + 1
		spaces = spaces[1:]
	}
	b.WriteString(s[last:])
	return b.String()
}

type wordSpan struct {
	start, end int
	hasZ       bool
}

// scanWords finds the Persian words of s: maximal runs of letters and marks,
// joined by ZWNJs between letters.
func scanWords(s string) []wordSpan {
	var ws []wordSpan
	in := false
	var cur wordSpan
	lastLetterEnd := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if in {
				cur.end = lastLetterEnd
				ws = append(ws, cur)
				in = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isLetter(r) || isMark(r):
			if !in {
				cur = wordSpan{start: i}
				in = true
			} else if lastLetterEnd != i {
				cur.hasZ = true
			}
			lastLetterEnd = i + n
		case r == ZWNJ && in:
			// stays in the word if a letter follows
		default:
			if in {
				cur.end = lastLetterEnd
				ws = append(ws, cur)
				in = false
			}
		}
		i += n
	}
	if in {
		cur.end = lastLetterEnd
		ws = append(ws, cur)
	}
	return ws
}

// fixWord returns the run-together word w (no ZWNJ) as it should be written.
func (r *Restorer) fixWord(w string) string {
	if fs, ok := r.forms[w]; ok {
		return r.bestKnown(w, fs)
	}
	c, _ := r.analyse(w, 2)
	return c
}

// bestKnown picks among the seen forms of key w: a ZWNJ form wins over the
// joined spelling only if it is clearly more common.
func (r *Restorer) bestKnown(w string, fs []form) string {
	best := fs[0]
	if best.w == w || best.n < minA {
		return w
	}
	var joined uint32
	for _, f := range fs {
		if f.w == w {
			joined = f.n
		}
	}
	if float64(best.n) > ratioA*float64(joined) {
		return best.w
	}
	return w
}

// known returns the written form of w and how often its key was seen, reading
// unknown words through morphology up to depth levels deep.
func (r *Restorer) known(w string, depth int) (string, uint32) {
	if fs, ok := r.forms[w]; ok {
		var n uint32
		for _, f := range fs {
			n += f.n
		}
		return r.bestKnown(w, fs), n
	}
	if depth <= 0 {
		return w, 0
	}
	return r.analyse(w, depth)
}

// analyse reads an unknown word as prefix + stem + suffix or as two known
// words, and returns the best reading with its score (0 if none).
func (r *Restorer) analyse(w string, depth int) (string, uint32) {
	best, bestN := w, uint32(0)
	consider := func(c string, n uint32) {
		if n > bestN {
			best, bestN = c, n
		}
	}
	for _, suf := range suffixes {
		if !strings.HasSuffix(w, suf.s) {
			continue
		}
		stem := w[:len(w)-len(suf.s)]
		if utf8.RuneCountInString(stem) < 2 {
			continue
		}
		sf, n := r.known(stem, depth-1)
		if n < minStem {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(stem)
		z := false
		if joinsAfter(last) {
			switch suf.rule {
			case zAfterJoining:
				z = true
			case zAfterHeh:
				z = last == 'ه'
			case zAfterHehYe:
				z = last == 'ه' || last == 'ی'
			}
		}
		if z {
			consider(sf+zwnjStr+suf.s, n)
		} else {
			consider(sf+suf.s, n)
		}
	}
	for _, p := range verbPrefixes {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		rf, n := r.known(rest, depth-1)
		if n >= minStem {
			consider(p+zwnjStr+rf, n)
		}
	}
	if bestN == 0 {
		// Two common words glued together, split where the first one ends in
		// a joining letter.
		for i, c := range w {
			if i == 0 {
				continue
			}
			x, y := w[:i], w[i:]
			last, _ := utf8.DecodeLastRuneInString(x)
			if !joinsAfter(last) || isMark(c) || utf8.RuneCountInString(x) < 2 || utf8.RuneCountInString(y) < 2 {
				continue
			}
			nx, ny := r.total(x), r.total(y)
			if nx >= minCompound && ny >= minCompound {
				consider(x+zwnjStr+y, min(nx, ny)/minCompound)
			}
		}
	}
	return best, bestN
}

func (r *Restorer) total(w string) uint32 {
	var n uint32
	for _, f := range r.forms[w] {
		n += f.n
	}
	return n
}

// join decides whether the space between a and b stands for a ZWNJ.
func (r *Restorer) join(a, b string) bool {
	last, _ := utf8.DecodeLastRuneInString(a)
	if !isLetter(last) && !isMark(last) {
		return false
	}
	if standaloneSuffix[b] {
		return true
	}
	if afterHehSuffix[b] && last == 'ه' && utf8.RuneCountInString(a) > 1 {
		return true
	}
	if (a == "می" || a == "نمی") && r.total(b) > 0 {
		return true
	}
	if !joinsAfter(last) {
		return false
	}
	cz := r.count(a + zwnjStr + b)
	if cz < minB {
		return false
	}
	cs := r.pairs[a+" "+b]
	return float64(cz) > ratioB*float64(cs)
}
