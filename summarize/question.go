package summarize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/summarize/text"
)

// token is one word of a sentence or a question, as answering compares them.
type token struct {
	term string // text.Term of the lower-case word
	stop bool   // a stopword
	name bool   // capitalized, not at the start of its sentence
	num  bool   // has a digit
}

// tokenize splits s into tokens, in order.
func tokenize(s string) []token {
	var out []token
	for fi, field := range strings.Fields(s) {
		first, _ := utf8.DecodeRuneInString(strings.TrimLeft(field, `"'“‘(`))
		capital := unicode.IsUpper(first) && fi > 0
		for _, w := range text.Words(field) {
			out = append(out, token{
				term: text.Term(w),
				stop: text.IsStopword(w),
				name: capital && !text.IsStopword(w),
				num:  strings.ContainsFunc(w, unicode.IsDigit),
			})
		}
	}
	return out
}

// query is a question, analysed once.
type query struct {
	terms []string // distinct content terms
	// known are the terms the question itself has: an answer brings others.
	known map[string]bool
	// For a cloze question, the words just before and after the blank.
	before, after string
	cloze         bool
	wantsNumber   bool
	wantsName     bool
	wantsDate     bool
}

// blank is how cloze questions mark the missing name or number.
const blank = "____"

func parseQuery(q string) query {
	qu := query{known: map[string]bool{}}
	qu.wantsNumber, qu.wantsName, qu.wantsDate = questionType(q)
	if i := strings.Index(q, blank); i >= 0 {
		qu.cloze = true
		// The nearest content words on either side of the blank.
		left := tokenize(q[:i])
		right := tokenize(strings.TrimLeft(q[i:], "_"))
		for k := len(left) - 1; k >= 0 && qu.before == ""; k-- {
			if !left[k].stop {
				qu.before = left[k].term
			}
		}
		for k := 0; k < len(right) && qu.after == ""; k++ {
			if !right[k].stop {
				qu.after = right[k].term
			}
		}
		// A blank is a name unless its context says number.
		qu.wantsName = true
		qu.wantsNumber = numberContext(q[:i], strings.TrimLeft(q[i:], "_"))
		qu.wantsName = !qu.wantsNumber
	}
	for _, t := range tokenize(q) {
		qu.known[t.term] = true
		if !t.stop && !contains(qu.terms, t.term) {
			qu.terms = append(qu.terms, t.term)
		}
	}
	return qu
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// numberContext reports whether the text around a blank asks for a number: a
// currency sign before it, or a unit or count word after it.
func numberContext(before, after string) bool {
	b := strings.TrimSpace(before)
	if strings.HasSuffix(b, "£") || strings.HasSuffix(b, "$") || strings.HasSuffix(b, "€") {
		return true
	}
	a := strings.ToLower(strings.TrimSpace(after))
	for _, unit := range []string{"%", "per cent", "percent", "million", "billion", "year", "-year", "years", "months", "days",
		"hours", "minutes", "people", "times", "miles", "km", "metres", "feet", "pounds", "dollars", "sections", "per"} {
		if strings.HasPrefix(a, unit) {
			return true
		}
	}
	return false
}
