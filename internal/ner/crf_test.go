package ner

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestForwardBackward checks the scaled forward-backward against summing
// over every tag path of short sentences: log Z, the token marginals and
// the transition marginals the gradient uses.
func TestForwardBackward(t *testing.T) {
	m := newModel(tagSet)
	nt := len(tagSet)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3} {
		emit := make([]float64, n*nt)
		for i := range emit {
			emit[i] = 8 * (rng.Float64() - 0.5)
		}
		trans := make([]float64, (nt+1)*nt)
		mt := make([]float64, len(trans))
		for p := 0; p <= nt; p++ {
			for q := range nt {
				if m.allowed(p, q) {
					trans[p*nt+q] = 4 * (rng.Float64() - 0.5)
					mt[p*nt+q] = math.Exp(trans[p*nt+q])
				}
			}
		}
		ex, alpha, beta, z := make([]float64, n*nt), make([]float64, n*nt), make([]float64, n*nt), make([]float64, n)
		logZ := forwardBackward(emit, mt, n, nt, ex, alpha, beta, z)

		// Brute force: every path of allowed tags.
		node := make([]float64, n*nt)
		edge := make([]float64, nt*nt) // between tokens 0 and 1
		var total float64
		path := make([]int, n)
		var walk func(i int, score float64)
		walk = func(i int, score float64) {
			if i == n {
				p := math.Exp(score)
				total += p
				for j, t := range path {
					node[j*nt+t] += p
				}
				if n > 1 {
					edge[path[0]*nt+path[1]] += p
				}
				return
			}
			prev := nt
			if i > 0 {
				prev = path[i-1]
			}
			for t := range nt {
				if !m.allowed(prev, t) {
					continue
				}
				path[i] = t
				walk(i+1, score+trans[prev*nt+t]+emit[i*nt+t])
			}
		}
		walk(0, 0)
		if got, want := logZ, math.Log(total); math.Abs(got-want) > 1e-9 {
			t.Errorf("n=%d: log Z %v, want %v", n, got, want)
		}
		for i := range node {
			if got, want := alpha[i]*beta[i], node[i]/total; math.Abs(got-want) > 1e-9 {
				t.Errorf("n=%d: marginal of token %d tag %d: %v, want %v", n, i/nt, i%nt, got, want)
			}
		}
		if n > 1 {
			for p := range nt {
				for q := range nt {
					got := alpha[p] * mt[p*nt+q] * ex[nt+q] * beta[nt+q] / z[1]
					if want := edge[p*nt+q] / total; math.Abs(got-want) > 1e-9 {
						t.Errorf("n=%d: transition marginal %d→%d: %v, want %v", n, p, q, got, want)
					}
				}
			}
		}
	}
}

// TestCRFFits trains the CRF on PEYMA train's first sentences and checks that
// it tags them back (a CRF whose gradient were wrong would not), and that no
// weight below the pruning threshold is left.
func TestCRFFits(t *testing.T) {
	all, err := ReadPEYMAFile(dataDir + "/peyma/train.txt")
	if err != nil {
		t.Skipf("shared data missing: %v", err)
	}
	sents := all[:300]
	words := map[string]wordInfo{}
	hist := make([][]uint8, len(sents))
	for i := range sents {
		hist[i] = make([]uint8, len(sents[i].Tokens))
	}
	crf := &CRFOptions{Epochs: 15, L2: 0.1, Eta: 0.05, Decay: 0.1, Prune: 0.05}
	o := trainOptions{Log: t.Logf, MinCount: 1, Gaz: &gazetteer{}, FoldGaz: []*gazetteer{{}}, CRF: crf}
	m := trainWith(sents, words, hist, o)
	s := Score(goldTags(sents), m.tagAll(sents))[""]
	if s.Gold < 100 || s.F1() < 0.95 {
		t.Errorf("training sentences tagged back with F1 %.3f (%d entities), want ≥ 0.95", s.F1(), s.Gold)
	}
	nt := len(m.tags)
	for _, off := range m.feats {
		for _, w := range m.w[off : int(off)+nt] {
			if w != 0 && math.Abs(float64(w)) < crf.Prune {
				t.Fatalf("weight %v left under the pruning threshold", w)
			}
		}
	}
}
