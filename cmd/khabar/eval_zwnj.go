package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"khabar/internal/persian"
	"khabar/internal/zwnj"
)

// zwnjResult is one damage type's scores, in the units docs/BENCHMARKS.md uses.
type zwnjResult struct {
	Damage         string  `json:"damage"`
	Words          int     `json:"gold_words"`
	ZWNJWords      int     `json:"gold_zwnj_words"`
	Recall         float64 `json:"zwnj_word_recall"`
	Precision      float64 `json:"zwnj_precision"`
	FalseInWord1k  float64 `json:"false_insertions_per_1k"`
	FalseJoin1k    float64 `json:"false_joins_per_1k"`
	WordAccuracy   float64 `json:"all_word_acc"`
	BoundaryRecall float64 `json:"zwnj_boundary_recall"`
	MBPerSec       float64 `json:"mb_per_s"`
	// RecallByKind is the recall over the gold ZWNJ words of each kind
	// (zwnj.Kinds), with their number.
	RecallByKind map[string]kindRecall `json:"recall_by_kind"`
}

type kindRecall struct {
	N      int     `json:"n"`
	Recall float64 `json:"recall"`
}

func (a *app) evalZWNJCmd() *cobra.Command {
	var asJSON bool
	var showErrors int
	var outDir string
	cmd := &cobra.Command{
		Use:   "zwnj FILE...",
		Short: "score ZWNJ restoration on correctly written text",
		Long: `Eval zwnj takes correctly written Persian text, damages it two ways and scores
the repair of each:
  A  every ZWNJ removed           («نشست‌های» → «نشستهای»)
  B  every ZWNJ replaced by space («نشست‌های» → «نشست های»)
  C  the text unchanged (does the restorer damage correct text?)
The scoring follows shared/tools/zwnj/score.py. FILE is plain text (one paragraph
a line), CoNLL-U (its "# text = " lines), or the news-2025-4agencies
articles.jsonl, of which only the articles held out of the model are used.
Never evaluate on text the model was built from (see internal/zwnj/LICENSES.md
for the split).

Example:
  khabar eval zwnj ../shared/data/ud-perdt/perdt-test.txt`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var lines []string
			for _, path := range args {
				ls, err := readGoldLines(path)
				if err != nil {
					return err
				}
				lines = append(lines, ls...)
			}
			start := time.Now()
			rs := zwnj.Default()
			load := time.Since(start)
			var results []zwnjResult
			for _, d := range []struct {
				name   string
				damage func(string) string
			}{{"A", zwnj.DamageA}, {"B", zwnj.DamageB}, {"C", func(s string) string { return s }}} {
				in := make([]string, len(lines))
				size := 0
				for i, l := range lines {
					in[i] = d.damage(l)
					size += len(in[i]) + 1
				}
				out := make([]string, len(lines))
				t0 := time.Now()
				for i, l := range in {
					out[i] = rs.Restore(l)
				}
				el := time.Since(t0)
				if outDir != "" {
					if err := writeZWNJOutputs(outDir, d.name, lines, in, out); err != nil {
						return err
					}
				}
				var t zwnj.Tally
				for i := range lines {
					if err := t.Add(lines[i], out[i]); err != nil {
						return fmt.Errorf("eval zwnj: line %d: %w", i+1, err)
					}
					if showErrors > 0 && d.name != "C" && out[i] != lines[i] {
						printZWNJDiff(cmd, d.name, lines[i], out[i], &showErrors)
					}
				}
				inW, join := t.FalsePer1k()
				results = append(results, zwnjResult{
					Damage: d.name, Words: t.Words, ZWNJWords: t.ZWNJWords,
					Recall: t.Recall(), Precision: t.Precision(),
					FalseInWord1k: inW, FalseJoin1k: join, WordAccuracy: t.WordAccuracy(),
					BoundaryRecall: t.BoundaryRecall(),
					MBPerSec:       float64(size) / 1e6 / el.Seconds(),
					RecallByKind:   map[string]kindRecall{},
				})
				for k, v := range t.Kinds {
					results[len(results)-1].RecallByKind[k] = kindRecall{N: v[0], Recall: float64(v[1]) / float64(v[0])}
				}
			}
			w := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(w)
				enc.SetEscapeHTML(false)
				return enc.Encode(map[string]any{"files": args, "lines": len(lines), "model_load_ms": load.Milliseconds(), "results": results})
			}
			fmt.Fprintf(w, "%d lines, %d words, %d gold ZWNJ words; model load %v\n", len(lines), results[0].Words, results[0].ZWNJWords, load.Round(time.Millisecond))
			fmt.Fprintf(w, "%-6s %9s %9s %10s %10s %9s %8s\n", "damage", "recall%", "prec%", "falseIns/1k", "falseJoin/1k", "wordAcc%", "MB/s")
			for _, r := range results {
				fmt.Fprintf(w, "%-6s %9.2f %9.2f %10.2f %10.2f %9.2f %8.2f\n", r.Damage, 100*r.Recall, 100*r.Precision,
					r.FalseInWord1k, r.FalseJoin1k, 100*r.WordAccuracy, r.MBPerSec)
			}
			fmt.Fprintf(w, "recall%% by kind of gold word (number of words):\n")
			for _, r := range results[:2] {
				fmt.Fprintf(w, "%-6s", r.Damage)
				for _, k := range zwnj.Kinds {
					if v, ok := r.RecallByKind[k]; ok {
						fmt.Fprintf(w, "  %s %.1f (%d)", k, 100*v.Recall, v.N)
					}
				}
				fmt.Fprintln(w)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().StringVar(&outDir, "out", "", "write gold.txt and each damage's input and repair to `DIR` (to check with score.py)")
	cmd.Flags().IntVar(&showErrors, "errors", 0, "also print up to `N` wrong words (gold → output) to stderr")
	return cmd
}

// readGoldLines returns the non-empty lines of a gold file, letter normalized
// as the restorer expects its input.
func readGoldLines(path string) ([]string, error) {
	var text string
	if strings.HasSuffix(path, ".jsonl") {
		t, err := zwnj.NewsText(path, true)
		if err != nil {
			return nil, fmt.Errorf("eval zwnj: %w", err)
		}
		text = t
	} else {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("eval zwnj: %w", err)
		}
		text = string(b)
	}
	var out []string
	conllu := filepath.Ext(path) == ".conllu"
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r", ""), "\n") {
		if conllu {
			t, ok := strings.CutPrefix(l, "# text = ")
			if !ok {
				continue
			}
			l = t
		}
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, persian.Letters(l))
		}
	}
	return out, nil
}

// printZWNJDiff prints the words of out that differ from gold, with ZWNJ shown
// as «|», until the budget n runs out.
func printZWNJDiff(cmd *cobra.Command, damage, gold, out string, n *int) {
	gw := strings.Fields(strings.ReplaceAll(gold, "\u200c", "|"))
	ow := strings.Fields(strings.ReplaceAll(out, "\u200c", "|"))
	// Words line up unless a space was turned into a ZWNJ or back; then show the line.
	if len(gw) != len(ow) {
		fmt.Fprintf(cmd.ErrOrStderr(), "%s line: %s\n     got: %s\n", damage, strings.Join(gw, " "), strings.Join(ow, " "))
		*n--
		return
	}
	for i := range gw {
		if gw[i] != ow[i] && *n > 0 {
			fmt.Fprintf(cmd.ErrOrStderr(), "%s %s -> %s\n", damage, gw[i], ow[i])
			*n--
		}
	}
}

// writeZWNJOutputs writes the gold, the damaged input and the repair of one
// damage type, one line each, so the reference scorer can check our numbers.
func writeZWNJOutputs(dir, damage string, gold, in, out []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("eval zwnj: %w", err)
	}
	for name, ls := range map[string][]string{"gold.txt": gold, damage + ".txt": in, damage + ".out": out} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(ls, "\n")+"\n"), 0o644); err != nil {
			return fmt.Errorf("eval zwnj: %w", err)
		}
	}
	return nil
}
