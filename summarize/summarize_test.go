package summarize

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"newsbot/summarize/text"
)

func seedDoc(t testing.TB) *Doc {
	t.Helper()
	raw, err := os.ReadFile("../seeds/000_03d2b61af7269cbe.txt")
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(text.Clean(string(raw)), "\n\n")
	return NewDoc(title, body)
}

func TestSummarySeed(t *testing.T) {
	d := seedDoc(t)
	for _, n := range []int{1, 2, 3, 6} {
		got := d.SummarySentences(n)
		if len(got) != n {
			t.Errorf("SummarySentences(%d) has %d sentences: %q", n, len(got), got)
		}
		// In article order, all from the article, none from the footer.
		last := -1
		for _, s := range got {
			i := slices.Index(d.Sentences, s)
			if i <= last {
				t.Errorf("SummarySentences(%d): %q is out of article order", n, s)
			}
			last = i
			if strings.Contains(s, "Subscribe") || strings.Contains(s, "help") {
				t.Errorf("SummarySentences(%d) includes footer text: %q", n, s)
			}
		}
	}
	if got := d.SummarySentences(1); len(got) == 0 || !strings.HasPrefix(got[0], "High ranking defectors") {
		t.Errorf("Summary(1) = %q, want the lead sentence", got)
	}
}

func TestSummaryWordBudget(t *testing.T) {
	d := seedDoc(t)
	for _, budget := range []int{20, 65, 140} {
		got := d.Summary(budget)
		words := len(strings.Fields(strings.Join(got, " ")))
		last := len(strings.Fields(got[len(got)-1]))
		if words < budget || words-last >= budget {
			t.Errorf("Summary(%d) has %d words (last sentence %d): want the first sentence that reaches the budget to be the last", budget, words, last)
		}
	}
}

func TestSummaryDropsRepeats(t *testing.T) {
	d := NewDoc("", "The council approved the new bridge over the river on Monday. "+
		"The council approved the new bridge over the river on Monday evening. "+
		"Construction will start in spring and cost four million pounds. "+
		"Local shops expect more customers once the bridge opens next year.")
	got := d.SummarySentences(2)
	if len(got) != 2 || strings.HasPrefix(got[1], "The council approved") {
		t.Errorf("Summary(2) = %q, want the lead and a sentence that is not its repeat", got)
	}
}

// TestSummarySkipsFragments reads a short page whose text keeps its section
// label, byline, stamps and links on lines of their own, as real pages
// leave them: the summary has the story's sentences and none of those, though
// they would fit its budget.
func TestSummarySkipsFragments(t *testing.T) {
	d := NewDoc("Fertile land lost", "Environment\n\n"+
		"Twenty-four billion tonnes of fertile soil are lost every year because biodiversity is declining.\n\n"+
		"That is the finding of a study by the Institute of Research for Development in Dakar.\n\n"+
		"Author: Kossivi Tiassou\n\nDate 23.05.2011\n\nPrint this page\n\nPermalink https://p.dw.com/p/RPYx\n\nLike it?")
	got := d.Summary(Medium.Words())
	if len(got) != 2 || !strings.HasPrefix(got[0], "Twenty-four billion") || !strings.HasPrefix(got[1], "That is the finding") {
		t.Errorf("Summary = %q, want the two sentences of the story and no label, stamp or link", got)
	}
	// Made of fragments only, a text still gets a summary.
	if got := NewDoc("T", "Environment\n\nDate 23.05.2011").SummarySentences(1); len(got) != 1 {
		t.Errorf("SummarySentences(1) of fragments = %q, want one", got)
	}
}

func TestSummaryEdgeCases(t *testing.T) {
	for _, body := range []string{"", "   \n\n ", "...", "One lonely sentence."} {
		d := NewDoc("T", body)
		got := d.SummarySentences(3)
		if len(got) > len(d.Sentences) {
			t.Errorf("Summary of %q = %q: more sentences than the article has", body, got)
		}
	}
	if got := NewDoc("T", "Hi there.").SummarySentences(0); got != nil {
		t.Errorf("SummarySentences(0) = %q, want nothing", got)
	}
}

func TestAnswer(t *testing.T) {
	d := seedDoc(t)
	tests := []struct {
		question   string
		answerable bool
		contains   string
	}{
		{"What share of the electronic components in North Korea's missiles are made in Japan?", true, "90 percent"},
		{"Who makes the trucks moving material in North Korea?", true, "Japanese made trucks"},
		{"How were the parts smuggled?", true, "ferry"},
		{"Defectors report that some ____ percent of the electronic components are Japanese made.", true, "90 percent"},
		{"What is the population of Pyongyang?", false, "The article doesn't say"},
		{"Who won the 2022 World Cup final?", false, "The article doesn't say"},
	}
	for _, tt := range tests {
		a := d.Answer(tt.question)
		if a.Answerable != tt.answerable || !strings.Contains(a.Text(), tt.contains) {
			t.Errorf("Answer(%q) = %v %q, want answerable=%v containing %q", tt.question, a.Answerable, a.Text(), tt.answerable, tt.contains)
		}
		if a.Answerable && len(a.Evidence) == 0 {
			t.Errorf("Answer(%q) is answerable without evidence", tt.question)
		}
		for _, e := range a.Evidence {
			if !slices.Contains(d.Sentences, e) {
				t.Errorf("Answer(%q) evidence %q is not a sentence of the article", tt.question, e)
			}
		}
	}
	if a := d.Answer("What is the population of Pyongyang?"); !slices.Equal(a.Missing, []string{"population", "Pyongyang"}) {
		t.Errorf("Missing = %q, want [population Pyongyang]", a.Missing)
	}
	// The words of the question's form ("how old", "how far") are not what it
	// asks about: the reply does not say the article never mentions them.
	if a := d.Answer("How old is Kim Jong Il?"); !slices.Equal(a.Missing, []string{"Kim", "Jong", "Il"}) {
		t.Errorf("Missing = %q, want [Kim Jong Il]", a.Missing)
	}
}

func TestSummarizerAnswerRejects(t *testing.T) {
	s, d := New(Options{}), seedDoc(t)
	tests := []struct {
		question string
		want     error
	}{
		{"", ErrEmptyQuestion},
		{"   ", ErrEmptyQuestion},
		{strings.Repeat("why ", 25_000), ErrQuestionTooLong},
	}
	for _, tt := range tests {
		if _, err := s.Answer(t.Context(), d, tt.question, Call{}); !errors.Is(err, tt.want) {
			t.Errorf("Answer(%.20q…) error = %v, want %v", tt.question, err, tt.want)
		}
	}
}

func TestHugeArticle(t *testing.T) {
	// About 5 MB of text: the summary and the answer must still come back.
	var b strings.Builder
	for i := 0; b.Len() < 5<<20; i++ {
		b.WriteString("Officials in the region reported new figures on Tuesday about the harvest. ")
		if i%7 == 0 {
			b.WriteString("\n\n")
		}
	}
	d := NewDoc("Huge", b.String())
	if got := d.SummarySentences(3); len(got) != 1 {
		// Every sentence repeats the first, so only one survives.
		t.Errorf("Summary of a repeated sentence = %d sentences, want 1", len(got))
	}
	if a := d.Answer("What did officials report about the harvest?"); !a.Answerable {
		t.Errorf("Answer on huge article = %q, want answerable", a.Text())
	}
}

func TestParseLength(t *testing.T) {
	for in, want := range map[string]Length{"": Medium, "short": Short, "LONG": Long, " medium ": Medium} {
		if got, err := ParseLength(in); got != want || err != nil {
			t.Errorf("ParseLength(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseLength("tiny"); err == nil {
		t.Error("ParseLength(tiny) succeeded, want an error")
	}
}

// benchArticle returns a BBC article of about 600 words from the evaluation
// corpus beside the repository.
func benchArticle(b *testing.B) (title, body string) {
	f, err := os.Open("../../shared/corpus/bbc-2085.jsonl")
	if err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		if n := len(strings.Fields(rec.Text)); n >= 580 && n <= 620 {
			return rec.Title, text.Clean(rec.Text)
		}
	}
	b.Fatal("no article of about 600 words in the corpus")
	return "", ""
}

// BenchmarkSummarize measures what /summarize does per request: prepare the
// article and pick its sentences.
func BenchmarkSummarize(b *testing.B) {
	title, body := benchArticle(b)
	b.ReportAllocs()
	for b.Loop() {
		NewDoc(title, body).Summary(Medium.Words())
	}
}

// BenchmarkAnswer measures what /ask does per request.
func BenchmarkAnswer(b *testing.B) {
	title, body := benchArticle(b)
	b.ReportAllocs()
	for b.Loop() {
		NewDoc(title, body).Answer("What did the company say about profits this year?")
	}
}

// warmVocabulary is a Vocabulary that has seen the corpus's other articles, as
// a bot's has after a while.
func warmVocabulary(b *testing.B, skip string) *Vocabulary {
	f, err := os.Open("../../shared/corpus/bbc-2085.jsonl")
	if err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	v := NewVocabulary(vocabularySize)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct{ Title, Text string }
		json.Unmarshal(sc.Bytes(), &rec)
		if rec.Title != skip {
			v.NewDoc(rec.Title, rec.Text)
		}
	}
	return v
}

// BenchmarkSummarizeWarm is BenchmarkSummarize in a bot that has read the
// corpus's other articles: most words are known, only new ones are stemmed.
func BenchmarkSummarizeWarm(b *testing.B) {
	title, body := benchArticle(b)
	v := warmVocabulary(b, title)
	b.ReportAllocs()
	for b.Loop() {
		v.NewDoc(title, body).Summary(Medium.Words())
	}
}

// BenchmarkAnswerWarm is BenchmarkAnswer in a bot that has read the corpus's
// other articles.
func BenchmarkAnswerWarm(b *testing.B) {
	title, body := benchArticle(b)
	v := warmVocabulary(b, title)
	b.ReportAllocs()
	for b.Loop() {
		v.NewDoc(title, body).Answer("What did the company say about profits this year?")
	}
}

// BenchmarkAnswerPrepared measures a question on an article already prepared,
// as when the bot asks a second question about the same article.
func BenchmarkAnswerPrepared(b *testing.B) {
	title, body := benchArticle(b)
	d := NewDoc(title, body)
	b.ReportAllocs()
	for b.Loop() {
		d.Answer("What did the company say about profits this year?")
	}
}

// A sentence that shares the title's terms rises in the summary.
func TestSummaryTitleOverlap(t *testing.T) {
	sentences := []string{
		"The city council met on Tuesday evening to discuss the annual budget for next year.",
		"Residents complained at length about the state of the roads in the northern districts.",
		"Councillors finally approved a new library for the harbour district after a long debate.",
		"The meeting ended shortly before midnight with a vote on parking charges.",
	}
	without := NewDocFromSentences("", sentences).SummarySentences(2)
	with := NewDocFromSentences("Council approves harbour library", sentences).SummarySentences(2)
	if slices.Contains(without, sentences[2]) {
		t.Fatalf("without a title, SummarySentences(2) = %q already has the library sentence; the test needs another article", without)
	}
	if !slices.Contains(with, sentences[2]) {
		t.Errorf("with the title, SummarySentences(2) = %q, want the library sentence", with)
	}
}
