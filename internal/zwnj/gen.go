//go:build ignore

// gen builds the ZWNJ model (model.txt.gz) from the corpora and lexicons in
// ../shared/data. Run it with `go generate ./internal/zwnj`; the output is the
// same bytes every time.
package main

import (
	"flag"
	"log"
	"os"

	"khabar/internal/zwnj"
)

func main() {
	data := flag.String("data", "../../../shared/data", "shared data directory")
	out := flag.String("o", "model.txt.gz", "output file")
	flag.Parse()
	b, err := zwnj.Build(zwnj.Sources{DataDir: *data})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%d bytes)", *out, len(b))
}
