package ner

import (
	"math"
	"sort"
)

// Word clusters stand in for Brown clusters: each frequent word gets a
// context vector (positive PMI with the most frequent words at positions
// -2..+2), randomly projected to a few hundred dimensions, and the words are
// split in two again and again by spherical 2-means. A word's path down that
// tree is its cluster; the tagger uses prefixes of it, so a rare name shares
// weights with the frequent names around it in the tree.

const (
	clusterDims     = 200
	clusterContexts = 1000
	clusterDepth    = 16
	// Several trees from different projections: one tree's arbitrary early
	// splits move dev F1 by two points; together they vary much less.
	clusterTrees = 3
)

// buildClusters returns the cluster path of every word seen at least minCount
// times in the folded sentences.
func buildClusters(sents [][]string, minCount int) map[string]wordInfo {
	count := map[string]int{}
	total := 0
	for _, s := range sents {
		for _, w := range s {
			count[w]++
			total++
		}
	}
	var vocab []string
	for w, c := range count {
		if c >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if count[vocab[i]] != count[vocab[j]] {
			return count[vocab[i]] > count[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	id := make(map[string]int, len(vocab))
	for i, w := range vocab {
		id[w] = i
	}
	nctx := min(clusterContexts, len(vocab))
	// Context ids: position (0..3) × (nctx frequent words + sentence boundary).
	ctxOf := func(s []string, j int) int {
		if j < 0 || j >= len(s) {
			return nctx
		}
		if k, ok := id[s[j]]; ok && k < nctx {
			return k
		}
		return -1
	}
	co := make([]map[int32]float32, len(vocab))
	ctxTotal := make([]float64, 4*(nctx+1))
	for _, s := range sents {
		for i, w := range s {
			k, ok := id[w]
			if !ok {
				continue
			}
			if co[k] == nil {
				co[k] = map[int32]float32{}
			}
			for p, off := range [4]int{-2, -1, 1, 2} {
				if c := ctxOf(s, i+off); c >= 0 {
					cid := int32(p*(nctx+1) + c)
					co[k][cid]++
					ctxTotal[cid]++
				}
			}
		}
	}
	out := make(map[string]wordInfo, len(vocab))
	for tree := range clusterTrees {
		clusterTree(out, vocab, co, count, ctxTotal, total, tree)
	}
	return out
}

// clusterTree projects the context counts with the tree's own fixed
// pseudo-random ±1 matrix and splits the vocabulary into its tree.
func clusterTree(out map[string]wordInfo, vocab []string, co []map[int32]float32, count map[string]int, ctxTotal []float64, total, tree int) {
	proj := make([]float32, len(ctxTotal)*clusterDims)
	for i := range proj {
		proj[i] = float32(int(newHash(byte(tree)).num(uint32(i)).key()&1)*2 - 1)
	}
	vecs := make([][]float32, len(vocab))
	for k := range vocab {
		v := make([]float32, clusterDims)
		ctxs := make([]int32, 0, len(co[k]))
		for c := range co[k] {
			ctxs = append(ctxs, c)
		}
		sort.Slice(ctxs, func(i, j int) bool { return ctxs[i] < ctxs[j] })
		for _, c := range ctxs {
			pmi := math.Log(float64(co[k][c]) * float64(total) / (float64(count[vocab[k]]) * ctxTotal[c]))
			if pmi <= 0 {
				continue
			}
			for d, r := range proj[int(c)*clusterDims : int(c+1)*clusterDims] {
				v[d] += float32(pmi) * r
			}
		}
		normalize(v)
		vecs[k] = v
	}
	ids := make([]int, len(vocab))
	for i := range ids {
		ids[i] = i
	}
	var split func(ids []int, path uint32, depth uint8)
	split = func(ids []int, path uint32, depth uint8) {
		if depth == clusterDepth || len(ids) < 2 {
			for _, i := range ids {
				wi := out[vocab[i]]
				wi.Path[tree], wi.Depth[tree] = path, max(depth, 1)
				out[vocab[i]] = wi
			}
			return
		}
		a, b := bisect(vecs, ids)
		if len(a) == 0 || len(b) == 0 {
			split(ids, path, clusterDepth)
			return
		}
		split(a, path, depth+1)
		split(b, path|1<<(31-depth), depth+1)
	}
	split(ids, 0, 0)
}

// bisect splits ids by spherical 2-means, seeded with the most frequent word
// and the word least like it.
func bisect(vecs [][]float32, ids []int) (a, b []int) {
	c1 := append([]float32(nil), vecs[ids[0]]...)
	far, farDot := ids[1], float32(math.Inf(1))
	for _, i := range ids[1:] {
		if d := dot(c1, vecs[i]); d < farDot {
			far, farDot = i, d
		}
	}
	c2 := append([]float32(nil), vecs[far]...)
	for range 8 {
		a, b = a[:0], b[:0]
		for _, i := range ids {
			if dot(c1, vecs[i]) >= dot(c2, vecs[i]) {
				a = append(a, i)
			} else {
				b = append(b, i)
			}
		}
		if len(a) == 0 || len(b) == 0 {
			return a, b
		}
		centroid(c1, vecs, a)
		centroid(c2, vecs, b)
	}
	return a, b
}

func centroid(c []float32, vecs [][]float32, ids []int) {
	clear(c)
	for _, i := range ids {
		for d, x := range vecs[i] {
			c[d] += x
		}
	}
	normalize(c)
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func normalize(v []float32) {
	n := float32(math.Sqrt(float64(dot(v, v))))
	if n == 0 {
		return
	}
	for i := range v {
		v[i] /= n
	}
}
