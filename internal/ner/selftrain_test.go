package ner

import (
	"slices"
	"testing"
)

// TestViterbiMargin checks on PEYMA dev sentences that the max-marginal
// decoder self-training ranks sentences with finds viterbi's path, with a
// margin that is never negative.
func TestViterbiMargin(t *testing.T) {
	readData(t, "peyma/dev.txt")
	sents, err := ReadPEYMAFile(dataDir + "/peyma/dev.txt")
	if err != nil {
		t.Fatal(err)
	}
	m := Default()
	folded := make([][]string, 0, 200)
	for _, s := range sents[:200] {
		f := make([]string, len(s.Tokens))
		for i, tok := range s.Tokens {
			f[i] = foldToken(tok)
		}
		folded = append(folded, f)
	}
	want := m.tagFolded(folded)
	n := 0
	m.tagWithMargins(folded, func(si int, toks []tokFeat, tags []int, margin float32, hs []uint32, starts []int) {
		n++
		if !slices.Equal(tags, want[si]) {
			t.Errorf("sentence %d: max-marginal tags %v, viterbi %v", si, tags, want[si])
		}
		if margin < 0 || len(starts) != len(toks)+1 || starts[len(toks)] != len(hs) {
			t.Errorf("sentence %d: margin %v, %d starts for %d tokens", si, margin, len(starts), len(toks))
		}
	})
	if n != len(folded) {
		t.Errorf("%d sentences called back, want %d", n, len(folded))
	}
}
