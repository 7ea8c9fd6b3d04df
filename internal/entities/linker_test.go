package entities

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"khabar/internal/article"
	"khabar/internal/persian"
)

func testLinker(t testing.TB) *Linker {
	t.Helper()
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// found renders matches as "text=id/kind" for compact comparison.
func found(text string, ms []Match) string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s=%s/%s", text[m.Start:m.End], m.Record.ID, m.Kind))
	}
	return strings.Join(out, " ")
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFind(t *testing.T) {
	l := testLinker(t)
	tests := []struct {
		name string
		text string
		day  time.Time
		want string
	}{
		{
			"seed lead: a title names the foreign minister",
			"وزیر امور خارجه چین در دیدار با سرگئی لاوروف اعلام کرد که پکن آماده ادامه همکاری با مسکو برای حفاظت از منافع ملی دو طرف است.",
			time.Time{},
			"وزیر امور خارجه چین=wang-yi/title سرگئی لاوروف=sergey-lavrov/name پکن=beijing/name مسکو=moscow/name",
		},
		{
			"seed, ZWNJ stripped as scraped: «آسهآن», «نشستهای»",
			"در دیدار با همتای روسی خود، سرگئی لاوروف، در حاشیه نشستهای اتحادیه کشورهای جنوب شرق آسیا (آسهآن)، تاکید کرد",
			time.Time{},
			"روسی=russia/demonym سرگئی لاوروف=sergey-lavrov/name اتحادیه کشورهای جنوب شرق آسیا=asean/name آسهآن=asean/name",
		},
		{
			"seed, stripped «رئیسجمهور» and «جینپینگ»",
			"ولادیمیر پوتین، رئیسجمهور روسیه، و شی جینپینگ، رئیسجمهور چین، همواره به این موضوعات توجه داشتهاند.",
			time.Time{},
			"ولادیمیر پوتین=vladimir-putin/name رئیسجمهور روسیه=vladimir-putin/title شی جینپینگ=xi-jinping/name رئیسجمهور چین=xi-jinping/title",
		},
		{
			"seed: organizations with Latin names in parentheses, hyphenated name",
			"سازمان ملل، سازمان همکاری شانگهای (SCO)، و همکاری‌های اقتصادی آسیا-اقیانوسیه (APEC) مورد بحث قرار دادند. لاوروف همچنین از حمایت چین از ریاست روسیه در گروه بریکس (BRICS) قدردانی کرد.",
			time.Time{},
			"سازمان ملل=un/name سازمان همکاری شانگهای=sco/name SCO=sco/name همکاری‌های اقتصادی آسیا-اقیانوسیه=apec/name APEC=apec/name لاوروف=sergey-lavrov/name چین=china/name روسیه=russia/name گروه بریکس=brics/name BRICS=brics/name",
		},
		{
			"a name does not run across a guillemet",
			"به نقل از خبرگزاری «تاس»، وانگ ایی، وزیر امور خارجه چین، شب گذشته",
			time.Time{},
			"تاس=tass/name وانگ ایی=wang-yi/name وزیر امور خارجه چین=wang-yi/title",
		},
		{
			"Tasnim 2025: the title names Carney in 2025",
			"مارک کارنی، نخست‌وزیر کانادا، روز چهارشنبه طی اظهاراتی اعلام کرد که پس از گفت‌وگوی مفصل با دونالد ترامپ، رئیس‌جمهور آمریکا، انتظار دارد",
			day("2025-09-03"),
			"مارک کارنی=mark-carney/name نخست‌وزیر کانادا=mark-carney/title دونالد ترامپ=donald-trump/name رئیس‌جمهور آمریکا=donald-trump/title",
		},
		{
			"the same sentence dated 2010: the titles named others then (Canada's PM is not in the gazetteer)",
			"مارک کارنی، نخست‌وزیر کانادا، روز چهارشنبه طی اظهاراتی اعلام کرد که پس از گفت‌وگوی مفصل با دونالد ترامپ، رئیس‌جمهور آمریکا، انتظار دارد",
			day("2010-01-01"),
			"مارک کارنی=mark-carney/name کانادا=canada/name دونالد ترامپ=donald-trump/name رئیس‌جمهور آمریکا=barack-obama/title",
		},
		{
			"Fars: Arabic letters fold to Persian; «زن جان» is not Zanjan",
			"هولكي‌اوز با اشاره به اينكه روزانه در جهان هزار زن جان خود را بابت مسائل بارداري از دست مي‌دهند، گفت",
			time.Time{},
			"",
		},
		{
			"constructed (no corpus sentence has it): the vice-president's office names its 2008 holder, not the president",
			"دیک چنی معاون رئیس جمهور آمریکا وارد بغداد شد",
			day("2008-03-17"),
			"دیک چنی=dick-cheney/name معاون رئیس جمهور آمریکا=dick-cheney/title بغداد=baghdad/name",
		},
		{
			"constructed: an office whose 2008 holder is unknown does not name the president",
			"معاون رئیس جمهور چین وارد بغداد شد",
			day("2008-03-17"),
			"چین=china/name بغداد=baghdad/name",
		},
		{
			"a name's one word written apart, in parts of three letters or more",
			"سفر به بندر عباس و خاور میانه",
			time.Time{},
			"بندر عباس=bandar-abbas/name خاور میانه=middle-east/name",
		},
		{
			"Fars 2014: leaders in Kabul",
			"حسن روحانی، حامد کرزی، امامعلی رحمان و ممنون حسین با استفاده از فرصت مناسبی که در کابل  داشتند با هم دیدار کردند.",
			day("2014-03-27"),
			"حسن روحانی=hassan-rouhani/name حامد کرزی=hamid-karzai/name امامعلی رحمان=emomali-rahmon/name کابل=kabul/name",
		},
		{
			"Fars: a bare surname that is a common word is no name by itself",
			"روحانی، سیدمحمدصادق، فقه الصادق7، ج21، قم: مؤسسه دارالکتب، چ3، 1414ق.",
			time.Time{},
			"قم=qom/name",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(tt.text, l.Find(tt.text, tt.day))
			if got != tt.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

// TestLinkPartial checks coreference inside one article: a surname links to
// the person named in full elsewhere in it, and only then.
func TestLinkPartial(t *testing.T) {
	l := testLinker(t)
	a := &article.Article{
		Title: "دیدار روحانی با کرزی در کابل",
		Body: []string{
			"حسن روحانی، حامد کرزی، امامعلی رحمان و ممنون حسین با استفاده از فرصت مناسبی که در کابل داشتند با هم دیدار کردند.",
		},
	}
	got := ""
	for _, e := range l.Link(a, nil) {
		got += fmt.Sprintf("%d:%s=%s ", e.Para, e.Text, e.ID)
	}
	want := "-2:روحانی=hassan-rouhani -2:کرزی=hamid-karzai -2:کابل=kabul 0:حسن روحانی=hassan-rouhani 0:حامد کرزی=hamid-karzai 0:امامعلی رحمان=emomali-rahmon 0:کابل=kabul "
	if got != want {
		t.Errorf("Link\n got %s\nwant %s", got, want)
	}
	a.Body = []string{"روحانی، سیدمحمدصادق، فقه الصادق، قم: مؤسسه دارالکتب."}
	a.Title = ""
	for _, e := range l.Link(a, nil) {
		if e.ID == "hassan-rouhani" {
			t.Errorf("linked %q to Rouhani without his full name in the article", e.Text)
		}
	}
}

// TestLinkSpans checks how a recognizer's spans merge with gazetteer names.
func TestLinkSpans(t *testing.T) {
	l := testLinker(t)
	text := "رئیس دانشگاه علوم پزشکی مازندران و محمدرضا ظفرقندی، وزیر بهداشت، گفت که ظفرقندی به چین سفر می‌کند."
	at := func(s string, typ string) Span {
		i := strings.Index(text, s)
		return Span{Start: i, End: i + len(s), Type: typ}
	}
	last := strings.LastIndex(text, "ظفرقندی")
	spans := []Span{
		at("دانشگاه علوم پزشکی مازندران", "ORG"), // longer, of another type: replaces Mazandaran
		at("محمدرضا ظفرقندی", "PER"),             // unknown to the gazetteer
		{Start: last, End: last + len("ظفرقندی"), Type: "PER"},
		at("چین", "LOC"), // same as the gazetteer's: the gazetteer's record wins
	}
	a := &article.Article{Body: []string{text}}
	ents := l.Link(a, func(string) []Span { return spans })
	defer func() {
		// A confirmed name links only as a span of its type; a not-name
		// span is dropped.
		text := "خبرگزاری فارس جایزه گرفت و جهان امروز به فارس نگاه می‌کند."
		a := &article.Article{Body: []string{text}}
		i, j := strings.Index(text, "جهان"), strings.LastIndex(text, "فارس")
		got := ""
		for _, e := range l.Link(a, func(string) []Span {
			return []Span{{Start: i, End: i + len("جهان"), Type: "LOC"}, {Start: j, End: j + len("فارس"), Type: "LOC"}}
		}) {
			got += e.Text + "=" + e.ID + " "
		}
		if want := "خبرگزاری فارس=fars-news-agency فارس=fars-province "; got != want {
			t.Errorf("confirmed names: got %q, want %q", got, want)
		}
	}()
	var got []string
	for _, e := range ents {
		got = append(got, e.Text+"="+e.ID)
	}
	if len(ents) != 4 {
		t.Fatalf("got %v", got)
	}
	if ents[0].Text != "دانشگاه علوم پزشکی مازندران" || ents[0].Type != "ORG" || !strings.HasPrefix(ents[0].ID, "x-") {
		t.Errorf("university: %+v", ents[0])
	}
	if ents[1].ID != ents[2].ID || ents[2].Name != "محمدرضا ظفرقندی" {
		t.Errorf("surname not linked to the full name: %v", got)
	}
	// An honorific is not part of the name: «سردار حسین نجات» and «حسین
	// نجات» are one person, named «حسین نجات».
	hon := "سردار حسین نجات گفت. حسین نجات افزود"
	j := strings.LastIndex(hon, "حسین نجات")
	hs := l.Link(&article.Article{Body: []string{hon}}, func(string) []Span {
		return []Span{{Start: 0, End: len("سردار حسین نجات"), Type: "PER"}, {Start: j, End: j + len("حسین نجات"), Type: "PER"}}
	})
	if len(hs) != 2 || hs[0].ID != hs[1].ID || hs[0].Name != "حسین نجات" || hs[0].Text != "سردار حسین نجات" {
		t.Errorf("honorific: %+v", hs)
	}
	// Only a whole word is an honorific: «حاجی‌پور» is a surname.
	hp := l.Link(&article.Article{Body: []string{"حاجی‌پور گفت"}}, func(string) []Span {
		return []Span{{Start: 0, End: len("حاجی‌پور"), Type: "PER"}}
	})
	if len(hp) != 1 || hp[0].Name != "حاجی‌پور" {
		t.Errorf("honorific inside a word: %+v", hp)
	}
	// PEYMA takes «(ع» of a blessing into the name; the entity leaves it out
	// but keeps a closed parenthesis and longer words.
	for _, tc := range []struct{ text, span, want string }{
		{"زیارت حضرت عباس (ع) در کربلا", "حضرت عباس (ع", "حضرت عباس"},
		{"حرم حضرت معصومه(س) در قم", "حضرت معصومه(س", "حضرت معصومه"},
		{"سازمان ملل (UN) گفت", "سازمان ملل (UN)", "سازمان ملل (UN)"},
		{"شرکت ملی (سهامی خاص گفت", "شرکت ملی (سهامی خاص", "شرکت ملی (سهامی خاص"},
	} {
		i := strings.Index(tc.text, tc.span)
		es := l.Link(&article.Article{Body: []string{tc.text}}, func(string) []Span {
			return []Span{{Start: i, End: i + len(tc.span), Type: "ORG"}}
		})
		if len(es) == 0 || es[0].Text != tc.want || tc.text[es[0].Start:es[0].End] != tc.want {
			t.Errorf("%q: got %+v, want %q", tc.span, es, tc.want)
		}
	}
	// A given name alone is a mention, not an entity followed across
	// articles; a full name unknown to the gazetteer is one.
	for _, tc := range []struct {
		text, span string
		linked     bool
	}{{"فاطمه گفت که به مدرسه می‌رود", "فاطمه", false}, {"فاطمه رحیمی گفت که به مدرسه می‌رود", "فاطمه رحیمی", true}} {
		es := l.Link(&article.Article{Body: []string{tc.text}}, func(string) []Span {
			return []Span{{Start: 0, End: len(tc.span), Type: "PER"}}
		})
		if len(es) != 1 || es[0].Text != tc.span || (es[0].ID != "") != tc.linked {
			t.Errorf("%q: got %+v, linked want %v", tc.span, es, tc.linked)
		}
	}
	// PEYMA dev: an organization the known name only begins is another one;
	// a unit of a known organization stays linked to it.
	for _, tc := range []struct{ text, span, want string }{
		{"حزب الله کردستان عراق اعلام کرد", "حزب الله کردستان عراق", "x-"},
		{"روابط عمومی شورای نگهبان اعلام کرد", "روابط عمومی شورای نگهبان", "guardian-council"},
	} {
		i := strings.Index(tc.text, tc.span)
		es := l.Link(&article.Article{Body: []string{tc.text}}, func(string) []Span {
			return []Span{{Start: i, End: i + len(tc.span), Type: "ORG"}}
		})
		if len(es) == 0 || !strings.HasPrefix(es[0].ID, tc.want) {
			t.Errorf("%q: got %+v, want id %s...", tc.span, es, tc.want)
		}
	}
	// A surname alias («عراقچی») inside a recognized name links, unless a
	// given name the record lacks comes before it: that is someone else.
	for _, tc := range []struct{ span, want string }{
		{"کاظم عراقچی", "x-"},
		{"دکتر عراقچی", "abbas-araghchi"},
		{"سید عباس عراقچی", "abbas-araghchi"},
	} {
		text := tc.span + " گفت"
		es := l.Link(&article.Article{Body: []string{text}}, func(string) []Span {
			return []Span{{Start: 0, End: len(tc.span), Type: "PER"}}
		})
		if len(es) == 0 || !strings.HasPrefix(es[len(es)-1].ID, tc.want) {
			t.Errorf("%q: got %+v, want id %s...", tc.span, es, tc.want)
		}
	}
	// Two people share the surname: it stays unlinked to either.
	two := "علی حسینی و محمد حسینی دیدار کردند. حسینی گفت"
	var sp []Span
	for _, n := range []string{"علی حسینی", "محمد حسینی"} {
		i := strings.Index(two, n)
		sp = append(sp, Span{Start: i, End: i + len(n), Type: "PER"})
	}
	k := strings.LastIndex(two, "حسینی")
	sp = append(sp, Span{Start: k, End: k + len("حسینی"), Type: "PER"})
	es := l.Link(&article.Article{Body: []string{two}}, func(string) []Span { return sp })
	if len(es) != 3 || es[2].ID == es[0].ID || es[2].ID == es[1].ID {
		t.Errorf("ambiguous surname linked: %+v", es)
	}
	if ents[3].ID != "china" {
		t.Errorf("gazetteer name lost to a span of the same type: %v", got)
	}
	for _, e := range ents {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("%q: offsets %d-%d give %q", e.Text, e.Start, e.End, text[e.Start:e.End])
		}
	}
}

// TestLinkSkipsAttribution checks that the outlets of the attribution clause
// (seed, first body paragraph) are provenance, not entities, while the names
// after it are.
func TestLinkSkipsAttribution(t *testing.T) {
	l := testLinker(t)
	text := "به گزارش وبانگاه به نقل از گروه بین الملل خبرگزاری تسنیم به نقل از خبرگزاری «تاس»، وانگ ایی، وزیر امور خارجه چین، شب گذشته در دیدار با همتای روسی خود، سرگئی لاوروف، تاکید کرد"
	i := strings.Index(text, "وبانگاه")
	ents := l.Link(&article.Article{Body: []string{text}}, func(string) []Span {
		return []Span{{Start: i, End: i + len("وبانگاه"), Type: "ORG"}}
	})
	var got []string
	for _, e := range ents {
		got = append(got, e.ID)
	}
	if g, w := strings.Join(got, " "), "wang-yi wang-yi sergey-lavrov"; g != w {
		t.Errorf("got %s, want %s", g, w)
	}
	// Fars: the outlet opening the lead, and after «خبرنگار», cites; named
	// as a subject it is an entity.
	a := &article.Article{
		Lead: "خبرگزاری فارس: رئیس اداره کل دامپزشکی استان گفت",
		Body: []string{"وی در گفت‌وگو با خبرنگار خبرگزاری فارس در ایلام اظهار داشت که خبرگزاری فارس جایزه گرفت."},
	}
	got = got[:0]
	for _, e := range l.Link(a, nil) {
		got = append(got, fmt.Sprintf("%d:%d:%s", e.Para, e.Start, e.ID))
	}
	want := fmt.Sprintf("0:%d:ilam 0:%d:fars-news-agency", strings.Index(a.Body[0], "ایلام"), strings.LastIndex(a.Body[0], "خبرگزاری فارس"))
	if g := strings.Join(got, " "); g != want {
		t.Errorf("got %s, want %s", g, want)
	}
}

func TestTokenizeAgreesWithFold(t *testing.T) {
	for _, s := range []string{
		"وزیر امور خارجه چین در دیدار با سرگئی لاوروف",
		"رئیس‌جمهور كشور «تاس»، ۱۴۰۴/۰۶/۱۴ - ۱۳:۳۰ APEC-SCO",
		"مُحَمَّد\u200dـــ علي\u200c آباد",
	} {
		var got []string
		for _, tk := range Tokenize(s) {
			got = append(got, tk.Fold)
		}
		if g, w := strings.Join(got, " "), persian.Fold(s); g != w {
			t.Errorf("Tokenize(%q) = %q, Fold = %q", s, g, w)
		}
	}
}
