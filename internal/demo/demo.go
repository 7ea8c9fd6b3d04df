// Package demo holds the bundled corpus that `khabar demo` ingests: 1,500 Fars
// News articles (2008–2010, Apache-2.0 dataset), 80 articles from Tasnim,
// Hamshahri Online, Khabar Online and Borna (2025, MIT dataset) and the seed
// article (a Webangah copy of a Tasnim translation of a TASS report). Article
// copyright stays with each publisher; see corpus/README.md.
package demo

import (
	"embed"
	"io/fs"
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
