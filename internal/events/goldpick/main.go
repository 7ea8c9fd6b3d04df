// Command goldpick lists the sentences the second enlargement of
// internal/events/testdata/gold.tsv was chosen from, by the rule its header
// gives, so the choice can be checked and repeated: Fars News articles of the
// world, foreign-policy and politics desks of the bundled corpus, taken in
// the order of the FNV-1a 32 hash of their link, skipping the articles
// labelled before it (the rows above the file's «# goldpick:» line); in each, the sentences (title, abstract, paragraphs) that
// name two or more distinct countries or organizations of the actor tables
// of internal/events/discourse, at most four in text order, plus the first
// sentence that names none, as a negative. It stops when the sentences
// reach -n. It prints split, article id and the whole sentence; labels are
// written by hand from that text. The event coder is not run.
//
//	go run ./internal/events/goldpick -n 90
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"log"
	"os"
	"sort"
	"strings"

	"khabar/internal/demo"
	"khabar/internal/events"
	"khabar/internal/events/discourse"
	"khabar/internal/persian"
	"khabar/internal/pipeline"
)

func main() {
	limit := flag.Int("n", 90, "stop after this many sentences")
	gold := flag.String("gold", "internal/events/testdata/gold.tsv", "the gold file whose rows above its «# goldpick:» line are skipped")
	flag.Parse()
	if err := run(*limit, *gold); err != nil {
		log.Fatal(err)
	}
}

func run(limit int, goldPath string) error {
	data, err := os.ReadFile(goldPath)
	if err != nil {
		return fmt.Errorf("gold file: %w", err)
	}
	// Only the rows labelled before this selection are skipped, so the
	// selection can be repeated after its own rows were added.
	before, _, found := strings.Cut(string(data), "\n# goldpick:")
	if !found {
		return fmt.Errorf("gold file %s: no «# goldpick:» line", goldPath)
	}
	gold, err := events.ReadGold(strings.NewReader(before))
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, g := range gold {
		have[g.Article] = true
	}
	f, err := demo.Corpus().Open("fars-news.jsonl.gz")
	if err != nil {
		return fmt.Errorf("demo corpus: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("fars-news.jsonl.gz: %w", err)
	}
	data, err = io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("fars-news.jsonl.gz: %w", err)
	}
	type cand struct {
		link string
		line []byte
		h    uint32
	}
	var cands []cand
	for _, line := range bytes.Split(data, []byte("\n")) {
		var rec struct{ Cat, Link string }
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			return fmt.Errorf("fars-news.jsonl.gz: %w", err)
		}
		if rec.Cat != "world" && rec.Cat != "foreign-policy" && rec.Cat != "politics" || have[rec.Link] {
			continue
		}
		cands = append(cands, cand{rec.Link, line, hash(rec.Link)})
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].h < cands[j].h })
	p := &pipeline.Pipeline{Normalizer: persian.Normalizer{}}
	n := 0
	for _, c := range cands {
		if n >= limit {
			break
		}
		res, err := p.Parse(context.Background(), pipeline.Document{Path: "fars-news.jsonl", Data: c.line})
		if err != nil {
			return fmt.Errorf("%s: %w", c.link, err)
		}
		split := "dev"
		if c.h%2 == 1 {
			split = "test"
		}
		for _, a := range res.Articles {
			named, negative := 0, false
			for _, s := range discourse.Read(a) {
				k := actors(&s)
				switch {
				case k >= 2 && named < 4:
					named++
				case k == 0 && !negative:
					negative = true
				default:
					continue
				}
				n++
				fmt.Fprintf(os.Stdout, "%s\t%s\t%d\t%s\n", split, c.link, k, strings.ReplaceAll(s.Text, "\t", " "))
			}
		}
	}
	return nil
}

// actors counts the distinct countries and organizations a sentence names.
func actors(s *discourse.Sentence) int {
	seen := map[string]bool{}
	for _, m := range s.Mentions {
		switch {
		case m.Country != "":
			seen[m.Country] = true
		case m.Type == "ORG" && m.Actor.Code != "":
			seen[m.Actor.Code] = true
		}
	}
	return len(seen)
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}
