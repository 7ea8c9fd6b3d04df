package ner

import (
	"math/rand/v2"
)

// tagSet is PEYMA's tag set in the model's fixed order.
var tagSet = []string{"O",
	"B_PER", "I_PER", "B_ORG", "I_ORG", "B_LOC", "I_LOC",
	"B_DAT", "I_DAT", "B_TIM", "I_TIM", "B_MON", "I_MON", "B_PCT", "I_PCT"}

// trainOptions control one training run.
type trainOptions struct {
	Epochs   int
	MinCount int          // features seen fewer times in training are dropped
	Dev      []Sentence   // scored after every epoch when set
	Gaz      *gazetteer   // the model's gazetteer, from all training sentences
	FoldGaz  []*gazetteer // gazetteers without fold k, for sentence i in fold i%len(FoldGaz)
	Log      func(format string, args ...any)
}

// trainSet is the training data with every token's features extracted once:
// the features do not depend on the tags, so epochs only add up weights.
type trainSet struct {
	sents [][]int32 // per sentence, per token: offsets into feats
	toks  [][]int   // per sentence: token start offsets into the sentence's feature list
	gold  [][]int
}

// train runs a structured averaged perceptron (Collins 2002) with first-order
// Viterbi decoding over BIO tags.
func train(sents []Sentence, words map[string]wordInfo, o trainOptions) *Model {
	tagIndex := map[string]int{}
	for i, t := range tagSet {
		tagIndex[t] = i
	}
	nt := len(tagSet)
	// Count features, then index those seen often enough, in first-seen
	// order so that the model is the same on every run.
	counts := map[uint32]int{}
	hist := newHistory()
	for si, s := range sents {
		toks := prepareSentence(s.Tokens, words)
		o.FoldGaz[si%len(o.FoldGaz)].match(toks)
		hist.mark(toks)
		hist.add(toks, tagTypes(s.Tags))
		for i := range toks {
			features(toks, i, func(h uint32) { counts[h]++ })
		}
	}
	index := map[uint32]int32{}
	var ts trainSet
	hist = newHistory()
	for si, s := range sents {
		toks := prepareSentence(s.Tokens, words)
		o.FoldGaz[si%len(o.FoldGaz)].match(toks)
		hist.mark(toks)
		hist.add(toks, tagTypes(s.Tags))
		var fs []int32
		var starts []int
		gold := make([]int, len(s.Tags))
		for i := range toks {
			starts = append(starts, len(fs))
			features(toks, i, func(h uint32) {
				if counts[h] < o.MinCount {
					return
				}
				id, ok := index[h]
				if !ok {
					id = int32(len(index))
					index[h] = id
				}
				fs = append(fs, id)
			})
			gold[i] = tagIndex[s.Tags[i]]
		}
		starts = append(starts, len(fs))
		ts.sents = append(ts.sents, fs)
		ts.toks = append(ts.toks, starts)
		ts.gold = append(ts.gold, gold)
	}
	nf := len(index)
	o.Log("train: %d sentences, %d features (of %d seen)", len(sents), nf, len(counts))

	m := newModel(tagSet)
	w := make([]float32, nf*nt)
	u := make([]float32, nf*nt) // Σ c·update, for averaging
	tu := make([]float32, len(m.trans))
	m.w = w
	c := float32(1)
	rng := rand.New(rand.NewPCG(1, 2))
	order := make([]int, len(ts.sents))
	for i := range order {
		order[i] = i
	}
	var emit []float32
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			fs, starts, gold := ts.sents[si], ts.toks[si], ts.gold[si]
			n := len(gold)
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
			pred := viterbi(m, emit, n)
			for i := 0; i < n; i++ {
				g, p := gold[i], pred[i]
				gp, pp := nt, nt
				if i > 0 {
					gp, pp = gold[i-1], pred[i-1]
				}
				if g != p {
					errs++
					for _, f := range fs[starts[i]:starts[i+1]] {
						w[int(f)*nt+g]++
						w[int(f)*nt+p]--
						u[int(f)*nt+g] += c
						u[int(f)*nt+p] -= c
					}
				}
				if g != p || gp != pp {
					m.trans[gp*nt+g]++
					m.trans[pp*nt+p]--
					tu[gp*nt+g] += c
					tu[pp*nt+p] -= c
				}
			}
			c++
		}
		if o.Dev != nil || epoch == o.Epochs {
			avg := averaged(m, index, u, tu, c, words)
			avg.gaz = o.Gaz
			if o.Dev != nil {
				s := Score(goldTags(o.Dev), avg.tagAll(o.Dev))[""]
				o.Log("epoch %d: %d token errors; dev P %.4f R %.4f F1 %.4f", epoch, errs, s.Precision(), s.Recall(), s.F1())
			} else {
				o.Log("epoch %d: %d token errors", epoch, errs)
			}
			if epoch == o.Epochs {
				return avg
			}
		}
	}
	return nil
}

// averaged returns the model with the averaged weights w - u/c.
func averaged(m *Model, index map[uint32]int32, u, tu []float32, c float32, words map[string]wordInfo) *Model {
	nt := len(m.tags)
	a := newModel(m.tags)
	for i := range a.trans {
		a.trans[i] = m.trans[i] - tu[i]/c
	}
	a.w = make([]float32, len(m.w))
	for i := range a.w {
		a.w[i] = m.w[i] - u[i]/c
	}
	a.feats = make(map[uint32]int32, len(index))
	for h, id := range index {
		a.feats[h] = id * int32(nt)
	}
	a.words = words
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
