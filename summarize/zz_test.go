package summarize

import (
	"os"
	"testing"
)

func TestZZ(t *testing.T) {
	d := NewDoc(os.Getenv("TITLE"), os.Getenv("TEXT"))
	q := d.bind(parseQuery(os.Getenv("Q")))
	t.Logf("%+v", q.query)
	for _, c := range d.rankBound(q, true)[:min(6, len(d.Sentences))] {
		t.Logf("%+v %q", c, d.Sentences[c.i][:min(100, len(d.Sentences[c.i]))])
	}
	t.Log(d.Answer(os.Getenv("Q")).Text())
}
