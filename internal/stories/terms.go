package stories

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"khabar/internal/persian"
)

// Terms calls f with each folded token of s (persian.FoldTokens, faster).
// The byte slice is reused: copy it to keep it.
func Terms(s string, buf []byte, f func(tok []byte)) []byte {
	buf = buf[:0]
	flush := func() {
		if len(buf) > 0 {
			f(buf)
			buf = buf[:0]
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				buf = append(buf, c)
			case c >= 'A' && c <= 'Z':
				buf = append(buf, c+32)
			default:
				flush()
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		switch fr, in := persian.FoldRune(r); {
		case fr != 0:
			buf = utf8.AppendRune(buf, fr)
		case !in:
			flush()
		}
	}
	flush()
	return buf
}

//go:generate go run gen.go

//go:embed idf.txt.gz
var idfData []byte

// IDF is the rarity of folded terms, from document frequencies counted over
// a corpus (the bundled demo corpus; see gen.go). Unknown terms count as
// rare as a term seen once.
type IDF struct {
	docs int
	df   map[string]int32
}

// DefaultIDF returns the IDF table embedded in the binary.
func DefaultIDF() *IDF {
	idf, err := ReadIDF(bytes.NewReader(idfData))
	if err != nil {
		panic(fmt.Sprintf("embedded idf table: %v", err)) // generated and tested
	}
	return idf
}

// ReadIDF reads a gzip'd table: a first line «docs N», then «term df» lines.
func ReadIDF(r io.Reader) (*IDF, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("idf table: %w", err)
	}
	sc := bufio.NewScanner(zr)
	idf := &IDF{df: make(map[string]int32)}
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), " ")
		n, err := strconv.Atoi(v)
		if !ok || err != nil {
			return nil, fmt.Errorf("idf table: bad line %q", sc.Text())
		}
		if k == "#docs" {
			idf.docs = n
			continue
		}
		idf.df[k] = int32(n)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("idf table: %w", err)
	}
	if idf.docs == 0 {
		return nil, fmt.Errorf("idf table: no #docs line")
	}
	return idf, nil
}

// Weight returns the inverse document frequency of a folded term.
func (t *IDF) Weight(term []byte) float64 {
	df := t.df[string(term)] // no allocation: the compiler reuses the bytes
	return math.Log(float64(t.docs+1) / float64(df+1))
}

// MaxWeight is the weight of an unseen term.
func (t *IDF) MaxWeight() float64 { return math.Log(float64(t.docs + 1)) }
