package ner

import (
	"slices"
	"strings"
	"testing"
)

// ARMAN and other CoNLL-style sets write "token TAG" with B-/I- and their own
// type names; they read into PEYMA's tags.
func TestReadCoNLL(t *testing.T) {
	in := "سرگئی B-pers\nلاوروف I-pers\nدر O\nپکن\tB-loc\nگفت O\n\nفرودگاه B-fac\nمهرآباد I-fac\n"
	s, err := ReadPEYMA(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 {
		t.Fatalf("%d sentences, want 2", len(s))
	}
	want := []string{"B_PER", "I_PER", "O", "B_LOC", "O"}
	if strings.Join(s[0].Tags, " ") != strings.Join(want, " ") || s[0].Tokens[3] != "پکن" {
		t.Errorf("got %v %v, want tags %v", s[0].Tokens, s[0].Tags, want)
	}
	if strings.Join(s[1].Tags, " ") != "B_FAC I_FAC" {
		t.Errorf("ARMAN's fac: got %v", s[1].Tags)
	}
	for _, bad := range []string{"word X-PER\n", "word\n"} {
		if _, err := ReadPEYMA(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// FuzzReadPEYMA: any input either reads or gives an error; every sentence
// read has a tag per token, each O or B_/I_ + a type.
func FuzzReadPEYMA(f *testing.F) {
	f.Add("وزیر|O\nامور|B_ORG\n\n")
	f.Add("سرگئی B-pers\nلاوروف I-pers\n")
	f.Add("| |O\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadPEYMA(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, x := range s {
			if len(x.Tokens) != len(x.Tags) || len(x.Tokens) == 0 {
				t.Fatalf("sentence %v / %v", x.Tokens, x.Tags)
			}
			for _, tag := range x.Tags {
				if tag != "O" && !(len(tag) > 2 && (tag[:2] == "B_" || tag[:2] == "I_")) {
					t.Fatalf("tag %q", tag)
				}
			}
		}
	})
}

// A lead that keeps «بین المللی» apart (Fars News, as stored) must not give
// the tagger the fragment «المللی», which it took for a person.
func TestJoinSpaced(t *testing.T) {
	m := Default()
	text := "رئیسی گفت: بر توانمندی‌های داخلی و اینکه از ارتباطات بین المللی هم باید بعنوان مکمل استفاده کرد تاکید داریم."
	toks := tokenize(text)
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Text)
		if text[tk.Start:tk.End] != tk.Text {
			t.Errorf("%q: offsets give %q", tk.Text, text[tk.Start:tk.End])
		}
	}
	if !slices.Contains(got, "بین المللی") || slices.Contains(got, "المللی") {
		t.Errorf("tokens %q", got)
	}
	for _, s := range m.Recognize(text) {
		if text[s.Start:s.End] == "المللی" {
			t.Errorf("fragment tagged %s", s.Type)
		}
	}
	// Two words of their own stay two tokens.
	if n := len(tokenize("حسن روحانی")); n != 2 {
		t.Errorf("a name was joined into %d tokens", n)
	}
}

// ScoreText scores entities by their place in the written-out text.
func TestScoreText(t *testing.T) {
	in := "سرگئی|B_PER\nلاوروف|I_PER\nدر|O\nنشست|O\nبین المللی|O\nآسه آن|B_ORG\nدر|O\nکوالالامپور|B_LOC\nگفت|O\n.|O\n"
	s, err := ReadPEYMA(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	sc := Default().ScoreText(s)
	all := sc[""]
	if all.Gold != 3 || sc["PER"].Gold != 1 || sc["ORG"].Gold != 1 || sc["LOC"].Gold != 1 {
		t.Fatalf("gold counts %+v", sc)
	}
	if sc["PER"].Correct != 1 {
		t.Errorf("Sergey Lavrov not found at his offsets: %+v", sc["PER"])
	}
	if all.Correct > all.Predicted || all.Correct > all.Gold {
		t.Errorf("inconsistent totals %+v", all)
	}
}
