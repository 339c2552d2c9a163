package eval

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	in := `{"id":"a","text":"One. Two.","ref_sentences":["One."],"article_lines":["One.","Two."]}
{"id":"b","text":"Three.","reference":"Three.\nFour."}

{"id":"q","doc_id":"a","question":"____ won.","answer":"Ann","sentences":["Ann won.","Bob lost."],"gold":[0]}
`
	set, err := read("test", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Articles) != 2 || len(set.Questions) != 1 {
		t.Fatalf("read %d articles and %d questions, want 2 and 1", len(set.Articles), len(set.Questions))
	}
	if got := set.Articles[1].Reference; len(got) != 2 {
		t.Errorf("reference split = %q, want two lines", got)
	}
	if got := Lead3(set.Articles[0]); len(got) != 2 || got[0] != "One." {
		t.Errorf("Lead3 = %q, want the dataset's lines", got)
	}
	if _, err := read("bad", strings.NewReader("{")); err == nil {
		t.Error("read of broken JSON succeeded")
	}
	if _, err := read("empty", strings.NewReader("")); err == nil {
		t.Error("read of an empty set succeeded")
	}
}

func TestPairedBootstrap(t *testing.T) {
	a := []float64{0.5, 0.4, 0.6, 0.5, 0.45, 0.55}
	if iv := PairedBootstrap(a, a, 1000); iv.Diff != 0 || iv.Lo != 0 || iv.Hi != 0 {
		t.Errorf("identical systems: %+v, want all zero", iv)
	}
	b := make([]float64, len(a))
	for i := range a {
		b[i] = a[i] - 0.1 + 0.01*float64(i%2)
	}
	iv := PairedBootstrap(a, b, 1000)
	if !iv.Beyond() || iv.Lo > iv.Diff || iv.Hi < iv.Diff {
		t.Errorf("a clearly better system: %+v, want an interval above zero around the mean", iv)
	}
	if iv2 := PairedBootstrap(a, b, 1000); iv2 != iv {
		t.Errorf("bootstrap is not repeatable: %+v then %+v", iv, iv2)
	}
}

func TestScoreQA(t *testing.T) {
	qs := []Question{
		{ID: "1", DocID: "a", Question: "____ won the race in Paris.", Answer: "Ann", Sentences: []string{"Bob lost the race.", "Ann won the race in Paris on Sunday."}, Gold: []int{1}},
		{ID: "2", DocID: "b", Question: "The bridge cost ____ pounds.", Answer: "4m", Sentences: []string{"The bridge cost 4m pounds to build.", "It opened."}, Gold: []int{0}},
	}
	s := ScoreQA("newsbot", qs, NewsbotRanker)
	if Mean(s.At1) != 1 || Mean(s.At3) != 1 {
		t.Errorf("acc@1 %.2f acc@3 %.2f, want 1 and 1", Mean(s.At1), Mean(s.At3))
	}
	if s.RefusedOther != 1 {
		t.Errorf("questions asked of the other article were answered: refused %.2f, want 1", s.RefusedOther)
	}
}

// TestUnanswerable: a question with no answer counts toward the declines, not
// toward the hits; BM25 never declines.
func TestUnanswerable(t *testing.T) {
	sents := []string{"The bridge cost 4m pounds to build.", "It opened on Monday after two years of work."}
	qs := []Question{
		{ID: "1", DocID: "a", Question: "How much did the bridge cost?", Answer: "4m", Sentences: sents},
		{ID: "2", DocID: "a", Question: "Who was the architect of the tunnel?", Sentences: sents},
	}
	ours, base := ScoreQA("newsbot", qs, NewsbotRanker), ScoreQA("bm25", qs, BM25Ranker)
	if len(ours.Shown) != 1 || ours.Shown[0] != 1 || ours.WrongDeclines != 0 {
		t.Errorf("answerable: shown %v, wrong declines %.2f; want [1] and 0", ours.Shown, ours.WrongDeclines)
	}
	if ours.Unanswerable != 1 || ours.RightDeclines != 1 {
		t.Errorf("unanswerable %d, declined %.2f; want 1 and 1", ours.Unanswerable, ours.RightDeclines)
	}
	if base.RightDeclines != 0 {
		t.Errorf("BM25 declined %.2f of unanswerable questions, want 0", base.RightDeclines)
	}
}

// TestQuoted: the sentences a reply quotes are counted over the answerable
// questions it answers; BM25's top two are shown in article order.
func TestQuoted(t *testing.T) {
	sents := []string{"It opened on Monday after two years of work.", "The council said the bridge was late.", "The bridge cost 4m pounds to build."}
	qs := []Question{
		{ID: "1", DocID: "a", Question: "How much did the bridge cost?", Answer: "4m", Sentences: sents},
		{ID: "2", DocID: "a", Question: "Who was the architect of the tunnel?", Sentences: sents},
	}
	if got := ScoreQA("bm25", qs, BM25Ranker).Quoted; got != 1 {
		t.Errorf("BM25 quotes %.2f sentences, want 1", got)
	}
	two := BM25Top2Ranker(qs[0])
	if want := []string{sents[1], sents[2]}; !slices.Equal(two.Shown, want) {
		t.Errorf("BM25's top two shown as %q, want %q (article order)", two.Shown, want)
	}
	if got := ScoreQA("bm25-top2", qs, BM25Top2Ranker).Quoted; got != 2 {
		t.Errorf("BM25's top two quote %.2f sentences, want 2", got)
	}
}

func TestAttach(t *testing.T) {
	dir := t.TempDir()
	corpus := dir + "/corpus.jsonl"
	os.WriteFile(corpus, []byte(`{"id":"x/1","title":"Bridge","text":"The bridge opened on Monday. It cost four million pounds."}`+"\n"), 0o644)
	set, err := read("q", strings.NewReader(`{"id":"1","doc_id":"x/1","question":"How much did it cost?","answer":"four million"}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Attach(); err == nil {
		t.Error("Attach without a corpus accepted a question with no sentences")
	}
	if err := set.Attach(corpus); err != nil {
		t.Fatal(err)
	}
	if got := set.Questions[0].Sentences; len(got) != 2 {
		t.Errorf("sentences %q, want the article's two", got)
	}
	if got := set.Questions[0].Title; got != "Bridge" {
		t.Errorf("title %q, want the article's (the bot answers with it)", got)
	}
	missing, _ := read("q", strings.NewReader(`{"id":"2","doc_id":"x/9","question":"Who?","answer":"a"}`))
	if err := missing.Attach(corpus); err == nil {
		t.Error("Attach accepted a question about an article the corpus lacks")
	}
	other := dir + "/other.jsonl"
	os.WriteFile(other, []byte(`{"id":"x/9","title":"Dam","text":"The dam burst in May."}`+"\n"), 0o644)
	if err := missing.Attach(corpus, other); err != nil {
		t.Fatalf("Attach with a second corpus that holds the article: %v", err)
	}
	if got := missing.Questions[0].Title; got != "Dam" {
		t.Errorf("title %q, want the second corpus's article", got)
	}
	twice, _ := read("q", strings.NewReader(`{"id":"3","doc_id":"x/1","question":"Who?","answer":"a"}`))
	if err := twice.Attach(corpus, corpus); err == nil {
		t.Error("Attach accepted two corpora holding the same article id")
	}
}
