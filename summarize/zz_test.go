package summarize

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZ(t *testing.T) {
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
	if os.Getenv("ZZS") != "" {
		for i, x := range d.Sentences[:min(len(d.Sentences), 8)] {
			fmt.Printf("S%d %q\n", i, x)
		}
	}
	for _, q := range strings.Split(os.Getenv("ZZQ"), "|") {
		a := d.Answer(q)
		fmt.Printf("Q: %s\nA: %q missing=%v\n", q, a.Text(), a.Missing)
		for _, i := range d.Rank(q, 5) {
			fmt.Printf("  %d %.100s\n", i, d.Sentences[i])
			_ = i
		}
	}
}
