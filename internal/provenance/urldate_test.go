package provenance

import (
	"testing"

	"khabar/internal/persian"
)

func TestDateFromURL(t *testing.T) {
	tests := []struct {
		url, want string // want: Jalali day, or "" for none
	}{
		{"https://www.farsnews.ir/news/8707060245", "1387/07/06"},
		{"https://www.farsnews.ir/news/13911222000736/بهره‌گیری-از-تکنولوژی", "1391/12/22"},
		{"https://www.tasnimnews.com/fa/news/1404/06/14/3389012/عنوان", "1404/06/14"},
		{"https://www.farsnews.ir/news/6012345678", ""}, // 1360: before the agency
		{"https://www.farsnews.ir/news/8713400245", ""}, // month 13
		{"https://example.ir/news/12345", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if tm, ok := DateFromURL(tt.url); ok {
			got = persian.FormatJalaliASCII(tm, false)
		}
		if got != tt.want {
			t.Errorf("DateFromURL(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}
