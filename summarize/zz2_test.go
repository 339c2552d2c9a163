package summarize

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZ2(t *testing.T) {
	f := os.Getenv("ZZDOC")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	s := string(b)
	title := ""
	if strings.HasPrefix(s, "TITLE: ") {
		title, s, _ = strings.Cut(s[7:], "\n")
	}
	d := NewDoc(title, s)
	for _, qs := range strings.Split(os.Getenv("ZZQ"), "|") {
		q := d.bind(parseQuery(qs))
		fmt.Printf("Q %q english=%q terms=%v date=%v number=%v money=%v measure=%d pred=%q kind=%q predIDs=%v\n", qs, q.english, q.terms, q.wantsDate, q.wantsNumber, q.quantity, len(q.measure), q.predicate, q.kind, func() (o []string) { for _, id := range q.predicateIDs { o = append(o, d.termList[id]) }; return }())
		for i := range d.Sentences[:min(3, len(d.Sentences))] {
			fmt.Printf("  %d type=%v dated=%v\n", i, d.hasAnswerType(i, q), q.dated(d.Sentences[i]))
		}
	}
}
