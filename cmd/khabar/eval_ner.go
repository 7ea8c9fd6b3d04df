package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"khabar/internal/ner"
)

// nerTypeScore is one entity type's CoNLL-style scores.
type nerTypeScore struct {
	Type      string  `json:"type"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (a *app) evalNERCmd() *cobra.Command {
	var asJSON, fromText bool
	var modelPath string
	cmd := &cobra.Command{
		Use:   "ner [FILE]",
		Short: "score the named-entity tagger on a PEYMA- or CoNLL-format file",
		Long: `Eval ner tags every sentence of a PEYMA-format file (token|TAG per line, a
blank line between sentences; CoNLL-style "token TAG" lines as ARMAN writes
them are read too, its pers/org/loc mapped to PER/ORG/LOC) with the embedded
model and scores it CoNLL
style: an entity counts only if its span and type both match. It prints
precision, recall and F1 per type and micro-averaged over all types, and the
tagging speed on one goroutine. FILE defaults to PEYMA's test split; the
model was tuned on dev with a train-only model, then trained on train and
dev (so its dev score is not a held-out score).

With --text the sentences are written out as running text, a space between
tokens, and tagged the way khabar tags articles (its own tokenizer, which
must rejoin PEYMA's ZWNJ words such as «بین المللی» that now arrive as two
words); an entity is right if its byte span and type match.

Example:
  khabar eval ner
  khabar eval ner --text
  khabar eval ner ../shared/data/peyma/dev.txt --json
  khabar eval ner --model /tmp/candidate.bin.gz   # a model built by gen.go -o`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "../shared/data/peyma/test.txt"
			if len(args) == 1 {
				path = args[0]
			}
			sents, err := ner.ReadPEYMAFile(path)
			if err != nil {
				return fmt.Errorf("eval ner: %w", err)
			}
			t0 := time.Now()
			var m *ner.Model
			if modelPath == "" {
				m = ner.Default()
			} else {
				f, err := os.Open(modelPath)
				if err != nil {
					return fmt.Errorf("eval ner: %w", err)
				}
				m, err = ner.Load(f)
				f.Close()
				if err != nil {
					return fmt.Errorf("eval ner: %s: %w", modelPath, err)
				}
			}
			load := time.Since(t0)
			gold := make([][]string, len(sents))
			toks := make([][]string, len(sents))
			tokens := 0
			for i, s := range sents {
				gold[i], toks[i] = s.Tags, s.Tokens
				tokens += len(s.Tokens)
			}
			// PEYMA keeps its sentences in article order, so the file is
			// tagged as one document: names seen before inform later ones.
			t0 = time.Now()
			var scores map[string]ner.Counts
			if fromText {
				scores = m.ScoreText(sents)
			} else {
				scores = ner.Score(gold, m.TagDocument(toks))
			}
			el := time.Since(t0)
			var rows []nerTypeScore
			for _, t := range append(ner.ScoreTypes(scores), "") {
				c := scores[t]
				name := t
				if name == "" {
					name = "ALL"
				}
				rows = append(rows, nerTypeScore{Type: name, Gold: c.Gold, Predicted: c.Predicted, Correct: c.Correct,
					Precision: c.Precision(), Recall: c.Recall(), F1: c.F1()})
			}
			speed := float64(tokens) / el.Seconds()
			w := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetEscapeHTML(false)
				return enc.Encode(map[string]any{"file": path, "from_text": fromText, "sentences": len(sents), "tokens": tokens,
					"tokens_per_s": speed, "model_load_ms": load.Milliseconds(), "scores": rows})
			}
			fmt.Fprintf(w, "%s: %d sentences, %d tokens; model load %v\n", path, len(sents), tokens, load.Round(time.Millisecond))
			fmt.Fprintf(w, "%-4s %6s %6s %6s %7s %7s %7s\n", "type", "gold", "pred", "right", "P%", "R%", "F1%")
			for _, r := range rows {
				fmt.Fprintf(w, "%-4s %6d %6d %6d %7.2f %7.2f %7.2f\n", r.Type, r.Gold, r.Predicted, r.Correct,
					100*r.Precision, 100*r.Recall, 100*r.F1)
			}
			fmt.Fprintf(w, "%.0f tokens/s\n", speed)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().StringVar(&modelPath, "model", "", "score this model file (as written by internal/ner/gen.go) instead of the embedded one")
	cmd.Flags().BoolVar(&fromText, "text", false, "tag the sentences as running text (khabar's own tokenizer, PEYMA's ZWNJ words as two words) and score spans by offset")
	return cmd
}
