// Package archtest keeps khabar's one-way data flow honest: analysis stages
// import article and persian, never store, search or web; only cmd and web know
// about storage and HTTP.
package archtest

import (
	"os/exec"
	"strings"
	"testing"
)

// pure packages may not import these.
var forbidden = []string{"khabar/internal/store", "khabar/internal/search", "khabar/internal/web", "net/http", "database/sql"}

// purePackages are the stages: strings in, structs out.
var purePackages = []string{
	"khabar/internal/article", "khabar/internal/persian", "khabar/internal/textdump",
	"khabar/internal/jsondump", "khabar/internal/provenance", "khabar/internal/pipeline",
	"khabar/internal/zwnj", "khabar/internal/copies", "khabar/internal/stories",
	"khabar/internal/entities", "khabar/internal/events", "khabar/internal/topics",
	"khabar/internal/extract",
}

func TestImportDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-e", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "khabar/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pure := map[string]bool{}
	for _, p := range purePackages {
		pure[p] = true
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || !pure[f[0]] {
			continue
		}
		for _, imp := range f[1:] {
			for _, bad := range forbidden {
				if imp == bad || strings.HasPrefix(imp, bad+"/") {
					t.Errorf("%s imports %s: stages must stay pure (I/O belongs at the edges)", f[0], imp)
				}
			}
		}
	}
}
