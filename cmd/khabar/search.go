package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"khabar/internal/search"
)

func (a *app) searchCmd() *cobra.Command {
	var (
		asJSON, recent bool
		limit          int
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "search stored articles",
		Long: `Search finds stored articles by their text. Persian spelling variants meet:
«رئیس‌جمهور», «رئیس جمهور», «رئیسجمهور» and «رئيس جمهور» find the same articles.
Filters narrow the search, or make it alone (newest first): entity:ID or entity:NAME,
source:NAME, category:SLUG, since:DAY and until:DAY (Jalali 1404/04/19 or 2025-07-10).

Examples:
  khabar search 'رئیس جمهور'
  khabar search BRICS --json --limit 5
  khabar search 'قیمت طلا' --recent
  khabar search 'همکاری entity:لاوروف since:1404/04/01'
  khabar search 'category:economy source:"خبرگزاری تسنیم"'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 1 || limit > 1000 {
				return usageError{fmt.Errorf("--limit must be between 1 and 1000")}
			}
			st, err := a.openStore(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.Search(cmd.Context(), search.Query{Text: strings.Join(args, " "), Limit: limit, Recent: recent})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			fmt.Fprintf(out, "%d results\n", res.Total)
			for _, h := range res.Hits {
				fmt.Fprintf(out, "\n%s  %s\n  %s", h.Article.ID, h.Article.Title, h.Article.Source())
				if h.Article.Published != nil {
					fmt.Fprintf(out, "  %s", h.Article.Published.JalaliASCII())
				}
				fmt.Fprintln(out)
				var sb strings.Builder
				for _, f := range h.Snippet {
					if f.Match {
						sb.WriteString("[" + f.Text + "]")
					} else {
						sb.WriteString(f.Text)
					}
				}
				fmt.Fprintf(out, "  %s\n", sb.String())
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&recent, "recent", false, "newest first instead of most relevant first")
	cmd.Flags().IntVar(&limit, "limit", 10, "number of results")
	return cmd
}
