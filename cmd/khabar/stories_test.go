package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/stories"
)

// TestIngestShowsCopiesInStories ingests the seed article (Webangah's copy of
// Tasnim) and the same text as another aggregator scraped it (new prefix,
// ZWNJs stripped, Arabic letters, a trailer), in two runs so the second must
// rebuild the engine from the store, then lists stories.
func TestIngestShowsCopiesInStories(t *testing.T) {
	dir := t.TempDir()
	orig := string(seed(t))
	cp := strings.Replace(orig, "به گزارش وبانگاه به نقل از گروه بین الملل خبرگزاری تسنیم", "به گزارش خبرفوری به نقل از تسنیم", 1)
	cp = strings.NewReplacer("\u200c", "", "ی", "ي", "ک", "ك").Replace(cp)
	if cp == orig {
		t.Fatal("seed text changed")
	}
	a, b := filepath.Join(dir, "seed.txt"), filepath.Join(dir, "copy.txt")
	os.WriteFile(a, []byte(orig), 0o644)
	os.WriteFile(b, []byte(cp+"\nانتهای پیام/\n"), 0o644)
	for _, f := range []string{a, b} {
		if out, err := run(t, "--data", dir, "ingest", "--no-zwnj", f); err != nil {
			t.Fatal(err, out)
		}
	}
	out, err := run(t, "--data", dir, "stories", "--json", "--min-size", "2")
	if err != nil {
		t.Fatal(err, out)
	}
	var got []stories.StoryJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got) != 1 || got[0].Size != 2 || got[0].Copies != 1 {
		t.Fatalf("stories: %s", out)
	}
	arts := got[0].Articles
	if arts[1].CopyOf != arts[0].ID || arts[1].Similarity < 0.99 || !strings.HasSuffix(arts[1].Path, "copy.txt") {
		t.Errorf("copy link: %+v", arts)
	}
	if out, err := run(t, "--data", dir, "stories", "--since", "tomorrow"); err == nil {
		t.Errorf("bad --since accepted: %s", out)
	}
	if out, err := run(t, "--data", dir, "stories"); err != nil || !strings.Contains(out, "copy of "+arts[0].ID) {
		t.Errorf("text listing: %v\n%s", err, out)
	}
}
