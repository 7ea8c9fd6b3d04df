package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"khabar/internal/extract"
)

func (a *app) evalExtractCmd() *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "extract [DIR...]",
		Short: "score article-page extraction against hand-checked gold",
		Long: `Eval extract runs page extraction on every page listed in DIR/gold.json and prints
body word-level F1 (folded tokens, macro-averaged over pages) and the share of pages
whose title, lead, Jalali publication day and canonical URL are right. The URL is
only scored on pages that contain their URL.

Examples:
  khabar eval extract ../shared/data/fixtures/pages
  khabar eval extract internal/extract/testdata/pages -v`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"../shared/data/fixtures/pages", "internal/extract/testdata/pages"}
			}
			for _, dir := range args {
				r, err := extract.EvalDir(dir)
				if err != nil {
					return fmt.Errorf("eval extract: %w", err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s\n", dir)
				r.Print(cmd.OutOrStdout(), verbose)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "list every page, not only the imperfect ones")
	return cmd
}
