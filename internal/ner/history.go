package ner

// history remembers how the words of a document's last few sentences were
// tagged, so that «لاوروف» alone is read in the light of «سرگئی لاوروف» two
// sentences before (Ratinov and Roth's "extended prediction history").
// In training the tags are the gold ones, in use the model's own.
type history struct {
	counts map[string]*[8]int // fold → times seen as O (0) or as each gazTypes entity (1..7)
	window [][]histEntry
}

type histEntry struct {
	fold string
	typ  uint8
}

const historySentences = 20

func newHistory() *history { return &history{counts: map[string]*[8]int{}} }

// mask returns the bit set of the ways fold was tagged in the window.
func (h *history) mask(fold string) uint8 {
	c := h.counts[fold]
	if c == nil {
		return 0
	}
	var m uint8
	for i, n := range c {
		if n > 0 {
			m |= 1 << i
		}
	}
	return m
}

// mark sets each token's history mask.
func (h *history) mark(toks []tokFeat) {
	for i := range toks {
		toks[i].hist = h.mask(toks[i].fold)
	}
}

// add records a tagged sentence (entity types as gazTypes indexes, 0 for O)
// and forgets the oldest one beyond the window.
func (h *history) add(toks []tokFeat, types []uint8) {
	s := make([]histEntry, len(toks))
	for i := range toks {
		s[i] = histEntry{toks[i].fold, types[i]}
		c := h.counts[s[i].fold]
		if c == nil {
			c = new([8]int)
			h.counts[s[i].fold] = c
		}
		c[types[i]]++
	}
	h.window = append(h.window, s)
	if len(h.window) > historySentences {
		for _, e := range h.window[0] {
			c := h.counts[e.fold]
			if c[e.typ]--; *c == ([8]int{}) {
				delete(h.counts, e.fold)
			}
		}
		h.window = h.window[1:]
	}
}

var gazTypeIndex = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, t := range gazTypes {
		m[t] = uint8(i)
	}
	return m
}()

// tagTypes maps BIO tags to gazTypes indexes.
func tagTypes(tags []string) []uint8 {
	out := make([]uint8, len(tags))
	for i, t := range tags {
		if len(t) > 2 {
			out[i] = gazTypeIndex[t[2:]]
		}
	}
	return out
}
