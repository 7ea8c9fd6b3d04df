package events

import (
	"strings"
	"testing"

	"khabar/internal/article"
	"khabar/internal/events/discourse"
	"khabar/internal/events/discourse/linktest"
)

const seedPath = "../../../shared/data/seed-article.txt"

// The events issue 7 names for the seed, with the entities a gazetteer links.
func TestSeed(t *testing.T) {
	a := linktest.Seed(t, seedPath)
	linktest.Link(a, linktest.SeedEntities()...)
	evs := Find(a)
	tests := []struct {
		name           string
		source, target string
		srcID          string
		root, plover   string
	}{
		{"Wang Yi meets Lavrov", "CHNGOV", "RUSGOV", "wang-yi", "04", "CONSULT"},
		{"Lavrov meets his Chinese counterpart", "RUSGOV", "CHNGOV", "sergey-lavrov", "04", "CONSULT"},
		{"China ready to cooperate with Russia", "CHN", "RUS", "", "03", "COOPERATE"},
		{"Beijing ready to cooperate with Moscow", "CHNGOV", "RUSGOV", "beijing", "03", "COOPERATE"},
		{"Lavrov calls for jointly opposing interference", "RUSGOV", "CHN", "sergey-lavrov", "02", "REQUEST"},
		{"Lavrov thanks China for its support", "RUSGOV", "CHN", "sergey-lavrov", "05", "SUPPORT"},
	}
	for _, tt := range tests {
		found := false
		for _, e := range evs {
			if e.Source.Code == tt.source && e.Target.Code == tt.target && strings.HasPrefix(e.CAMEO, tt.root) &&
				e.PLOVER == tt.plover && (tt.srcID == "" || e.Source.ID == tt.srcID) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no %s → %s %sx %s event", tt.name, tt.source, tt.target, tt.root, tt.plover)
		}
	}
	for _, e := range evs {
		checkPlace(t, a, e)
	}
	// The labelled set (testdata/gold.tsv) has 11 events in the seed: the
	// ones above, their repetitions and the talks of «وزرای امور خارجه هر دو
	// کشور».
	if len(evs) > 11 {
		t.Errorf("%d events in the seed, want at most 11 (the labelled ones)", len(evs))
	}
}

// checkPlace verifies that the evidence is the text at the event's place.
func checkPlace(t *testing.T, a *article.Article, e article.Event) {
	t.Helper()
	text := paraText(a, e.Para)
	if e.Start < 0 || e.End > len(text) || e.Start > e.End {
		t.Fatalf("event place %+v outside paragraph of %d bytes", e.Place, len(text))
	}
	if text[e.Start:e.End] != e.Evidence {
		t.Errorf("evidence %q is not the text at %+v", e.Evidence, e.Place)
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

// Sentences from the 2025 agency articles (dev half of the gold set), with
// the people a gazetteer would link.
func TestSentences(t *testing.T) {
	per := func(text, id, country string) article.Entity {
		return article.Entity{Text: text, Type: "PER", ID: id, Name: text, Country: country}
	}
	tests := []struct {
		sentence string
		ents     []article.Entity
		want     []string // "SRC TGT CAMEO PLOVER"
	}{
		{"لیندزی گراهام، سناتور آمریکایی حامی سرسخت رژیم صهیونیستی که اخیراً به‌عنوان بخشی از یک هیئت رسمی به لبنان سفر کرده بود، اظهار داشت که اگر حزب‌الله داوطلبانه تسلیحات خود را تحویل ندهد، باید با زور «خلع سلاح» شود.",
			[]article.Entity{per("لیندزی گراهام", "lindsey-graham", "USA")},
			[]string{"USALEG LBN 042 CONSULT"}},
		{"بنیامین نتانیاهو، نخست‌وزیر اسرائیل، اخیراً اعلام کرد که تل‌آویو آماده «حمایت» از تلاش‌های لبنان برای خلع سلاح مقاومت است.",
			[]article.Entity{per("بنیامین نتانیاهو", "benjamin-netanyahu", "ISR")},
			[]string{"ISRGOV LBN 032 COOPERATE"}},
		{"به گزارش خبرگزاری تسنیم به نقل از اویل پرایس، دونالد ترامپ رئیس‌جمهور آمریکا 25 درصد تعرفه اضافی بر واردات از هند وضع کرده تا این کشور را به خاطر خرید نفت روسیه مجازات کند.",
			[]article.Entity{per("دونالد ترامپ", "donald-trump", "USA")},
			[]string{"USAGOV IND 163 SANCTION"}},
		{"حملات اسرائیل به لبنان از زمان اجرایی شدن آتش‌بس در سال گذشته متوقف نشده و اخیراً شدت گرفته است.",
			nil,
			[]string{"ISR LBN 190 ASSAULT"}},
		{"در مقابل، نتانیاهو گزارش IPC را «دروغ آشکار» خواند و حماس را متهم به سرقت کمک‌ها کرد.",
			[]article.Entity{per("نتانیاهو", "benjamin-netanyahu", "ISR")},
			[]string{"ISRGOV PSEREBHAM 112 ACCUSE"}},
		// With no subject before the verb, an actor after it is not the source.
		{"در این مصاحبه از مواضع ترکیه انتقاد کرد و خواستار بازگشت ارمنستان به میز مذاکره شد.", nil, nil},
		// The target of «خواستار … شد» is inside it, not the «از» before it.
		{"وزیر خارجه آمریکا با انتقاد از مواضع ترکیه، خواستار بازگشت ارمنستان به میز مذاکره شد.", nil,
			[]string{"USAGOV ARM 020 REQUEST"}},
		// A speaker unknown to the gazetteer is passed over for the actor
		// of the clause he reports (there is no «که»).
		{"کوربین خاطر نشان کرد دولت انگلیس همچنان به اسرائیل کمک می کند و استفاده این رژیم از سلاح گرسنگی علیه مردم غزه را نادیده می‌گیرد.",
			[]article.Entity{{Text: "کوربین", Type: "PER", ID: "x-corbyn"}},
			[]string{"GBRGOV ISR 070 AID"}},
		// A negated verb is no event.
		{"وی خاطر نشان کرد: اکثریت قاطع کشورهای جهان از اسرائیل در جنگی که علیه غزه به راه انداخته، حمایت نمی کنند.", nil, nil},
		// Sport: «از قزاقستان» is where a wrestler comes from.
		{"در وزن 54- کیلوگرم، ستایش قانعی‌فرد ابتدا 2 بر یک اونتالاپ از قزاقستان را برد و سپس 5 بر صفر مقابل لین از چین پیروز شد تا فینالیست شود.", nil, nil},
		// A headline's talk between two coordinated actors.
		{"رایزنی صالحی و وزیر انرژی قزاقستان در وین/گفت‌وگو درباره بانک سوخت آژانس در قزاقستان",
			[]article.Entity{per("صالحی", "ali-akbar-salehi", "IRN")},
			[]string{"IRNGOV KAZGOV 040 CONSULT"}},
		// The verb after a relative clause is the main clause's: Salehi met,
		// not the agency of the relative clause.
		{"به گزارش گروه سیاست خارجی خبرگزاری فارس، علی‌اکبر صالحی معاون رئیس جمهور و رئیس سازمان انرژی اتمی کشورمان که برای شرکت در کنفرانس عمومی سالانه آژانس در وین به سر می‌برد، امروز (یکشنبه) با شکولنیک وزیر انرژی قزاقستان دیدار و گفت‌وگو کرد.",
			[]article.Entity{per("علی‌اکبر صالحی", "ali-akbar-salehi", "IRN")},
			[]string{"IRNGOV KAZGOV 040 CONSULT"}},
		// A passive with its agent; civilians named by a role word.
		{"خبرگزاری فارس: دو کودک فلسطینی به ضرب گلوله نیروهای رژیم صهیونیستی در اردوگاه آوارگان در جبالیا در شمال نوار غزه به شهادت رسیدند.", nil,
			[]string{"ISRMIL PSECVL 190 ASSAULT"}},
		// A passive without an agent says who died, not who killed.
		{"دو تفنگدار آمریکایی در غرب بغداد کشته شدند", nil, nil},
		// «از X خواست»: X is asked.
		{"خبرگزاری فارس: بوش، رئیس جمهور امریکا از سوریه خواست تا مرزهای خود را به روی هواداران فراری صدام بسته و آنها را از این کشور اخراج کند.",
			[]article.Entity{per("بوش", "george-w-bush", "USA")},
			[]string{"USAGOV SYR 020 REQUEST"}},
		// What a country should do is not done.
		{"«ابر قدرت بودن آمریکا توهم است و این کشور باید در عرصه‌های بین‌المللی از جمله مسئله ایران با روسیه گفتگو کند.»", nil, nil},
		// A nominal event that dates another is old news.
		{"با کشته شدن این دو تفنگدار، شمار سربازان آمریکایی که از آغاز حمله آمریکا به عراق در عملیات جنگی کشته شده‌اند، به یکهزار و 355 نفر رسید.", nil, nil},
		// A visit's target after its source, not an actor further on; and
		// no visit from a country to itself.
		{"وی در مورد علل مختلف سفر بوش به منطقه گفت: تحلیل‌های متفاوتی در مورد سفر بوش شده که از آن بی‌اطلاع نیستیم اما یکی از دلایل عمده سفر بوش برگرداندن اعتماد رهبران عرب به امریکا و اسرائیل در شرایط کنونی است.",
			[]article.Entity{per("بوش", "george-w-bush", "USA")}, nil},
		// «دیدار» in a game is a match.
		{"با این نتایج، پاراگوئه و ونزوئلا در مرحله نیمه نهایی در روز چهارشنبه باهم دیدار خواهند کرد.", nil, nil},
		// Opposition groups of a country.
		{"رئیس جمهور عراق به گروهکهای مخالف ایران هشدار داد", nil,
			[]string{"IRQGOV IRNOPP 130 THREATEN"}},
		// Agencies in the attribution are not actors.
		// Agencies in the attribution are not actors; a country after a
		// body's word is the body's genitive, not the subject («دادگاه
		// مردمی غزه»), while «دولت این کشور» is Britain's government.
		{"به گزارش گروه بین الملل خبرگزاری تسنیم ، دادگاه مردمی غزه در انگلیس، دولت این کشور را به همدستی با رژیم صهیونیستی و شراکت در ارتکاب جنایات جنگی و نسل کشی علیه مردم مظلوم غزه محکوم کرد.", nil, nil},
		// «این کشور» after a title is the country named last (unlabelled
		// Fars News sentences).
		{"نمایندگان پارلمان اسپانیا روز سه‌شنبه در رأی‌گیری نمادین، از دولت این کشور خواستند کشور فلسطین را به رسمیت بشناسد.", nil,
			[]string{"ESPLEG ESPGOV 020 REQUEST"}},
		{"«رجب طیب اردوغان» نخست وزیر ترکیه روز گذشته از پارلمان این کشور خواست «سریعا» درباره اعزام نیروهای ترکیه به عراق تصمیم‌گیری کند.",
			[]article.Entity{per("رجب طیب اردوغان", "recep-tayyip-erdogan", "TUR")},
			[]string{"TURGOV TURLEG 020 REQUEST"}},
		// «دوشنبه» is Monday here, not the antecedent of «این کشور».
		{"یک اندیشکده آمریکایی امروز دوشنبه گزارشی درباره 16 پایگاه مخفی کره شمالی منتشر کرده و این کشور را به مخفی‌کاری متهم کرده است.", nil,
			[]string{"USA PRK 112 ACCUSE"}},
		// An appeal in the speaker's words: «X افزود: Y باید ...».
		{"به گزارش خبرگزاری فارس، صندوق بین‌المللی پول در گزارش چشم انداز اقتصادی جهان در سال 2007 میلادی افزود: آمریکا باید حداقل 20 درصد از ارزش دلار را بکاهد تا میزان کسری تجاری این کشور با کاهش چشمگیری روبرو شود.", nil,
			[]string{"IGOIMF USA 020 REQUEST"}},
		// The speaker's own side among those who must act: a joint resolve.
		{"سرگئی لاوروف نیز در دیدار با همتای چینی خود تاکید کرد که روسیه و چین باید به‌طور مشترک در برابر دخالت خارجی در امور جنوب شرق آسیا مقابله کنند.",
			[]article.Entity{per("سرگئی لاوروف", "sergey-lavrov", "RUS")},
			[]string{"RUSGOV CHNGOV 040 CONSULT"}},
		// A speaker the tables do not know is not the body in his title.
		{"خبرگزاری فارس: \"میخائیل گورباچف\" رهبر پیشین اتحاد جماهیر شوروی با انتشار مقاله‌ای در یک روزنامه روسی گفت: «ابر قدرت بودن آمریکا توهم است و این کشور باید در عرصه‌های بین‌المللی با روسیه گفتگو کند.»",
			[]article.Entity{{Text: "میخائیل گورباچف", Type: "PER", ID: "x-gorbachev"}}, nil},
		// A title on an international body is its official; «رهبر
		// مخالفان X» leads X's opposition, not X (unlabelled Fars News).
		{"به گزارش خبرگزاری فارس، «بان کی‌مون» دبیرکل سازمان ملل متحد صبح امروز با رهبر مخالفان اوکراین دیدار کرد.",
			[]article.Entity{{Text: "بان کی‌مون", Type: "PER", ID: "x-ban"}},
			[]string{"IGOUNO UKROPP 040 CONSULT"}},
		// «استقبال»: a decision welcomed is praise, a person welcomed a
		// visit hosted; a first-person verb is the speaker's («مسکو: ...
		// استقبال می‌کنیم»), not a country the clause names (unlabelled
		// Fars News).
		{"به گزارش گروه بین‌الملل خبرگزاری فارس، مقامات روسی از تصمیم انگلیس برای انجام حملات هوایی در سوریه، به شرط آنکه مواضع تروریست‌ها مورد هدف قرار بگیرد، استقبال کردند.", nil,
			[]string{"RUSGOV GBR 051 SUPPORT"}},
		{"خبرگزاری فارس:رئیس جمهور اندونزی صبح امروز به وقت محلی در کاخ «مردکا» از محمود احمدی‌نژاد به طور رسمی استقبال کرد.",
			[]article.Entity{per("محمود احمدی‌نژاد", "mahmoud-ahmadinejad", "IRN")},
			[]string{"IDNGOV IRNGOV 043 CONSULT"}},
		{"مسکو: از حملات هوایی انگلیس استقبال می‌کنیم به شرط آنکه هدف، تروریست‌ها باشند", nil,
			[]string{"RUSGOV GBR 051 SUPPORT"}},
		{"وزیر خارجه برزیل حل موضوع سوریه را از طریق نظامی ممکن ندانست و گفت: ما معتقد به دیپلماسی و مذاکره هستیم و همیشه آماده بودیم که در تلاش‌های بین‌المللی به منظور حل مسالمت‌آمیز بحران سوریه مشارکت کنیم و مبارزه با تروریسم بخشی از سیاست برزیل است و از تمامی تلاش‌ها برای یافتن راه‌حل مسالمت‌آمیز استقبال می‌کنیم.", nil, nil},
		// An attribution with no comma is the agency's name alone.
		{"به گزارش فارس جرج بوش در سخنان روز پنجشنبه خود در واشنگتن بدون در اختیار داشتن مدرکی، ایران را به دخالت در امور داخلی عراق متهم کرد.",
			[]article.Entity{per("جرج بوش", "george-w-bush", "USA")},
			[]string{"USAGOV IRN 112 ACCUSE"}},
		// Nor a phrase far before the modal («آنچه دولتمردان آمریکا از این
		// پیام باید بفهمند»).
		{"حداد عادل خاطرنشان کرد: آنچه مردم جهان و دولتمردان آمریکا از این پیام باید بفهمند این است که ملت ایران خواهان صلح است.",
			[]article.Entity{per("حداد عادل", "gholam-ali-haddad-adel", "IRN")}, nil},
	}
	for _, tt := range tests {
		a := linktest.Article("", "", tt.sentence)
		linktest.Link(a, tt.ents...)
		var got []string
		for _, e := range Find(a) {
			got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.CAMEO+" "+e.PLOVER)
			checkPlace(t, a, e)
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("%s\n got  %q\n want %q", tt.sentence, got, tt.want)
		}
	}
}

// «طرفین» in the sentences after a meeting are its two parties.
func TestBothSides(t *testing.T) {
	a := linktest.Article("", "",
		"به گزارش گروه سیاست خارجی خبرگزاری فارس، علی‌اکبر صالحی امروز با شکولنیک وزیر انرژی قزاقستان دیدار و گفت‌وگو کرد.",
		"در این دیدار طرفین ضمن تاکید بر روابط دوستانه و بسیار نزدیک دو کشور، بر گسترش هر چه بیشتر این روابط به ویژه در حوزه انرژی تاکید کردند.")
	linktest.Link(a, article.Entity{Text: "علی‌اکبر صالحی", Type: "PER", ID: "ali-akbar-salehi", Name: "علی‌اکبر صالحی", Country: "IRN"})
	var got []string
	for _, e := range Find(a) {
		got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.CAMEO+" "+e.PLOVER)
		checkPlace(t, a, e)
	}
	want := []string{"IRNGOV KAZGOV 040 CONSULT", "IRNGOV KAZGOV 030 COOPERATE"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("got %q, want %q", got, want)
	}
}

var plovers = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true, "AID": true,
	"RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true, "PROTEST": true,
	"SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true, "DEMAND": true, "DISAPPROVE": true,
	"INVESTIGATE": true,
}

func TestLexicon(t *testing.T) {
	lx := Lexicon()
	if len(lx.Entries) < 40 {
		t.Errorf("%d lexicon entries, want a few dozen", len(lx.Entries))
	}
	for _, e := range lx.Entries {
		f := e.Fields
		if len(f) < 4 {
			t.Errorf("%q: %d fields", e.Pattern, len(f))
			continue
		}
		if len(f[0]) != 3 || strings.Trim(f[0], "0123456789") != "" {
			t.Errorf("%q: CAMEO code %q is not three digits", e.Pattern, f[0])
		}
		if !plovers[f[1]] {
			t.Errorf("%q: unknown PLOVER type %q", e.Pattern, f[1])
		}
	}
}

func TestGoldParses(t *testing.T) {
	rows, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Split != "dev" && r.Split != "test" {
			t.Errorf("%q: split %q", r.Key, r.Split)
		}
		if r.Source != "-" && !plovers[r.PLOVER] {
			t.Errorf("%q: PLOVER %q", r.Key, r.PLOVER)
		}
	}
}

func TestEvaluate(t *testing.T) {
	rows := []GoldRow{
		{Split: "dev", Key: "لاوروف همچنین از حمایت چین", Source: "RUSGOV", Target: "CHN", Root: "05", PLOVER: "SUPPORT"},
		{Split: "test", Key: "او این روابط را", Source: "-", Target: "-", Root: "-", PLOVER: "-"},
	}
	found := []article.Event{
		{Source: article.Actor{Code: "RUSGOV"}, Target: article.Actor{Code: "CHNGOV"}, CAMEO: "051", PLOVER: "SUPPORT", Evidence: "لاوروف همچنین از حمایت چین از ریاست روسیه قدردانی کرد."},
		{Source: article.Actor{Code: "CHN"}, Target: article.Actor{Code: "RUS"}, CAMEO: "030", PLOVER: "COOPERATE", Evidence: "او این روابط را بالغ توصیف کرد."},
	}
	res := Evaluate(rows, found)
	dev, test := res[0], res[1]
	if dev.Strict != (Score{0, 1, 1}) || dev.Country != (Score{1, 0, 0}) || dev.PLOVER != (Score{1, 0, 0}) {
		t.Errorf("dev: %+v", dev)
	}
	if test.Strict != (Score{0, 1, 0}) {
		t.Errorf("test: %+v", test)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("لاوروف از حمایت چین قدردانی کرد.", "وزیر امور خارجه چین در دیدار با سرگئی لاوروف اعلام کرد که پکن آماده همکاری است.", 0, 12)
	f.Add("«", "خواستار … شد با", 3, 1)
	f.Fuzz(func(t *testing.T, title, body string, start, end int) {
		a := &article.Article{Title: title, Body: []string{body}}
		if start >= 0 && end >= start && end <= len(body) {
			a.Entities = []article.Entity{{Text: body[start:end], Type: "PER", Country: "IRN", Place: article.Place{Para: 0, Start: start, End: end}}}
		}
		for _, e := range Find(a) {
			text := paraText(a, e.Para)
			if e.Start < 0 || e.End > len(text) || e.Start > e.End {
				t.Fatalf("place %+v outside %d bytes", e.Place, len(text))
			}
		}
		_ = discourse.Read(a)
	})
}

func BenchmarkFindSeed(b *testing.B) {
	a := linktest.Seed(b, seedPath)
	linktest.Link(a, linktest.SeedEntities()...)
	for b.Loop() {
		Find(a)
	}
}

// A person the gazetteer gives no country, titled once, keeps the title's
// country and role where the article names him again by surname.
func TestTitleLearned(t *testing.T) {
	a := linktest.Article("", "",
		"خبرگزاری فارس: فرماندار شهرستان مرزی مریوان به نقل از مسئول آسایش مناطق مرزی سلیمانیه عراق گفت: جلال طالبانی رئیس جمهور عراق به گروهکهای سیاسی مخالف نظام جمهوری اسلامی اخطار داده در صورت تحرک نظامی علیه جمهوری اسلامی از خاک این کشور اخراج خواهند شد.",
		"وی گفت: طالبانی همچنین دستور تقویت نیروهای مرزی اتحادیه میهنی برای جلوگیری از نفوذ عناصر ضد انقلاب ایرانی به داخل خاک ایران را صادر کرده است.")
	linktest.Link(a,
		article.Entity{Text: "جلال طالبانی", Type: "PER", ID: "x-talabani", Name: "جلال طالبانی"},
		article.Entity{Text: "طالبانی", Type: "PER", ID: "x-talabani-2", Name: "طالبانی"})
	var codes []string
	for _, s := range discourse.Read(a) {
		for _, m := range s.Mentions {
			if m.Kind == discourse.Named && m.Entity != nil && strings.Contains(m.Entity.ID, "talabani") {
				codes = append(codes, m.Actor.Code)
			}
		}
	}
	if strings.Join(codes, " ") != "IRQGOV IRQGOV" {
		t.Errorf("Talabani coded %q, want IRQGOV twice", codes)
	}
}
