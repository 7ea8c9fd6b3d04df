package web

import (
	"errors"
	"fmt"
	"net/http"

	"khabar/internal/article"
	"khabar/internal/store"
)

type articlePage struct {
	page
	Article *article.Article
	Blocks  []bodyBlock
	// Entities are the article's entity mentions, one entry per entity.
	Entities []entityGroup
}

// bodyBlock is one body line as shown: a paragraph, or a subheading (<h2>).
type bodyBlock struct {
	Text    string
	Heading bool
}

// bodyBlocks keeps the body in order and marks the lines that Subheadings
// lists. Each listed line marks one occurrence, so a subheading that also
// appears as a sentence elsewhere is not doubled.
func bodyBlocks(a *article.Article) []bodyBlock {
	want := map[string]int{}
	for _, h := range a.Subheadings {
		want[h]++
	}
	blocks := make([]bodyBlock, 0, len(a.Body))
	for _, p := range a.Body {
		b := bodyBlock{Text: p}
		if want[p] > 0 {
			want[p]--
			b.Heading = true
		}
		blocks = append(blocks, b)
	}
	return blocks
}

// articlePage shows one article with its provenance: GET /articles/{id}.
func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := s.deps.Store.Article(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.failPage(w, r, http.StatusNotFound, "خبری با این شناسه پیدا نشد.")
		return
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, "internal error", fmt.Errorf("article %s: %w", id, err))
		return
	}
	s.render(w, r, http.StatusOK, "article", articlePage{
		page:     page{Title: a.Title},
		Article:  a,
		Blocks:   bodyBlocks(a),
		Entities: articleEntities(a.Entities),
	})
}
