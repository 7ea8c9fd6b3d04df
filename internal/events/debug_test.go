package events

import (
	"testing"

	"khabar/internal/events/discourse/linktest"
)

func TestDebugSeed(t *testing.T) {
	a := linktest.Seed(t, "../../../shared/data/seed-article.txt")
	linktest.Link(a, linktest.SeedEntities()...)
	for _, e := range Find(a) {
		t.Logf("p%d %s(%s) -[%s %s %s]-> %s(%s)", e.Para, e.Source.Code, e.Source.Latin, e.Action, e.CAMEO, e.PLOVER, e.Target.Code, e.Target.Latin)
	}
}
