// Command goldpick lists the sentences the rule-chosen enlargements of
// internal/events/testdata/gold.tsv were drawn from, so the choice can be
// checked and repeated. The gold file's header gives the rule; in short:
// articles of the bundled corpus from the given Fars News desks (and, with
// -agencies, the 2025 agency articles), skipping the articles labelled above
// the round's marker line in the gold file, taken in the order of the FNV-1a
// 32 hash of their id (a Fars News article's id is its link); in each, the
// sentences (title, abstract or lead, paragraphs) that name two or more
// distinct countries or organizations of the actor tables of
// internal/events/discourse, at most four in text order, plus the first
// sentence that names none, as a negative; stopping when the sentences reach
// -n. It prints split, article id, the number of actors and the sentence;
// labels are written by hand from that text. The event coder is not run.
//
//	go run ./internal/events/goldpick -n 90                  # round 2
//	go run ./internal/events/goldpick -round 3 -n 80 -agencies \
//	    -desks economy,social,culture,arts-media,farsplus-magazine,scientific-academic
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
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
	gold := flag.String("gold", "internal/events/testdata/gold.tsv", "the gold file")
	round := flag.Int("round", 2, "the enlargement: rows above its marker line («# goldpick:», «# goldpick round 3:») are skipped")
	desks := flag.String("desks", "world,foreign-policy,politics", "Fars News desks (cat field), comma-separated")
	agencies := flag.Bool("agencies", false, "also draw from the 2025 agency articles")
	flag.Parse()
	if err := run(*limit, *gold, *round, strings.Split(*desks, ","), *agencies); err != nil {
		log.Fatal(err)
	}
}

type cand struct {
	id, file string
	line     []byte
	h        uint32
}

func run(limit int, goldPath string, round int, desks []string, agencies bool) error {
	data, err := os.ReadFile(goldPath)
	if err != nil {
		return fmt.Errorf("gold file: %w", err)
	}
	// Only the rows labelled before this selection are skipped, so the
	// selection can be repeated after its own rows were added.
	marker := "\n# goldpick:"
	if round > 2 {
		marker = fmt.Sprintf("\n# goldpick round %d:", round)
	}
	before, _, found := strings.Cut(string(data), marker)
	if !found {
		return fmt.Errorf("gold file %s: no %q line", goldPath, strings.TrimSpace(marker))
	}
	gold, err := events.ReadGold(strings.NewReader(before))
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, g := range gold {
		have[g.Article] = true
	}
	want := map[string]bool{}
	for _, d := range desks {
		want[d] = true
	}
	var cands []cand
	fars, err := demo.Lines("fars-news.jsonl.gz")
	if err != nil {
		return err
	}
	for _, line := range fars {
		var rec struct{ Cat, Link string }
		if err := json.Unmarshal(line, &rec); err != nil {
			return fmt.Errorf("fars-news.jsonl.gz: %w", err)
		}
		if want[rec.Cat] && !have[rec.Link] {
			cands = append(cands, cand{rec.Link, "fars-news.jsonl", line, hash(rec.Link)})
		}
	}
	if agencies {
		ag, err := demo.Lines("news-2025-4agencies.jsonl")
		if err != nil {
			return err
		}
		for _, line := range ag {
			var rec struct{ ID string }
			if err := json.Unmarshal(line, &rec); err != nil {
				return fmt.Errorf("news-2025-4agencies.jsonl: %w", err)
			}
			if !have[rec.ID] {
				cands = append(cands, cand{rec.ID, "news-2025-4agencies.jsonl", line, hash(rec.ID)})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].h < cands[j].h })
	p := &pipeline.Pipeline{Normalizer: persian.Normalizer{}}
	n := 0
	for _, c := range cands {
		if n >= limit {
			break
		}
		res, err := p.Parse(context.Background(), pipeline.Document{Path: c.file, Data: c.line})
		if err != nil {
			return fmt.Errorf("%s: %w", c.id, err)
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
				fmt.Fprintf(os.Stdout, "%s\t%s\t%d\t%s\n", split, c.id, k, strings.ReplaceAll(s.Text, "\t", " "))
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
