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
)

// Sources says where Build finds its data and how to train.
type Sources struct {
	DataDir  string // ../shared/data: peyma/, fars-news/, news-2025-4agencies/, lexicons/hazm/
	Epochs   int
	MinCount int  // drop features seen fewer times in training
	ScoreDev bool // score PEYMA dev after every epoch (for tuning; slower)
	Log      func(format string, args ...any)
}

// Build trains the model on PEYMA's train split, with word clusters from
// unlabelled news text and Hazm's lexicon, and returns the gzipped model
// file. PEYMA dev is only scored, never trained on; test is never read.
func Build(src Sources) ([]byte, error) {
	if src.Log == nil {
		src.Log = func(string, ...any) {}
	}
	trainSents, err := ReadPEYMAFile(filepath.Join(src.DataDir, "peyma", "train.txt"))
	if err != nil {
		return nil, err
	}
	var dev []Sentence
	if src.ScoreDev {
		if dev, err = ReadPEYMAFile(filepath.Join(src.DataDir, "peyma", "dev.txt")); err != nil {
			return nil, err
		}
	}
	corpus, err := unlabelledCorpus(src.DataDir)
	if err != nil {
		return nil, err
	}
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
	// The gazetteer features of a training sentence come from a gazetteer
	// built without it (ten folds), or the tagger would learn to trust the
	// gazetteer more than it deserves on new text.
	const folds = 10
	foldGaz := make([]*gazetteer, folds)
	for k := range folds {
		var rest []Sentence
		for i, s := range trainSents {
			if i%folds != k {
				rest = append(rest, s)
			}
		}
		foldGaz[k] = buildGazetteer(rest)
	}
	gaz := buildGazetteer(trainSents)
	src.Log("gazetteer: %d phrases", len(gaz.phrases))
	m := train(trainSents, words, trainOptions{Epochs: src.Epochs, MinCount: src.MinCount, Dev: dev, Log: src.Log, Gaz: gaz, FoldGaz: foldGaz})
	var buf bytes.Buffer
	if err := writeModel(&buf, m); err != nil {
		return nil, fmt.Errorf("write ner model: %w", err)
	}
	return buf.Bytes(), nil
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
