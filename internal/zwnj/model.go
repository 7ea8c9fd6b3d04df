// Package zwnj restores the zero-width non-joiners (U+200C) that scraped
// Persian text loses: words run together («نشستهای» → «نشست‌های») and spaces
// written for the ZWNJ («می شود» → «می‌شود»). Restorer implements
// persian.ZWNJRestorer with a model built from correctly written text (see
// build.go and LICENSES.md) and embedded in the binary; Default loads it once.
// eval.go scores a repair against gold text the way shared/tools/zwnj/score.py
// does.
package zwnj

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"khabar/internal/persian"
)

//go:generate go run gen.go

// modelGz is the generated model (see build.go and gen.go): word forms as
// written in correct text and spaced pairs, with weighted counts.
//
//go:embed model.txt.gz
var modelGz []byte

const (
	ZWNJ    = persian.ZWNJ
	zwnjStr = "\u200c"
	// maxWordRunes bounds the words the model keeps and the restorer analyses:
	// longer runs are not Persian words (or are glued garbage) and are left alone.
	maxWordRunes = 40
)

// form is one way of writing a key (a word without its ZWNJs) and how often it
// was seen.
type form struct {
	w string
	n uint32
}

// Restorer repairs ZWNJs with the model. It is immutable after Load and safe
// for concurrent use.
type Restorer struct {
	// forms maps a word with its ZWNJs removed to its written forms, most
	// frequent first.
	forms map[string][]form
	// pairs counts two words written with a space between them («رئیس جمهور»)
	// where the joined form («رئیس‌جمهور») is also known.
	pairs map[string]uint32
	// adjectives take the comparative endings; present and past verb stems
	// take the prefixes «می» and «نمی».
	adjectives, present, past map[string]bool
	// heads and firsts are productive compound parts, with the number of
	// different ZWNJ words they were seen in: «‌نامه», «بی‌».
	heads, firsts map[string]uint32
	// joinedHeads counts the different words written joined that are a known
	// word + a head: with heads, how the corpora write the head's compounds.
	joinedHeads map[string]uint32
	// contexts maps two letters either side of a boundary («ن|پی») to the
	// number of different words with a ZWNJ there and without one.
	contexts map[string][2]uint32
	// hot holds the repaired form of the most frequent words, decided at load
	// time: a small map that stays in the CPU cache answers most tokens of
	// running text without touching the large one.
	hot map[string]hotWord
	// next and prev count the word after («form\tnext») and before
	// («prev\tform») the forms of keys written two ways; ambiguous marks those
	// keys.
	next, prev map[string]uint32
	ambiguous  map[string]bool
	// left holds every part before a ZWNJ in a known form («رئیس» of
	// «رئیس‌جمهور», «می‌شده» of «می‌شده‌اند»), with a runeBit mask of the
	// letters the part after the ZWNJ starts with: only such a word, before
	// such a letter, can start a compound across a space, which spares most
	// word pairs any further look-up.
	left map[string]uint64
	// decided holds the repaired form of rare known words whose reading by
	// morphology differs from the plain look-up, decided when the model was
	// built (see Build). nil while Build drafts the model.
	decided map[string]string
	// standard marks the form the lexicons agree is the standard spelling of
	// a key the corpora write more than one way («پاک‌سازی»).
	standard map[string]bool
}

// hotWord is what Restore needs to know about a frequent word, in one look-up.
type hotWord struct {
	fixed     string // the word as it should be written
	ambiguous bool   // written two ways: context may decide
	left      uint64 // starts a known ZWNJ compound (see Restorer.left)
	evidence  bool   // written joined, shows the text lost its ZWNJs (see Restorer.isEvidence)
}

// runeBit is the bit of w's first rune in a 64-bit mask.
func runeBit(w string) uint64 {
	r, _ := utf8.DecodeRuneInString(w)
	return 1 << (uint(r) % 64)
}

// hotWords is how many of the most frequent words get a precomputed answer.
const hotWords = 20000

var _ persian.ZWNJRestorer = (*Restorer)(nil)

var (
	defaultOnce     sync.Once
	defaultRestorer *Restorer
	defaultErr      error
)

// Default returns the restorer built from the embedded model. The model is
// parsed once, on first use.
func Default() *Restorer {
	defaultOnce.Do(func() {
		defaultRestorer, defaultErr = Load(bytes.NewReader(modelGz))
	})
	if defaultErr != nil {
		// The embedded model is tested at build time; a failure here is a
		// corrupt binary, not bad input.
		panic(fmt.Sprintf("zwnj: embedded model: %v", defaultErr))
	}
	return defaultRestorer
}

// Load reads a gzipped model written by Build.
func Load(r io.Reader) (*Restorer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("zwnj: load model: %w", err)
	}
	defer zr.Close()
	rs := &Restorer{forms: make(map[string][]form, 260000), pairs: make(map[string]uint32, 1<<14),
		adjectives: map[string]bool{}, present: map[string]bool{}, past: map[string]bool{},
		heads: map[string]uint32{}, firsts: map[string]uint32{}, contexts: map[string][2]uint32{},
		next: map[string]uint32{}, prev: map[string]uint32{}, ambiguous: map[string]bool{},
		left: make(map[string]uint64, 80000), standard: map[string]bool{}, joinedHeads: map[string]uint32{}}
	// Forms of one key are neighbours in the model: they are gathered in cur
	// and stored once.
	type keyTotal struct {
		k string
		n uint32
	}
	var totals []keyTotal
	var curKey string
	var cur []form
	flush := func() {
		if len(cur) == 0 {
			return
		}
		fs := slices.Clone(cur)
		// Ties keep the model's order, so loading is deterministic.
		slices.SortStableFunc(fs, func(a, b form) int { return int(b.n) - int(a.n) })
		var total uint32
		for _, f := range fs {
			total += f.n
		}
		rs.forms[curKey] = append(rs.forms[curKey], fs...)
		totals = append(totals, keyTotal{curKey, total})
		cur = cur[:0]
	}
	// One string for the whole model: every form is a substring of it, not
	// an allocation of its own.
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("zwnj: load model: %w", err)
	}
	text := string(data)
	data = nil
	for n := 1; len(text) > 0; n++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if tag, w, ok := strings.Cut(line, " "); ok && strings.HasPrefix(tag, "@") {
			switch tag {
			case "@a":
				rs.adjectives[w] = true
			case "@p":
				rs.present[w] = true
			case "@s":
				rs.past[w] = true
			case "@>", "@<":
				i := strings.LastIndexByte(w, '\t')
				c, perr := strconv.ParseUint(w[i+1:], 10, 32)
				if i < 0 || perr != nil {
					return nil, fmt.Errorf("zwnj: model line %d: bad context count", n)
				}
				pair := w[:i]
				if tag == "@>" {
					rs.next[pair] = uint32(c)
					f, _, _ := strings.Cut(pair, "\t")
					rs.ambiguous[stripZWNJ(f)] = true
				} else {
					rs.prev[pair] = uint32(c)
					_, f, _ := strings.Cut(pair, "\t")
					rs.ambiguous[stripZWNJ(f)] = true
				}
			case "@l":
				rs.standard[w] = true
			case "@d":
				k, d, _ := strings.Cut(w, "\t")
				if rs.decided == nil {
					rs.decided = map[string]string{}
				}
				rs.decided[k] = d
			case "@c":
				c, counts, _ := strings.Cut(w, "\t")
				zs, ns, _ := strings.Cut(counts, "\t")
				zc, zerr := strconv.ParseUint(zs, 10, 32)
				nc, nerr := strconv.ParseUint(ns, 10, 32)
				if zerr != nil || nerr != nil {
					return nil, fmt.Errorf("zwnj: model line %d: bad context counts %q", n, counts)
				}
				rs.contexts[c] = [2]uint32{uint32(zc), uint32(nc)}
			case "@j":
				p, cnt, _ := strings.Cut(w, "\t")
				c, perr := strconv.ParseUint(cnt, 10, 32)
				if perr != nil {
					return nil, fmt.Errorf("zwnj model: line %d: %w", n, perr)
				}
				rs.joinedHeads[p] = uint32(c)
			case "@h", "@f":
				p, cnt, _ := strings.Cut(w, "\t")
				c, perr := strconv.ParseUint(cnt, 10, 32)
				if perr != nil {
					return nil, fmt.Errorf("zwnj: model line %d: %w", n, perr)
				}
				if tag == "@h" {
					rs.heads[p] = uint32(c)
				} else {
					rs.firsts[p] = uint32(c)
				}
			}
		} else if len(line) > 0 && line[0] != '#' {
			w, cnt, ok := strings.Cut(line, "\t")
			if !ok {
				return nil, fmt.Errorf("zwnj: model line %d: no count", n)
			}
			c, perr := strconv.ParseUint(cnt, 10, 32)
			if perr != nil {
				return nil, fmt.Errorf("zwnj: model line %d: %w", n, perr)
			}
			if strings.HasPrefix(w, " ") {
				rs.pairs[w[1:]] = uint32(c)
			} else {
				k := stripZWNJ(w)
				if k != curKey {
					flush()
					curKey = k
				}
				cur = append(cur, form{w: w, n: uint32(c)})
				for i := 0; ; {
					j := strings.Index(w[i:], zwnjStr)
					if j < 0 {
						break
					}
					rs.left[w[:i+j]] |= runeBit(w[i+j+len(zwnjStr):])
					i += j + len(zwnjStr)
				}
			}
		}
	}
	flush()
	// The hot words are the hotWords most frequent keys; among keys as common
	// as the last one, the first in key order, so every load picks the same.
	counts := make([]uint32, len(totals))
	for i, kt := range totals {
		counts[i] = kt.n
	}
	slices.Sort(counts)
	var threshold uint32
	if len(counts) > hotWords {
		threshold = counts[len(counts)-hotWords]
	}
	var hot []string
	for _, kt := range totals {
		if kt.n > threshold {
			hot = append(hot, kt.k)
		}
	}
	for _, kt := range totals { // totals is in key order
		if kt.n == threshold && len(hot) < hotWords {
			hot = append(hot, kt.k)
		}
	}
	rs.hot = make(map[string]hotWord, hotWords)
	for _, k := range hot {
		f := rs.fixWord(k)
		rs.hot[k] = hotWord{fixed: f, ambiguous: rs.ambiguous[k], left: rs.left[k], evidence: rs.isEvidence(k, f)}
	}
	return rs, nil
}

// count returns how often the written form w was seen.
func (r *Restorer) count(w string) uint32 {
	for _, f := range r.forms[stripZWNJ(w)] {
		if f.w == w {
			return f.n
		}
	}
	return 0
}

func stripZWNJ(w string) string {
	if !strings.Contains(w, zwnjStr) {
		return w
	}
	return strings.ReplaceAll(w, zwnjStr, "")
}

// isLetter reports Arabic-script letters as Persian uses them.
func isLetter(r rune) bool { return persian.IsPersianLetter(r) }

// isMark reports the combining marks that can sit inside a Persian word
// (tanvin, hamza above, superscript alef).
func isMark(r rune) bool { return (r >= '\u064b' && r <= '\u065f') || r == '\u0670' }

// joinsAfter reports whether letter r connects to the letter after it. A ZWNJ
// matters only after such a letter; after ا د ذ ر ز ژ و it is invisible.
func joinsAfter(r rune) bool {
	switch r {
	case 'ا', 'آ', 'أ', 'إ', 'ٱ', 'د', 'ذ', 'ر', 'ز', 'ژ', 'و', 'ؤ', 'ء', 'ة', 'ۀ':
		return false
	}
	return isLetter(r)
}
