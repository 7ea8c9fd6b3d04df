package provenance

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"khabar/internal/persian"
)

var (
	// «…/news/1404/06/14/3389…»: Tasnim, Mehr and others put the Jalali day in the path.
	jalaliPath = regexp.MustCompile(`/(1[34]\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/`)
	// Fars News ids start with the Jalali date: 8707060245 is 1387/07/06,
	// 13911222000736 is 1391/12/22.
	farsID = regexp.MustCompile(`farsnews\.(?:ir|com)/(?:[a-z]+/)*news/(\d{10}|\d{14})\b`)
)

// DateFromURL reads the publication day that some newsrooms encode in their
// article URLs. It reports false when the URL carries none, or an impossible
// one (before 1380, the founding of the agencies concerned, or in the future).
func DateFromURL(u string) (time.Time, bool) {
	y, m, d := 0, 0, 0
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if mm := farsID.FindStringSubmatch(u); mm != nil {
		id := mm[1]
		if len(id) == 10 {
			y, m, d = 1300+atoi(id[:2]), atoi(id[2:4]), atoi(id[4:6])
		} else {
			y, m, d = atoi(id[:4]), atoi(id[4:6]), atoi(id[6:8])
		}
	} else if mm := jalaliPath.FindStringSubmatch(u); mm != nil && !strings.Contains(u, "/tag/") {
		y, m, d = atoi(mm[1]), atoi(mm[2]), atoi(mm[3])
	} else {
		return time.Time{}, false
	}
	if y < 1380 || m < 1 || m > 12 || d < 1 || d > 31 || (m > 6 && d > 30) {
		return time.Time{}, false
	}
	t, err := persian.FromJalali(y, m, d, 0, 0, 0)
	if err != nil || t.After(time.Now()) {
		return time.Time{}, false
	}
	return t, true
}
