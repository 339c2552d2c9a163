package text

import "strings"

// Stem returns the Porter stem of a lower-case word, following the original 1980
// algorithm (the one ROUGE uses), so that our scores and the reference scorer
// agree. Words of three letters or fewer, and words with anything but a–z, are
// returned as they are.
func Stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	return porter(w)
}

// isCons reports whether w[i] is a consonant in Porter's sense: not a vowel, and
// 'y' only when it follows a vowel or starts the word.
func isCons(w string, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !isCons(w, i-1)
	}
	return true
}

// measure counts the VC sequences of a stem, m in [C](VC){m}[V], in one pass.
func measure(s string) int {
	n := 0
	prevCons, inVowels := false, false
	for i := 0; i < len(s); i++ {
		c := consAfter(s[i], prevCons, i == 0)
		if c && inVowels {
			n++
		}
		inVowels = !c
		prevCons = c
	}
	return n
}

// consAfter is isCons for a letter given whether the letter before it is a
// consonant (first says there is none).
func consAfter(ch byte, prevCons, first bool) bool {
	switch ch {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return first || !prevCons
	}
	return true
}

func hasVowel(s string) bool {
	prevCons := false
	for i := 0; i < len(s); i++ {
		if prevCons = consAfter(s[i], prevCons, i == 0); !prevCons {
			return true
		}
	}
	return false
}

func doubleCons(s string) bool {
	n := len(s)
	return n >= 2 && s[n-1] == s[n-2] && isCons(s, n-1)
}

// cvc reports consonant-vowel-consonant at the end, the last not w, x or y.
func cvc(s string) bool {
	n := len(s)
	if n < 3 {
		return false
	}
	last := s[n-1]
	return isCons(s, n-3) && !isCons(s, n-2) && isCons(s, n-1) && last != 'w' && last != 'x' && last != 'y'
}

type rule struct{ suffix, repl string }

var (
	step2 = []rule{
		{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"},
		{"izer", "ize"}, {"abli", "able"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"},
		{"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"},
		{"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"},
		{"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
	}
	step3 = []rule{
		{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"},
		{"ful", ""}, {"ness", ""},
	}
	step4 = []rule{
		{"al", ""}, {"ance", ""}, {"ence", ""}, {"er", ""}, {"ic", ""}, {"able", ""},
		{"ible", ""}, {"ant", ""}, {"ement", ""}, {"ment", ""}, {"ent", ""}, {"ion", ""},
		{"ou", ""}, {"ism", ""}, {"ate", ""}, {"iti", ""}, {"ous", ""}, {"ive", ""}, {"ize", ""},
	}
)

// byLastLetter groups rules by the last letter of their suffix, so that a word
// is only checked against the rules that can match it.
func byLastLetter(rules []rule) [26][]rule {
	var out [26][]rule
	for _, r := range rules {
		c := r.suffix[len(r.suffix)-1] - 'a'
		out[c] = append(out[c], r)
	}
	return out
}

var (
	step2ByLast = byLastLetter(step2)
	step3ByLast = byLastLetter(step3)
	step4ByLast = byLastLetter(step4)
)

// replaceLongest applies the rule with the longest matching suffix when the stem
// before it has a measure above zero.
func replaceLongest(w string, table *[26][]rule) string {
	last := w[len(w)-1]
	if last < 'a' || last > 'z' {
		return w // ROUGE stems tokens with digits too
	}
	rules := table[last-'a']
	best := -1
	for i, r := range rules {
		if strings.HasSuffix(w, r.suffix) && (best < 0 || len(r.suffix) > len(rules[best].suffix)) {
			best = i
		}
	}
	if best < 0 {
		return w
	}
	stem := w[:len(w)-len(rules[best].suffix)]
	if measure(stem) > 0 {
		return stem + rules[best].repl
	}
	return w
}

func porter(w string) string {
	// Step 1a: plurals.
	switch {
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ies"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}

	// Step 1b: -eed, -ed, -ing.
	trimmed := false
	switch {
	case strings.HasSuffix(w, "eed"):
		if measure(w[:len(w)-3]) > 0 {
			w = w[:len(w)-1]
		}
	case strings.HasSuffix(w, "ed") && hasVowel(w[:len(w)-2]):
		w, trimmed = w[:len(w)-2], true
	case strings.HasSuffix(w, "ing") && hasVowel(w[:len(w)-3]):
		w, trimmed = w[:len(w)-3], true
	}
	if trimmed {
		switch {
		case strings.HasSuffix(w, "at"), strings.HasSuffix(w, "bl"), strings.HasSuffix(w, "iz"):
			w += "e"
		case doubleCons(w) && !strings.ContainsAny(w[len(w)-1:], "lsz"):
			w = w[:len(w)-1]
		case measure(w) == 1 && cvc(w):
			w += "e"
		}
	}

	// Step 1c: y → i after a vowel.
	if strings.HasSuffix(w, "y") && hasVowel(w[:len(w)-1]) {
		w = w[:len(w)-1] + "i"
	}

	if w == "" {
		return w
	}
	w = replaceLongest(w, &step2ByLast)
	w = replaceLongest(w, &step3ByLast)

	// Step 4: drop a suffix when m > 1; -ion only after s or t.
	best := ""
	if last := w[len(w)-1]; 'a' <= last && last <= 'z' {
		for _, r := range step4ByLast[last-'a'] {
			if strings.HasSuffix(w, r.suffix) && len(r.suffix) > len(best) {
				best = r.suffix
			}
		}
	}
	if best != "" {
		stem := w[:len(w)-len(best)]
		if measure(stem) > 1 && (best != "ion" || strings.HasSuffix(stem, "s") || strings.HasSuffix(stem, "t")) {
			w = stem
		}
	}

	// Step 5a: a final e.
	if strings.HasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if m := measure(stem); m > 1 || (m == 1 && !cvc(stem)) {
			w = stem
		}
	}
	// Step 5b: -ll → -l when m > 1.
	if strings.HasSuffix(w, "ll") && measure(w) > 1 {
		w = w[:len(w)-1]
	}
	return w
}
