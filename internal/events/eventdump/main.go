// Command eventdump prints sentences with the actors internal/events/discourse
// reads in them and the events internal/events codes, for reading the coder's
// output while changing it:
//
//	go run ./internal/events/eventdump -mode dev
//	    the dev half of testdata/gold.tsv: each labelled sentence with its
//	    labels, mentions and events (the test half is never printed)
//	go run ./internal/events/eventdump -mode unl -n 2000 -seed 1
//	    Fars News articles of the bundled corpus outside the gold file (all of
//	    them with -n 2000), shuffled by -seed: each sentence with an event
//	go run ./internal/events/eventdump -mode unl -all
//	    the same articles: sentences with two coded actors and no event
//	go run ./internal/events/eventdump -mode unl -unk
//	    sentences where an action follows a person with no actor code
//
// A mention prints as [text|code|preposition|kind]; kinds are the
// discourse.Kind numbers (0 named, 1 title, 2 counterpart, 3 pronoun,
// 4 possessive, 5 anaphor). The articles run through the same pipeline as
// `khabar eval events` (ZWNJ repair, the analysis stage).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math/rand"
	"strings"

	"khabar/internal/analysis"
	"khabar/internal/article"
	"khabar/internal/demo"
	"khabar/internal/events"
	"khabar/internal/events/discourse"
	"khabar/internal/persian"
	"khabar/internal/pipeline"
	zwnjmodel "khabar/internal/zwnj"
)

// lz is the embedded ZWNJ model, loaded on first use.
type lz struct{}

func (lz) Restore(s string) string { return zwnjmodel.Default().Restore(s) }

func main() {
	mode := flag.String("mode", "dev", "dev|unl")
	n := flag.Int("n", 30, "articles (unl)")
	seed := flag.Int64("seed", 1, "seed (unl)")
	all := flag.Bool("all", false, "unl: print every sentence with ≥2 coded mentions")
	grep := flag.String("grep", "", "unl: only sentences containing this folded word")
	unk := flag.Bool("unk", false, "unl: sentences with an action after an uncoded person")
	flag.Parse()
	an, err := analysis.New()
	if an == nil {
		log.Fatalf("eventdump: %v", err)
	}
	p := &pipeline.Pipeline{Normalizer: persian.Normalizer{ZWNJ: lz{}}, Analyzers: []pipeline.Analyzer{an}}
	gold, err := events.Gold()
	if err != nil {
		log.Fatalf("eventdump: %v", err)
	}
	inGold := map[string]bool{}
	devKeys := map[string][]events.GoldRow{}
	for _, g := range gold {
		inGold[g.Article] = true
		if g.Split == "dev" {
			devKeys[g.Key] = append(devKeys[g.Key], g)
		}
	}
	var arts []*article.Article
	if *mode == "dev" {
		for _, name := range []string{"seed-article.txt", "news-2025-4agencies.jsonl", "fars-news.jsonl.gz"} {
			data := read(name)
			if name != "seed-article.txt" {
				data = keep(data, func(id, link string) bool { return inGold[id] || inGold[link] })
			}
			res, err := p.Parse(context.Background(), pipeline.Document{Path: strings.TrimSuffix(name, ".gz"), Data: data})
			if err != nil {
				log.Fatalf("eventdump: %s: %v", name, err)
			}
			arts = append(arts, res.Articles...)
		}
		for _, a := range arts {
			ss := discourse.Read(a)
			evs := events.FindIn(ss)
			for si := range ss {
				s := &ss[si]
				mf := events.MatchForm(s.Text)
				for key, rows := range devKeys {
					if !strings.Contains(mf, events.MatchForm(key)) {
						continue
					}
					fmt.Println("=== ", s.Text)
					for _, r := range rows {
						if r.Source != "-" {
							fmt.Printf("  gold %s → %s %s\n", r.Source, r.Target, r.Root)
						}
					}
					printS(s, evs)
				}
			}
		}
		return
	}
	data := read("fars-news.jsonl.gz")
	var lines [][]byte
	for _, l := range bytes.Split(data, []byte("\n")) {
		var h struct{ ID, Link string }
		if json.Unmarshal(l, &h) != nil {
			continue
		}
		if inGold[h.ID] || inGold[h.Link] {
			continue
		}
		lines = append(lines, l)
	}
	r := rand.New(rand.NewSource(*seed))
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	if *n < len(lines) {
		lines = lines[:*n]
	}
	res, err := p.Parse(context.Background(), pipeline.Document{Path: "fars-news.jsonl", Data: bytes.Join(lines, []byte("\n"))})
	if err != nil {
		log.Fatalf("eventdump: fars-news: %v", err)
	}
	for _, a := range res.Articles {
		ss := discourse.Read(a)
		evs := events.FindIn(ss)
		for si := range ss {
			s := &ss[si]
			has := false
			for _, e := range evs {
				if e.Place == s.Place {
					has = true
				}
			}
			nc := 0
			for _, m := range s.Mentions {
				if m.Actor.Code != "" {
					nc++
				}
			}
			if *grep != "" && !strings.Contains(persian.Fold(s.Text), *grep) {
				continue
			}
			if *unk {
				ms := events.Lexicon().Find(s, 0, len(s.Tokens))
				hit := false
				for _, mt := range ms {
					for _, m := range s.Mentions {
						if m.To <= mt.From && m.Prep == "" && m.Type == "PER" && m.Actor.Code == "" && m.Kind == discourse.Named {
							hit = true
						}
					}
				}
				if hit {
					fmt.Println("=== ["+a.Section+"]", s.Text)
					printS(s, evs)
				}
				continue
			}
			if (!*all && has) || (*all && !has && nc >= 2) {
				fmt.Println("=== ["+a.Section+"]", s.Text)
				printS(s, evs)
			}
		}
	}
}

func printS(s *discourse.Sentence, evs []article.Event) {
	var b strings.Builder
	for _, m := range s.Mentions {
		fmt.Fprintf(&b, " [%s|%s|%s|k%d]", txt(s, m), m.Actor.Code, m.Prep, m.Kind)
	}
	fmt.Println("  M:", b.String())
	for _, e := range evs {
		if e.Place == s.Place {
			fmt.Printf("  EV %s → %s %s %s «%s»\n", e.Source.Code, e.Target.Code, e.CAMEO, e.PLOVER, e.Action)
		}
	}
}

func txt(s *discourse.Sentence, m discourse.Mention) string {
	a, b := s.Span(m.From, m.To)
	return s.Text[a-s.Start : b-s.Start]
}

func read(name string) []byte {
	data, err := demo.ReadFile(name)
	if err != nil {
		log.Fatalf("eventdump: %v", err)
	}
	return data
}

func keep(data []byte, f func(id, link string) bool) []byte {
	var out [][]byte
	for _, l := range bytes.Split(data, []byte("\n")) {
		var h struct{ ID, Link string }
		if json.Unmarshal(l, &h) != nil {
			continue
		}
		if f(h.ID, h.Link) {
			out = append(out, l)
		}
	}
	return bytes.Join(out, []byte("\n"))
}
