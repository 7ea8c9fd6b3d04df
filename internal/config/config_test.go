package config

import (
	"path/filepath"
	"testing"
)

func TestDefaultAndEnv(t *testing.T) {
	t.Setenv("KHABAR_DATA", "/tmp/khabar-test")
	t.Setenv("KHABAR_ADDR", "127.0.0.1:9999")
	c := Default()
	if c.DataDir != "/tmp/khabar-test" || c.Addr != "127.0.0.1:9999" {
		t.Errorf("env not applied: %+v", c)
	}
	if c.DBPath() != filepath.Join("/tmp/khabar-test", "khabar.db") {
		t.Errorf("DBPath = %q", c.DBPath())
	}
	t.Setenv("KHABAR_DATA", "")
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if got := Default().DataDir; got != "/xdg/khabar" {
		t.Errorf("XDG default = %q", got)
	}
}

func TestValidate(t *testing.T) {
	for _, c := range []Config{{DataDir: "", Addr: "x"}, {DataDir: "d", Addr: ""}} {
		if c.Validate() == nil {
			t.Errorf("%+v accepted", c)
		}
	}
	if err := (Config{DataDir: "d", Addr: ":1"}).Validate(); err != nil {
		t.Error(err)
	}
}
