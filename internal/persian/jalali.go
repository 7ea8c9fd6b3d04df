package persian

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Asia/Tehran must resolve on machines without zoneinfo.

	jalaali "github.com/jalaali/go-jalaali"
)

// Tehran is Iran's time zone: Persian news dates without a zone are Tehran time.
var Tehran = mustZone("Asia/Tehran")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // tzdata is embedded, so this cannot happen
	}
	return loc
}

// MonthNames are the Jalali months, Farvardin first.
var MonthNames = [12]string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"}

// ToJalali returns the Jalali year, month (1–12) and day of t in Tehran time.
func ToJalali(t time.Time) (y, m, d int) {
	t = t.In(Tehran)
	jy, jm, jd, err := jalaali.ToJalaali(t.Year(), t.Month(), t.Day())
	if err != nil {
		return 0, 0, 0
	}
	return jy, int(jm), jd
}

// FromJalali returns the instant of a Jalali wall-clock time in Tehran.
func FromJalali(y, m, d, hh, mm, ss int) (time.Time, error) {
	if m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 59 {
		return time.Time{}, fmt.Errorf("jalali date %d/%d/%d %d:%d: %w", y, m, d, hh, mm, ErrBadDate)
	}
	gy, gm, gd, err := jalaali.ToGregorian(y, jalaali.Month(m), d)
	if err != nil {
		return time.Time{}, fmt.Errorf("jalali date %d/%d/%d: %w", y, m, d, ErrBadDate)
	}
	return time.Date(gy, gm, gd, hh, mm, ss, 0, Tehran), nil
}

// ErrBadDate is returned for text that looks like a date but is not a valid one.
var ErrBadDate = errors.New("invalid date")

// FormatJalaliASCII formats t as «1404/06/14 13:30» (clock optional) with ASCII digits.
func FormatJalaliASCII(t time.Time, clock bool) string {
	y, m, d := ToJalali(t)
	s := fmt.Sprintf("%04d/%02d/%02d", y, m, d)
	if clock {
		tt := t.In(Tehran)
		s += fmt.Sprintf(" %02d:%02d", tt.Hour(), tt.Minute())
	}
	return s
}

// FormatJalali formats t for readers: «۱۴ شهریور ۱۴۰۴، ۱۳:۳۰» in Persian digits.
func FormatJalali(t time.Time, clock bool) string {
	y, m, d := ToJalali(t)
	if m == 0 {
		return ""
	}
	s := fmt.Sprintf("%d %s %d", d, MonthNames[m-1], y)
	if clock {
		tt := t.In(Tehran)
		s += fmt.Sprintf("، %02d:%02d", tt.Hour(), tt.Minute())
	}
	return PersianDigits(s)
}

var (
	numericJalali = regexp.MustCompile(`(1[2-4]\d\d)\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?:\s*[-–،,]?\s*(?:ساعت\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?`)
	clockFirst    = regexp.MustCompile(`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*[-–،,]?\s*(1[2-4]\d\d)\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})`)
	wordJalali    = regexp.MustCompile(`(\d{1,2})\s+(فروردین|اردیبهشت|خرداد|تیر|مرداد|امرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند)(?:\s+ماه)?\s+(1[2-4]\d\d)(?:\s*[-–،,]?\s*(?:ساعت\s*)?(\d{1,2}):(\d{2}))?`)
)

// ParseJalali finds a Jalali date in text such as «۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰:۲۴»,
// «۱۳:۳۰ - ۱۴۰۴/۰۶/۱۴» or «۵ مرداد ۱۴۰۳» and returns it as an instant in Tehran
// time, and whether a clock time was given.
func ParseJalali(s string) (t time.Time, hasClock bool, err error) {
	s = ASCIIDigits(s)
	atoi := func(x string) int { n, _ := strconv.Atoi(x); return n }
	if m := clockFirst.FindStringSubmatch(s); m != nil {
		t, err := FromJalali(atoi(m[4]), atoi(m[5]), atoi(m[6]), atoi(m[1]), atoi(m[2]), atoi(m[3]))
		return t, true, err
	}
	if m := numericJalali.FindStringSubmatch(s); m != nil {
		t, err := FromJalali(atoi(m[1]), atoi(m[2]), atoi(m[3]), atoi(m[4]), atoi(m[5]), atoi(m[6]))
		return t, m[4] != "", err
	}
	if m := wordJalali.FindStringSubmatch(s); m != nil {
		month := 0
		name := strings.Replace(m[2], "امرداد", "مرداد", 1)
		for i, n := range MonthNames {
			if n == name {
				month = i + 1
			}
		}
		t, err := FromJalali(atoi(m[3]), month, atoi(m[1]), atoi(m[4]), atoi(m[5]), 0)
		return t, m[4] != "", err
	}
	return time.Time{}, false, fmt.Errorf("no jalali date in %q: %w", s, ErrBadDate)
}
