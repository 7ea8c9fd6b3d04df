package ner

import (
	"math/rand"
	"testing"
)

// The table must answer exactly as the map it indexes, for keys in it and
// keys not in it, including 0 and keys that collide on their home slot.
func TestFeatTableMatchesMap(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 1, 7, 1000, 50000} {
		m := map[uint32]int32{}
		for len(m) < n {
			m[r.Uint32()] = int32(len(m) * 15)
		}
		if n > 0 {
			m[0] = 3
		}
		tb := newFeatTable(m)
		for k, v := range m {
			if got, ok := tb.get(k); !ok || got != v {
				t.Fatalf("n=%d: get(%d) = %d, %v; want %d", n, k, got, ok, v)
			}
		}
		for range 10000 {
			k := r.Uint32()
			want, wok := m[k]
			if got, ok := tb.get(k); ok != wok || got != want {
				t.Fatalf("n=%d: get(%d) = %d, %v; want %d, %v", n, k, got, ok, want, wok)
			}
		}
	}
}
