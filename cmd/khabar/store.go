package main

import (
	"context"
	"fmt"

	"khabar/internal/store/sqlite"
)

// openStore opens the embedded store in the data directory, creating both.
// Search queries go through the same normalizer as ingested text, so a query
// meets the text however either was damaged.
func (a *app) openStore(ctx context.Context, zwnj bool) (*sqlite.DB, error) {
	if err := a.cfg.EnsureDataDir(); err != nil {
		return nil, err
	}
	n := a.normalizer(zwnj)
	db, err := sqlite.Open(ctx, a.cfg.DBPath(), sqlite.Options{QueryNormalizer: n.Normalize})
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", a.cfg.DBPath(), err)
	}
	return db, nil
}
