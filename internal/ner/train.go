package ner

import (
	"math/rand/v2"
	"slices"
)

// tagSet is PEYMA's tag set in the model's fixed order.
var tagSet = []string{"O",
	"B_PER", "I_PER", "B_ORG", "I_ORG", "B_LOC", "I_LOC",
	"B_DAT", "I_DAT", "B_TIM", "I_TIM", "B_MON", "I_MON", "B_PCT", "I_PCT"}

// trainOptions control one training run.
type trainOptions struct {
	Epochs   int
	MinCount int          // features seen fewer times in training are dropped
	Gaz      *gazetteer   // the model's gazetteer, from all training sentences
	FoldGaz  []*gazetteer // gazetteers without block k (foldGazetteers)
	Names    *gazetteer   // the hand-written gazetteer, nil for none
	// Score, when set, is called with the averaged model after every epoch
	// and returns a line for the log (dev scores, for tuning).
	Score func(*Model) string
	Log   func(format string, args ...any)
	Seed  uint64 // of the shuffle of the sentences before every epoch
	Runs  int    // perceptrons trained with different shuffles and averaged
	// Extra are sentences added to the extracted training sentences, with
	// their features already extracted (self-training's silver sentences).
	Extra []sentFeats
	// CRF, when set, trains a CRF (runCRF) instead of the perceptron.
	CRF *CRFOptions
}

// sentFeats is one training sentence with every token's features extracted
// once: the features do not depend on the tags, so epochs only add up weights.
type sentFeats struct {
	hs     []uint32 // feature hashes, token after token
	starts []int    // token i's features are hs[starts[i]:starts[i+1]]
	gold   []int
	weight float32 // of the sentence's updates; 0 means 1 (gold sentences)
	cls    []uint8 // tokens' ORG bits (wordInfo.Org), for the edge transitions
}

var tagIndex = func() map[string]int {
	m := map[string]int{}
	for i, t := range tagSet {
		m[t] = i
	}
	return m
}()

func goldIndexes(tags []string) []int {
	out := make([]int, len(tags))
	for i, t := range tags {
		out[i] = tagIndex[t]
	}
	return out
}

// extract extracts the features of the training sentences: the gazetteer
// matches from the gazetteer without the sentence's block, and the document
// history from hist (entity types per token of every sentence).
func extract(sents []Sentence, words map[string]wordInfo, foldGaz []*gazetteer, names *gazetteer, hist [][]uint8) []sentFeats {
	out := make([]sentFeats, len(sents))
	doc := newHistory()
	for si, s := range sents {
		toks := prepareSentence(s.Tokens, words)
		foldGaz[blockOf(si, len(sents), len(foldGaz))].match(toks)
		names.match(toks)
		doc.mark(toks)
		doc.add(toks, hist[si])
		sf := sentFeats{gold: goldIndexes(s.Tags), cls: orgClasses(toks)}
		for i := range toks {
			sf.starts = append(sf.starts, len(sf.hs))
			features(toks, i, func(h uint32) { sf.hs = append(sf.hs, h) })
		}
		sf.starts = append(sf.starts, len(sf.hs))
		out[si] = sf
	}
	return out
}

// trainWith trains a tagger on the sentences with the given history.
func trainWith(sents []Sentence, words map[string]wordInfo, hist [][]uint8, o trainOptions) *Model {
	m := fit(append(extract(sents, words, o.FoldGaz, o.Names, hist), o.Extra...), o)
	m.words = words
	m.gaz = o.Gaz
	m.names = o.Names
	return m
}

// fit runs a structured averaged perceptron (Collins 2002) with first-order
// Viterbi decoding over BIO tags on the extracted sentences.
func fit(data []sentFeats, o trainOptions) *Model {
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
	// Count features, then index those seen often enough, in first-seen
	// order so that the model is the same on every run.
	counts := map[uint32]int{}
	for _, sf := range data {
		for _, h := range sf.hs {
			counts[h]++
		}
	}
	index := map[uint32]int32{}
	ids := make([][]int32, len(data))
	for si, sf := range data {
		fs := make([]int32, 0, len(sf.hs))
		starts := make([]int, len(sf.starts))
		for i := range sf.gold {
			starts[i] = len(fs)
			for _, h := range sf.hs[sf.starts[i]:sf.starts[i+1]] {
				if counts[h] < o.MinCount {
					continue
				}
				id, ok := index[h]
				if !ok {
					id = int32(len(index))
					index[h] = id
				}
				fs = append(fs, id)
			}
		}
		starts[len(sf.gold)] = len(fs)
		ids[si] = fs
		data[si].starts = starts
		data[si].hs = nil
	}
	nf := len(index)
	o.Log("train: %d sentences, %d features (of %d seen)", len(data), nf, len(counts))
	if o.CRF != nil {
		return runCRF(ids, data, index, o, o.Seed)
	}

	// Runs with different shuffles, their averaged weights averaged again:
	// each run's arbitrary order moves dev F1 by half a point.
	var sum *Model
	for r := range max(1, o.Runs) {
		a := run(ids, data, index, o, o.Seed+uint64(r)*101)
		if sum == nil {
			sum = a
			continue
		}
		for i := range sum.w {
			sum.w[i] += a.w[i]
		}
		for i := range sum.trans {
			sum.trans[i] += a.trans[i]
		}
		for i := range sum.edge {
			sum.edge[i] += a.edge[i]
		}
	}
	if n := float32(max(1, o.Runs)); n > 1 {
		for i := range sum.w {
			sum.w[i] /= n
		}
		for i := range sum.trans {
			sum.trans[i] /= n
		}
		for i := range sum.edge {
			sum.edge[i] /= n
		}
	}
	return sum
}

// run is one run of the perceptron over the indexed sentences (ids: the
// feature ids of every sentence, data[si].starts its tokens' offsets).
func run(ids [][]int32, data []sentFeats, index map[uint32]int32, o trainOptions, seed uint64) *Model {
	nt, nf := len(tagSet), len(index)
	m := newModel(tagSet)
	w := make([]float32, nf*nt)
	u := make([]float32, nf*nt) // Σ c·update, for averaging
	tu := make([]float32, len(m.trans))
	m.w = w
	// Edge transitions only when some token has ORG bits.
	for _, sf := range data {
		if m.edge == nil && slices.ContainsFunc(sf.cls, func(c uint8) bool { return c != 0 }) {
			m.edge = make([]float32, 3*len(m.trans))
		}
	}
	eu := make([]float32, len(m.edge))
	c := float32(1)
	rng := rand.New(rand.NewPCG(1+seed, 2))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var emit []float32
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			fs, starts, gold := ids[si], data[si].starts, data[si].gold
			n := len(gold)
			wt := data[si].weight
			if wt == 0 {
				wt = 1
			}
			emit = emit[:0]
			for i := 0; i < n; i++ {
				emit = append(emit, make([]float32, nt)...)
				row := emit[i*nt:]
				for _, f := range fs[starts[i]:starts[i+1]] {
					ws := w[int(f)*nt : int(f)*nt+nt]
					for t := range nt {
						row[t] += ws[t]
					}
				}
			}
			cls := data[si].cls
			if m.edge == nil {
				cls = nil
			}
			pred := viterbi(m, emit, cls, n)
			for i := 0; i < n; i++ {
				g, p := gold[i], pred[i]
				gp, pp := nt, nt
				if i > 0 {
					gp, pp = gold[i-1], pred[i-1]
				}
				if g != p {
					errs++
					for _, f := range fs[starts[i]:starts[i+1]] {
						w[int(f)*nt+g] += wt
						w[int(f)*nt+p] -= wt
						u[int(f)*nt+g] += c * wt
						u[int(f)*nt+p] -= c * wt
					}
				}
				if g != p || gp != pp {
					m.trans[gp*nt+g] += wt
					m.trans[pp*nt+p] -= wt
					tu[gp*nt+g] += c * wt
					tu[pp*nt+p] -= c * wt
					if cls != nil && cls[i] != 0 {
						k := int(cls[i]-1) * len(m.trans)
						m.edge[k+gp*nt+g] += wt
						m.edge[k+pp*nt+p] -= wt
						eu[k+gp*nt+g] += c * wt
						eu[k+pp*nt+p] -= c * wt
					}
				}
			}
			c++
		}
		if o.Score != nil || epoch == o.Epochs {
			avg := averaged(m, index, u, tu, eu, c)
			if o.Score != nil {
				o.Log("epoch %d: %d token errors; %s", epoch, errs, o.Score(avg))
			} else {
				o.Log("epoch %d: %d token errors", epoch, errs)
			}
			if epoch == o.Epochs {
				return avg
			}
		}
	}
	return newModel(tagSet)
}

// averaged returns the model with the averaged weights w - u/c.
func averaged(m *Model, index map[uint32]int32, u, tu, eu []float32, c float32) *Model {
	nt := len(m.tags)
	a := newModel(m.tags)
	for i := range a.trans {
		a.trans[i] = m.trans[i] - tu[i]/c
	}
	if m.edge != nil {
		a.edge = make([]float32, len(m.edge))
		for i := range a.edge {
			a.edge[i] = m.edge[i] - eu[i]/c
		}
	}
	a.w = make([]float32, len(m.w))
	for i := range a.w {
		a.w[i] = m.w[i] - u[i]/c
	}
	a.feats = make(map[uint32]int32, len(index))
	for h, id := range index {
		a.feats[h] = id * int32(nt)
	}
	return a
}

func prepareSentence(tokens []string, words map[string]wordInfo) []tokFeat {
	toks := make([]tokFeat, len(tokens))
	for i, t := range tokens {
		toks[i] = prepare(foldToken(t), words)
	}
	return toks
}

func goldTags(sents []Sentence) [][]string {
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = s.Tags
	}
	return out
}

// tagAll tags the sentences as one document.
func (m *Model) tagAll(sents []Sentence) [][]string {
	toks := make([][]string, len(sents))
	for i, s := range sents {
		toks[i] = s.Tokens
	}
	return m.TagDocument(toks)
}
