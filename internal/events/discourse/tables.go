package discourse

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"khabar/internal/persian"
)

var (
	//go:embed countries.tsv
	countriesTSV string
	//go:embed orgs.tsv
	orgsTSV string
	//go:embed roles.tsv
	rolesTSV string
	//go:embed verbs.tsv
	verbsTSV string
)

// phrase is one entry of a phrase table: its folded tokens and what it means.
type phrase[T any] struct {
	toks []string
	val  T
}

// phrases finds multi-token phrases in folded token sequences, longest first.
type phrases[T any] struct {
	byFirst map[string][]phrase[T]
}

func (p *phrases[T]) add(s string, v T) {
	toks := persian.FoldTokens(s)
	if len(toks) == 0 {
		return
	}
	if p.byFirst == nil {
		p.byFirst = map[string][]phrase[T]{}
	}
	l := append(p.byFirst[toks[0]], phrase[T]{toks, v})
	// Longest phrase first, so «وزیر امور خارجه» wins over «وزیر».
	sort.SliceStable(l, func(i, j int) bool { return len(l[i].toks) > len(l[j].toks) })
	p.byFirst[toks[0]] = l
}

// at returns the longest phrase starting at toks[i] and its length in tokens.
func (p *phrases[T]) at(toks []Token, i int) (T, int) {
	var zero T
	for _, ph := range p.byFirst[toks[i].Fold] {
		if i+len(ph.toks) > len(toks) {
			continue
		}
		ok := true
		for k, t := range ph.toks {
			if toks[i+k].Fold != t {
				ok = false
				break
			}
		}
		if ok {
			return ph.val, len(ph.toks)
		}
	}
	return zero, 0
}

// lookup matches a whole string against the table.
func (p *phrases[T]) lookup(s string) (T, bool) {
	toks := tokensOf(s)
	v, n := p.at(toks, 0)
	if len(toks) > 0 && n == len(toks) {
		return v, true
	}
	var zero T
	return zero, false
}

func tokensOf(s string) []Token {
	if s == "" {
		return []Token{{}}
	}
	t := Tokenize(s)
	if len(t) == 0 {
		return []Token{{}}
	}
	return t
}

// countryWord is a country's name, demonym or capital.
type countryWord struct {
	iso  string
	kind byte // 'n' name, 'd' demonym, 'c' capital
}

// roleWord is a title or an organization-name word and the role it gives.
type roleWord struct {
	role   string
	person bool
}

type tables struct {
	countries phrases[countryWord]
	// isoCodes holds the ISO-3 codes of the countries table.
	isoCodes map[string]bool
	orgs     phrases[string]
	roles    phrases[roleWord]
	// verbs maps a class name (KARD) to the folded forms it matches.
	verbs map[string]map[string]bool
}

var (
	tabOnce sync.Once
	tab     *tables
	tabErr  error
)

// load parses the embedded tables once; they are immutable afterwards.
func load() *tables {
	tabOnce.Do(func() {
		t := &tables{verbs: map[string]map[string]bool{}, isoCodes: map[string]bool{}}
		tabErr = readTSV("countries.tsv", countriesTSV, 4, func(f []string) {
			t.isoCodes[f[0]] = true
			for i, kind := range []byte{'n', 'd', 'c'} {
				for _, w := range strings.Split(f[i+1], "|") {
					if w != "" {
						t.countries.add(w, countryWord{f[0], kind})
					}
				}
			}
		})
		if tabErr == nil {
			tabErr = readTSV("orgs.tsv", orgsTSV, 2, func(f []string) {
				for _, w := range strings.Split(f[1], "|") {
					t.orgs.add(w, f[0])
				}
			})
		}
		if tabErr == nil {
			tabErr = readTSV("roles.tsv", rolesTSV, 3, func(f []string) {
				t.roles.add(f[0], roleWord{f[1], f[2] == "person"})
			})
		}
		if tabErr == nil {
			tabErr = readTSV("verbs.tsv", verbsTSV, 2, func(f []string) {
				m := map[string]bool{}
				for _, w := range strings.Split(f[1], "|") {
					// «کرده‌اند» folds to two tokens; its first is the form.
					if toks := persian.FoldTokens(w); len(toks) > 0 {
						m[toks[0]] = true
					}
				}
				t.verbs[f[0]] = m
			})
		}
		tab = t
	})
	if tabErr != nil {
		// The tables are embedded and covered by tests: a parse error is a
		// build defect, not a runtime condition.
		panic(tabErr)
	}
	return tab
}

// readTSV calls row for each non-comment line, padded to n fields.
func readTSV(name, data string, n int, row func([]string)) error {
	for i, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return fmt.Errorf("%s:%d: want %d tab-separated fields, got %d", name, i+1, n, len(f))
		}
		for len(f) < n {
			f = append(f, "")
		}
		row(f)
	}
	return nil
}

// CountryCode returns the ISO-3 code of a country named s («چین», «روسیه»,
// «کشورمان»), and whether s is its capital rather than its name.
func CountryCode(s string) (iso string, capital bool, ok bool) {
	w, ok := load().countries.lookup(s)
	if !ok || w.kind == 'd' {
		return "", false, false
	}
	return w.iso, w.kind == 'c', true
}

// OrgCode returns the actor code of an organization named s («سازمان ملل» →
// IGOUNO) from the organizations table.
func OrgCode(s string) (string, bool) { return load().orgs.lookup(s) }

// RoleOf returns the role code («GOV», «MIL», «LEG» ...) given by the first
// role word in s, an organization's name or a person's title.
func RoleOf(s string) string {
	t := load()
	toks := Tokenize(s)
	for i := range toks {
		if r, n := t.roles.at(toks, i); n > 0 {
			return r.role
		}
	}
	return ""
}

// IsBodyWord says whether the folded word alone names a kind of body in the
// roles table («دادگاه», «ارتش», «دولت»): a country right after it is that
// body's genitive («دادگاه مردمی غزه»), not an actor of its own.
func IsBodyWord(fold string) bool {
	r, n := load().roles.at([]Token{{Fold: fold}}, 0)
	return n == 1 && !r.person
}
