package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestParseSeedAnalysis checks that `khabar parse --json` on the seed names
// the people, countries and organizations of issue 7 with their Latin names,
// and resolves the title «وزیر امور خارجه چین» to Wang Yi.
func TestParseSeedAnalysis(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "seed.txt")
	if err := os.WriteFile(path, seed(t), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "--data", dir, "parse", path, "--json")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var a struct {
		Entities []struct {
			Text, Type, ID, Name, Latin string
		}
		Quotes []json.RawMessage
		Events []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	type rec struct{ name, latin string }
	got := map[string]rec{}
	titleOfWang := false
	for _, e := range a.Entities {
		if e.ID == "" || e.Name == "" || e.Type == "" {
			continue
		}
		got[e.ID] = rec{e.Name, e.Latin}
		if e.Text == "وزیر امور خارجه چین" && e.ID == "wang-yi" {
			titleOfWang = true
		}
	}
	for id, want := range map[string]rec{
		"wang-yi":        {"وانگ ایی", "Wang Yi"},
		"sergey-lavrov":  {"سرگئی لاوروف", "Sergey Lavrov"},
		"vladimir-putin": {"ولادیمیر پوتین", "Vladimir Putin"},
		"xi-jinping":     {"شی جین‌پینگ", "Xi Jinping"},
		"china":          {"چین", "China"},
		"russia":         {"روسیه", "Russia"},
		"un":             {"سازمان ملل", "United Nations"},
		"sco":            {"سازمان همکاری شانگهای", "Shanghai Cooperation Organisation"},
		"apec":           {"سازمان همکاری اقتصادی آسیا و اقیانوسیه", "Asia-Pacific Economic Cooperation"},
		"brics":          {"بریکس", "BRICS"},
		"asean":          {"آسه‌آن", "Association of Southeast Asian Nations"},
	} {
		if g := got[id]; g != want {
			t.Errorf("%s: got %q, want %q", id, g, want)
		}
	}
	if !titleOfWang {
		t.Error("«وزیر امور خارجه چین» is not linked to wang-yi")
	}
	if len(a.Quotes) == 0 || len(a.Events) == 0 {
		t.Errorf("%d quotes, %d events", len(a.Quotes), len(a.Events))
	}

	out, err = run(t, "--data", dir, "parse", path, "--json", "--no-analysis")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	a.Entities = nil
	if err := json.Unmarshal([]byte(out), &a); err != nil || len(a.Entities) != 0 {
		t.Errorf("--no-analysis: %v, %d entities", err, len(a.Entities))
	}
}
