package web

import (
	"strings"

	"khabar/internal/topics"
)

// Persian names of the codes the analysis stages store, for display only: the
// stored values and the API stay the codes. An unknown code shows as itself.

// entityTypeNames name the PEYMA tags, plural (a list heading) and singular.
var entityTypeNames = map[string][2]string{
	"PER": {"اشخاص", "شخص"},
	"ORG": {"نهادها", "نهاد"},
	"LOC": {"مکان‌ها", "مکان"},
	"FAC": {"تأسیسات", "تأسیسات"},
	"EVE": {"رویدادهای نام‌دار", "رویداد"},
	"PRO": {"فراورده‌ها", "فراورده"},
	"DAT": {"تاریخ‌ها", "تاریخ"},
	"TIM": {"زمان‌ها", "زمان"},
	"MON": {"مبلغ‌ها", "مبلغ"},
	"PCT": {"درصدها", "درصد"},
}

// entityTypeOrder is the order of the type groups on pages.
var entityTypeOrder = []string{"PER", "ORG", "LOC", "FAC", "EVE", "PRO", "DAT", "TIM", "MON", "PCT"}

func entityTypePlural(t string) string {
	if n, ok := entityTypeNames[strings.ToUpper(t)]; ok {
		return n[0]
	}
	return t
}

func entityTypeName(t string) string {
	if n, ok := entityTypeNames[strings.ToUpper(t)]; ok {
		return n[1]
	}
	return t
}

// categoryName is the Persian label of a topic slug (internal/topics keeps
// the list), or the slug itself when it is not one of them.
func categoryName(slug string) string {
	if l := topics.Label(slug); l != "" {
		return l
	}
	return slug
}

// ploverNames name the PLOVER event types.
var ploverNames = map[string]string{
	"AGREE":     "توافق",
	"CONSULT":   "رایزنی",
	"SUPPORT":   "پشتیبانی",
	"CONCEDE":   "کوتاه آمدن",
	"COOPERATE": "همکاری",
	"AID":       "کمک",
	"RETREAT":   "عقب‌نشینی",
	"REQUEST":   "درخواست",
	"ACCUSE":    "اتهام",
	"REJECT":    "رد کردن",
	"THREATEN":  "تهدید",
	"PROTEST":   "اعتراض",
	"SANCTION":  "تحریم",
	"MOBILIZE":  "بسیج",
	"COERCE":    "اجبار",
	"ASSAULT":   "حمله",
}

func ploverName(t string) string {
	if n, ok := ploverNames[strings.ToUpper(t)]; ok {
		return n
	}
	return t
}
