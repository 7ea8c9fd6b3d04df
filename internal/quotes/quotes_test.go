package quotes

import (
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/events/discourse/linktest"
)

const seedPath = "../../../shared/data/seed-article.txt"

func TestSeed(t *testing.T) {
	a := linktest.Seed(t, seedPath)
	linktest.Link(a, linktest.SeedEntities()...)
	qs := Find(a)
	want := []struct {
		speaker, verb, start string
		direct               bool
	}{
		{"wang-yi", "اعلام کرد", "پکن آماده ادامه همکاری با مسکو", false},            // title in the lead, named in the body
		{"wang-yi", "تاکید کرد", "کشورش آماده همکاری با روسیه", false},               // named subject
		{"wang-yi", "اشاره کرد", "در مواجهه با شرایط", false},                        // «او»
		{"wang-yi", "اشاره کرد", "روابط چین و روسیه", false},                         // «وی»
		{"wang-yi", "افزود", "پکن آماده است با مسکو همکاری کند", false},              // «وزیر خارجه چین»
		{"wang-yi", "به گفته", "پکن قصد دارد به صلح", false},                         // «به گفته او»
		{"sergey-lavrov", "تاکید کرد", "روسیه و چین باید", false},                    // named, after «در دیدار با همتای چینی خود»
		{"sergey-lavrov", "گفت", "سایر محافل چندجانبه نیز اهمیت بالایی دارند", true}, // «وزیر امور خارجه روسیه»
		{"sergey-lavrov", "یادآور شد", "ولادیمیر پوتین، رئیس‌جمهور روسیه", false},
	}
	if len(qs) != len(want) {
		for _, q := range qs {
			t.Logf("%s %s: %s", q.Speaker.ID, q.Verb, q.Text)
		}
		t.Fatalf("%d quotes, want %d", len(qs), len(want))
	}
	for i, w := range want {
		q := qs[i]
		if q.Speaker.ID != w.speaker || q.Verb != w.verb || !strings.HasPrefix(q.Text, w.start) || q.Direct != w.direct {
			t.Errorf("quote %d: %s %q direct=%v %q\nwant %s %q direct=%v %q…", i, q.Speaker.ID, q.Verb, q.Direct, q.Text, w.speaker, w.verb, w.direct, w.start)
		}
		checkPlace(t, a, q)
	}
	if qs[7].Speaker.Latin != "Sergey Lavrov" || qs[7].Speaker.Code != "RUSGOV" {
		t.Errorf("direct quote speaker %+v", qs[7].Speaker)
	}
}

func checkPlace(t *testing.T, a *article.Article, q article.Quote) {
	t.Helper()
	text := paraText(a, q.Para)
	if q.Start < 0 || q.End > len(text) || q.Start > q.End {
		t.Fatalf("quote place %+v outside paragraph of %d bytes", q.Place, len(text))
	}
	if text[q.Start:q.End] != q.Text {
		t.Errorf("quote text %q is not the text at %+v: %q", q.Text, q.Place, text[q.Start:q.End])
	}
}

func paraText(a *article.Article, p int) string {
	switch {
	case p == -2:
		return a.Title
	case p == -1:
		return a.Lead
	case p >= 0 && p < len(a.Body):
		return a.Body[p]
	}
	return ""
}

// Paragraphs from the 2025 agency articles.
func TestParagraphs(t *testing.T) {
	per := func(text, country string) article.Entity {
		return article.Entity{Text: text, Type: "PER", Country: country}
	}
	tests := []struct {
		body []string
		ents []article.Entity
		want []string // "speaker name|verb|direct|text start"
	}{
		{[]string{
			"به گزارش خبرنگار برنا هرمزگان ،عباس حیدری، رئیس هیئت بازی‌های بومی و محلی میناب، درحاشیه برگزار یک جشنواره شکرگزاری انبه و یاسمین گل ضمن اعلام برگزاری رویداد اجرای بازی‌های بومی و محلی در این شهرستان، هدف از این اقدام را ترویج فرهنگ و افزایش مشارکت مردمی در فعالیت‌های سنتی عنوان کرد.",
			"وی گفت: اجرای بازی‌های بومی و محلی علاوه بر ایجاد فضایی شاد و مفرح، فرصتی است تا نسل جوان با بازی‌ها و سنت‌ها آشنا شوند.",
		}, []article.Entity{per("عباس حیدری", "")},
			// «... را عنوان کرد» has no clause after it; «وی» is the last subject.
			[]string{"عباس حیدری|گفت|false|اجرای بازی‌های بومی"}},
		{[]string{
			"مارک کارنی، نخست‌وزیر کانادا، روز چهارشنبه گفت: ما انتظار داریم توافقات کوچک، در برخی از بخش‌های راهبردی حاصل شود.",
			"«این فشارها نشان‌دهنده قصد واشنگتن برای قرار دادن ارتش لبنان در موقعیت دشوار است»، وی افزود.",
		}, []article.Entity{per("مارک کارنی", "CAN")},
			[]string{"مارک کارنی|گفت|false|ما انتظار داریم", "مارک کارنی|افزود|true|این فشارها نشان‌دهنده"}},
		// «گفت‌وگو» is talk, not speech; a negated verb introduces nothing.
		{[]string{"نخست وزیر کانادا پس از گفت‌وگو با ترامپ تاکید نکرد که توافق نزدیک است."}, nil, nil},
		// A city is not a speaker: the member of parliament for Semnan is, unnamed.
		{[]string{"نماینده سمنان، مهدیشهر و سرخه در مجلس گفت: تنوع صنایع دستی در شهرستان مهدیشهر ظرفیت بالایی دارد."},
			[]article.Entity{{Text: "سمنان", Type: "LOC", ID: "semnan", Country: "IRN"}},
			[]string{"نماینده سمنان|گفت|false|تنوع صنایع دستی"}},
		{[]string{"فرماندار گنبدکاووس گفت: ستاد نمازجمعه گنبدکاووس در بین ستادهای کشور برگزیده شد."},
			[]article.Entity{{Text: "گنبدکاووس", Type: "LOC", ID: "gonbad", Country: "IRN"}},
			[]string{"فرماندار گنبدکاووس|گفت|false|ستاد نمازجمعه"}},
		// A title on an organization names its head; the body names him, and
		// «وی» is he, not a person named inside a quotation.
		{[]string{
			"مدیرعامل پتروشیمی کرمانشاه با اشاره به ثبت رکورد این مجموعه در تولید اوره گفت: در میانه فشار تحریم‌ها رکورد زدیم.",
			"ظهیر حیدری‌نژاد، مدیرعامل پتروشیمی کرمانشاه، گفت: «این موفقیت را به علی کریمی تقدیم می‌کنیم.»",
			"وی افزود: بر اساس گزارش رسمی عملکرد مردادماه، تولید اوره افزایش یافت.",
		}, []article.Entity{
			{Text: "پتروشیمی کرمانشاه", Type: "ORG", ID: "kermanshah-petrochemical", Country: "IRN"},
			{Text: "ظهیر حیدری‌نژاد", Type: "PER"},
			{Text: "علی کریمی", Type: "PER"},
		}, []string{
			"ظهیر حیدری‌نژاد|گفت|false|در میانه فشار",
			"ظهیر حیدری‌نژاد|گفت|true|این موفقیت",
			"ظهیر حیدری‌نژاد|افزود|false|بر اساس گزارش",
		}},
		// A country can speak.
		{[]string{"چین اعلام کرد که آماده همکاری با روسیه است."},
			[]article.Entity{{Text: "چین", Type: "LOC", ID: "china", Name: "چین", Country: "CHN"}},
			[]string{"چین|اعلام کرد|false|آماده همکاری با روسیه است"}},
		// «وی» is the last main-clause subject, not a person (here a
		// recognizer's false «حسن همجواری») in the reported clause.
		{[]string{
			"وانگ ایی اشاره کرد که چین آماده است با روسیه همکاری کند تا حسن همجواری حفظ شود.",
			"وی همچنین اشاره کرد که روابط دو کشور قوی است.",
		}, []article.Entity{
			{Text: "وانگ ایی", Type: "PER", ID: "wang-yi", Name: "وانگ ایی", Country: "CHN"},
			{Text: "حسن همجواری", Type: "PER"},
		}, []string{"وانگ ایی|اشاره کرد|false|چین آماده است", "وانگ ایی|اشاره کرد|false|روابط دو کشور"}},
		// An unresolved pronoun gives no speaker, so no quote.
		{[]string{"او گفت: «این فشارها نشان‌دهنده قصد واشنگتن است.»"}, nil, nil},
		// Fars News articles of the quotes gold set's dev half.
		// The lead's office is the person who speaks in the next sentence,
		// wherever the article repeats it; the agency's attribution is not
		// the speaker.
		{[]string{
			"مدیرکل آموزش و پرورش کهگیلویه و بویراحمد گفت: قرآن کتاب هدایت و تعالی بشر بوده و تنها برای مراسم‌های سوگواری و عروسی‌ها نیست.",
			"به گزارش خبرگزاری فارس از گچساران، هادی زارع‌پور عصر امروز در مراسم افتتاحیه مسابقات قرآن اظهار داشت: قرآن مستقیم‌ترین راه هدایت بشریت بوده است.",
			"مدیرکل آموزش و پرورش کهگیلویه و بویراحمد خاطرنشان کرد: قرآن تنها برای نگهداری نیست.",
		}, []article.Entity{
			{Text: "آموزش و پرورش کهگیلویه و بویراحمد", Type: "ORG", Country: "IRN"},
			{Text: "هادی زارع‌پور", Type: "PER"},
			{Text: "خبرگزاری فارس", Type: "ORG"},
		}, []string{
			"هادی زارع‌پور|گفت|false|قرآن کتاب هدایت",
			"هادی زارع‌پور|اظهار داشت|false|قرآن مستقیم‌ترین",
			"هادی زارع‌پور|خاطرنشان کرد|false|قرآن تنها برای نگهداری",
		}},
		// A surname, even one the repair spelled with a ZWNJ, is the person
		// quoted before; a programme's name in guillemets is not a speaker;
		// an office named beside the person is his.
		{[]string{
			"«مجید تخت روان‌چی» نماینده دائم ایران در سازمان ملل گفت: «سلیمانی شکست داعش را محقق کرد».",
			"تخت روانچی در برنامه «لقاء الیوم» الجزیره گفت: «دونالد ترامپ مشورت بدی دریافت کرد».",
			"نماینده دائم ایران با تاکید بر اینکه این کشور هیچ قصدی ندارد، گفت: «ایران به دنبال جنگ نیست».",
		}, []article.Entity{
			{Text: "مجید تخت روان‌چی", Type: "PER"},
			{Text: "لقاء الیوم", Type: "ORG"},
			{Text: "الجزیره", Type: "ORG"},
		}, []string{
			"مجید تخت روان‌چی|گفت|true|سلیمانی شکست داعش",
			"مجید تخت روان‌چی|گفت|true|دونالد ترامپ",
			"مجید تخت روان‌چی|گفت|true|ایران به دنبال جنگ",
		}},
		// «افزود» takes its clause without a colon; «گفته می‌شود» is said
		// by nobody; «این بانک» is the bank quoted before.
		{[]string{
			"بانک مرکزی اعلام کرد که چاپ و انتشار اسکناس‌های درشت‌تر در برنامه‌های این بانک قرار دارد.",
			"این بانک تاکید کرد: بانک‌های کشور تا پایان سال جاری می‌توانند خودپردازها را پر کنند.",
			"گفته می‌شود که این اسکناس‌ها به زودی چاپ خواهد شد.",
			"وی افزود این اثر نقد مفاهیم مهمی را در خود جای داده است.",
		}, []article.Entity{{Text: "بانک مرکزی", Type: "ORG", Country: "IRN"}}, []string{
			"بانک مرکزی|اعلام کرد|false|چاپ و انتشار",
			"بانک مرکزی|تاکید کرد|false|بانک‌های کشور",
			"بانک مرکزی|افزود|false|این اثر نقد",
		}},
		// 2025 agency articles of the gold set's dev half. A name the
		// recognizer missed, standing alone before the verb, is the
		// speaker; «مهر نوشت:» before another speech verb is the source,
		// not a quote; a relative of a named person is not that person.
		{[]string{
			"به گزارش خبرگزاری خبرآنلاین، حسن نوروزی اظهار کرد: سه دهک بالایی جامعه از یارانه‌بگیران حذف خواهند شد.",
			"مهر نوشت: رئیس سازمان هدفمندسازی یارانه‌ها خاطرنشان کرد: در تمام دنیا گفته می‌شود که یارانه نقدی برای تحقق عدالت است.",
			"دختر شهید سرلشکر غلامرضا محرابی به برخی از ویژگی‌های پدر اشاره کرد و گفت: پدر باور داشتند که امنیت گران‌بهاترین دارایی یک ملت است.",
		}, []article.Entity{
			{Text: "خبرگزاری خبرآنلاین", Type: "ORG"},
			{Text: "مهر", Type: "ORG", Country: "IRN"},
			{Text: "سازمان هدفمندسازی یارانه‌ها", Type: "ORG", Country: "IRN"},
			{Text: "غلامرضا محرابی", Type: "PER"},
		}, []string{
			"حسن نوروزی|اظهار کرد|false|سه دهک بالایی",
			"حسن نوروزی|خاطرنشان کرد|false|در تمام دنیا",
			"دختر شهید سرلشکر غلامرضا محرابی|گفت|false|پدر باور داشتند",
		}},
		// «به گفته X» is one quote, not also a «گفته» with the clause's
		// subject; «به گفته خودش» is the subject's; «گفت «...» که ...» is
		// a direct quotation the writer goes on after.
		{[]string{
			"انکار اسرائیل، به گفته گاردین، بخشی از استراتژی کاهش شدت بحران است.",
			"نسرین موسیوند اما دل‌پری از متولیان ورزش دارد، به‌طوری که به گفته خودش پس از مسابقات آسیایی در هیچ مسابقه‌ای شرکت نکرده است.",
			"ریم توفیق خادر به بی‌بی‌سی جهانی گفت «فرزند چهارساله‌ام نمی‌داند میوه چه مزه‌ای دارد» که این مسئله ابعاد فاجعه را نشان می‌دهد.",
		}, []article.Entity{
			{Text: "اسرائیل", Type: "LOC", Country: "ISR"},
			{Text: "گاردین", Type: "ORG"},
			{Text: "نسرین موسیوند", Type: "PER"},
			{Text: "ریم توفیق خادر", Type: "PER"},
			{Text: "بی‌بی‌سی", Type: "ORG"},
		}, []string{
			"گاردین|به گفته|false|بخشی از استراتژی",
			"نسرین موسیوند|به گفته|false|پس از مسابقات آسیایی",
			"ریم توفیق خادر|گفت|true|فرزند چهارساله‌ام",
		}},
		// Fars News articles outside the gold set, read for wrong quotes.
		// «به گفته او» after a quote is its speaker, not the disease the
		// recognizer took for a person; a participial «با اشاره به X»
		// holds no subject; a name before «با» or a time word is the
		// speaker; «بدرود حیات گفت» is dying, «ابتدا که ... گفتند» no name.
		{[]string{
			"وحید مجروح معاون وزارت بهداشت افغانستان در یک نشست خبری گفت که اعضای خانواده‌ها بیشتر به کرونا مبتلا شده‌اند.",
			"به گفته او، یک نفر که در اداره کار می‌کرده به کرونا مبتلا شده است.",
			"مدیر انتشارات عرفان با بیان اینکه کنسرت در تالار بزرگ وزارت کشور اجرا خواهد شد، گفت: این کنسرت در دو سانس اجرا خواهد شد.",
			"خلیل منتقمی‌فر با اشاره به تمهیدات لازم برای برگزاری انتخابات گفت: استان آمادگی کامل دارد.",
			"پیکر سید حسن حسینی شاعر معاصر که شب یکشنبه بدرود حیات گفت صبح امروز تشییع شد.",
			"ابتدا که به قوه قضائیه آمدم گفتند پرونده‌هایی در دادگستری مطرح است.",
		}, []article.Entity{
			{Text: "وحید مجروح", Type: "PER"},
			{Text: "کرونا", Type: "PER"},
			{Text: "وزارت کشور", Type: "ORG", Country: "IRN"},
			{Text: "سید حسن حسینی", Type: "PER"},
		}, []string{
			"وحید مجروح|گفت|false|اعضای خانواده‌ها",
			"وحید مجروح|به گفته|false|یک نفر که",
			"مدیر انتشارات عرفان|گفت|false|این کنسرت",
			"خلیل منتقمی‌فر|گفت|false|استان آمادگی",
		}},
		// An office quoted between two quotes of one person is his.
		{[]string{
			"ابوالفضل مستقیمی با بیان اینکه 6 هزار اتوبوس مسافر جابجا کرده‌اند اظهار کرد: پیش‌بینی‌های لازم صورت گرفته بود.",
			"مدیرعامل سازمان پایانه‌های مسافربری شهرداری قم افزود: ستاد نوروزی نیز در سازمان تشکیل شد.",
			"مستقیمی با اشاره به آذین بندی پایانه‌ها افزود: بنرهای خیرمقدم نصب شد.",
		}, []article.Entity{
			{Text: "ابوالفضل مستقیمی", Type: "PER"},
			{Text: "سازمان پایانه‌های مسافربری شهرداری قم", Type: "ORG"},
		}, []string{
			"ابوالفضل مستقیمی|اظهار کرد|false|پیش‌بینی‌های لازم",
			"ابوالفضل مستقیمی|افزود|false|ستاد نوروزی",
			"ابوالفضل مستقیمی|افزود|false|بنرهای خیرمقدم",
		}},
	}
	for _, tt := range tests {
		a := linktest.Article("", "", tt.body...)
		linktest.Link(a, tt.ents...)
		var got []string
		for _, q := range Find(a) {
			got = append(got, q.Speaker.Name+"|"+q.Verb+"|"+map[bool]string{true: "true", false: "false"}[q.Direct]+"|"+q.Text)
			checkPlace(t, a, q)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q:\n got  %q\n want %q", tt.body[0], got, tt.want)
			continue
		}
		for i := range got {
			if !strings.HasPrefix(got[i], tt.want[i]) {
				t.Errorf("quote %d:\n got  %q\n want %q…", i, got[i], tt.want[i])
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("وزیر امور خارجه روسیه گفت: «سایر محافل چندجانبه نیز اهمیت بالایی دارند.»", "«الف ب پ»، وی افزود.", 0, 10)
	f.Add("به گفته", "«", 1, 1)
	f.Fuzz(func(t *testing.T, lead, body string, start, end int) {
		a := &article.Article{Lead: lead, Body: []string{body}}
		if start >= 0 && end >= start && end <= len(lead) {
			a.Entities = []article.Entity{{Text: lead[start:end], Type: "PER", Place: article.Place{Para: -1, Start: start, End: end}}}
		}
		for _, q := range Find(a) {
			text := paraText(a, q.Para)
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Fatalf("place %+v outside %d bytes", q.Place, len(text))
			}
		}
	})
}

func BenchmarkFindSeed(b *testing.B) {
	a := linktest.Seed(b, seedPath)
	linktest.Link(a, linktest.SeedEntities()...)
	for b.Loop() {
		Find(a)
	}
}
