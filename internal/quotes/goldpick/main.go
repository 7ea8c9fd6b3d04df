// Command goldpick lists the sentences internal/quotes/testdata/gold.tsv was
// labelled from, so the choice can be checked and repeated. The gold file's
// header gives the rule; in short: the articles of the bundled 2025 agency
// corpus and the bundled Fars News articles, in the order of the FNV-1a 32
// hash of their id (a Fars News article's id is its link); in each, the
// sentences (title, lead or abstract, paragraphs, as
// internal/events/discourse splits them) that carry a speech cue — a word
// stem from the cue list below, written independently of verbs.tsv and
// broader than it, or a guillemet quotation of four words or more — at most
// -per in text order; articles with no cue sentence are passed over; stopping
// at -articles articles. It prints split, article id and the sentence; labels
// are written by hand from that text. The quote finder is not run.
//
//	go run ./internal/quotes/goldpick -articles 48 -per 4                    # round 1
//	go run ./internal/quotes/goldpick -source agencies -articles 16 -per 4  # round 2
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"log"
	"os"
	"regexp"
	"sort"
	"strings"

	"khabar/internal/demo"
	"khabar/internal/events/discourse"
	"khabar/internal/persian"
	"khabar/internal/pipeline"
)

// cue matches the folded sentence when it may report speech: stems of the
// verbs and nouns Persian news uses for saying, writing, stating, stressing,
// announcing, adding, reminding, explaining, warning, claiming and answering,
// and «به گفته». It deliberately also catches «گفت‌وگو», «اعلام شد», «گفته
// می‌شود» and the like, which are labelled as sentences without a quote.
var cue = regexp.MustCompile(`گفت|گفته|می گوید|می گویند|افزود|افزای|تاکید|تأکید|اعلام|خاطرنشان|خاطر نشان|یادآور|اظهار|تصریح|اشاره|بیان|توضیح|هشدار|نوشت|ادعا|مدعی|پاسخ|اذعان|ابراز`)

// quotation is a guillemet pair around four words or more.
var quotation = regexp.MustCompile(`«[^»]*\S+\s+\S+\s+\S+\s+\S+[^»]*»`)

func main() {
	articles := flag.Int("articles", 48, "stop after this many articles")
	per := flag.Int("per", 4, "at most this many sentences per article")
	source := flag.String("source", "all", "draw from all, fars (Fars News) or agencies (the 2025 agency articles)")
	flag.Parse()
	if err := run(*articles, *per, *source); err != nil {
		log.Fatal(err)
	}
}

type cand struct {
	id, file string
	line     []byte
	h        uint32
}

func run(articles, per int, source string) error {
	var cands []cand
	fars, err := demo.Lines("fars-news.jsonl.gz")
	if err != nil {
		return err
	}
	if source == "agencies" {
		fars = nil
	}
	for _, line := range fars {
		var rec struct{ Link string }
		if err := json.Unmarshal(line, &rec); err != nil {
			return fmt.Errorf("fars-news.jsonl.gz: %w", err)
		}
		cands = append(cands, cand{rec.Link, "fars-news.jsonl", line, hash(rec.Link)})
	}
	ag, err := demo.Lines("news-2025-4agencies.jsonl")
	if err != nil {
		return err
	}
	if source == "fars" {
		ag = nil
	}
	for _, line := range ag {
		var rec struct{ ID string }
		if err := json.Unmarshal(line, &rec); err != nil {
			return fmt.Errorf("news-2025-4agencies.jsonl: %w", err)
		}
		cands = append(cands, cand{rec.ID, "news-2025-4agencies.jsonl", line, hash(rec.ID)})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].h < cands[j].h })
	p := &pipeline.Pipeline{Normalizer: persian.Normalizer{}}
	n := 0
	for _, c := range cands {
		if n >= articles {
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
			k := 0
			for _, s := range discourse.Read(a) {
				if k >= per {
					break
				}
				if !Cue(s.Text) {
					continue
				}
				k++
				fmt.Fprintf(os.Stdout, "%s\t%s\t%s\n", split, c.id, strings.ReplaceAll(s.Text, "\t", " "))
			}
			if k > 0 {
				n++
			}
		}
	}
	return nil
}

// Cue reports whether a sentence is read for the gold set.
func Cue(text string) bool {
	return cue.MatchString(persian.Fold(text)) || quotation.MatchString(text)
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}
