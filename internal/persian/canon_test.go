package persian

import "testing"

// TestIsCanonicalAgrees checks Letters' byte-level fast path against the rune
// rules for every BMP rune: it must never call text canonical that the rules change.
func TestIsCanonicalAgrees(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue
		}
		s := "ab" + string(r) + "cd"
		if isCanonical(s) && lettersSlow(s) != s {
			t.Errorf("U+%04X: fast path says canonical, rules change it", r)
		}
	}
}
