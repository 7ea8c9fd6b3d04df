package discourse

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"khabar/internal/persian"
)

// A Lexicon is a list of token patterns read from a tab-separated file whose
// first column is the pattern and whose other columns are the entry's data.
// Pattern syntax, one element per space-separated word:
//
//	دیدار          a literal word (folded before matching)
//	گفت|افزود      any of these words
//	{KARD}         any form of a verb class from verbs.tsv (کرد، کردند، می‌کند ...)
//	…              up to eight words of anything within the clause (…15: fifteen)
//
// Between elements the matcher steps over auxiliaries («می»، «است»، «خواهد»،
// «نیز» ...), so «دیدار خواهد کرد» and «دیدار کرده‌اند» match «دیدار {KARD}».
type Lexicon struct {
	Entries []Entry
	// byFirst indexes entries by the words their patterns start with.
	byFirst map[string][]int
}

// Entry is one lexicon line.
type Entry struct {
	Pattern string
	Fields  []string
	elems   []elem
}

type elem struct {
	words map[string]bool
	gap   int // the longest gap in words; 0 for a word element
}

// Match is one lexicon entry found in a sentence: tokens [From, To).
type Match struct {
	Entry    *Entry
	From, To int
}

const maxGap = 8

// ParseLexicon reads a lexicon file; name is used in error messages.
func ParseLexicon(name, data string) (*Lexicon, error) {
	t := load()
	lx := &Lexicon{}
	for n, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		e := Entry{Pattern: f[0], Fields: f[1:]}
		for _, w := range strings.Fields(f[0]) {
			switch {
			case strings.HasPrefix(w, "…"):
				n := maxGap
				if w != "…" {
					v, err := strconv.Atoi(strings.TrimPrefix(w, "…"))
					if err != nil || v < 1 {
						return nil, fmt.Errorf("%s:%d: bad gap %q", name, n+1, w)
					}
					n = v
				}
				e.elems = append(e.elems, elem{gap: n})
			case strings.HasPrefix(w, "{") && strings.HasSuffix(w, "}"):
				forms, ok := t.verbs[w[1:len(w)-1]]
				if !ok {
					return nil, fmt.Errorf("%s:%d: unknown verb class %s", name, n+1, w)
				}
				e.elems = append(e.elems, elem{words: forms})
			default:
				words := map[string]bool{}
				for _, alt := range strings.Split(w, "|") {
					toks := persian.FoldTokens(alt)
					if len(toks) != 1 {
						// «تحریم‌ها» folds to two words: write them as two
						// elements, or the alternative would match «ها» alone.
						return nil, fmt.Errorf("%s:%d: %q is not one word once folded", name, n+1, alt)
					}
					words[toks[0]] = true
				}
				e.elems = append(e.elems, elem{words: words})
			}
		}
		if len(e.elems) == 0 || e.elems[0].gap > 0 || e.elems[len(e.elems)-1].gap > 0 {
			return nil, fmt.Errorf("%s:%d: pattern %q must start and end with a word", name, n+1, f[0])
		}
		lx.Entries = append(lx.Entries, e)
	}
	lx.byFirst = map[string][]int{}
	for i, e := range lx.Entries {
		for w := range e.elems[0].words {
			lx.byFirst[w] = append(lx.byFirst[w], i)
		}
	}
	return lx, nil
}

// Find returns the entries found in tokens [from, to) of a sentence, without
// overlaps: an entry listed earlier wins over a later one, so specific
// patterns go first in the file.
func (lx *Lexicon) Find(s *Sentence, from, to int) []Match {
	aux := load().verbs["AUX"]
	type cand struct {
		entry int
		m     Match
	}
	var cands []cand
	for i := from; i < to; i++ {
		for _, ei := range lx.byFirst[s.Tokens[i].Fold] {
			if end, ok := lx.Entries[ei].matchAt(s, i, to, aux); ok {
				cands = append(cands, cand{ei, Match{Entry: &lx.Entries[ei], From: i, To: end}})
			}
		}
	}
	// The order of the file decides overlaps, then the order of the text.
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].entry < cands[j].entry })
	used := make([]bool, len(s.Tokens))
	var out []Match
	for _, c := range cands {
		free := true
		for k := c.m.From; k < c.m.To; k++ {
			if used[k] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := c.m.From; k < c.m.To; k++ {
			used[k] = true
		}
		out = append(out, c.m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
}

func (e *Entry) matchAt(s *Sentence, i, limit int, aux map[string]bool) (int, bool) {
	toks := s.Tokens
	if !e.elems[0].words[toks[i].Fold] {
		return 0, false
	}
	pos := i + 1
	for k := 1; k < len(e.elems); k++ {
		el := e.elems[k]
		if el.gap > 0 {
			// The gap is followed by a word element: find it within maxGap
			// words, not across a clause boundary.
			next := e.elems[k+1]
			found := -1
			for j := pos; j < limit && j <= pos+el.gap; j++ {
				if j > pos && startsClause(s, j) {
					break
				}
				if next.words[toks[j].Fold] {
					found = j
					break
				}
			}
			if found < 0 {
				return 0, false
			}
			pos = found + 1
			k++
			continue
		}
		for pos < limit && aux[toks[pos].Fold] && !el.words[toks[pos].Fold] {
			pos++
		}
		if pos >= limit || !el.words[toks[pos].Fold] {
			return 0, false
		}
		pos++
	}
	return pos, true
}

func startsClause(s *Sentence, j int) bool {
	for _, c := range s.Clauses {
		if c == j {
			return true
		}
	}
	return false
}
