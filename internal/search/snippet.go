package search

import (
	"unicode"
	"unicode/utf8"
)

// SnippetWords is the usual length of a snippet in words.
const SnippetWords = 30

// Snippet picks from paragraphs (displayed, normalized text: lead then body)
// a passage of at most maxWords words rich in query terms and cuts it into
// fragments. The paragraph with the most distinct terms (then the most
// matching words) is chosen, then the window of it with the most. A word
// matches when one of its index terms (Terms of the word) is in terms, so
// «نشست‌های» lights up for the term «نشست». The fragments concatenate back to
// the passage, with «…» where it was cut; the text is never folded. When no
// word matches (the match was in the title, say), the passage is the opening.
func Snippet(paragraphs []string, terms []string, maxWords int) []Fragment {
	if maxWords <= 0 {
		maxWords = SnippetWords
	}
	want := make(map[string]int, len(terms))
	for i, t := range terms {
		want[t] = i
	}
	// Choosing the paragraph needs only its terms; words are cut out of the
	// chosen one alone, which keeps a search page of long articles fast.
	best, bestDistinct, bestHits := -1, 0, 0
	seen := make([]int, len(terms))
	for pi, p := range paragraphs {
		if best < 0 && p != "" {
			best = pi
		}
		distinct, hits := 0, 0
		scanTerms(p, func(t string, _ int) {
			if k, ok := want[t]; ok {
				hits++
				if seen[k] != pi+1 {
					seen[k] = pi + 1
					distinct++
				}
			}
		})
		if distinct > bestDistinct || distinct == bestDistinct && hits > bestHits {
			best, bestDistinct, bestHits = pi, distinct, hits
			if distinct == len(terms) {
				break
			}
		}
	}
	if best < 0 {
		return nil
	}
	words, match := matchWords(paragraphs[best], want)
	if len(words) == 0 {
		return nil
	}
	start, end, _, _ := bestWindow(match, len(terms), maxWords)
	return fragments(words, match, start, end)
}

// matchWords splits a paragraph into its space-separated words and returns,
// per word, the index of the query term it matches, or -1. The paragraph's
// terms are scanned once and placed on words by their offsets.
func matchWords(p string, want map[string]int) ([]string, []int) {
	var words []string
	var starts []int
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(p) {
			r, n := utf8.DecodeRuneInString(p[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		words = append(words, p[i:j])
		starts = append(starts, i)
		i = j
	}
	match := make([]int, len(words))
	for i := range match {
		match[i] = -1
	}
	w := 0
	scanTerms(p, func(t string, at int) {
		for w+1 < len(starts) && starts[w+1] <= at {
			w++
		}
		if k, ok := want[t]; ok && match[w] < 0 {
			match[w] = k
		}
	})
	return words, match
}

// bestWindow slides a window of n words over one paragraph and returns the one
// with the most distinct terms, then the most matching words, earliest first.
func bestWindow(match []int, nterms, n int) (start, end, distinct, hits int) {
	if n > len(match) {
		n = len(match)
	}
	count := make([]int, nterms)
	cur, curHits := 0, 0
	add := func(i, d int) {
		k := match[i]
		if k < 0 {
			return
		}
		curHits += d
		if d > 0 && count[k] == 0 {
			cur++
		}
		count[k] += d
		if d < 0 && count[k] == 0 {
			cur--
		}
	}
	for i := 0; i < n; i++ {
		add(i, 1)
	}
	start, end, distinct, hits = 0, n, cur, curHits
	for s := 1; s+n <= len(match); s++ {
		add(s-1, -1)
		add(s+n-1, 1)
		if cur > distinct || cur == distinct && curHits > hits {
			start, end, distinct, hits = s, s+n, cur, curHits
		}
	}
	// Open the passage a few words before the first match when the window
	// would otherwise start right on it, so the reader gets some context.
	if distinct > 0 && match[start] >= 0 && start > 0 {
		shift := min(start, n/4)
		for shift > 0 && hasMatch(match[end-shift:end]) {
			shift--
		}
		start, end = start-shift, end-shift
	}
	return start, end, distinct, hits
}

func hasMatch(match []int) bool {
	for _, k := range match {
		if k >= 0 {
			return true
		}
	}
	return false
}

// fragments cuts words[start:end] into runs of matching and other words,
// with the spaces between words in the non-matching runs.
func fragments(words []string, match []int, start, end int) []Fragment {
	var out []Fragment
	push := func(text string, m bool) {
		if n := len(out); n > 0 && out[n-1].Match == m {
			out[n-1].Text += text
			return
		}
		out = append(out, Fragment{Text: text, Match: m})
	}
	if start > 0 {
		push("… ", false)
	}
	for i := start; i < end; i++ {
		if i > start {
			push(" ", false)
		}
		push(words[i], match[i] >= 0)
	}
	if end < len(words) {
		push(" …", false)
	}
	return out
}
