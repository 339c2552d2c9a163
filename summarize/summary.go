package summarize

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Summary returns up to n sentences of the article that together summarize it, in
// article order. It returns fewer when the article has fewer usable sentences, and
// none for an empty article.
func (d *Doc) Summary(n int) []string {
	idx := d.summaryIndexes(n)
	if len(idx) == 0 {
		return nil
	}
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = d.Sentences[j]
	}
	return out
}

func (d *Doc) summaryIndexes(n int) []int {
	if n <= 0 || len(d.Sentences) == 0 {
		return nil
	}
	scores := d.sentenceScores()
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })

	var chosen []int
	for _, i := range order {
		if len(chosen) == n {
			break
		}
		if d.redundant(i, chosen) {
			continue
		}
		chosen = append(chosen, i)
	}
	slices.Sort(chosen)
	return chosen
}

// sentenceScores weighs each sentence by its position (news puts the point
// first), its centrality (how much of the article's vocabulary it shares) and its
// overlap with the title, discounted for sentences that read badly on their own.
func (d *Doc) sentenceScores() []float64 {
	// The article's term weights: frequency across sentences.
	scores := make([]float64, len(d.Sentences))
	maxCent := 0.0
	cent := make([]float64, len(d.Sentences))
	for i, terms := range d.terms {
		seen := make(map[string]bool, len(terms))
		sum := 0.0
		for _, t := range terms {
			if seen[t] {
				continue
			}
			seen[t] = true
			sum += float64(d.df[t] - 1) // the sentence itself does not count
		}
		if len(seen) > 0 {
			cent[i] = sum / math.Sqrt(float64(len(seen)))
		}
		maxCent = max(maxCent, cent[i])
	}
	for i, s := range d.Sentences {
		pos := 1 / math.Sqrt(float64(i+1))
		c := 0.0
		if maxCent > 0 {
			c = cent[i] / maxCent
		}
		title := 0.0
		if len(d.title) > 0 {
			hits := 0
			seen := make(map[string]bool)
			for _, t := range d.terms[i] {
				if d.title[t] && !seen[t] {
					seen[t] = true
					hits++
				}
			}
			title = float64(hits) / float64(len(d.title))
		}
		scores[i] = (0.55*pos + 0.3*c + 0.15*title) * readability(s, i)
	}
	return scores
}

// readability discounts sentences that make poor summary lines: fragments, very
// long run-ons, and sentences that lean on the one before.
func readability(s string, i int) float64 {
	words := len(strings.Fields(s))
	f := 1.0
	switch {
	case words < 6:
		f *= 0.3
	case words > 60:
		f *= 0.6
	}
	first, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(first) {
		f *= 0.5 // a fragment cut from a quote
	}
	if i > 0 && leansBack(s) {
		f *= 0.8
	}
	return f
}

// leansBack reports whether a sentence opens with a word that refers to the
// previous one.
func leansBack(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	switch strings.Trim(w, `"'“‘,`) {
	case "He", "She", "It", "They", "This", "That", "These", "Those", "His", "Her",
		"Its", "Their", "But", "And", "However", "Also", "So":
		return true
	}
	return false
}

// redundant reports whether sentence i repeats one already chosen: more than half
// of the smaller term set is shared.
func (d *Doc) redundant(i int, chosen []int) bool {
	a := d.terms[i]
	for _, j := range chosen {
		b := d.terms[j]
		if overlap(a, b)*2 > min(len(uniq(a)), len(uniq(b))) {
			return true
		}
	}
	return false
}

func uniq(terms []string) map[string]bool {
	m := make(map[string]bool, len(terms))
	for _, t := range terms {
		m[t] = true
	}
	return m
}

func overlap(a, b []string) int {
	ma, mb := uniq(a), uniq(b)
	n := 0
	for t := range ma {
		if mb[t] {
			n++
		}
	}
	return n
}
