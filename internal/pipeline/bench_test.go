package pipeline

import (
	"context"
	"io/fs"
	"testing"

	"khabar/internal/demo"
	"khabar/internal/textdump"
)

// BenchmarkParseNormalize measures parse + normalize (rules only, no ZWNJ
// model) over the bundled four-agency dataset, in input bytes per second.
func BenchmarkParseNormalize(b *testing.B) {
	data, err := fs.ReadFile(demo.Corpus(), "news-2025-4agencies.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	p := &Pipeline{}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := p.Parse(context.Background(), Document{Data: data}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseTextDump measures the seed-style text-dump parser alone.
func BenchmarkParseTextDump(b *testing.B) {
	data, err := fs.ReadFile(demo.Corpus(), "seed-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := textdump.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseNormalizeTextDump is parse + normalize (rules only) of a
// seed-style text dump through the whole pipeline.
func BenchmarkParseNormalizeTextDump(b *testing.B) {
	data, err := fs.ReadFile(demo.Corpus(), "seed-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	p := &Pipeline{}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := p.Parse(context.Background(), Document{Data: data}); err != nil {
			b.Fatal(err)
		}
	}
}
