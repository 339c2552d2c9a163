// Package summarize writes summaries of articles and answers questions about them.
//
// The default path is extractive: it picks sentences of the article itself, so a
// summary or an answer can never say what the article does not. It is
// deterministic, needs no network and no model weights, and is fast enough to run
// on every request (see the benchmarks).
//
// The model is a Doc: the article split once into sentences and stemmed terms
// (package summarize/text), with per-article term statistics. Summary ranks
// sentences by position, centrality and density of names and numbers, drops
// near duplicates, and returns the chosen ones in article order within a word
// budget. Answer scores sentences against the question with BM25 over the
// article's own sentences plus cues for the kind of answer wanted, and says "The
// article doesn't say" when too little of the question is covered.
//
// A Summarizer with a Model writes abstractive summaries and answers instead,
// accepts them only when every cited sentence exists and supports the text, and
// falls back to the extractive path otherwise (llm.go, model.go).
package summarize

import (
	"math"
	"slices"
	"sync"

	"newsbot/summarize/text"
)

// Doc is an article prepared for summarizing and answering. Build one with NewDoc
// and reuse it: the split and the statistics are the expensive part.
type Doc struct {
	Title     string
	Sentences []string

	terms     [][]string     // stemmed content terms per sentence
	termIndex map[string]int // each term's place in dfs
	dfs       []int          // sentences containing each term
	avgLen    float64
	toks      [][]token  // the words of each sentence
	uniq      [][]string // each sentence's distinct terms, sorted
}

// NewDoc splits body into sentences and computes the statistics the summary and
// the answers use. The body should already be cleaned (text.Clean).
func NewDoc(title, body string) *Doc {
	return NewDocFromSentences(title, text.Sentences(body))
}

// NewDocFromSentences is NewDoc for text already split into sentences.
func NewDocFromSentences(title string, sentences []string) *Doc {
	return newDoc(title, sentences, make(map[string]token, 256), false)
}

// Vocabulary remembers how words were analysed (normalized, stemmed, found to
// be stopwords) across articles, so that a long-running bot stems each word
// once rather than once per article. It is safe for concurrent use and holds at
// most max words, forgetting them all when full.
type Vocabulary struct {
	mu    sync.Mutex
	words map[string]token
	max   int
}

// NewVocabulary returns an empty Vocabulary of at most max words.
func NewVocabulary(max int) *Vocabulary {
	return &Vocabulary{words: make(map[string]token), max: max}
}

// NewDoc is the package's NewDoc, with the vocabulary's memory of words.
func (v *Vocabulary) NewDoc(title, body string) *Doc {
	sentences := text.Sentences(body)
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.words) >= v.max {
		clear(v.words)
	}
	return newDoc(title, sentences, v.words, true)
}

// newDoc prepares a Doc, looking words up in memo and adding new ones; keep
// says the memo outlives the call, so its keys must not hold on to the text.
func newDoc(title string, sentences []string, memo map[string]token, keep bool) *Doc {
	d := &Doc{
		Title:     title,
		Sentences: sentences,
		toks:      make([][]token, len(sentences)),
		terms:     make([][]string, len(sentences)),
		uniq:      make([][]string, len(sentences)),
	}
	// One lookup per word: each term's index holds its sentence count and the
	// last sentence (plus one) that counted it, so that a sentence counts each of
	// its terms once.
	index := make(map[string]int, 8*len(sentences)+16)
	var last []int
	total := 0
	for i, s := range sentences {
		d.toks[i] = appendTokens(make([]token, 0, 32), s, memo, keep)
		d.terms[i] = make([]string, 0, len(d.toks[i]))
		d.uniq[i] = make([]string, 0, len(d.toks[i]))
		for _, t := range d.toks[i] {
			if t.stop {
				continue
			}
			d.terms[i] = append(d.terms[i], t.term)
			k, ok := index[t.term]
			if !ok {
				k = len(d.dfs)
				index[t.term] = k
				d.dfs = append(d.dfs, 0)
				last = append(last, 0)
			}
			if last[k] != i+1 {
				last[k] = i + 1
				d.dfs[k]++
				d.uniq[i] = append(d.uniq[i], t.term)
			}
		}
		slices.Sort(d.uniq[i])
		total += len(d.terms[i])
	}
	d.termIndex = index
	if len(sentences) > 0 {
		d.avgLen = float64(total) / float64(len(sentences))
	}
	return d
}

// df returns how many sentences contain a term.
func (d *Doc) df(term string) int {
	if k, ok := d.termIndex[term]; ok {
		return d.dfs[k]
	}
	return 0
}

// idf is the BM25 inverse document frequency of a term over the article's
// sentences; a term in no sentence gets the highest value.
func (d *Doc) idf(term string) float64 {
	n := float64(len(d.Sentences))
	df := float64(d.df(term))
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}
