package jsondump

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestParseAgencies2025(t *testing.T) {
	data, err := os.ReadFile("../../../shared/data/news-2025-4agencies/articles.jsonl")
	if err != nil {
		t.Skip(err)
	}
	arts, errs := Parse(data)
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(arts) != 80 {
		t.Fatalf("%d articles, want 80", len(arts))
	}
	publishers := map[string]int{}
	dated, chained := 0, 0
	for _, a := range arts {
		if a.Title == "" || len(a.Body) == 0 || a.URL == "" || a.ID == "" {
			t.Errorf("incomplete article %q", a.Title)
		}
		publishers[a.Publisher]++
		if a.Published != nil {
			dated++
		}
		if len(a.Attribution) > 0 {
			chained++
		}
	}
	for _, p := range []string{"خبرگزاری تسنیم", "همشهری آنلاین", "خبرآنلاین", "خبرگزاری برنا"} {
		if publishers[p] != 20 {
			t.Errorf("publisher %q: %d articles, want 20 (all: %v)", p, publishers[p], publishers)
		}
	}
	if dated != 80 {
		t.Errorf("%d of 80 dated", dated)
	}
	// Most agency articles open with an attribution clause; a few open with the
	// news itself. Count, so a regression in the clause parser shows.
	if chained < 60 {
		t.Errorf("only %d of 80 attribution chains found", chained)
	}
}

func TestParseFarsArray(t *testing.T) {
	data, err := os.ReadFile("../../../shared/data/fars-news/fars-news-1.json")
	if err != nil {
		t.Skip(err)
	}
	arts, errs := Parse(data)
	if len(errs) > 0 || len(arts) != 300 {
		t.Fatalf("%d articles, errors %v", len(arts), errs)
	}
	fars := 0
	for _, a := range arts {
		if strings.Contains(a.Publisher, "فارس") {
			fars++
		}
	}
	if fars < 250 {
		t.Errorf("only %d of 300 Fars articles credited to Fars", fars)
	}
}

func TestDamaged(t *testing.T) {
	good := `{"title":"عنوان یک","body":"متن یک"}`
	tests := []struct {
		name      string
		in        string
		arts, bad int
	}{
		{"truncated array keeps complete items", `[` + good + `,` + good + `,{"title":"نی`, 2, 1},
		{"bad line among good lines", good + "\n{oops\n" + good + "\n", 2, 1},
		{"object without text", `{"title":"x"}`, 0, 1},
		{"not articles", `[1,2,3]`, 0, 3},
		{"pretty-printed single object", "{\n  \"title\": \"عنوان\",\n  \"text\": \"متن\"\n}", 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := Parse([]byte(tt.in))
			if len(arts) != tt.arts || len(errs) != tt.bad {
				t.Errorf("%d articles, %d errors (%v); want %d, %d", len(arts), len(errs), errs, tt.arts, tt.bad)
			}
		})
	}
	_, errs := Parse([]byte(`{}`))
	var ie *ItemError
	if len(errs) != 1 || !errors.As(errs[0], &ie) || ie.Item != 1 {
		t.Errorf("errs = %v", errs)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`[{"title":"عنوان","paragraphs":["به گزارش فارس، متن"],"link":"https://x.ir/1"}]`))
	f.Add([]byte(`{"title":"t","body":"b\nc","date_raw":"۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰:۲۴"}` + "\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, _ := Parse(data)
		for _, a := range arts {
			if a.Title == "" || a.ID == "" {
				t.Fatalf("bad article %+v", a)
			}
		}
	})
}
