package ner

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Self-training: the model trained on PEYMA tags the unlabelled news text
// (the same text the word clusters come from), and the sentences it tags
// with the widest Viterbi margin are added to the training set as extra
// sentences with a lower weight. They bring words and contexts PEYMA's
// train split does not have, labelled where the tagger is surest.

// silverOptions choose the silver sentences.
type silverOptions struct {
	Keep   int     // at most this many sentences, the widest margins first
	Weight float32 // of their perceptron updates (gold sentences: 1)
	MinLen int     // shorter sentences are skipped (headlines, fragments)
	MaxLen int     // longer ones too (run-on paragraphs cost time, teach little)
	// NoGaz leaves the gazetteer features out of the silver sentences: the
	// tagger that labelled them trusted the gazetteers, and so would always
	// be right about them there.
	NoGaz bool
	// Other, when set, is a second model trained with another shuffle; only
	// sentences it tags the same way are candidates.
	Other *Model
}

// silverSentences tags the folded sentences in order, as one document, with
// m and returns the features and tags of the kept sentences, ready for fit.
// Only sentences with at least one entity are candidates (an all-O sentence
// is what PEYMA already has plenty of), and a sentence repeated word for
// word is taken once.
func silverSentences(m *Model, sents [][]string, o silverOptions) []sentFeats {
	type cand struct {
		idx    int
		margin float32
	}
	var cands []cand
	seen := map[string]bool{}
	var other [][]int
	if o.Other != nil {
		other = o.Other.tagFolded(sents)
	}
	m.tagWithMargins(sents, func(si int, _ []tokFeat, tags []int, margin float32, _ []uint32, _ []int) {
		n := len(tags)
		if n < o.MinLen || n > o.MaxLen {
			return
		}
		if other != nil && !slices.Equal(tags, other[si]) {
			return
		}
		ent := false
		for _, t := range tags {
			ent = ent || t != 0
		}
		if !ent {
			return
		}
		key := strings.Join(sents[si], " ")
		if seen[key] {
			return
		}
		seen[key] = true
		cands = append(cands, cand{si, margin})
	})
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].margin > cands[j].margin })
	if len(cands) > o.Keep {
		cands = cands[:o.Keep]
	}
	keep := map[int]bool{}
	for _, c := range cands {
		keep[c.idx] = true
	}
	// A second pass keeps the features of the chosen sentences only: all of
	// them at once would take a few hundred megabytes.
	var out []sentFeats
	m.tagWithMargins(sents, func(si int, toks []tokFeat, tags []int, _ float32, hs []uint32, starts []int) {
		if !keep[si] {
			return
		}
		if o.NoGaz {
			for i := range toks {
				toks[i].gaz, toks[i].ext = nil, nil
			}
			hs, starts = hs[:0:0], starts[:0:0]
			for i := range toks {
				starts = append(starts, len(hs))
				features(toks, i, func(h uint32) { hs = append(hs, h) })
			}
			starts = append(starts, len(hs))
		}
		out = append(out, sentFeats{
			hs:     append([]uint32(nil), hs...),
			starts: append([]int(nil), starts...),
			gold:   append([]int(nil), tags...),
			cls:    orgClasses(toks),
			weight: o.Weight,
		})
	})
	return out
}

// tagWithMargins tags the sentences as tagFolded does and calls f with each
// sentence's tags, the narrowest margin by which a token's tag wins (the
// best path's score less that of the best path with another tag there), and
// its features (valid only during the call).
func (m *Model) tagWithMargins(sents [][]string, f func(si int, toks []tokFeat, tags []int, margin float32, hs []uint32, starts []int)) {
	var margin float32
	m.walk(sents, func(emit []float32, cls []uint8, n int) []int {
		var tags []int
		tags, margin = viterbiMargin(m, emit, cls, n)
		return tags
	}, func(si int, ts []tokFeat, tags []int, hs []uint32, starts []int) { f(si, ts, tags, margin, hs, starts) })
}

// viterbiMargin is viterbi with max-marginals from a backward pass: for
// every token the best path through each tag, and so the margin of the
// winning tag over the runner-up; it returns the best path and the smallest
// of those margins.
func viterbiMargin(m *Model, emit []float32, cls []uint8, n int) ([]int, float32) {
	if n == 0 {
		return []int{}, 0
	}
	nt := len(m.tags)
	neg := float32(math.Inf(-1))
	fw := make([]float32, n*nt) // best score of a prefix ending in t, emission included
	bw := make([]float32, n*nt) // best score of the rest after t
	// tr is the transition score into token i.
	tr := func(i, p, t int) float32 {
		s := m.trans[p*nt+t]
		if ex := m.edgeAt(cls, i); ex != nil {
			s += ex[p*nt+t]
		}
		return s
	}
	for t := range nt {
		if m.allowed(nt, t) {
			fw[t] = tr(0, nt, t) + emit[t]
		} else {
			fw[t] = neg
		}
	}
	for i := 1; i < n; i++ {
		for t := range nt {
			best := neg
			for p := range nt {
				if fw[(i-1)*nt+p] == neg || !m.allowed(p, t) {
					continue
				}
				best = max(best, fw[(i-1)*nt+p]+tr(i, p, t))
			}
			fw[i*nt+t] = best + emit[i*nt+t]
		}
	}
	for i := n - 2; i >= 0; i-- {
		for t := range nt {
			best := neg
			for s := range nt {
				if !m.allowed(t, s) || bw[(i+1)*nt+s] == neg {
					continue
				}
				best = max(best, tr(i+1, t, s)+emit[(i+1)*nt+s]+bw[(i+1)*nt+s])
			}
			bw[i*nt+t] = best
		}
	}
	tags := make([]int, n)
	margin := float32(math.Inf(1))
	for i := range n {
		first, second, arg := neg, neg, 0
		for t := range nt {
			s := fw[i*nt+t] + bw[i*nt+t]
			if s > first {
				first, second, arg = s, first, t
			} else if s > second {
				second = s
			}
		}
		tags[i] = arg
		margin = min(margin, first-second)
	}
	return tags, margin
}
