package persian

import "testing"

// TestFoldRuneTable checks the Arabic-block table against the rules it caches.
func TestFoldRuneTable(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		f, in := FoldRune(r)
		g, gin := foldRune(r)
		if f != g || in != gin {
			t.Fatalf("FoldRune(%U) = %U, %v; want %U, %v", r, f, in, g, gin)
		}
	}
}
