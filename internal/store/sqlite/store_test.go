package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"khabar/internal/store"
	"khabar/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	dir := t.TempDir()
	storetest.Run(t, func(t *testing.T, name string) store.Store {
		db, err := Open(context.Background(), filepath.Join(dir, name+".db"), Options{})
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		return db
	})
}
