// Package sqlite is khabar's embedded store and search index: one SQLite file
// (pure Go, modernc.org/sqlite) in WAL mode, articles in plain tables and their
// folded text in an FTS5 index, written together in one transaction per batch.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"khabar/internal/persian"
	"khabar/internal/search"
	"khabar/internal/store"
)

var (
	_ store.Store  = (*DB)(nil)
	_ search.Index = (*DB)(nil)
)

// ErrNotDatabase means the file at the path is not an SQLite database.
var ErrNotDatabase = errors.New("not an SQLite database")

// Options configures Open. The zero value is usable.
type Options struct {
	// QueryNormalizer repairs a search query before it is folded; pass the same
	// persian.Normalizer the pipeline uses on articles (with its ZWNJ restorer),
	// so queries and documents are repaired alike. Nil means persian.Normalize.
	QueryNormalizer func(string) string
	// BusyTimeout is how long a write waits for another writer; 0 means 10s.
	BusyTimeout time.Duration
}

// DB is an open khabar database. It is safe for concurrent use.
type DB struct {
	sql       *sql.DB
	path      string
	normalize func(string) string
	closed    atomic.Bool
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date. The parent directory is created if missing.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if path == "" {
		return nil, errors.New("open database: empty path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("open database %s: path must not contain '?' or '#'", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("open database %s: is a directory", path)
	}
	busy := opts.BusyTimeout
	if busy <= 0 {
		busy = 10 * time.Second
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	// NORMAL is safe in WAL mode: a power cut can lose the last commits, never
	// corrupt the file.
	q.Add("_pragma", "synchronous(NORMAL)")
	// Writers take the write lock at BEGIN, so two batches queue on the busy
	// timeout instead of failing with SQLITE_BUSY when both try to upgrade.
	q.Set("_txlock", "immediate")
	sdb, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db := &DB{sql: sdb, path: path, normalize: opts.QueryNormalizer}
	if db.normalize == nil {
		db.normalize = persian.Normalize
	}
	// The first statement reads the file header: this is where a file that is
	// not a database shows itself.
	if _, err := sdb.ExecContext(ctx, "SELECT count(*) FROM sqlite_schema"); err != nil {
		sdb.Close()
		return nil, db.wrap("open database", err)
	}
	if err := migrate(ctx, sdb); err != nil {
		sdb.Close()
		return nil, db.wrap("open database", err)
	}
	if err := db.backfillAnalysis(ctx); err != nil {
		sdb.Close()
		return nil, db.wrap("open database", err)
	}
	return db, nil
}

// Close closes the database; every later call returns an error wrapping store.ErrClosed.
func (db *DB) Close() error {
	if db.closed.Swap(true) {
		return nil
	}
	if err := db.sql.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", db.path, err)
	}
	return nil
}

// check is the first line of every method.
func (db *DB) check(op string) error {
	if db.closed.Load() {
		return fmt.Errorf("%s: database %s: %w", op, db.path, store.ErrClosed)
	}
	return nil
}

// wrap adds the operation and the file to an SQLite error, and names the two
// failures a user can act on: a file that is not a database, a full disk.
func (db *DB) wrap(op string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%s %s: %w (%v)", op, db.path, ErrNotDatabase, err)
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%s %s: disk full: %w", op, db.path, err)
		}
	}
	return fmt.Errorf("%s %s: %w", op, db.path, err)
}
