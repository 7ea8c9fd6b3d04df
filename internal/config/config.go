// Package config resolves khabar's settings: defaults, then KHABAR_* environment
// variables, then command-line flags, then Validate. It is a value passed in
// from cmd, never a global.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Config is everything a khabar command needs to know about its environment.
type Config struct {
	// DataDir holds the store (khabar.db) and anything else khabar writes.
	DataDir string
	// Addr is where serve listens.
	Addr string
}

// Default returns the defaults with KHABAR_DATA and KHABAR_ADDR applied.
func Default() Config {
	c := Config{DataDir: defaultDataDir(), Addr: "127.0.0.1:8080"}
	if v := os.Getenv("KHABAR_DATA"); v != "" {
		c.DataDir = v
	}
	if v := os.Getenv("KHABAR_ADDR"); v != "" {
		c.Addr = v
	}
	return c
}

// defaultDataDir is $XDG_DATA_HOME/khabar, else ~/.local/share/khabar, else ./khabar-data.
func defaultDataDir() string {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "khabar")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "khabar")
	}
	return "khabar-data"
}

// Validate reports a setting khabar cannot run with.
func (c Config) Validate() error {
	if c.DataDir == "" {
		return errors.New("config: data directory is empty (set --data or KHABAR_DATA)")
	}
	if c.Addr == "" {
		return errors.New("config: listen address is empty")
	}
	return nil
}

// DBPath is the SQLite database inside the data directory.
func (c Config) DBPath() string { return filepath.Join(c.DataDir, "khabar.db") }

// EnsureDataDir creates the data directory.
func (c Config) EnsureDataDir() error {
	if err := os.MkdirAll(c.DataDir, 0o755); err != nil {
		return fmt.Errorf("config: create data directory: %w", err)
	}
	return nil
}
