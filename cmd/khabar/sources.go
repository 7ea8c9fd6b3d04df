package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"khabar/internal/feeds"
	"khabar/internal/fetch"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

func (a *app) sourcesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "manage the news sources khabar follows",
		Long: `Sources lists, adds, removes, imports and exports the outlets whose feeds
khabar polls (khabar fetch, and khabar serve in the background).

Examples:
  khabar sources defaults                 # add the curated list of Persian sources
  khabar sources add https://www.isna.ir/ # find its feeds from <link rel="alternate">
  khabar sources import feeds.opml
  khabar sources export > feeds.opml
  khabar sources list`,
	}
	cmd.AddCommand(a.sourcesListCmd(), a.sourcesAddCmd(), a.sourcesRemoveCmd(), a.sourcesImportCmd(), a.sourcesExportCmd(), a.sourcesDefaultsCmd())
	return cmd
}

func (a *app) withStore(ctx context.Context, f func(*sqlite.DB) error) error {
	st, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	return f(st)
}

func (a *app) sourcesListCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "list sources with their last poll and status",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st *sqlite.DB) error {
				return listSources(cmd.Context(), st, cmd.OutOrStdout(), asJSON)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func listSources(ctx context.Context, st store.SourceStore, out io.Writer, asJSON bool) error {
	srcs, err := st.Sources(ctx)
	if err != nil {
		return err
	}
	states, err := st.FeedStates(ctx)
	if err != nil {
		return err
	}
	byFeed := map[string]store.FeedState{}
	for _, s := range states {
		byFeed[s.FeedURL] = s
	}
	if asJSON {
		type row struct {
			feeds.Source
			State []store.FeedState `json:"state"`
		}
		var rows []row
		for _, s := range srcs {
			r := row{Source: s}
			for _, f := range s.Feeds {
				if fs, ok := byFeed[f]; ok {
					r.State = append(r.State, fs)
				}
			}
			rows = append(rows, r)
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tNAME\tFEED\tLAST POLL\tSTATUS\tNEW")
	for _, s := range srcs {
		for i, f := range s.Feeds {
			id, kind, name := s.ID, string(s.Kind), s.Name
			if i > 0 {
				id, kind, name = "", "", ""
			}
			fs, polled := byFeed[f]
			last, status, n := "never", "", ""
			if polled {
				last = fs.LastPoll.Local().Format("2006-01-02 15:04")
				status = fs.Status
				if fs.Error != "" {
					status += ": " + fs.Error
				}
				n = fmt.Sprint(fs.New)
			}
			if !s.Verified {
				f += " (unverified)"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", id, kind, name, f, last, status, n)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "%d sources\n", len(srcs))
	return nil
}

func (a *app) sourcesAddCmd() *cobra.Command {
	var src feeds.Source
	var kind string
	var fo fetchOptions
	cmd := &cobra.Command{
		Use:   "add URL",
		Short: "add a source by its home page (feeds found by autodiscovery) or feed URL",
		Long: `Add fetches URL. A feed is added as it is; an HTML page is searched for the
feeds it announces with <link rel="alternate" type="application/rss+xml">.

Examples:
  khabar sources add https://www.isna.ir/
  khabar sources add https://feeds.bbci.co.uk/persian/rss.xml --kind foreign --name "بی‌بی‌سی فارسی"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			src.Kind = feeds.Kind(kind)
			c := fetch.New(fo.client())
			found, err := discoverSource(cmd.Context(), c, args[0])
			if err != nil {
				return err
			}
			if src.Name == "" {
				src.Name = found.Name
			}
			if src.HomeURL == "" {
				src.HomeURL = found.HomeURL
			}
			src.Feeds = found.Feeds
			if err := src.Validate(); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *sqlite.DB) error {
				if err := st.PutSource(cmd.Context(), src); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "added %s (%s): %s\n", src.ID, src.Name, strings.Join(src.Feeds, " "))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&src.Name, "name", "", "Persian name (default: the page or feed title)")
	cmd.Flags().StringVar(&src.NameLatin, "latin", "", "Latin-script name")
	cmd.Flags().StringVar(&src.ID, "id", "", "short id (default: from the Latin name or the host)")
	cmd.Flags().StringVar(&kind, "kind", "newspaper", "agency, newspaper, aggregator or foreign")
	fo.flags(cmd)
	return cmd
}

// discoverSource fetches a URL and makes a source of it: a feed directly, or
// the feeds an HTML page announces.
func discoverSource(ctx context.Context, c *fetch.Client, url string) (feeds.Source, error) {
	var s feeds.Source
	resp, err := c.Get(ctx, fetch.Request{URL: url})
	if err != nil {
		return s, err
	}
	if feeds.Looks(resp.Body) {
		f, err := feeds.Parse(resp.Body, resp.URL)
		if err != nil {
			return s, fmt.Errorf("%s: %w", url, err)
		}
		s.Name, s.HomeURL, s.Feeds = f.Title, f.HomeURL, []string{resp.URL}
		return s, nil
	}
	found, title := feeds.Discover(resp.Body, resp.URL)
	if len(found) == 0 {
		return s, fmt.Errorf("%s: no feed found (the page announces none with <link rel=\"alternate\">); pass a feed URL instead", url)
	}
	s.Name, s.HomeURL, s.Feeds = title, resp.URL, found
	return s, nil
}

func (a *app) sourcesRemoveCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID...",
		Short: "stop following sources (their articles stay)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st *sqlite.DB) error {
				var errs []error
				for _, id := range args {
					if err := st.DeleteSource(cmd.Context(), id); err != nil {
						errs = append(errs, err)
						continue
					}
					fmt.Fprintf(cmd.OutOrStdout(), "removed %s\n", id)
				}
				return errors.Join(errs...)
			})
		},
	}
}

func (a *app) sourcesImportCmd() *cobra.Command {
	var kind string
	cmd := &cobra.Command{
		Use:   "import FILE.opml",
		Short: "add the feeds of an OPML file",
		Long: `Import reads an OPML subscription list (from khabar sources export, Feedly,
Miniflux, ...). Feeds sharing a name and home page become one source; a category
named agency, newspaper, aggregator or foreign sets the kind.

Example:
  khabar sources import feeds.opml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			srcs, err := feeds.ReadOPML(f)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			return a.withStore(cmd.Context(), func(st *sqlite.DB) error {
				return putSources(cmd.Context(), st, srcs, feeds.Kind(kind), cmd.OutOrStdout())
			})
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "newspaper", "kind for feeds outside a kind category")
	return cmd
}

// putSources stores sources, reporting each bad one and going on.
func putSources(ctx context.Context, st store.SourceStore, srcs []feeds.Source, kind feeds.Kind, out io.Writer) error {
	var errs []error
	n := 0
	for _, s := range srcs {
		if s.Kind == "" {
			s.Kind = kind
		}
		if err := st.PutSource(ctx, s); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	fmt.Fprintf(out, "%d sources added or updated", n)
	if len(errs) > 0 {
		fmt.Fprintf(out, ", %d rejected", len(errs))
	}
	fmt.Fprintln(out)
	if n == 0 && len(errs) > 0 {
		return errors.Join(errs...)
	}
	for _, e := range errs {
		fmt.Fprintf(out, "  rejected: %v\n", e)
	}
	return nil
}

func (a *app) sourcesExportCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "write the sources as OPML to standard output",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.withStore(cmd.Context(), func(st *sqlite.DB) error {
				srcs, err := st.Sources(cmd.Context())
				if err != nil {
					return err
				}
				return feeds.WriteOPML(cmd.OutOrStdout(), srcs, time.Now())
			})
		},
	}
}

func (a *app) sourcesDefaultsCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "defaults",
		Short: "add khabar's curated list of Persian news sources (feed URLs unverified)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			srcs, err := feeds.DefaultSources()
			if err != nil {
				return err
			}
			return a.withStore(cmd.Context(), func(st *sqlite.DB) error {
				return putSources(cmd.Context(), st, srcs, feeds.Newspaper, cmd.OutOrStdout())
			})
		},
	}
}
