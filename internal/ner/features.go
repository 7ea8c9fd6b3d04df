package ner

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/persian"
)

// wordInfo is what the model knows about a folded word besides its spelling:
// its distributional cluster (a path in a binary tree, like Brown clusters)
// and its entry in Hazm's lexicon (POS tags and corpus frequency).
type wordInfo struct {
	Path  [clusterTrees]uint32 // cluster path bits in each tree, most significant first
	Depth [clusterTrees]uint8  // number of valid bits in Path; 0 = no cluster
	Lex   uint16               // bit set of lexTags
	Freq  uint8                // 1 + log2 of the lexicon count, 0 = not in the lexicon
	Org   uint8                // orgStarter, orgInside: how the word is used in training ORG names
}

// lexTags are Hazm's words.dat POS tags, in bit order. Its verb tag "V" is
// left out: it was listed as a 17th bit of the 16-bit set and so never set,
// and with a 32-bit set that keeps it PEYMA dev F1 went 76.7 → 76.4.
var lexTags = []string{"N", "AJ", "NUM", "ADV", "PL", "RES", "CL", "AJC", "P", "CONJ", "DET", "ZVR", "PRO", "PR", "PS", "INT"}

// foldToken is the key a token is known by: persian.Fold, which unifies letter
// variants, makes digits ASCII and turns ZWNJ into the space PEYMA writes;
// punctuation, which Fold drops, stays as it is.
func foldToken(s string) string {
	f := persian.Fold(s)
	if f == "" {
		return s
	}
	return f
}

// feature templates; their numbers are part of the model file format.
const (
	fBias = iota
	fW0
	fWm1
	fWp1
	fWm2
	fWp2
	fWm1W0
	fW0Wp1
	fPre
	fSuf
	fShape
	fShapeM1
	fShapeP1
	fLex0
	fLexM1
	fLexP1
	fFreq
	fClus0
	fClusM1
	fClusP1
	fFirst
	fParts
	fSufM1
	fSufP1
	fLexM1Lex0
	fClusM1W0
	fLast
	fGaz
	fGazM1
	fGazP1
	fClusW0P1
	fClusM1P0
	fClusM2
	fClusP2
	fHist
	fHistBit
	fExt
	fExtM1
	fExtP1
)

// tokFeat is a token prepared for feature extraction.
type tokFeat struct {
	fold  string
	shape string
	info  wordInfo
	gaz   []uint8 // gazetteer matches covering the token (see gazetteer.match)
	ext   []uint8 // the same for the hand-written gazetteer (Sources.Names)
	hist  uint8   // how the word was tagged earlier in the document (see history)
}

func prepare(fold string, words map[string]wordInfo) tokFeat {
	return tokFeat{fold: fold, shape: shape(fold), info: words[fold]}
}

// shape abstracts a word's spelling: x for a Persian letter, a for Latin, d for
// a digit, _ for a space, p otherwise, repeats collapsed, plus a length bucket.
func shape(s string) string {
	var b strings.Builder
	var last byte
	n := 0
	for _, r := range s {
		n++
		var c byte
		switch {
		case r >= '0' && r <= '9':
			c = 'd'
		case r < 128 && unicode.IsLetter(r):
			c = 'a'
		case unicode.IsLetter(r):
			c = 'x'
		case r == ' ':
			c = '_'
		default:
			c = 'p'
		}
		if c != last {
			b.WriteByte(c)
			last = c
		}
	}
	switch {
	case n <= 2:
		b.WriteByte('1')
	case n <= 4:
		b.WriteByte('2')
	case n <= 7:
		b.WriteByte('3')
	default:
		b.WriteByte('4')
	}
	return b.String()
}

// FNV-1a over the template number and its string parts, folded to 32 bits:
// the model stores hashes, not feature strings.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type fhash uint64

func newHash(t byte) fhash { return (fnvOffset ^ fhash(t)) * fnvPrime }

func (h fhash) str(s string) fhash {
	for i := 0; i < len(s); i++ {
		h = (h ^ fhash(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func (h fhash) num(v uint32) fhash {
	for range 4 {
		h = (h ^ fhash(v&0xff)) * fnvPrime
		v >>= 8
	}
	return h
}

func (h fhash) key() uint32 { return uint32(h ^ h>>32) }

var boundary = tokFeat{fold: "<s>", shape: "<s>"}

// features calls emit with the hash of every feature of token i.
func features(toks []tokFeat, i int, emit func(uint32)) {
	at := func(j int) *tokFeat {
		if j < 0 || j >= len(toks) {
			return &boundary
		}
		return &toks[j]
	}
	w0, m1, p1, m2, p2 := at(i), at(i-1), at(i+1), at(i-2), at(i+2)
	emit(newHash(fBias).key())
	emit(newHash(fW0).str(w0.fold).key())
	emit(newHash(fWm1).str(m1.fold).key())
	emit(newHash(fWp1).str(p1.fold).key())
	emit(newHash(fWm2).str(m2.fold).key())
	emit(newHash(fWp2).str(p2.fold).key())
	emit(newHash(fWm1W0).str(m1.fold).str(w0.fold).key())
	emit(newHash(fW0Wp1).str(w0.fold).str(p1.fold).key())
	// Prefixes and suffixes of up to four runes.
	s := w0.fold
	for k, j := 1, 0; k <= 4; k++ {
		_, n := utf8.DecodeRuneInString(s[j:])
		if n == 0 {
			break
		}
		j += n
		emit(newHash(fPre).str(s[:j]).key())
	}
	for k, j := 1, len(s); k <= 4; k++ {
		_, n := utf8.DecodeLastRuneInString(s[:j])
		if n == 0 {
			break
		}
		j -= n
		emit(newHash(fSuf).str(s[j:]).key())
	}
	emit(newHash(fSufM1).str(lastRunes(m1.fold, 2)).key())
	emit(newHash(fSufP1).str(lastRunes(p1.fold, 2)).key())
	emit(newHash(fShape).str(w0.shape).key())
	emit(newHash(fShapeM1).str(m1.shape).str(w0.shape).key())
	emit(newHash(fShapeP1).str(w0.shape).str(p1.shape).key())
	emit(newHash(fLex0).num(uint32(w0.info.Lex)).key())
	emit(newHash(fLexM1).num(uint32(m1.info.Lex)).key())
	emit(newHash(fLexP1).num(uint32(p1.info.Lex)).key())
	emit(newHash(fLexM1Lex0).num(uint32(m1.info.Lex)).num(uint32(w0.info.Lex)).key())
	emit(newHash(fFreq).num(uint32(w0.info.Freq)).key())
	for _, d := range [...]uint8{4, 8, 12, 16} {
		emit(clusterHash(fClus0, w0.info, 0, d))
		emit(clusterHash(fClusM1, m1.info, 0, d))
		emit(clusterHash(fClusP1, p1.info, 0, d))
	}
	// The other trees only at two depths: they are there to even out the
	// first tree's arbitrary splits, and each feature costs tagging time.
	for tr := 1; tr < clusterTrees; tr++ {
		for _, d := range [...]uint8{8, 12} {
			emit(clusterHash(fClus0, w0.info, tr, d))
			emit(clusterHash(fClusM1, m1.info, tr, d))
			emit(clusterHash(fClusP1, p1.info, tr, d))
		}
	}
	for tr := range clusterTrees {
		emit(newHash(fClusM1W0).num(uint32(tr)).num(clusterPrefix(m1.info, tr, 8)).str(w0.fold).key())
		emit(newHash(fClusW0P1).num(uint32(tr)).num(clusterPrefix(w0.info, tr, 8)).num(clusterPrefix(p1.info, tr, 8)).key())
		emit(newHash(fClusM1P0).num(uint32(tr)).num(clusterPrefix(m1.info, tr, 8)).num(clusterPrefix(w0.info, tr, 8)).key())
		emit(clusterHash(fClusM2, m2.info, tr, 8))
		emit(clusterHash(fClusP2, p2.info, tr, 8))
	}
	for _, g := range w0.gaz {
		emit(newHash(fGaz).num(uint32(g)).key())
	}
	if len(w0.gaz) == 0 {
		emit(newHash(fGaz).num(255).key())
	}
	for _, g := range m1.gaz {
		emit(newHash(fGazM1).num(uint32(g)).key())
	}
	for _, g := range p1.gaz {
		emit(newHash(fGazP1).num(uint32(g)).key())
	}
	for _, g := range w0.ext {
		emit(newHash(fExt).num(uint32(g)).key())
	}
	for _, g := range m1.ext {
		emit(newHash(fExtM1).num(uint32(g)).key())
	}
	for _, g := range p1.ext {
		emit(newHash(fExtP1).num(uint32(g)).key())
	}
	if w0.hist != 0 {
		emit(newHash(fHist).num(uint32(w0.hist)).key())
		for b := range 8 {
			if w0.hist&(1<<b) != 0 {
				emit(newHash(fHistBit).num(uint32(b)).key())
			}
		}
	}
	if i == 0 {
		emit(newHash(fFirst).str(w0.shape).key())
	}
	if i == len(toks)-1 {
		emit(newHash(fLast).key())
	}
	// A token PEYMA wrote with a space (a ZWNJ word): its first and last part.
	if sp := strings.IndexByte(s, ' '); sp > 0 {
		emit(newHash(fParts).str(s[:sp]).key())
		emit(newHash(fParts).str(s[strings.LastIndexByte(s, ' ')+1:]).key())
	}
}

func clusterPrefix(w wordInfo, tree int, d uint8) uint32 {
	if w.Depth[tree] == 0 {
		return 0
	}
	d = min(d, w.Depth[tree])
	// A leading 1 bit keeps prefixes of different lengths apart.
	return (1<<d | w.Path[tree]>>(32-d)) & (1<<(d+1) - 1)
}

func clusterHash(t byte, w wordInfo, tree int, d uint8) uint32 {
	return newHash(t).num(uint32(tree)).num(uint32(d)).num(clusterPrefix(w, tree, d)).key()
}

func lastRunes(s string, k int) string {
	j := len(s)
	for ; k > 0 && j > 0; k-- {
		_, n := utf8.DecodeLastRuneInString(s[:j])
		j -= n
	}
	return s[j:]
}

// freqBucket maps a lexicon count to a small number.
func freqBucket(count uint64) uint8 {
	if count == 0 {
		return 0
	}
	return uint8(1 + bits.Len64(count)/2)
}

// ORG bits of wordInfo.Org.
const (
	orgStarter = 1 << iota // opens a multi-word ORG name more often than not
	orgInside              // inside an ORG name more often than not
)

// addOrgWords marks the words used in the training sentences' ORG names at
// least orgMinCount times and in at least half of their occurrences, as the
// first word of a multi-word name (starter) or a later one (inside).
func addOrgWords(words map[string]wordInfo, sents []Sentence) int {
	type counts struct{ all, start, inside int }
	c := map[string]*counts{}
	for _, s := range sents {
		for i, t := range s.Tokens {
			f := foldToken(t)
			n := c[f]
			if n == nil {
				n = &counts{}
				c[f] = n
			}
			n.all++
			switch {
			case s.Tags[i] == "B_ORG" && i+1 < len(s.Tags) && s.Tags[i+1] == "I_ORG":
				n.start++
			case s.Tags[i] == "I_ORG":
				n.inside++
			}
		}
	}
	marked := 0
	for f, n := range c {
		var org uint8
		if n.start >= orgMinCount && 2*n.start >= n.all {
			org |= orgStarter
		}
		if n.inside >= orgMinCount && 2*n.inside >= n.all {
			org |= orgInside
		}
		if org != 0 {
			wi := words[f]
			wi.Org = org
			words[f] = wi
			marked++
		}
	}
	return marked
}

const orgMinCount = 5
