package zwnj

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"khabar/internal/persian"
)

// NewsHeldOut reports whether article i (0-based line number) of
// news-2025-4agencies/articles.jsonl is held out of the model for evaluation.
// Every fourth article is: the model is built from the other three quarters.
func NewsHeldOut(i int) bool { return i%4 == 3 }

// Sources names the files a model is built from, relative to DataDir
// (../shared/data). PerDT is deliberately absent: perdt-dev is for tuning and
// perdt-test for the reported numbers, so neither may feed the model.
type Sources struct {
	DataDir string
}

// Weights of each source in the counts. Edited modern news is the best evidence
// of how a word is written; Fars News is large but mixes conventions; the
// lexicons say a form exists but not how common it is.
const (
	weightNews  = 4
	weightFars  = 1
	weightLilak = 1
)

// Build reads the sources and returns the gzipped model: one line per word form
// as written in correct text («نشست‌های\t412»), one line per spaced word pair
// whose joined form is known («نشست های\t3», marked by a leading space), and
// tag lines for adjectives and verb stems («@a بزرگ», «@p کن», «@s کرد»), sorted
// so that rebuilding gives identical bytes.
func Build(src Sources) ([]byte, error) {
	uni := map[string]float64{}

	newsTexts, newsEdited, err := readNews(filepath.Join(src.DataDir, "news-2025-4agencies", "articles.jsonl"), false)
	if err != nil {
		return nil, err
	}
	farsTexts, err := readFars(filepath.Join(src.DataDir, "fars-news"))
	if err != nil {
		return nil, err
	}
	for i, t := range newsTexts {
		if !newsEdited[i] {
			countZWNJWords(uni, t, weightNews)
			continue
		}
		countWords(uni, t, weightNews)
	}
	for _, t := range farsTexts {
		if !farsEdited(t) {
			countZWNJWords(uni, t, weightFars)
			continue
		}
		countWords(uni, t, weightFars)
	}

	tags := map[string]bool{} // "@a word" adjectives, "@p stem" present and "@s stem" past verb stems
	lex := lexicons{hazm: map[string]float64{}, lilak: map[string]bool{}}
	if err := readHazm(uni, tags, lex.hazm, filepath.Join(src.DataDir, "lexicons", "hazm", "words.dat")); err != nil {
		return nil, err
	}
	if err := readVerbs(tags, filepath.Join(src.DataDir, "lexicons", "hazm", "verbs.dat")); err != nil {
		return nil, err
	}
	if err := readLilak(uni, lex.lilak, filepath.Join(src.DataDir, "lexicons", "lilak", "lexicon")); err != nil {
		return nil, err
	}

	// Spaced pairs are counted only where the joined form exists, since they
	// only serve to decide whether «a b» should be «a‌b».
	joinable := map[string]bool{}
	for w := range uni {
		for i := 0; i < len(w); {
			j := strings.IndexRune(w[i:], ZWNJ)
			if j < 0 {
				break
			}
			joinable[w[:i+j]+" "+w[i+j+len(zwnjStr):]] = true
			i += j + len(zwnjStr)
		}
	}
	past := map[string]bool{}
	for t := range tags {
		if stem, ok := strings.CutPrefix(t, "@s "); ok {
			past[stem] = true
		}
	}
	pairs := map[string]float64{}
	for i, t := range newsTexts {
		if newsEdited[i] {
			countPairs(pairs, joinable, past, t, weightNews)
		}
	}
	for _, t := range farsTexts {
		if farsEdited(t) {
			countPairs(pairs, joinable, past, t, weightFars)
		}
	}
	ctx := contextCounts(uni, newsTexts, newsEdited, farsTexts)

	var lines []string
	lines = append(lines, ctx...)
	for w, c := range uni {
		n := int(math.Round(c))
		if n < 1 {
			n = 1
		}
		lines = append(lines, w+"\t"+strconv.Itoa(n))
	}
	for p, c := range pairs {
		n := int(math.Round(c))
		if n < 1 {
			continue
		}
		lines = append(lines, " "+p+"\t"+strconv.Itoa(n))
	}
	for t := range tags {
		lines = append(lines, t)
	}
	lines = append(lines, compoundParts(uni)...)
	lines = append(lines, joinedHeads(uni)...)
	lines = append(lines, standardForms(uni, lex)...)
	lines = append(lines, letterContexts(uni)...)
	// Word lines sort by key (the word without ZWNJ), then form, so that the
	// forms of one key are neighbours and the loader stores each key once.
	sortKey := func(l string) string {
		if l == "" || l[0] == '@' || l[0] == ' ' {
			return l
		}
		w, _, _ := strings.Cut(l, "\t")
		return strings.ReplaceAll(w, zwnjStr, "")
	}
	slices.SortFunc(lines, func(a, b string) int {
		if c := strings.Compare(sortKey(a), sortKey(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})

	// Rare words are decided by morphology, which is slow; decide them now,
	// with the model as built so far, and store the decisions that differ
	// from the plain look-up.
	draft, err := writeModel(lines)
	if err != nil {
		return nil, err
	}
	rs, err := Load(bytes.NewReader(draft))
	if err != nil {
		return nil, fmt.Errorf("zwnj model: draft: %w", err)
	}
	var decided []string
	for k, fs := range rs.forms {
		if !rs.weak(fs) {
			continue
		}
		if d := rs.fixForms(k, fs, true); d != rs.bestKnown(k, fs, "") {
			decided = append(decided, "@d "+k+"\t"+d)
		}
	}
	slices.Sort(decided)
	return writeModel(append(decided, lines...))
}

// writeModel gzips the model lines. A fixed gzip header (no name, no time)
// keeps the bytes identical across builds.
func writeModel(lines []string) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("zwnj model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# khabar zwnj model v1: form<TAB>count; \" a b\" = spaced pair\n")
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return nil, fmt.Errorf("zwnj model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("zwnj model: %w", err)
	}
	return buf.Bytes(), nil
}

// Compound parts seen in at least minCompoundPart different ZWNJ words are
// productive: «‌نامه», «‌گرا», «‌کننده» as heads, «بی‌», «هم‌», «نیم‌» as
// first parts. The restorer splits unknown words at them.
const minCompoundPart = 8

// compoundParts returns tag lines «@h head\tN» and «@f first\tN»: N is the number of
// different ZWNJ words ending (starting) with the part.
func compoundParts(uni map[string]float64) []string {
	heads, firsts := map[string]int{}, map[string]int{}
	for w := range uni {
		parts := strings.Split(w, zwnjStr)
		if len(parts) != 2 {
			continue
		}
		heads[parts[1]]++
		firsts[parts[0]]++
	}
	var out []string
	for p, n := range heads {
		if n >= minCompoundPart && utf8.RuneCountInString(p) >= 2 {
			out = append(out, "@h "+p+"\t"+strconv.Itoa(n))
		}
	}
	for p, n := range firsts {
		if n >= minCompoundPart && utf8.RuneCountInString(p) >= 2 {
			out = append(out, "@f "+p+"\t"+strconv.Itoa(n))
		}
	}
	return out
}

// joinedHeads returns tag lines «@j head\tN»: for each productive compound
// head (see compoundParts), the number of different words written joined
// that are a known word + the head («نمایشنامه»). Against the @h count of
// ZWNJ words it tells how the corpora write compounds with that head:
// «‌گرا» and «‌شناسی» mostly apart, «دهی» mostly joined.
func joinedHeads(uni map[string]float64) []string {
	heads := map[string]int{}
	for w := range uni {
		parts := strings.Split(w, zwnjStr)
		if len(parts) == 2 {
			heads[parts[1]]++
		}
	}
	joined := map[string]int{}
	for w := range uni {
		if strings.Contains(w, zwnjStr) {
			continue
		}
		for i := range w {
			if i == 0 {
				continue
			}
			x, y := w[:i], w[i:]
			if heads[y] < minCompoundPart || uni[x] < minHeadStem || utf8.RuneCountInString(x) < 2 || utf8.RuneCountInString(y) < 2 {
				continue
			}
			if last, _ := utf8.DecodeLastRuneInString(x); !joinsAfter(last) {
				continue
			}
			joined[y]++
		}
	}
	var out []string
	for y, n := range joined {
		out = append(out, "@j "+y+"\t"+strconv.Itoa(n))
	}
	return out
}

// minHeadStem is how often the part before a head must have been seen for
// a joined word to count as a compound with that head.
const minHeadStem = 3

// contextCounts returns tag lines for the words whose ZWNJ depends on
// context: keys written two ways, each common («کرده‌ای» and «کردهای»,
// «نشست‌های» and «نشسته‌ای»). «@> form\tnext\tN» counts the word after the
// form and «@< prev\tform\tN» the word before it, neighbours written as keys
// (no ZWNJ), so that damaged text finds them.
func contextCounts(uni map[string]float64, news []string, newsEdited []bool, fars []string) []string {
	byKey := map[string][]string{}
	for w, c := range uni {
		if c >= minAmbiguous {
			k := strings.ReplaceAll(w, zwnjStr, "")
			byKey[k] = append(byKey[k], w)
		}
	}
	ambiguous := map[string]bool{}
	for _, fs := range byKey {
		if len(fs) < 2 {
			continue
		}
		hi, lo := 0.0, math.Inf(1)
		for _, f := range fs {
			hi, lo = max(hi, uni[f]), min(lo, uni[f])
		}
		if lo >= ambiguousShare*hi {
			for _, f := range fs {
				ambiguous[f] = true
			}
		}
	}
	counts := map[string]float64{}
	count := func(t string, weight float64) {
		prev, prevSpaced := "", false
		words(t, func(w string, spaced bool) {
			if prevSpaced {
				if ambiguous[prev] {
					counts["@> "+prev+"\t"+strings.ReplaceAll(w, zwnjStr, "")] += weight
				}
				if ambiguous[w] {
					counts["@< "+strings.ReplaceAll(prev, zwnjStr, "")+"\t"+w] += weight
				}
			}
			prev, prevSpaced = w, spaced
		})
	}
	for i, t := range news {
		if newsEdited[i] {
			count(t, weightNews)
		}
	}
	for _, t := range fars {
		if farsEdited(t) {
			count(t, weightFars)
		}
	}
	var out []string
	for k, c := range counts {
		out = append(out, k+"\t"+strconv.Itoa(int(math.Round(c))))
	}
	return out
}

// A key is ambiguous if it was seen written two ways, each at least
// minAmbiguous times and ambiguousShare as often as the other.
const (
	minAmbiguous   = 2
	ambiguousShare = 0.1
)

// letterContexts returns tag lines «@c ab|cd\tZ\tN»: for two letters either
// side of a boundary inside a word, in how many different words (Z) a ZWNJ
// stands there and in how many (N) the letters join. Only contexts that lean
// to a ZWNJ are kept: they split unknown words such as «جینپینگ» («ن|پ»
// is rare inside a word) or «آسهآن» (alef madda after a joining letter).
func letterContexts(uni map[string]float64) []string {
	z, n := map[string]int{}, map[string]int{}
	for w := range uni {
		rs := []rune(w)
		var key []rune
		var zAt []bool // zAt[i]: a ZWNJ before key[i]
		for _, r := range rs {
			if r == ZWNJ {
				if len(zAt) > 0 {
					zAt[len(zAt)-1] = true
				}
				continue
			}
			key = append(key, r)
			zAt = append(zAt, false)
		}
		// zAt[i] now marks a ZWNJ after key[i].
		for i := 1; i < len(key); i++ {
			if !joinsAfter(key[i-1]) || isMark(key[i]) {
				continue
			}
			for _, c := range [2]string{letterContext(key, i), letterPair(key, i)} {
				if zAt[i-1] {
					z[c]++
				} else {
					n[c]++
				}
			}
		}
	}
	var out []string
	for c, zc := range z {
		if zc >= minContextWords && zc >= n[c] {
			out = append(out, "@c "+c+"\t"+strconv.Itoa(zc)+"\t"+strconv.Itoa(n[c]))
		}
	}
	return out
}

const minContextWords = 3

// letterContext is the two letters before and after boundary i of key, «^»
// and «$» standing for the word's edges.
func letterContext(key []rune, i int) string {
	at := func(j int) rune {
		switch {
		case j < 0:
			return '^'
		case j >= len(key):
			return '$'
		}
		return key[j]
	}
	return string([]rune{at(i - 2), at(i - 1), '|', at(i), at(i + 1)})
}

// letterPair is the letter before and after boundary i of key, the back-off
// when the wider letterContext is rare.
func letterPair(key []rune, i int) string {
	return string([]rune{key[i-1], '|', key[i]})
}

// canonicalForm returns w as the model stores it: letters normalized, no ZWNJ at
// the edges, none doubled, and none after a non-joining letter (ا د ذ ر ز ژ و),
// where it is invisible and edited text such as PerDT leaves it out.
func canonicalForm(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	var last rune = -1
	pendingZ := false
	for _, r := range w {
		if r == ZWNJ {
			pendingZ = true
			continue
		}
		if pendingZ && last >= 0 && joinsAfter(last) {
			b.WriteRune(ZWNJ)
		}
		pendingZ = false
		b.WriteRune(r)
		if !isMark(r) {
			last = r
		}
	}
	// A final hamza on heh is the ezafe («واژه‌نامهٔ»), not part of the word.
	return strings.TrimSuffix(b.String(), "\u0654")
}

// words splits letter-normalized text into word forms: maximal runs of
// Persian letters, marks and ZWNJ. It also reports, for each word, whether it
// is separated from the next one by plain spaces only.
func words(t string, fn func(w string, spacedToNext bool)) {
	var cur strings.Builder
	var pending string
	havePending := false
	onlySpace := true
	flushPending := func(spaced bool) {
		if havePending {
			fn(pending, spaced)
			havePending = false
		}
	}
	for _, r := range t {
		if isLetter(r) || isMark(r) || r == ZWNJ {
			if cur.Len() == 0 {
				flushPending(onlySpace)
			}
			cur.WriteRune(r)
			continue
		}
		if cur.Len() > 0 {
			w := canonicalForm(cur.String())
			cur.Reset()
			if w != "" {
				flushPending(false)
				pending, havePending = w, true
				onlySpace = true
			}
		}
		if r != ' ' {
			onlySpace = false
		}
	}
	if cur.Len() > 0 {
		w := canonicalForm(cur.String())
		if w != "" {
			flushPending(onlySpace)
			pending, havePending = w, true
		}
	}
	flushPending(false)
}

func countWords(uni map[string]float64, t string, weight float64) {
	words(t, func(w string, _ bool) {
		if utf8.RuneCountInString(w) <= maxWordRunes {
			uni[w] += weight
		}
	})
}

// countZWNJWords counts only the words written with a ZWNJ: in text that does
// not use ZWNJ consistently a ZWNJ is still good evidence, its absence is not.
func countZWNJWords(uni map[string]float64, t string, weight float64) {
	words(t, func(w string, _ bool) {
		if strings.Contains(w, zwnjStr) && utf8.RuneCountInString(w) <= maxWordRunes {
			uni[w] += weight
		}
	})
}

// farsEdited reports whether a Fars News article writes ZWNJ as edited text
// does: many ZWNJs and no verb prefix or plural ending standing alone. Older
// articles strip ZWNJs or write spaces instead, and would teach the model
// «میشود» and «می شود».
func farsEdited(t string) bool {
	n, z, spaced := 0, 0, 0
	words(t, func(w string, _ bool) {
		n++
		if strings.Contains(w, zwnjStr) {
			z++
		}
		switch w {
		case "می", "نمی", "ها", "های", "هایی":
			spaced++
		}
	})
	return spaced == 0 && z*1000 >= 40*n
}

// countPairs counts the spaced pairs of t that could be a joinable word. A
// participle followed by a verb («انجام شده است», «ثبت شده بود») is not
// counted: the restorer never joins it there (see isVerbal), so counting it
// would only outweigh the same pair used as an adjective («توافق انجام‌شده
// میان»), the one place it competes with the ZWNJ form. past holds the past
// stems; nil counts every pair.
func countPairs(pairs map[string]float64, joinable map[string]bool, past map[string]bool, t string, weight float64) {
	prev, pending := "", ""
	words(t, func(w string, spaced bool) {
		if pending != "" {
			b := pending[strings.IndexByte(pending, ' ')+1:]
			if !verbalParticiple(past, b, w) {
				pairs[pending] += weight
			}
			pending = ""
		}
		if prev != "" {
			if p := prev + " " + w; joinable[p] {
				pending = p
			}
		}
		if spaced {
			prev = w
		} else {
			prev = ""
		}
	})
	if pending != "" {
		pairs[pending] += weight
	}
}

// verbalParticiple reports a past participle followed by a verb, the case of
// Restorer.isVerbal that depends on the next word.
func verbalParticiple(past map[string]bool, b, next string) bool {
	stem, ok := strings.CutSuffix(b, "ه")
	if !ok || !past[stem] {
		return false
	}
	return isAuxiliary(next) || isCopula(next) || strings.HasPrefix(next, "شد") || strings.HasPrefix(next, "شو") ||
		strings.HasPrefix(next, "می") || strings.HasPrefix(next, "نمی")
}

// readNews returns the title, lead and body of every article of the 2025 news
// set that the model may see (heldOut=false) or that it must not (heldOut=true),
// and whether each article writes ZWNJ consistently (the set's own
// zwnj_consistent flag: no «می» or plural ending set off by a space).
func readNews(path string, heldOut bool) (texts []string, edited []bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("zwnj model: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for i := 0; sc.Scan(); i++ {
		if NewsHeldOut(i) != heldOut {
			continue
		}
		var a struct {
			Title, Lead, Body string
			Consistent        bool `json:"zwnj_consistent"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, nil, fmt.Errorf("zwnj model: %s line %d: %w", path, i+1, err)
		}
		texts = append(texts, persian.Letters(a.Title+"\n"+a.Lead+"\n"+a.Body))
		edited = append(edited, a.Consistent)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("zwnj model: %s: %w", path, err)
	}
	return texts, edited, nil
}

// NewsText returns the held-out (or training) articles of the 2025 news set
// that write ZWNJ consistently, one paragraph a line, as gold for evaluation.
// The others set off «می» or plural endings with spaces, and would count the
// restorer's repairs of them as errors.
func NewsText(path string, heldOut bool) (string, error) {
	ts, edited, err := readNews(path, heldOut)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i, t := range ts {
		if !edited[i] {
			continue
		}
		for _, l := range strings.Split(t, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				b.WriteString(l)
				b.WriteByte('\n')
			}
		}
	}
	return b.String(), nil
}

func readFars(dir string) ([]string, error) {
	var out []string
	for i := 1; i <= 5; i++ {
		path := filepath.Join(dir, fmt.Sprintf("fars-news-%d.json", i))
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("zwnj model: %w", err)
		}
		var arts []struct {
			Title      string   `json:"title"`
			Abstract   string   `json:"abstract"`
			Paragraphs []string `json:"paragraphs"`
		}
		if err := json.Unmarshal(data, &arts); err != nil {
			return nil, fmt.Errorf("zwnj model: %s: %w", path, err)
		}
		// One text per article: whether ZWNJ is used consistently is a property
		// of the article, not of a short paragraph.
		for _, a := range arts {
			parts := append([]string{a.Title, a.Abstract}, a.Paragraphs...)
			out = append(out, persian.Letters(strings.Join(parts, "\n")))
		}
	}
	return out, nil
}

// readHazm adds Hazm's word list; a listed word counts at least once.
func readHazm(uni map[string]float64, tags map[string]bool, raw map[string]float64, path string) error {
	return eachLine(path, func(line string) error {
		word, rest, ok := strings.Cut(line, "\t")
		if !ok {
			return nil
		}
		cnt, pos, _ := strings.Cut(rest, "\t")
		n, err := strconv.ParseFloat(cnt, 64)
		if err != nil {
			return fmt.Errorf("count %q: %w", cnt, err)
		}
		w := canonicalForm(persian.Letters(word))
		if w == "" || !isWordForm(w) {
			return nil
		}
		// Hazm's counts come from another, much larger corpus and do not
		// compare with ours; their logarithm still ranks «هم‌زمان» over «همزمان».
		uni[w] += 1 + math.Log10(1+n)
		raw[w] += n
		if slices.Contains(strings.Split(pos, ","), "AJ") {
			// Only adjectives take the comparative «‌تر» and «‌ترین».
			tags["@a "+w] = true
		}
		return nil
	})
}

// readVerbs adds Hazm's verb stems (past#present): «می» and «نمی» attach only
// to verb forms built on them.
func readVerbs(tags map[string]bool, path string) error {
	return eachLine(path, func(line string) error {
		past, present, ok := strings.Cut(line, "#")
		if !ok {
			return nil
		}
		if past = persian.Letters(past); past != "" {
			tags["@s "+past] = true
		}
		if present = persian.Letters(present); present != "" {
			tags["@p "+present] = true
		}
		return nil
	})
}

// readLilak adds Lilak's lexicon (word,pos,...): every entry is a correctly
// written form, inflected verbs included.
func readLilak(uni map[string]float64, has map[string]bool, path string) error {
	return eachLine(path, func(line string) error {
		if strings.HasPrefix(line, "#") {
			return nil
		}
		word, _, _ := strings.Cut(line, ",")
		w := canonicalForm(persian.Letters(strings.TrimSpace(word)))
		if w == "" || !isWordForm(w) {
			return nil
		}
		uni[w] += weightLilak
		has[w] = true
		return nil
	})
}

// isWordForm reports whether w is one word of Persian letters (with ZWNJ).
func isWordForm(w string) bool {
	for _, r := range w {
		if !isLetter(r) && !isMark(r) && r != ZWNJ {
			return false
		}
	}
	return true
}

func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("zwnj model: %w", err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for n := 1; ; n++ {
		line, err := r.ReadString('\n')
		line = strings.TrimRight(line, "\r\n")
		if line != "" {
			if ferr := fn(line); ferr != nil {
				return fmt.Errorf("zwnj model: %s line %d: %w", path, n, ferr)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("zwnj model: %s: %w", path, err)
		}
	}
}

// lexicons keeps what the two lexicons say about each form apart from the
// pooled counts: Hazm's own corpus count and whether Lilak (a spelling
// dictionary) lists it.
type lexicons struct {
	hazm  map[string]float64
	lilak map[string]bool
}

// hazmShare is how many times more often Hazm's corpus must have seen one
// form of a key than every other for Hazm to name it the standard spelling.
const hazmShare = 10

// standardForms returns tag lines «@l form» for the keys written more than one
// way in the model whose standard spelling the lexicons agree on: the only form
// Lilak lists, or the form Hazm's corpus saw hazmShare times more often than
// any other, and not contradicted by the other lexicon. The small news
// corpora mix conventions («پاکسازی» in Fars News, «پاک‌سازی» in edited
// text); the lexicons follow the standard orthography, which the restorer
// prefers where the counts are close (see stdBoost in restore.go).
func standardForms(uni map[string]float64, lex lexicons) []string {
	byKey := map[string][]string{}
	for w := range uni {
		k := strings.ReplaceAll(w, zwnjStr, "")
		byKey[k] = append(byKey[k], w)
	}
	var out []string
	for _, fs := range byKey {
		if len(fs) < 2 {
			continue
		}
		slices.Sort(fs)
		lilak, hazm := "", ""
		nl := 0
		for _, f := range fs {
			if lex.lilak[f] {
				lilak = f
				nl++
			}
		}
		if nl != 1 {
			lilak = ""
		}
		var best string
		var top, second float64
		for _, f := range fs {
			if n := lex.hazm[f]; n > top {
				best, top, second = f, n, top
			} else if n > second {
				second = n
			}
		}
		if top > 0 && top >= hazmShare*second {
			hazm = best
		}
		std := lilak
		switch {
		case lilak == "":
			std = hazm
		case hazm != "" && hazm != lilak:
			std = ""
		}
		if std != "" {
			out = append(out, "@l "+std)
		}
	}
	return out
}
