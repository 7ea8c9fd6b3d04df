// Package entities links names in Persian news text to canonical records: a
// hand-written gazetteer of countries, places, office holders and
// organizations (data files in gazetteer/, embedded), matched longest-first
// over folded tokens; office titles resolved to whoever held the office on
// the article's day; surnames resolved to the person named in full in the
// same article; and a statistical recognizer's spans merged in, the ones the
// gazetteer does not know kept as corpus entities with ids from their names.
package entities

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode"

	"khabar/internal/persian"
)

// Record is one canonical entity.
type Record struct {
	// ID is a stable ASCII slug ("sergey-lavrov").
	ID string
	// Type is a PEYMA type: PER, ORG, LOC (FAC, EVE, PRO for others).
	Type string
	// Country is an ISO 3166-1 alpha-3 code: the person's or organization's
	// country, or the place's own. Empty for international bodies.
	Country string
	// Role is the CAMEO role of a person or organization (GOV, MIL, LEG, JUD,
	// MED, REB, BUS, ...), empty when unknown; COUNTRY marks a country's own
	// record (the one titles like «وزیر خارجه چین» are made from).
	Role string
	// Name is the canonical Persian name, Latin its Latin-script name.
	Name, Latin string
	// Aliases are other ways the name is written (spelling variants, short
	// forms, Latin acronyms). ZWNJ and spacing variants need not be listed:
	// matching ignores them.
	Aliases []string
	// Titles are the offices that name this person while they hold them
	// («وزیر امور خارجه چین»), expanded from gazetteer/offices.txt.
	Titles []Title
	// Demonyms are adjectives that point at a country («روسی», «چینی»).
	Demonyms []string
	// Actor is a CAMEO-style actor code when it is not country plus role
	// (international bodies: "IGOUNO").
	Actor string
	// NoPartial stops the last word of a person's name from standing for
	// the person, where it is a common word («شریف», «سلام»).
	NoPartial bool
	// Confirmed are names that are common words too («فارس», «مجلس»,
	// «استقلال»): they link only where the recognizer marks exactly that
	// span, with the record's type. Written with a leading '~' in the data.
	Confirmed []string
	// NoBare stops the name alone from matching where it is a common word
	// («غنا» richness, «رم» RAM): only the aliases match («کشور غنا»).
	NoBare bool
}

// ActorCode is the CAMEO-style code of the record as an event actor: its own
// code when given, the country for a place ("CHN" for Beijing too: a capital
// stands for its government), else country plus role ("CHNGOV").
func (r *Record) ActorCode() string {
	switch {
	case r.Actor != "":
		return r.Actor
	case r.Type == "LOC" || r.Role == RoleCountry:
		return r.Country
	}
	return r.Country + r.Role
}

// Title is an office's name and the term it named the person. From is zero
// when the start is unknown; To is zero while the person holds the office.
type Title struct {
	Text     string
	From, To time.Time
}

// Holds says whether the term covers a day; a zero day (an undated article)
// is read as now, so only current office holders match.
func (t Title) Holds(day time.Time) bool {
	if day.IsZero() {
		return t.To.IsZero()
	}
	return !day.Before(t.From) && (t.To.IsZero() || day.Before(t.To))
}

// RoleCountry marks the record of a country itself.
const RoleCountry = "COUNTRY"

// Gazetteer is a set of records loaded from data files.
type Gazetteer struct {
	Records   []*Record
	byID      map[string]*Record
	byCountry map[string]*Record
	// NotNames are recognizer spans that are never entities, folded
	// («جهان», «کشور»): the recognizer learnt them from its training data.
	NotNames map[string]bool
	// Honorifics open people's names without being part of them («دکتر»,
	// «سردار»), as folded token sequences, longest first.
	Honorifics [][]string
}

// Country returns the record of the country with an ISO 3166-1 alpha-3 code.
func (g *Gazetteer) Country(code string) (*Record, bool) {
	r, ok := g.byCountry[code]
	return r, ok
}

// Lookup returns the record with an id.
func (g *Gazetteer) Lookup(id string) (*Record, bool) {
	r, ok := g.byID[id]
	return r, ok
}

//go:embed gazetteer/*.txt
var gazetteerFS embed.FS

// LoadGazetteer reads the embedded gazetteer.
func LoadGazetteer() (*Gazetteer, error) {
	sub, err := fs.Sub(gazetteerFS, "gazetteer")
	if err != nil {
		return nil, err
	}
	return ReadGazetteer(sub)
}

// ReadGazetteer reads every record file (*.txt) of fsys, with offices.txt
// for the title templates, not-names.txt and honorifics.txt. A record line is
//
//	id | type | country | role | name | latin | aliases | titles | demonyms | actor | flags
//
// with list fields separated by ';' and trailing fields optional; '#' starts
// a comment line. An alias written «~name» is confirmed only by the
// recognizer (Record.Confirmed). titles lists offices with their terms:
// "fm:2024-08-21.." is the foreign minister of the person's own country since
// that day, "sg@un:2017-01-01.." the secretary-general of record un,
// "pm:2010-05-11..2016-07-13" a past term (the end day excluded); a title in
// Persian is itself the title («رئیس قوه قضاییه:2021-07-01..»). Flags are
// "nopartial" and "nobare".
func ReadGazetteer(fsys fs.FS) (*Gazetteer, error) {
	offices, err := readOffices(fsys)
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	g := &Gazetteer{byID: map[string]*Record{}, byCountry: map[string]*Record{}, NotNames: map[string]bool{}}
	err = eachLine(fsys, "not-names.txt", func(line int, fields []string) error {
		g.NotNames[squeeze(fields[0])] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachLine(fsys, "honorifics.txt", func(line int, fields []string) error {
		g.Honorifics = append(g.Honorifics, persian.FoldTokens(fields[0]))
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(g.Honorifics, func(i, j int) bool { return len(g.Honorifics[i]) > len(g.Honorifics[j]) })
	type pending struct {
		r      *Record
		titles []string
		where  string
	}
	var todo []pending
	for _, name := range names {
		if name == "offices.txt" || name == "not-names.txt" || name == "honorifics.txt" {
			continue
		}
		err := eachLine(fsys, name, func(line int, fields []string) error {
			where := fmt.Sprintf("%s:%d", path.Base(name), line)
			if len(fields) < 6 {
				return fmt.Errorf("%s: %d fields, want at least 6", where, len(fields))
			}
			if len(fields) > 11 {
				return fmt.Errorf("%s: %d fields, want at most 11", where, len(fields))
			}
			for len(fields) < 11 {
				fields = append(fields, "")
			}
			r := &Record{
				ID: fields[0], Type: fields[1], Country: fields[2], Role: fields[3],
				Name: fields[4], Latin: fields[5],
				Demonyms: list(fields[8]), Actor: fields[9],
			}
			for _, a := range list(fields[6]) {
				if c, ok := strings.CutPrefix(a, "~"); ok {
					r.Confirmed = append(r.Confirmed, c)
				} else {
					r.Aliases = append(r.Aliases, a)
				}
			}
			for _, f := range list(fields[10]) {
				switch f {
				case "nopartial":
					r.NoPartial = true
				case "nobare":
					r.NoBare = true
				default:
					return fmt.Errorf("%s: unknown flag %q", where, f)
				}
			}
			if _, dup := g.byID[r.ID]; dup {
				return fmt.Errorf("%s: duplicate id %q", where, r.ID)
			}
			g.byID[r.ID] = r
			if r.Role == RoleCountry {
				if _, dup := g.byCountry[r.Country]; dup || len(r.Country) != 3 {
					return fmt.Errorf("%s: country code %q repeated or not 3 letters", where, r.Country)
				}
				g.byCountry[r.Country] = r
			}
			g.Records = append(g.Records, r)
			todo = append(todo, pending{r, list(fields[7]), where})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// Titles are expanded once every record is known, since they name
	// other records' countries and organizations.
	for _, p := range todo {
		for _, t := range p.titles {
			t, term, _ := strings.Cut(t, ":")
			from, to, err := parseTerm(term)
			if err != nil {
				return nil, fmt.Errorf("%s: office %q: %w", p.where, t, err)
			}
			if !isASCII(t) {
				// A title written out: «رئیس قوه قضاییه».
				p.r.Titles = append(p.r.Titles, Title{Text: t, From: from, To: to})
				continue
			}
			office, of, _ := strings.Cut(t, "@")
			tmpl, ok := offices[office]
			if !ok {
				return nil, fmt.Errorf("%s: unknown office %q", p.where, office)
			}
			var place *Record
			if of == "" {
				place, ok = g.byCountry[p.r.Country]
			} else {
				place, ok = g.byID[of]
			}
			if !ok {
				return nil, fmt.Errorf("%s: office %q of unknown record %q", p.where, t, of)
			}
			for _, pat := range tmpl {
				for _, n := range persianNames(place) {
					p.r.Titles = append(p.r.Titles, Title{Text: strings.ReplaceAll(pat, "{}", n), From: from, To: to})
				}
			}
		}
	}
	return g, nil
}

// persianNames are a record's names in Arabic script, for title templates.
func persianNames(r *Record) []string {
	var out []string
	for _, n := range append([]string{r.Name}, r.Aliases...) {
		if n != "" && !isLatin(n) {
			out = append(out, n)
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isLatin(s string) bool {
	for _, r := range s {
		if r >= 0x600 && r <= 0x6FF {
			return false
		}
	}
	return true
}

// parseTerm reads "2024-08-21.." or "2013-08-15..2021-08-25". Every title
// has a term: an office without one would name whoever holds it now in
// articles of any year.
func parseTerm(s string) (from, to time.Time, err error) {
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		return from, to, fmt.Errorf("term %q: want FROM.. or FROM..TO", s)
	}
	if from, err = time.Parse(time.DateOnly, a); err != nil {
		return from, to, fmt.Errorf("term %q: %w", s, err)
	}
	if b != "" {
		if to, err = time.Parse(time.DateOnly, b); err != nil {
			return from, to, fmt.Errorf("term %q: %w", s, err)
		}
		if !to.After(from) {
			return from, to, fmt.Errorf("term %q ends before it starts", s)
		}
	}
	return from, to, nil
}

func readOffices(fsys fs.FS) (map[string][]string, error) {
	offices := map[string][]string{}
	err := eachLine(fsys, "offices.txt", func(line int, fields []string) error {
		if len(fields) != 2 {
			return fmt.Errorf("offices.txt:%d: %d fields, want 2", line, len(fields))
		}
		offices[fields[0]] = list(fields[1])
		return nil
	})
	return offices, err
}

func eachLine(fsys fs.FS, name string, fn func(line int, fields []string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(n, fields); err != nil {
			return fmt.Errorf("gazetteer: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer %s: %w", name, err)
	}
	return nil
}

func list(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ";") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// honorificLen returns how many of the tokens ts of text an honorific at
// their front covers («دکتر», «حجت‌الاسلام و المسلمین»), or 0. The honorific
// must end at a space, not inside a word («حاجی‌زاده» is a surname, not
// «حاجی» + «زاده»), and is never the whole name.
func (g *Gazetteer) honorificLen(text string, ts []Token) int {
	for _, h := range g.Honorifics {
		if len(h) >= len(ts) {
			continue
		}
		match := true
		for i, f := range h {
			if ts[i].Fold != f {
				match = false
				break
			}
		}
		if match && strings.ContainsFunc(text[ts[len(h)-1].End:ts[len(h)].Start], unicode.IsSpace) {
			return len(h)
		}
	}
	return 0
}

// StripHonorifics cuts the honorifics from the front of a person's name:
// «سرلشکر حسین سلامی» → «حسین سلامی».
func (g *Gazetteer) StripHonorifics(name string) string {
	for {
		ts := Tokenize(name)
		n := g.honorificLen(name, ts)
		if n == 0 {
			return name
		}
		name = name[ts[n].Start:]
	}
}
