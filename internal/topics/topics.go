// Package topics gives each article one topic from a small fixed set (see
// slugs.tsv: politics, international, economy, society, culture, sport,
// science, health, province): the source's own section label mapped through
// sections.tsv when there is one, else the prediction of a naive Bayes
// classifier trained on the categorised articles of the bundled corpus
// (go generate ./internal/topics writes model.txt.gz; see gen.go).
package topics

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"hash/fnv"
	"strings"
	"sync"

	"khabar/internal/article"
	"khabar/internal/persian"
	"khabar/internal/topics/nb"
)

//go:generate go run gen.go

var (
	//go:embed slugs.tsv
	slugsTSV string
	//go:embed sections.tsv
	sectionsTSV string
	//go:embed model.txt.gz
	modelGz []byte
)

type tables struct {
	labels   map[string]string
	slugs    []string
	exact    map[string]string
	contains [][2]string
}

var (
	tabOnce sync.Once
	tab     tables
)

func load() *tables {
	tabOnce.Do(func() {
		tab = tables{labels: map[string]string{}, exact: map[string]string{}}
		for _, f := range rows(slugsTSV) {
			tab.labels[f[0]] = f[1]
			tab.slugs = append(tab.slugs, f[0])
		}
		for _, f := range rows(sectionsTSV) {
			if w, ok := strings.CutPrefix(f[0], "~"); ok {
				tab.contains = append(tab.contains, [2]string{persian.Fold(w), f[1]})
				continue
			}
			tab.exact[persian.Fold(f[0])] = f[1]
		}
	})
	return &tab
}

func rows(data string) [][]string {
	var out [][]string
	for _, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if f := strings.Split(line, "\t"); len(f) >= 2 {
			out = append(out, f)
		}
	}
	return out
}

// Slugs lists the topics in display order.
func Slugs() []string { return append([]string(nil), load().slugs...) }

// Label returns the Persian label of a topic slug for the UI, or "" for an
// unknown slug.
func Label(slug string) string { return load().labels[slug] }

// FromSection maps a source's section label («اخبار بین الملل», «ورزشی»,
// Fars News's «world») to a topic slug, or "" when it names none of them.
func FromSection(section string) string {
	s := persian.Fold(section)
	if s == "" {
		return ""
	}
	t := load()
	for _, p := range []string{"اخبار ", "گروه ", "سرویس "} {
		s = strings.TrimPrefix(s, p)
	}
	if slug, ok := t.exact[s]; ok {
		return slug
	}
	padded := " " + s + " "
	for _, c := range t.contains {
		if strings.Contains(padded, " "+c[0]) {
			return c[1]
		}
	}
	return ""
}

// Classify returns the article's topic slug: from its section, else from the
// desk named in its attribution («گروه بین الملل خبرگزاری تسنیم»), else from
// the classifier.
func Classify(a *article.Article) string {
	if s := FromSection(a.Section); s != "" {
		return s
	}
	for _, l := range a.Attribution {
		if s := FromSection(l.Desk); s != "" {
			return s
		}
	}
	return Predict(a.Title, append([]string{a.Lead}, a.Body...)...)
}

var (
	modelOnce sync.Once
	model     *nb.Model
)

// Predict classifies text alone, ignoring any section label.
func Predict(title string, rest ...string) string {
	modelOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(modelGz))
		if err != nil {
			panic(err) // embedded and tested: a build defect
		}
		model, err = nb.Read(zr)
		if err != nil {
			panic(err)
		}
	})
	return model.Predict(nb.Tokens(title, rest...))
}

// IsTest puts a labelled article in the test fifth by an FNV-1a hash of its
// URL: the model is built from the rest and scored on these.
func IsTest(url string) bool {
	h := fnv.New32a()
	h.Write([]byte(url))
	return h.Sum32()%5 == 0
}
