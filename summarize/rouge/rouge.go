// Package rouge scores summaries against references with ROUGE-1, ROUGE-2 and
// ROUGE-L, following the conventions of Google's rouge-score package (checked
// against the ROUGE-1.5.5 script): lower case, every run of characters outside
// a–z and 0–9 separates tokens, and with stemming the original Porter algorithm on
// tokens longer than three characters.
//
// ROUGE-L here is the summary-level score over sentences ("rougeLsum", the
// number papers report on CNN/DailyMail): the union of each reference
// sentence's longest common subsequences with the summary's sentences.
package rouge

import (
	"slices"
	"strings"

	"newsbot/summarize/text"
)

// Score is precision, recall and their harmonic mean F.
type Score struct {
	P, R, F float64
}

func prf(hits, pred, ref int) Score {
	var s Score
	if pred > 0 {
		s.P = float64(hits) / float64(pred)
	}
	if ref > 0 {
		s.R = float64(hits) / float64(ref)
	}
	if s.P+s.R > 0 {
		s.F = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Scores holds the three ROUGE scores of one summary.
type Scores struct {
	R1, R2, L Score
}

// Compare scores a summary (its sentences) against a reference (its sentences).
func Compare(reference, summary []string) Scores {
	ref := tokenizeAll(reference)
	pred := tokenizeAll(summary)
	return Scores{
		R1: ngrams(flatten(ref), flatten(pred), 1),
		R2: ngrams(flatten(ref), flatten(pred), 2),
		L:  summaryLCS(ref, pred),
	}
}

func tokenizeAll(sentences []string) [][]string {
	out := make([][]string, 0, len(sentences))
	for _, s := range sentences {
		if strings.TrimSpace(s) != "" {
			out = append(out, text.RougeTokens(s, true))
		}
	}
	return out
}

func flatten(ss [][]string) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s...)
	}
	return out
}

// ngrams is ROUGE-N: clipped n-gram overlap.
func ngrams(ref, pred []string, n int) Score {
	count := func(toks []string) map[string]int {
		m := map[string]int{}
		for i := 0; i+n <= len(toks); i++ {
			key := toks[i]
			for _, t := range toks[i+1 : i+n] {
				key += " " + t
			}
			m[key]++
		}
		return m
	}
	r, p := count(ref), count(pred)
	hits, np, nr := 0, 0, 0
	for k, c := range p {
		hits += min(c, r[k])
		np += c
	}
	for _, c := range r {
		nr += c
	}
	return prf(hits, np, nr)
}

// lcsTable returns the dynamic-programming table of the longest common
// subsequence of a and b.
func lcsTable(a, b []string) [][]int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				t[i][j] = t[i-1][j-1] + 1
			} else {
				t[i][j] = max(t[i][j-1], t[i-1][j])
			}
		}
	}
	return t
}

// lcsIndexes returns the indexes into ref of one longest common subsequence with
// cand, backtracking the way rouge-score does.
func lcsIndexes(ref, cand []string) []int {
	t := lcsTable(ref, cand)
	var out []int
	i, j := len(ref), len(cand)
	for i > 0 && j > 0 {
		switch {
		case ref[i-1] == cand[j-1]:
			out = append(out, i-1)
			i--
			j--
		case t[i][j-1] > t[i-1][j]:
			j--
		default:
			i--
		}
	}
	slices.Reverse(out)
	return out
}

// summaryLCS is summary-level ROUGE-L: for each reference sentence, the union of
// its LCS with every summary sentence, each token counted at most as often as it
// occurs in both texts.
func summaryLCS(ref, pred [][]string) Score {
	m, n := len(flatten(ref)), len(flatten(pred))
	if m == 0 || n == 0 {
		return Score{}
	}
	cntR, cntP := map[string]int{}, map[string]int{}
	for _, s := range ref {
		for _, t := range s {
			cntR[t]++
		}
	}
	for _, s := range pred {
		for _, t := range s {
			cntP[t]++
		}
	}
	hits := 0
	for _, r := range ref {
		union := map[int]bool{}
		for _, c := range pred {
			for _, i := range lcsIndexes(r, c) {
				union[i] = true
			}
		}
		idx := make([]int, 0, len(union))
		for i := range union {
			idx = append(idx, i)
		}
		slices.Sort(idx)
		for _, i := range idx {
			tok := r[i]
			if cntP[tok] > 0 && cntR[tok] > 0 {
				hits++
				cntP[tok]--
				cntR[tok]--
			}
		}
	}
	return prf(hits, n, m)
}
