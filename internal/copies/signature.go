package copies

import (
	"hash/fnv"
)

// Signature parameters. K one-permutation MinHash bins over character
// shingles of ShingleRunes letters; the LSH index cuts the K values into
// Bands of Rows each. Changing any of them changes every stored signature.
const (
	K            = 64
	ShingleRunes = 10
	Rows         = 2
	Bands        = K / Rows
)

// Size floors, in letters of content (spaces dropped). Below MinExactLetters a
// text (a title-only item, a boilerplate page) gets no fingerprint at all, so
// two such items are never called copies; below MinNearLetters it can only be
// an exact copy, since a handful of shingles says little about text reuse.
const (
	MinExactLetters = 60
	MinNearLetters  = 100
)

// Signature is what copy detection keeps of an article's content.
type Signature struct {
	// Exact is a 64-bit FNV-1a hash of the content streams; 0 when the text is too short.
	Exact uint64
	// Mins are the MinHash values (low 16 bits of each bin's minimum); valid when Near.
	Mins [K]uint16
	// Shingles counts the shingles hashed: the size of the set, for containment.
	Shingles int
	// Letters is the content length in letters.
	Letters int
}

// Near reports whether the signature may take part in near-copy matching.
func (s *Signature) Near() bool { return s.Letters >= MinNearLetters }

// Sign computes the signature of an article's body (the lead stands in for an empty body).
func Sign(body []string, lead string) Signature {
	return SignContent(Content(body, lead))
}

// SignContent computes the signature of content streams made by Content.
func SignContent(paras []string) Signature {
	var sig Signature
	sig.Letters = runeCount(paras)
	if sig.Letters < MinExactLetters {
		return sig
	}
	h := fnv.New64a()
	for i, p := range paras {
		if i > 0 {
			h.Write([]byte{'\n'})
		}
		h.Write([]byte(p))
	}
	sig.Exact = h.Sum64() | 1 // never 0, which means "no fingerprint"
	if sig.Letters < MinNearLetters {
		return sig
	}
	var mins [K]uint32
	for i := range mins {
		mins[i] = ^uint32(0)
	}
	var filled uint64 // bit i set when bin i received a shingle
	for _, p := range paras {
		sig.Shingles += shingles(p, func(x uint64) {
			b := x >> (64 - 6) // K = 64 bins: the top 6 bits pick the bin
			if v := uint32(x); v < mins[b] {
				mins[b] = v
				filled |= 1 << b
			}
		})
	}
	// Optimal densification (Shrivastava 2017): an empty bin borrows the value
	// of the first filled bin on its own pseudo-random probe sequence, the same
	// for every text, so two texts agree on a borrowed bin exactly when they
	// agree on the bin it borrows from.
	for i := range mins {
		if filled&(1<<i) != 0 {
			continue
		}
		for attempt := uint64(1); ; attempt++ {
			j := mix(uint64(i)<<32|attempt) % K
			if filled&(1<<j) != 0 {
				mins[i] = mins[j]
				break
			}
		}
	}
	for i, m := range mins {
		sig.Mins[i] = uint16(mix(uint64(m)))
	}
	return sig
}

// shingles calls f with the mixed hash of every ShingleRunes-letter window of
// p (one window for a shorter paragraph) and returns how many there were.
func shingles(p string, f func(uint64)) int {
	if p == "" {
		return 0
	}
	// A polynomial rolling hash over runes: one multiply per letter.
	const base = 0x100000001b3
	var pow uint64 = 1
	for i := 0; i < ShingleRunes; i++ {
		pow *= base
	}
	var ring [ShingleRunes]rune
	var h uint64
	n := 0
	for _, r := range p {
		h = h*base + uint64(r)
		if n >= ShingleRunes {
			h -= pow * uint64(ring[n%ShingleRunes])
		}
		ring[n%ShingleRunes] = r
		n++
		if n >= ShingleRunes {
			f(mix(h))
		}
	}
	if n < ShingleRunes {
		f(mix(h))
		return 1
	}
	return n - ShingleRunes + 1
}

// mix is the splitmix64 finalizer: it spreads a hash's entropy over all bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Jaccard estimates the Jaccard similarity of the shingle sets behind two
// near signatures: the share of agreeing bins, corrected for the 1/65536
// chance that two different 16-bit values agree.
func Jaccard(a, b *Signature) float64 { return jaccard(a.Mins[:], b.Mins[:]) }

func jaccard(a, b []uint16) float64 {
	eq := 0
	for i := range K {
		if a[i] == b[i] {
			eq++
		}
	}
	const chance = 1.0 / 65536
	j := (float64(eq)/K - chance) / (1 - chance)
	return max(j, 0)
}

// Containment estimates the share of the smaller shingle set found in the
// larger from the Jaccard estimate j and the two set sizes: a copy that is
// only the first half of its original has Jaccard ≈ 0.5 but containment ≈ 1.
func Containment(j float64, a, b int) float64 {
	small := min(a, b)
	if small == 0 {
		return 0
	}
	return min(1, j*float64(a+b)/((1+j)*float64(small)))
}
