package ner

import (
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
