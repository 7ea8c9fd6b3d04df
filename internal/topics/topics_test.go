package topics

import (
	"slices"
	"testing"

	"khabar/internal/article"
	"khabar/internal/demo"
)

func TestFromSection(t *testing.T) {
	tests := []struct{ section, want string }{
		// Labels as the 2025 agencies give them.
		{"اخبار بین الملل", "international"},
		{"اخبار بین‌الملل", "international"},
		{"اخبار جهان", "international"},
		{"اخبار سیاسی ایران", "politics"},
		{"سیاسی", "politics"},
		{"اخبار اقتصادی", "economy"},
		{"کسب و کار", "economy"},
		{"اخبار ورزشی", "sport"},
		{"ورزشی", "sport"},
		{"اخبار سلامت", "health"},
		{"اخبار دانش و فناوری", "science"},
		{"فرهنگ و هنر", "culture"},
		{"اخبار فرهنگی و هنری", "culture"},
		{"استان ها", "province"},
		{"استان‌ها", "province"},
		{"اخبار استانها", "province"},
		{"زندگی", "society"},
		// Fars News's cat values.
		{"world", "international"},
		{"sports", "sport"},
		{"scientific-academic", "science"},
		{"mazandaran", "province"},
		// A desk named in an attribution chain.
		{"گروه بین الملل", "international"},
		// Labels that name no topic.
		{"farsplus-magazine", ""},
		{"", ""},
		{"1337", ""},
	}
	for _, tt := range tests {
		if got := FromSection(tt.section); got != tt.want {
			t.Errorf("FromSection(%q) = %q, want %q", tt.section, got, tt.want)
		}
	}
}

func TestLabels(t *testing.T) {
	for _, s := range Slugs() {
		if Label(s) == "" {
			t.Errorf("topic %q has no Persian label", s)
		}
	}
	if Label("nonsense") != "" {
		t.Error("unknown slug got a label")
	}
}

// Every category label of the bundled 2025 agency articles maps to a topic.
func TestCorpusSectionsMap(t *testing.T) {
	exs, err := Examples(demo.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	n2025 := 0
	for _, ex := range exs {
		if !slices.Contains(Slugs(), ex.Topic) {
			t.Errorf("%s: topic %q not in the fixed set", ex.URL, ex.Topic)
		}
		if ex.Title != "" && ex.Lead != "" && len(ex.Body) > 0 && ex.Section != "" && !isFars(ex.URL) {
			n2025++
		}
	}
	if n2025 != 80 {
		t.Errorf("%d of the 80 agency articles have a mapped category", n2025)
	}
}

func isFars(url string) bool { return len(url) > 20 && url[:20] == "https://www.farsnews" }

func TestClassify(t *testing.T) {
	// The seed has no section; its attribution names Tasnim's international desk.
	seed := &article.Article{
		Title:       "تاکید چین بر همکاری با روسیه در جهت منافع ملی دو کشور",
		Attribution: []article.Attribution{{Name: "وبانگاه"}, {Name: "خبرگزاری تسنیم", Desk: "گروه بین الملل"}},
	}
	if got := Classify(seed); got != "international" {
		t.Errorf("seed: %q, want international", got)
	}
	seed.Attribution = nil
	if got := Classify(seed); !slices.Contains(Slugs(), got) {
		t.Errorf("seed without desk: %q is not a topic", got)
	}
	withSection := &article.Article{Title: "x", Section: "اخبار ورزشی"}
	if got := Classify(withSection); got != "sport" {
		t.Errorf("section ورزشی: %q", got)
	}
}

// The classifier does better than the largest class on held-out articles.
func TestPredictBeatsMajority(t *testing.T) {
	exs, err := Examples(demo.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	n, correct, province := 0, 0, 0
	for _, ex := range exs {
		if !IsTest(ex.URL) {
			continue
		}
		n++
		if Predict(ex.Title, append([]string{ex.Lead}, ex.Body...)...) == ex.Topic {
			correct++
		}
		if ex.Topic == "province" {
			province++
		}
	}
	if correct <= province {
		t.Errorf("classifier %d/%d correct, no better than always-province %d", correct, n, province)
	}
}

func BenchmarkPredict(b *testing.B) {
	exs, err := Examples(demo.Corpus())
	if err != nil {
		b.Fatal(err)
	}
	ex := exs[0]
	for b.Loop() {
		Predict(ex.Title, append([]string{ex.Lead}, ex.Body...)...)
	}
}
