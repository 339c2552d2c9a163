package summarize

import (
	"fmt"
	"newsbot/summarize/text"
	"os"
	"strings"
	"testing"
)

func TestZZAnswer(t *testing.T) {
	f := os.Getenv("ZZDOC")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	s := string(b)
	title := ""
	if strings.HasPrefix(s, "TITLE: ") {
		i := strings.Index(s, "\n")
		title, s = s[7:i], s[i+1:]
	}
	d := NewDoc(title, text.Clean(s))
	for _, q := range strings.Split(os.Getenv("ZZQ"), "|") {
		a := d.Answer(q)
		fmt.Printf("Q: %s\n  answerable=%v missing=%q\n  %s\n", q, a.Answerable, a.Missing, a.Text())
	}
}
