package summarize

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	id, q := os.Getenv("ZZD"), os.Getenv("ZZQ")
	if id == "" {
		t.Skip()
	}
	f, _ := os.Open("../../shared/corpus/bbc-2085.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ ID, Title, Text string }
		json.Unmarshal(sc.Bytes(), &a)
		if a.ID != id {
			continue
		}
		d := NewDoc(a.Title, a.Text)
		b := d.bind(parseQuery(q))
		fmt.Printf("terms %v pred %q kind %q name %v num %v date %v\n", b.terms, b.predicate, b.kind, b.wantsName, b.wantsNumber, b.wantsDate)
		for k, c := range d.rankBound(b, true)[:6] {
			fmt.Printf("%d %.3f cov %.2f pred %v | %.100s\n", k, c.score, c.coverage, d.hasPredicate(c.i, b), d.Sentences[c.i])
		}
		fmt.Println(d.Answer(q).Text())
	}
}

func TestZZDoc(t *testing.T) {
	d := NewDoc("Free calls", "Ringline is offering customers free internet telephone calls if they sign up to broadband in December. "+
		"The offer entitles customers to free telephone calls anywhere in the UK via the internet. "+
		"Ringline said its internet telephone service would work on any home computer. "+
		"To use it, people will need its software, known as Ring Talk, together with a headset or a microphone and speakers, which most high street shops and supermarkets now sell for under £20. "+
		"Ringline expects 50,000 people to take up the offer.")
	q := "What is Ringline's internet telephone software called?"
	b := d.bind(parseQuery(q))
	fmt.Println(b.terms, b.names, b.predicate)
	for _, c := range d.rankBound(b, true) {
		fmt.Printf("%.3f cov %.2f | %.80s\n", c.score, c.coverage, d.Sentences[c.i])
	}
	fmt.Println(d.Answer(q).Text())
}
