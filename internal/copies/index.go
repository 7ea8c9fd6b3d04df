package copies

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"time"
)

// Match is what the index says about an article's content.
type Match struct {
	// CopyOf is the id of the earliest known version this article copies; empty
	// when the article is an original (as far as the index knows).
	CopyOf string
	// Similarity is 1 for an exact copy, else the estimated containment of the
	// smaller text in the larger; 0 for an original.
	Similarity float64
	// Exact is true when the content fingerprints are equal.
	Exact bool
	// Supersedes is set when this article turned out to be earlier than the
	// version its copies pointed to until now: that article and its copies now
	// copy this one, and the caller should re-point them.
	Supersedes string
}

// Default thresholds, measured on the generated copy set (khabar eval copies):
// a copy must contain most of the smaller text in the larger, and share enough
// of the union that a short quotation inside a long article is not a copy.
const (
	DefaultMinContainment = 0.75
	DefaultMinJaccard     = 0.20
)

// maxChain bounds how many entries of one LSH bucket a lookup reads, so a
// pathological bucket (thousands of templated near-identical texts that are
// each just under the threshold) costs a constant, not a scan.
const maxChain = 256

// Index finds the earliest known version of a text among everything added to
// it. Only originals enter the LSH tables; a copy records its original, so
// thousands of copies of one text cost one bucket entry, not thousands. It is
// safe for concurrent use.
type Index struct {
	MinContainment, MinJaccard float64

	mu        sync.Mutex
	ids       []string
	byID      map[string]int32
	match     []Match
	root      []int32 // -1 for an original, else the entry it copies
	published []int64 // Unix seconds; 0 when unknown
	shingles  []int32
	mins      []uint16 // K per entry
	exact     map[uint64]int32
	originals int
	heads     [Bands][]int32
	next      [Bands][]int32 // per entry; -1 ends a chain
	inLSH     []bool         // entries in the bucket chains
	seen      []uint32       // lookup generation that last visited an entry
	gen       uint32
}

// NewIndex returns an empty index with the default thresholds.
func NewIndex() *Index {
	ix := &Index{
		MinContainment: DefaultMinContainment,
		MinJaccard:     DefaultMinJaccard,
		byID:           make(map[string]int32),
		exact:          make(map[uint64]int32),
	}
	for b := range ix.heads {
		ix.heads[b] = newHeads(1024)
	}
	return ix
}

func newHeads(n int) []int32 {
	h := make([]int32, n)
	for i := range h {
		h[i] = -1
	}
	return h
}

// Len returns the number of articles added.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.ids)
}

// Add records an article's signature and returns its match. Articles should
// be added in publication order (the earliest version is the one added first);
// when a later-added article carries an earlier publication time than the
// version it matches, it takes that version's place (Match.Supersedes).
// Adding an id twice returns the first result.
func (ix *Index) Add(id string, published time.Time, sig Signature) Match {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if e, ok := ix.byID[id]; ok {
		m := ix.match[e]
		if r := ix.resolve(e); r != e {
			m.CopyOf = ix.ids[r]
		}
		return m
	}
	var pub int64
	if !published.IsZero() {
		pub = published.Unix()
	}
	e := int32(len(ix.ids))
	ix.ids = append(ix.ids, id)
	ix.byID[id] = e
	ix.published = append(ix.published, pub)
	ix.shingles = append(ix.shingles, int32(sig.Shingles))
	ix.mins = append(ix.mins, sig.Mins[:]...)
	ix.root = append(ix.root, -1)
	ix.seen = append(ix.seen, 0)
	ix.inLSH = append(ix.inLSH, false)
	for b := range ix.next {
		ix.next[b] = append(ix.next[b], -1)
	}

	r, m := ix.lookup(&sig)
	switch {
	case r < 0:
		ix.insertOriginal(e, &sig)
	case pub != 0 && ix.published[r] != 0 && pub < ix.published[r]:
		// The new article is the earlier version: it becomes the original.
		m.Supersedes = ix.ids[r]
		m.CopyOf, m.Similarity, m.Exact = "", 0, false
		ix.root[r] = e
		ix.match[r] = Match{CopyOf: id, Similarity: ix.match[r].Similarity}
		ix.insertOriginal(e, &sig)
	default:
		ix.root[e] = r
		if sig.Exact != 0 {
			if _, ok := ix.exact[sig.Exact]; !ok {
				ix.exact[sig.Exact] = e
			}
		}
	}
	ix.match = append(ix.match, m)
	return m
}

// Lookup returns the match an article with this signature would get, without adding it.
func (ix *Index) Lookup(sig Signature) (Match, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	r, m := ix.lookup(&sig)
	return m, r >= 0
}

// lookup returns the original an article matches (-1 for none) and the match.
func (ix *Index) lookup(sig *Signature) (int32, Match) {
	if sig.Exact == 0 {
		return -1, Match{}
	}
	if e, ok := ix.exact[sig.Exact]; ok {
		r := ix.resolve(e)
		return r, Match{CopyOf: ix.ids[r], Similarity: 1, Exact: true}
	}
	if !sig.Near() {
		return -1, Match{}
	}
	ix.gen++
	if ix.gen == 0 { // wrapped: clear the stamps
		clear(ix.seen)
		ix.gen = 1
	}
	best, bestC, bestJ := int32(-1), 0.0, 0.0
	for b := range ix.heads {
		h := ix.heads[b]
		c := h[bandKey(b, sig.Mins[:])&uint64(len(h)-1)]
		for n := 0; c >= 0 && n < maxChain; n++ {
			if ix.seen[c] != ix.gen {
				ix.seen[c] = ix.gen
				j := jaccard(sig.Mins[:], ix.mins[int(c)*K:int(c+1)*K])
				cont := Containment(j, sig.Shingles, int(ix.shingles[c]))
				if j >= ix.MinJaccard && cont >= ix.MinContainment && (cont > bestC || (cont == bestC && j > bestJ)) {
					best, bestC, bestJ = c, cont, j
				}
			}
			c = ix.next[b][c]
		}
	}
	if best < 0 {
		return -1, Match{}
	}
	r := ix.resolve(best)
	return r, Match{CopyOf: ix.ids[r], Similarity: bestC}
}

// resolve follows copy links to the original, compressing the path.
func (ix *Index) resolve(e int32) int32 {
	r := e
	for ix.root[r] >= 0 {
		r = ix.root[r]
	}
	for ix.root[e] >= 0 && ix.root[e] != r {
		e, ix.root[e] = ix.root[e], r
	}
	return r
}

func (ix *Index) insertOriginal(e int32, sig *Signature) {
	if sig.Exact != 0 {
		ix.exact[sig.Exact] = e
	}
	if !sig.Near() {
		return
	}
	ix.originals++
	ix.inLSH[e] = true
	if ix.originals > 2*len(ix.heads[0]) {
		ix.grow()
	}
	mins := ix.mins[int(e)*K : int(e+1)*K]
	for b := range ix.heads {
		h := ix.heads[b]
		slot := bandKey(b, mins) & uint64(len(h)-1)
		ix.next[b][e] = h[slot]
		h[slot] = e
	}
}

// grow doubles the bucket tables, keeping chains short as the index fills.
func (ix *Index) grow() {
	size := 2 * len(ix.heads[0])
	for b := range ix.heads {
		ix.heads[b] = newHeads(size)
	}
	for e := range ix.ids {
		if !ix.inLSH[e] {
			continue
		}
		mins := ix.mins[e*K : (e+1)*K]
		for b := range ix.heads {
			slot := bandKey(b, mins) & uint64(size-1)
			ix.next[b][e] = ix.heads[b][slot]
			ix.heads[b][slot] = int32(e)
		}
	}
}

// bandKey hashes the Rows values of band b.
func bandKey(b int, mins []uint16) uint64 {
	x := uint64(b) << 48
	for _, v := range mins[b*Rows : (b+1)*Rows] {
		x = x<<16 | uint64(v)
	}
	return mix(x)
}

// signatureSize is the length of a marshalled Signature.
const signatureSize = 8 + 4 + 4 + 2*K

// ErrBadSignature is returned when stored signature bytes cannot be read.
var ErrBadSignature = errors.New("bad signature encoding")

// MarshalBinary encodes the signature for storage.
func (s Signature) MarshalBinary() ([]byte, error) {
	b := make([]byte, signatureSize)
	binary.LittleEndian.PutUint64(b, s.Exact)
	binary.LittleEndian.PutUint32(b[8:], uint32(s.Letters))
	binary.LittleEndian.PutUint32(b[12:], uint32(s.Shingles))
	for i, m := range s.Mins {
		binary.LittleEndian.PutUint16(b[16+2*i:], m)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) != signatureSize {
		return fmt.Errorf("%d bytes, want %d: %w", len(b), signatureSize, ErrBadSignature)
	}
	s.Exact = binary.LittleEndian.Uint64(b)
	s.Letters = int(binary.LittleEndian.Uint32(b[8:]))
	s.Shingles = int(binary.LittleEndian.Uint32(b[12:]))
	for i := range s.Mins {
		s.Mins[i] = binary.LittleEndian.Uint16(b[16+2*i:])
	}
	return nil
}
