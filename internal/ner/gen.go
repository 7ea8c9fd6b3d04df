//go:build ignore

// gen trains the NER model (model.bin.gz) on PEYMA's train split with word
// clusters from the news text and Hazm's lexicon in ../shared/data. Run it
// with `go generate ./internal/ner`; the output is the same bytes every time.
package main

import (
	"flag"
	"log"
	"os"

	"khabar/internal/ner"
)

func main() {
	data := flag.String("data", "../../../shared/data", "shared data directory")
	out := flag.String("o", "model.bin.gz", "output file")
	epochs := flag.Int("epochs", 8, "training epochs")
	minCount := flag.Int("min-count", 2, "drop features seen fewer times in training")
	dev := flag.Bool("dev", false, "score PEYMA dev after every epoch")
	flag.Parse()
	b, err := ner.Build(ner.Sources{DataDir: *data, Epochs: *epochs, MinCount: *minCount, ScoreDev: *dev, Log: log.Printf})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%d bytes)", *out, len(b))
}
