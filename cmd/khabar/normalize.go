package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"khabar/internal/persian"
	zwnjmodel "khabar/internal/zwnj"
)

func (a *app) normalizeCmd() *cobra.Command {
	var noZWNJ bool
	cmd := &cobra.Command{
		Use:   "normalize",
		Short: "normalize Persian text from stdin to stdout",
		Long: `Normalize reads Persian text on standard input and writes it normalized:
Arabic letter variants to Persian, digits, kashida and marks, spacing around
punctuation, and ZWNJ repair. It is the same code the ingest pipeline uses.

Example:
  echo 'رئيسجمهور در نشست هاي اخير' | khabar normalize`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			n := a.normalizer(!noZWNJ)
			in := bufio.NewReader(cmd.InOrStdin())
			out := bufio.NewWriter(cmd.OutOrStdout())
			defer out.Flush()
			for {
				line, err := in.ReadString('\n')
				if len(line) > 0 {
					nl := line[len(line)-1] == '\n'
					if nl {
						line = line[:len(line)-1]
					}
					out.WriteString(n.Normalize(line))
					if nl {
						out.WriteByte('\n')
					}
				}
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return fmt.Errorf("normalize: read stdin: %w", err)
				}
			}
		},
	}
	cmd.Flags().BoolVar(&noZWNJ, "no-zwnj", false, "do not restore ZWNJ in run-together words")
	return cmd
}

// normalizer returns the normalizer the pipeline uses. With zwnj it restores
// ZWNJs with the embedded model (loaded once, on first use); without it the
// rule-based persian.JoinAffixes is the fallback.
func (a *app) normalizer(zwnj bool) persian.Normalizer {
	if !zwnj {
		return persian.Normalizer{}
	}
	// Start loading the model (0.3 s) now, beside whatever the command does
	// next (opening the store, rebuilding the story engine); the first
	// Restore waits for it.
	go zwnjmodel.Default()
	return persian.Normalizer{ZWNJ: lazyZWNJ{}}
}

// lazyZWNJ is the embedded ZWNJ model, loaded once on first use.
type lazyZWNJ struct{}

func (lazyZWNJ) Restore(s string) string { return zwnjmodel.Default().Restore(s) }
