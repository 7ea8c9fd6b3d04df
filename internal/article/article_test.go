package article

import (
	"encoding/json"
	"testing"
	"time"
)

func TestDateJSON(t *testing.T) {
	// «۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰» Tehran time, as news-2025-4agencies dates it.
	d := Date{Time: time.Date(2025, 9, 5, 10, 0, 24, 0, time.UTC), HasClock: true}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"utc":"2025-09-05T10:00:24Z","jalali":"1404/06/14 13:30"}`; got != want {
		t.Errorf("Marshal = %s, want %s", got, want)
	}
	var back Date
	if err := json.Unmarshal(b, &back); err != nil || !back.Time.Equal(d.Time) {
		t.Errorf("Unmarshal = %v, %v", back, err)
	}
	day := Date{Time: time.Date(2024, 7, 25, 20, 30, 0, 0, time.UTC)}
	if got := day.JalaliASCII(); got != "1403/05/05" {
		t.Errorf("day-only Jalali = %q", got)
	}
}

func TestStableIDAndSource(t *testing.T) {
	if StableID("a") != StableID("a") || StableID("a") == StableID("b") || len(StableID("a")) != 16 {
		t.Error("StableID is not a stable 16-hex-digit hash")
	}
	a := Article{Attribution: []Attribution{{Name: "وبانگاه"}, {Name: "خبرگزاری تسنیم"}}}
	if a.Source() != "وبانگاه" {
		t.Errorf("Source = %q", a.Source())
	}
	a.Publisher = "خبرگزاری فارس"
	if a.Source() != "خبرگزاری فارس" {
		t.Errorf("Source = %q", a.Source())
	}
	a = Article{Title: "عنوان", Lead: "لید", Body: []string{"یک", "دو"}}
	if got := a.Text(); got != "عنوان\nلید\nیک\nدو" {
		t.Errorf("Text = %q", got)
	}
}
