package summarize

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/summarize/text"
)

// Summary returns sentences of the article that together summarize it, in
// article order: the best ones until they hold at least words words. It returns
// fewer for a short article, and none for an empty one.
func (d *Doc) Summary(words int) []string {
	return d.pick(func(chosen, total int) bool { return total >= words })
}

// SummarySentences is Summary with a count of sentences instead of a word budget.
func (d *Doc) SummarySentences(n int) []string {
	return d.pick(func(chosen, total int) bool { return chosen >= n })
}

// pick chooses sentences best first, skipping near repeats of those already
// chosen, until full says the summary is long enough.
func (d *Doc) pick(full func(chosen, words int) bool) []string {
	if len(d.Sentences) == 0 || full(0, 0) {
		return nil
	}
	scores := d.sentenceScores()
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })

	skipFragments := slices.ContainsFunc(d.Sentences, func(s string) bool { return !fragment(s) })
	var chosen []int
	total := 0
	for _, i := range order {
		if full(len(chosen), total) {
			break
		}
		if d.redundant(i, chosen) || skipFragments && fragment(d.Sentences[i]) {
			continue
		}
		chosen = append(chosen, i)
		total += len(d.toks[i])
	}
	slices.Sort(chosen)
	out := make([]string, len(chosen))
	for k, i := range chosen {
		out[k] = d.Sentences[i]
	}
	return out
}

// Weights of the sentence score, set on the evaluation sets (docs/EVAL.md).
const (
	weightCentrality = 0.5 // shares vocabulary with the rest of the article
	weightDensity    = 1.0 // names and numbers per word: facts, not colour
	quoteFactor      = 0.7 // quotes and attributions read poorly out of context
	weightTitle      = 1.0 // a sentence with all of the title's terms counts double
)

// sentenceScores weighs each sentence by its position (news puts the point
// first: the weight falls as 1/position), raised by its centrality and its
// density of names and numbers, and discounted for sentences that read badly on
// their own.
func (d *Doc) sentenceScores() []float64 {
	cent := make([]float64, len(d.Sentences))
	maxCent := 0.0
	n := float64(len(d.Sentences))
	for i, u := range d.uniq {
		sum := 0.0
		for _, t := range u {
			sum += float64(d.dfs[t]-1) / n // the sentence itself does not count
		}
		if len(u) > 0 {
			cent[i] = sum / math.Sqrt(float64(len(u)))
		}
		maxCent = max(maxCent, cent[i])
	}
	var inTitle []bool
	if len(d.title) > 0 {
		inTitle = make([]bool, len(d.termList))
		for _, t := range d.title {
			inTitle[t] = true
		}
	}
	scores := make([]float64, len(d.Sentences))
	for i, s := range d.Sentences {
		c := 0.0
		if maxCent > 0 {
			c = cent[i] / maxCent
		}
		scores[i] = (1 + weightCentrality*c + weightDensity*density(d.toks[i])) / float64(i+1) * readability(s, len(d.toks[i]))
		if len(d.title) > 0 {
			shared := 0
			for _, t := range d.uniq[i] {
				if inTitle[t] {
					shared++
				}
			}
			scores[i] *= 1 + weightTitle*float64(shared)/float64(len(d.title))
		}
	}
	return scores
}

// density is the share of a sentence's words that are names (capitalized, not
// first) or numbers.
func density(toks []token) float64 {
	if len(toks) == 0 {
		return 0
	}
	n := 0
	for _, t := range toks {
		if t.name || t.num {
			n++
		}
	}
	return float64(n) / float64(len(toks))
}

// readability discounts sentences that make poor summary lines: fragments, very
// long run-ons, quotes, and fragments cut from a quote.
func readability(s string, words int) float64 {
	f := 1.0
	switch {
	case words < 8:
		f *= 0.3
	case words > 55:
		f *= 0.6
	}
	first, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(first) {
		f *= 0.5
	}
	if strings.ContainsAny(s[:min(3, len(s))], `'"‘“`) || strings.Contains(s, " said") || strings.Contains(s, " says") {
		f *= quoteFactor
	}
	return f
}

// fragmentWords is the length below which a line that does not end as a
// sentence does is a heading, a label or a stamp ("Environnement",
// "Publikacja: 04.05.2021", "Imprimer cette page"), not a summary line;
// below shortWords nothing is, whatever its end ("Like recipe?").
const (
	fragmentWords = 8
	shortWords    = 4
)

// fragment reports whether s is such a line.
func fragment(s string) bool {
	n := text.WordCount(s)
	if n < shortWords {
		return true
	}
	s = strings.TrimRight(s, ` "'”’)]`)
	last, _ := utf8.DecodeLastRuneInString(s)
	return n < fragmentWords && !strings.ContainsRune(".!?…。！？", last)
}

// redundant reports whether sentence i repeats one already chosen: more than half
// of the smaller term set is shared.
func (d *Doc) redundant(i int, chosen []int) bool {
	a := d.uniq[i]
	for _, j := range chosen {
		b := d.uniq[j]
		if overlap(a, b)*2 > min(len(a), len(b)) {
			return true
		}
	}
	return false
}

// overlap counts the terms two sorted lists share.
func overlap(a, b []int32) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] == b[0]:
			n++
			a, b = a[1:], b[1:]
		case a[0] < b[0]:
			a = a[1:]
		default:
			b = b[1:]
		}
	}
	return n
}
