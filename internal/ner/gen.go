//go:build ignore

// gen trains the NER model (model.bin.gz) on PEYMA's train and dev splits
// with word clusters from the news text and Hazm's lexicon in ../shared/data
// and the names of internal/entities' hand-written gazetteer, then again with
// 8,000 news sentences it tagged itself added (self-training). Run it with
// `go generate ./internal/ner`; the output is the same bytes every time.
// Features and epochs were chosen with `go run gen.go -with-dev=false -dev`
// (train only, dev scored after every epoch).
package main

import (
	"flag"
	"log"
	"os"

	"khabar/internal/entities"
	"khabar/internal/ner"
)

func main() {
	data := flag.String("data", "../../../shared/data", "shared data directory")
	out := flag.String("o", "model.bin.gz", "output file")
	epochs := flag.Int("epochs", 8, "training epochs")
	minCount := flag.Int("min-count", 2, "drop features seen fewer times in training")
	histFolds := flag.Int("history-folds", 5, "blocks whose document history comes from a model trained on the others (1: gold tags)")
	runs := flag.Int("runs", 1, "perceptron runs with different shuffles, averaged")
	dev := flag.Bool("dev", false, "score PEYMA dev after every epoch")
	withDev := flag.Bool("with-dev", true, "train on PEYMA train and dev (the shipped model); false: train only")
	selfTrain := flag.Int("self-train", 8000, "silver sentences from the unlabelled news (0: none)")
	selfWeight := flag.Float64("self-weight", 0.3, "weight of a silver sentence's updates")
	selfNoGaz := flag.Bool("self-no-gaz", false, "leave the gazetteer features out of the silver sentences")
	selfAgree := flag.Bool("self-agree", false, "silver sentences only where two shuffles' models agree")
	seed := flag.Uint64("seed", 0, "perceptron shuffle seed (for measuring noise)")
	orgWords := flag.Bool("org-words", false, "own tag transitions into ORG starter/inside words of train (Model.edge)")
	noNames := flag.Bool("no-names", false, "leave out the names of internal/entities' gazetteer")
	flag.Parse()
	var names []ner.Name
	if !*noNames {
		g, err := entities.LoadGazetteer()
		if err != nil {
			log.Fatal(err)
		}
		// Each record's name and aliases; a name that is also a common word
		// (NoBare, and the aliases the recognizer must confirm) is left out.
		for _, r := range g.Records {
			if !r.NoBare {
				names = append(names, ner.Name{Text: r.Name, Type: r.Type})
			}
			for _, a := range r.Aliases {
				names = append(names, ner.Name{Text: a, Type: r.Type})
			}
		}
	}
	b, err := ner.Build(ner.Sources{DataDir: *data, Epochs: *epochs, MinCount: *minCount,
		HistoryFolds: *histFolds, Runs: *runs, Names: names, SelfTrain: *selfTrain, SelfWeight: *selfWeight, OrgWords: *orgWords, SelfNoGaz: *selfNoGaz, SelfAgree: *selfAgree, Seed: *seed, ScoreDev: *dev, WithDev: *withDev, Log: log.Printf})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%d bytes)", *out, len(b))
}
