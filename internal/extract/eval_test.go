package extract

import (
	"os"
	"testing"
)

func TestSharedFixtures(t *testing.T) {
	dir := "../../../shared/data/fixtures/pages"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("shared fixtures missing")
	}
	r, err := EvalDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	r.Print(os.Stderr, testing.Verbose())
}
