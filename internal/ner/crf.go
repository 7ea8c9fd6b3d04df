package ner

import (
	"math"
	"math/rand/v2"
)

// A linear-chain CRF over the same features and tags as the perceptron:
// the L2-regularized conditional log-likelihood of the gold tags, maximized
// by stochastic gradient descent (one sentence at a time, a learning rate
// that decays with every epoch). Where the perceptron moves the weights of
// the one wrong tag only on a mistake, the CRF moves every tag's weight by
// how much probability the model puts on it, also on sentences it already
// tags right, and the L2 term keeps rare features from taking over.

// CRFOptions are the CRF's training settings (Sources.CRF).
type CRFOptions struct {
	Epochs int
	// L2 is λ of the objective Σ wt·(−log p(y|x)) + λ/2·‖w‖² over all
	// training sentences.
	L2 float64
	// Eta is the learning rate of the first epoch; epoch e uses
	// Eta/(1+Decay·(e−1)).
	Eta, Decay float64
	// AvgFrom, when > 0, returns the mean of the weights at the end of
	// epochs AvgFrom..Epochs instead of the last ones (iterate averaging,
	// as the averaged perceptron does for every step).
	AvgFrom int
	// Prune zeroes weights smaller than this in magnitude in the returned
	// model: the L2 term leaves every feature a small weight for every tag,
	// and the fewer features the faster the tagger looks them up and loads
	// (with 0.05 a third of the features are kept, dev F1 the same).
	Prune float64
}

// runCRF trains the CRF on the indexed sentences (as run does the
// perceptron) and returns the model. Transitions that the tag set forbids
// (I_ after anything but its own type) have no weight and no probability.
func runCRF(ids [][]int32, data []sentFeats, index map[uint32]int32, o trainOptions, seed uint64) *Model {
	c := o.CRF
	nt, nf := len(tagSet), len(index)
	m := newModel(tagSet)
	// The weights are s·v, so that the L2 shrinkage of every weight at
	// every step is one multiplication of s (Bottou's trick); v is
	// rescaled when s gets small.
	v := make([]float64, nf*nt)
	s := 1.0
	trans := make([]float64, len(m.trans))
	allow := make([]bool, len(m.trans))
	for p := 0; p <= nt; p++ {
		for t := 0; t < nt; t++ {
			allow[p*nt+t] = m.allowed(p, t)
		}
	}
	nsent := float64(len(data))
	rng := rand.New(rand.NewPCG(1+seed, 3))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var emit, alpha, beta, z, ex, mt []float64
	mt = make([]float64, len(trans))
	var avgW, avgT []float64
	navg := 0
	snapshot := func() *Model {
		a := newModel(tagSet)
		a.w = make([]float32, len(v))
		if navg > 0 {
			for i := range a.trans {
				if allow[i] {
					a.trans[i] = float32(avgT[i] / float64(navg))
				}
			}
			for i := range v {
				a.w[i] = float32(avgW[i] / float64(navg))
			}
		} else {
			for i := range a.trans {
				if allow[i] {
					a.trans[i] = float32(trans[i])
				}
			}
			for i := range v {
				a.w[i] = float32(s * v[i])
			}
		}
		a.feats = make(map[uint32]int32, len(index))
		for h, id := range index {
			ws := a.w[int(id)*nt : int(id)*nt+nt]
			kept := false
			for t, x := range ws {
				if math.Abs(float64(x)) < c.Prune {
					ws[t] = 0
				} else if x != 0 {
					kept = true
				}
			}
			if kept {
				a.feats[h] = id * int32(nt)
			}
		}
		return a
	}
	for epoch := 1; epoch <= c.Epochs; epoch++ {
		eta := c.Eta / (1 + c.Decay*float64(epoch-1))
		shrink := 1 - eta*c.L2/nsent
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var nll float64
		for i := range mt {
			if allow[i] {
				mt[i] = math.Exp(trans[i])
			}
		}
		for _, si := range order {
			fs, starts, gold := ids[si], data[si].starts, data[si].gold
			n := len(gold)
			if n == 0 {
				continue
			}
			wt := float64(data[si].weight)
			if wt == 0 {
				wt = 1
			}
			emit = grow(emit, n*nt)
			for i := 0; i < n; i++ {
				row := emit[i*nt : (i+1)*nt]
				clear(row)
				for _, f := range fs[starts[i]:starts[i+1]] {
					ws := v[int(f)*nt : int(f)*nt+nt]
					for t := range nt {
						row[t] += ws[t]
					}
				}
				for t := range nt {
					row[t] *= s
				}
			}
			ex, alpha, beta, z = grow(ex, n*nt), grow(alpha, n*nt), grow(beta, n*nt), grow(z, n)
			logZ := forwardBackward(emit, mt, n, nt, ex, alpha, beta, z)
			gs := trans[nt*nt+gold[0]]
			for i := 0; i < n; i++ {
				gs += emit[i*nt+gold[i]]
				if i > 0 {
					gs += trans[gold[i-1]*nt+gold[i]]
				}
			}
			nll += wt * (logZ - gs)

			// Gradient step on −wt·log p: expected minus gold counts.
			s *= shrink
			step := eta * wt / s
			for i := 0; i < n; i++ {
				var g [64]float64
				for t := range nt {
					g[t] = alpha[i*nt+t] * beta[i*nt+t]
				}
				g[gold[i]]--
				for _, f := range fs[starts[i]:starts[i+1]] {
					ws := v[int(f)*nt : int(f)*nt+nt]
					for t := range nt {
						ws[t] -= step * g[t]
					}
				}
			}
			tstep := eta * wt
			for t := range nt {
				trans[nt*nt+t] -= tstep * alpha[t] * beta[t]
			}
			trans[nt*nt+gold[0]] += tstep
			for i := 1; i < n; i++ {
				for p := range nt {
					ap := alpha[(i-1)*nt+p]
					if ap == 0 {
						continue
					}
					for t := range nt {
						if allow[p*nt+t] {
							trans[p*nt+t] -= tstep * ap * mt[p*nt+t] * ex[i*nt+t] * beta[i*nt+t] / z[i]
						}
					}
				}
				trans[gold[i-1]*nt+gold[i]] += tstep
			}
			for i := range mt {
				if allow[i] {
					mt[i] = math.Exp(trans[i])
				}
			}
			if s < 1e-9 {
				for i := range v {
					v[i] *= s
				}
				s = 1
			}
		}
		if c.AvgFrom > 0 && epoch >= c.AvgFrom {
			if avgW == nil {
				avgW, avgT = make([]float64, len(v)), make([]float64, len(trans))
			}
			for i := range v {
				avgW[i] += s * v[i]
			}
			for i := range trans {
				avgT[i] += trans[i]
			}
			navg++
		}
		var norm float64
		for _, x := range v {
			norm += x * x
		}
		norm *= s * s
		line := ""
		if o.Score != nil {
			line = "; " + o.Score(snapshot())
		}
		o.Log("crf epoch %d: eta %.4f, loss %.1f (nll %.1f)%s", epoch, eta, nll+c.L2/2*norm, nll, line)
	}
	return snapshot()
}

// grow returns b resized to n, reusing its array when it is large enough.
func grow(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n)
	}
	return b[:n]
}

// forwardBackward computes the CRF's marginals for one sentence of n tokens
// and nt tags, scaled (Rabiner) on exp'd potentials rather than in log
// space: one exp per token and tag instead of one per tag pair. emit holds
// the tag scores per token, mt the exp'd transitions ((nt+1) × nt, the last
// row from the sentence start, 0 where forbidden). It fills ex with
// exp(emit − the row's max), alpha and beta with the scaled forward and
// backward vectors (token i has tag t with probability alpha·beta at
// i*nt+t; tags p, t at i−1, i with probability
// alpha[i−1,p]·mt[p,t]·ex[i,t]·beta[i,t]/z[i]) and z with the forward
// normalizers, and returns log Z.
func forwardBackward(emit, mt []float64, n, nt int, ex, alpha, beta, z []float64) float64 {
	logZ := 0.0
	for i := 0; i < n; i++ {
		row := emit[i*nt : (i+1)*nt]
		mx := row[0]
		for _, e := range row[1:] {
			mx = max(mx, e)
		}
		logZ += mx
		for t := range nt {
			ex[i*nt+t] = math.Exp(row[t] - mx)
		}
	}
	sum := 0.0
	for t := range nt {
		a := mt[nt*nt+t] * ex[t]
		alpha[t] = a
		sum += a
	}
	z[0] = sum
	for t := range nt {
		alpha[t] /= sum
	}
	for i := 1; i < n; i++ {
		prev := alpha[(i-1)*nt : i*nt]
		sum = 0
		for t := range nt {
			a := 0.0
			for p := range nt {
				a += prev[p] * mt[p*nt+t]
			}
			a *= ex[i*nt+t]
			alpha[i*nt+t] = a
			sum += a
		}
		z[i] = sum
		for t := range nt {
			alpha[i*nt+t] /= sum
		}
	}
	for i := range n {
		logZ += math.Log(z[i])
	}
	for t := range nt {
		beta[(n-1)*nt+t] = 1
	}
	for i := n - 2; i >= 0; i-- {
		for p := range nt {
			b := 0.0
			for t := range nt {
				b += mt[p*nt+t] * ex[(i+1)*nt+t] * beta[(i+1)*nt+t]
			}
			beta[i*nt+p] = b / z[i+1]
		}
	}
	return logZ
}
