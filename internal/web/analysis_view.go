package web

import (
	"net/url"
	"slices"
	"strings"

	"khabar/internal/article"
	"khabar/internal/store"
)

// entityItem is one entity as an article page lists it: its mentions in the
// article folded into one entry.
type entityItem struct {
	// ID is the entity page's id; empty when the mention has none (an
	// unlinked date, say), so no link is drawn.
	ID, Name, Latin, Country, Type string
	// Count is how often the article mentions it; Spellings are the
	// mentions as written when they differ from Name.
	Count     int
	Spellings []string
}

// entityGroup is the entities of one type.
type entityGroup struct {
	Type, Label string
	Items       []entityItem
}

// articleEntities groups an article's mentions by entity, then by type, in the
// order of entityTypeOrder; within a type, most mentioned first, then first
// mentioned first.
func articleEntities(ms []article.Entity) []entityGroup {
	byKey := map[string]*entityItem{}
	var order []string
	for _, m := range ms {
		id := store.EntityID(m)
		key := id
		if key == "" {
			key = strings.ToUpper(m.Type) + "\x00" + m.Text
		}
		it := byKey[key]
		if it == nil {
			name := m.Name
			if name == "" {
				name = m.Text
			}
			it = &entityItem{ID: id, Name: name, Latin: m.Latin, Country: m.Country, Type: strings.ToUpper(m.Type)}
			byKey[key] = it
			order = append(order, key)
		}
		it.Count++
		if m.Text != "" && m.Text != it.Name && !slices.Contains(it.Spellings, m.Text) {
			it.Spellings = append(it.Spellings, m.Text)
		}
	}
	groups := map[string]*entityGroup{}
	for _, k := range order {
		it := byKey[k]
		g := groups[it.Type]
		if g == nil {
			g = &entityGroup{Type: it.Type, Label: entityTypePlural(it.Type)}
			groups[it.Type] = g
		}
		g.Items = append(g.Items, *it)
	}
	var out []entityGroup
	types := append([]string{}, entityTypeOrder...)
	for t := range groups {
		if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	slices.Sort(types[len(entityTypeOrder):])
	for _, t := range types {
		if g := groups[t]; g != nil {
			slices.SortStableFunc(g.Items, func(a, b entityItem) int { return b.Count - a.Count })
			out = append(out, *g)
		}
	}
	return out
}

func entityURL(id string) string { return "/entities/" + url.PathEscape(id) }
