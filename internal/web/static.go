package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"time"
)

//go:embed static
var staticFS embed.FS

// staticTypes are the content types of the assets khabar ships. An asset with
// another extension is refused at start-up, so nothing is served with a
// sniffed or wrong type (Go's mime table has no .woff2).
var staticTypes = map[string]string{
	".css":   "text/css; charset=utf-8",
	".woff2": "font/woff2",
	".txt":   "text/plain; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
}

// asset is one embedded file, read once at start-up.
type asset struct {
	data        []byte
	contentType string
	// version is a short content hash: URLs made by staticFiles.url carry it,
	// so those can be cached for good and still change when the file does.
	version string
}

type staticFiles struct {
	files map[string]asset // by path below static/, "fonts/Vazirmatn[wght].woff2"
}

func loadStatic() (*staticFiles, error) {
	s := &staticFiles{files: map[string]asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ct, ok := staticTypes[path.Ext(p)]
		if !ok {
			return fmt.Errorf("static asset %s: no content type for %q", p, path.Ext(p))
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return fmt.Errorf("static asset %s: %w", p, err)
		}
		sum := sha256.Sum256(data)
		s.files[p[len("static/"):]] = asset{data: data, contentType: ct, version: hex.EncodeToString(sum[:6])}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static assets: %w", err)
	}
	return s, nil
}

// url is the versioned address of an asset, for templates. A missing asset is
// an error, so a typo in a template fails at start-up, not as a broken page.
func (s *staticFiles) url(name string) (string, error) {
	a, ok := s.files[name]
	if !ok {
		return "", fmt.Errorf("no static asset %q", name)
	}
	return "/static/" + name + "?v=" + a.version, nil
}

// serveStatic answers GET /static/{path...}. With the current ?v= the answer
// may be cached for a year; without it, for an hour (CSS refers to the font
// without a version); an ETag makes revalidation cheap either way.
func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("path")
	a, ok := s.static.files[name]
	if !ok {
		s.fail(w, r, http.StatusNotFound, "no such asset", nil)
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("ETag", `"`+a.version+`"`)
	if r.URL.Query().Get("v") == a.version {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=3600")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(a.data))
}
