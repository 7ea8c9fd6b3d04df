package copies

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
	"time"
)

// synthetic returns a near signature with random MinHash values, like a text
// unrelated to everything else.
func synthetic(r *rand.Rand) Signature {
	s := Signature{Exact: r.Uint64() | 1, Shingles: 500 + r.IntN(3000), Letters: 1000}
	for i := range s.Mins {
		s.Mins[i] = uint16(r.Uint32())
	}
	return s
}

var (
	bigOnce  sync.Once
	bigIndex *Index
	bigSigs  []Signature
	bigBytes float64
)

// million builds (once) an index of 1,000,000 synthetic originals and reports
// the heap it takes.
func million(b *testing.B) *Index {
	bigOnce.Do(func() {
		r := rand.New(rand.NewPCG(1, 2))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix := NewIndex()
		const n = 1_000_000
		bigSigs = make([]Signature, 0, 1000)
		for i := range n {
			s := synthetic(r)
			if i%1000 == 0 {
				bigSigs = append(bigSigs, s)
			}
			ix.Add(fmt.Sprintf("%016x", i), time.Time{}, s)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		bigIndex = ix
		bigBytes = float64(after.HeapAlloc-before.HeapAlloc) / n
	})
	return bigIndex
}

// BenchmarkLookup1M measures a near-copy lookup (a signature that agrees with
// an indexed one on 3/4 of its bins, so the exact map misses) against 1M
// indexed articles.
func BenchmarkLookup1M(b *testing.B) {
	ix := million(b)
	r := rand.New(rand.NewPCG(3, 4))
	queries := make([]Signature, len(bigSigs))
	for i, s := range bigSigs {
		q := s
		q.Exact ^= 2
		for j := range q.Mins {
			if r.IntN(4) == 0 {
				q.Mins[j] = uint16(r.Uint32())
			}
		}
		queries[i] = q
	}
	b.ResetTimer()
	found := 0
	for i := 0; i < b.N; i++ {
		if _, ok := ix.Lookup(queries[i%len(queries)]); ok {
			found++
		}
	}
	b.StopTimer()
	b.ReportMetric(bigBytes, "heap-B/indexed")
	if found < b.N*9/10 {
		b.Errorf("found %d of %d near copies", found, b.N)
	}
}

// BenchmarkLookupMiss1M measures a lookup of an unrelated text.
func BenchmarkLookupMiss1M(b *testing.B) {
	ix := million(b)
	r := rand.New(rand.NewPCG(5, 6))
	q := make([]Signature, 1000)
	for i := range q {
		q[i] = synthetic(r)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Lookup(q[i%len(q)])
	}
}

func BenchmarkSign(b *testing.B) {
	body := seedBody(b)
	n := 0
	for _, p := range body {
		n += len(p)
	}
	b.SetBytes(int64(n))
	for i := 0; i < b.N; i++ {
		Sign(body, "")
	}
}
