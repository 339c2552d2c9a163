// Package eval measures the summarizer and the answerer on JSONL evaluation
// sets: ROUGE for summaries against Lead-3 on the same articles, and for cloze
// questions the share whose answer is in the first (acc@1) or first three
// (acc@3) evidence sentences, against plain BM25.
//
// The sets are small (100–300 articles), so every difference from the baseline
// comes with a paired-bootstrap 95% interval: articles are resampled with
// replacement 1,000 times and the mean difference recomputed, so a gain is told
// from noise.
package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"

	"newsbot/summarize"
	"newsbot/summarize/rouge"
	"newsbot/summarize/text"
)

// Article is one summarization item.
type Article struct {
	ID        string
	Title     string
	Text      string
	Lines     []string // the dataset's own sentence split, when it has one
	Reference []string // reference summary sentences
}

// Question is one question about an article: a cloze statement with "____",
// or a natural question. Answer is the span of the article that answers it,
// empty when the article does not (a question the bot should decline).
type Question struct {
	ID       string
	DocID    string
	Question string
	Answer   string
	// Title is the article's headline, which the bot has beside its text;
	// empty for questions that carry their sentences.
	Title     string
	Sentences []string
	// Gold are the indexes of the sentences that contain the answer.
	Gold []int
}

// Set is an evaluation file: either articles or questions.
type Set struct {
	Name      string
	Articles  []Article
	Questions []Question
}

// Load reads a JSONL set. Lines with "question" are questions; others are
// articles with "text" and "ref_sentences" (or "reference").
func Load(path string) (Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return Set{}, err
	}
	defer f.Close()
	name := strings.TrimSuffix(path[strings.LastIndex(path, "/")+1:], ".jsonl")
	return read(name, f)
}

func read(name string, r io.Reader) (Set, error) {
	set := Set{Name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		var rec struct {
			ID           string   `json:"id"`
			Title        string   `json:"title"`
			Text         string   `json:"text"`
			ArticleLines []string `json:"article_lines"`
			Reference    string   `json:"reference"`
			RefSentences []string `json:"ref_sentences"`
			Question     string   `json:"question"`
			Answer       string   `json:"answer"`
			Sentences    []string `json:"sentences"`
			DocID        string   `json:"doc_id"`
			Gold         []int    `json:"gold"`
		}
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return set, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if rec.Question != "" {
			set.Questions = append(set.Questions, Question{ID: rec.ID, DocID: rec.DocID, Question: rec.Question, Answer: rec.Answer, Sentences: rec.Sentences, Gold: rec.Gold})
			continue
		}
		if rec.Text == "" {
			return set, fmt.Errorf("%s:%d: neither a question nor an article with text", name, n)
		}
		ref := rec.RefSentences
		if len(ref) == 0 {
			ref = strings.Split(rec.Reference, "\n")
		}
		set.Articles = append(set.Articles, Article{rec.ID, rec.Title, rec.Text, rec.ArticleLines, ref})
	}
	if err := sc.Err(); err != nil {
		return set, fmt.Errorf("%s: %w", name, err)
	}
	if len(set.Articles) == 0 && len(set.Questions) == 0 {
		return set, errors.New(name + ": no articles or questions")
	}
	return set, nil
}

// Attach gives the questions that name an article of the corpora (JSONL files
// of articles with id, title and text, such as ../shared/corpus/bbc-2085.jsonl)
// but carry no sentences the article's sentences, split and cleaned as the bot
// stores them. A question whose article is in none of them is an error, and so
// is an id that two corpora both hold.
func (s *Set) Attach(corpora ...string) error {
	if len(corpora) == 0 {
		for _, q := range s.Questions {
			if len(q.Sentences) == 0 {
				return fmt.Errorf("%s: question %s names article %q and carries no sentences: give the corpus", s.Name, q.ID, q.DocID)
			}
		}
		return nil
	}
	var all []Article
	for _, corpus := range corpora {
		c, err := Load(corpus)
		if err != nil {
			return err
		}
		all = append(all, c.Articles...)
	}
	return s.AttachArticles(strings.Join(corpora, " and "), all)
}

// AttachArticles is Attach for articles already read (from saved web pages,
// say); from names where they came from, for errors.
func (s *Set) AttachArticles(from string, articles []Article) error {
	byID := map[string]Article{}
	for _, a := range articles {
		if _, dup := byID[a.ID]; dup {
			return fmt.Errorf("%s: article %q is there twice", from, a.ID)
		}
		byID[a.ID] = a
	}
	split := map[string][]string{} // an article's sentences, split once for all its questions
	for i, q := range s.Questions {
		if len(q.Sentences) > 0 {
			continue
		}
		a, ok := byID[q.DocID]
		if !ok {
			return fmt.Errorf("%s: question %s names article %q, which %s lacks", s.Name, q.ID, q.DocID, from)
		}
		if split[a.ID] == nil {
			split[a.ID] = summarize.NewDoc(a.Title, text.Clean(a.Text)).Sentences
		}
		s.Questions[i].Title, s.Questions[i].Sentences = a.Title, split[a.ID]
	}
	return nil
}

// Summarizer makes a summary of an article: its sentences.
type Summarizer func(title, text string) []string

// Newsbot is the bot's own default summary: the text cleaned as ingest cleans
// it, then the default length.
func Newsbot(title, body string) []string {
	return summarize.NewDoc(title, text.Clean(body)).Summary(summarize.Medium.Words())
}

// Lead3 returns an article's first three sentences (the dataset's split when
// it has one).
func Lead3(a Article) []string {
	lines := a.Lines
	if len(lines) == 0 {
		lines = text.Sentences(a.Text)
	}
	return lines[:min(3, len(lines))]
}

// SummaryScores are the per-article scores of one system on a set.
type SummaryScores struct {
	System               string
	R1, R2, L            []float64 // F1 per article
	Words, Sentences, Ms float64   // means
}

// Mean returns the mean of xs.
func Mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// ScoreSummaries runs a system over the articles and scores it.
func ScoreSummaries(system string, articles []Article, summary func(Article) []string) SummaryScores {
	s := SummaryScores{System: system}
	var words, sents int
	var elapsed time.Duration
	for _, a := range articles {
		start := time.Now()
		out := summary(a)
		elapsed += time.Since(start)
		sc := rouge.Compare(a.Reference, out)
		s.R1 = append(s.R1, sc.R1.F)
		s.R2 = append(s.R2, sc.R2.F)
		s.L = append(s.L, sc.L.F)
		sents += len(out)
		for _, o := range out {
			words += len(strings.Fields(o))
		}
	}
	n := float64(max(len(articles), 1))
	s.Words, s.Sentences = float64(words)/n, float64(sents)/n
	s.Ms = float64(elapsed.Microseconds()) / 1000 / n
	return s
}

// Interval is a paired-bootstrap 95% interval of a mean difference.
type Interval struct {
	Diff, Lo, Hi float64
}

// Beyond reports whether the whole interval is above zero.
func (iv Interval) Beyond() bool { return iv.Lo > 0 }

// PairedBootstrap returns the mean of a−b with its 95% interval over rounds
// resamples of the items (with replacement, fixed seed, so runs repeat).
func PairedBootstrap(a, b []float64, rounds int) Interval {
	n := len(a)
	if n == 0 || len(b) != n {
		return Interval{}
	}
	d := make([]float64, n)
	for i := range a {
		d[i] = a[i] - b[i]
	}
	rng := rand.New(rand.NewPCG(1, 2))
	means := make([]float64, rounds)
	for r := range means {
		s := 0.0
		for range n {
			s += d[rng.IntN(n)]
		}
		means[r] = s / float64(n)
	}
	slices.Sort(means)
	return Interval{Diff: Mean(d), Lo: means[int(0.025*float64(rounds))], Hi: means[int(0.975*float64(rounds))-1]}
}

// QAScores are the per-question hits of one system.
type QAScores struct {
	System string
	// At1 and At3 are 1 when an answer sentence is first / in the first
	// three, per answerable question.
	At1, At3 []float64
	// Shown is 1 when the answer is in what the reply shows a user: the
	// evidence it quotes (for BM25, its top sentence), 0 when it is not or
	// the reply declines; per answerable question.
	Shown []float64
	// WrongDeclines is the share of answerable questions answered "The
	// article doesn't say".
	WrongDeclines float64
	// Unanswerable counts the questions whose article does not answer them
	// (no Answer); RightDeclines is the share of those declined.
	Unanswerable  int
	RightDeclines float64
	// RefusedOther is the share declined when each question is asked of
	// another article, where declining is right.
	RefusedOther float64
	// Quoted is how many sentences a reply that answers quotes, on average
	// over the answerable questions it answers (BM25 shows one).
	Quoted float64
	Ms     float64
}

// Ranked is a system's reply to a question: its ranking of the article's
// sentences (indexes, best first), whether it answers, and the sentences it
// shows the user.
type Ranked struct {
	Order      []int
	Answerable bool
	Shown      []string
}

// Ranker answers a question about an article given as its title and
// sentences.
type Ranker func(q Question) Ranked

// NewsbotRanker is the bot's answerer: its ranking, and the evidence its reply
// quotes.
func NewsbotRanker(q Question) Ranked {
	d := summarize.NewDocFromSentences(q.Title, q.Sentences)
	a := d.Answer(q.Question)
	return Ranked{Order: d.Rank(q.Question, 3), Answerable: a.Answerable, Shown: a.Evidence}
}

// NewsbotReply is the bot's extractive reply to a question about an article
// given as its title and sentences.
func NewsbotReply(q Question) summarize.Answer {
	return summarize.NewDocFromSentences(q.Title, q.Sentences).Answer(q.Question)
}

// BM25Ranker is plain BM25 over the sentences (not the title, which no reply
// can quote), the baseline; it always answers and shows its top sentence.
func BM25Ranker(q Question) Ranked {
	order := summarize.NewDocFromSentences("", q.Sentences).RankBM25(q.Question, 3)
	r := Ranked{Order: order, Answerable: true}
	if len(order) > 0 {
		r.Shown = []string{q.Sentences[order[0]]}
	}
	return r
}

// BM25Top2Ranker is BM25 showing its top two sentences, in article order: the
// baseline for a reply that quotes more than one.
func BM25Top2Ranker(q Question) Ranked {
	r := BM25Ranker(q)
	if len(r.Order) > 1 {
		first, second := r.Order[0], r.Order[1]
		r.Shown = []string{q.Sentences[min(first, second)], q.Sentences[max(first, second)]}
	}
	return r
}

// Outcome is how a reply to a question counts.
type Outcome int

const (
	Shown                Outcome = iota // the answer is in the evidence quoted
	Missed                              // answered, without the answer in the evidence
	DeclinedWrongly                     // "doesn't say" though the article does
	DeclinedRightly                     // "doesn't say", and it does not
	AnsweredUnanswerable                // answered though the article does not say
)

func (o Outcome) String() string {
	return [...]string{"shown", "missed", "declined wrongly", "declined rightly", "answered, unanswerable"}[o]
}

// Judge says how a reply counts: whether it answered, and the sentences it
// quoted.
func Judge(q Question, answerable bool, quoted []string) Outcome {
	switch {
	case q.Answer == "" && !answerable:
		return DeclinedRightly
	case q.Answer == "":
		return AnsweredUnanswerable
	case !answerable:
		return DeclinedWrongly
	case strings.Contains(strings.Join(quoted, " "), q.Answer):
		return Shown
	}
	return Missed
}

// ScoreQA runs a ranker over the questions. A hit is a ranked sentence among
// the question's gold sentences (those containing the answer).
func ScoreQA(system string, questions []Question, rank Ranker) QAScores {
	s := QAScores{System: system}
	wrong, right, refusedOther, others := 0, 0, 0, 0
	quoted, answered := 0, 0
	var elapsed time.Duration
	for qi, q := range questions {
		start := time.Now()
		reply := rank(q)
		elapsed += time.Since(start)
		outcome := Judge(q, reply.Answerable, reply.Shown)
		if q.Answer == "" {
			s.Unanswerable++
			if outcome == DeclinedRightly {
				right++
			}
			continue
		}
		if outcome == DeclinedWrongly {
			wrong++
		}
		if reply.Answerable {
			quoted += len(reply.Shown)
			answered++
		}
		shown := 0.0
		if outcome == Shown {
			shown = 1
		}
		s.Shown = append(s.Shown, shown)
		gold := q.Gold
		if gold == nil {
			for i, sent := range q.Sentences {
				if strings.Contains(sent, q.Answer) {
					gold = append(gold, i)
				}
			}
		}
		hit1, hit3 := 0.0, 0.0
		for k, i := range reply.Order[:min(3, len(reply.Order))] {
			if slices.Contains(gold, i) {
				hit3 = 1
				if k == 0 {
					hit1 = 1
				}
			}
		}
		s.At1 = append(s.At1, hit1)
		s.At3 = append(s.At3, hit3)

		// The same question asked of the next article about something else.
		for step := 1; step < len(questions); step++ {
			other := questions[(qi+step)%len(questions)]
			if other.DocID != q.DocID || other.DocID == "" && other.ID != q.ID {
				asked := other
				asked.Question = q.Question
				if !rank(asked).Answerable {
					refusedOther++
				}
				others++
				break
			}
		}
	}
	s.WrongDeclines = float64(wrong) / float64(max(len(s.Shown), 1))
	s.RightDeclines = float64(right) / float64(max(s.Unanswerable, 1))
	s.RefusedOther = float64(refusedOther) / float64(max(others, 1))
	s.Quoted = float64(quoted) / float64(max(answered, 1))
	s.Ms = float64(elapsed.Microseconds()) / 1000 / float64(max(len(questions), 1))
	return s
}
