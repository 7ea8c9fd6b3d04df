package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"khabar/internal/persian"
)

// Gold is one hand-checked page in a gold.json file.
type Gold struct {
	File   string   `json:"file"`
	Title  string   `json:"title"`
	Lead   string   `json:"lead"`
	Body   []string `json:"body"`
	URL    string   `json:"url"`
	Jalali string   `json:"jalali"` // YYYY-MM-DD, Tehran day
	Date   string   `json:"date"`   // Gregorian YYYY-MM-DD
}

// PageScore is how one page came out.
type PageScore struct {
	File                          string
	BodyF1                        float64
	Title, Lead, Date, URL, Error bool
	Err                           error
}

// Report sums an evaluation: body F1 is macro-averaged over pages; the rest
// are fractions of pages correct.
type Report struct {
	Pages                          int
	BodyF1, Title, Lead, Date, URL float64
	PerPage                        []PageScore
}

// WordF1 is the word-level F1 of got against want, over folded tokens as a
// bag of words (the same text in a different letter form is the same text:
// normalization is scored elsewhere).
func WordF1(got, want []string) float64 {
	g := persian.FoldTokens(strings.Join(got, " "))
	w := persian.FoldTokens(strings.Join(want, " "))
	if len(g) == 0 && len(w) == 0 {
		return 1
	}
	counts := map[string]int{}
	for _, t := range w {
		counts[t]++
	}
	match := 0
	for _, t := range g {
		if counts[t] > 0 {
			counts[t]--
			match++
		}
	}
	if match == 0 {
		return 0
	}
	prec := float64(match) / float64(len(g))
	rec := float64(match) / float64(len(w))
	return 2 * prec * rec / (prec + rec)
}

func same(a, b string) bool { return persian.Fold(a) == persian.Fold(b) }

// EvalDir scores Page on every page listed in dir/gold.json.
func EvalDir(dir string) (Report, error) {
	var r Report
	data, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return r, fmt.Errorf("read gold: %w", err)
	}
	var golds []Gold
	if err := json.Unmarshal(data, &golds); err != nil {
		return r, fmt.Errorf("gold.json: %w", err)
	}
	for _, g := range golds {
		ps := PageScore{File: g.File}
		html, err := os.ReadFile(filepath.Join(dir, g.File))
		if err == nil {
			a, perr := Page(html, "")
			err = perr
			if perr == nil {
				ps.BodyF1 = WordF1(a.Body, g.Body)
				ps.Title = same(a.Title, g.Title)
				ps.Lead = same(a.Lead, g.Lead)
				// A page can only be held to the URL it declares.
				ps.URL = !bytes.Contains(html, []byte(g.URL)) || a.URL == g.URL
				if a.Published != nil {
					y, m, d := persian.ToJalali(a.Published.Time)
					ps.Date = fmt.Sprintf("%04d-%02d-%02d", y, m, d) == g.Jalali
				}
			}
		}
		if err != nil {
			ps.Error, ps.Err = true, err
		}
		r.PerPage = append(r.PerPage, ps)
	}
	r.Pages = len(r.PerPage)
	if r.Pages == 0 {
		return r, fmt.Errorf("%s: no pages in gold.json", dir)
	}
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	for _, ps := range r.PerPage {
		r.BodyF1 += ps.BodyF1
		r.Title += b(ps.Title)
		r.Lead += b(ps.Lead)
		r.Date += b(ps.Date)
		r.URL += b(ps.URL)
	}
	n := float64(r.Pages)
	r.BodyF1, r.Title, r.Lead, r.Date, r.URL = r.BodyF1/n, r.Title/n, r.Lead/n, r.Date/n, r.URL/n
	return r, nil
}

// Print writes the report as a table, worst pages first.
func (r Report) Print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "pages %d  body F1 %.3f  title %.0f%%  lead %.0f%%  date %.0f%%  url %.0f%%\n",
		r.Pages, r.BodyF1, 100*r.Title, 100*r.Lead, 100*r.Date, 100*r.URL)
	for _, ps := range r.PerPage {
		if !verbose && ps.BodyF1 >= 0.95 && ps.Title && ps.Lead && ps.Date && ps.URL {
			continue
		}
		fmt.Fprintf(w, "  %-28s F1 %.3f title %-5v lead %-5v date %-5v url %-5v", ps.File, ps.BodyF1, ps.Title, ps.Lead, ps.Date, ps.URL)
		if ps.Err != nil {
			fmt.Fprintf(w, " error: %v", ps.Err)
		}
		fmt.Fprintln(w)
	}
}
