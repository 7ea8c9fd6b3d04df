package quotes

import (
	"testing"

	"khabar/internal/events/discourse"
	"khabar/internal/events/discourse/linktest"
)

func TestDebugSeed(t *testing.T) {
	a := linktest.Seed(t, "../../../shared/data/seed-article.txt")
	linktest.Link(a, linktest.SeedEntities()...)
	for _, s := range discourse.Read(a) {
		for _, m := range s.Mentions {
			t.Logf("p%d %q kind=%d type=%s prep=%q actor=%+v", s.Para, s.Text[s.Tokens[m.From].Start-s.Start:s.Tokens[m.To-1].End-s.Start], m.Kind, m.Type, m.Prep, m.Actor)
		}
	}
	for _, q := range Find(a) {
		t.Logf("%s (%s) [%s] direct=%v: %s", q.Speaker.Latin, q.Speaker.Code, q.Verb, q.Direct, q.Text)
	}
}
