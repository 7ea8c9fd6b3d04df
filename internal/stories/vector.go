package stories

import (
	"cmp"
	"math"
	"slices"
	"unicode/utf8"

	"khabar/internal/article"
	"khabar/internal/copies"
)

// Term is one weighted term of an article vector; ID is a hash of the folded term.
type Term struct {
	ID uint64
	W  float64
}

// Vector is a sparse L2-normalized term vector sorted by ID.
type Vector []Term

// Vectorizer turns articles into term vectors: TF-IDF over the title, lead and
// body, the title counted several times since a headline names the event, and
// only the heaviest terms kept, so the vector says what is particular to this
// text rather than what Persian news in general says.
type Vectorizer struct {
	IDF *IDF
	// TitleBoost is how many times a title term counts; LeadBoost the lead's.
	TitleBoost, LeadBoost float64
	// MaxTerms bounds the vector length.
	MaxTerms int
	// MinIDFShare drops terms whose IDF is below this share of the maximum:
	// function words and the corpus's everyday vocabulary.
	MinIDFShare float64
}

// NewVectorizer returns a vectorizer with the embedded IDF table and defaults.
func NewVectorizer() *Vectorizer {
	return &Vectorizer{IDF: DefaultIDF(), TitleBoost: 3, LeadBoost: 1.5, MaxTerms: 48, MinIDFShare: 0.25}
}

func termID(t []byte) uint64 {
	// FNV-1a: stable across processes, unlike maphash's per-process seed.
	h := uint64(14695981039346656037)
	for _, c := range t {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// Vector returns the article's vector. The attribution clause is removed
// first: the outlet names in it say who copied, not what happened.
func (v *Vectorizer) Vector(a *article.Article) Vector {
	type stat struct{ tf, idf float64 }
	stats := make(map[uint64]*stat, 256)
	var buf []byte
	add := func(s string, w float64) {
		buf = Terms(s, buf, func(t []byte) {
			if len(t) < 3 && utf8.RuneCount(t) < 2 {
				return
			}
			id := termID(t)
			st, ok := stats[id]
			if !ok {
				st = &stat{idf: v.IDF.Weight(t)}
				stats[id] = st
			}
			st.tf += w
		})
	}
	add(a.Title, v.TitleBoost)
	add(copies.StripAttribution(a.Lead), v.LeadBoost)
	for i, p := range a.Body {
		if i == 0 {
			// Only the first paragraph: the clause is found there (copy
			// detection also looks at the second), and finding it is the
			// costliest step here.
			p = copies.StripAttribution(p)
		}
		add(p, 1)
	}
	floor := v.MinIDFShare * v.IDF.MaxWeight()
	vec := make(Vector, 0, len(stats))
	for id, st := range stats {
		if st.idf >= floor {
			vec = append(vec, Term{id, (1 + math.Log(st.tf)) * st.idf})
		}
	}
	slices.SortFunc(vec, func(x, y Term) int {
		if c := cmp.Compare(y.W, x.W); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	if len(vec) > v.MaxTerms {
		vec = vec[:v.MaxTerms]
	}
	normalize(vec)
	slices.SortFunc(vec, func(x, y Term) int { return cmp.Compare(x.ID, y.ID) })
	return vec
}

func normalize(v Vector) {
	var n float64
	for _, t := range v {
		n += t.W * t.W
	}
	if n == 0 {
		return
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i].W /= n
	}
}

// Cosine is the dot product of two normalized vectors.
func Cosine(a, b Vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].ID < b[j].ID:
			i++
		case a[i].ID > b[j].ID:
			j++
		default:
			s += a[i].W * b[j].W
			i++
			j++
		}
	}
	return s
}

func sqrt(x float64) float64 { return math.Sqrt(x) }
