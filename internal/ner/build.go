package ner

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Sources says where Build finds its data and how to train.
type Sources struct {
	DataDir  string // ../shared/data: peyma/, fars-news/, news-2025-4agencies/, lexicons/hazm/
	Epochs   int
	MinCount int // drop features seen fewer times in training
	// HistoryFolds is the number of contiguous blocks of the training set
	// whose tags for the document history come from a model trained on the
	// other blocks (see trainModel).
	HistoryFolds int
	Runs         int  // perceptron runs with different shuffles, averaged
	ScoreDev     bool // score PEYMA dev after every epoch (for tuning; slower)
	// WithDev trains on PEYMA train and dev together, for the shipped model
	// once features and epochs are chosen on dev; ScoreDev is then moot.
	WithDev bool
	// Names are entity names from a hand-written gazetteer (khabar's own
	// internal/entities, passed in by gen.go), matched as a feature apart
	// from the training-set gazetteer.
	Names []Name
	// SelfTrain is the number of silver sentences: unlabelled news
	// sentences tagged by the model trained on PEYMA, those with the widest
	// Viterbi margin, added with weight SelfWeight for a second training
	// (0: none).
	SelfTrain  int
	SelfWeight float64
	SelfNoGaz  bool   // silverOptions.NoGaz
	SelfAgree  bool   // silver sentences only where a second shuffle's model agrees
	Seed       uint64 // of the perceptron's shuffle (the shipped model: 0)
	// OrgWords marks the words of the training ORG names (addOrgWords) for
	// transitions of their own into them (Model.edge); off in the shipped
	// model (dev F1 flat).
	OrgWords bool
	// CRF trains the final model as a CRF (CRFOptions) instead of a
	// perceptron when CRF.Epochs > 0; CRFBase the self-training's first
	// model too. The jackknifed history models stay perceptrons.
	CRF     CRFOptions
	CRFBase bool
	// CRFSweep are L2 values of CRFs trained and scored on dev before the
	// final model, which uses CRF.L2: one run for the tuning of λ.
	CRFSweep []float64
	Log      func(format string, args ...any)
}

// Build trains the model on PEYMA's train split (and dev with WithDev), with
// word clusters from unlabelled news text and Hazm's lexicon, and returns the
// gzipped model file. PEYMA test is never read.
func Build(src Sources) ([]byte, error) {
	if src.Log == nil {
		src.Log = func(string, ...any) {}
	}
	trainSents, err := ReadPEYMAFile(filepath.Join(src.DataDir, "peyma", "train.txt"))
	if err != nil {
		return nil, err
	}
	var dev []Sentence
	if src.ScoreDev || src.WithDev {
		if dev, err = ReadPEYMAFile(filepath.Join(src.DataDir, "peyma", "dev.txt")); err != nil {
			return nil, err
		}
	}
	if src.WithDev {
		trainSents = append(trainSents, dev...)
		dev = nil
	}
	corpus, err := unlabelledCorpus(src.DataDir)
	if err != nil {
		return nil, err
	}
	unlabelled := corpus[:len(corpus):len(corpus)]
	for _, s := range trainSents {
		f := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			f[i] = foldToken(t)
		}
		corpus = append(corpus, f)
	}
	words := buildClusters(corpus, 3)
	src.Log("clusters: %d sentences, %d words clustered", len(corpus), len(words))
	if err := addLexicon(words, filepath.Join(src.DataDir, "lexicons", "hazm", "words.dat")); err != nil {
		return nil, err
	}
	if src.OrgWords {
		src.Log("org words: %d", addOrgWords(words, trainSents))
	}
	m := trainModel(trainSents, words, dev, unlabelled, src)
	var buf bytes.Buffer
	if err := writeModel(&buf, m); err != nil {
		return nil, fmt.Errorf("write ner model: %w", err)
	}
	return buf.Bytes(), nil
}

// foldGazetteers returns gazetteers each built without one of ten
// contiguous blocks of the sentences. The gazetteer features of a training
// sentence come from the one built without its block, or the tagger would
// learn to trust the gazetteer more than it deserves on new text. Blocks, not
// every tenth sentence: PEYMA keeps an article's sentences together, and a
// name is mostly repeated within its article, which a new article does not
// share (dev F1 +0.6 over every-tenth folds).
func foldGazetteers(sents []Sentence) []*gazetteer {
	out := make([]*gazetteer, gazFolds)
	for k := range gazFolds {
		lo, hi := blockBounds(k, len(sents), gazFolds)
		var rest []Sentence
		rest = append(rest, sents[:lo]...)
		rest = append(rest, sents[hi:]...)
		out[k] = buildGazetteer(rest)
	}
	return out
}

const gazFolds = 10

// blockBounds returns block k of n items cut into folds contiguous blocks.
func blockBounds(k, n, folds int) (lo, hi int) { return k * n / folds, (k + 1) * n / folds }

// blockOf returns the block of item i of n cut into folds contiguous blocks.
func blockOf(i, n, folds int) int {
	for k := range folds {
		if _, hi := blockBounds(k, n, folds); i < hi {
			return k
		}
	}
	return folds - 1
}

// trainModel trains the tagger; dev (if not nil) is scored after every epoch.
//
// The document history of a training sentence is how the sentences before it
// were tagged by a model that did not see them: each of HistoryFolds blocks
// is tagged by a model trained on the others. With the gold tags there, the
// tagger learned to trust the history more than its own earlier tags deserve
// when it runs on new text (dev F1 +0.8).
//
// With SelfTrain, that model tags the unlabelled sentences and a second one
// is trained with the surest of them added (silverSentences).
func trainModel(sents []Sentence, words map[string]wordInfo, dev []Sentence, unlabelled [][]string, src Sources) *Model {
	gaz := buildGazetteer(sents)
	src.Log("gazetteer: %d phrases", len(gaz.phrases))
	o := trainOptions{Epochs: src.Epochs, MinCount: src.MinCount, Gaz: gaz, FoldGaz: foldGazetteers(sents)}
	if len(src.Names) > 0 {
		o.Names = nameGazetteer(src.Names)
		src.Log("names: %d phrases", len(o.Names.phrases))
	}
	hist := make([][]uint8, len(sents))
	if src.HistoryFolds > 1 {
		tags := jackknife(sents, words, o, src)
		for i, t := range tags {
			hist[i] = newModel(tagSet).histTypes(t)
		}
	} else {
		for i, s := range sents {
			hist[i] = tagTypes(s.Tags)
		}
	}
	o.Log = src.Log
	o.Seed = src.Seed
	if dev != nil {
		o.Score = func(a *Model) string {
			a.words, a.gaz, a.names = words, gaz, o.Names
			s := Score(goldTags(dev), a.tagAll(dev))[""]
			return fmt.Sprintf("dev P %.4f R %.4f F1 %.4f", s.Precision(), s.Recall(), s.F1())
		}
	}
	o.Runs = src.Runs
	if src.CRF.Epochs > 0 {
		c := src.CRF
		o.CRF = &c
	}
	if src.SelfTrain > 0 {
		base := o
		base.Score, base.Runs = nil, 1
		if !src.CRFBase {
			base.CRF = nil
		}
		m := trainWith(sents, words, hist, base)
		so := silverOptions{Keep: src.SelfTrain, Weight: float32(src.SelfWeight), MinLen: 6, MaxLen: 60, NoGaz: src.SelfNoGaz}
		if src.SelfAgree {
			base.Seed = src.Seed + 7
			so.Other = trainWith(sents, words, hist, base)
		}
		o.Extra = silverSentences(m, unlabelled, so)
		src.Log("self-training: %d silver sentences of %d", len(o.Extra), len(unlabelled))
	}
	for _, l2 := range src.CRFSweep {
		if o.CRF == nil {
			break
		}
		so := o
		c := *o.CRF
		c.L2 = l2
		so.CRF = &c
		src.Log("crf sweep: L2 %g", l2)
		trainWith(sents, words, hist, so)
	}
	return trainWith(sents, words, hist, o)
}

// jackknife tags each of src.HistoryFolds contiguous blocks of the sentences,
// as one document, with a model trained on the other blocks (with gold
// history), and returns the tags.
func jackknife(sents []Sentence, words map[string]wordInfo, o trainOptions, src Sources) [][]int {
	k := src.HistoryFolds
	out := make([][]int, len(sents))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2) // the models are trained two at a time
	for f := range k {
		lo, hi := blockBounds(f, len(sents), k)
		var rest []Sentence
		rest = append(rest, sents[:lo]...)
		rest = append(rest, sents[hi:]...)
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			hist := make([][]uint8, len(rest))
			for i, s := range rest {
				hist[i] = tagTypes(s.Tags)
			}
			of := trainOptions{Epochs: o.Epochs, MinCount: o.MinCount, Gaz: buildGazetteer(rest), FoldGaz: foldGazetteers(rest), Names: o.Names}
			mk := trainWith(rest, words, hist, of)
			block := make([][]string, hi-lo)
			for i, s := range sents[lo:hi] {
				block[i] = make([]string, len(s.Tokens))
				for j, t := range s.Tokens {
					block[i][j] = foldToken(t)
				}
			}
			copy(out[lo:hi], mk.tagFolded(block))
			src.Log("history: block %d of %d tagged", f+1, k)
		}()
	}
	wg.Wait()
	return out
}

// unlabelledCorpus reads the news text used for word clusters, tokenized and
// folded the way the tagger sees text. UD PerDT is left out: it is CC BY-SA,
// and the model should not carry a share-alike obligation.
func unlabelledCorpus(dir string) ([][]string, error) {
	var texts []string
	for i := 1; i <= 5; i++ {
		path := filepath.Join(dir, "fars-news", fmt.Sprintf("fars-news-%d.json", i))
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read corpus: %w", err)
		}
		var arts []struct {
			Title      string   `json:"title"`
			Abstract   string   `json:"abstract"`
			Paragraphs []string `json:"paragraphs"`
		}
		if err := json.Unmarshal(b, &arts); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, a := range arts {
			texts = append(texts, a.Title, a.Abstract)
			texts = append(texts, a.Paragraphs...)
		}
	}
	path := filepath.Join(dir, "news-2025-4agencies", "articles.jsonl")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	for _, l := range bytes.Split(b, []byte("\n")) {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		var a struct{ Title, Lead, Body string }
		if err := json.Unmarshal(l, &a); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		texts = append(texts, a.Title, a.Lead)
		texts = append(texts, strings.Split(a.Body, "\n")...)
	}
	var out [][]string
	for _, t := range texts {
		var s []string
		for _, tok := range tokenize(t) {
			s = append(s, foldToken(tok.Text))
			if sentenceEnd(tok.Text) {
				out = append(out, s)
				s = nil
			}
		}
		if len(s) > 0 {
			out = append(out, s)
		}
	}
	return out, nil
}

// addLexicon adds Hazm's POS tags and counts (words.dat: word, count, tags).
func addLexicon(words map[string]wordInfo, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read lexicon: %w", err)
	}
	defer f.Close()
	bit := map[string]uint16{}
	for i, t := range lexTags {
		bit[t] = 1 << i
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 3 {
			continue
		}
		count, err := strconv.ParseUint(parts[1], 10, 64)
		if err != nil || count == 0 {
			continue
		}
		var lex uint16
		for _, t := range strings.Split(parts[2], ",") {
			lex |= bit[t]
		}
		w := foldToken(parts[0])
		wi := words[w]
		wi.Lex |= lex
		wi.Freq = max(wi.Freq, freqBucket(count))
		words[w] = wi
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read lexicon %s: %w", path, err)
	}
	return nil
}
