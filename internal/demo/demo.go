// Package demo holds the bundled corpus that `khabar demo` ingests: 1,500 Fars
// News articles (2008–2010, Apache-2.0 dataset), 80 articles from Tasnim,
// Hamshahri Online, Khabar Online and Borna (2025, MIT dataset) and the seed
// article (a Webangah copy of a Tasnim translation of a TASS report). Article
// copyright stays with each publisher; see corpus/README.md.
package demo

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

//go:embed corpus/*.gz corpus/*.jsonl corpus/*.txt corpus/README.md
var files embed.FS

// Corpus returns the bundled files, rooted at the corpus folder.
func Corpus() fs.FS {
	sub, err := fs.Sub(files, "corpus")
	if err != nil {
		panic(err) // the folder is embedded at build time
	}
	return sub
}

// ReadFile returns a bundled file's contents, gunzipped if its name ends in
// .gz.
func ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(Corpus(), name)
	if err != nil {
		return nil, fmt.Errorf("demo corpus: %w", err)
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("demo corpus %s: %w", name, err)
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("demo corpus %s: %w", name, err)
		}
	}
	return data, nil
}

// Lines returns the non-empty lines of a bundled file (ReadFile), one
// article of a JSON-lines dataset each.
func Lines(name string) ([][]byte, error) {
	data, err := ReadFile(name)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) > 0 {
			out = append(out, line)
		}
	}
	return out, nil
}
