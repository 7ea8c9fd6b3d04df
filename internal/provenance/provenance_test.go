package provenance

import (
	"reflect"
	"testing"

	"khabar/internal/article"
)

type L = article.Attribution

// Real opening clauses from Tasnim, Borna, Hamshahri Online, Khabar Online,
// Fars and Webangah articles (../shared/data), one per attribution form.
func TestFind(t *testing.T) {
	tests := []struct {
		name, par string
		want      []L
		rest      string // text right after the clause
	}{
		{"seed: three links, desk, quoted name",
			"به گزارش وبانگاه به نقل از گروه بین الملل خبرگزاری تسنیم به نقل از خبرگزاری «تاس»، وانگ ایی، وزیر امور خارجه چین",
			[]L{{Name: "وبانگاه"}, {Name: "خبرگزاری تسنیم", Desk: "گروه بین الملل"}, {Name: "خبرگزاری تاس"}}, " وانگ ایی، وزیر امور خارجه چین"},
		{"reporter desk, space before comma",
			"به گزارش خبرنگار اقتصادی خبرگزاری تسنیم ، اتصال آموزش‌های مهارتی",
			[]L{{Name: "خبرگزاری تسنیم", Desk: "خبرنگار اقتصادی"}}, " اتصال آموزش‌های مهارتی"},
		{"short name and a place",
			"به گزارش خبرنگار برنا از اهواز ، سید محمدرضا موالی‌زاده",
			[]L{{Name: "خبرگزاری برنا", Desk: "خبرنگار"}}, " سید محمدرضا موالی‌زاده"},
		{"regional reporter",
			"به گزارش خبرنگار برنا هرمزگان، محمد رادمهر با تبریک",
			[]L{{Name: "خبرگزاری برنا", Desk: "خبرنگار هرمزگان"}}, " محمد رادمهر با تبریک"},
		{"semicolon closes the clause",
			"به گزارش خبرگزاری برنا از قزوین؛ آیت الله حسین مظفری",
			[]L{{Name: "خبرگزاری برنا"}}, " آیت الله حسین مظفری"},
		{"comma then «به نقل از» continues",
			"به گزارش همشهری آنلاین ، به نقل از دیجیاتو، این ویژگی‌های جدید",
			[]L{{Name: "همشهری آنلاین"}, {Name: "دیجیاتو"}}, " این ویژگی‌های جدید"},
		{"ZWNJ spelling of the outlet",
			"به گزارش همشهری‌آنلاین، «تولسی گبرد» مدیر اطلاعات ملی آمریکا",
			[]L{{Name: "همشهری آنلاین"}}, " «تولسی گبرد» مدیر اطلاعات ملی آمریکا"},
		{"colon", "به گزارش خبرآنلاین: تلاش برای زود بیدار شدن",
			[]L{{Name: "خبرآنلاین"}}, " تلاش برای زود بیدار شدن"},
		{"«و به نقل از»",
			"به گزارش گروه اجتماعی خبرگزاری تسنیم و به نقل از روابط عمومی جمعیت علمی پیشگیری از خودکشی ایران، حمید پیروی",
			[]L{{Name: "خبرگزاری تسنیم", Desk: "گروه اجتماعی"}, {Name: "روابط عمومی جمعیت علمی پیشگیری از خودکشی ایران"}}, " حمید پیروی"},
		{"Arabic letters, foreign agency",
			"به گزارش فارس به نقل از خبرگزاري فرانسه، رئيس جمهور",
			[]L{{Name: "خبرگزاری فارس"}, {Name: "خبرگزاری فرانسه"}}, " رئيس جمهور"},
		{"foreign source by short name",
			"به گزارش خبرگزاری تسنیم به نقل از آناتولی، شرکت خودروسازی ژاپنی تویوتا",
			[]L{{Name: "خبرگزاری تسنیم"}, {Name: "خبرگزاری آناتولی"}}, " شرکت خودروسازی ژاپنی تویوتا"},
		{"dateline names the outlet",
			"گروه بین‌الملل خبرگزاری تسنیم - دولت دونالد ترامپ، رئیس‌جمهور آمریکا",
			[]L{{Name: "خبرگزاری تسنیم", Desk: "گروه بین‌الملل"}}, "دولت دونالد ترامپ، رئیس‌جمهور آمریکا"},
		{"«X گزارش داد»",
			"خبرگزاری رویترز گزارش داد که مذاکرات ادامه دارد.",
			[]L{{Name: "خبرگزاری رویترز"}}, " که مذاکرات ادامه دارد."},
		{"place dateline then clause",
			"تهران- به گزارش خبرگزاری مهر، جلسه امروز",
			[]L{{Name: "خبرگزاری مهر"}}, " جلسه امروز"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := Find(tt.par)
			if !ok {
				t.Fatalf("Find(%q): no clause", tt.par)
			}
			if !reflect.DeepEqual(c.Links, tt.want) {
				t.Errorf("links = %q\nwant    %q", c.Links, tt.want)
			}
			if got := tt.par[c.End:]; got != tt.rest {
				t.Errorf("rest = %q (% x)\nwant %q", got, got, tt.rest)
			}
		})
	}
}

func TestFindNone(t *testing.T) {
	for _, par := range []string{
		"وزیر گزارش داد که بودجه کافی نیست.",
		"در آیین افتتاح هنرستان دخترانه کارودانش پتروشیمی فن‌آوران در شهرستان ماهشهر، کامبیز زاهدپور",
		"طبق اعلام باشگاه استقلال، مصاف تدارکاتی امروز",
		"",
		"به گزارش",
	} {
		if c, ok := Find(par); ok {
			t.Errorf("Find(%q) = %q, want none", par, c.Links)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("به گزارش وبانگاه به نقل از گروه بین الملل خبرگزاری تسنیم به نقل از خبرگزاری «تاس»، وانگ ایی")
	f.Add("تهران- به گزارش خبرگزاری مهر، جلسه")
	f.Add("گروه بین‌الملل خبرگزاری تسنیم - دولت")
	f.Fuzz(func(t *testing.T, par string) {
		c, ok := Find(par)
		if !ok {
			return
		}
		if c.Start < 0 || c.End > len(par) || c.Start > c.End || len(c.Links) == 0 {
			t.Fatalf("bad chain %+v for %q", c, par)
		}
	})
}

func TestFindInterview(t *testing.T) {
	tests := []struct {
		par  string
		want L
	}{
		{"حجت‌الاسلام علی‌محمد لروند امروز در گفت‌وگو با خبرنگار فارس در ایلام اظهار داشت: تغییر", L{Name: "خبرگزاری فارس", Desk: "خبرنگار"}},
		{"محمد فرح در گفتگو با خبرنگار اقتصادي خبرگزاري فارس افزود: اين بانك", L{Name: "خبرگزاری فارس", Desk: "خبرنگار اقتصادی"}},
		{"حسین نورانیان در گفت‌وگو با خبرنگار تسنیم در سمنان ، با اشاره", L{Name: "خبرگزاری تسنیم", Desk: "خبرنگار"}},
	}
	for _, tt := range tests {
		c, ok := FindInterview(tt.par)
		if !ok || len(c.Links) != 1 || c.Links[0] != tt.want {
			t.Errorf("FindInterview(%q) = %q, %v; want %q", tt.par, c.Links, ok, tt.want)
		}
	}
	if c, ok := FindInterview("او در گفت‌وگو با دوستانش گفت: سلام"); ok {
		t.Errorf("interview with friends read as outlet: %q", c.Links)
	}
}

func TestLeadOutlet(t *testing.T) {
	for in, want := range map[string]string{
		"خبرگزاري فارس: رئيس اداره كل دفاتر":    "خبرگزاری فارس",
		"خبرگزاري فارس _ قيمت نفت با افزايش":    "خبرگزاری فارس",
		"خبر گزاري فارس: كارشناس تكثير":         "خبرگزاری فارس",
		"سخنگوی دولت: نشست امروز برگزار می‌شود": "",
	} {
		got, _ := LeadOutlet(in)
		if got != want {
			t.Errorf("LeadOutlet(%q) = %q, want %q", in, got, want)
		}
	}
}
