// Package text turns article text into the units summaries and answers work on:
// cleaned paragraphs (Clean), sentences (Sentences), words and stemmed terms
// (Words, Terms, Stem), and ROUGE's tokens (RougeTokens).
//
// Everything here is deterministic and works on any UTF-8 input, however odd;
// callers convert other encodings first. The sentence splitter is rule-based and
// tuned for news: it knows titles, initials and initialisms, but a sentence that
// ends in an abbreviation followed by a proper name ("... at Acme Inc. Smith
// said") stays joined to the next.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits article text into sentences, in order, each trimmed of
// surrounding space and with inner line breaks folded to spaces.
//
// It works in two passes. Lines are first grouped into runs: a blank line always
// ends a run, and a single line break ends one when the line closes a sentence
// (., !, ?, a closing quote) or stands alone without final punctuation, unless the
// sentence plainly goes on (see continues and carriesOn: a line in lower case, a
// dangling "the" or "Tom Wood’s", an open double quote, a label's colon) or the
// paragraph is hard-wrapped.
// Each run is then cut after ., !, ?, or an ellipsis when space and the start of a
// new sentence follow, except after titles (Mr., Gen.), initials (J. R.), list
// numbers and initialisms (U.S.) that are followed by an ordinary word. Last, a
// caption that runs into the next sentence without a full stop is cut off it.
func Sentences(s string) []string {
	var out []string
	for _, run := range lineRuns(s) {
		for _, sent := range splitRun(run) {
			out = appendUnglued(out, sent)
		}
	}
	return out
}

// lineRuns groups the lines of s into runs of text that may hold several
// sentences but never span a hard break.
func lineRuns(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var runs []string
	for _, para := range strings.Split(s, "\n\n") {
		var lines []string
		for _, l := range strings.Split(para, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			continue
		}
		wrapped := hardWrapped(lines)
		cur := lines[0]
		for k, l := range lines[1:] {
			if carriesOn(l) {
				cur += l // "… Earth" + "’s formation"
				continue
			}
			if wrapped || continues(lines[k], l) {
				cur += " " + l
				continue
			}
			runs = append(runs, cur)
			cur = l
		}
		runs = append(runs, cur)
	}
	return runs
}

// hardWrapped reports whether a paragraph's lines look wrapped at a fixed width:
// three or more lines, all but the last of similar, moderate length, and some of
// them ending mid-sentence.
func hardWrapped(lines []string) bool {
	if len(lines) < 3 {
		return false
	}
	open := 0
	for _, l := range lines[:len(lines)-1] {
		n := utf8.RuneCountInString(l)
		if n < 40 || n > 100 {
			return false
		}
		if !endsSentence(l) {
			open++
		}
	}
	return open*2 >= len(lines)-1
}

// continues reports whether line next carries on the sentence of prev: prev leaves
// a double quotation open ("Going Clear:" / "Scientology and …") or ends in a
// colon that introduces next, or it has no final punctuation and next starts in
// lower case (or prev ends with a comma, a hyphen, a possessive or a word such as
// "the" or "with" that cannot end a sentence).
func continues(prev, next string) bool {
	if openQuote(prev) || introduces(prev, next) {
		return true
	}
	if endsSentence(prev) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	if last == ',' || last == '-' || last == '–' {
		return true
	}
	i := strings.LastIndexByte(prev, ' ')
	w := strings.ToLower(prev[i+1:])
	if dangling[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return true
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(first)
}

// introduces reports whether prev ends in a colon that introduces next: a
// caption's label ("Sharp dresser:"), a speaker, "She added:". A list item
// after the colon stays on its own line.
func introduces(prev, next string) bool {
	if !strings.HasSuffix(prev, ":") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(first) || strings.ContainsRune(`"'“‘`, first)
}

// dangling words need a word after them: a line that ends in one ends
// mid-sentence ("… a role with" / "Surrey in the summer").
var dangling = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "and": true, "or": true, "but": true,
	"with": true, "for": true, "from": true, "by": true, "at": true, "than": true,
	"his": true, "their": true, "its": true, "my": true, "our": true, "your": true,
	"in": true, "into": true, "onto": true, "against": true,
}

// carriesOn reports whether a line starts with what can only follow a word: a
// comma, colon, semicolon, closing bracket or a possessive ending. Such a line
// is joined to the one before without a space.
func carriesOn(line string) bool {
	first, _ := utf8.DecodeRuneInString(line)
	switch first {
	case ',', ';', ':', ')':
		return true
	}
	return strings.HasPrefix(line, "’s ") || strings.HasPrefix(line, "'s ")
}

// openQuote reports whether a line leaves a double quotation open: its last
// double quote opens one (“, or " at the start of a word).
func openQuote(line string) bool {
	open := false
	prev := ' '
	for _, r := range line {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		case '"':
			open = unicode.IsSpace(prev) || prev == '(' || prev == '['
		}
		prev = r
	}
	return open
}

func endsSentence(line string) bool {
	line = strings.TrimRight(line, ` "'”’)]`)
	last, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?…:;。！？", last)
}

func isTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…' || fullWidthEnd(r)
}

// fullWidthEnd reports whether r ends a sentence in Chinese or Japanese (。！？),
// where no space follows.
func fullWidthEnd(r rune) bool { return r == '。' || r == '！' || r == '？' }
func isCloser(r rune) bool {
	return r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '」' || r == '』' || r == '）'
}

// splitRun cuts one run of text into sentences.
func splitRun(run string) []string {
	var out []string
	start := 0
	for i := 0; i < len(run); {
		if c := run[i]; c < utf8.RuneSelf && c != '.' && c != '!' && c != '?' {
			i++ // most of the text: ASCII that ends nothing
			continue
		}
		r, size := utf8.DecodeRuneInString(run[i:])
		if !isTerminal(r) {
			i += size
			continue
		}
		// The end of the punctuation and of any closing quotes or brackets.
		end := i
		for end < len(run) {
			r2, s2 := utf8.DecodeRuneInString(run[end:])
			if !isTerminal(r2) {
				break
			}
			end += s2
		}
		for end < len(run) {
			r2, s2 := utf8.DecodeRuneInString(run[end:])
			if !isCloser(r2) {
				break
			}
			end += s2
		}
		next := end
		for next < len(run) {
			r2, s2 := utf8.DecodeRuneInString(run[next:])
			if !unicode.IsSpace(r2) {
				break
			}
			next += s2
		}
		// No space after the punctuation: no boundary ("3.5", "U.S.-led"),
		// except after 。！？, which no space follows — unless a closing quote
		// does and the sentence goes on ("「本当？」と彼は聞いた。") — or
		// where a flattened page glued two paragraphs (gluedStop). (One
		// append for both kinds of cut keeps out's first growth on the
		// stack.)
		var cut bool
		if next == end && next < len(run) && (!fullWidthEnd(r) || end > i+size) {
			cut = r == '.' && gluedStop(run[start:i], run[end:])
		} else {
			cut = next < len(run) && boundary(run[start:i], r, run[i:end], run[next:])
		}
		if cut {
			out = append(out, strings.TrimSpace(run[start:end]))
			start = next
		}
		i = next
	}
	if tail := strings.TrimSpace(run[start:]); tail != "" {
		out = append(out, tail)
	}
	return out
}

// boundary decides whether the punctuation punct (starting with rune p), after the
// sentence text before, ends a sentence given the text that follows.
func boundary(before string, p rune, punct, after string) bool {
	first, _ := utf8.DecodeRuneInString(after)
	if unicode.IsLower(first) {
		return false // `"Why?" he asked`, "5 p.m. on Monday"
	}
	ellipsis := p == '…' || strings.HasPrefix(punct, "..")
	if ellipsis && unicode.IsDigit(first) {
		return false // "The dress is made of pearls ... 6,000 white Akoya pearls."
	}
	if p != '.' || ellipsis {
		return true // !, ?, and an ellipsis before a capital
	}
	// Only a lone period after a word is ambiguous.
	if strings.ContainsAny(punct, `"'”’)]`) {
		return true
	}
	word := lastWord(before)
	lower := strings.ToLower(word)
	initial, _ := utf8.DecodeRuneInString(word)
	switch {
	case word == "":
		return true
	case unicode.IsUpper(initial) && (strings.HasPrefix(after, "—") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "-")):
		return false // a dateline's state before its dash: "NAPA COUNTY, Calif. — A plan"
	case titles[lower]:
		return false // Mr. Smith, Gen. Ham
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]):
		return false // John F. Kennedy
	case isListNumber(before, word):
		return false // "1. Make sure"
	case len(word) <= 2 && strings.Trim(word, "0123456789") == "" && ordinalMonths[strings.ToLower(firstWord(after))]:
		return false // a day before its month, as German and the Nordic languages write it: "Am 5. Februar"
	case strings.Contains(word, ".") && !strings.ContainsAny(word, "0123456789") || abbreviations[lower]:
		// U.S., a.m., Inc.: a sentence ends only if an ordinary sentence opener
		// follows. A number with a decimal point ("4.5%", "$4.2m") is no
		// initialism: "Profits rose 4.5%. Sales fell." is two sentences.
		return startsSentence(after)
	case months[lower]:
		return !unicode.IsDigit(first) && startsSentence(after)
	}
	return true
}

// gluedStop reports whether a full stop with no space after it still ends a
// sentence: a flattened page glues its paragraphs together ("… in 2015.In a
// televised address …", "(AP).Less than a day", "website.He said"). The next
// word must be a capitalized word of more than one letter with no full stop in
// it ("3.5", "U.S.", "Ph.D", "Halo.Bungie.Org" stay whole); after a word that is
// capitalized, holds a full stop or is a title ("One.Tel", "Mr.Benn") it must
// also be a sentence opener ("Division.Those"); after a closing bracket or
// quote it need not.
func gluedStop(before, after string) bool {
	end := strings.IndexFunc(after, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':' })
	if end < 0 {
		end = len(after)
	}
	next := strings.TrimSuffix(after[:end], ".")
	first, n := utf8.DecodeRuneInString(next)
	second, _ := utf8.DecodeRuneInString(next[n:])
	if !unicode.IsUpper(first) || !unicode.IsLower(second) || strings.Contains(next, ".") {
		return false
	}
	word := lastWord(before)
	if word == "" {
		return false
	}
	initial, _ := utf8.DecodeRuneInString(word)
	last, _ := utf8.DecodeLastRuneInString(word)
	plain := isCloser(last) || !unicode.IsUpper(initial) && !strings.Contains(word, ".") && !titles[strings.ToLower(word)] &&
		(unicode.IsLower(last) || unicode.IsDigit(last))
	return plain || startsSentence(after)
}

// lastWord returns the run of non-space characters at the end of s, without
// opening quotes or brackets.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	return strings.TrimLeft(s[i+1:], `"'“‘([`)
}

// isListNumber reports whether word, all that comes before a full stop, is
// the number of an item in a numbered list: "1. Finland", "100. Ray Gillen"
// (a top 100).
func isListNumber(before, word string) bool {
	if strings.TrimSpace(before) != word || len(word) > 3 {
		return false
	}
	for _, r := range word {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// startsSentence reports whether s begins with a word that usually opens a
// sentence: a capitalized function word.
func startsSentence(s string) bool {
	s = strings.TrimLeft(s, `"'“‘([`)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	w := s[:end]
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return false
	}
	return openers[strings.ToLower(w)]
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// titles precede a name and never end a sentence.
var titles = wordSet(`mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep
rev hon st mt ft messrs pres supt det insp cpl pvt brig cdr fr gens cols
ks św im płk mjr kpt inż mec`) // Polish: "ks. Jan", "Stadion im. Alfreda Smoczyka"

// abbreviations may end a sentence, but usually don't.
var abbreviations = wordSet(`inc corp ltd co vs etc approx dept est no nos vol fig
al cf ca ave blvd rd jr sr
zob tzw np ok wg ws nr pkt ul godz`) // Polish: "(zob. Aneks)", "tzw. Zielony Ład"

var months = wordSet(`jan feb mar apr jun jul aug sep sept oct nov dec`)

// ordinalMonths are the months of the languages that write a day of the month
// as an ordinal with a full stop ("5. Februar", "20. april", "5. února").
var ordinalMonths = wordSet(`januar jänner februar feber märz april mai juni juli august september oktober november dezember
jan feb mär apr jun jul aug sep sept okt nov dez
marts mars maj desember december
ledna února března dubna května června července srpna září října listopadu prosince`)

// firstWord returns the letters s begins with.
func firstWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// openers are words that often start a sentence, used to tell "in the U.S. The
// move" from "U.S. officials".
var openers = wordSet(`the a an he she it they we i you his her its their our this
that these those there here but and so yet if when while after before as in on at
for from with by to of meanwhile however since although though because despite
during last next now then one two three some many most all both each no not what
who why how where which`)

// appendUnglued appends sentence s to out, cut where a caption without a full
// stop runs into the next sentence: a lower-case word, then a capitalized word
// that opens sentences ("The", "He", "A"), then a lower-case word ("… his RBS
// pension pot A respected NatWest bank manager …").
func appendUnglued(out []string, s string) []string {
	start := 0
	var prev, cur string // the two words before the one being read
	curAt := 0
	for i := 0; i < len(s); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		at := i
		for i < len(s) && s[i] != ' ' {
			i++
		}
		next := s[at:i]
		if gluedOpener(cur) && isLowerWord(prev) && isLowerWord(next) &&
			!((cur == "A" || cur == "An") && openers[next]) { // "from A to Z"
			if part := strings.TrimSpace(s[start:curAt]); hasWordChar(part) {
				out = append(out, part)
			}
			start = curAt
		}
		prev, cur, curAt = cur, next, at
	}
	if hasWordChar(s[start:]) {
		out = append(out, s[start:])
	}
	return out
}

// isLowerWord reports whether w is a plain lower-case word or number, with no
// punctuation after it.
func isLowerWord(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	last, _ := utf8.DecodeLastRuneInString(w)
	return (unicode.IsLower(first) || unicode.IsDigit(first)) && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// gluedOpener reports whether w is a capitalized word that opens sentences
// often and stands inside one rarely.
func gluedOpener(w string) bool {
	switch w {
	case "The", "A", "An", "He", "She", "It", "They", "His", "Her", "Their", "This", "These", "In":
		return true
	}
	return false
}
