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
// article's own sentences plus cues for the kind of answer wanted, leads with
// the sentence that names in full someone the best one calls by surname, gives
// the runners-up to sentences that bring something new, and says "The article
// doesn't say" when too little of the question is covered.
//
// Terms are numbered per article and words are analysed once per lexicon
// (doc.go): a Vocabulary keeps its lexicon across articles, so a long-running
// bot stems each word once.
//
// A Summarizer with a Model writes abstractive summaries and answers instead,
// accepts them only when every cited sentence exists and supports the text, and
// falls back to the extractive path otherwise (llm.go, model.go).
package summarize

import (
	"math"
	"slices"
	"strings"
	"sync"

	"newsbot/summarize/text"
)

// Doc is an article prepared for summarizing and answering. Build one with NewDoc
// and reuse it: the split and the statistics are the expensive part. A Doc is
// safe for concurrent use.
type Doc struct {
	Title     string
	Sentences []string

	// Terms are numbered per article: the statistics are slices indexed by
	// term, and sentences hold term numbers, so that ranking compares and
	// sorts integers and the garbage collector has no strings to scan.
	toks      [][]token // the words of each sentence
	terms     [][]int32 // content terms of each sentence, in order
	uniq      [][]int32 // each sentence's distinct content terms, sorted
	termList  []string  // each term number's term
	dfs       []int32   // sentences containing each term
	avgLen    float64
	title     []int32  // the title's distinct terms that the sentences have
	titleOnly []string // the title's terms that no sentence has

	// own is the lexicon of a Doc made without a Vocabulary: the Doc's alone,
	// it numbers the Doc's terms already. Otherwise termIndex does, built for
	// the first question.
	own       *lexicon
	indexOnce sync.Once
	termIndex map[string]int32

	// polish is whether the article writes Polish letters (writesPolish),
	// looked for once, at the first Polish question's first word.
	polishOnce sync.Once
	polish     bool
}

// NewDoc splits body into sentences and computes the statistics the summary and
// the answers use. The body should already be cleaned (text.Clean).
func NewDoc(title, body string) *Doc {
	return NewDocFromSentences(title, text.Sentences(body))
}

// NewDocFromSentences is NewDoc for text already split into sentences.
func NewDocFromSentences(title string, sentences []string) *Doc {
	// A news sentence has about ten new words and seven new terms.
	lx := newLexicon(12*len(sentences)+16, 8*len(sentences)+16)
	d := newDoc(title, sentences, lx, false)
	d.own = lx
	return d
}

// Vocabulary remembers how words were analysed (normalized, stemmed, found to
// be stopwords) across articles, so that a long-running bot stems each word
// once rather than once per article. It is safe for concurrent use and holds at
// most max words, forgetting them all when full.
type Vocabulary struct {
	mu  sync.Mutex
	lex *lexicon
	max int
}

// NewVocabulary returns an empty Vocabulary of at most max words.
func NewVocabulary(max int) *Vocabulary {
	return &Vocabulary{lex: newLexicon(1024, 1024), max: max}
}

// NewDoc is the package's NewDoc, with the vocabulary's memory of words.
func (v *Vocabulary) NewDoc(title, body string) *Doc {
	sentences := text.Sentences(body)
	v.mu.Lock()
	defer v.mu.Unlock()
	if len(v.lex.words) >= v.max {
		v.lex = newLexicon(1024, 1024)
	}
	return newDoc(title, sentences, v.lex, true)
}

// lexicon is what is known of words: for each word as written, its analysis,
// and for each term, a global number and, while a Doc is being prepared, its
// number in that Doc.
type lexicon struct {
	words   map[string]int32 // word as written → entries
	entries []lexEntry
	termIDs map[string]int32 // term → its place in slots
	slots   []termSlot
	doc     uint32 // counts the Docs prepared, to tell whose numbers slots hold
}

type lexEntry struct {
	term       int32 // place in slots; -1 for a stopword
	stop, num  bool
	possessive bool // ends in 's
}

type termSlot struct {
	term  string
	doc   uint32 // the Doc that numbered it
	local int32  // its number in that Doc
}

func newLexicon(words, terms int) *lexicon {
	return &lexicon{
		words:   make(map[string]int32, words),
		entries: make([]lexEntry, 0, words),
		termIDs: make(map[string]int32, terms),
		slots:   make([]termSlot, 0, terms),
	}
}

// lookup returns the analysis of a word as written, analysing it the first
// time; keep says the lexicon outlives the text, so that what it stores must be
// copied out of it.
func (lx *lexicon) lookup(raw string, keep bool) lexEntry {
	if k, ok := lx.words[raw]; ok {
		return lx.entries[k]
	}
	w := text.Normalize(raw)
	term, stop := text.Analyse(w)
	e := lexEntry{term: -1, stop: stop, num: hasDigit(w), possessive: strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s")}
	if !stop { // stopwords are never compared, so they need no number
		id, ok := lx.termIDs[term]
		if !ok {
			if keep {
				term = strings.Clone(term)
			}
			id = int32(len(lx.slots))
			lx.termIDs[term] = id
			lx.slots = append(lx.slots, termSlot{term: term})
		}
		e.term = id
	}
	if keep {
		raw = strings.Clone(raw)
	}
	lx.words[raw] = int32(len(lx.entries))
	lx.entries = append(lx.entries, e)
	return e
}

func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if '0' <= w[i] && w[i] <= '9' {
			return true
		}
	}
	return false
}

// newDoc prepares a Doc with the words of lx, adding new ones; keep says lx
// outlives the call.
func newDoc(title string, sentences []string, lx *lexicon, keep bool) *Doc {
	n := len(sentences)
	d := &Doc{
		Title:     title,
		Sentences: sentences,
		toks:      make([][]token, n),
		terms:     make([][]int32, n),
		uniq:      make([][]int32, n),
	}
	size := 0
	for _, s := range sentences {
		size += len(s)
	}
	// The sentences' words, terms and distinct terms each live in one array,
	// cut into the sentences' parts at the end (an array may move as it grows).
	words := size/5 + 16 // a word and a space take about six bytes
	toks := make([]token, 0, words)
	terms := make([]int32, 0, words/2) // about half the words are stopwords
	uniq := make([]int32, 0, words/2)
	bounds := make([][3]int, n+1)

	lx.doc++
	// About a third of an article's words are distinct terms.
	d.termList = make([]string, 0, words/3)
	d.dfs = make([]int32, 0, words/3)
	// last holds, per term, the sentence (plus one) that last counted it, so
	// that a sentence counts each of its terms once.
	last := make([]int32, 0, words/3)
	for i, s := range sentences {
		bounds[i] = [3]int{len(toks), len(terms), len(uniq)}
		start := len(toks)
		toks = appendTokens(toks, s, lx, keep)
		for k := start; k < len(toks); k++ {
			t := &toks[k]
			if t.stop {
				continue
			}
			slot := &lx.slots[t.id]
			if slot.doc != lx.doc {
				slot.doc, slot.local = lx.doc, int32(len(d.termList))
				d.termList = append(d.termList, slot.term)
				d.dfs = append(d.dfs, 0)
				last = append(last, 0)
			}
			t.id = slot.local
			terms = append(terms, t.id)
			if last[t.id] != int32(i+1) {
				last[t.id] = int32(i + 1)
				d.dfs[t.id]++
				uniq = append(uniq, t.id)
			}
		}
		slices.Sort(uniq[bounds[i][2]:])
	}
	for _, t := range appendTokens(nil, title, lx, keep) {
		if t.stop {
			continue
		}
		if slot := lx.slots[t.id]; slot.doc == lx.doc && !slices.Contains(d.title, slot.local) {
			d.title = append(d.title, slot.local)
		} else if slot.doc != lx.doc && !slices.Contains(d.titleOnly, slot.term) {
			d.titleOnly = append(d.titleOnly, slot.term)
		}
	}
	bounds[n] = [3]int{len(toks), len(terms), len(uniq)}
	for i := range n {
		b, e := bounds[i], bounds[i+1]
		d.toks[i] = toks[b[0]:e[0]:e[0]]
		d.terms[i] = terms[b[1]:e[1]:e[1]]
		d.uniq[i] = uniq[b[2]:e[2]:e[2]]
	}
	if n > 0 {
		d.avgLen = float64(len(terms)) / float64(n)
	}
	return d
}

// termID returns a term's number in the article, or -1 when no sentence has it.
func (d *Doc) termID(term string) int32 {
	if d.own != nil {
		if k, ok := d.own.termIDs[term]; ok && d.own.slots[k].doc == d.own.doc {
			return d.own.slots[k].local
		}
		return -1
	}
	d.indexOnce.Do(func() {
		d.termIndex = make(map[string]int32, len(d.termList))
		for k, t := range d.termList {
			d.termIndex[t] = int32(k)
		}
	})
	if k, ok := d.termIndex[term]; ok {
		return k
	}
	return -1
}

// df returns how many sentences contain a term.
func (d *Doc) df(term string) int {
	if k := d.termID(term); k >= 0 {
		return int(d.dfs[k])
	}
	return 0
}

// idfOf is the BM25 inverse document frequency of a term (by number) over the
// article's sentences; a term in no sentence (-1) gets the highest value.
func (d *Doc) idfOf(id int32) float64 {
	n, df := float64(len(d.Sentences)), 0.0
	if id >= 0 {
		df = float64(d.dfs[id])
	}
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}
