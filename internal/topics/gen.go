//go:build ignore

// gen trains the topic classifier on the training part of the bundled
// corpus (everything IsTest does not pick) and writes model.txt.gz.
// Run with: go generate ./internal/topics
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"log"
	"os"

	"khabar/internal/topics"
	"khabar/internal/topics/nb"
)

// minDF drops tokens seen in fewer training articles: they cannot
// generalize and would only grow the model.
const minDF = 3

func main() {
	exs, err := topics.Examples(os.DirFS("../demo/corpus"))
	if err != nil {
		log.Fatal(err)
	}
	var docs [][]string
	var labels []string
	for _, ex := range exs {
		if topics.IsTest(ex.URL) {
			continue
		}
		docs = append(docs, nb.Tokens(ex.Title, append([]string{ex.Lead}, ex.Body...)...))
		labels = append(labels, ex.Topic)
	}
	c := nb.Train(docs, labels, minDF)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err := c.Write(zw); err != nil {
		log.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("model.txt.gz", buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("trained on %d articles, %d classes, %d tokens; model.txt.gz %d bytes\n", len(docs), len(c.Classes), len(c.Words), buf.Len())
}
