package nb

import (
	"bytes"
	"strings"
	"testing"
)

func TestTrainWriteReadPredict(t *testing.T) {
	docs := [][]string{
		Tokens("پرسپولیس در لیگ برتر فوتبال برد", "سرمربی تیم گفت بازیکنان خوب بودند"),
		Tokens("استقلال در لیگ فوتبال مساوی کرد", "تیم فوتبال استقلال"),
		Tokens("قیمت دلار در بازار ارز کاهش یافت", "بانک مرکزی نرخ ارز را اعلام کرد"),
		Tokens("تورم و قیمت کالاها در بازار", "بانک مرکزی گزارش داد"),
	}
	labels := []string{"sport", "sport", "economy", "economy"}
	c := Train(docs, labels, 1)
	var a, b bytes.Buffer
	if err := c.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := Train(docs, labels, 1).Write(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("the same data gave two different model files")
	}
	m, err := Read(strings.NewReader(a.String()))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, want string }{
		{"تیم فوتبال پرسپولیس در لیگ", "sport"},
		{"نرخ ارز در بازار و بانک مرکزی", "economy"},
	}
	for _, tt := range tests {
		if got := m.Predict(Tokens(tt.text)); got != tt.want {
			t.Errorf("Predict(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("ورزش‌های سنتي", "در ۱۴۰۴ و 25 درصد")
	want := "ورزش های سنتی ورزش های سنتی در درصد"
	if strings.Join(got, " ") != want {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func FuzzRead(f *testing.F) {
	f.Add("a:1 b:2\nx 0:1 1:3\n")
	f.Add("a:1\nx 5:1\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Read(strings.NewReader(s))
		if err == nil && len(m.Classes) > 0 {
			m.Predict([]string{"x", "y"})
		}
	})
}
