//go:build ignore

// gen trains the NER model (model.bin.gz) on PEYMA's train and dev splits
// with word clusters from the news text and Hazm's lexicon in ../shared/data
// and the names of internal/entities' hand-written gazetteer, then again with
// 8,000 news sentences it tagged itself added (self-training); the final
// model is an averaged perceptron (-crf-epochs N trains a CRF on the same
// features instead, crf.go). Run it with
// `go generate ./internal/ner`; the output is the same bytes every time.
// Features and epochs were chosen with `go run gen.go -with-dev=false -dev`
// (train only, dev scored after every epoch).
package main

import (
	"flag"
	"log"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

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
	// 0: on the final tree of session 5 the perceptron beat the CRF on dev
	// (3-seed means 77.62 against 76.46; docs/BENCHMARKS.md, round 4).
	crfEpochs := flag.Int("crf-epochs", 0, "train the final model as a CRF for this many epochs (0: an averaged perceptron)")
	crfL2 := flag.Float64("crf-l2", 1, "CRF L2 regularization (λ over the whole training set)")
	crfEta := flag.Float64("crf-eta", 0.1, "CRF learning rate of the first epoch")
	crfDecay := flag.Float64("crf-decay", 0.5, "CRF learning rate decay per epoch: eta/(1+decay·(epoch-1))")
	crfAvg := flag.Int("crf-avg", 5, "average the CRF weights of the epochs from this one on (0: the last epoch's)")
	crfPrune := flag.Float64("crf-prune", 0.05, "zero CRF weights smaller than this in magnitude")
	crfSweep := flag.String("crf-sweep", "", "comma-separated CRF L2 values trained and scored before the final model (tuning)")
	crfBase := flag.Bool("crf-base", false, "the self-training's first model a CRF too")
	noNames := flag.Bool("no-names", false, "leave out the names of internal/entities' gazetteer")
	surnames := flag.Bool("surnames", false, "also give the last word of each person's name (as the linker's partial names) as a PER name")
	noHonorifics := flag.Bool("strip-honorifics", false, "cut honorifics («سردار», «دکتر») from the front of the names given")
	flag.Parse()
	var sweep []float64
	for _, f := range strings.Split(*crfSweep, ",") {
		if f == "" {
			continue
		}
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			log.Fatalf("-crf-sweep: %v", err)
		}
		sweep = append(sweep, v)
	}
	var names []ner.Name
	if !*noNames {
		g, err := entities.LoadGazetteer()
		if err != nil {
			log.Fatal(err)
		}
		// Each record's name and aliases; a name that is also a common word
		// (NoBare, and the aliases the recognizer must confirm) is left out.
		cut, last := 0, 0
		add := func(text, typ string) {
			if *noHonorifics && typ == "PER" {
				if t := g.StripHonorifics(text); t != text {
					text = t
					cut++
				}
			}
			names = append(names, ner.Name{Text: text, Type: typ})
		}
		for _, r := range g.Records {
			if !r.NoBare {
				add(r.Name, r.Type)
			}
			for _, a := range r.Aliases {
				add(a, r.Type)
			}
			// PEYMA tags a surname alone as PER («لاوروف گفت»); the linker
			// resolves it only after the full name, the recognizer needs
			// only know it is a person's name.
			if ws := strings.Fields(r.Name); *surnames && r.Type == "PER" && !r.NoPartial && len(ws) > 1 && utf8.RuneCountInString(ws[len(ws)-1]) >= 3 {
				add(ws[len(ws)-1], "PER")
				last++
			}
		}
		log.Printf("gazetteer names: %d (%d surnames, %d with honorifics cut)", len(names), last, cut)
	}
	b, err := ner.Build(ner.Sources{DataDir: *data, Epochs: *epochs, MinCount: *minCount,
		HistoryFolds: *histFolds, Runs: *runs, Names: names, SelfTrain: *selfTrain, SelfWeight: *selfWeight, OrgWords: *orgWords, SelfNoGaz: *selfNoGaz, SelfAgree: *selfAgree,
		CRF: ner.CRFOptions{Epochs: *crfEpochs, L2: *crfL2, Eta: *crfEta, Decay: *crfDecay, AvgFrom: *crfAvg, Prune: *crfPrune}, CRFBase: *crfBase, CRFSweep: sweep, Seed: *seed, ScoreDev: *dev, WithDev: *withDev, Log: log.Printf})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%d bytes)", *out, len(b))
}
