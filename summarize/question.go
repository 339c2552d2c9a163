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
	cap  bool   // capitalized, anywhere (a name may open a sentence)
	// joined: only spaces stand between this word and the one before, so
	// two capitalized words can be one name ("Glenn Mason", not "Wembley, Mason").
	joined bool
	num    bool // has a digit
}

// tokenize splits s into tokens, in order.
func tokenize(s string) []token {
	return appendTokens(nil, s, nil, false)
}

// appendTokens appends the tokens of sentence s. memo, when not nil, remembers
// each word's analysis for the next time it is written the same way; with keep,
// its keys are copies, so that a lasting memo does not pin the text.
func appendTokens(toks []token, s string, memo map[string]token, keep bool) []token {
	first := true
	end := 0 // where the previous word ended
	text.EachWord(s, func(raw string) {
		// Words come in order and only non-words lie between them, so the
		// word is the next thing in s that reads like it.
		start := end + strings.Index(s[end:], raw)
		joined := !first && strings.TrimLeft(s[end:start], " ") == ""
		end = start + len(raw)
		t, ok := memo[raw]
		if !ok {
			w := text.Normalize(raw)
			t = token{term: w, stop: text.IsStopword(w), num: strings.ContainsAny(w, "0123456789")}
			if !t.stop {
				t.term = text.Term(w)
			}
			if memo != nil {
				if keep {
					raw = strings.Clone(raw)
				}
				memo[raw] = t
			}
		}
		r, _ := utf8.DecodeRuneInString(raw)
		t.cap = !t.stop && unicode.IsUpper(r)
		t.name = !first && t.cap
		t.joined = joined
		first = false
		toks = append(toks, t)
	})
	return toks
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
	lb := strings.ToLower(b)
	for _, lead := range []string{"up to", "more than", "less than", "fewer than", "nearly", "almost", "at least", "approximately", "an estimated"} {
		if strings.HasSuffix(lb, lead) {
			return true
		}
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
