package ner

import "math/bits"

// featTable maps feature hashes to weight offsets for decoding. It holds the
// same entries as Model.feats, in one flat open-addressing array (linear
// probing, at most half full) so that a look-up — and most look-ups miss,
// since most feature strings of a sentence were never weighted — touches one
// cache line, where the Go map's probe touches control words and slots
// apart. The map stays the model's record (training, saving); this is its
// read-only index.
type featTable struct {
	slots []featSlot
	shift uint
}

type featSlot struct {
	key uint32
	off int32 // -1: empty
}

func newFeatTable(feats map[uint32]int32) *featTable {
	size := 1 << bits.Len(uint(2*len(feats)+1))
	t := &featTable{slots: make([]featSlot, size), shift: uint(32 - bits.Len(uint(size-1)))}
	for i := range t.slots {
		t.slots[i].off = -1
	}
	mask := uint32(size - 1)
	for h, off := range feats {
		i := t.home(h)
		for t.slots[i].off >= 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = featSlot{h, off}
	}
	return t
}

// home is the slot a key is first looked for in: Fibonacci hashing, as the
// feature hashes' low bits are not uniform enough on their own.
func (t *featTable) home(h uint32) uint32 {
	if t.shift >= 32 {
		return 0
	}
	return (h * 0x9E3779B1) >> t.shift
}

func (t *featTable) get(h uint32) (int32, bool) {
	mask := uint32(len(t.slots) - 1)
	for i := t.home(h); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.off < 0 {
			return 0, false
		}
		if s.key == h {
			return s.off, true
		}
	}
}
