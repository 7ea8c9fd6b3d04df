package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"khabar/internal/article"
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
	cmd.Flags().BoolVar(&a.noAnalysis, "no-analysis", false, "skip entities, quotes and events (faster; khabar reanalyze adds them later)")
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

// ingest parses every input and stores its articles in batches. Files are
// parsed ahead on every core while the store writes, in input order (copy
// detection treats the earlier of two undated copies as the original, so the
// order must not depend on scheduling), and small files share a batch, so a
// folder of one-article text dumps does not cost one transaction a file. A bad
// input is recorded and skipped; a store error stops the run (what was
// committed stays).
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
	parseCtx, cancel := context.WithCancel(ctx)
	defer cancel()

	var pending []*article.Article
	// Story assignment of one batch (CPU only) runs while the next batch is
	// written; its result is stored after that write. assigned delivers it.
	var assigned chan storyResult
	storeAssigned := func() error {
		if assigned == nil {
			return nil
		}
		r := <-assigned
		assigned = nil
		if r.err == nil && len(r.as) > 0 {
			r.err = stories.st.PutStoryAssignments(ctx, r.as)
		}
		if r.err != nil {
			return fmt.Errorf("stories for the batch from %s: %w", r.from, r.err)
		}
		return nil
	}
	// store writes batches of batchSize from pending; all also writes the rest.
	store := func(all bool) error {
		for len(pending) >= batchSize || all && len(pending) > 0 {
			batch := pending[:min(batchSize, len(pending))]
			pr, err := st.PutArticles(ctx, batch)
			if err != nil {
				return fmt.Errorf("store the batch from %s to %s: %w", batch[0].Path, batch[len(batch)-1].Path, err)
			}
			rep.New += pr.New
			rep.Unchanged += pr.Unchanged
			rep.NewIDs = append(rep.NewIDs, pr.NewIDs...)
			if err := storeAssigned(); err != nil {
				return err
			}
			if stories != nil && len(pr.NewIDs) > 0 {
				assigned = make(chan storyResult, 1)
				go func(c chan<- storyResult, from string) {
					as, err := stories.assign(batch, pr.NewIDs)
					c <- storyResult{as, err, from}
				}(assigned, batch[0].Path)
			}
			pending = pending[len(batch):]
		}
		if all {
			return storeAssigned()
		}
		return nil
	}
	for r := range parseAhead(parseCtx, p, inputs, runtime.GOMAXPROCS(0)) {
		for _, e := range r.res.Skipped {
			rep.Failed = append(rep.Failed, failure{r.in.name, e})
		}
		pending = append(pending, r.res.Articles...)
		if r.last {
			rep.Files++
			if r.err != nil {
				rep.Failed = append(rep.Failed, failure{r.in.name, r.err})
			}
			bar.Add64(r.in.size)
		}
		if err := store(false); err != nil {
			return rep, err
		}
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	return rep, store(true)
}

// storyResult is the story assignment of one stored batch, to be written.
type storyResult struct {
	as   []store.StoryAssignment
	err  error
	from string
}

// parsed is one part of an input's articles after parsing (a dataset comes
// in parts of batchSize); last marks the input's final part, which carries the
// error that stopped it, if any.
type parsed struct {
	in   input
	res  pipeline.Parsed
	err  error
	last bool
}

// parseAhead reads and parses inputs on up to workers goroutines and delivers
// their parts in input order. It stops when ctx is cancelled.
func parseAhead(ctx context.Context, p *pipeline.Pipeline, inputs []input, workers int) <-chan parsed {
	out := make(chan parsed)
	// Each slot is one input's parts-to-be, queued in input order; the
	// queue's capacity bounds how many inputs are parsed (and held) at once.
	slots := make(chan chan parsed, workers)
	go func() {
		defer close(slots)
		for _, in := range inputs {
			c := make(chan parsed, 2)
			select {
			case slots <- c:
			case <-ctx.Done():
				return
			}
			go func() {
				defer close(c)
				send := func(r parsed) error {
					select {
					case c <- r:
						return nil
					case <-ctx.Done():
						return ctx.Err()
					}
				}
				data, err := in.read()
				if err == nil {
					err = p.ParseEach(ctx, pipeline.Document{Path: in.name, Data: data}, batchSize, func(part pipeline.Parsed) error {
						return send(parsed{in: in, res: part})
					})
				}
				_ = send(parsed{in: in, err: err, last: true})
			}()
		}
	}()
	go func() {
		defer close(out)
		for c := range slots {
			for r := range c {
				select {
				case out <- r:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
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
