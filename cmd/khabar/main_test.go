package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// run executes the khabar command line in-process and returns its output.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

func seed(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../internal/textdump/testdata/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseJSONKeys(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "seed.txt")
	os.WriteFile(path, seed(t), 0o644)
	out, err := run(t, "--data", dir, "parse", path, "--json")
	if err != nil {
		t.Fatal(err, out)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	want := []string{"id", "title", "lead", "body", "subheadings", "publisher", "attribution", "original_source", "news_group", "copyright", "published", "raw"}
	for _, k := range want {
		if _, ok := m[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	var a struct {
		Attribution []struct{ Name, Desk string }
		Original    string `json:"original_source"`
		NewsGroup   string `json:"news_group"`
		Copyright   string
	}
	json.Unmarshal([]byte(out), &a)
	if len(a.Attribution) != 3 || a.Attribution[1].Desk != "گروه بین الملل" || a.Original != "خبرگزاری تاس" || a.NewsGroup != "1337" || a.Copyright != "خبرگزاری تسنیم" {
		t.Errorf("provenance: %+v", a)
	}
}

// TestIngestBadBatch ingests a folder where good files sit beside an empty
// file, a binary file, invalid UTF-8, an oversized file and a damaged dataset:
// each bad one is named with its reason and everything good is stored.
func TestIngestBadBatch(t *testing.T) {
	in := t.TempDir()
	data := t.TempDir()
	write := func(name string, b []byte) {
		p := filepath.Join(in, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/seed.txt", seed(t))
	write("a/empty.txt", nil)
	write("b/image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	write("b/latin1.txt", []byte("\xe9t\xe9 \xe0 Paris\n\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6"))
	write("big.txt", bytes.Repeat([]byte("الف ب\n"), 5<<20))
	write("c/dataset.jsonl", []byte(`{"title":"خبر یک","body":"به گزارش خبرگزاری مهر، متن خبر یک."}`+"\n{broken\n"+`{"title":"خبر دو","body":"متن خبر دو."}`+"\n"))

	out, err := run(t, "--data", data, "ingest", in)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out, "articles new: 3") {
		t.Errorf("want 3 new articles:\n%s", out)
	}
	for _, want := range []string{"empty.txt: text dump: empty text", "image.png: text dump: binary data", "big.txt: text dump: larger than", "dataset.jsonl: item 2"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Ingesting again stores nothing twice.
	out, err = run(t, "--data", data, "ingest", in)
	if err != nil || !strings.Contains(out, "articles new: 0  unchanged: 3") {
		t.Errorf("second ingest: %v\n%s", err, out)
	}
	out, err = run(t, "--data", data, "search", "رئیسجمهور", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Total int
		Hits  []struct{ Article struct{ Title string } }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Total != 1 || !strings.Contains(res.Hits[0].Article.Title, "چین") {
		t.Errorf("search: %v %+v\n%s", err, res, out)
	}
}

func TestIngestNothingReadable(t *testing.T) {
	in := t.TempDir()
	os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644)
	out, err := run(t, "--data", t.TempDir(), "ingest", in, filepath.Join(in, "missing.txt"))
	if err == nil {
		t.Errorf("no error when nothing could be ingested:\n%s", out)
	}
	if !strings.Contains(out, "missing.txt") {
		t.Errorf("missing file not named:\n%s", out)
	}
}

func TestCommandsHaveHelp(t *testing.T) {
	root := newRootCmd()
	var names []string
	for _, c := range root.Commands() {
		names = append(names, c.Name())
		if c.Short == "" {
			t.Errorf("%s has no help", c.Name())
		}
	}
	sort.Strings(names)
	for _, want := range []string{"demo", "ingest", "normalize", "parse", "search", "serve", "version"} {
		if i := sort.SearchStrings(names, want); i == len(names) || names[i] != want {
			t.Errorf("no %q command (have %v)", want, names)
		}
	}
}

func TestNormalizeCommand(t *testing.T) {
	root := newRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetIn(strings.NewReader("رئيس در نشست هاي اخير ، گفت\nدوم"))
	root.SetArgs([]string{"normalize"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "رئیس در نشست‌های اخیر، گفت\nدوم"; got != want {
		t.Errorf("normalize = %q, want %q", got, want)
	}
}
