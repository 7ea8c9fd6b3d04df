package zwnj

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Thresholds of the decisions, tuned on perdt-dev (never on perdt-test).
const (
	// A word seen joined is rewritten with a ZWNJ only if the ZWNJ form was seen
	// ratioA times more often than the joined form. Below trustA sightings in
	// all, morphology has a say too.
	ratioA = 2.5
	// ratioHead replaces ratioA for a compound whose head the corpora write
	// apart in at least headApart of the compounds they make with it.
	ratioHead = 1.0
	headApart = 0.6
	// keepRatio: a line with more than keepRatio spaced affixes per
	// run-together word keeps its joined words (see Restore).
	keepRatio = 2
	// minNeverApart: a compound seen this many times with a ZWNJ and never
	// as two words is joined across a space whatever its joined count.
	minNeverApart = 5
	// keepZWNJ: a text with keepZWNJ times more ZWNJs than repairs it
	// seems to need keeps its joined words (see Restore).
	keepZWNJ = 2
	// biJoined: see biPrefix.
	biJoined = 10.0
	trustA   = 8
	// An unknown word is split into stem + suffix only if the stem is common
	// enough that the split is not a coincidence.
	minStem = 3
	// An unknown word with no reading is split where the two letters either
	// side were seen with a ZWNJ in at least minContextZ different words and
	// in contextShare of all words that have them.
	minContextZ  = 5
	contextShare = 0.9
	// minHead is how many different ZWNJ words a compound part must head (or
	// start) to be productive; compound readings are discounted so that an
	// inflectional reading of the same word wins.
	minHead          = 8
	compoundDiscount = 8
	identityBias     = 2
	minContext       = 2
	// minEvidence is how often the repaired form of a run-together word must
	// have been seen for the word to show that its line lost its ZWNJs.
	minEvidence = 5
	// verbScore is the score of «می» + a verb form: verbs are open class, so
	// their forms are read from the stems, not counted.
	verbScore = 1000
	// A space becomes a ZWNJ («بین المللی» → «بین‌المللی») only if the joined
	// form was seen at least minB times and ratioB times more often than the
	// two words side by side or glued; ratioBWeak in a line that shows no
	// other sign of spaces written for ZWNJs.
	minB       = 2
	ratioB     = 3.0
	ratioBWeak = 7.0
	// stdBoost multiplies the count of the form the lexicons name the
	// standard spelling (see standardForms in build.go).
	stdBoost = 3.0
	// A plural or comparative reading wins unless the joined spelling was
	// seen this many times more often than it (plus one).
	pluralBoost      = 2.0
	comparativeBoost = 2.0
	// numeralRatio: a numeral + word («سه شنبه») is a compound only if written
	// as one word this many times more often than apart.
	numeralRatio = 6.0
)

type suffixRule uint8

const (
	zAfterJoining suffixRule = iota // ZWNJ after any joining letter: «نشست‌های»
	zAfterHeh                       // ZWNJ only after silent heh: «خانه‌شان»
	zAfterVowel                     // after heh or yeh: «داشته‌اند», «منطقه‌ای», «زندگی‌ام»
	zNever                          // never a ZWNJ: «بیدار|م», «کتاب|ی»; a reading that keeps the word as it is
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
		{"ترین", zAfterJoining}, {"تریم", zAfterJoining}, {"ترند", zAfterJoining}, {"تری", zAfterJoining}, {"تر", zAfterJoining},
		{"اند", zAfterVowel}, {"ایم", zAfterVowel}, {"اید", zAfterVowel}, {"ام", zAfterVowel},
		{"ات", zAfterVowel}, {"اش", zAfterVowel}, {"است", zAfterVowel},
		{"شان", zAfterHeh}, {"مان", zAfterHeh}, {"تان", zAfterHeh},
		{"ایی", zAfterVowel}, {"ای", zAfterVowel},
		{"م", zNever}, {"ت", zNever}, {"ش", zNever}, {"ی", zNever}, {"ان", zNever},
		{"ند", zNever}, {"یم", zNever}, {"ید", zNever}, {"یش", zNever}, {"یت", zNever},
	}
	slices.SortStableFunc(ss, func(a, b suffix) int { return len(b.s) - len(a.s) })
	return ss
}()

// endsLongVowelYeh reports a word ending in alef or waw + yeh («بقای», «روی»).
func endsLongVowelYeh(w string) bool {
	w = strings.TrimSuffix(w, "ی")
	r, _ := utf8.DecodeLastRuneInString(w)
	return r == 'ا' || r == 'و'
}

// isSuffix marks the endings handled by the suffix rules above, which must not
// be read as compound heads without those rules.
var isSuffix = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range suffixes {
		m[s.s] = true
	}
	return m
}()

// affixAfter reports whether word b, written after a space, is an ending of
// the word a before it (ending in letter last, rn runes long). The plural
// endings and «ترین» never stand alone in news prose; «ای», «اند» and the like
// stand alone only rarely, and after a word ending in silent heh (or yeh, for
// a consonant + yeh) they are its ending: «خانه ای» → «خانه‌ای», «زندگی ام» →
// «زندگی‌ام».
func affixAfter(a, b string, last rune, rn int) bool {
	switch b {
	case "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست", "ترین":
		return true
	case "ای", "ایی", "ام", "اش", "ات", "اند", "ایم", "اید", "شان", "مان", "تان":
		return rn > 2 && (last == 'ه' || (last == 'ی' && !endsLongVowelYeh(a)))
	}
	// «بی» is a prefix, not a word: «بی درنگ» → «بی‌درنگ»; but as a
	// preposition it stands before a determiner or pronoun («بی آنکه», «بی
	// هیچ») and in «بی بی سی».
	return a == "بی" && !biPreposition(b)
}

// biPreposition reports the words before which «بی» is a preposition, a word
// of its own («بی آنکه»).
func biPreposition(b string) bool {
	switch b {
	case "بی", "آن", "آنکه", "آنچه", "این", "اینکه", "هیچ", "همه", "ما", "من", "تو", "او", "شما":
		return true
	}
	return false
}

// verbPrefixes attach to the verb after them with a ZWNJ; preverbs may stand
// before them in one word («برمی‌گردد»).
var (
	verbPrefixes = []string{"نمی", "می"}
	preverbs     = map[string]bool{"بر": true, "در": true, "فرو": true, "فرا": true, "وا": true, "باز": true}
)

// Verb endings after a present stem («می‌کن|ند», «می‌آ|یند») and after a
// past stem («می‌کرد|ند», «می‌کرد»); a past stem + «ه» is a participle.
var (
	presentEndings = []string{"م", "ی", "د", "یم", "ید", "ند", "یی", "ییم", "یید", "یند"}
	pastEndings    = []string{"", "م", "ی", "یم", "ید", "ند", "ه"}
)

// isVerbForm reports whether w is a verb stem with a personal ending, the form
// that takes «می».
func (r *Restorer) isVerbForm(w string) bool {
	for _, e := range presentEndings {
		if stem, ok := strings.CutSuffix(w, e); ok && r.present[stem] && (utf8.RuneCountInString(stem) > 1 || stem == "آ") {
			return true
		}
	}
	for _, e := range pastEndings {
		if stem, ok := strings.CutSuffix(w, e); ok && r.past[stem] {
			return true
		}
	}
	return false
}

// Restore returns s with ZWNJs restored in run-together words and in spaces that
// stand for a ZWNJ. It changes nothing else: only ZWNJs are inserted and single
// spaces between two Persian words turned into ZWNJs. s must already be letter
// normalized (persian.Letters).
func (r *Restorer) Restore(s string) string {
	sc := scratchPool.Get().(*scratch)
	defer func() {
		clear(sc.words) // do not keep the text alive in the pool
		scratchPool.Put(sc)
	}()
	sc.ws = scanWords(sc.ws[:0], s)
	ws := sc.ws
	if len(ws) == 0 {
		return s
	}
	// Each word on its own first: «نشستهای» → «نشست‌های».
	sc.words = slices.Grow(sc.words[:0], 2*len(ws))[:2*len(ws)]
	words, forms := sc.words[:len(ws)], sc.words[len(ws):]
	sc.left = slices.Grow(sc.left[:0], len(ws))[:len(ws)]
	clear(sc.left)
	left := sc.left
	runTogether := 0
	sc.ev = slices.Grow(sc.ev[:0], len(ws))[:len(ws)]
	clear(sc.ev)
	isEv := sc.ev
	for i, w := range ws {
		words[i] = s[w.start:w.end]
		forms[i] = words[i]
		if w.hasZ || (len(words[i]) > maxWordRunes && utf8.RuneCountInString(words[i]) > maxWordRunes) {
			left[i] = r.left[words[i]]
			continue
		}
		var fixed string
		var ambiguous, evidence bool
		h, hot := r.hot[words[i]]
		if hot {
			fixed, ambiguous, left[i], evidence = h.fixed, h.ambiguous, h.left, h.evidence
		} else {
			// Only a known word can be ambiguous or start a compound.
			fs, known := r.forms[words[i]]
			fixed = r.fixForms(words[i], fs, known)
			if known {
				ambiguous, left[i] = r.ambiguous[words[i]], r.left[words[i]]
			}
		}
		if ambiguous {
			fixed = r.fixInContext(s, ws, i, fixed)
		}
		if strings.HasSuffix(fixed, zwnjStr+"های") {
			fixed = r.notEzafe(s, ws, i, fixed)
		}
		if fixed != words[i] {
			forms[i] = fixed
			// Evidence of stripping only if the joined spelling is never
			// seen in correct text and the repaired one is common («میشود»),
			// unlike «اندازهای».
			if evidence || (!hot && r.isEvidence(words[i], fixed)) {
				runTogether++
				isEv[i] = true
			}
		}
	}
	if nz := strings.Count(s, zwnjStr); nz > 0 {
		// A text that writes its ZWNJs, far more of them than it seems to
		// lack, has kept them: its joined words are as the writer meant
		// them, unless the joined spelling is never seen in correct text
		// («میشود»). A text that lost most of its ZWNJs is repaired as usual.
		fixes := 0
		for i := range forms {
			if forms[i] != words[i] && !isEv[i] {
				fixes++
			}
		}
		if nz >= keepZWNJ*fixes {
			for i := range forms {
				if !isEv[i] {
					forms[i] = words[i]
				}
			}
		}
	}
	// Then the spaces: «نشست های» → «نشست‌های». A line that lost its ZWNJs to
	// a scraper has run-together words and no ZWNJ: its spaces are real
	// spaces, so compounds are joined across a space only in a line that
	// writes spaces for ZWNJs elsewhere too («می شود») and has no ZWNJ.
	sc.merged = slices.Grow(sc.merged[:0], len(ws))[:len(ws)]
	merged, affixJoins := r.joinSpaces(s, ws, words, left, 0, sc.merged)
	if runTogether == 0 && !strings.Contains(s, zwnjStr) {
		// Without spaced affixes the line may well be correct: a compound
		// must then be much more common joined than apart.
		ratio := ratioBWeak
		if affixJoins > 0 {
			ratio = ratioB
		}
		merged, _ = r.joinSpaces(s, ws, words, left, ratio, merged)
	}
	if affixJoins > keepRatio*runTogether && !strings.Contains(s, zwnjStr) {
		// A line that writes its affixes apart («می شود») has not run its
		// words together either (a word or two that look run together are
		// likelier the model's mistakes): its joined words are as the
		// writer meant them («کشورهای», «همچنین»).
		copy(forms, words)
	}
	var b strings.Builder
	changed := false
	last := 0
	for i := 0; i < len(ws); {
		j := i + 1
		for j < len(ws) && merged[j] {
			j++
		}
		out := forms[i]
		if j > i+1 {
			out = r.fixGroup(words[i:j], forms[i:j], ws[i:j])
		}
		if out != words[i] || j > i+1 {
			if !changed {
				b.Grow(len(s) + 16)
				changed = true
			}
			b.WriteString(s[last:ws[i].start])
			b.WriteString(out)
			last = ws[j-1].end
		}
		i = j
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// fixInContext chooses among the written forms of the ambiguous word i by the
// words beside it («نشستهای اتحادیه» → «نشست‌های», «کردهای است» →
// «کرده‌ای»). Context only breaks near ties: another form wins over the word's
// own decision (fixed) if it is at least a third as common, was seen at least
// minContext times beside these neighbours, and fixed never was.
func (r *Restorer) fixInContext(s string, ws []wordSpan, i int, fixed string) string {
	w := s[ws[i].start:ws[i].end]
	var prevKey, nextKey string
	if i > 0 && ws[i-1].end+1 == ws[i].start && s[ws[i-1].end] == ' ' {
		prevKey = stripZWNJ(s[ws[i-1].start:ws[i-1].end])
	}
	if i+1 < len(ws) && ws[i].end+1 == ws[i+1].start && s[ws[i].end] == ' ' {
		nextKey = stripZWNJ(s[ws[i+1].start:ws[i+1].end])
	}
	if prevKey == "" && nextKey == "" {
		return fixed
	}
	inContext := func(f string) uint32 { return r.prev[prevKey+"\t"+f] + r.next[f+"\t"+nextKey] }
	if inContext(fixed) > 0 {
		return fixed
	}
	var nFixed uint32
	for _, f := range r.forms[w] {
		if f.w == fixed {
			nFixed = f.n
		}
	}
	best, bestC := fixed, uint32(0)
	for _, f := range r.forms[w] {
		if f.w == fixed || 3*f.n < nFixed {
			continue
		}
		if c := inContext(f.w); c >= minContext && c > bestC {
			best, bestC = f.w, c
		}
	}
	return best
}

// notEzafe rereads a word repaired as a plural with the ezafe («کتاب‌های»)
// as a word in silent heh + «‌ای» («خانه‌ای») where the plural cannot be: the
// ezafe needs a modifier after it, and a function word or the end of a clause
// is none («شکسته‌ای که», «زمینه‌ای.»). The other reading needs its stem
// known.
func (r *Restorer) notEzafe(s string, ws []wordSpan, i int, fixed string) string {
	gap := s[ws[i].end:]
	if len(ws) == 1 {
		// A word alone (a search query, a label) is no clause: nothing says
		// the ezafe is missing, and the plural is far the commoner reading.
		return fixed
	}
	if i+1 < len(ws) {
		gap = s[ws[i].end:ws[i+1].start]
	}
	if i+1 < len(ws) && gap == " " {
		if !notModifier[s[ws[i+1].start:ws[i+1].end]] {
			return fixed
		}
	} else if rest := strings.TrimLeft(gap, " "); rest != "" && strings.IndexAny(rest, ".،؛:!?؟") != 0 {
		// Only the end of the line or a clause mark ends the phrase: a
		// bracket, quote, dash or number may be the modifier or come
		// before it («والی‌های (ساتراپ‌ها)», «سال‌های 1390»).
		return fixed
	}
	w := s[ws[i].start:ws[i].end]
	stem, ok := strings.CutSuffix(w, "ای")
	if !ok || !strings.HasSuffix(stem, "ه") || utf8.RuneCountInString(stem) < 3 || r.total(stem) < minStem {
		return fixed
	}
	return r.fixWord(stem) + zwnjStr + "ای"
}

// notModifier are the words that cannot follow an ezafe: function words and
// verbs of being.
var notModifier = map[string]bool{"که": true, "را": true, "و": true, "از": true, "به": true, "در": true, "با": true,
	"است": true, "بود": true, "شد": true, "نیز": true, "هم": true, "برای": true, "تا": true, "اند": true, "بودند": true,
	"شده": true, "باشد": true, "کرد": true, "داشت": true, "می": true, "یا": true, "اما": true, "ولی": true}

// fixGroup writes words that were written apart but form one word as that
// word: with a ZWNJ for every space between them, and the ZWNJs the whole
// word takes inside its parts («چشم اندازهای» → «چشم‌اندازهای», not
// «چشم‌اندازه‌ای», which «اندازهای» alone would become).
func (r *Restorer) fixGroup(words, forms []string, ws []wordSpan) string {
	hasZ := false
	for _, w := range ws {
		hasZ = hasZ || w.hasZ
	}
	if !hasZ {
		key := strings.Join(words, "")
		if utf8.RuneCountInString(key) <= maxWordRunes {
			fixed := r.fixWord(key)
			// Every boundary between the words must be a ZWNJ (or fall after a
			// letter that does not join, where a ZWNJ is added all the same).
			var b strings.Builder
			ok := true
			rest := fixed
			for k, w := range words {
				part, after, found := takeLetters(rest, w)
				if !found {
					ok = false
					break
				}
				// The whole word may drop a ZWNJ the part alone was given,
				// never add one.
				if !zwnjSubset(part, forms[k]) {
					part = forms[k]
				}
				b.WriteString(part)
				if k < len(words)-1 {
					b.WriteString(zwnjStr)
					after = strings.TrimPrefix(after, zwnjStr)
				}
				rest = after
			}
			if ok && rest == "" {
				return b.String()
			}
		}
	}
	return strings.Join(forms, zwnjStr)
}

// zwnjSubset reports whether every ZWNJ of a (between the same letters) is
// also in b.
func zwnjSubset(a, b string) bool {
	i, j := 0, 0
	for i < len(a) {
		if strings.HasPrefix(a[i:], zwnjStr) {
			if !strings.HasPrefix(b[j:], zwnjStr) {
				return false
			}
			i += len(zwnjStr)
			j += len(zwnjStr)
			continue
		}
		if strings.HasPrefix(b[j:], zwnjStr) {
			j += len(zwnjStr)
			continue
		}
		_, n := utf8.DecodeRuneInString(a[i:])
		i += n
		j += n
	}
	return true
}

// takeLetters takes from the front of fixed the letters of w (with the ZWNJs
// fixed has among them) and returns them and the rest.
func takeLetters(fixed, w string) (part, rest string, ok bool) {
	i := 0
	for _, c := range w {
		for strings.HasPrefix(fixed[i:], zwnjStr) {
			i += len(zwnjStr)
		}
		r, n := utf8.DecodeRuneInString(fixed[i:])
		if r != c || n == 0 {
			return "", "", false
		}
		i += n
	}
	return fixed[:i], fixed[i:], true
}

// joinSpaces reports for each word whether the single space before it stands
// for a ZWNJ, and how many of those joins are affixes.
// Compounds are joined only if ratio > 0, at that ratio of joined to apart.
// merged is filled in and returned; it must have len(ws).
func (r *Restorer) joinSpaces(s string, ws []wordSpan, words []string, left []uint64, ratio float64, merged []bool) ([]bool, int) {
	affixes := 0
	clear(merged)
	cur, curLeft := words[0], left[0]
	for i := 1; i < len(ws); i++ {
		if ws[i].start == ws[i-1].end+1 && s[ws[i-1].end] == ' ' {
			next := ""
			if i+1 < len(ws) {
				next = words[i+1]
			}
			if j := r.join(cur, words[i], next, curLeft, ratio); j != noJoin {
				merged[i] = true
				if j == affixJoin {
					affixes++
				}
				cur = cur + zwnjStr + words[i]
				if ratio > 0 {
					curLeft = r.left[cur]
				}
				continue
			}
		}
		cur, curLeft = words[i], left[i]
	}
	return merged, affixes
}

// scratch holds the per-call slices of Restore, reused across calls (and
// goroutines, through scratchPool) to spare the garbage collector.
type scratch struct {
	ws     []wordSpan
	words  []string
	left   []uint64
	merged []bool
	ev     []bool // words whose repair shows the text lost its ZWNJs
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

type wordSpan struct {
	start, end int
	hasZ       bool
}

// scanWords finds the Persian words of s: maximal runs of letters and marks,
// joined by ZWNJs between letters.
// The spans are appended to ws.
func scanWords(ws []wordSpan, s string) []wordSpan {
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
		var r rune
		var n int
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// Two-byte UTF-8, where all of Arabic script lives: decoded
			// inline, since this loop sees every byte of the text.
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isLetter(r) || (in && isMark(r)):
			// A mark continues a word; it cannot start one.
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
// Forms seen often enough decide alone; rarer words are also read through
// morphology, which knows that «خانهای» is far likelier «خانه» + «ای» than
// «خان» + «های» even when both forms were seen once.
func (r *Restorer) fixWord(w string) string {
	if h, ok := r.hot[w]; ok {
		return h.fixed
	}
	return r.fixRare(w)
}

// fixRare is fixWord for a word that is not among the hot words.
func (r *Restorer) fixRare(w string) string {
	fs, ok := r.forms[w]
	return r.fixForms(w, fs, ok)
}

// fixForms is fixRare with the word's forms already looked up.
func (r *Restorer) fixForms(w string, fs []form, ok bool) string {
	// The ezafe hamza («واژه‌نامهٔ») belongs to the phrase, not the word.
	if base, found := strings.CutSuffix(w, "\u0654"); found {
		return r.fixWord(base) + "\u0654"
	}
	if !ok {
		c, _ := r.analyse(w, 2)
		return c
	}
	// The comparative and plural endings are written apart by the standard
	// orthography (Academy of Persian Language and Literature) and by edited
	// text such as PerDT: after an adjective «‌تر» and «‌ترین», after a noun
	// «‌ها» and «‌های», win unless the joined spelling is clearly the more
	// common («تنها», «بیشتر»). Lexicons list many joined plurals
	// («جیبهایش») only as dictionary entries, which says nothing of their
	// spelling.
	if c := r.comparative(w); c != "" && r.endingWins(c, w, fs, comparativeBoost) {
		return c
	}
	if c := r.plural(w); c != "" && r.endingWins(c, w, fs, pluralBoost) {
		return c
	}
	if c := r.biPrefix(w, fs); c != "" {
		return c
	}
	if !r.weak(fs) {
		return r.bestKnown(w, fs, "")
	}
	if r.decided != nil {
		if d, ok := r.decided[w]; ok {
			return d
		}
		return r.bestKnown(w, fs, "")
	}
	c, n := r.analyse(w, 2)
	if n < minStem {
		c = ""
	}
	return r.bestKnown(w, fs, c)
}

// isEvidence reports whether repairing w to fixed shows that the text lost
// its ZWNJs: w is never written joined and fixed is common.
func (r *Restorer) isEvidence(w, fixed string) bool {
	return fixed != w && r.count(w) == 0 && r.count(fixed) >= minEvidence
}

// comparative returns w written as adjective + ZWNJ + «تر», «ترین» or «تری»,
// or «تر» with a plural or personal ending («بزرگ‌ترها», «بالغ‌تریم»), if it
// is one, or "".
func (r *Restorer) comparative(w string) string {
	for _, suf := range [...]string{"ترهای", "ترین", "ترها", "تریم", "ترند", "تری", "تر"} {
		if adj, ok := strings.CutSuffix(w, suf); ok && r.adjectives[adj] {
			if last, _ := utf8.DecodeLastRuneInString(adj); joinsAfter(last) {
				return adj + zwnjStr + suf
			}
		}
	}
	return ""
}

// plural returns w written as noun + ZWNJ + a plural ending («انسان‌ها»,
// «خیابان‌های») if it is one, or "". The demonstratives («آنها», «اینها») are
// left out: edited text writes them joined.
func (r *Restorer) plural(w string) string {
	for _, suf := range [...]string{"هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "ها"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || utf8.RuneCountInString(stem) < 2 || r.total(stem) < minStem {
			continue
		}
		switch stem {
		case "آن", "این", "همان", "همین":
			return ""
		}
		if last, _ := utf8.DecodeLastRuneInString(stem); joinsAfter(last) {
			return stem + zwnjStr + suf
		}
	}
	return ""
}

// biPrefix returns w written with a prefix that the standard orthography
// writes apart («بی‌طرف», «بی‌خود», «نیم‌کره»; see apartPrefixes), if the
// corpora have seen it so and the joined spelling is not biJoined times more
// common (a word of its own: «بیکاری» 18 to 1), or "". The lexicons and Fars
// News often join these prefixes.
func (r *Restorer) biPrefix(w string, fs []form) string {
	pre := ""
	for _, p := range apartPrefixes {
		if strings.HasPrefix(w, p) {
			pre = p
		}
	}
	rest, ok := strings.CutPrefix(w, pre)
	if pre == "" || !ok || utf8.RuneCountInString(rest) < 2 {
		return ""
	}
	if r.total(rest) < minStem {
		// A rare rest may still be a common word + an ending («سوادی»).
		if _, n := r.analyse(rest, 1); n < minStem {
			return ""
		}
	}
	c := pre + zwnjStr + rest
	var nc, nw uint32
	for _, f := range fs {
		switch f.w {
		case c:
			nc = f.n
		case w:
			nw = f.n
		}
	}
	if nc == 0 || float64(nw) >= biJoined*float64(nc) {
		return ""
	}
	return c
}

// apartPrefixes are the prefixes biPrefix writes apart. («هم» was tried
// too: on perdt-dev it cost more false ZWNJs than it gained.)
var apartPrefixes = []string{"بی", "نیم"}

// endingWins reports whether c, w read as a stem + a comparative or plural
// ending, should be written so: c is more common than any other ZWNJ form of
// the key, ties being left to morphology («هسته‌ای» over «هست‌های»,
// «خانه‌ای» over «خان‌های»), and boost times (one more than) its count beats
// the joined spelling w.
func (r *Restorer) endingWins(c, w string, fs []form, boost float64) bool {
	var nc, nw uint32
	for _, f := range fs {
		switch f.w {
		case c:
			nc = f.n
		case w:
			nw = f.n
		}
	}
	for _, f := range fs {
		if f.w != c && f.w != w && f.n >= nc {
			return false
		}
	}
	return boost*float64(nc+1) > float64(nw)
}

// weak reports whether a word's forms were seen too rarely to decide alone.
func (r *Restorer) weak(fs []form) bool {
	var total uint32
	for _, f := range fs {
		total += f.n
	}
	return total < trustA
}

// bestKnown picks among the seen forms of key w: a ZWNJ form wins over the
// joined spelling only if it is clearly more common. The reading of
// morphology, if any, counts double: it breaks ties between rare forms.
func (r *Restorer) bestKnown(w string, fs []form, morph string) string {
	score := func(f string, n uint32) float64 {
		s := float64(n)
		if r.standard[f] {
			s *= stdBoost
		}
		if f == morph {
			return 2*s + 1
		}
		return s
	}
	best, bestS, joined := w, -1.0, 0.0
	if morph != "" && morph != w {
		best, bestS = morph, 1
	}
	for _, f := range fs {
		s := score(f.w, f.n)
		if f.w == w {
			joined = s
		}
		if s > bestS {
			best, bestS = f.w, s
		}
	}
	ratio := ratioA
	if r.apartHead(best) {
		ratio = ratioHead
	}
	if best != w && bestS > ratio*joined {
		return best
	}
	return w
}

// apartHead reports whether f is a compound with one ZWNJ whose head the
// corpora write apart in at least headApart of its compounds («‌گرا»,
// «‌شناسی»): such a compound needs only be the more common spelling.
func (r *Restorer) apartHead(f string) bool {
	i := strings.Index(f, zwnjStr)
	if i < 0 || strings.Contains(f[i+len(zwnjStr):], zwnjStr) {
		return false
	}
	y := f[i+len(zwnjStr):]
	if isSuffix[y] {
		return false
	}
	z := float64(r.heads[y])
	return z >= minHead && z >= headApart*(z+float64(r.joinedHeads[y]))
}

// known returns the written form of w and how often its key was seen, reading
// unknown words through morphology up to depth levels deep.
func (r *Restorer) known(w string, depth int) (string, uint32) {
	if fs, ok := r.forms[w]; ok {
		var n uint32
		for _, f := range fs {
			n += f.n
		}
		return r.bestKnown(w, fs, ""), n
	}
	if depth <= 0 {
		return w, 0
	}
	// An unknown word read as a known word + an ending that changes nothing
	// («لیبیی» = «لیبی» + «ی») is too weak a stem to build on.
	f, n := r.analyse(w, depth)
	if f == w {
		return w, 0
	}
	return f, n
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
		if (suf.rule == zAfterHeh || suf.rule == zAfterVowel) && utf8.RuneCountInString(stem) < 3 {
			continue
		}
		// The comparative follows adjectives; the superlative «ترین» ends
		// few other words, so an unknown word read as a known word of three
		// letters or more + «ترین» is one («دهشتبارترین» from «دهشت‌بار»,
		// which the lexicons do not tag as an adjective).
		if strings.HasPrefix(suf.s, "تر") && !r.adjectives[stem] && (suf.s != "ترین" || utf8.RuneCountInString(stem) < 3) {
			continue
		}
		d := depth - 1
		if suf.rule == zNever {
			// A reading that changes nothing must not smuggle in a ZWNJ
			// that morphology put into the stem («نوشت‌ها|ند»).
			d = 0
		}
		sf, n := r.known(stem, d)
		if suf.rule == zNever && sf != stem {
			continue
		}
		if n < minStem {
			// A plural ending after an unknown stem is still a plural
			// ending («حوثیها»), though the weakest of readings.
			if !strings.HasPrefix(suf.s, "ها") || utf8.RuneCountInString(stem) < 3 {
				continue
			}
			n = 1
		}
		last, _ := utf8.DecodeLastRuneInString(stem)
		z := false
		if joinsAfter(last) {
			switch suf.rule {
			case zAfterJoining:
				z = true
			case zAfterHeh:
				z = last == 'ه'
			case zAfterVowel:
				// After yeh only where it ends a word like «زندگی» or «سنتی», not
				// «بقای» (long vowel + yeh).
				z = last == 'ه' || (last == 'ی' && !endsLongVowelYeh(stem))
			}
		}
		if z {
			consider(sf+zwnjStr+suf.s, n*pluralBias(suf.s))
		} else {
			// Leaving the word as it is costs nothing if wrong; inserting a
			// ZWNJ does. So a reading without one counts double.
			consider(sf+suf.s, identityBias*n)
		}
	}
	for _, p := range verbPrefixes {
		i := strings.Index(w, p)
		if i < 0 || (i > 0 && !preverbs[w[:i]]) {
			continue
		}
		rest := w[i+len(p):]
		if utf8.RuneCountInString(rest) < 2 || !r.isVerbForm(rest) {
			continue
		}
		consider(w[:i+len(p)]+zwnjStr+rest, verbScore)
	}
	// Compounds: a known word and a productive head («واژه» + «نامه»), or a
	// productive first part and a known word («بی» + «تعادلی»).
	for i, c := range w {
		if i == 0 || isMark(c) {
			continue
		}
		x, y := w[:i], w[i:]
		last, _ := utf8.DecodeLastRuneInString(x)
		if !joinsAfter(last) || utf8.RuneCountInString(x) < 2 || utf8.RuneCountInString(y) < 2 {
			continue
		}
		if h := r.heads[y]; h >= minHead && !isSuffix[y] && r.total(y) > 0 && (utf8.RuneCountInString(y) > 2 || (r.total(y) >= minStem && h >= 3*minHead)) {
			if xf, nx := r.known(x, 0); nx >= minStem {
				consider(xf+zwnjStr+y, min(nx, h)/compoundDiscount+1)
			}
		}
		if f := r.firsts[x]; f >= minHead && !strings.HasSuffix(x, "می") && utf8.RuneCountInString(y) > 2 {
			if yf, ny := r.known(y, depth-1); ny >= minStem {
				consider(x+zwnjStr+yf, min(ny, f)/compoundDiscount+1)
			}
		}
	}
	if bestN == 0 && depth == 2 {
		// No reading: a Chinese given name run together («جینپینگ»), or
		// split where the letters around the boundary almost always have a
		// ZWNJ between them in the words we know.
		if c, ok := splitPinyin(w); ok {
			consider(c, 1)
		} else if c, ok := r.splitByLetters(w); ok {
			consider(c, 1)
		}
	}
	return best, bestN
}

// Chinese given names are two syllables, which Persian writes as one word
// with a ZWNJ after a first syllable ending in «ن» («جین‌پینگ», «مین‌فنگ»): run
// together, «ن» joins the next syllable and the name misreads. A syllable is
// a consonant, at most two vowel letters and «ن» (the first) or «نگ» (the
// second, the ending that no Persian word ends a second part with after such
// a first part). Only words the model has never seen are split, and no word
// of the corpora matches the pattern except a run-together «جینپینگ».
var (
	pinyinInitials = "بپتجچدژسشکگلمنهفزخ"
	pinyinVowels   = "یاوئ"
)

// splitPinyin returns w as two Chinese syllables with a ZWNJ between them if
// it is one (see pinyinInitials).
func splitPinyin(w string) (string, bool) {
	rs := []rune(w)
	if len(rs) < 5 || len(rs) > 9 {
		return "", false
	}
	// syllable reports whether rs is initial + vowels (min to 2 or 3) + end.
	syllable := func(rs []rune, minV, maxV int, end string) bool {
		e := []rune(end)
		if len(rs) < 1+minV+len(e) || !strings.ContainsRune(pinyinInitials, rs[0]) || string(rs[len(rs)-len(e):]) != end {
			return false
		}
		v := rs[1 : len(rs)-len(e)]
		if len(v) < minV || len(v) > maxV {
			return false
		}
		for _, c := range v {
			if !strings.ContainsRune(pinyinVowels, c) {
				return false
			}
		}
		return true
	}
	for i := 3; i <= len(rs)-3; i++ {
		if syllable(rs[:i], 1, 2, "ن") && syllable(rs[i:], 0, 3, "نگ") {
			return string(rs[:i]) + zwnjStr + string(rs[i:]), true
		}
	}
	return "", false
}

// splitByLetters inserts a ZWNJ at each boundary of w whose letter context is
// a ZWNJ in at least contextShare of the known words that have it.
func (r *Restorer) splitByLetters(w string) (string, bool) {
	key := []rune(w)
	var b strings.Builder
	changed := false
	lastCut := 0
	for i, c := range key {
		if i > 0 && i-lastCut >= 2 && len(key)-i >= 2 && joinsAfter(key[i-1]) && !isMark(c) {
			cnt := r.contexts[letterContext(key, i)]
			if cnt[0]+cnt[1] < minContextZ {
				cnt = r.contexts[letterPair(key, i)]
			}
			if cnt[0] >= minContextZ && float64(cnt[0]) >= contextShare*float64(cnt[0]+cnt[1]) {
				b.WriteString(zwnjStr)
				changed = true
				lastCut = i
			}
		}
		b.WriteRune(c)
	}
	return b.String(), changed
}

func (r *Restorer) total(w string) uint32 {
	var n uint32
	for _, f := range r.forms[w] {
		n += f.n
	}
	return n
}

// join decides whether the space between a and b stands for a ZWNJ. Affixes
// are always joined; compounds («بین المللی») only if ratio > 0 and the model
// saw them joined ratio times more often than apart.
// aLeft is a's mask in Restorer.left.
func (r *Restorer) join(a, b, next string, aLeft uint64, ratio float64) joinKind {
	last, _ := utf8.DecodeLastRuneInString(a)
	if !isLetter(last) && !isMark(last) {
		return noJoin
	}
	if affixAfter(a, b, last, utf8.RuneCountInString(a)) {
		return affixJoin
	}
	// Comparative endings join adjectives: «عمیق تر» → «عمیق‌تر».
	if (b == "تر" || b == "تری") && r.adjectives[stripZWNJ(a)] {
		return affixJoin
	}
	if p, ok := strings.CutSuffix(a, "می"); ok && (p == "" || p == "ن" || preverbs[p] || preverbs[strings.TrimSuffix(p, "ن")]) {
		return affixJoin
	}
	if ratio <= 0 || !joinsAfter(last) {
		return noJoin
	}
	if aLeft == 0 || r.isVerbal(b, next) || (a == "بی" && b != "بی" && biPreposition(b)) || r.passive(a, b) {
		return noJoin
	}
	if determiners[a] {
		// A numeral's few ZWNJ compounds («سه‌شنبه») are joined only where the
		// compound is far more common than the numeral counting the word.
		if numerals[a] && r.compound(a, strings.TrimSuffix(b, "\u0654"), numeralRatio) {
			return lexicalJoin
		}
		return noJoin
	}
	// The ezafe hamza belongs to the phrase: look «واژه نامهٔ» up as «واژه نامه».
	b = strings.TrimSuffix(b, "\u0654")
	// A compound the model has seen, as it is or inflected («چشم اندازهای»:
	// «چشم‌انداز» + «های»), and seen far more often than the two words apart.
	seen := aLeft&runeBit(b) != 0
	if seen && r.compound(a, b, ratio) {
		return lexicalJoin
	}
	for _, suf := range suffixes {
		if !seen {
			break
		}
		if suf.rule == zNever && suf.s != "ی" && suf.s != "ان" {
			continue // personal endings do not follow a compound noun
		}
		stem, ok := strings.CutSuffix(b, suf.s)
		if !ok || utf8.RuneCountInString(stem) < 2 || (strings.HasPrefix(suf.s, "تر") && !r.adjectives[stripZWNJ(a)+stem]) {
			continue
		}
		if r.compound(a, stem, ratio) {
			return lexicalJoin
		}
	}
	// A compound never seen whole, with a head that makes more compounds
	// than it is used alone («تخمک گذاری», «مثبت اندیشی»; not «شده»), in a
	// line that writes other ZWNJs as spaces; an auxiliary («کرده باشی») is no head.
	if ratio == ratioB && !isAuxiliary(b) && !strings.Contains(a, zwnjStr) && r.total(a) >= minStem {
		if r.boundHead(b, b) {
			return lexicalJoin
		}
		// The head inflected: «اسلام گرایان», «نظریه پردازانی», «شبح وارند»,
		// where the inflected form is no common word of its own («دارای») nor
		// a verb («به فروش رسانند»).
		for _, e := range headEndings {
			if stem, ok := strings.CutSuffix(b, e); ok && r.total(b) < minStem && !r.isVerbForm(b) && r.boundHead(stem, b) {
				return lexicalJoin
			}
		}
	}
	return noJoin
}

// headEndings are the endings a compound head takes in the phrase: plural,
// ezafe/indefinite, comparative, personal.
var headEndings = [...]string{"انی", "ان", "های", "ها", "ترین", "تر", "ای", "ی", "اند", "ند"}

// boundHead reports whether h heads many ZWNJ compounds and is rarely a word
// of its own, nor is the written word w («‌گرا», «‌پذیر»; not «بار»).
func (r *Restorer) boundHead(h, w string) bool {
	n := r.heads[h]
	return n >= minHead && 4*r.total(h) <= n && 4*r.total(w) <= n && utf8.RuneCountInString(h) > 2
}

// compound reports whether a‌b is a word seen at least minB times and ratio
// times more often than «a b», plus half as often as «ab»: where the joined
// spelling is the usual one («آنچه»), a space between the two is likelier a
// real space. (Half: tuned on perdt-dev; in full it cost 1.2 points of B
// recall for 0.14 fewer false joins per 1,000 words.)
func (r *Restorer) compound(a, b string, ratio float64) bool {
	// One look-up of the key «ab» finds both a‌b and ab; the key is built on
	// the stack, since this runs for most pairs of words.
	var buf [128]byte
	key := appendKey(appendKey(buf[:0], a), b)
	var cz, cj uint32
	for _, f := range r.forms[string(key)] {
		if len(f.w) == len(a)+len(b) && f.w[:len(a)] == a && f.w[len(a):] == b {
			cj = f.n
		}
		if len(f.w) == len(a)+len(zwnjStr)+len(b) && f.w[:len(a)] == a && f.w[len(a):len(a)+len(zwnjStr)] == zwnjStr && f.w[len(a)+len(zwnjStr):] == b {
			cz = f.n
		}
	}
	if cz < minB {
		return false
	}
	// Where the head's compounds are mostly written apart, the joined
	// spelling is a variant of the compound, not evidence of a phrase.
	fj := float64(cj) / 2
	if r.apartHead(a + zwnjStr + b) {
		fj = 0
	}
	pair := append(append(append(buf[:0], a...), ' '), b...)
	np := r.pairs[string(pair)]
	if np == 0 && cz >= minNeverApart {
		// Seen often as one word, with a ZWNJ, and never as two: a space
		// here stands for the ZWNJ («وزارت خانه», «شیمی دان»).
		return true
	}
	return float64(cz) > ratio*(float64(np)+fj)
}

// appendKey appends w without its ZWNJs.
func appendKey(dst []byte, w string) []byte {
	for {
		i := strings.Index(w, zwnjStr)
		if i < 0 {
			return append(dst, w...)
		}
		dst = append(dst, w[:i]...)
		w = w[i+len(zwnjStr):]
	}
}

// determiners (and the preposition «به») stand before a noun as words of
// their own: «آن سو», «آن قدر», «همه روزهای», «چه چیزی», «هیچ گاه», «به
// راحتی» are phrases in edited text such as PerDT, and the compounds they
// make are written joined («آنچه», «همچنین»), not with a ZWNJ. (The plural
// «آن‌ها» is an ending, joined before this; «به‌طور» run together is
// repaired as a word, not across a space.)
var determiners = map[string]bool{"به": true, "آن": true, "این": true, "چه": true, "هیچ": true, "همه": true, "هر": true,
	// Numerals count the noun after them («یک لحظه», «سه رقمی», «هجده
	// سالگی»); the few compounds they make with a ZWNJ («سه‌شنبه»,
	// «هفت‌سین») stay apart across a space, the lesser error.
	"یک": true, "دو": true, "سه": true, "چهار": true, "پنج": true, "شش": true, "هفت": true, "هشت": true,
	"ده": true, "یازده": true, "دوازده": true, "سیزده": true, "چهارده": true, "پانزده": true, "شانزده": true,
	"هفده": true, "هجده": true, "نوزده": true, "بیست": true, "چهل": true, "پنجاه": true, "شصت": true,
	"هفتاد": true, "هشتاد": true, "نود": true, "صد": true, "هزار": true}

// numerals are the determiners that count, but «یک»: «یک لحظه», «یک دفعه»
// are phrases as often as compounds. See join.
var numerals = func() map[string]bool {
	m := map[string]bool{}
	for w := range determiners {
		switch w {
		case "به", "آن", "این", "چه", "هیچ", "همه", "هر", "یک":
		default:
			m[w] = true
		}
	}
	return m
}()

// isVerbal reports whether b is a verb form that follows its complement as a
// word of its own in a compound verb, so that the space before it is a space:
// a past stem with a personal ending or an infinitive («انجام شد», «واقع
// شدن»), the future auxiliary («از دست خواهی داد»), the perfect («چین
// خورده‌اند»), or a past participle
// followed by an auxiliary («درس خوانده بودند», «زده شده است»). A participle
// before anything else may be an adjective written with a ZWNJ
// («صدمه‌دیده», «سرکوب‌شده»), and «ی» after a past stem is as often the
// adjective ending («زیستی») as the personal one: the counts decide those.
func (r *Restorer) isVerbal(b, next string) bool {
	if stem, ok := strings.CutSuffix(b, "ه"); ok && r.past[stem] {
		return verbalParticiple(r.past, b, next)
	}
	if stem, ok := strings.CutSuffix(b, "ن"); ok && r.past[stem] {
		return true
	}
	// The perfect: a participle with the copula («خورده‌اند», «رفته‌ایم»).
	for _, c := range [...]string{"اند", "ایم", "اید", "ام", "ای", "است"} {
		if p, ok := strings.CutSuffix(b, c); ok {
			p = strings.TrimSuffix(p, zwnjStr)
			if stem, ok := strings.CutSuffix(p, "ه"); ok && r.past[stem] {
				return true
			}
		}
	}
	for _, e := range pastEndings {
		if e == "ی" || e == "ه" {
			continue
		}
		// A bare past stem is a verb only if its infinitive is in use:
		// Hazm lists archaic stems that are nouns today («تیره بخت»).
		if stem, ok := strings.CutSuffix(b, e); ok && r.past[stem] && (e != "" || r.total(stem+"ن") >= minStem) {
			return true
		}
	}
	if rest, ok := strings.CutPrefix(b, "خواه"); ok && (rest == "" || slices.Contains(presentEndings, rest)) {
		return true
	}
	return false
}

// passive reports a participle followed by a form of «شدن»: the passive
// («گذاشته شده», «ساخته شد»), a verb of two words, never a compound.
func (r *Restorer) passive(a, b string) bool {
	stem, ok := strings.CutSuffix(a, "ه")
	return ok && r.past[stem] && (strings.HasPrefix(b, "شد") || strings.HasPrefix(b, "شو"))
}

// isCopula reports the enclitic copula written as a word («است», «اند»).
func isCopula(w string) bool {
	switch w {
	case "است", "اند", "ایم", "اید", "ام", "ای", "هست", "هستند", "نیست", "نیستند":
		return true
	}
	return false
}

// isAuxiliary reports forms of «بودن» that follow a participle as a separate
// word («کرده باشی», «رفته بود»).
func isAuxiliary(w string) bool {
	return strings.HasPrefix(w, "باش") || strings.HasPrefix(w, "بود")
}

type joinKind uint8

const (
	noJoin      joinKind = iota
	affixJoin            // «نشست های», «می شود»: an ending or prefix
	lexicalJoin          // «رئیس جمهور»: a compound the model knows
)

// pluralBias weighs the plural reading of a word up: «لبهایم» is far likelier
// «لب‌هایم» than «لبه‌ایم», «زمینهای» likelier «زمین‌های» than «زمینه‌ای»
// when the two stems are about as common. (2 was best on perdt-dev.)
func pluralBias(suf string) uint32 {
	if strings.HasPrefix(suf, "ها") {
		return 2
	}
	return 1
}
