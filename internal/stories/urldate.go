package stories

import (
	"regexp"
	"strconv"
	"time"

	"khabar/internal/persian"
)

// farsNewsID matches Fars News article URLs, whose news id starts with the
// Jalali publication day: «/news/8212110001» is 1382/12/11 (two-digit year,
// until 1399), «/news/14000208000172» is 1400/02/08.
var farsNewsID = regexp.MustCompile(`farsnews\.(?:ir|com)/news/(\d{10}|\d{14})(?:$|[/?#])`)

// URLDate returns the publication day encoded in a known outlet's article URL,
// for articles that carry no date of their own. Only the day is known; noon
// Tehran time stands for it. It reports false for other URLs.
func URLDate(url string) (time.Time, bool) {
	m := farsNewsID.FindStringSubmatch(url)
	if m == nil {
		return time.Time{}, false
	}
	id := m[1]
	var y, mo, d int
	if len(id) == 10 {
		y, _ = strconv.Atoi(id[:2])
		y += 1300
		mo, _ = strconv.Atoi(id[2:4])
		d, _ = strconv.Atoi(id[4:6])
	} else {
		y, _ = strconv.Atoi(id[:4])
		mo, _ = strconv.Atoi(id[4:6])
		d, _ = strconv.Atoi(id[6:8])
	}
	if y < 1370 || y > 1500 {
		return time.Time{}, false
	}
	t, err := persian.FromJalali(y, mo, d, 12, 0, 0)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}
