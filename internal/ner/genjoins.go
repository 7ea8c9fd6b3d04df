//go:build ignore

// genjoins writes joins.txt, how PEYMA's train split cuts words that running
// text writes apart with a space (see ner.BuildJoins). Train only, so that
// the tokenizer has not seen dev or test.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"khabar/internal/ner"
)

func main() {
	data := flag.String("data", "../../../shared/data", "shared data directory")
	out := flag.String("o", "joins.txt", "output file")
	flag.Parse()
	sents, err := ner.ReadPEYMAFile(filepath.Join(*data, "peyma", "train.txt"))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, ner.BuildJoins(sents), 0o644); err != nil {
		log.Fatal(err)
	}
}
