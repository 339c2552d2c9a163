// Package summarize writes summaries of articles and answers questions about them.
//
// The default path is extractive: it picks sentences of the article itself, so a
// summary or an answer can never say what the article does not. It is
// deterministic, needs no network and no model weights, and is fast enough to run
// on every request (see the benchmarks).
//
// The model is a Doc: the article split once into sentences and stemmed terms
// (package summarize/text), with per-article term statistics. Summary ranks
// sentences by position, centrality and overlap with the title, drops near
// duplicates, and returns the chosen ones in article order. Answer scores
// sentences against the question with BM25 over the article's own sentences and
// says "The article doesn't say" when too little of the question is covered.
package summarize

import (
	"math"
	"slices"

	"newsbot/summarize/text"
)

// Doc is an article prepared for summarizing and answering. Build one with NewDoc
// and reuse it: the split and the statistics are the expensive part.
type Doc struct {
	Title     string
	Sentences []string

	terms  [][]string     // stemmed content terms per sentence
	df     map[string]int // sentences containing each term
	title  map[string]bool
	avgLen float64
	toks   [][]token  // the words of each sentence
	uniq   [][]string // each sentence's distinct terms, sorted
}

// NewDoc splits body into sentences and computes the statistics the summary and
// the answers use. The body should already be cleaned (text.Clean).
func NewDoc(title, body string) *Doc {
	return NewDocFromSentences(title, text.Sentences(body))
}

// NewDocFromSentences is NewDoc for text already split into sentences.
func NewDocFromSentences(title string, sentences []string) *Doc {
	d := &Doc{
		Title:     title,
		Sentences: sentences,
		df:        make(map[string]int),
		title:     make(map[string]bool),
		toks:      make([][]token, len(sentences)),
		terms:     make([][]string, len(sentences)),
	}
	// Articles repeat their words: each is normalized and stemmed once.
	memo := make(map[string]token, 256)
	d.uniq = make([][]string, len(sentences))
	total := 0
	for i, s := range sentences {
		d.toks[i] = appendTokens(nil, s, memo)
		for _, t := range d.toks[i] {
			if !t.stop {
				d.terms[i] = append(d.terms[i], t.term)
			}
		}
		u := slices.Clone(d.terms[i])
		slices.Sort(u)
		d.uniq[i] = slices.Compact(u)
		for _, t := range d.uniq[i] {
			d.df[t]++
		}
		total += len(d.terms[i])
	}
	if len(sentences) > 0 {
		d.avgLen = float64(total) / float64(len(sentences))
	}
	for _, t := range text.Terms(title) {
		d.title[t] = true
	}
	return d
}

// idf is the BM25 inverse document frequency of a term over the article's
// sentences; a term in no sentence gets the highest value.
func (d *Doc) idf(term string) float64 {
	n := float64(len(d.Sentences))
	df := float64(d.df[term])
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}
