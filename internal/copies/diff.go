package copies

// DiffOp says how a paragraph of a copy relates to its original.
type DiffOp int

// Diff operations.
const (
	Same    DiffOp = iota // the paragraph is in both (up to letters, digits, ZWNJ and spacing)
	Removed               // only in the original
	Added                 // only in the copy
)

// DiffRow is one row of a side-by-side diff: Original and Copy are both set
// for Same, one of them otherwise.
type DiffRow struct {
	Op             DiffOp
	Original, Copy string
}

// Diff aligns the paragraphs of a copy with its original's by a longest common
// subsequence of their content (folded letters, so a re-spelled paragraph
// still counts as the same), for a side-by-side view. The attribution clause
// of the first paragraphs is compared without its prefix, as copy detection does.
func Diff(original, copy []string) []DiffRow {
	key := func(ps []string) []string {
		out := make([]string, len(ps))
		var buf []byte
		for i, p := range ps {
			if i < 2 {
				p = StripAttribution(p)
			}
			buf, _ = appendLetters(buf[:0], p)
			out[i] = string(buf)
		}
		return out
	}
	a, b := key(original), key(copy)
	// Paragraph counts are small (tens), so the quadratic table is cheap.
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var rows []DiffRow
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			rows = append(rows, DiffRow{Same, original[i], copy[j]})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			rows = append(rows, DiffRow{Op: Removed, Original: original[i]})
			i++
		default:
			rows = append(rows, DiffRow{Op: Added, Copy: copy[j]})
			j++
		}
	}
	for ; i < n; i++ {
		rows = append(rows, DiffRow{Op: Removed, Original: original[i]})
	}
	for ; j < m; j++ {
		rows = append(rows, DiffRow{Op: Added, Copy: copy[j]})
	}
	return rows
}
