// Package ner finds named entities (people, organizations, places, dates,
// times, money and percentages) in repaired Persian text with a first-order
// linear-chain model trained on PEYMA: an averaged structured perceptron
// (train.go), or with gen.go -crf-epochs N a CRF (crf.go), which scored
// lower on dev in the final comparison; see gen.go for how the embedded
// model is built and docs/BENCHMARKS.md for its scores.
package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"

	_ "embed"
)

//go:generate go run gen.go

//go:embed model.bin.gz
var embedded []byte

// Span is one entity in a text: byte offsets into the string Recognize was
// given (End exclusive) and a PEYMA type: PER, ORG, LOC, DAT, TIM, MON, PCT.
type Span struct {
	Start, End int
	Type       string
}

// Model is a trained tagger. It is read-only after loading and safe for
// concurrent use.
type Model struct {
	tags  []string
	types []string // entity type per tag, "" for O
	// inside[t] is true for I_ tags, which may only follow B_ or I_ of their type.
	inside  []bool
	typeIdx []uint8   // gazTypes index of each tag's type, 0 for O
	trans   []float32 // (len(tags)+1) × len(tags); the last row is the sentence start
	// edge adds to trans, into a token whose word is a training ORG word
	// (wordInfo.Org 1..3), a transition of its own: «امور» after I_ORG.
	// nil without ORG words.
	edge  []float32 // 3 × len(trans)
	feats map[uint32]int32
	w     []float32 // len(tags) weights per feature, at feats[hash]
	words map[string]wordInfo
	gaz   *gazetteer
	names *gazetteer // the hand-written gazetteer's names (Sources.Names)

	// table indexes feats for decoding, built on first use.
	tableOnce sync.Once
	table     *featTable
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loaded once. It panics if the embedded
// file is corrupt, which a test catches before any release.
func Default() *Model {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
	})
	if defaultErr != nil {
		panic(fmt.Sprintf("ner: embedded model: %v", defaultErr))
	}
	return defaultModel
}

// magic opens a model file; magicOrg one whose words carry ORG bits
// (wordInfo.Org), written only when some word has them.
const (
	magic    = "KNER2\n"
	magicOrg = "KNER3\n"
)

// Load reads a gzipped model written by Build.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	br := bufio.NewReader(zr)
	m, err := readModel(br)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	return m, nil
}

func readModel(br *bufio.Reader) (*Model, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic && string(head) != magicOrg {
		return nil, errors.New("not a khabar NER model")
	}
	var err error
	uv := func() uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		v, err = binary.ReadUvarint(br)
		return v
	}
	str := func() string {
		n := uv()
		if err != nil {
			return ""
		}
		if n > 1<<16 {
			err = errors.New("string too long")
			return ""
		}
		b := make([]byte, n)
		_, err = io.ReadFull(br, b)
		return string(b)
	}
	f32 := func() float32 {
		if err != nil {
			return 0
		}
		var b [4]byte
		_, err = io.ReadFull(br, b[:])
		return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
	}
	nt := int(uv())
	if err == nil && (nt < 1 || nt > 64) {
		return nil, fmt.Errorf("bad tag count %d", nt)
	}
	tags := make([]string, nt)
	for i := range tags {
		tags[i] = str()
	}
	m := newModel(tags)
	for i := range m.trans {
		m.trans[i] = f32()
	}
	nw := uv()
	if err == nil && nw > 1<<24 {
		return nil, fmt.Errorf("bad word count %d", nw)
	}
	m.words = make(map[string]wordInfo, nw)
	for range nw {
		w := str()
		var wi wordInfo
		for tr := range clusterTrees {
			wi.Path[tr] = uint32(uv())
			wi.Depth[tr] = uint8(uv())
		}
		wi.Lex = uint16(uv())
		wi.Freq = uint8(uv())
		if string(head) == magicOrg {
			wi.Org = uint8(uv())
		}
		if err != nil {
			return nil, err
		}
		m.words[w] = wi
	}
	np := uv()
	if err == nil && np > 1<<24 {
		return nil, fmt.Errorf("bad phrase count %d", np)
	}
	m.gaz = &gazetteer{}
	for range np {
		p := str()
		t := uv()
		if err != nil {
			return nil, err
		}
		if t == 0 || t >= uint64(len(gazTypes)) {
			return nil, fmt.Errorf("bad phrase type %d", t)
		}
		m.gaz.add(p, uint8(t))
	}
	nn := uv()
	if err == nil && nn > 1<<24 {
		return nil, fmt.Errorf("bad name count %d", nn)
	}
	m.names = &gazetteer{ext: true}
	for range nn {
		p := str()
		t := uv()
		if err != nil {
			return nil, err
		}
		if t == 0 || t >= uint64(len(gazTypes)) {
			return nil, fmt.Errorf("bad name type %d", t)
		}
		m.names.add(p, uint8(t))
	}
	if string(head) == magicOrg {
		m.edge = make([]float32, 3*len(m.trans))
		for i := range m.edge {
			m.edge[i] = f32()
		}
	}
	// weights reads a feature table written by writeWeights into mm.
	weights := func(mm *Model) {
		scale := f32()
		nf := uv()
		if err == nil && nf > 1<<24 {
			err = fmt.Errorf("bad feature count %d", nf)
		}
		if err != nil {
			return
		}
		mm.feats = make(map[uint32]int32, nf)
		mm.w = make([]float32, 0, int(nf)*nt)
		var h uint64
		for range nf {
			h += uv()
			mask := uv()
			if err != nil {
				return
			}
			off := int32(len(mm.w))
			mm.feats[uint32(h)] = off
			mm.w = append(mm.w, make([]float32, nt)...)
			for t := 0; t < nt; t++ {
				if mask&(1<<t) != 0 {
					var q int64
					if q, err = binary.ReadVarint(br); err != nil {
						return
					}
					mm.w[int(off)+t] = float32(q) * scale
				}
			}
		}
	}
	weights(m)
	if err != nil {
		return nil, err
	}
	return m, nil
}

func newModel(tags []string) *Model {
	m := &Model{tags: tags, types: make([]string, len(tags)), inside: make([]bool, len(tags)), typeIdx: make([]uint8, len(tags))}
	for i, t := range tags {
		if len(t) > 2 && (t[:2] == "B_" || t[:2] == "I_") {
			m.types[i] = t[2:]
			m.inside[i] = t[0] == 'I'
			m.typeIdx[i] = gazTypeIndex[t[2:]]
		}
	}
	m.trans = make([]float32, (len(tags)+1)*len(tags))
	return m
}

// allowed reports whether tag t may follow tag prev (len(tags) = start).
func (m *Model) allowed(prev, t int) bool {
	if !m.inside[t] {
		return true
	}
	return prev < len(m.tags) && m.types[prev] == m.types[t]
}

// Tag returns PEYMA BIO tags (O, B_PER, I_PER, ...) for one sentence of tokens.
func (m *Model) Tag(tokens []string) []string {
	return m.TagDocument([][]string{tokens})[0]
}

// TagDocument tags the sentences of one document in order; how a word was
// tagged elsewhere in the document informs how it is tagged again.
func (m *Model) TagDocument(sents [][]string) [][]string {
	folded := make([][]string, len(sents))
	for si, tokens := range sents {
		folds := make([]string, len(tokens))
		for i, t := range tokens {
			folds[i] = foldToken(t)
		}
		folded[si] = folds
	}
	tags := m.tagFolded(folded)
	out := make([][]string, len(sents))
	for si, ts := range tags {
		out[si] = make([]string, len(ts))
		for i, t := range ts {
			out[si][i] = m.tags[t]
		}
	}
	return out
}

// tagFolded tags the sentences of folded tokens of one document in order,
// each with the history of the ones before, and returns tag indexes.
func (m *Model) tagFolded(sents [][]string) [][]int {
	tags := make([][]int, len(sents))
	m.walk(sents, func(emit []float32, cls []uint8, n int) []int { return viterbi(m, emit, cls, n) },
		func(si int, _ []tokFeat, t []int, _ []uint32, _ []int) { tags[si] = t })
	return tags
}

// walk tags the sentences of one document in order, each with the history of
// the ones before: decode turns a sentence's emissions into tags, and f sees
// each sentence's tokens, tags and features (hs, cut at starts; valid only
// during the call). tagFolded and tagWithMargins differ only in decode.
func (m *Model) walk(sents [][]string, decode func(emit []float32, cls []uint8, n int) []int,
	f func(si int, ts []tokFeat, tags []int, hs []uint32, starts []int)) {
	h := newHistory()
	table := m.lookupTable()
	// Buffers reused from sentence to sentence.
	var hs []uint32
	var starts []int
	var emit []float32
	for si, folds := range sents {
		ts := m.prepare(folds)
		h.mark(ts)
		hs, starts = hs[:0], starts[:0]
		for i := range ts {
			starts = append(starts, len(hs))
			features(ts, i, func(h uint32) { hs = append(hs, h) })
		}
		starts = append(starts, len(hs))
		emit = m.emissions(table, emit, hs, starts)
		tags := decode(emit, m.orgClasses(ts), len(ts))
		f(si, ts, tags, hs, starts)
		h.add(ts, m.histTypes(tags))
	}
}

// orgClasses returns the tokens' ORG bits for the edge transitions, nil
// for a model without them.
func (m *Model) orgClasses(ts []tokFeat) []uint8 {
	if m.edge == nil {
		return nil
	}
	return orgClasses(ts)
}

func orgClasses(ts []tokFeat) []uint8 {
	out := make([]uint8, len(ts))
	for i := range ts {
		out[i] = ts[i].info.Org
	}
	return out
}

// edgeAt returns the edge transitions into token i of cls, nil for none.
func (m *Model) edgeAt(cls []uint8, i int) []float32 {
	if m.edge == nil || cls == nil || cls[i] == 0 {
		return nil
	}
	k := len(m.trans)
	return m.edge[int(cls[i]-1)*k : int(cls[i])*k]
}

// histTypes maps tag indexes to gazTypes indexes, as tagTypes does tags.
func (m *Model) histTypes(tags []int) []uint8 {
	out := make([]uint8, len(tags))
	for i, t := range tags {
		out[i] = m.typeIdx[t]
	}
	return out
}

func (m *Model) lookupTable() *featTable {
	m.tableOnce.Do(func() { m.table = newFeatTable(m.feats) })
	return m.table
}

// emissions returns the score of every tag at every token of a sentence,
// token i's features being hs[starts[i]:starts[i+1]]; it reuses buf.
func (m *Model) emissions(table *featTable, buf []float32, hs []uint32, starts []int) []float32 {
	nt := len(m.tags)
	n := len(starts) - 1
	buf = append(buf[:0], make([]float32, n*nt)...)
	for i := 0; i < n; i++ {
		row := buf[i*nt : (i+1)*nt]
		for _, h := range hs[starts[i]:starts[i+1]] {
			if off, ok := table.get(h); ok {
				w := m.w[off : int(off)+nt]
				for t := range row {
					row[t] += w[t]
				}
			}
		}
	}
	return buf
}

func (m *Model) prepare(folds []string) []tokFeat {
	toks := make([]tokFeat, len(folds))
	for i, f := range folds {
		toks[i] = prepare(f, m.words)
	}
	m.gaz.match(toks)
	m.names.match(toks)
	return toks
}

func viterbi(m *Model, emit []float32, cls []uint8, n int) []int {
	if n == 0 {
		return []int{}
	}
	nt := len(m.tags)
	score := make([]float32, n*nt)
	back := make([]int8, n*nt)
	neg := float32(math.Inf(-1))
	ex := m.edgeAt(cls, 0)
	for t := 0; t < nt; t++ {
		if m.allowed(nt, t) {
			score[t] = m.trans[nt*nt+t] + emit[t]
			if ex != nil {
				score[t] += ex[nt*nt+t]
			}
		} else {
			score[t] = neg
		}
	}
	for i := 1; i < n; i++ {
		prev := score[(i-1)*nt : i*nt]
		ex := m.edgeAt(cls, i)
		for t := 0; t < nt; t++ {
			best, arg := neg, 0
			for p := 0; p < nt; p++ {
				if prev[p] == neg || !m.allowed(p, t) {
					continue
				}
				s := prev[p] + m.trans[p*nt+t]
				if ex != nil {
					s += ex[p*nt+t]
				}
				if s > best {
					best, arg = s, p
				}
			}
			score[i*nt+t] = best + emit[i*nt+t]
			back[i*nt+t] = int8(arg)
		}
	}
	out := make([]int, n)
	last := score[(n-1)*nt : n*nt]
	arg := 0
	for t := 1; t < nt; t++ {
		if last[t] > last[arg] {
			arg = t
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*nt+arg])
	}
	return out
}

// Recognize cuts text into sentences and tokens, tags them as one document
// and returns the entities found, in text order.
func (m *Model) Recognize(text string) []Span {
	sents, folded := cut(text)
	var spans []Span
	for si, tags := range m.tagFolded(folded) {
		sent := sents[si]
		for _, c := range m.chunks(tags) {
			spans = append(spans, Span{Start: sent[c.start].Start, End: sent[c.end-1].End, Type: c.typ})
		}
	}
	return spans
}

// chunks reads entities off tag indexes; the decoder's tags are well formed.
func (m *Model) chunks(tags []int) []chunk {
	var out []chunk
	for i := 0; i < len(tags); i++ {
		ty := m.types[tags[i]]
		if ty == "" {
			continue
		}
		j := i + 1
		for j < len(tags) && m.inside[tags[j]] && m.types[tags[j]] == ty {
			j++
		}
		out = append(out, chunk{i, j, ty})
		i = j - 1
	}
	return out
}

// Types lists the entity types the model knows, sorted.
func (m *Model) Types() []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range m.types {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// writeModel serializes m; features with all-zero weights are left out.
func writeModel(w io.Writer, m *Model) error {
	var buf bytes.Buffer
	withOrg := false
	for _, wi := range m.words {
		withOrg = withOrg || wi.Org != 0
	}
	if withOrg {
		buf.WriteString(magicOrg)
	} else {
		buf.WriteString(magic)
	}
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { buf.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	str := func(s string) { uv(uint64(len(s))); buf.WriteString(s) }
	f32 := func(f float32) {
		binary.LittleEndian.PutUint32(tmp[:4], math.Float32bits(f))
		buf.Write(tmp[:4])
	}
	nt := len(m.tags)
	uv(uint64(nt))
	for _, t := range m.tags {
		str(t)
	}
	for _, f := range m.trans {
		f32(f)
	}
	words := make([]string, 0, len(m.words))
	for w := range m.words {
		words = append(words, w)
	}
	sort.Strings(words)
	uv(uint64(len(words)))
	for _, w := range words {
		wi := m.words[w]
		str(w)
		for tr := range clusterTrees {
			uv(uint64(wi.Path[tr]))
			uv(uint64(wi.Depth[tr]))
		}
		uv(uint64(wi.Lex))
		uv(uint64(wi.Freq))
		if withOrg {
			uv(uint64(wi.Org))
		}
	}
	phrases := m.gaz.sortedPhrases()
	uv(uint64(len(phrases)))
	for _, p := range phrases {
		str(p)
		uv(uint64(m.gaz.phrases[p]))
	}
	var names []string
	if m.names != nil {
		names = m.names.sortedPhrases()
	}
	uv(uint64(len(names)))
	for _, p := range names {
		str(p)
		uv(uint64(m.names.phrases[p]))
	}
	if withOrg {
		for i := range 3 * len(m.trans) {
			var f float32
			if m.edge != nil {
				f = m.edge[i]
			}
			f32(f)
		}
	}
	writeWeights(&buf, m)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// String describes the model's size, for logs.
func (m *Model) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "ner model: %d tags, %d features, %d words", len(m.tags), len(m.feats), len(m.words))
	return b.String()
}

// writeWeights writes m's feature weights; features whose weights all round
// to zero are left out. Weights are stored as integers on one scale: 16 bits
// are plenty for a perceptron and make the file several times smaller.
func writeWeights(buf *bytes.Buffer, m *Model) {
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { buf.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	nt := len(m.tags)
	var maxAbs float64
	for _, v := range m.w {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	binary.LittleEndian.PutUint32(tmp[:4], math.Float32bits(scale))
	buf.Write(tmp[:4])
	hashes := make([]uint32, 0, len(m.feats))
	for h, off := range m.feats {
		nz := false
		for _, v := range m.w[off : int(off)+nt] {
			if math.Round(float64(v/scale)) != 0 {
				nz = true
			}
		}
		if nz {
			hashes = append(hashes, h)
		}
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i] < hashes[j] })
	uv(uint64(len(hashes)))
	var prev uint32
	for _, h := range hashes {
		uv(uint64(h - prev))
		prev = h
		ws := m.w[m.feats[h] : int(m.feats[h])+nt]
		var mask uint64
		for t, v := range ws {
			if math.Round(float64(v/scale)) != 0 {
				mask |= 1 << t
			}
		}
		uv(mask)
		for t, v := range ws {
			if mask&(1<<t) != 0 {
				buf.Write(tmp[:binary.PutVarint(tmp[:], int64(math.Round(float64(v/scale))))])
			}
		}
	}
}
