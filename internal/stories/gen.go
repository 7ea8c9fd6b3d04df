//go:build ignore

// gen.go counts document frequencies of folded terms over the bundled demo
// corpus and writes idf.txt.gz. Run with `go generate ./internal/stories`.
package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io/fs"
	"log"
	"os"
	"sort"

	"khabar/internal/demo"
	"khabar/internal/pipeline"
	"khabar/internal/stories"
)

func main() {
	p := &pipeline.Pipeline{}
	df := map[string]int{}
	docs := 0
	var buf []byte
	for _, name := range []string{"news-2025-4agencies.jsonl", "fars-news.jsonl.gz"} {
		data, err := fs.ReadFile(demo.Corpus(), name)
		if err != nil {
			log.Fatal(err)
		}
		res, err := p.Parse(context.Background(), pipeline.Document{Data: data})
		if err != nil {
			log.Fatal(err)
		}
		for _, a := range res.Articles {
			docs++
			seen := map[string]bool{}
			buf = stories.Terms(a.Text(), buf, func(t []byte) { seen[string(t)] = true })
			for t := range seen {
				df[t]++
			}
		}
	}
	terms := make([]string, 0, len(df))
	for t, n := range df {
		if n > 1 { // a term seen once weighs the same as an unseen one
			terms = append(terms, t)
		}
	}
	sort.Strings(terms)
	f, err := os.Create("idf.txt.gz")
	if err != nil {
		log.Fatal(err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	fmt.Fprintf(zw, "#docs %d\n", docs)
	for _, t := range terms {
		fmt.Fprintf(zw, "%s %d\n", t, df[t])
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
