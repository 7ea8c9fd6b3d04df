package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"khabar/internal/pipeline"
	"khabar/internal/store"
)

func (a *app) ingestCmd() *cobra.Command {
	var noZWNJ bool
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "parse files or folders (recursively) into the store",
		Long: `Ingest reads text dumps (like ../shared/data/seed-article.txt), JSON or JSON-lines
news datasets, and gzip'd files of either, from files or folders (recursively),
parses, repairs and analyses every article, and stores it with its index. The same
article ingested twice is stored once. A file that cannot be read is reported with
its reason and the rest of the batch goes on.

Examples:
  khabar ingest ../shared/data/seed-article.txt
  khabar ingest ~/news/dumps --data /tmp/khabar`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			inputs, bad := listInputs(args)
			st, err := a.openStore(cmd.Context(), !noZWNJ)
			if err != nil {
				return err
			}
			defer st.Close()
			rep, err := a.ingest(cmd.Context(), st, a.pipeline(!noZWNJ), inputs, cmd.ErrOrStderr())
			rep.Failed = append(bad, rep.Failed...)
			rep.print(cmd.OutOrStdout())
			if err != nil {
				return err
			}
			if len(rep.Failed) > 0 && rep.New+rep.Unchanged == 0 {
				return errors.New("nothing could be ingested")
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&noZWNJ, "no-zwnj", false, "do not restore ZWNJ")
	return cmd
}

// input is one file to ingest, from the file system or the embedded demo corpus.
type input struct {
	name string
	size int64
	read func() ([]byte, error)
}

// failure is an input (or part of one) that could not be ingested, and why.
type failure struct {
	name string
	err  error
}

// report counts what an ingest run did.
type report struct {
	Files, New, Unchanged int
	Failed                []failure
	NewIDs                []string
}

func (r report) print(w io.Writer) {
	fmt.Fprintf(w, "files: %d  articles new: %d  unchanged: %d  failed: %d\n", r.Files, r.New, r.Unchanged, len(r.Failed))
	for _, f := range r.Failed {
		fmt.Fprintf(w, "  failed %s: %v\n", f.name, f.err)
	}
}

// listInputs expands paths (files and folders, recursively) into inputs, in a
// stable order. Paths that cannot be read are returned as failures.
func listInputs(paths []string) ([]input, []failure) {
	var ins []input
	var bad []failure
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				bad = append(bad, failure{path, err})
				return nil
			}
			if d.IsDir() {
				if strings.HasPrefix(d.Name(), ".") && path != root {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				bad = append(bad, failure{path, err})
				return nil
			}
			p := path
			ins = append(ins, input{name: p, size: info.Size(), read: func() ([]byte, error) { return readInput(p) }})
			return nil
		})
		if err != nil {
			bad = append(bad, failure{root, err})
		}
	}
	sort.SliceStable(ins, func(i, j int) bool { return ins[i].name < ins[j].name })
	return ins, bad
}

// fsInputs lists every file of an fs.FS (the embedded demo corpus).
func fsInputs(fsys fs.FS, match func(string) bool) ([]input, error) {
	var ins []input
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !match(path) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		ins = append(ins, input{name: path, size: info.Size(), read: func() ([]byte, error) { return fs.ReadFile(fsys, path) }})
		return nil
	})
	return ins, err
}

// batchSize articles are stored per transaction.
const batchSize = 256

// ingest parses every input and stores its articles in batches. A bad input is
// recorded and skipped; a store error stops the run (what was committed stays).
func (a *app) ingest(ctx context.Context, st store.Store, p *pipeline.Pipeline, inputs []input, progressOut io.Writer) (report, error) {
	var rep report
	var total int64
	for _, in := range inputs {
		total += in.size
	}
	bar := newBar(total, progressOut)
	defer bar.Finish()
	stories, err := newStoryStep(ctx, st)
	if err != nil {
		return rep, err
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		rep.Files++
		data, err := in.read()
		if err != nil {
			rep.Failed = append(rep.Failed, failure{in.name, err})
			bar.Add64(in.size)
			continue
		}
		res, err := p.Parse(ctx, pipeline.Document{Path: in.name, Data: data})
		for _, e := range res.Skipped {
			rep.Failed = append(rep.Failed, failure{in.name, e})
		}
		if err != nil {
			rep.Failed = append(rep.Failed, failure{in.name, err})
			bar.Add64(in.size)
			continue
		}
		arts := res.Articles
		done := int64(0)
		for start := 0; start < len(arts); start += batchSize {
			batch := arts[start:min(start+batchSize, len(arts))]
			pr, err := st.PutArticles(ctx, batch)
			if err != nil {
				return rep, fmt.Errorf("store %s: %w", in.name, err)
			}
			rep.New += pr.New
			rep.Unchanged += pr.Unchanged
			rep.NewIDs = append(rep.NewIDs, pr.NewIDs...)
			if err := stories.add(ctx, batch, pr.NewIDs); err != nil {
				return rep, fmt.Errorf("stories %s: %w", in.name, err)
			}
			step := in.size * int64(start+len(batch)) / int64(len(arts))
			bar.Add64(step - done)
			done = step
		}
		bar.Add64(in.size - done)
	}
	return rep, nil
}

// newBar shows ingest progress on a terminal, and nothing in logs and pipes.
func newBar(total int64, w io.Writer) *progressbar.ProgressBar {
	visible := false
	if f, ok := w.(*os.File); ok {
		visible = term.IsTerminal(int(f.Fd()))
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetVisibility(visible),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
	)
}
