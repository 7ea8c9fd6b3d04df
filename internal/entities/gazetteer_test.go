package entities

import (
	"regexp"
	"testing"
)

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

var types = map[string]bool{"PER": true, "ORG": true, "LOC": true, "FAC": true, "EVE": true, "PRO": true}

var roles = map[string]bool{"": true, RoleCountry: true, "GOV": true, "MIL": true, "LEG": true, "JUD": true,
	"IGO": true, "NGO": true, "MED": true, "REB": true, "BUS": true, "SPY": true, "COP": true, "REL": true, "OPP": true, "EDU": true}

// TestGazetteer checks the hand-written records: ids are unique slugs, every
// record has a type, a Persian and a Latin name, codes are well formed, and
// every country code names a country record.
func TestGazetteer(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Records) < 300 {
		t.Errorf("%d records, want at least 300", len(g.Records))
	}
	seen := map[string]bool{}
	for _, r := range g.Records {
		if seen[r.ID] {
			t.Errorf("duplicate id %q", r.ID)
		}
		seen[r.ID] = true
		if !idRE.MatchString(r.ID) {
			t.Errorf("%s: id is not an ASCII slug", r.ID)
		}
		if !types[r.Type] {
			t.Errorf("%s: type %q", r.ID, r.Type)
		}
		if !roles[r.Role] {
			t.Errorf("%s: role %q", r.ID, r.Role)
		}
		if r.Name == "" || isLatin(r.Name) {
			t.Errorf("%s: Persian name %q", r.ID, r.Name)
		}
		if r.Latin == "" || !isLatin(r.Latin) {
			t.Errorf("%s: Latin name %q", r.ID, r.Latin)
		}
		if r.Country != "" {
			if len(r.Country) != 3 || !regexp.MustCompile(`^[A-Z]{3}$`).MatchString(r.Country) {
				t.Errorf("%s: country %q is not ISO 3166-1 alpha-3", r.ID, r.Country)
			} else if _, ok := g.Country(r.Country); !ok {
				t.Errorf("%s: no country record for %q", r.ID, r.Country)
			}
		}
		if r.Type == "PER" && r.ActorCode() == "" {
			t.Errorf("%s: a person needs a country, a role or an actor code", r.ID)
		}
		if c := r.ActorCode(); c != "" && !regexp.MustCompile(`^[A-Z0-9]{3,9}$`).MatchString(c) {
			t.Errorf("%s: actor code %q", r.ID, c)
		}
		if len(r.Demonyms) > 0 && r.Role != RoleCountry {
			t.Errorf("%s: demonyms on a record that is not a country", r.ID)
		}
	}
	if _, err := NewLinker(g); err != nil {
		t.Fatal(err)
	}
}

// TestNamesMatchable checks that every Persian name can match running text:
// a name with punctuation inside («،», «.») could never match, since matches
// do not run across punctuation. (Latin names may: «George W. Bush» is
// shown, and found by its Persian names.)
func TestNamesMatchable(t *testing.T) {
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range g.Records {
		names := append(append([]string{r.Name}, r.Aliases...), r.Demonyms...)
		for _, tt := range r.Titles {
			names = append(names, tt.Text)
		}
		for _, n := range names {
			if isLatin(n) {
				continue
			}
			for i, tok := range Tokenize(n) {
				if i > 0 && !tok.Joined {
					t.Errorf("%s: %q has punctuation inside", r.ID, n)
				}
			}
		}
	}
}
