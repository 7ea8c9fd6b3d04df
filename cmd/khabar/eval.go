package main

import "github.com/spf13/cobra"

// evalCmd groups the accuracy evaluations. Each child lives in its own file
// (eval_zwnj.go, eval_extract.go, ...) and is added to the list below.
func (a *app) evalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "measure accuracy on labelled data",
	}
	cmd.AddCommand(
		// evaluations are added here, one line each
		a.evalCopiesCmd(),
		a.evalStoriesCmd(),
		a.evalZWNJCmd(),
		a.evalExtractCmd(),
		a.evalNERCmd(),
		a.evalEventsCmd(),
		a.evalTopicsCmd(),
		a.evalQuotesCmd(),
	)
	return cmd
}
