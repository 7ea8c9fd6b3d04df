package zwnj

import (
	"os"
	"strings"
	"testing"

	"khabar/internal/persian"
)

// BenchmarkRestore measures the restorer on PerDT dev text with every ZWNJ
// removed (damage A), the common case for scraped news.
func BenchmarkRestore(b *testing.B) {
	data, err := os.ReadFile(perdtDev)
	if err != nil {
		b.Skip("shared data missing:", err)
	}
	lines := strings.Split(DamageA(persian.Letters(string(data))), "\n")
	r := Default()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		for _, l := range lines {
			r.Restore(l)
		}
	}
}

// BenchmarkLoad measures parsing the embedded model.
func BenchmarkLoad(b *testing.B) {
	for range b.N {
		if _, err := Load(strings.NewReader(string(modelGz))); err != nil {
			b.Fatal(err)
		}
	}
}
