package summarize

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/summarize/text"
)

// Answer is what the article says in reply to a question.
type Answer struct {
	// Answerable is false when the article does not cover the question; Evidence
	// is then empty.
	Answerable bool
	// Evidence holds the sentences that answer the question, in article order.
	Evidence []string
	// Missing lists the question's words that appear nowhere in the article, to
	// tell the user what the article lacks.
	Missing []string
	// Unsettled is, when the article says that what is asked is not known or
	// not public yet ("No wedding plans have been set yet"), the sentence
	// that says so, quoted in the reply.
	Unsettled string
	// Reply is the model's wording of the answer; empty on the extractive path,
	// where the evidence is the answer.
	Reply string
	// Method says how the answer was made, for the reply's footer.
	Method string
	// Tokens is what the model call cost.
	Tokens int
}

// NotCovered begins every reply to a question the article does not answer.
const NotCovered = "The article doesn't say"

// Text returns the answer as one line: the evidence, or a sentence that begins
// with NotCovered.
func (a Answer) Text() string {
	if a.Answerable && a.Reply != "" {
		return a.Reply
	}
	if a.Answerable {
		return strings.Join(a.Evidence, " ")
	}
	if a.Unsettled != "" {
		return NotCovered + " — it says only: “" + a.Unsettled + "”"
	}
	if len(a.Missing) > 0 {
		return NotCovered + " — it never mentions " + joinWords(a.Missing) + "."
	}
	return NotCovered + "."
}

func joinWords(ws []string) string {
	quoted := make([]string, len(ws))
	for i, w := range ws {
		quoted[i] = "“" + w + "”"
	}
	if len(quoted) <= 2 {
		return strings.Join(quoted, " or ")
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}

// Coverage below which a question counts as not answered: the share of the
// question's weight (IDF) that the best sentence matches.
const minCoverage = 0.25

// closeBehind is the share of the best sentence's score at which a runner-up
// is as good an answer, and is quoted with it.
const closeBehind = 0.8

// BM25 parameters, the usual values.
var (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// candidate is a sentence scored against a question.
type candidate struct {
	i        int
	score    float64
	coverage float64 // share of the question's IDF weight the sentence matches
}

// fullName is 1 when the sentence names someone or something in full — two
// capitalized words in a row — that the question does not.
func fullName(toks []token, q bound) float64 {
	if !q.wantsName {
		return 0
	}
	for k := 1; k < len(toks); k++ {
		if toks[k].name && toks[k-1].name && !q.has(toks[k]) && !q.has(toks[k-1]) {
			return 1
		}
	}
	return 0
}

// Weights of the answer cues on top of BM25, set on qa-cloze-dev (see
// docs/EVAL.md); each is one simple, general signal.
const (
	weightSlot = 3.0 // a cloze blank's neighbours around a possible answer
	weightType = 0.2 // a name, number or date the question does not have
	weightFull = 0.4 // a full name the question does not have, for "who"
)

// hasAnswerType reports whether sentence i holds a possible answer of the kind
// the question wants, counting numbers written as words ("five", "six
// million") as numbers.
func (d *Doc) hasAnswerType(i int, q bound) bool {
	switch q.quantity {
	case money:
		return givesSum(d.Sentences[i]) || q.change && percentRE.MatchString(d.Sentences[i]) || freeRE.MatchString(d.Sentences[i]) ||
			currencyRE.MatchString(d.Sentences[i]) && slices.ContainsFunc(d.toks[i], d.numberWord) // "four million pounds"
	case count:
		return hasCount(d.Sentences[i]) || d.hasNumberWord(i, q)
	case scoreline:
		return scoreRE.MatchString(d.Sentences[i])
	}
	if q.wantsDate {
		// A date ("in 2008", "on Friday") or a day given as an ordinal
		// ("on the 18th"); a name is no answer to "when" ("… before the
		// start of the Olympics"), nor is any other number ("a 30 ton
		// trailer").
		return q.dated(d.Sentences[i])
	}
	if q.amount {
		return givesAmount(d.Sentences[i])
	}
	return answerType(d.Sentences[i], d.toks[i], q) > 0 || q.wantsNumber && d.hasNumberWord(i, q)
}

// givesAmount reports whether a sentence gives an amount, as "how much" of
// something asks: a sum of money, a percentage, a number with its unit ("59
// litres", "2.5 million barrels", "thirty times") or on its own ("rose to
// 43.305 against the dollar") — not a count of things ("400 customers", "800
// parents"), which answers "how many", nor a year.
func givesAmount(s string) bool {
	if givesSum(s) || percentRE.MatchString(s) || spelledAmountRE.MatchString(s) {
		return true
	}
	for _, m := range countRE.FindAllStringSubmatchIndex(s, -1) {
		if yearRE.MatchString(s[m[2]:m[3]]) || dayOfMonth(s[m[3]:]) {
			continue
		}
		rest := s[m[3]:]
		if len(rest) > 1 && rest[0] == ',' && '0' <= rest[1] && rest[1] <= '9' {
			rest = strings.TrimLeft(rest[1:], "0123456789") // the decimals of "11,1 Litern"
		}
		next := ""
		for _, w := range text.Words(rest) {
			if !scaleWords[strings.ToLower(w)] {
				next = strings.ToLower(w)
				break
			}
		}
		if next == "" || text.IsStopword(next) || unitRE.MatchString(next) {
			return true
		}
	}
	return false
}

// scaleWords make a number bigger without saying what it counts.
var scaleWords = map[string]bool{"thousand": true, "million": true, "billion": true, "trillion": true, "m": true, "bn": true,
	"tausend": true, "millionen": true, "milliarde": true, "milliarden": true, "mio": true, "mrd": true} // German

// scaleOrUnit are the terms of the words for a scale or a unit that may come
// between a count and what it counts, in the languages questions are read in,
// and the "de" that joins them (no English stopword).
var scaleOrUnit = termSet("de thousand million billion trillion millions milliard milliards millones millón mil tausend millionen milliarden " +
	"tonne tonnes ton tons tonelada toneladas kilo kilos kilogram kilogramm litre litres liter gallon barrel hectare hectares acre acres")

// unitRE matches the units amounts are given in.
var unitRE = regexp.MustCompile(`^(?:litres?|liters?|gallons?|barrels?|tonnes?|tons?|kg|kilos?|kilograms?|grams?|ounces?|lbs?|metres?|meters?|km|kilometres?|miles?|feet|acres?|hectares?|times|fold|mbps|kbps|gb|mb|tb|(?:kilo|mega|giga|tera)?bytes?|(?:kilo|mega|giga|tera)?watts?(?:-hours?)?|[kmgt]wh|calories|units?|points?` +
	// German: "262 Metern", "44 Quadratkilometern", "560.000 Tonnen",
	// "40 Millionen Kubikmeter", "11,9 Grad".
	`|(?:quadrat|kubik)?(?:kilo|zenti|milli)?metern?|tonnen|litern?|grad)$`)

// spelledAmountRE finds amounts in words: "thirty times", "a third", "by
// half" (not "the first half"), and in German, Spanish and French with their
// scale: "fünf Millionen Hektar", "tres mil toneladas".
var spelledAmountRE = regexp.MustCompile(`(?i)\b(?:(?:` + spelledNumberAlt + `) (?:(?:million|millionen|millones|millions|milliarden|milliards|mil) )?` +
	`(?:times|(?:kilo|mega|giga|tera)bytes|litres|tonnes|barrels|gallons|hektar|hectáreas|hectares|tonnen|toneladas|litern?|litros|kilometern?|kilómetros|metern?|metros|grad|grados)` +
	`|(?:a|one|two) (?:third|quarter)s?|by half)\b`)

// hasNumberWord reports whether sentence i has a number written as a word
// that the question does not already have.
func (d *Doc) hasNumberWord(i int, q bound) bool {
	return slices.ContainsFunc(d.toks[i], func(t token) bool { return d.numberWord(t) && !q.has(t) })
}

// near reports whether a sentence covers enough of a question to hold its
// answer when it has the kind of answer wanted: half of what a sentence
// without it needs.
func near(c candidate) bool { return c.score > 0 && c.coverage >= minCoverage/2 }

// typedAnswer reports whether one of the best sentences, though they cover
// little of a question about a sum of money, a count or a measure, still
// answers it by giving one: "a $1.2bn oil pipeline" for "How much will the
// pipeline cost?", "the 1.3m (4.2ft) Emiew" for "How tall is the robot?".
func (d *Doc) typedAnswer(ranked []candidate, q bound) bool {
	if q.cloze {
		return false
	}
	top := ranked[:min(typedReach, len(ranked))]
	if q.measure != nil && !q.change {
		// "How tall is the robot?" — "the 1.3m (4.2ft) Emiew was the
		// world's quickest-moving robot": the measure asked for, beside the
		// thing, in words other than the question's.
		return slices.ContainsFunc(top, func(c candidate) bool {
			return near(c) && slices.ContainsFunc(q.measure, func(form *regexp.Regexp) bool { return measures(form, d.Sentences[c.i]) })
		})
	}
	if q.quantity == anyNumber && !q.change {
		return false
	}
	return slices.ContainsFunc(top, func(c candidate) bool {
		if q.quantity == anyNumber {
			// By how much shares fell: "closed down 8%", not the
			// sale's $9.3bn.
			return near(c) && percentRE.MatchString(d.Sentences[c.i])
		}
		return near(c) && d.hasAnswerType(c.i, q)
	})
}

// givenInstead reports whether a question whose predicate names the quantity
// it asks for ("cost", "pay", "score", "last") is answered by one the article
// gives without that word ("a $1.2bn pipeline", "Hearts's 2-1 defeat", "a
// five-year project").
func (d *Doc) givenInstead(ranked []candidate, q bound) bool {
	named := q.quantity == money && moneyWords[q.predicate] || q.quantity == scoreline && q.predicate == scoreTerm ||
		q.change && changeWords[q.predicate] ||
		durationWords[q.predicate] && slices.Contains(q.measure, durationRE) // "How long will the project run?" — "a new five-year project"
	if !named {
		return false
	}
	if q.quantity == money && d.givenNext(ranked[:min(typedReach, len(ranked))], func(j int) bool { return d.hasAnswerType(j, q) }) >= 0 {
		return true // "Rocket Pass 4 will begin … It will run you 10 keys ($10)."
	}
	return d.typedAnswer(ranked, q)
}

// measures reports whether a form of a measure finds one in s; a duration
// that only says how long after or before something else ("three days after
// Turkmenistan cut off gas") is no span of what is asked about. Only for
// whether the article gives the measure at all (typedAnswer): the sentence
// quoted may still give one so ("available for seven days after broadcast"
// answers "For how long after broadcast …?"; counting it out there lost three
// such answers).
func measures(form *regexp.Regexp, s string) bool {
	if form != durationRE {
		return form.MatchString(s)
	}
	for _, m := range durationRE.FindAllStringIndex(s, -1) {
		if !offsetRE.MatchString(s[m[1]:]) {
			return true
		}
	}
	return false
}

// offsetRE finds, after a duration, the word that makes it a time's distance
// from another: "three days after", "two years ago".
var offsetRE = regexp.MustCompile(`^\s*(?:after|before|ago|later|earlier)\b`)

// durationWords are the terms of the verbs that say only that something
// lasts, which a question for how long uses and a duration answers in other
// words.
var durationWords = termSet("last run take span continue")

// numberWord reports whether a word is a number written out ("five"), not
// part of a name ("Six Nations").
func (d *Doc) numberWord(t token) bool {
	return t.id >= 0 && !t.name && numberWords[d.termList[t.id]]
}

// manyWords are the terms of the numbers written as words that give no figure
// ("hundreds of thousands of tarot decks").
var manyWords = termSet("hundreds thousands millions billions dozens")

// numberWords are the terms of numbers written as words, in the form the
// article's terms have ("fünf" as "funf"), and the German words for how many
// times ("zweimal", "zwölfmal").
var numberWords = termSet(foldAll(spelledNumbers + " hundreds thousand thousands million millions billion billions dozen dozens " +
	"einmal zweimal dreimal viermal fünfmal sechsmal siebenmal achtmal neunmal zehnmal elfmal zwölfmal zwanzigmal hundertmal"))

// countedTerms returns, for a "how many" question that asks for a count
// (quantity count), the term numbers of the words it counts ("How many of the
// women …" → women), as the article numbers them; nil for other questions or
// words the article lacks.
func (d *Doc) countedTerms(question, lang string) []int32 {
	return d.counted(question, false, lang)
}

// countsNone reports whether a "how many" question (quantity count) asks for
// a count of something the article never counts: no number comes before the
// counted word, or a word related to it, anywhere in it (nor a place in an
// order, countsInOrder, nor a number after it and "of", countsAfterOf); or,
// for a count of a kind ("manufacturing jobs": qualified, with the kind's
// terms, as countModifier returns them), none in or right after a sentence
// with the kind. A sentence with other numbers
// ("losses of £51.6m" for "How many miners …?") is then no answer. (A bare
// number after the word is none: "loans rose to 83,000" does not count
// mortgages, and such questions are declined — one of the 100 answerable on
// docs/natural-dev.jsonl, against three more of its 50 unanswerable declined.)
func (d *Doc) countsNone(question, lang string, kind []int32, qualified bool) bool {
	ids := d.counted(question, true, lang)
	for i := range d.Sentences {
		if !d.countsNoun(i, ids) && !d.countsInOrder(i, ids) && !d.countsAfterOf(i, ids) && !d.countedNext(i-1, ids) {
			continue
		}
		if qualified && !d.ofKind(i, kind) {
			continue // "146,000 jobs were added" counts no manufacturing jobs
		}
		return false
	}
	return true
}

// countedNext reports whether sentence i names what is counted and the next
// one gives the count alone, the noun left for the reader to carry over: "I'm
// still planting fruit trees in my backyard. At last count, I have 34—one for
// each year …".
func (d *Doc) countedNext(i int, counted []int32) bool {
	if i < 0 || i+1 >= len(d.Sentences) || len(counted) == 0 || !d.hasAny(i, counted...) || d.hasAny(i+1, counted...) {
		return false
	}
	next := d.Sentences[i+1]
	for _, m := range bareCountRE.FindAllStringSubmatchIndex(next, -1) {
		if !yearRE.MatchString(next[m[2]:m[3]]) && !percentRE.MatchString(next) {
			return true
		}
	}
	return false
}

// bareCountRE finds a number that counts nothing named after it, said to be
// had or to be how many there are ("I have 34—one for each year", "there
// are now 12."): before a dash, a comma or the sentence's end, or "of them".
var bareCountRE = regexp.MustCompile(`\b(?:have|has|had|own|owns|owned|are|were|total|totals|totalled|number|numbered)\s+(?:now\s+|only\s+|just\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+|at least\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?:\s?[—–]|[,;:]\s|[.!?]?["”’]?$| of them\b)`)

// countModifier returns, for a question that counts something qualified by a
// lower-case word before it ("How many manufacturing jobs were added?", "How
// many tobacco factories does China have?"), the term numbers of that word
// and of the words related to it, and true: a count answers it only in, or
// right after, a sentence that has one of them. (None, when the article never
// uses the word in any form: nothing it counts is so qualified.) It returns
// false for other questions, and for a name ("Scottish regiments"), a
// compound ("with-profits policyholders"), a possessive ("customers'
// details") or a word that qualifies nothing that counts ("new jobs").
func (d *Doc) countModifier(question string) ([]int32, bool) {
	i := strings.Index(strings.ToLower(question), "how many ")
	if i < 0 {
		return nil, false
	}
	ws := strings.Fields(question[i+len("how many "):])
	if len(ws) < 3 || !auxiliaries[strings.ToLower(ws[2])] {
		return nil, false // "how many jobs were …", "how many people visited …"
	}
	mod := ws[0]
	if capitalized(mod) || strings.ContainsAny(mod, "-'’") || text.IsStopword(mod) || text.IsStopword(strings.ToLower(ws[1])) || vagueQualifiers[mod] {
		return nil, false
	}
	t := text.Term(mod)
	var ids []int32
	if id := d.termID(t); id >= 0 {
		ids = append(ids, id)
	}
	return append(ids, d.relatedIDs(t)...), true
}

// ofKind reports whether sentence i, or the one before it, has one of the
// terms countModifier returned.
func (d *Doc) ofKind(i int, mods []int32) bool {
	return d.hasAny(i, mods...) || i > 0 && d.hasAny(i-1, mods...)
}

// vagueQualifiers qualify a counted noun without naming a kind of it: "How
// many new jobs …?" is answered by a count of jobs, "How many world leaders
// …?" by "more than 20 government leaders".
var vagueQualifiers = wordSet("new more other different separate extra additional world")

// countsInOrder reports whether sentence i gives a count as a place in an
// order written in words, of someone's ("his ninth Budget", "her second
// Australian Open title") or in a run ("a ninth successive game without a
// win"): not "the second try", the match's and not the player's. It answers
// only where no sentence near the question gives the count in figures or
// words: "Six Chris Paterson penalties" answers better than "a third
// Paterson penalty on 50 minutes".
func (d *Doc) countsInOrder(i int, counted []int32) bool {
	s := d.Sentences[i]
	for _, m := range inOrderRE.FindAllStringSubmatchIndex(s, -1) {
		if d.namesCounted(s[m[2]:m[3]], counted) {
			return true
		}
	}
	return false
}

// countsAfterOf reports whether sentence i gives a count after what it
// counts and "of": "pre-orders of more than 1.5 million in the US alone",
// "a crowd of 40,000" — not a sum, a share or a year ("sales of $5bn", "a
// rise of 5%") — or after its participle and "in" or "for" (countForRE).
func (d *Doc) countsAfterOf(i int, counted []int32) bool {
	s := d.Sentences[i]
	for _, re := range countAfterREs {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if strings.HasPrefix(s[m[1]:], "%") || strings.HasPrefix(s[m[1]:], " per") || yearRE.MatchString(s[m[4]:m[1]]) {
				continue
			}
			w := s[m[2]:m[3]]
			w = w[strings.LastIndexByte(w, '-')+1:] // "pre-orders": its last part, as the question's words are split
			if slices.Contains(counted, d.termID(text.Term(text.Normalize(w)))) {
				return true
			}
		}
	}
	return false
}

// countOfRE finds a word, "of" and a number after it, with what may come
// between ("more than", "about").
var countOfRE = regexp.MustCompile(`\b([\p{L}-]*\p{L}) of (?:more than |over |about |around |almost |nearly |some |up to )?(` + countAlt + `)`)

// countForRE finds a participle, "in" or "for" and a number after it: the
// count of what the participle's noun names ("nominated in 11 categories",
// "nominated for five prizes" — nominations).
var countForRE = regexp.MustCompile(`\b(\p{L}+ed) (?:in|for) (?:more than |over |about |around |almost |nearly |some |up to )?(` + countAlt + `)`)

// countAfterREs are the forms countsAfterOf reads: what is counted in group
// 1, the count in group 2.
var countAfterREs = []*regexp.Regexp{countOfRE, countForRE}

// countAlt matches a number in figures or words.
var countAlt = `(?:\d[\d,.]*|` + spelledNumberAlt + `)(?: (?:million|billion|thousand|hundred))?\b`

// inOrderRE finds a place in an order written in words, past the first (which
// counts one no more than "the" does), of someone's or ending a run, with the
// words that follow, which may say what is counted.
var inOrderRE = regexp.MustCompile(`(?i)\b(?:(?:his|her|their|its) ` + ordinalAlt + `|` + ordinalAlt + ` (?:successive|consecutive|straight))((?: [\p{L}'’-]+){1,3})`)

// ordinalAlt matches the places in an order from the second to the twentieth,
// written in words.
const ordinalAlt = `(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)`

// counted returns what countedTerms does, or with related set, the term
// numbers of all the question's counted words and of the words related to
// them: the words after "how many" up to its verb ("attended" in "How many
// delegates attended …?", which "120,000 trade professionals attended"
// answers), not what the verb takes ("Linux" in "How many customers use
// Linux?", which "$300m into a three-year Linux program" does not).
func (d *Doc) counted(question string, related bool, lang string) []int32 {
	var out []int32
	content := false // a content word has been read
	verb, _, _ := predicate(question)
	pastVerb := false
	for _, w := range wordsAfterHowMany(question) {
		if text.IsStopword(w) {
			if len(out) > 0 || related && content {
				break
			}
			continue
		}
		if pastVerb {
			break // "How many IBM customers use Linux?" counts no Linux
		}
		pastVerb = content && strings.EqualFold(w, verb)
		content = true
		if id := d.termID(text.Term(w)); id >= 0 {
			out = append(out, id)
		}
		out = append(out, d.formsIn(lang, text.Term(w))...) // "Autohäuser" counted as "2.000 Autohäusern"
		if related {
			out = append(out, d.relatedIDs(text.Term(w))...)
			if id := d.termID(peopleTerm); id >= 0 && countsPeople(w, question) {
				// "How many spectators …?" — "70,000 people".
				out = append(out, id)
			}
		}
		if len(out) == 2 && !related {
			break
		}
	}
	return out
}

// countsNoun reports whether sentence i gives a number just before one of the
// counted words ("800,000 members", "five roles"), within three words, or
// after "the number of" them (numberTerms: "the number of Britons dead or missing has
// reached 440"; not "the number of youngsters taking exams drops by 70%",
// which is a change), or after the word and a noun for its tally
// ("swelling its subscriber base to 5.4 million").
func (d *Doc) countsNoun(i int, counted []int32) bool {
	toks := d.toks[i]
	for p, t := range toks {
		if t.id >= 0 && numberTerms[d.termList[t.id]] && !percentRE.MatchString(d.Sentences[i]) {
			for k := p + 1; k < min(len(toks), p+4); k++ {
				if slices.Contains(counted, toks[k].id) && slices.ContainsFunc(toks[k+1:], func(t token) bool { return t.num || d.numberWord(t) }) {
					return true
				}
			}
		}
		if slices.Contains(counted, t.id) && !percentRE.MatchString(d.Sentences[i]) {
			// "its subscriber base to 5.4 million", "the jobless total rose
			// to 5 million", "vehicle unit sales in 2004 were 6,798,000" —
			// not "ticket sales rose by 20%".
			for k := p + 1; k < min(len(toks), p+3); k++ {
				if toks[k].id >= 0 && tallyNouns[d.termList[toks[k].id]] && slices.ContainsFunc(toks[k+1:], func(t token) bool { return t.num || d.numberWord(t) }) {
					return true
				}
			}
		}
		if !t.num && !d.numberWord(t) {
			continue
		}
		if t.num && t.id >= 0 && yearRE.MatchString(d.termList[t.id]) && !(p+1 < len(toks) && slices.Contains(counted, toks[p+1].id) && d.yearCounts(i, d.termList[t.id])) {
			continue // "In 2004 IBM said …", not "2056 Menschen befragt"
		}
		if t.num && slices.Contains(counted, t.id) {
			continue // the question's own number, part of a name: "How many COVID-19 cases …?"
		}
		ordinal := d.ordinal(t)
		// Within three words; or further when only the count's scale and
		// unit come between: "24 milliards de tonnes de terres" (not "7.4
		// million households have Sky boxes").
		measured := true
		for k := p + 1; k < min(len(toks), p+8) && (measured || k < p+4); k++ {
			if ordinal && toks[k].stop {
				break
			}
			if slices.Contains(counted, toks[k].id) {
				return true
			}
			measured = measured && (toks[k].stop || toks[k].id >= 0 && scaleOrUnit[d.termList[toks[k].id]])
		}
	}
	// Or some of a group, the count before "of the" and what it counts
	// after: "covering eight of the scene's biggest stars" (not a share,
	// "one in ten of the bank's customers").
	s := d.Sentences[i]
	for _, m := range partitiveRE.FindAllStringSubmatchIndex(s, -1) {
		if shareRE.MatchString(s[:m[0]]) {
			continue
		}
		if d.namesCounted(s[m[2]:m[3]], counted) { // as written: "Carry On films" goes on
			return true
		}
	}
	return false
}

// namesCounted reports whether the words of s, up to its first stopword, have
// one of the counted terms: what a count just before them counts ("of the
// scene's biggest stars", "ninth successive game without a win").
func (d *Doc) namesCounted(s string, counted []int32) bool {
	for _, w := range strings.Fields(s) {
		if text.IsStopword(w) {
			return false
		}
		if slices.Contains(counted, d.termID(text.Term(text.Normalize(w)))) {
			return true
		}
	}
	return false
}

// shareRE finds the start of a share ("one in ten"), at the end of the text
// before a partitive.
var shareRE = regexp.MustCompile(`\b(?:one|\d+) in $`)

// partitiveRE finds a count of some of a group, with the words that follow,
// which may say what is counted: "eight of the scene's biggest stars", "nine
// of the popular Carry On films".
var partitiveRE = regexp.MustCompile(`\b(?:\d[\d,]*|` + spelledNumberAlt + `) of (?:the|its|their|his|her|our|these|those)((?: [\p{L}'’-]+){1,4})`)

// groupSized returns, for a question that counts the people of a group
// ("How many people were on the AFI jury?"), the sentence close to it among
// ranked that gives the group's size before naming it ("the 13-strong AFI
// jury"); -1 otherwise.
func (d *Doc) groupSized(ranked []candidate, q bound, question string) int {
	if q.quantity != count || q.cloze || !countsMembers(question) {
		return -1
	}
	for _, c := range ranked {
		if !near(c) {
			continue
		}
		s := d.Sentences[c.i]
		if !strings.Contains(s, "-") {
			continue
		}
		for _, m := range groupSizeRE.FindAllStringIndex(s, -1) {
			words := text.Words(s[m[1]:])
			if slices.ContainsFunc(words[:min(groupReach, len(words))], func(w string) bool { return slices.Contains(q.terms, text.Term(w)) }) {
				return c.i
			}
		}
	}
	return -1
}

// namedOrBack reports whether sentence i names what the question does, or
// goes on about it right after one that does ("Henman slumped to a
// straight sets defeat … The Croatian eighth seed booked his place …").
func (d *Doc) namedOrBack(i int, named func(int) bool) bool {
	return named(i) || i > 0 && named(i-1) && describesBack(d.Sentences[i])
}

// ordinal reports whether a word of the article is a place in an order
// written in figures, "14th", "2nd": a count of what it is right before
// ("Elvis' 19th UK number one", "his 23rd cap"), not of what comes after
// another word ("finished 14th in the vote" counts no votes).
func (d *Doc) ordinal(t token) bool {
	return t.num && t.id >= 0 && ordinalRE.MatchString(d.termList[t.id])
}

var ordinalRE = regexp.MustCompile(`^\d+(?:st|nd|rd|th)$`)

// countedAfterVerb returns, for a "how many" question, the sentence near it
// among ranked that gives a count right after the question's verb, as news
// does when it leaves out what it counts ("sold over one million", "the
// attack, which killed five,", "Real's ground holds 32,000"), or right
// before it and its auxiliary ("more than 130 had responded", "at least 30
// were injured") in a sentence that names what the question counts (not
// "150,000 were sold" for albums, when the tickets were); -1 otherwise. Not
// a year, a sum, a percentage or an age ("died aged 75").
func (d *Doc) countedAfterVerb(ranked []candidate, q bound, question string) int {
	if q.quantity != count || q.cloze || len(q.predicateIDs) == 0 {
		return -1
	}
	for _, c := range ranked {
		if !near(c) || !d.hasPredicate(c.i, q) {
			continue
		}
		s, found := d.Sentences[c.i], false
		text.EachWordAt(s, func(raw string, at int) {
			if found || !slices.Contains(q.predicateIDs, d.termID(text.Term(text.Normalize(raw)))) {
				return
			}
			m := countAfterVerbRE.FindStringSubmatch(s[at+len(raw):])
			if m == nil {
				m = tallyRE.FindStringSubmatch(s[at+len(raw):])
			}
			if m == nil {
				if m = countBeforeVerbRE.FindStringSubmatch(s[:at]); m != nil && !d.hasAny(c.i, d.counted(question, true, q.lang)...) {
					m = nil
				}
			}
			found = m != nil && !yearRE.MatchString(m[1])
		})
		if found {
			return c.i
		}
	}
	return -1
}

// countAfterVerbRE finds a bare count right after a verb: " over one
// million.", " five,", " 32,000 whereas" — not a sum, a percentage or a
// measure, which the unit after it shows.
var countAfterVerbRE = regexp.MustCompile(`^ (?:(?:over|more than|about|around|nearly|almost|some|just|only|all) )?(\d[\d,]*|` + spelledNumberAlt +
	`)(?: (?:million|billion|thousand))?(?:[,.;]| (?:and|but|whereas|while|in|on|at|last|this|so|since|before|after)\b|$)`)

// tallyRE finds a vote's tally right after its verb, the count for first:
// " 322 to 306 for", " by 322 votes to 306", " mit 322 zu 306 für", " por
// 322 votos a 306", " 5-4." — not a range, which a unit follows ("spend 15
// to 20 hours").
var tallyRE = regexp.MustCompile(`^ (?:by |mit |por |par |with )?(\d[\d,.]*)(?: (?:votes|stimmen|votos|voix))?(?: (?:to|zu|a|contre|against|gegen) |[-–])\d[\d,.]*` +
	`(?:[,;)]|\.?$|\. | (?:votes|stimmen|votos|voix|for|in|against|on|and|with|für|gegen|en|pour|contre|za|przeciw)\b)`)

// countBeforeVerbRE finds a bare count right before an auxiliary, which the
// question's verb follows: "more than 130 had ", "at least 30 were ", "five
// have now ". (A sum or a measure has its unit between: "$5m had".)
var countBeforeVerbRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N}.,$£€])(\d[\d,]*|(?i:` + spelledNumberAlt + `))(?: (?:million|thousand))? ` +
	`(?:had|have|has|were|was|are|is|will|would)(?: (?:been|now|already|also|since|so far))? $`)

// groupReach is how many words after its size a group's name may end: "the
// 44-man Lions tour squad".
const groupReach = 3

// groupSizeRE finds a group's size as news gives it, joined to a word for
// its members: "13-strong", "44-man", "a five-member panel".
var groupSizeRE = regexp.MustCompile(`(?i)\b(?:\d+|` + spelledNumberAlt + `)-(?:strong|man|woman|member|person)\b`)

// countsMembers reports whether a "how many" question counts people — its
// counted word one of memberNouns, personNouns or a people the question
// names.
func countsMembers(question string) bool {
	for _, w := range wordsAfterHowMany(question) {
		if !text.IsStopword(w) {
			return memberNouns[w] || countsPeople(w, question)
		}
	}
	return false
}

// wordsAfterHowMany returns the words of a question after its "how many",
// in lower case, where what it counts is named; nil for a question without
// one.
func wordsAfterHowMany(question string) []string {
	l := strings.ToLower(question)
	i := strings.Index(l, "how many")
	if i < 0 {
		return nil
	}
	return text.Words(l[i+len("how many"):])
}

// memberNouns are words a question counts the members of a group by.
var memberNouns = wordSet("people players members men women")

// countsPeople reports whether a question's counted word w (lower case)
// counts people, whom news counts as "people": one of personNouns, or a
// people the question names ("How many Germans …?" — "4.4 million people").
// Not "children", which a question about someone's family asks for.
func countsPeople(w, question string) bool {
	r, size := utf8.DecodeRuneInString(w)
	nation := (strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "ons")) &&
		strings.Contains(question, string(unicode.ToUpper(r))+w[size:])
	return personNouns[w] || nation
}

// personNouns are words for people that a question counts.
var personNouns = wordSet("spectators fans viewers visitors voters users customers subscribers workers staff employees " +
	"residents victims passengers students pupils adults citizens immigrants migrants refugees listeners readers athletes runners competitors")

// peopleTerm is the term of "people".
var peopleTerm = text.Term("people")

// scoreTerm is the term of "score", as in "What was the score?".
var scoreTerm = text.Term("score")

// newTerm is the term of "new", as in "Who is the new mayor?": an article
// whose title says it has a new mayor need not call her new again.
var newTerm = text.Term("new")

// standsForRE finds a question about what an abbreviation stands for.
var standsForRE = regexp.MustCompile(`^(?i:what (?:does|did|do) )(?:the )?(\p{Lu}[\p{L}&]*\p{Lu}\p{L}*) (?i:stand for)\W*$`)

// spellsOut reports whether sentence s spells out abbreviation abbr, as
// news does the first time it uses one: the words whose capitals it is
// (spellsAcronym), right before it in brackets — "the Financial Services
// Authority (FSA)", "Office of Fair Trading (OFT)" — or in brackets right
// after it.
func spellsOut(s, abbr string) bool {
	letters := strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) || r == '&' {
			return r
		}
		return -1
	}, abbr)
	if before, _, ok := strings.Cut(s, " ("+abbr+")"); ok {
		words := strings.Fields(before)
		return spellsAcronym(strings.Join(words[max(0, len(words)-2*len(letters)):], " "), letters)
	}
	if _, after, ok := strings.Cut(s, abbr+" ("); ok {
		inside, _, _ := strings.Cut(after, ")")
		return spellsAcronym(inside, letters)
	}
	return false
}

// matchFacts returns, for a question about when or where the match the
// article is about is played, who referees it or how many watched it, the
// lines of the match's card that say so, as sports pages give them apart
// from the text: the venue ("Murrayfield, Edinburgh"), day ("Saturday, 26
// February"), kick-off ("1400 GMT") and referee ("Howard Webb (South
// Yorkshire)") of a preview, the crowd ("9,796") under the teams of a
// report. It returns nil for other questions and for articles without such
// lines.
func (d *Doc) matchFacts(question string) []int {
	if !slices.ContainsFunc(matchWords, func(w string) bool { return strings.Contains(question, w) }) {
		return nil // most questions: no regexp below needs to run
	}
	line := func(re *regexp.Regexp) int {
		return slices.IndexFunc(d.Sentences, func(s string) bool { return re.MatchString(strings.TrimSpace(s)) })
	}
	is := func(j int, re *regexp.Regexp) bool {
		return j >= 0 && j < len(d.Sentences) && re.MatchString(strings.TrimSpace(d.Sentences[j]))
	}
	// The venue is the line over the day: no sentence, and no quote.
	venue := func(j int) bool { return j >= 0 && !strings.ContainsAny(d.Sentences[j], ".!?\"") }
	switch {
	case whenMatchRE.MatchString(question):
		if j := line(cardDayRE); j >= 0 {
			ev := []int{j}
			if venue(j - 1) {
				ev = []int{j - 1, j}
			}
			if is(j+1, cardTimeRE) {
				ev = append(ev, j+1)
			}
			return ev
		}
	case whereMatchRE.MatchString(question):
		if j := line(cardDayRE); j >= 0 && venue(j-1) {
			return []int{j - 1, j}
		}
		// Without a card, a report or preview names the ground in its
		// first lines, after "at": "… their Uefa Cup exit at the hands of
		// Auxerre at Ibrox on Wednesday", "meet on 12 March at Twickenham".
		if j := slices.IndexFunc(d.Sentences[:min(venueReach, len(d.Sentences))], namesVenue); j >= 0 {
			return []int{j}
		}
	case refereeRE.MatchString(question):
		// The referee's line comes under the kick-off.
		if j := line(cardDayRE); j >= 0 && is(j+1, cardTimeRE) && is(j+2, cardRefereeRE) {
			return []int{j + 2}
		}
	case crowdRE.MatchString(question):
		if j := line(cardCrowdRE); j >= 0 {
			return []int{j}
		}
		// Or a report's card line: "Goals: Giannakopoulos 41. Att: 50,430
		// Ref: S Dunn".
		if j := slices.IndexFunc(d.Sentences, cardAttRE.MatchString); j >= 0 {
			return []int{j}
		}
	}
	return nil
}

// venueReach is how many of an article's first sentences may name the ground
// of the match it reports.
const venueReach = 5

// namesVenue reports whether sentence s names a place after "at" — not a
// time ("at Christmas", "at 1500 GMT").
func namesVenue(s string) bool {
	return slices.ContainsFunc(atVenueRE.FindAllStringSubmatch(s, -1), func(m []string) bool { return !timeNames[m[1]] })
}

// timeNames are the capitalized words that name a time, not a place.
var timeNames = wordSet("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July " +
	"August September October November December Christmas Easter New")

var (
	// matchWords are the words one of which every question matchFacts
	// answers has.
	matchWords = []string{"match", "game", "final", "tie", "fixture", "referee", "attend", "crowd"}
	// whenMatchRE finds a question about when "the" match is: "When is the
	// match?", "When does the game kick off?".
	whenMatchRE = regexp.MustCompile(`(?i)^when (?:is|does|will) the (?:match|game|final|tie|fixture)(?: (?:kick off|start|begin|take place|be played))?\W*$`)
	// whereMatchRE finds a question about where it is: "Where is the match
	// being played?", "Where is the match between Brentford and
	// Southampton?".
	whereMatchRE = regexp.MustCompile(`(?i)^where (?:is|was|will) the (?:match|game|final|tie|fixture)(?: between [^?]+)?(?: (?:being |be )?(?:played|held))?\W*$`)
	// refereeRE finds a question about its referee.
	refereeRE = regexp.MustCompile(`(?i)^who (?:is|was|will) (?:the referee|referee the (?:match|game))\W*$`)
	// crowdRE finds a question about its crowd: "How many people watched
	// the match?", "What was the attendance?", and of a match report, "How
	// many people attended?".
	crowdRE = regexp.MustCompile(`(?i)^(?:how many (?:people|fans|spectators) (?:attended|watched|saw|were at)(?: the (?:match|game))?|what was the (?:attendance|crowd))\W*$`)
	// atVenueRE finds a name after "at": "at Ibrox", "at the Madejski
	// Stadium".
	atVenueRE = regexp.MustCompile(`\bat (?:the )?(\p{Lu}[\p{L}'’-]*)`)
	// cardDayRE, cardTimeRE and cardCrowdRE find a match card's lines.
	cardDayRE     = regexp.MustCompile(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? \d{1,2} \p{Lu}\p{Ll}+$`)
	cardTimeRE    = regexp.MustCompile(`^\d{4} (?:GMT|BST)$`)
	cardRefereeRE = regexp.MustCompile(`^\p{Lu}[\p{L}'.-]*(?: \p{Lu}[\p{L}'.-]*)+ \([\p{L} ]+\)$`)
	cardCrowdRE   = regexp.MustCompile(`^\d{1,3}(?:,\d{3})+\.?$`)
	cardAttRE     = regexp.MustCompile(`\bAtt(?:endance)?: \d{1,3}(?:,\d{3})+`)
)

// finalScoreRE finds a question for the final score of the match the
// article reports.
var finalScoreRE = regexp.MustCompile(`(?i)^what (?:was|is) the final score\W*$`)

// setsRE finds a match's score in sets, two or more in a row: "6-3 6-2",
// "7-6 (7-3), 6-4".
var setsRE = regexp.MustCompile(`\b\d{1,2}-\d{1,2}(?: \(\d{1,2}-\d{1,2}\))?,? \d{1,2}-\d{1,2}\b`)

// theMatchRE finds a score question about "the" match, with no more words
// than a word for one: "What was the score in the final?", "… of the game?"
// ("the final score" is not one: a report may give only the half-time score).
var theMatchRE = regexp.MustCompile(`(?i)\bscore (?:in|of) the (?:match|game|final|tie|clash|fixture|contest)\W*$`)

// yearCounts reports whether a year-like number in sentence i (where it
// first appears) is a count of the word right after it: "2056 Menschen in
// Deutschland befragt" — not after a word that puts a year after it ("in
// 2004 voters chose", "seit 2020 Menschen"), before a comma ("into 2005,
// delegates") or before a name ("the 2003 World Cup").
func (d *Doc) yearCounts(i int, year string) bool {
	sentence := d.Sentences[i]
	at := strings.Index(sentence, year)
	if at < 0 {
		return false
	}
	if before := strings.Fields(sentence[:at]); len(before) > 0 && yearWords[strings.ToLower(before[len(before)-1])] {
		return false
	}
	after := strings.Fields(sentence[at+len(year):])
	if len(after) == 0 || !strings.HasPrefix(sentence[at+len(year):], " ") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(after[0])
	if !unicode.IsLetter(first) {
		return false
	}
	if !unicode.IsUpper(first) {
		return true
	}
	next := ""
	if len(after) > 1 {
		next = after[1]
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r) // "2056 Menschen in …", not "2003 World Cup"
}

// yearWords are the words a year follows, in the languages questions are read
// in.
var yearWords = wordSet("in into since by until till from of during before after around early late mid the " +
	"im seit bis von vor nach ab um en de desde hasta para antes después dans depuis jusqu avant après w od do po przed em até após")

// numberTerms are the terms of "number", as in "the number of voters", and of
// Polish "liczba", which is a count's noun as it: "Liczba bezrobotnych
// wyniosła 534 tys.".
var numberTerms = termSet(foldAll("number liczba liczby liczbę"))

// halfCovered is the share of a question's weight a sentence must have for
// the next to give the sum, score or measure it asks about.
const halfCovered = 0.5

// thingBack reports whether a sentence opens with a pronoun for the thing the
// one before named: "It will run you 10 keys ($10).", "They cost £20 each."
func thingBack(s string) bool {
	return strings.HasPrefix(s, "It ") || strings.HasPrefix(s, "They ") || strings.HasPrefix(s, "This ")
}

// givenNext returns the sentence right after one of the best candidates
// (top) with at least half of the question, or near it and followed by a
// sentence that goes on about the same thing (thingBack), for which gives
// reports true, or -1: what a sentence says it is about, the next often
// gives ("Rocket Pass 4 will begin … on August 28. It will run you 10 keys
// ($10).").
func (d *Doc) givenNext(top []candidate, gives func(j int) bool) int {
	for _, c := range top {
		if j := c.i + 1; j < len(d.Sentences) && (c.coverage >= halfCovered || near(c) && thingBack(d.Sentences[j])) && gives(j) {
			return j
		}
	}
	return -1
}

// typedReach is how far down the ranking a question that wants a number or a
// date looks for a sentence that has one.
const typedReach = 3

// slotReach is how many words an answer may span between the blank's
// neighbours.
const slotReach = 4

// rank scores every sentence against the question, best first. With cues, more
// than BM25 counts: the kind of answer the question wants (a number, a date, a
// name the question does not already have), and for a cloze question the words
// on either side of the blank around such an answer.
func (d *Doc) rank(question string, cues bool) []candidate {
	return d.rankBound(d.bind(parseQuery(foundingAsked(question))), cues)
}

// rankBound is rank on a question already bound to the article.
func (d *Doc) rankBound(q bound, cues bool) []candidate {
	if len(q.terms) == 0 || len(d.Sentences) == 0 {
		return nil
	}
	total := 0.0
	idfs := make([]float64, len(q.terms))
	ids := make([]int32, len(q.terms)) // -1: in no sentence
	for k, t := range q.terms {
		ids[k] = d.termID(t)
		idfs[k] = d.idfOf(ids[k])
		if cues && ids[k] < 0 && (lightVerbs[t] || t == q.phrasal || len(q.related[k]) == 0 && t == q.kind || q.quantity == scoreline && t == scoreTerm || t == newTerm && d.titled(t)) {
			// "came third", "take at the box office": a light verb the
			// article does not use says little of what is asked, and its
			// related words less ("get" → "become"); nor does a verb whose
			// particle gives its meaning ("carried out"). Nor does the kind of
			// thing a "which" question asks for: an article names the club
			// ("the Everton striker") without the word, and gives a rate as
			// a percentage (kindAsked). Nor does "score" in "What was the
			// score when …?", which news gives as "won 2-0", nor "new" in
			// "Who is the new mayor?" when only the title says it.
			idfs[k] = 0
		}
		total += idfs[k]
	}
	var shares []float64 // of each term's weight in the score
	var surnames []int   // for a first name, the question's term of the surname after it
	phrased := -1        // the question's word news says in a phrase of its own (phrasedAs)
	if cues {
		phrased = slices.IndexFunc(q.terms, func(t string) bool { return phrasedAs[t] != nil })
		if phrased >= 0 && (ids[phrased] >= 0 || len(q.related[phrased]) > 0) {
			phrased = -1 // the article has the word, or one related to it
		}
		shares = d.phraseShares(ids)
		surnames = surnamesOf(q)
	}
	ranked := make([]candidate, len(d.Sentences))
	for i, terms := range d.terms {
		norm := bm25K1 * (1 - bm25B + bm25B*float64(len(terms))/max(d.avgLen, 1))
		score, covered := 0.0, 0.0
		continues := cues && i > 0 && describesBack(d.Sentences[i])
		for k, id := range ids {
			f, idf := 0.0, idfs[k] // a sentence has a dozen terms: counting beats a map
			for _, st := range terms {
				if st == id {
					f++
				}
			}
			if f == 0 && cues {
				// A word the article does not use counts, for less, by a
				// related word it does ("founded" by "founder").
				for _, alt := range q.related[k] {
					for _, st := range terms {
						if st == alt {
							f++
						}
					}
				}
				if k == phrased && phrasedAs[q.terms[k]].MatchString(d.Sentences[i]) {
					f++ // "Collins … takes over from Max Jones", "the £100,000-a-year job"
				}
				idf *= relatedWeight
			}
			if f == 0 && cues && q.spelled != nil && slices.Contains(q.spelled[k], i) {
				f = 1 // "Sony's PlayStation Portable" for PSP
			}
			if f == 0 && continues && slices.Contains(d.terms[i-1], id) {
				// A sentence that goes on about what the one before named
				// ("The title, developed by Valve, …" after "Half-Life 2 has
				// won …") has, for less, the words that named it.
				f, idf = 1, idfs[k]*inheritWeight
			}
			if f == 0 && surnames != nil && surnames[k] >= 0 && ids[surnames[k]] >= 0 && slices.Contains(terms, ids[surnames[k]]) {
				// News calls someone it has named in full by the
				// surname: "Scholl, 21, was arrested" is about Sophie
				// Scholl (for coverage, not the score).
				covered += idf
			}
			if f == 0 {
				continue
			}
			covered += idf
			if shares != nil {
				idf *= shares[k]
			}
			score += idf * f * (bm25K1 + 1) / (f + norm)
		}
		if cues && score > 0 {
			score *= 1 + weightSlot*slot(d.toks[i], q) + weightType*answerType(d.Sentences[i], d.toks[i], q) + weightFull*fullName(d.toks[i], q)
		}
		ranked[i] = candidate{i, score, covered / total}
	}
	slices.SortStableFunc(ranked, func(a, b candidate) int { return cmp.Compare(b.score, a.score) })
	// A name that the best sentence gives by surname alone leads with the
	// sentence that gives it in full, on the best sentence's merit; the best
	// sentence follows it.
	if cues && q.wantsName && ranked[0].score > 0 {
		if j := d.fullMention(ranked[0].i, q); j >= 0 {
			k := slices.IndexFunc(ranked, func(c candidate) bool { return c.i == j })
			ranked[k].score, ranked[k].coverage = ranked[0].score, ranked[0].coverage
			raise(ranked, k, 0)
		}
	}
	if cues {
		d.diversify(ranked, q)
	}
	return ranked
}

// surnamesOf returns, for each of a question's terms, the number of the last
// term of the name it begins or continues ("Sophie" in "Sophie Scholl": that
// of "Scholl"); -1 for the last and for terms that are no part of a name.
func surnamesOf(q bound) []int {
	if !slices.Contains(q.names[min(1, len(q.names)):], true) {
		return nil // no name of two words
	}
	out := make([]int, len(q.terms))
	for k := len(q.terms) - 1; k >= 0; k-- {
		out[k] = -1
		if k+1 < len(q.terms) && q.names[k] && q.names[k+1] {
			out[k] = k + 1
			if out[k+1] >= 0 {
				out[k] = out[k+1]
			}
		}
	}
	return out
}

// phraseShares returns the share of its weight each of a question's terms
// (by number) has in a sentence's score: the words of one name or phrase
// ("Polar Express", "box office") — next to each other in the question, in
// the same sentences of the article — score as one word, each of the n with
// 1/n; other words with all of it. Otherwise a two-word name would outweigh
// the word that says what is asked ("directed"). (Coverage still counts
// every word.)
func (d *Doc) phraseShares(ids []int32) []float64 {
	shares := make([]float64, len(ids))
	for k := 0; k < len(ids); {
		n := 1
		for k+n < len(ids) && d.sameSentences(ids[k], ids[k+n]) {
			n++
		}
		for j := k; j < k+n; j++ {
			shares[j] = 1 / float64(n)
		}
		k += n
	}
	return shares
}

// sameSentences reports whether two terms of the article are in exactly the
// same sentences, two or more (two words that meet once are no phrase yet).
func (d *Doc) sameSentences(a, b int32) bool {
	if a < 0 || b < 0 || d.dfs[a] != d.dfs[b] || d.dfs[a] < 2 {
		return false
	}
	for _, u := range d.uniq {
		_, hasA := slices.BinarySearch(u, a)
		_, hasB := slices.BinarySearch(u, b)
		if hasA != hasB {
			return false
		}
	}
	return true
}

// diversify reorders the runners-up so that each brings something the ones
// before it do not. A sentence in second or third place that nearly repeats one
// above it (as a photo caption repeats the lede) and names no new possible
// answer gives way to the next sentence that does not repeat, whatever its
// score; one that only repeats the names or numbers already shown gives way to
// the best later sentence that brings a new one and scores at least
// diversityRatio of it. The reader, and the answer, get more chances at the
// right one.
func (d *Doc) diversify(ranked []candidate, q bound) {
	shown := map[int32]bool{}
	// A number in words fills a number's place too: "hundreds of thousands
	// of tarot decks" is no repeat of the sentence above it that has none.
	filler := func(t token) bool {
		return fills(t, q) || q.wantsNumber && t.id >= 0 && !q.has(t) && manyWords[d.termList[t.id]]
	}
	fresh := func(i int) bool {
		return slices.ContainsFunc(d.toks[i], func(t token) bool { return filler(t) && !shown[t.id] })
	}
	show := func(i int) {
		for _, t := range d.toks[i] {
			if filler(t) {
				shown[t.id] = true
			}
		}
	}
	var above []int
	for pos := 0; pos < min(3, len(ranked)) && ranked[pos].score > 0; pos++ {
		if pos > 0 && !fresh(ranked[pos].i) {
			if d.redundant(ranked[pos].i, above) {
				for k := pos + 1; k < len(ranked) && ranked[k].score > 0; k++ {
					if fresh(ranked[k].i) || !d.redundant(ranked[k].i, above) {
						raise(ranked, k, pos)
						break
					}
				}
			}
			if !fresh(ranked[pos].i) {
				for k := pos + 1; k < len(ranked) && ranked[k].score >= diversityRatio*ranked[pos].score; k++ {
					if fresh(ranked[k].i) {
						raise(ranked, k, pos)
						break
					}
				}
			}
		}
		show(ranked[pos].i)
		above = append(above, ranked[pos].i)
	}
}

// raise moves ranked[k] up to place pos, the ones between down one place.
func raise(ranked []candidate, k, pos int) {
	c := ranked[k]
	copy(ranked[pos+1:k+1], ranked[pos:k])
	ranked[pos] = c
}

// diversityRatio is the least share of a displaced sentence's score that the
// sentence taking its place must have (set on qa-cloze-dev, docs/EVAL.md).
const diversityRatio = 0.3

// titles come before a surname without being part of the name.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true}

// isTitle reports whether a word of the article is a title such as "Mr".
func (d *Doc) isTitle(t token) bool { return t.id >= 0 && titles[d.termList[t.id]] }

// bound is a question with its terms numbered as in one article.
type bound struct {
	query
	knownIDs []bool // by term number: the question has the term
	// predicateIDs are the numbers of the article's terms that say what the
	// question's predicate says: the word itself and its related words
	// (even when the article also uses the word: "written" elsewhere,
	// "the chairman" here).
	predicateIDs []int32
	// related holds, for each of the question's terms that the article does
	// not use, the numbers of the article's terms related to it.
	related           [][]int32
	beforeID, afterID int32 // the blank's neighbours, -1 when none or not in the article
	// latestYear is, for a question about the future, the latest year the
	// article gives: an earlier one is past.
	latestYear int
	// spelled holds, for each of the question's abbreviations (by term
	// number), the sentences that spell it out ("Johnson & Johnson" for
	// J&J); nil when the question has none.
	spelled [][]int
}

// bind numbers a question's terms as the article does.
func (d *Doc) bind(q query) bound {
	b := bound{query: q, knownIDs: make([]bool, len(d.termList)), beforeID: -1, afterID: -1}
	b.related = make([][]int32, len(q.terms))
	for k, t := range q.terms {
		if id := d.termID(t); id >= 0 {
			b.knownIDs[id] = true
			// A German or Spanish question's word also counts where
			// the article writes it otherwise: "Unfall" —
			// "Verkehrsunfall", "ganó" — "gané".
			b.related[k] = d.formsIn(q.lang, t)
			for _, id := range b.related[k] {
				b.knownIDs[id] = true
			}
			continue
		}
		b.related[k] = append(d.relatedIDs(t), d.formsIn(q.lang, t)...)
		if q.names[k] {
			b.related[k] = append(b.related[k], d.nationIDs(t)...)
		}
		for _, id := range b.related[k] {
			b.knownIDs[id] = true
		}
	}
	if q.before != "" {
		b.beforeID = d.termID(q.before)
	}
	if q.after != "" {
		b.afterID = d.termID(q.after)
	}
	if q.future {
		b.latestYear = d.latestYear()
	}
	for k, t := range q.terms {
		letters, ok := q.acronyms[t]
		if !ok {
			continue
		}
		for i, s := range d.Sentences {
			if spellsAcronym(s, letters) {
				if b.spelled == nil {
					b.spelled = make([][]int, len(q.terms))
				}
				b.spelled[k] = append(b.spelled[k], i)
			}
		}
	}
	if q.predicate != "" {
		b.predicateIDs = d.relatedIDs(q.predicate)
		if id := d.termID(q.predicate); id >= 0 {
			b.predicateIDs = append(b.predicateIDs, id)
		}
		b.predicateIDs = append(b.predicateIDs, d.formsIn(q.lang, q.predicate)...)
	}
	return b
}

// has reports whether the question has the term of an article's word.
func (q bound) has(t token) bool { return t.id >= 0 && q.knownIDs[t.id] }

// hasWord reports whether a word, as written in the article, is one of the
// question's terms.
func (q bound) hasWord(w string) bool { return slices.Contains(q.terms, text.Term(text.Normalize(w))) }

// hasName is hasWord for a name that may join its parts with hyphens, as
// the question's terms do not: "Stetter-Karp" is the question's when
// "stetter" and "karp" are.
func (q bound) hasName(w string) bool {
	if !strings.Contains(w, "-") {
		return q.hasWord(w)
	}
	for part := range strings.SplitSeq(w, "-") {
		if part != "" && !q.hasWord(part) {
			return false
		}
	}
	return true
}

// fullMention finds, for a sentence that calls someone by surname alone
// ("Mason", "Mr Hardy"), the first other sentence that gives the name in full
// ("Glenn Mason"): the reader, and a question that wants the name, need the
// whole of it. It returns -1 when there is none.
func (d *Doc) fullMention(i int, q bound) int {
	toks := d.toks[i]
	for p, t := range toks {
		if !t.cap || q.has(t) || d.isTitle(t) || q.cloze && !nearBlank(toks, p, q) || d.longerName(toks, p) {
			continue // not a surname standing alone where the answer would be
		}
		if j := d.fullNameOf(i, p); j >= 0 {
			return j
		}
	}
	return -1
}

// fullNameOf returns the first sentence other than i that has the word at p of
// sentence i inside a longer name, or -1 when there is none or when the
// article has more than one such name ("Sasha Obama", "Barack Obama"): then
// the word alone does not say which one is meant.
func (d *Doc) fullNameOf(i, p int) int {
	id := d.toks[i][p].id
	first, form := -1, [2]int32{}
	for j, other := range d.toks {
		if j == i {
			continue
		}
		for k, o := range other {
			if o.id != id || !d.longerName(other, k) {
				continue
			}
			f := d.nameForm(other, k)
			if first < 0 {
				first, form = j, f
			} else if f != form {
				return -1
			}
		}
	}
	return first
}

// nameForm identifies the longer name that the word at p is part of by its
// capitalized neighbours (-1 on a side with none), so that "Sasha Obama" and
// "Barack Obama" tell apart.
func (d *Doc) nameForm(toks []token, p int) [2]int32 {
	f := [2]int32{-1, -1}
	if p > 0 && toks[p].joined && toks[p-1].cap && !d.isTitle(toks[p-1]) && !(p == 1 && d.opener(toks[0])) {
		f[0] = toks[p-1].id
	}
	if p+1 < len(toks) && toks[p+1].joined && toks[p+1].cap {
		f[1] = toks[p+1].id
	}
	return f
}

// opener reports whether a word is one that opens a sentence as a
// preposition or conjunction, capitalized only for that: "Since Russia's war
// with Georgia" names Russia, not "Since Russia".
func (d *Doc) opener(t token) bool { return t.id >= 0 && openers[d.termList[t.id]] }

// openers are the words opener looks for (the stopwords are no terms).
var openers = termSet("since despite although though unlike following amid among across along around behind beyond near towards toward via unless")

// longerName reports whether the word at p is part of a name of more than one
// word: a capitalized word joins it before (not a title such as "Mr") or after.
func (d *Doc) longerName(toks []token, p int) bool {
	return d.nameForm(toks, p) != [2]int32{-1, -1}
}

// fills reports whether a token could be the answer: of the wanted kind, and
// not already in the question.
func fills(t token, q bound) bool {
	if q.has(t) {
		return false
	}
	return q.wantsNumber && t.num || q.wantsName && t.name || !q.wantsNumber && !q.wantsName && (t.name || t.num)
}

// slot measures, for a cloze question, how well the sentence has the blank's
// neighbours around a possible answer: 1 with both sides, 0.5 with one.
func slot(toks []token, q bound) float64 {
	if !q.cloze {
		return 0
	}
	best := 0.0
	for p, t := range toks {
		if !fills(t, q) {
			continue
		}
		left, right := false, false
		for k := max(0, p-1); k >= max(0, p-slotReach); k-- {
			if q.beforeID >= 0 && toks[k].id == q.beforeID {
				left = true
			}
		}
		for k := p + 1; k < min(len(toks), p+slotReach+1); k++ {
			if q.afterID >= 0 && toks[k].id == q.afterID {
				right = true
			}
		}
		switch {
		case left && right:
			return 1
		case left || right:
			best = 0.5
		}
	}
	return best
}

// nearBlank reports whether the word at p stands where the cloze blank would:
// next to one of the blank's neighbours.
func nearBlank(toks []token, p int, q bound) bool {
	for k := max(0, p-slotReach); k < min(len(toks), p+slotReach+1); k++ {
		if k < p && q.beforeID >= 0 && toks[k].id == q.beforeID || k > p && q.afterID >= 0 && toks[k].id == q.afterID {
			return true
		}
	}
	return false
}

// answerType is 1 when the sentence holds a possible answer of the kind the
// question wants.
func answerType(sentence string, toks []token, q bound) float64 {
	if q.wantsDate && hasDate(sentence) {
		return 1
	}
	for _, t := range toks {
		if fills(t, q) {
			return 1
		}
	}
	return 0
}

// Rank returns the indexes of up to k sentences that best answer the question,
// best first.
func (d *Doc) Rank(question string, k int) []int {
	return indexes(d.rank(question, true), k)
}

// RankBM25 is Rank with plain BM25 over the sentences, for comparison.
func (d *Doc) RankBM25(question string, k int) []int {
	return indexes(d.rank(question, false), k)
}

func indexes(ranked []candidate, k int) []int {
	var out []int
	for _, c := range ranked[:min(k, len(ranked))] {
		if c.score > 0 {
			out = append(out, c.i)
		}
	}
	return out
}

// Answer finds the sentences of the article that answer question. A question in
// cloze form (a statement with "____") works the same way.
func (d *Doc) Answer(question string) Answer {
	if aboutRE.MatchString(question) {
		// "What is the article about?" asks for the gist: the article's
		// own summary (the default one), not a sentence that says "article".
		return Answer{Answerable: true, Evidence: d.Summary(Medium.Words())}
	}
	asked := question // as written, in its language
	question = foundingAsked(question)
	q := d.bind(parseQuery(question))
	if q.english != "" {
		// What reads the question's words reads them in English form:
		// "how many Dateien the kaufte Aktivist?".
		question = q.english
	}
	decline := func() Answer { return Answer{Missing: d.missing(question, q.asksCalled, q.lang, q.self)} }
	if q.quantity == scoreline && (slices.Equal(q.terms, []string{scoreTerm}) || theMatchRE.MatchString(question)) {
		// "What was the score?" asks about the match the article reports,
		// whose result it gives first, in whatever words ("wrapping up a
		// 7-5 7-6 (7-3) 6-1 win"); so does "What was the score in the
		// final?", of an article that need not call it that ("swept aside
		// Venus Williams 6-3 6-2 to win Hong Kong's Champions Challenge").
		if j := slices.IndexFunc(d.Sentences, scoreRE.MatchString); j >= 0 {
			return d.answerWith([]int{j})
		}
		return decline()
	}
	if q.quantity == scoreline && finalScoreRE.MatchString(question) {
		// "What was the final score?" is answered by the result a report
		// opens with ("came from 15-6 down to beat France 24-18"), not by
		// a score further down, which may be the half-time one.
		if len(d.Sentences) > 0 && scoreRE.MatchString(d.Sentences[0]) {
			return d.answerWith([]int{0})
		}
		// Or by a match's sets, which only a result gives and a tennis
		// report often leaves for later: "… served out to win 6-3 6-2 1-6
		// 3-6 10-8".
		if j := slices.IndexFunc(d.Sentences, setsRE.MatchString); j >= 0 {
			return d.answerWith([]int{j})
		}
		return decline()
	}
	if q.quantity == scoreline && slices.Contains(q.names, true) {
		// "What was the score against Roddick?" — a match's sets where the
		// article names whom the question does, or right after it does:
		// "… a four-set win over Andy Roddick. The home favourite will
		// face Marat Safin after coming through 3-6 7-6 (7-3) 7-6 (7-4)
		// 6-1."
		named := d.namesSubject(q)
		for j, s := range d.Sentences {
			if setsRE.MatchString(s) && d.namedOrBack(j, named) {
				return d.answerWith([]int{j})
			}
		}
	}
	asksWriter := q.self != nil && wroteRE.MatchString(question)
	if asksWriter {
		// "Who wrote the article?", "Qui a écrit l'article ?" — its byline,
		// when it has one near the top: "Par Barbara Stiegler",
		// "Christoph von Eichhorn" on a line of its own.
		if j := d.byline(); j >= 0 {
			return d.answerWith([]int{j})
		}
	}
	if ev := d.matchFacts(question); ev != nil {
		return d.answerWith(ev)
	}
	if j := d.listTop(question, q); j >= 0 {
		return d.answerWith([]int{j})
	}
	if ev := d.standing(question, q); ev != nil {
		return d.answerWith(ev)
	}
	if ev := d.teamOf(question, q); ev != nil {
		return d.answerWith(ev)
	}
	if ev := d.seatOf(question, q); ev != nil {
		return d.answerWith(ev)
	}
	if ev := d.captainSheet(question, q); ev != nil {
		return d.answerWith(ev)
	}
	if ev := d.workBy(question, q); ev != nil {
		return d.answerWith(ev)
	}
	if q.wantsDate && q.predicate == scoreTerm {
		// "When did Campbell score?" — a report's card gives the minute
		// under the teams: "Campbell 75." So for "When was the goal
		// scored?", naming no one, when the card has only the one goal.
		named := d.namesSubject(q)
		anyone := !slices.Contains(q.names, true)
		goals, at := 0, -1
		for j, s := range d.Sentences {
			s = strings.TrimSpace(s)
			if !goalLineRE.MatchString(s) {
				continue
			}
			if named(j) {
				return d.answerWith([]int{j})
			}
			goals, at = goals+1+strings.Count(s, ","), j
		}
		if anyone && goals == 1 {
			return d.answerWith([]int{at})
		}
	}
	if strings.Contains(question, "stand for") {
		// "What does FSA stand for?" — "… the Financial Services Authority
		// (FSA)", where the article spells it out.
		if m := standsForRE.FindStringSubmatch(question); m != nil {
			if j := slices.IndexFunc(d.Sentences, func(s string) bool { return spellsOut(s, m[1]) }); j >= 0 {
				return d.answerWith([]int{j})
			}
		}
	}
	if q.sumOf != "" && d.unusedIn(q.sumOf, q.lang) {
		// "How much profit did Citigroup make from the deal?" of an
		// article that never speaks of profit asks about a sum it does
		// not give, whatever other sums it does. (In any form: "Wie viel
		// kostete …?" — "haben 57.000 Euro gekostet".)
		return decline()
	}
	if q.rateOf != "" && d.unused(q.rateOf) {
		// "What is the inflation rate?" of an article that gives interest
		// rates but never speaks of inflation asks about another rate.
		return decline()
	}
	ranked := d.rankBound(q, true)
	if len(ranked) == 0 || ranked[0].score == 0 {
		if j := d.leadAnswers(q); j >= 0 {
			return d.answerWith([]int{j})
		}
		return decline()
	}
	preferCovering(ranked)
	// "Which newspaper …?" is answered by a sentence close to it that
	// names one right after the word: "Financial newspaper Nihon Keizai
	// Shimbun claimed …", though it says "claimed" for "reported".
	kindGiven := preferAmong(ranked, func(c candidate) bool { return d.kindNamed(c.i, q) })
	// "What surface were they playing on?" asks for a surface: a sentence
	// that has the noun and more of the question ("the clay surface is
	// taking its toll") answers it over a shorter one with only the verb.
	// (Not for "which": "Which film will open the festival?" is answered
	// by "… opened by a screening of Happy Endings", not by the "Film
	// Festival" that opens.)
	if kind := d.termID(q.kind); !kindGiven && kind >= 0 && opensWith(question, "what") && !q.cloze && !d.hasAny(ranked[0].i, kind) {
		preferAnywhere(ranked, func(c candidate) bool { return c.coverage > ranked[0].coverage && d.hasAny(c.i, kind) })
	}
	who, which, where := opensWith(question, "who"), opensWith(question, "which"), opensWith(question, "where")
	// An open question about what someone does or why ("What does
	// Robinson want to change?", "What happens to migrants who fail the
	// test?", "Why was the show axed?") is answered in the article's own
	// words: that they are not the question's says little (on the
	// development sets these declines were as often wrong as right, all
	// the right ones on "What is …?" questions).
	openEnded := openQuestionRE.MatchString(question) && !q.asksCalled
	// "What is Mandelson's current job?" asks for the post news names
	// beside him ("The European commissioner and former Labour minister"),
	// which need not be called a job, held or current.
	openEnded = openEnded || strings.Contains(question, "job") && jobQuestionRE.MatchString(question)
	// "Where is Contrack based?" asks for the place news names beside it
	// ("Contrack International, of Arlington, Virginia"), seldom calling it
	// a base: the word missing is no reason to decline.
	basedQ := where && strings.Contains(question, "based") && basedRE.MatchString(question)
	openEnded = openEnded || basedQ
	// A count given in a form countsNone does not see: "How many players
	// will be in the Lions squad?" — "the 44-man Lions tour squad", with
	// the group, in no word for its members.
	countAt := d.groupSized(ranked, q, question)
	// "How many copies did it sell?" — "sold over one million": the count
	// right after the question's verb, its noun left out.
	if countAt < 0 {
		countAt = d.countedAfterVerb(ranked, q, question)
	}
	var kind []int32 // "manufacturing" in "How many manufacturing jobs …?"
	qualified := false
	if q.quantity == count {
		kind, qualified = d.countModifier(question)
	}
	if countAt >= 0 && qualified && !d.ofKind(countAt, kind) {
		countAt = -1 // "firms added 146,000 jobs" for "How many manufacturing jobs …?"
	}
	if !openEnded && ranked[0].coverage < minCoverage && !d.typedAnswer(ranked, q) && !kindGiven && !((who || which) && (d.saidBy(ranked, q) || d.makerAnywhere(ranked, q))) {
		return decline()
	}
	if !q.cloze {
		// A name the question gives that the article never mentions ("in
		// India", "Brent crude") means it asks about something else; so does
		// a predicate it never uses in any form ("Who directed …?" of an
		// article that names no director).
		lacks := d.lacks(q, q.predicate)
		// Not so for "which" and "where": they ask which of the things or
		// places the article names fits, and news says how in its own words
		// ("listed on Ofex" for "traded", "was responding to" for "wrote") —
		// 7 of the 8 such declines on the development sets were wrong.
		lacksPredicate := (lacks || d.lacks(q, q.manner)) && !which && !where && !openEnded && ranked[0].coverage < predicateCoverage && !d.givenInstead(ranked, q) && !kindGiven && countAt < 0
		// Who made a report or figures is named beside them, whatever the
		// verb ("Who published the figures?" — "according to the FCC
		// figures", "figures from the Building Societies Association").
		makerGiven := lacks && who && (preferAnywhere(ranked, func(c candidate) bool { return d.makerNamed(c.i, q) }) || d.saidBy(ranked, q))
		// Or in the next sentence, when one gives them without a maker
		// ("Retail sales rose in November, figures show. The Office for
		// National Statistics said …"), as it names whoever made news
		// known after a lead that does not ("…, according to federal
		// regulators. The National Highway Traffic Safety Administration
		// said …" for "Which agency announced the recall?").
		next := -1
		// So for who made it ("Who wrote the report?", "Who carried out
		// the research?"), when the best sentence does not use its verb: "…,
		// says a report. … according to market analysts In-Stat/MDR."
		making := (makingVerbs[q.predicate] || makingVerbs[q.phrasal]) && !d.hasAny(ranked[0].i, d.termID(q.predicate))
		if (who || which) && !makerGiven && (lacks || announceWords[q.predicate] || making) {
			next = d.makerNext(ranked, q)
		}
		lacksPredicate = lacksPredicate && !makerGiven && next < 0
		// "Who coaches Sarah Claxton?" of an article that never speaks of
		// coaching in any form (word, derived form, synonym, the noun for
		// whoever does it) is not answered by a sentence that only names her
		// — unless the next goes on about it and names someone, as news
		// says what happened in other words ("Radcliffe won in New York. The
		// Briton held off Kenyan Susan Chepkemei …" for "Who did she beat?").
		onlyNamed := lacks && who && next < 0 && !d.beyondNames(ranked[0].i, q) && !d.namesNext(ranked[0].i, q) && !d.namedAfterName(ranked[0].i, q, false)
		if lacksPredicate || onlyNamed || d.namesMissing(question, q) {
			return decline()
		}
		if next >= 0 {
			return d.answerWith([]int{next - 1, next})
		}
	}
	if q.wantsName && !q.cloze && !d.hasPredicate(ranked[0].i, q) {
		// A sentence close behind that says what is asked and names someone
		// the question does not ("Gordon Bulloch (captain, Glasgow Rugby)"
		// for "Who is the Scotland captain?") answers it better than one
		// that only names the subject. For "where", not over a sentence
		// that names a place when it names none: "… the 2004 Davis Cup
		// final in Seville" answers "Where was the final played?", not "But
		// he plays it poorly and Nadal avoids the danger".
		placed := where && d.namesWith(placeRE, ranked[0].i, q)
		preferAmong(ranked, func(c candidate) bool {
			return d.hasPredicate(c.i, q) && d.namesAnswer(c.i, q, where) && (!placed || d.namesWith(placeRE, c.i, q))
		})
	}
	// "Where is the Tory conference being held?" — "he told the Brighton
	// conference": a place named right before what is asked about, wherever
	// the sentence ranks.
	if where && !q.cloze && !d.placeBefore(ranked[0].i, q) && !preferAnywhere(ranked, func(c candidate) bool { return d.placeBefore(c.i, q) }) &&
		!d.namesWith(placeRE, ranked[0].i, q) {
		// "Where did Kennedy give his speech?" — not the lead that says
		// he gave one, but "Speaking at the Commonwealth Club, Mr Kennedy
		// said …".
		if !preferAmong(ranked, func(c candidate) bool { return d.namesWith(placeRE, c.i, q) }) {
			// Or the sentence after the best, when the best says what
			// the question asks happened and the next goes on about it:
			// "… to unveil Labour's latest poster campaign. The event -
			// at Old Billingsgate Fish Market - was …" (not after a lead
			// that only ties with the sentence that says it).
			if j := ranked[0].i + 1; d.hasPredicate(ranked[0].i, q) && j < len(d.Sentences) && describesBack(d.Sentences[j]) && d.namesWith(placeRE, j, q) {
				return d.answerWith([]int{j - 1, j})
			}
		}
	}
	if (who || which) && !q.cloze && !d.hasPredicate(ranked[0].i, q) && !d.namesWith(byNameRE, ranked[0].i, q) {
		// Who did it is often named after "by" ("Firefox was created by
		// the Mozilla Foundation"), in a sentence that need not say what
		// the question does ("makes").
		preferAmong(ranked, func(c candidate) bool { return d.namesWith(byNameRE, c.i, q) })
	}
	if who && !q.cloze && !d.titledName(ranked[0].i, q) && !preferAnywhere(ranked, func(c candidate) bool { return d.titledName(c.i, q) }) &&
		!d.roleHeld(ranked[0].i, q) {
		// Who holds a post is named after it, wherever the sentence is:
		// first as a title ("reporter Oliver Finegold"), else past a comma.
		preferAnywhere(ranked, func(c candidate) bool { return d.roleHeld(c.i, q) })
	}
	if x := definedWords(question); x != "" && !q.cloze {
		// "What is a podcast?" asks what the article says it is: "A
		// podcast is basically an internet-based radio show …", "a
		// technology called Visual Radio, which takes an existing FM
		// signal …". What letters stand for says what they are: "What is
		// ATF?" — "This Asynchronous Task Framework (ATF) would replace …".
		spelled := acronymRE.MatchString(x) && preferAnywhere(ranked, func(c candidate) bool { return spellsOut(d.Sentences[c.i], x) })
		if !spelled {
			preferAnywhere(ranked, func(c candidate) bool { return defines(d.Sentences[c.i], x) })
		}
	}
	if m := meaningAsked(question); m != "" && !q.cloze {
		// "What does Veritas mean?" — "Veritas - Latin for "truth"",
		// "Ubuntu, which means humanity to others".
		preferAnywhere(ranked, func(c candidate) bool { return givesMeaning(d.Sentences[c.i], m) })
	}
	if basedQ {
		// Where a firm is based is said beside its name: "Contrack
		// International, of Arlington, Virginia", "Houston-based
		// Continental", "a Geneva-based company".
		preferAnywhere(ranked, func(c candidate) bool { return baseRE.MatchString(d.Sentences[c.i]) })
	}
	if opensWith(question, "why") {
		if !q.cloze {
			// "Why did Roberts leave?" — "No reason was given for Roberts'
			// departure.": the article says it is not known.
			named := d.namesSubject(q)
			if k := slices.IndexFunc(ranked, func(c candidate) bool {
				return c.score > 0 && noReasonRE.MatchString(d.Sentences[c.i]) && named(c.i)
			}); k >= 0 {
				return Answer{Unsettled: d.Sentences[ranked[k].i]}
			}
		}
		// "Why did Santini resign?" is answered where the article gives a
		// cause, in whatever words ("blames the growing popularity of
		// computer games", "quit … after their exit from the Uefa Cup").
		caused := func(i int) bool { return causeRE.MatchString(d.Sentences[i]) }
		if j := ranked[0].i + 1; !caused(ranked[0].i) && j < len(d.Sentences) && caused(j) {
			// Or in the sentence after the one that says what happened:
			// "Fewer children are taking ballet exams. The organisation
			// blames the growing popularity of computer games."
			return d.answerWith([]int{j - 1, j})
		}
		preferAnywhere(ranked, func(c candidate) bool { return caused(c.i) })
	}
	if who && !q.cloze && q.predicate == scoreTerm {
		// "Who scored Arsenal's goals?" — match reports say who scored in
		// their own words ("Thierry Henry produced a sublime strike to put
		// Arsenal ahead", "a try from Federico Aramburu"), in a sentence
		// less like the question than a quote about the goal.
		// An article that says no one scored, in any words, does not
		// say who did ("praised his players in the 1-0 win", "set up the
		// winning goal").
		if !preferAnywhere(ranked, func(c candidate) bool { return d.scorerNamed(c.i, q) }) && !slices.ContainsFunc(d.Sentences, scoringRE.MatchString) {
			return decline()
		}
	}
	if who && !q.cloze && beatenRE.MatchString(question) {
		// "Who beat Moya?" — news says it from the loser's side: "Moya …
		// went down to fellow Spaniard Guillermo Garcia-Lopez", "the
		// wildcard entry was dispatched by Robby Ginepri".
		d.preferLoss(ranked, q)
	}
	if q.kind == injuryTerm && !q.cloze {
		// "What injury does Ryan Jones have?" — "Jones damaged his collar
		// bone": where news names one, about whoever the question names.
		d.preferInjury(ranked, q)
	}
	if q.asksCalled {
		// "What is BT's internet telephone software called?" — "…
		// software, known as BT Communicator, …", or the name beside the
		// word for it ("his new album, The Massacre", "the Fed's Beige Book
		// report"), however far down the ranking, as long as it is near.
		if !preferAnywhere(ranked, func(c candidate) bool { return namingRE.MatchString(d.Sentences[c.i]) }) &&
			!preferAnywhere(ranked, func(c candidate) bool { return d.namesBeside(c.i, q) }) {
			// Or the sentence after the best, when it goes on about what
			// that one spoke of and names it: "… a ubiquitous piece of game
			// theory … It's often referred to as the "prisoner's dilemma"".
			if j := ranked[0].i + 1; j < len(d.Sentences) && namesBack(d.Sentences[j]) {
				return d.answerWith([]int{j - 1, j})
			}
		}
	}
	if who && !q.cloze && opponentRE.MatchString(question) && !playsForRE.MatchString(question) {
		// "Who will Ljubicic face in the semi-final?" asks about a match
		// to come: a report of the match he won ("Ljubicic booked his
		// place in the last four with a 7-5 6-4 win over Henman") does not
		// say, unless it looks ahead ("… and will face Ivan Ljubicic",
		// "to book a home tie with Middlesbrough").
		k := slices.IndexFunc(ranked, func(c candidate) bool { return near(c) && aheadRE.MatchString(d.Sentences[c.i]) })
		if k < 0 {
			return decline()
		}
		raise(ranked, k, 0)
	}
	if j := d.unsettledAt(ranked, q); j >= 0 && !q.cloze {
		// "Who will replace Welch?" — "A replacement guitarist has yet
		// to be named": the article says it is not known.
		return Answer{Unsettled: d.Sentences[j]}
	}
	best := ranked[0]
	if typed := q.wantsNumber || q.wantsDate; typed && !q.cloze {
		// The second signal: a question that wants a number or a date is
		// answered only by a sentence that has one. (Not so for names: "who"
		// is as often answered by "his brother" as by a name.) A sentence about
		// the subject without it — the article talks about the fee but never
		// says how much — is no answer; one close behind it that has the
		// number is, though it covers less of the question (the subject
		// named in one sentence, the figure given in the next).
		top := ranked[:min(typedReach, len(ranked))]
		if q.quantity == count && countAt < 0 && d.countsNone(question, q.lang, kind, qualified) {
			return decline()
		}
		if j := slices.IndexFunc(top, func(c candidate) bool { return near(c) && c.i > 0 && echoesMeasure(asked, d.Sentences[c.i]) }); j >= 0 {
			// "36 Stunden. So lange dauert die schnellste Zugverbindung
			// von Madrid nach Stockholm." answers "Wie lange dauert …?"
			// in the sentence before the one with the question's words.
			return d.answerWith([]int{top[j].i - 1, top[j].i})
		}
		k := slices.IndexFunc(top, func(c candidate) bool { return near(c) && d.hasAnswerType(c.i, q) })
		if k >= 0 && slices.Contains(q.names, true) {
			// "How much did Verizon pay for MCI?" — not "Qwest, meanwhile,
			// had to pay the SEC $250m", which names neither, when a
			// sentence as near does: "MCI accepted a $6.75bn buyout from
			// telecoms giant Verizon".
			if named := d.namesSubject(q); !d.namedOrBack(top[k].i, named) {
				if j := slices.IndexFunc(top, func(c candidate) bool { return near(c) && d.hasAnswerType(c.i, q) && named(c.i) }); j >= 0 {
					k = j
				}
			}
		}
		if k >= 0 && q.wantsDate && d.dateGap(top[k].i, q) > dateBeside {
			// "When are the elections in Iraq?" — "in the wake of next
			// Sunday's elections", where the date goes with what is asked,
			// before "Next week the prime minister should make a statement
			// regarding the elections", where it goes with something else.
			if j := slices.IndexFunc(top, func(c candidate) bool {
				return near(c) && d.hasAnswerType(c.i, q) && d.dateGap(c.i, q) <= dateBeside
			}); j >= 0 {
				k = j
			}
		}
		if k < 0 && q.wantsDate {
			// A date is looked for further down, near the question, as a
			// measure is: news says when in other words ("would come at a
			// London conference in March" for "When will the peace
			// conference be held?").
			k = slices.IndexFunc(ranked, func(c candidate) bool { return near(c) && q.dated(d.Sentences[c.i]) })
		}
		if k < 0 && q.wantsDate && q.predicate == scoreTerm {
			// "When did Novo score?" of a report with no card: when in
			// the match, as the report tells it — "Striker Novo secured
			// victory, lobbing Douglas with eight minutes remaining".
			named := d.namesSubject(q)
			k = slices.IndexFunc(ranked, func(c candidate) bool { return near(c) && named(c.i) && matchTimeRE.MatchString(d.Sentences[c.i]) })
		}
		// A measure of what is asked, as news gives it ("Thanou, 30,", "the
		// 912km pipeline", "at 115 mph"), before any other number: among the
		// best sentences, else (not for a change, which any sum may answer)
		// further down, near the question ("worked with him for six years"
		// for "How long did Mourinho work for Robson?").
		measured := false
		scopes := [][]candidate{top, ranked}
		if q.change {
			scopes = scopes[:1]
		}
	measure:
		for _, scope := range scopes {
			for _, form := range q.measure {
				if j := slices.IndexFunc(scope, func(c candidate) bool { return near(c) && form.MatchString(d.Sentences[c.i]) }); j >= 0 {
					k, measured = j, true
					break measure
				}
			}
		}
		if q.asksAge {
			// Anywhere in the article, the age news gives beside the name
			// asked about ("Bell, 30, had set his sights …") answers "How
			// old is Duncan Bell?".
			if j := slices.IndexFunc(ranked, func(c candidate) bool { return c.score > 0 && d.agesNamed(c.i, q) }); j >= 0 {
				k, measured = j, true
			} else if j := slices.IndexFunc(ranked, func(c candidate) bool { return c.score > 0 && birthdayOf(d.Sentences[c.i], q) }); j >= 0 {
				// Or the birthday it marks: "Godzilla has received a
				// star …, honouring both his 50th birthday".
				k, measured = j, true
			} else if j := d.ageFollows(ranked[:min(typedReach, len(ranked))], q); j >= 0 && measured {
				// Or, before an age of anything else the best sentences
				// give ("… nach dem mehr als 20 Jahre alten Weltrekord"),
				// the age in the sentence after one of them that calls
				// him by it: "… bewies Maximilian Thorwirth … Der
				// 27-Jährige lief …".
				return d.answerWith([]int{j - 1, j})
			}
		}
		if !measured {
			// An age comes in the next sentence as news gives it: "…
			// Mathew Tait has been named … The 18-year-old will play …",
			// before any other number ("Healey, who won 51 caps").
			if j := d.ageFollows(ranked, q); j >= 0 {
				return d.answerWith([]int{j - 1, j})
			}
			if j := d.subjectAge(q); j >= 0 {
				return d.answerWith([]int{j})
			}
		}
		var counted []int32 // what a count question counts
		if q.quantity == count {
			counted = d.countedTerms(question, q.lang)
		}
		if len(counted) > 0 { // not "how many times"
			// The sentence that counts what is asked ("Two grand slams,
			// it's already something"), among the best, else further down
			// near the question, before one with any other number.
			if j := slices.IndexFunc(ranked, func(c candidate) bool { return near(c) && d.countsNoun(c.i, counted) }); j >= 0 {
				k = j
			} else if j := slices.IndexFunc(ranked, func(c candidate) bool {
				return near(c) && (d.countsInOrder(c.i, counted) || d.countsAfterOf(c.i, counted))
			}); j >= 0 {
				k = j // "condemned Mansfield to a ninth successive game without a win", "pre-orders of more than 1.5 million"
			} else if j := slices.IndexFunc(ranked, func(c candidate) bool { return near(c) && d.countedNext(c.i, counted) }); j >= 0 {
				return d.answerWith([]int{ranked[j].i, ranked[j].i + 1})
			}
		}
		if countAt >= 0 {
			k = slices.IndexFunc(ranked, func(c candidate) bool { return c.i == countAt })
		}
		if k < 0 && (q.quantity == money || q.quantity == scoreline) {
			// A sum, or a score, comes in the sentence after the one that
			// says what it was for, in other words: "… lost its appeal
			// against a cyclist's compensation … Courier Dan Hale, 31, won
			// £3,200 …". (Not so for counts or dates: on the development
			// sets that answered more unanswerable questions than it
			// mended.)
			if j := d.givenNext(top, func(j int) bool { return d.hasAnswerType(j, q) }); j >= 0 {
				return d.answerWith([]int{j - 1, j})
			}
		}
		if q.measure != nil && !q.change && !measured {
			// So is a measure: "Broadband's rapid rise continues apace as
			// speeds gear up a notch. An eight megabit service has been
			// launched …" — not a rate, which any sum or percentage would
			// seem to give.
			if j := d.givenNext(top, func(j int) bool {
				return slices.ContainsFunc(q.measure, func(form *regexp.Regexp) bool {
					return form != percentRE && form != moneyRE && form.MatchString(d.Sentences[j])
				})
			}); j >= 0 {
				return d.answerWith([]int{j - 1, j})
			}
		}
		if k < 0 || q.measure != nil && !q.change && !measured {
			// No number, or for a measure ("how tall", "how long", "how
			// old") not the measure: "Gray, 26," does not say how long he
			// will be out.
			return decline()
		}
		if q.quantity == count || q.quantity == money && !q.change && !measured {
			// News gives the figure its story is about first: of the
			// sentences near the question that give the count or the sum
			// asked for, with as much of the question as the one chosen,
			// the earliest ("More than one million computers on the net
			// have been hijacked", not "… made up of 50,000 hijacked home
			// computers" further down).
			gives := func(i int) bool { return d.hasAnswerType(i, q) }
			if q.quantity == count {
				gives = func(i int) bool { return d.countsNoun(i, counted) }
			}
			if j := slices.IndexFunc(ranked, func(c candidate) bool {
				return near(c) && c.i < ranked[k].i && c.coverage >= ranked[k].coverage && gives(c.i)
			}); j >= 0 {
				k = j
			}
		}
		raise(ranked, k, 0)
		best = ranked[0]
	}
	evidence := []int{best.i}
	// A best sentence that goes on about what the one before named ("It
	// was …", "The American top seed overcame …") had that one's words in
	// the ranking, and is quoted with it: it says whom it is about.
	goesOn := best.i > 0 && describesBack(d.Sentences[best.i])
	if goesOn {
		evidence = append(evidence, best.i-1)
	}
	if q.wantsName && !q.cloze && !d.namesAnswer(best.i, q, where) && !(goesOn && fullName(d.toks[best.i-1], q) > 0) && d.namesNext(best.i, q) {
		// The best sentence names no one the question does not, nor does
		// the one before; the next may, going on about what it said
		// ("Radcliffe won in New York. The Briton held off Kenyan Susan
		// Chepkemei …").
		evidence = append(evidence, best.i+1)
	}
	if j := best.i + 1; q.kind != "" && d.lacks(q, q.kind) && j < len(d.Sentences) && namedDescription(d.Sentences[j]) && !slices.Contains(evidence, j) {
		// The kind of thing asked about, never named as such, is often
		// named in how news goes on about its subject: "Which club does
		// Kevin Campbell play for?" — "… Kevin Campbell has gained an
		// injunction … The Everton striker signed Morrison …".
		evidence = append(evidence, j)
	}
	if len(ranked) > 1 {
		if second := ranked[1]; second.score >= closeBehind*best.score && second.coverage >= minCoverage && !slices.Contains(evidence, second.i) {
			evidence = append(evidence, second.i)
		}
	}
	chosen := len(evidence)
	for k := 0; k < len(evidence); k++ {
		i := evidence[k]
		// What the loop adds is followed only into the list it opens:
		// "¿en qué fechas serán las vacaciones?" — "… tendrán tres
		// periodos de vacaciones …" — "El primero será desde el lunes 16
		// …", not from heading to heading down a page.
		opens := k < chosen && (strings.HasSuffix(d.Sentences[i], ":") || strings.HasSuffix(d.Sentences[i], "?") || heading(d.Sentences[i]))
		if j := i + 1; j < len(d.Sentences) && (opens || enumerates(d.Sentences[j])) && !slices.Contains(evidence, j) {
			// A sentence that ends in a colon gives what it speaks of
			// next: "The overall rankings of the countries were as
			// follows:" — "1. Finland"; one that asks, the article's
			// answer to it, which a question alone never gives: "But
			// First: What's a Superbug?" — "It's a term coined by the
			// media to describe bacteria that cannot be killed …", an
			// interview's "Multiplayer?" — "No", "so what's not to
			// love?" — "… will launch on iPhone and iPad". So does one
			// followed by the list of what it counts: "residents can
			// choose between three funding models." — "One is to remain
			// as traditional Section 9 public housing, another is …".
			evidence = append(evidence, j)
		}
	}
	if slices.Contains(evidence, 0) && !q.cloze && len(d.Sentences) > 1 && !slices.Contains(evidence, 1) {
		// A news story's first sentence says what happened in general
		// ("A Dutch company has bought the Velox brand", "Monsanto will
		// pay a fine for bribing an official"); the second gives the
		// particulars ("Tulpen Cycle Works said …", "a $50,000 bribe"). A
		// lead, the best sentence or the runner-up, is quoted with it.
		evidence = append(evidence, 1)
	}
	if identityRE.MatchString(question) && !slices.ContainsFunc(evidence, func(i int) bool { return d.namesAny(i, q) }) ||
		asksWriter && !slices.ContainsFunc(evidence, func(i int) bool { return d.namesInside(i, q) }) {
		// "Who was the pilot?" asks for a name: "Both crew members ejected
		// but the pilot was killed" names no one, so the article does not
		// say. Nor does "Who wrote the article?" of one with no byline,
		// answered "Read your article. … this was written for beginners".
		return decline()
	}
	slices.Sort(evidence)
	return d.answerWith(evidence)
}

// listTop returns, for a question for the top of what the article's title
// says it ranks — "Who is the top metal vocalist of all time?" of "Hit
// Parader's Top 100 Metal Vocalists of All Time" — the first item of the
// numbered list it gives ("01. Robert Plant"); -1 for other questions and
// articles with no such list.
func (d *Doc) listTop(question string, q bound) int {
	if d.Title == "" || !slices.ContainsFunc(topMarks, func(m string) bool { return strings.Contains(question, m) }) || !topAskedRE.MatchString(question) {
		return -1 // most questions: no regexp run
	}
	inTitle := func(id int32) bool { return slices.Contains(d.title, id) }
	for k, t := range q.terms {
		if !topWords[t] && !d.titled(t) && !inTitle(d.termID(t)) && !slices.ContainsFunc(q.related[k], inTitle) {
			return -1 // what is asked about is not what the title ranks
		}
	}
	for j := 0; j+1 < len(d.Sentences); j++ {
		if listItemRE.MatchString(d.Sentences[j]) && secondItemRE.MatchString(d.Sentences[j+1]) {
			return j
		}
	}
	return -1
}

// topAskedRE finds a question for the first of a ranking: "Who is the top
// …?", "What is the best …?", "Who is number one?", "… No. 1 …".
var topAskedRE = regexp.MustCompile(`(?i)^(?:who|what|which)\b.*\b(?:top|best|number one|no\. ?1|#1)\b`)

// topMarks are what every question topAskedRE matches has, one of them as
// written: most questions have none.
var topMarks = []string{"op", "est", "one", "1"} // "top", "Top", "best", "number one", "No. 1", "#1"

// topWords are the terms of topAskedRE's words, which a title need not have.
var topWords = termSet("top best number one no list rank ranking")

// listItemRE and secondItemRE find the first and second items of a numbered
// list, each a sentence of its own: "1. Robert Plant", "02. Rob Halford".
var (
	listItemRE   = regexp.MustCompile(`^0?1[.)] \S`)
	secondItemRE = regexp.MustCompile(`^0?2[.)] \S`)
)

// echoesMeasure reports whether sentence s takes up the measure a question
// asks for as given just before: "So lange dauert …" for "Wie lange dauert
// …?", "That's how long it lasted" for "How long did it last?".
func echoesMeasure(question, s string) bool {
	ask, rest, _ := strings.Cut(question, " ")
	measure, _, _ := strings.Cut(rest, " ")
	var echo []string
	switch {
	case measure == "":
		return false
	case strings.EqualFold(ask, "wie"):
		echo = germanEchoes
	case strings.EqualFold(ask, "how"):
		echo = englishEchoes
	}
	return slices.ContainsFunc(echo, func(lead string) bool {
		after, ok := strings.CutPrefix(s, lead)
		return ok && strings.HasPrefix(after, measure) && strings.HasPrefix(after[len(measure):], " ")
	})
}

// germanEchoes and englishEchoes are how a sentence opens that takes up a
// measure given before it, ahead of the measure's word ("lange", "long").
var (
	germanEchoes  = []string{"So "}
	englishEchoes = []string{"That's how ", "That’s how ", "That is how "}
)

// byline returns the article's byline among its first sentences — "By …",
// "Von …", "Par …", "Por …" and a name, or, nearer the top, a name alone on
// its line — or -1.
func (d *Doc) byline() int {
	for j, s := range d.Sentences[:min(bylineReach, len(d.Sentences))] {
		s = strings.TrimSpace(s)
		if m := bylineRE.FindStringSubmatch(s); m != nil && (m[1] != "" || j < nameLineReach) {
			return j
		}
	}
	// Failing that, a signature: the one name alone on its line anywhere
	// in the article, as a magazine signs one at its end ("Denis Clerc").
	signed := -1
	for j, s := range d.Sentences {
		if bylineRE.MatchString(strings.TrimSpace(s)) {
			if signed >= 0 {
				return -1 // names alone on lines: a list, not a signature
			}
			signed = j
		}
	}
	return signed
}

// bylineReach is how many of an article's first sentences may hold its
// byline; nameLineReach, how many a name alone on its line.
const bylineReach, nameLineReach = 10, 4

// bylineRE finds a line that is a byline: an author's name of two to four
// words (with "von", "de" … between), after "By", "Von", "Par", "Por" or
// "Written by" (group 1) or alone.
var bylineRE = regexp.MustCompile(`^((?:By|Von|Par|Por|Written by):?\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:von|van|de|del|da|di|le|la)\s+)?\p{Lu}[\p{L}'’.-]+){1,3}$`)

// wroteRE finds a question for who wrote something, in the languages
// questions are read in.
var wroteRE = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:wrote|written|write|writes|écrit|rédigé|geschrieben|verfasst|escribió|escrito|redactó|napisał|napisała|napisali|autorem|autorką)(?:[^\pL]|$)`)

// leadAnswers returns, for a question for a date or a number whose words are
// all in the title and in no sentence ("Wann geschah der Unfall?" of "…
// stirbt nach Unfall in Simmelsdorf"), the lead, when it gives one: news
// tells what its title names first ("Am Samstag, 4. November, gegen 17.50
// Uhr, ist ein 74-Jähriger …"); -1 otherwise.
func (d *Doc) leadAnswers(q bound) int {
	if !(q.wantsDate || q.wantsNumber) || q.cloze || len(q.terms) == 0 || len(d.Sentences) == 0 {
		return -1
	}
	if slices.ContainsFunc(q.terms, func(t string) bool { return !d.titled(t) }) || !d.hasAnswerType(0, q) {
		return -1
	}
	return 0
}

// aboutRE finds a question for what the article as a whole is about: "What
// is the article about?", "What's this story about?", "What is it all about?".
var aboutRE = regexp.MustCompile(`(?i)^\s*what(?:'s|’s| is| was)\s+(?:the |this |that )?(?:article|story|piece|report|news|it)\s+(?:all\s+)?about\s*[?.!]*\s*$`)

// identityRE finds a question for whom a role or post belongs to: "Who was
// the pilot?", "Who is the BBC's director general?" — not "Who are the
// thieves targeting?" — or for what someone is called: "What was the
// driver's name?", "What is the name of the inspector?".
var identityRE = regexp.MustCompile(`(?i)^(?:who (?:is|was) the\b|what(?:'s|’s| is| was) (?:the name of\b|the [^?]*['’]s name\b|(?:his|her|their) names?\b))`)

// namesAny reports whether sentence i has a capitalized word that is no
// stopword and no word of the question — a name, a title or a body ("Smith",
// "Police", "the Commission"), anywhere in it.
func (d *Doc) namesAny(i int, q bound) bool {
	return slices.ContainsFunc(d.toks[i], func(t token) bool { return t.cap && !t.stop && !q.has(t) })
}

// namesInside is namesAny without the word opening the sentence, capitalized
// as any is: "Read your article." names no one.
func (d *Doc) namesInside(i int, q bound) bool {
	return slices.ContainsFunc(d.toks[i], func(t token) bool { return t.name && !t.stop && !q.has(t) })
}

// preferCovering lets a best sentence that has too little of the question to
// answer it (one rare word) give way to one of the next that has enough,
// however far behind it scores.
func preferCovering(ranked []candidate) {
	if ranked[0].coverage < minCoverage {
		preferAmong(ranked, func(c candidate) bool { return c.coverage >= minCoverage })
	}
}

// preferAmong puts first the first of the best sentences (typedReach of
// them) that is near the question and for which cond holds, and reports
// whether there was one.
func preferAmong(ranked []candidate, cond func(candidate) bool) bool {
	return preferAnywhere(ranked[:min(typedReach, len(ranked))], cond)
}

// preferAnywhere is preferAmong over the whole ranking.
func preferAnywhere(ranked []candidate, cond func(candidate) bool) bool {
	k := slices.IndexFunc(ranked, func(c candidate) bool { return near(c) && cond(c) })
	if k < 0 {
		return false
	}
	raise(ranked, k, 0)
	return true
}

// answerWith answers with the sentences at the indexes, in article order.
func (d *Doc) answerWith(evidence []int) Answer {
	ans := Answer{Answerable: true}
	for _, i := range evidence {
		ans.Evidence = append(ans.Evidence, d.Sentences[i])
	}
	return ans
}

// ageFollows returns, for a question about someone's age, the sentence right
// after one about them (in ranked order) that calls them by their age ("The
// 18-year-old"); -1 otherwise.
func (d *Doc) ageFollows(ranked []candidate, q bound) int {
	if !q.asksAge {
		return -1
	}
	for _, c := range ranked {
		if c.score <= 0 || c.coverage < minCoverage {
			continue
		}
		if j := c.i + 1; j < len(d.Sentences) && ageRE.MatchString(d.Sentences[j]) {
			return j
		}
		// Or at the end of a quotation that opens right after it:
		// "Washington … followed that up with another goal." — "“The last
		// few months have been a crazy time. I know I have been
		// fortunate,” said the 24-year-old."
		if j := c.i + 2; j < len(d.Sentences) && opensQuote(d.Sentences[c.i+1]) && ageRE.MatchString(d.Sentences[j]) {
			return j
		}
	}
	return -1
}

// heading reports whether a sentence is a heading, which gives what it is
// about in the sentence after it: a few words that end without a stop ("6.
// Bioelectrical Impedance Analysis (BIA)", "RTX 3080: Where to Buy").
func heading(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || r == ')') && strings.Count(s, " ") < headingWords
}

// headingWords is how many words a heading has at most.
const headingWords = 12

// opensQuote reports whether a sentence begins with a quotation mark.
func opensQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && strings.ContainsRune(openingQuotes, r)
}

// openingQuotes are the marks that open a quotation, straight or curly.
const openingQuotes = `"'‘“`

// subjectAge returns, for a question about the age of someone the article is
// about — named in its title or first sentence — the first sentence that calls
// someone by age without naming them, as news gives its subject's age once
// it has named them: "Chepkemei hit by big ban" … "The 29-year-old finished
// second to Paula Radcliffe"; -1 otherwise.
func (d *Doc) subjectAge(q bound) int {
	if !q.asksAge || !d.aboutNamed(q) {
		return -1
	}
	return slices.IndexFunc(d.Sentences, ageRE.MatchString)
}

// aboutNamed reports whether the article's title or first sentence names
// someone or something the question does.
func (d *Doc) aboutNamed(q bound) bool {
	for k, t := range q.terms {
		if !q.names[k] {
			continue
		}
		if d.titled(t) {
			return true
		}
		if id := d.termID(t); id >= 0 && (slices.Contains(d.title, id) || len(d.terms) > 0 && slices.Contains(d.terms[0], id)) {
			return true
		}
	}
	return false
}

// ageRE finds a sentence that calls someone by their age, as news does after
// naming them: "The 34-year-old …", "… cannot afford to sack the 43-year-old
// Liverpool legend", "Inter Milan's 22-year-old Brazilian star", "The
// veteran film-maker, 68, won …", "At 23, Henson has …", "At the age of 29 I
// have set some tough goals", "He was 84, …"; in German, "Der 27-Jährige
// könnte …".
var ageRE = regexp.MustCompile(`\b(?:The|the|\p{L}+'s) \d+-year-old\b|\bAt \d{1,3}, |\b[Aa]t the age of \d{1,3}\b|` + describedAge + `|` + pronounAge +
	`|\b(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em) \d{1,3}-[Jj]ährigen?\b` +
	// Spanish, French and Portuguese: "La guatemalteca de 24 años", "le
	// Français de 30 ans", "a jovem de 15 anos".
	`|\b(?:[Ee]l|[Ll]a|[Ll]e|[Oo]|[Aa]) (?:[\pL-]+ ){1,2}de \d{1,3} (?:años|ans|anos)\b` +
	// A sentence that opens by naming someone with their age, after one
	// that said what they did: "… elected a Somali American mayor. Nadia
	// Mohamed, 27, won with 58% of the vote".
	`|^(?:\p{Lu}[\pL'’.-]*\s){1,3}\p{Lu}[\pL'’-]*, \d{1,3},`)

// missingNames returns the capitalized words of a question, past its first,
// that the article never mentions, neither as they are nor as a related word
// ("TV" of an article that says "television"); and the years it never
// mentions ("How many searches were made in 2003?" of an article about
// 2004's).
func (d *Doc) missingNames(question, lang string) []string {
	var out []string
	first := true
	text.EachWordAt(question, func(raw string, at int) {
		r, _ := utf8.DecodeRuneInString(raw)
		w := text.Normalize(raw)
		if len(raw) == 4 && yearRE.MatchString(raw) && d.unused(text.Term(w)) {
			out = append(out, raw) // "How many searches were made in 2003?"
		}
		if first || w == "" || !unicode.IsUpper(r) || raw == "I" || text.IsStopword(w) {
			first = false
			return
		}
		if t := text.Term(w); d.unusedIn(t, lang) && len(d.nationIDs(t)) == 0 && !d.namesNation(t) && !d.spells(raw) && !d.surnameUsed(question[at+len(raw):]) {
			out = append(out, raw)
		}
	})
	return out
}

// namesMissing reports whether the question gives a name the article never
// uses (missingNames), other than its word for the article itself ("der
// Artikel") and the kind of thing asked for, which a
// German question capitalizes as it does every noun: "Welcher Sender
// überträgt die Turniere?" asks which one, as "Which broadcaster …?" does,
// of an article that may name it ("bei Sky") without calling it one.
func (d *Doc) namesMissing(question string, q bound) bool {
	for _, n := range d.missingNames(question, q.lang) {
		if (q.kind == "" || text.Term(text.Normalize(n)) != q.kind) && !slices.Contains(q.self, text.Normalize(n)) {
			return true
		}
	}
	return false
}

// surnameUsed reports whether the words after a name's first word (rest of
// the question) go on with the name, and the article uses its last word: news
// calls someone by surname alone once it has named them, or throughout ("How
// old is David Clarkson?" — "Clarkson, 30, joined …"; "JK Rowling" —
// "Rowling").
func (d *Doc) surnameUsed(rest string) bool {
	last := ""
	for len(rest) > 1 && rest[0] == ' ' {
		rest = rest[1:]
		end := strings.IndexAny(rest, " ?!.,;:")
		if end < 0 {
			end = len(rest)
		}
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
			break
		}
		last, rest = rest[:end], rest[end:]
	}
	var w string // the name's last word as the article's words are read: "Windsor's" → "windsor", "Colfer-Williams" → "williams"
	text.EachWord(last, func(raw string) { w = text.Normalize(raw) })
	return w != "" && !text.IsStopword(w) && !d.unused(text.Term(w))
}

// americaTerms are the terms of the words for the United States and its
// people, which an article may write only as "US" — the spelling of a
// stopword, so no term of it.
var americaTerms = termSet("america american americans")

// writesUS reports whether the article names the United States as "US",
// "USA" or "U.S." in its text or its title.
func (d *Doc) writesUS() bool {
	return usRE.MatchString(d.Title) || slices.ContainsFunc(d.Sentences, usRE.MatchString)
}

var usRE = regexp.MustCompile(`\bUSA?\b|\bU\.S\.`)

// spells reports whether the article spells out an abbreviation the question
// writes (a word in capitals: "M&S's" — "Marks & Spencer").
func (d *Doc) spells(raw string) bool {
	letters := acronymLetters(raw)
	return letters != "" && (spellsAcronym(d.Title, letters) || slices.ContainsFunc(d.Sentences, func(s string) bool { return spellsAcronym(s, letters) }))
}

// unused reports whether the article uses a term neither as it is nor as a
// related word, in its text or its title.
func (d *Doc) unused(term string) bool {
	return d.df(term) == 0 && len(d.relatedIDs(term)) == 0 && !d.titled(term) && !(americaTerms[term] && d.writesUS()) &&
		!(percentTerms[term] && d.writesPercent())
}

// percentTerms are the terms of the words for "per cent" a question may use
// of an article that writes the sign: "Wie viel Prozent der Materialien …?" —
// "Rund 30 % der verbauten Materialien".
var percentTerms = termSet(foldAll("percent percentage prozent porcentaje porcentagem pourcentage procent"))

// writesPercent reports whether the article gives a percentage with the sign.
func (d *Doc) writesPercent() bool {
	return slices.ContainsFunc(d.Sentences, func(s string) bool { return strings.Contains(s, "%") })
}

// unusedIn is unused for a question in language lang: a word the article
// writes otherwise in the question's language is used ("Verstorbene" — "Beim
// Verstorbenen", "ganó" — "gané"; formsIn).
func (d *Doc) unusedIn(term, lang string) bool {
	return d.unused(term) && len(d.formsIn(lang, term)) == 0
}

// titled reports whether the title uses a term that no sentence does. The
// title is the article's too: "Who is hosting the Oscars?" of "Hollywood ready
// for Oscars night", whose text says "the 77th Academy Awards", asks about
// what the article is about, and a reply that it never mentions "Oscars"
// would be false.
func (d *Doc) titled(term string) bool { return slices.Contains(d.titleOnly, term) }

// relatedIDs returns the numbers of the article's terms related to term.
func (d *Doc) relatedIDs(term string) []int32 {
	var out []int32
	for _, r := range text.Related(term) {
		if id := d.termID(r); id >= 0 {
			out = append(out, id)
		}
	}
	if len(out) == 0 && d.termID(term) < 0 {
		out = d.compoundIDs(term)
		if len(out) == 0 {
			out = d.superlativeIDs(term)
		}
		if len(out) == 0 {
			out = d.doneToIDs(term)
		}
		if len(out) == 0 {
			out = d.adverbIDs(term)
		}
	}
	return out
}

// adverbIDs returns, for an adverb's term the article never uses, its
// adjective's, and for an adjective's its adverb's, when the article uses
// that: "heavily" — "heavy use", "quick" — "quickly". (Stemming joins the
// longer ones, "financially" — "financial", but leaves "heavili" apart
// from "heavi".)
func (d *Doc) adverbIDs(term string) []int32 {
	if len(term) < 4 {
		return nil
	}
	other := term + "li"
	if base, ok := strings.CutSuffix(term, "li"); ok {
		other = base
	}
	if len(other) < 4 {
		return nil // not "early" — "ear", "apply" — "app", "reply" — "rep"
	}
	if id := d.termID(other); id >= 0 {
		return []int32{id}
	}
	return nil
}

// doneToIDs returns, for a verb's term the article never uses, the term of
// the noun for whoever it is done to or who does it in "-ee", when the
// article uses that: "attend" — "attendees", "train" — "trainees", "detain"
// — "detainees", "retire" — "retirees". (Stemming leaves the "e" of "-ee";
// the verb's term is five letters or more, as "car" and "care" are not.)
func (d *Doc) doneToIDs(term string) []int32 {
	if len(term) < 5 || strings.HasSuffix(term, "e") {
		return nil
	}
	if id := d.termID(term + "e"); id >= 0 {
		return []int32{id}
	}
	return nil
}

// superlativeIDs returns, for an adjective's term the article never uses, its
// superlative when the article uses that ("new" — "the newest", "big" —
// "biggest", "large" — "largest"), and for a superlative the adjective ("the
// highest" — "high"); nil otherwise.
func (d *Doc) superlativeIDs(term string) []int32 {
	if len(term) < 3 {
		return nil
	}
	if base, ok := strings.CutSuffix(term, "est"); ok && len(base) >= 3 {
		for _, t := range []string{base, text.Stem(base + "e"), base[:len(base)-1]} {
			if id := d.termID(t); id >= 0 {
				return []int32{id}
			}
		}
		return nil
	}
	for _, t := range []string{term + "est", term + term[len(term)-1:] + "est"} {
		if id := d.termID(t); id >= 0 {
			return []int32{id}
		}
	}
	return nil
}

// compoundIDs returns, for a term the article never uses, the article's
// terms for its two halves when the article writes it as two words or with a
// hyphen: "foodbanks" as "food banks", "replanted" as "re-planted",
// "eurozone" as "euro zone". Each half is a word of the article of three
// letters or more, or the first is a prefix that news hyphenates, and the
// article writes the halves side by side; nil otherwise.
func (d *Doc) compoundIDs(term string) []int32 {
	for k := 2; k <= len(term)-3; k++ {
		head, tail := term[:k], term[k:]
		headID := d.termID(head)
		if headID < 0 && k >= 3 {
			headID = d.termID(text.Stem(head))
		}
		if headID < 0 && !hyphenPrefixes[head] || k < 3 && !hyphenPrefixes[head] {
			continue
		}
		tailID := d.termID(tail)
		if tailID < 0 {
			tailID = d.termID(tail + "e") // "healthcar" is "health" and "care"
		}
		if tailID < 0 || !d.writesApart(head, tail[:min(len(tail), 4)]) {
			continue
		}
		if headID >= 0 {
			return []int32{headID, tailID}
		}
		return []int32{tailID}
	}
	return nil
}

// hyphenPrefixes are the prefixes news writes with or without a hyphen
// ("re-planted", "co-founder", "non-profit").
var hyphenPrefixes = map[string]bool{"re": true, "co": true, "pre": true, "non": true, "anti": true, "post": true, "ex": true, "mid": true, "multi": true, "self": true, "cross": true}

// writesApart reports whether a sentence of the article has the word head
// followed, after a space or a hyphen, by a word that begins with tail, in
// any case: "food banks", "re-planted".
func (d *Doc) writesApart(head, tail string) bool {
	for _, s := range d.Sentences {
		for i := 0; i+len(head)+1+len(tail) <= len(s); i++ {
			if j := i + len(head); (s[j] == ' ' || s[j] == '-') && strings.EqualFold(s[i:j], head) && strings.EqualFold(s[j+1:j+1+len(tail)], tail) &&
				(i == 0 || !isLetter(s[i-1])) {
				return true
			}
		}
	}
	return false
}

// nationIDs returns the numbers of the article's terms for a country and its
// people's adjective, when the question names the other: "Algerian" for
// "Algeria" and back, "Kenyan", "Iraqi", "Japanese", "Chinese", "Kyrgyz" for
// "Kyrgyzstan" and "Afghan" for "Afghanistan". A question
// about "the Algerian protests" is about an article on protests in Algeria.
func (d *Doc) nationIDs(term string) []int32 {
	if len(term) < 4 { // "es": too short to have a people's ending
		return nil
	}
	var forms []string
	switch {
	case strings.HasSuffix(term, "stan"): // Kyrgyzstan (the Kyrgyz Republic), Afghanistan
		base := term[:len(term)-4]
		forms = append(forms, base, strings.TrimSuffix(base, "i"))
	case strings.HasSuffix(term, "an"): // Algerian, Kenyan, American
		forms = append(forms, term[:len(term)-1])
	case strings.HasSuffix(term, "es"): // Japanese, Chinese (stemmed "japanes", "chines")
		base := term[:len(term)-2]
		forms = append(forms, base, base+"a")
	case strings.HasSuffix(term, "i"): // Iraqi, Pakistani
		forms = append(forms, term[:len(term)-1])
	}
	forms = append(forms, term+"n", term+"i", term+"stan", term+"istan")
	var out []int32
	for _, f := range forms {
		if len(f) < 4 {
			continue
		}
		if id := d.termID(text.Term(f)); id >= 0 {
			out = append(out, id)
		}
	}
	return out
}

// namesNation reports whether the article names the country or people of a
// term by a word no ending links to it (nations).
func (d *Doc) namesNation(term string) bool {
	return slices.ContainsFunc(nations[term], func(t string) bool { return d.termID(t) >= 0 })
}

// nations links the terms of a country and its people where no ending does:
// "Holland", "the Netherlands" and "the Dutch", "Wales" and "Welsh", "Italy"
// and "Italian".
var nations = func() map[string][]string {
	m := map[string][]string{}
	for _, group := range strings.Split(`holland netherlands dutch|britain british briton|wales welsh|scotland scottish scots|`+
		`england english|ireland irish|france french frenchman|spain spanish spaniard|switzerland swiss|denmark danish dane|`+
		`sweden swedish swede|finland finnish finn|poland polish pole|turkey turkish turk|greece greek|philippines filipino|`+
		`norway norwegian|italy italian|brazil brazilian|egypt egyptian|canada canadian|germany german|mexico mexican|`+
		`ukraine ukrainian|iran iranian|hungary hungarian|belgium belgian|argentina argentine argentinian|portugal portuguese|`+
		`peru peruvian|chile chilean|venezuela venezuelan|thailand thai|iceland icelandic|israel israeli`, "|") {
		var terms []string
		for _, w := range strings.Fields(group) {
			terms = append(terms, text.Term(w))
		}
		for _, t := range terms {
			for _, u := range terms {
				if u != t && !slices.Contains(m[t], u) {
					m[t] = append(m[t], u)
				}
			}
		}
	}
	return m
}()

// lacks reports whether the article uses a term of question q in no form at
// all: neither as it is nor as a related word (as bind found them), nor in
// its title, nor in the phrase news says it in (phrasedAs: "take over from"
// for "replace").
func (d *Doc) lacks(q bound, term string) bool {
	if term == "" || askWord[term] || d.termID(term) >= 0 || d.titled(term) {
		return false
	}
	if q.german() && len(d.titleOnly) > 0 && slices.ContainsFunc(d.titleOnly, germanForm(term)) {
		return false // "verlängert" of an article headed "… steht vor 4-wöchiger Verlängerung"
	}
	if re := phrasedAs[term]; re != nil && slices.ContainsFunc(d.Sentences, re.MatchString) {
		return false // "Collins … takes over from Max Jones", "Air Deccan, set up by … Gorur Gopinath"
	}
	if k := slices.Index(q.terms, term); k >= 0 {
		return len(q.related[k]) == 0
	}
	return len(d.relatedIDs(term)) == 0
}

// captainSheet returns, for "Who is France's captain?", the team sheet that
// marks the captain — "Fabien Pelous (Stade Toulousain, capt)" — when the
// article marks only one (a squad story, not a match report's two sides).
// It returns nil for other questions and other articles.
func (d *Doc) captainSheet(question string, q bound) []int {
	if q.predicate != captainTerm || !opensWith(question, "who") {
		return nil
	}
	sheet, marks := -1, 0
	for i, s := range d.Sentences {
		if n := strings.Count(s, "capt)"); n > 0 {
			sheet, marks = i, marks+n
		}
	}
	if marks != 1 {
		return nil
	}
	return []int{sheet}
}

// captainTerm is the term of "captain".
var captainTerm = text.Term("captain")

// replaceTerm and succeedTerm are the terms of the verbs news says "take
// over from" for (takeOverRE).
var replaceTerm, succeedTerm = text.Term("replace"), text.Term("succeed")

// phrasedAs maps the terms of verbs news says in a phrase of its own to the
// phrase: "take over from" (takeOverRE) for "replace" and "succeed", "set up
// by" (setUpByRE) for "found" a firm, a sum by the year (payRateRE) for what
// a job "pays" or someone "earns", "runs until" (runsUntilRE) for when
// something "ends", "rolled out" or "on sale" (onSaleRE) for when it is
// "available", "will face" (facesNextRE) for whom someone will "play",
// "ruled out for offside" (ruledOutRE) for a try "disallowed". Such a phrase
// keeps the article from lacking the verb (lacks) and counts, for less, in the
// ranking.
var phrasedAs = map[string]*regexp.Regexp{replaceTerm: takeOverRE, succeedTerm: takeOverRE, text.Term("founded"): setUpByRE,
	text.Term("paid"): payRateRE, text.Term("earn"): payRateRE, text.Term("end"): runsUntilRE, text.Term("available"): onSaleRE,
	text.Term("play"): facesNextRE, text.Term("disallowed"): ruledOutRE}

// ruledOutRE finds a score a referee did not give, as a report says it:
// "Mark Cueto's first-half effort was ruled out for offside", "chalked off".
var ruledOutRE = regexp.MustCompile(`\b(?:ruled out|chalked off|struck off) for\b|\b(?:was|were) (?:ruled out|chalked off)\b`)

// facesNextRE finds whom a side or a player meets next, as a report says it:
// "Dent will face Juan Ignacio Chela next", "Costa will next face Croatian
// Ivan Ljubicic" — not "has to face problems".
var facesNextRE = regexp.MustCompile(`\b(?:will|would|could|set to|due to) (?:next )?(?:face|meet|take on)\b`)

// onSaleRE finds when something reaches those who would have it, as news
// says it: "is expected to be rolled out on DVDs from the middle of 2005",
// "goes on sale in March", "in the shops by Christmas".
var onSaleRE = regexp.MustCompile(`\b(?:roll(?:s|ed|ing)? out|(?:go|goes|went|gone|going) on sale|in (?:the )?shops)\b`)

// runsUntilRE finds when something ends as news says it, by how long it
// runs: "The 10-day Berlinale runs until 20 February", "the trade show …
// runs from 6 to 9 January", "whose club contract runs to the summer", "his
// deal expires in June".
var runsUntilRE = regexp.MustCompile(`\b(?:runs?|running|ran|lasts?|continues?) (?:until|till|from \S+(?: \S+){0,2} (?:to|until) \d)` +
	`|\bruns? to (?:the )?(?:end|summer|spring|autumn|winter|next)\b|\bexpir(?:es|ed|ing|e)\b`)

// payRateRE finds a sum by the year, month or week, as news gives what a job
// pays: "the £100,000-a-year job", "earning $2m a year." — not a sum "a year
// earlier".
var payRateRE = regexp.MustCompile(`[£$€][\d,.]+(?:m|bn|k)?(?:-a-(?:year|month|week)\b|(?: a | per )(?:year|month|week)(?:[.,;)]|$| (?:job|salary|wage|contract|deal|post|role)\b))`)

// setUpByRE finds a founder after "set up by".
var setUpByRE = regexp.MustCompile(`\bset up by (?:\p{Ll}+ )*\p{Lu}`)

// takeOverRE finds someone taking over from someone else: a successor, not a
// buyer ("took over the firm"), nor one whose predecessor is not named ("took
// over as chief executive"); or standing in for them ("has been put in
// temporary charge", "caretaker boss", "in place of the chancellor", "his
// place went to Chris Wood") — not merely "put in charge of" something, which
// replaces no one.
var takeOverRE = regexp.MustCompile(`\b(?:(?:take|takes|taking|took|taken) over from|(?:put|placed) in (?:temporary|interim|caretaker) charge|in (?:temporary|interim|caretaker) charge|caretaker|in place of|in (?:his|her|their) stead|(?:his|her|their) place (?:went|goes|has gone) to)\b`)

// namesNext reports whether the sentence after sentence i goes on about what
// it said (describesBack) and names someone in full that the question does
// not.
func (d *Doc) namesNext(i int, q bound) bool {
	j := i + 1
	return j < len(d.Sentences) && describesBack(d.Sentences[j]) && fullName(d.toks[j], q) > 0
}

// namesAnswer reports whether sentence i names someone or something the
// question does not: in full (fullName), or for "where" in one word, as a
// place often is ("the Lebanese capital Beirut").
func (d *Doc) namesAnswer(i int, q bound, where bool) bool {
	return fullName(d.toks[i], q) > 0 || where && answerType(d.Sentences[i], d.toks[i], q) > 0
}

// injuryTerm is the term of "injury", the kind of thing "What injury …?"
// asks for.
var injuryTerm = text.Term("injury")

// injuryRE finds an injury named as sports news names one: the part of the
// body with what is wrong with it ("a wrist injury", "broke his left leg",
// "damaged his collar bone"), or a word that needs no part ("a double hernia",
// "hamstring trouble").
var injuryRE = regexp.MustCompile(`(?i)\b(?:` +
	`(?:broken|broke|breaking|fractured?|fracturing|dislocated?|dislocating|torn|tore|tearing|damaged?|damaging|injured?|injuring|hurt|hurting|bruised|sprained|strained|twisted|pulled|aggravated?|aggravating|trapped) (?:(?:his|her|their|a|an|the|left|right) ){0,2}` + bodyParts +
	`|` + bodyParts + ` (?:injury|injuries|problems?|strain|trouble|damage|knock|surgery|operation|ligaments?|tendons?|muscles?|fracture)` +
	`|hamstring|groin|achilles|ligaments?|cartilage|hernia|concussion|tendinitis|tendonitis|collar ?bone|stress fracture)\b`)

// bodyParts is the alternation of the parts of the body injuryRE knows.
const bodyParts = `(?:ankles?|knees?|hamstrings?|groin|thighs?|calf|calves|foot|feet|toes?|shins?|hips?|back|neck|shoulders?|elbows?|wrists?|hands?|fingers?|thumbs?|arms?|biceps?|ribs?|head|eyes?|disc|heels?|legs?|achilles|collar ?bone|cheekbone|jaw|nose|spine|pelvis|nerve)`

// preferInjury raises to the top the best sentence that names an injury
// (injuryRE): first one that names someone the question does (by surname:
// "Scott Gray" is not "Scott MacLeod"), then one that goes on about them
// right after a sentence that names them ("But now he has pulled out with a
// bruised knee"), then one near it, then one right after a sentence that
// names them ("Morrison has been ruled out … The 18-year-old … had surgery to
// repair a double hernia").
func (d *Doc) preferInjury(ranked []candidate, q bound) {
	injury := func(i int) bool { return injuryRE.MatchString(d.Sentences[i]) }
	named := d.namesSubject(q)
	after := func(c candidate) bool { return c.i > 0 && injury(c.i) && named(c.i-1) }
	if preferAnywhere(ranked, func(c candidate) bool { return injury(c.i) && named(c.i) }) {
		return
	}
	// One that goes on about them names no one else's injury: "Terry …
	// would have been a certain starter. But now he has pulled out with a
	// bruised knee."
	if k := slices.IndexFunc(ranked, func(c candidate) bool { return after(c) && refersBack(d.Sentences[c.i]) }); k >= 0 {
		raise(ranked, k, 0)
		return
	}
	if preferAnywhere(ranked, func(c candidate) bool { return injury(c.i) }) {
		return
	}
	if k := slices.IndexFunc(ranked, after); k >= 0 {
		raise(ranked, k, 0)
	}
}

// namesSubject returns a test of whether a sentence names someone the
// question names, by surname ("Scott Gray" is not "Scott MacLeod").
func (d *Doc) namesSubject(q bound) func(i int) bool {
	var names []int32
	for _, t := range subjectTerms(q) {
		names = append(names, d.termID(t))
	}
	return func(i int) bool {
		return slices.ContainsFunc(d.toks[i], func(t token) bool { return t.cap && t.id >= 0 && slices.Contains(names, t.id) })
	}
}

// subjectTerms returns the terms of the names a question gives, a name of
// more words by its last ("gray" for "Scott Gray").
func subjectTerms(q bound) []string {
	var out []string
	surnames := surnamesOf(q)
	for k, t := range q.terms {
		if q.names[k] && (surnames == nil || surnames[k] < 0) {
			out = append(out, t)
		}
	}
	return out
}

// standing returns, for "What is Davenport's ranking?", the sentences that
// give where the player stands now ("world number one", "slipped to 64 in
// the world", "ranked 12"; not "former world number one", nor a seeding):
// one that names them, else one that describes them right after one that
// does ("Lindsay Davenport has … The 28-year-old world number one had said
// …"). It returns nil for other questions and when no sentence does.
func (d *Doc) standing(question string, q bound) []int {
	if !strings.Contains(question, "ranking") || !opensWith(question, "what") {
		return nil
	}
	named := d.namesSubject(q)
	stands := func(i int) bool {
		s := d.Sentences[i]
		return slices.ContainsFunc(standingRE.FindAllStringIndex(s, -1), func(m []int) bool {
			return !strings.HasSuffix(strings.ToLower(s[:m[0]]), "former ")
		})
	}
	for i := range d.Sentences {
		if stands(i) && named(i) {
			return []int{i}
		}
	}
	for i := 1; i < len(d.Sentences); i++ {
		if stands(i) && describesBack(d.Sentences[i]) && named(i-1) {
			return []int{i - 1, i}
		}
	}
	return nil
}

// teamOf returns, for "Who does Lennon play for?" or "Which club does Ronaldo
// play for?", the sentence that names the team beside the player as news
// does — its possessive ("Celtic's Neil Lennon"), or with the player's
// position ("Manchester United winger Cristiano Ronaldo") — else the
// sentence right after one that names them which opens by calling them so
// ("Scott Gray will miss … The Borders flanker has a knee injury"). Not for
// a club they played for before ("… before Birmingham?"). It returns nil for
// other questions and when no sentence does.
func (d *Doc) teamOf(question string, q bound) []int {
	if !(opensWith(question, "who") || opensWith(question, "which")) || !playsForRE.MatchString(question) || formerRE.MatchString(question) {
		return nil
	}
	subject := subjectTerms(q)
	if len(subject) == 0 {
		return nil
	}
	named := d.namesSubject(q)
	for i, s := range d.Sentences {
		for _, m := range teamBeforeRE.FindAllStringSubmatchIndex(s, -1) {
			if !q.hasWord(s[m[2]:m[3]]) && namedNext(s[m[1]:], subject) {
				return []int{i}
			}
		}
	}
	for i := 1; i < len(d.Sentences); i++ {
		if m := teamDescribedRE.FindStringSubmatch(d.Sentences[i]); m != nil && !q.hasWord(m[1]) && named(i-1) {
			return []int{i - 1, i}
		}
	}
	return nil
}

// workBy returns, for "Who wrote The Pillowman?" or "Who wrote the book?",
// the first sentence that names the work right before "by" and whoever made
// it: "The Pillowman by Martin McDonagh", "The book, by Sunday Telegraph
// journalist Robert Peston, said …", whatever verb the article uses or none.
// It returns nil for other questions and when no sentence does.
func (d *Doc) workBy(question string, q bound) []int {
	if !opensWith(question, "who") || !authorVerbs[q.predicate] {
		return nil
	}
	for i, s := range d.Sentences {
		for _, m := range byNameRE.FindAllStringSubmatchIndex(s, -1) {
			if name := s[m[2]:m[3]]; q.hasWord(name) || timeNames[name] && !capitalized(strings.TrimLeft(s[m[3]:], " ")) {
				continue // "the full report by early March", not "by Sunday Telegraph journalist …"
			}
			before := strings.Fields(s[max(0, m[0]-workReach):m[0]])
			if k := len(before); k > 0 && slices.ContainsFunc(before[max(0, k-2):], func(w string) bool {
				t := text.Term(strings.ToLower(strings.Trim(w, ",;:'’\"")))
				return t == q.object || slices.Contains(q.terms, t) && t != q.predicate
			}) {
				return []int{i}
			}
		}
	}
	return nil
}

// workReach is how far before "by" a work's name may end: "Brown's Britain,
// by …".
const workReach = 30

// authorVerbs are the terms of the verbs a question asks who made a work
// with.
var authorVerbs = termSet("write wrote written direct directed compose composed paint painted")

// seatOf returns, for "Which constituency does Barbara Roche represent?",
// the sentence that names an MP's seat as news does: "Ms Roche, Labour MP
// for Hornsey and Wood Green," beside the MP's name, or — in any of its forms,
// "the Ealing North MP" too — in a sentence that names no one the question
// does, right after one that names the MP ("Stephen Pound labelled … The MP
// for Ealing North claimed …"); not "The Glasgow Kelvin MP … accused Ms
// King", someone else's seat. It returns nil for other questions and when no
// sentence does.
func (d *Doc) seatOf(question string, q bound) []int {
	// (No lower-casing: it would cost every question an allocation.)
	mpFor := strings.Index(question, " MP for")
	if !strings.Contains(question, "onstituency") && mpFor < 0 || !slices.Contains(q.names, true) {
		return nil
	}
	if mpFor >= 0 {
		// "Which constituency is Stephen Pound MP for?": the MP is Stephen
		// Pound, not a name "Stephen Pound MP".
		q = d.bind(parseQuery(question[:mpFor] + question[mpFor+len(" MP"):]))
	}
	named := d.namesSubject(q)
	for i, s := range d.Sentences {
		switch {
		case named(i) && mpForRE.MatchString(s):
			return []int{i}
		case i > 0 && !named(i) && named(i-1) && (mpForRE.MatchString(s) || seatMPRE.MatchString(s)):
			return []int{i - 1, i}
		}
	}
	return nil
}

// mpForRE and seatMPRE find an MP's seat as news names it: "MP for
// Richmond", "running for the seat of Dewsbury", "entered Parliament for
// Sheffield Brightside", "the Ealing North MP" (not "a safe Labour seat",
// which names a party).
var (
	mpForRE  = regexp.MustCompile(`\bMP for \p{Lu}|\b(?:constituency|seat) (?:of|now known as) \p{Lu}|\b(?:entered|elected to) (?:Parliament|the Commons) for \p{Lu}`)
	seatMPRE = regexp.MustCompile(`\b[Tt]he (?:\p{Lu}[\p{L}'-]* )+MP\b`)
)

// namedNext reports whether s opens with a player named by one of the terms,
// past words that describe them ("former Irish international Trevor Brennan")
// but nothing else ("offer for Republic of Ireland international Reid" is
// not Southampton's player).
func namedNext(s string, terms []string) bool {
	for n, w := range strings.Fields(s) {
		if n == maxDescriptionName+2 {
			break
		}
		word := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), ".,;:!?\"'’”)")
		if slices.Contains(terms, text.Term(strings.ToLower(word))) {
			return true
		}
		if word != w || !capitalized(word) && !playerWordRE.MatchString(word) {
			return false
		}
	}
	return false
}

// positions are the places in a side news names a player by, after the
// team: "Leicester lock", "Wasps flanker", "Real Madrid striker". (Not
// "captain", "star" or "international", which news writes after a country
// as often: "England captain Jonny Wilkinson".)
const positions = `striker|forward|winger|wing|midfielder|defender|centre-back|full-back|left-back|right-back|sweeper|goalkeeper|keeper|` +
	`flanker|lock|prop|hooker|fly-half|scrum-half|outside-half|stand-off|centre|number eight|back-row|tight-head|loose-head`

// playerWordRE finds the words that may describe a player between a team's
// possessive and the name: "former", "Irish", "international", "30-year-old".
var playerWordRE = regexp.MustCompile(`^(?:former|new|veteran|young|teenage|international|captain|star|\d+-year-old|` + positions + `)$`)

var (
	// teamBeforeRE finds a team named before a player: its possessive
	// ("Celtic's Neil Lennon", "Toulouse's former Irish international
	// Trevor Brennan"), or the team and the position ("Manchester United
	// winger"). The team is its first group; the player's name follows.
	// The words of a name are capitalized after a hyphen too: not
	// "Tough-scrummaging prop Julian White".
	teamBeforeRE = regexp.MustCompile(`(\p{Lu}[\p{L}&.]*(?:-\p{Lu}[\p{L}&.]*)*(?: \p{Lu}[\p{L}&.]*(?:-\p{Lu}[\p{L}&.]*)*)*)(?:['’]s | (?:` + positions + `) )`)
	// teamDescribedRE finds a sentence that opens by calling a player by
	// team and position: "The Borders flanker has …", "The 34-year-old
	// Leicester lock's final match …".
	teamDescribedRE = regexp.MustCompile(`^The (?:\d+-year-old |former |new )?(\p{Lu}[\p{L}&.-]*(?: \p{Lu}[\p{L}&.-]*)*) (?:` + positions + `)\b`)
	// formerRE finds a question about a time before now: "Which club did
	// Gronkjaer play for before Birmingham?".
	formerRE = regexp.MustCompile(`(?i)\b(?:before|previously|formerly|used to|last season|in the past)\b`)
)

// beatenRE finds a question about who beat someone: "Who beat Moya?", "Who
// defeated Henman in the final?".
var beatenRE = regexp.MustCompile(`^(?i:who (?:beat|defeated|knocked out|eliminated)) \p{Lu}`)

// lossRE finds a defeat told from the loser's side, before the winner's name.
var lossRE = regexp.MustCompile(`\b(?:(?:lost|losing|loses|lose|went down|going down|goes down|fell|crashed out|bowed out) to|(?:beaten|defeated|dispatched|knocked out|eliminated|edged out|thrashed|outclassed|upset|stunned) by) (?:(?:the |fellow |world |top |\p{Ll}+ )?(?:\p{Lu}[\p{L}-]* )?)?\p{Lu}`)

// preferLoss raises to the top the best sentence that tells of a defeat of
// the question's subject from their side (lossRE): one that names them, else
// one that goes on about them right after one that does.
func (d *Doc) preferLoss(ranked []candidate, q bound) {
	named := d.namesSubject(q)
	lost := func(i int) bool { return lossRE.MatchString(d.Sentences[i]) }
	if preferAnywhere(ranked, func(c candidate) bool { return lost(c.i) && named(c.i) }) {
		return
	}
	if k := slices.IndexFunc(ranked, func(c candidate) bool {
		return c.i > 0 && lost(c.i) && describesBack(d.Sentences[c.i]) && named(c.i-1)
	}); k >= 0 {
		raise(ranked, k, 0)
	}
}

// birthdayRE finds a birthday that gives an age: "his 50th birthday".
var birthdayRE = regexp.MustCompile(`\b(?:his|her|its|their) \d{1,3}(?:st|nd|rd|th) birthday\b`)

// birthdayOf reports whether sentence s gives the birthday of someone the
// question names, named before it: "Movie monster Godzilla has received a
// star …, honouring both his 50th birthday"; not "The England centre will
// have spent his 19th birthday … by Henson's tackles".
func birthdayOf(s string, q bound) bool {
	m := birthdayRE.FindStringIndex(s)
	if m == nil {
		return false
	}
	names := subjectTerms(q)
	return slices.ContainsFunc(text.Words(s[:m[0]]), func(w string) bool { return slices.Contains(names, text.Term(w)) })
}

// matchTimeRE finds when in a match something happened, as a report tells
// it: "with eight minutes remaining", "after 20 minutes", "on 50 minutes",
// "four minutes from time", "in the 79th minute", "a 79th-minute own goal",
// "just before half-time".
var matchTimeRE = regexp.MustCompile(`(?i)\b(?:with|after|on|inside) (?:\d{1,3}|` + spelledNumberAlt + `|the first|the last) (?:minutes?|seconds)\b|\b(?:\d{1,3}|` + spelledNumberAlt + `) minutes? (?:from|before) (?:time|the end|full-time)\b|\b\d{1,3}(?:st|nd|rd|th)[- ]minute\b|\b(?:just )?(?:before|after) (?:half-time|the break|the interval)\b`)

// goalLineRE finds a line of a match card that gives who scored and when:
// "Campbell 75.", "Henry 23, 67.", "Lampard (pen) 40.", "Riggott 74, Graham
// 86.".
var goalLineRE = regexp.MustCompile(`^` + goalScorer + `(?:, ` + goalScorer + `)*\.?$`)

// goalScorer is one scorer of a card's line with the minutes of their goals.
const goalScorer = `\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?(?: \(pen\))? \d{1,3}(?:, \d{1,3})*`

// standingRE finds where a player stands in a ranking, as news gives it.
var standingRE = regexp.MustCompile(`(?i)\b(?:world (?:number|no\.?) (?:\d+|` + spelledNumberAlt + `)` +
	`|ranked (?:world )?(?:number |no\.? )?\d+` +
	`|(?:\d+(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) in the (?:world|rankings|world rankings))\b`)

// causeRE finds a cause given as news gives one, in English, German, Spanish
// or French ("aufgrund positiver Corona-Tests", "debido a la lluvia").
var causeRE = regexp.MustCompile(`(?i)\b(?:because|due to|owing to|thanks to|as a result|result of|blam(?:e|es|ed|ing)|reasons?|caused?|led to|after|following|amid|in order to|so that|designed to|aims? to` +
	`|weil|wegen|aufgrund|infolge|porque|debido a|a causa de|por culpa de|parce que|en raison de|grâce)\b`)

// scorerNamed reports whether sentence i says someone scored, as a match
// report does (scoringRE), and names someone the question does not — in the
// report's words, not in a quote ("We scored a great goal," said …).
func (d *Doc) scorerNamed(i int, q bound) bool {
	s := d.Sentences[i]
	return !strings.ContainsAny(s, "\"“”") && scoringRE.MatchString(s) && slices.ContainsFunc(d.toks[i], func(t token) bool { return t.name && !q.has(t) })
}

// scoringRE finds a goal or a try as match reports give it: "scored",
// "two-try scorer", "equalised", "a sublime strike to put Arsenal ahead",
// "which went in via a deflection … to put United ahead", "cracked home", "a
// try from", "made it 2-0", a try "finished immaculately by Girvan Dempsey",
// "touched down".
var scoringRE = regexp.MustCompile(`\b(?:scor(?:ed|es|ing|er)|(?:[Gg]oal|[Tt]ry)-?scorer|netted|nets|equalis(?:ed|er)|levelled|header|strike` +
	`|(?:fired|smashed|smashing|cracked|slotted|stabbed|volleyed|curled|drilled|rifled|tapped|poked|prodded|lashed|blasted|nodded|bundled|headed|turned|slid|struck|crashed) (?:home|in|into)` +
	`|gave \p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)? the lead|put \p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*)? (?:ahead|in front)|added (?:a|the) (?:second|third|fourth|fifth|sixth)|doubled (?:the|their|his|her) (?:lead|advantage)` +
	`|converted|(?:a|the|his|two|three) tries from|(?:a|the|his) (?:try|goal|goals) from|tries from|goals from|opened the scoring|made it \d+-\d+|pulled one back|reduced the deficit` +
	`|finished (?:\p{Ll}+ )?(?:off )?by|touched down|went over for)\b`)

// makerNamed reports whether sentence i names, beside the question's object,
// someone the question does not: right before it ("the Hefce report") or
// after it and "by" or "from" ("figures from the Building Societies
// Association"), or a passive of making and "by" for a question about
// making (makerAfterRE).
func (d *Doc) makerNamed(i int, q bound) bool {
	if q.object == "" {
		return false
	}
	s := d.Sentences[i]
	found := false
	n, prev, prevEnd := 0, "", -1 // words read; the one before and where it ends
	text.EachWordAt(s, func(raw string, at int) {
		n++
		if found {
			return
		}
		if text.Term(text.Normalize(raw)) == q.object {
			// A capital opening the sentence is no name ("Separate figures").
			before := n > 2 && s[prevEnd:at] == " " && capitalized(prev) && !text.IsStopword(strings.ToLower(prev)) && !q.hasWord(prev)
			m := makerAfterRE.FindStringSubmatch(s[at+len(raw):])
			made := m != nil && (m[1] == "" || makingVerbs[text.Term(m[1])] && makingVerbs[q.predicate])
			found = before || made && !q.hasWord(m[3]) && !text.IsStopword(m[2]) && !isMonth(m[3]) // not "by early March"
		}
		prev, prevEnd = raw, at+len(raw)
	})
	return found
}

// makerAfterRE finds a name after "by" or "from" right after a noun, or
// after a passive and "by" (the verb in group 1), with the word that says
// what it is, if any, last of up to three before it (group 2): "… figures
// from the Building Societies Association", "a report by analysts Forrester
// Research", "The figures, from e-mail management firm Email Systems", "the
// network has been developed by Intel".
var makerAfterRE = regexp.MustCompile(`^,? (?:(?:(?:has|have|had|will) )?(?:been|be|was|were|is|are) (\p{Ll}+) by|by|from) (?:the )?(?:(?:\p{Ll}[\p{Ll}-]* ){0,2}(\p{Ll}+) )?(\p{Lu}[\p{L}'-]*)`)

// makingVerbs are verbs of making: a question about making ("Which company
// built the network?") is answered by another's passive ("The network has
// been developed by Intel"); one about buying is not answered by "the
// consortium that won the auction for the mill was created by …".
var makingVerbs = termSet("make made build built develop write wrote written publish produce compile commission create design conduct carry release issue prepare")

// makerNext returns, for a question about who made the question's object (a
// report, figures) or made news known, the sentence after one that gives
// them without saying whose they are ("…, figures show.", "…, a report
// says.", "…, according to federal regulators.") when it names whose: "The
// National Audit Office praised …", "…, the Indian Government said." It
// returns -1 when there is none.
func (d *Doc) makerNext(ranked []candidate, q bound) int {
	for _, c := range ranked {
		j := c.i + 1
		if near(c) && j < len(d.Sentences) && d.unattributed(c.i, q) && d.sourceNamed(j, q) {
			return j
		}
	}
	return -1
}

// unattributed reports whether sentence i has the question's object followed
// by what it says ("figures show", "a report suggests", "new figures
// showing") or ends with a source it does not name; not in someone's words
// ("… and the report shows that our efforts are gathering pace," the
// minister said), where whose it is was said before.
func (d *Doc) unattributed(i int, q bound) bool {
	s := d.Sentences[i]
	if strings.ContainsAny(s, "\"“”") {
		return false
	}
	if unnamedSourceRE.MatchString(s) {
		return true
	}
	found := false
	text.EachWordAt(s, func(raw string, at int) {
		found = found || text.Term(text.Normalize(raw)) == q.object && sayingRE.MatchString(s[at+len(raw):])
	})
	return found
}

// announceWords ask who made news known.
var announceWords = termSet("announce say report warn reveal confirm claim publish release issue")

// unnamedSourceRE finds a sentence that ends by saying who says it without a
// name: "…, a trade body has warned.", "…, according to federal regulators."
var unnamedSourceRE = regexp.MustCompile(`(?:, (?:a|an|the) (?:[a-z-]+ ){0,2}[a-z-]+ (?:has |have )?(?:said|says|warned|warns|claims|claimed|suggests|found|reported|revealed)|,? according to (?:a |an |the )?(?:[a-z-]+ ){0,2}[a-z-]+` +
	// "…, says a report.", "…, say researchers."
	`|, (?:says?|said|warns?|warned|claims?|claimed|suggests?|suggested) (?:a |an |the )?(?:[a-z-]+ ){0,2}[a-z-]+)\.?$`)

// sayingRE finds, right after a report's or figures' noun, what they say.
var sayingRE = regexp.MustCompile(`^,? (?:says?|suggests?|shows?|showing|suggesting|finds|found|reveals?|revealed|indicates?)\b`)

// saidBy reports whether, for a question that asks who or which made
// something known ("Who announced the match?"), a sentence that has what was made known says
// whose words it gives ("Sydney will host a charity match in June, the
// Australian Rugby Union said on Wednesday."); it puts the best such
// sentence first.
func (d *Doc) saidBy(ranked []candidate, q bound) bool {
	if !announceWords[q.predicate] || q.object == "" {
		return false
	}
	object := d.termID(q.object)
	k := slices.IndexFunc(ranked, func(c candidate) bool {
		return c.score > 0 && d.hasAny(c.i, object) && d.sourceNamed(c.i, q)
	})
	if k < 0 {
		return false
	}
	raise(ranked, k, 0)
	return true
}

// unsettledAt returns the sentence that says what the question asks is not
// known or not public ("No wedding plans have been set yet", "with no cast,
// opening date or theatre announced"): the best, or for a question that
// wants a number or a date the next when the best has none. -1 otherwise.
func (d *Doc) unsettledAt(ranked []candidate, q bound) int {
	if d.unsettled(ranked[0].i, q) {
		return ranked[0].i
	}
	typed := q.wantsNumber || q.wantsDate
	if typed && len(ranked) > 1 && !d.hasAnswerType(ranked[0].i, q) && near(ranked[1]) && d.unsettled(ranked[1].i, q) {
		return ranked[1].i
	}
	if q.predicate != "" && !d.hasPredicate(ranked[0].i, q) {
		// The best sentences name the subject without the question's verb,
		// which a sentence just behind uses only to say it is not known:
		// "It's unknown who invented this spell and when."
		for _, c := range ranked[1:min(unsettledReach, len(ranked))] {
			if near(c) && d.hasPredicate(c.i, q) && d.unsettled(c.i, q) {
				return c.i
			}
		}
	}
	return -1
}

// unsettledReach is how far down the ranking a sentence that says what is
// asked is not known is looked for, when those above it lack the verb.
const unsettledReach = 5

// unsettled reports whether sentence i says that what the question asks —
// its predicate, in any related form, or the kind of thing it asks for — is
// not known or not public: the words of the clause around "has yet to be
// named", "no … announced", "undisclosed", "refused to reveal" name it ("A
// replacement guitarist has yet to be named" for "Who will replace …?"),
// not something else the sentence talks about ("The merger was announced on
// Tuesday, but no financial details were revealed").
func (d *Doc) unsettled(i int, q bound) bool {
	// A question read from German, Spanish or French has no predicate
	// picked out: any of its words will do ("¿Cuándo aprobará la Sala …?"
	// — "aún no aprobados por la Sala").
	foreign := q.english != ""
	if q.predicate == "" && q.kind == "" && !foreign {
		return false
	}
	s := d.Sentences[i]
	for _, m := range hedges(s) {
		if strings.Contains(s[m[0]:m[1]], " but ") {
			continue // "had no comment on the lawsuit, but confirmed the stunt show did feature …"
		}
		from := max(strings.LastIndexAny(s[:m[0]], ",;"), strings.LastIndex(s[:m[0]], " but ")) + 1
		to := len(s)
		if k := strings.IndexAny(s[m[1]:], ",;"); k >= 0 {
			to = m[1] + k
		}
		if k := strings.Index(s[m[1]:to], " but "); k >= 0 {
			to = m[1] + k
		}
		for _, t := range text.Terms(s[from:to]) {
			if id := d.termID(t); t == q.kind || id >= 0 && (slices.Contains(q.predicateIDs, id) || foreign && q.knownIDs[id]) {
				return true
			}
		}
	}
	return false
}

// hedgeRE finds words that say something is not known or not public yet:
// not yet decided or made known ("has yet to be named", "not yet known", "no
// date has been set"), not merely not yet so ("not yet ready").
var hedgeRE = regexp.MustCompile(`(?i)\b(?:(?:has|have) yet to (?:be )?(?:` + settledVerbs + `)\b|not yet (?:been )?(?:known|clear|public|` + settledVerbs + `)\b` +
	`|no (?:[\w-]+,? ){0,4}(?:or [\w-]+ )?(?:[\w-]+ )?(?:has been |have been )?(?:announced|set|named|decided|confirmed|disclosed|revealed)\b` +
	`|undisclosed|(?:declined|refused) to (?:say|disclose|reveal|name|comment))`)

// notKnownRE is hedgeRE's other forms, apart so that each stays small enough
// for the regexp package's faster matcher: "It's unknown who invented this
// spell", and in Spanish, French and German "aún no aprobados", "pas encore
// décidé", "noch nicht entschieden".
var notKnownRE = regexp.MustCompile(`(?i)\b(?:(?:it is|it's|it’s|it was|it remains|remains) (?:still )?(?:unknown|unclear|not known) (?:who|when|where|why|how|what|whether)\b` +
	`|(?:aún|todavía) no (?:ha sido |han sido |se ha |se han |está |están |fue |fueron )?(?:aprobad|decidid|anunciad|confirmad|definid|fijad|publicad|nombrad|elegid)[oa]s?\b` +
	`|pas encore (?:été )?(?:décidé|annoncé|fixé|connu|approuvé|confirmé|publié|nommé|choisi)e?s?\b` +
	`|noch nicht (?:\pL+ )?(?:bekannt|entschieden|beschlossen|genehmigt|festgelegt|veröffentlicht|bestätigt|benannt|gewählt)\b)`)

// noReasonRE finds an article saying why is not known: "No reason was given
// for Roberts' departure", "did not give a reason", "declined to explain".
var noReasonRE = regexp.MustCompile(`(?i)\bno (?:reason|explanation)s? (?:was|were|has been|have been) (?:given|offered)|\b(?:did not|didn't|would not|wouldn't) (?:give|offer) (?:a|any) (?:reason|explanation)|\b(?:declined|refused) to (?:explain|give a reason)`)

// hedges returns where hedgeRE or notKnownRE matches in s. It runs them,
// slow on a long sentence, only on the stretch around a word every match has
// ("no" as a word, not the end of "Reno"): most sentences have none.
func hedges(s string) [][]int {
	var out [][]int
	for _, h := range hedgeWords {
		w := h.word
		for at := 0; ; {
			k := strings.Index(s[at:], w)
			if k < 0 {
				break
			}
			k += at
			from := strings.LastIndexByte(s[:max(0, k-hedgeBefore)], ' ') + 1
			to := min(len(s), k+hedgeAfter)
			for _, m := range h.re.FindAllStringIndex(s[from:to], -1) {
				if m := []int{from + m[0], from + m[1]}; !slices.ContainsFunc(out, func(o []int) bool { return o[0] == m[0] }) {
					out = append(out, m)
				}
			}
			at = k + len(w)
		}
	}
	return out
}

// hedgeWords are the words one of which every match of hedgeRE or
// notKnownRE has, each with the regexp that has it, and hedgeBefore and
// hedgeAfter how far a match may start before one and end after it ("has yet
// to be finalised", "no cast, opening date or theatre announced").
var hedgeWords = []struct {
	word string
	re   *regexp.Regexp
}{
	{" yet ", hedgeRE}, {" no ", hedgeRE}, {"No ", hedgeRE}, {"undisclosed", hedgeRE}, {"Undisclosed", hedgeRE},
	{"declined to", hedgeRE}, {"refused to", hedgeRE},
	{"unknown ", notKnownRE}, {"unclear ", notKnownRE}, {"not known ", notKnownRE},
	{"ún no ", notKnownRE}, {"odavía no ", notKnownRE}, {"pas encore", notKnownRE}, {"noch nicht", notKnownRE}, // "aún no", "Aún no", "todavía no"
}

const hedgeBefore, hedgeAfter = 12, 100

// settledVerbs say that something was decided or made known.
const settledVerbs = `named|announced|decided|confirmed|revealed|disclosed|set|finalised|chosen|name|announce|decide|confirm|reveal|disclose|say`

// sourceNamed reports whether sentence i says who speaks, as its subject
// ("The Office for National Statistics (ONS) said …") or at its end ("…,
// the Indian Government said."), by a name the question does not have.
func (d *Doc) sourceNamed(i int, q bound) bool {
	m := sourceOpenRE.FindStringSubmatch(d.Sentences[i])
	if m == nil {
		m = sourceEndRE.FindStringSubmatch(d.Sentences[i])
	}
	return m != nil && !text.IsStopword(strings.ToLower(m[1])) && !q.hasWord(m[1])
}

// A name, its words capitalized or "of", "for", "and" ("National Institute of
// Economic and Social Research"), and a short form in brackets after it.
const sourceName = `(\p{Lu}[\p{L}'&./-]*)(?: (?:\p{Lu}[\p{L}'&./-]*|of|for|and))*(?: \(\p{Lu}+\))?`

var (
	// "The Forum said", "Academics from the Institute of Education at
	// London University found", "A study by the Pew Internet and American
	// Life Project found".
	sourceOpenRE = regexp.MustCompile(`^(?:The )?(?:\p{Lu}\p{Ll}+ (?:from|at) (?:the )?|An? \p{Ll}+ by (?:the )?)?` + sourceName + `(?: (?:at|in) ` + sourceName + `)? (?:said|says|claims?|praised|found|warned|reported|estimated|estimates|believes|predicts|predicted)\b`)
	// "…, the Forum said.", "…, according to market analysts In-Stat/MDR."
	sourceEndRE = regexp.MustCompile(`(?:, (?:the )?` + sourceName + ` (?:said|says)(?: on \p{Lu}\p{Ll}+day| yesterday| today| in a statement)?` +
		`|,? according to (?:[a-z-]+ ){0,3}(?:the )?` + sourceName + `)\.?$`)
)

// placeBefore reports whether sentence i names something the question does
// not right before a word of the question that is no name: "the Brighton
// conference", "his Sheffield seat".
func (d *Doc) placeBefore(i int, q bound) bool {
	toks := d.toks[i]
	for p := 1; p < len(toks); p++ {
		if t := toks[p]; !t.name && q.has(t) && namedBefore(toks, p, q) {
			return true
		}
	}
	return false
}

// namedBefore reports whether the word at p comes right after a name the
// question does not have, joined to it: "the Brighton conference", "the Beige
// Book report" (not "Mrs Quinn's nanny").
func namedBefore(toks []token, p int, q bound) bool {
	return p > 0 && toks[p].joined && toks[p-1].name && !q.has(toks[p-1])
}

// placeRE finds a place named after a preposition, or where a tour or trip
// goes: "in San Jose", "at the Madejski Stadium", "the tour to New Zealand".
var placeRE = regexp.MustCompile(`\b(?:in|at|near|outside|(?:tour|trip|visit|journey|flight)s? to) (?:the )?(\p{Lu}[\p{L}'-]*)`)

// namesWith reports whether re finds in sentence i a name (its first group)
// that the question does not have: a place after "in" (placeRE), whoever did
// something after "by" (byNameRE).
func (d *Doc) namesWith(re *regexp.Regexp, i int, q bound) bool { return d.finds(re, i, q, false) }

// agesNamed reports whether sentence i gives the age of someone the question
// names, between commas or in brackets after the name: "Bell, 30, had …",
// "Stetter-Karp (65) folgt …".
func (d *Doc) agesNamed(i int, q bound) bool { return d.finds(namedAgeRE, i, q, true) }

// finds reports whether re finds in sentence i a name (its first group) that
// the question has (asked) or does not have (!asked).
func (d *Doc) finds(re *regexp.Regexp, i int, q bound, asked bool) bool {
	for _, m := range re.FindAllStringSubmatch(d.Sentences[i], -1) {
		if q.hasName(m[1]) == asked {
			return true
		}
	}
	return false
}

// byNameRE finds who did something, named after "by": "created by the Mozilla
// Foundation", "the book by journalist Robert Peston".
var byNameRE = regexp.MustCompile(`\bby (?:the )?(?:[\p{Ll}-]+ ){0,3}(\p{Lu}[\p{L}'-]*)`)

// roleHeld reports whether sentence i names who holds the post a question asks
// about: after it, as a title (titledName), or before it, past a comma, with a
// name the question gives near it: "Vince Cable, the party's Treasury spokesman" for
// "Who is the Lib Dems' Treasury spokesman?", "Lord Currie, chairman of
// super-regulator Ofcom" for "Who is the head of Ofcom?" (the post in any
// related word).
func (d *Doc) roleHeld(i int, q bound) bool {
	if d.titledName(i, q) || d.namedAfterName(i, q, true) {
		return true
	}
	toks := d.toks[i]
	for p := 0; p+3 < len(toks); p++ {
		a, b := toks[p], toks[p+1]
		if !(a.cap && b.name && b.joined && !q.has(a) && !q.has(b)) || toks[p+2].joined {
			continue
		}
		role, qualified := false, !slices.Contains(q.names, true)
		for k := p + 2; k < min(len(toks), p+8); k++ {
			t := toks[k]
			role = role || !t.cap && t.id >= 0 && slices.Contains(q.predicateIDs, t.id)
			qualified = qualified || t.cap && q.has(t)
		}
		if role && qualified {
			return true
		}
	}
	return false
}

// titledName reports whether sentence i names someone in full right after
// the post the question asks about, used as a title: after a name the question
// gives too ("Forest manager Gary Megson" for "Who manages Nottingham
// Forest?"), or anywhere when the question asks who holds it and names no one
// ("Evening Standard reporter Oliver Finegold" for "Who was the reporter?").
// The post is in lower case, but for a German question, German capitalizing
// every noun: "Stuttgarts Sportdirektorin Kim Renkema".
func (d *Doc) titledName(i int, q bound) bool {
	toks := d.toks[i]
	unnamed := q.holder && !slices.Contains(q.names, true)
	for p := 0; p+2 < len(toks); p++ {
		role := toks[p]
		if role.cap && !q.german() || !q.has(role) || !newFullName(toks, p+1, q) {
			continue
		}
		if unnamed && slices.Contains(q.predicateIDs, role.id) || p > 0 && toks[p-1].cap && q.has(toks[p-1]) && role.joined {
			return true
		}
	}
	return false
}

// namedAfterName reports whether sentence i names someone in full right after
// a name the question gives, as news puts a title before a name: "US Attorney
// David Kelley" for "Who is the US Attorney in the case?". With person, only a
// person's name: not one that ends in a word for a body ("Manchester City
// Football Club").
func (d *Doc) namedAfterName(i int, q bound, person bool) bool {
	toks := d.toks[i]
	for p := 0; p+2 < len(toks); p++ {
		if toks[p].cap && q.has(toks[p]) && newFullName(toks, p+1, q) && !(person && toks[p+2].id >= 0 && bodyTerms[d.termList[toks[p+2].id]]) {
			return true
		}
	}
	return false
}

// bodyTerms are the terms of words that end the name of a body, not of a
// person.
var bodyTerms = termSet("club football united city council party group company association league union bank court " +
	"commission committee office ministry department agency authority board institute university school college hospital")

// newFullName reports whether the words at p and p+1 (both in toks) are one
// name of two words, each joined to the word before, that the question does
// not have: "Gary Megson" in "Forest manager Gary Megson".
func newFullName(toks []token, p int, q bound) bool {
	a, b := toks[p], toks[p+1]
	return a.name && a.joined && b.name && b.joined && !q.has(a) && !q.has(b)
}

// kindNamed reports whether sentence i names something the question does not
// right after the noun a "which" question asks for (its kind), qualified as
// the question qualifies it: "newspaper Nihon Keizai Shimbun"; "US firm ISG"
// for "Which US firm …?", not "Dutch firm Ispat".
func (d *Doc) kindNamed(i int, q bound) bool {
	kind := d.termID(q.kind)
	if q.kind == "" || kind < 0 {
		return false
	}
	if q.kindQualified != "" && !strings.Contains(d.Sentences[i], q.kindQualified) {
		return false
	}
	toks := d.toks[i]
	for p := 0; p+1 < len(toks); p++ {
		if next := toks[p+1]; toks[p].id == kind && next.name && next.joined && !q.has(next) {
			return true
		}
	}
	return d.kindEndsName(i, q)
}

// kindEndsName reports whether sentence i gives a name the question does not
// have that ends in the kind of thing it asks for: "Barlinnie Prison" for
// "Which prison …?". Not a longer name ("the Sundance Film Festival" for
// "Which film …?") or one that owns something ("the Prison Officers'
// Association").
func (d *Doc) kindEndsName(i int, q bound) bool {
	s := d.Sentences[i]
	found := false
	prev, prevEnd := "", -1
	text.EachWordAt(s, func(raw string, at int) {
		if found {
			return
		}
		if prevEnd >= 0 && s[prevEnd:at] == " " && capitalized(raw) && capitalized(prev) && text.Term(text.Normalize(raw)) == q.kind &&
			!text.IsStopword(strings.ToLower(prev)) && !q.hasWord(prev) {
			rest := s[at+len(raw):]
			possessive := strings.ContainsAny(raw, "'’") || strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")
			found = !possessive && !nameNextRE.MatchString(rest)
		}
		prev, prevEnd = raw, at+len(raw)
	})
	return found
}

// nameNextRE finds a capitalized word right after another.
var nameNextRE = regexp.MustCompile(`^ \p{Lu}`)

// namesBeside reports whether sentence i gives a name the question does not
// have right beside the noun whose name it asks for: after it, past a comma
// and "The" ("his new album, The Massacre"), or before it ("the Beige Book
// report"; not "Mrs Quinn's nanny").
func (d *Doc) namesBeside(i int, q bound) bool {
	noun := d.termID(q.named)
	if noun < 0 {
		return false
	}
	toks := d.toks[i]
	for p, t := range toks {
		if t.id == noun && namedBefore(toks, p, q) {
			return true
		}
	}
	s, after := d.Sentences[i], false
	text.EachWordAt(s, func(raw string, at int) {
		if !after && text.Term(text.Normalize(raw)) == q.named {
			m := nameAfterRE.FindStringSubmatch(s[at+len(raw):])
			after = m != nil && !q.hasWord(m[1])
		}
	})
	return after
}

// nameAfterRE finds a name right after a noun, or past a comma (and "The"):
// "the album Encore", "a new album, Astronaut", "his new album, The
// Massacre" — not "the show, in Las Vegas".
var nameAfterRE = regexp.MustCompile(`^(?: |, (?:The )?)(\p{Lu}[\p{L}'’-]*)`)

// asksCalled reports whether a lower-case question asks what something is
// called: "what is the software called?", "what is the nanny's name?" (not
// "how many areas will be named?").
func asksCalled(l string) bool {
	l = strings.TrimRight(l, "?!. ")
	if !strings.HasPrefix(l, "what") {
		return false
	}
	return strings.HasSuffix(l, " called") || strings.HasSuffix(l, " named") || strings.HasSuffix(l, "'s name") ||
		strings.HasSuffix(l, "’s name") || strings.Contains(l, "the name of")
}

// namesBack reports whether a sentence names what the one before spoke of:
// it refers back, or opens "It's" (which, as an expletive, "It's a
// universal rule that …", need not), and gives a name (namingRE).
func namesBack(s string) bool {
	return (refersBack(s) || strings.HasPrefix(s, "It's ") || strings.HasPrefix(s, "It’s ")) && namingRE.MatchString(s)
}

// namingRE finds a name given as one: "known as BT Communicator", "called
// Brown's Britain", "dubbed the Beige Book", "referred to as the "prisoner's
// dilemma"".
var namingRE = regexp.MustCompile(`\b(?:` + namingWords + `)(?: the)? (?:\p{Lu}|["“‘]\p{L})`)

// namedJustBeforeRE finds a naming word at the end of the text before a name
// ("a technology called", "the operating system, codenamed").
var namedJustBeforeRE = regexp.MustCompile(`(?:` + namingWords + `) $`)

// namingWords come right before a name news gives something: "a technology
// called Visual Radio", "known as BT Communicator".
const namingWords = `known as|called|named|dubbed|entitled|titled|referred to as`

// opensWith reports whether a question's first word is the word given
// ("who", "where"), in any case.
func opensWith(question, word string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(question), " ")
	return strings.EqualFold(w, word)
}

// beyondNames reports whether sentence i has one of the question's words
// other than its names and its predicate, as it is or as a related word:
// more than whom the question is about.
func (d *Doc) beyondNames(i int, q bound) bool {
	for k, t := range q.terms {
		if q.names[k] || t == q.predicate {
			continue
		}
		if d.hasAny(i, d.termID(t)) || d.hasAny(i, q.related[k]...) {
			return true
		}
	}
	return false
}

// hasAny reports whether sentence i has one of the terms (by number).
func (d *Doc) hasAny(i int, ids ...int32) bool {
	return slices.ContainsFunc(d.terms[i], func(id int32) bool { return id >= 0 && slices.Contains(ids, id) })
}

// hasPredicate reports whether sentence i has the question's predicate, as
// it is or as a related word; false for a question without one.
func (d *Doc) hasPredicate(i int, q bound) bool { return d.hasAny(i, q.predicateIDs...) }

// predicateCoverage is the share of a question's weight below which a best
// sentence without the question's predicate is no answer (set on
// docs/natural-dev.jsonl, docs/EVAL.md).
const predicateCoverage = 0.4

// relatedWeight is what a related word counts for against the question's own.
const relatedWeight = 0.7

// foreignAsks are the words that ask a question in French, German, Spanish,
// Portuguese, Italian and Welsh (accents folded, as text.Words gives them),
// which the article need not use and a decline does not name ("never
// mentions “Welches”"). They count in the ranking as any word does.
var foreignAsks = wordSet("quand ou combien pourquoi comment quel quelle quels quelles qui quoi " +
	"wer wen wem wessen wann wo wohin woher warum wieso weshalb wie welche welcher welches welchen welchem " +
	"que quien quienes cuando donde cuanto cuanta cuantos cuantas cual cuales " +
	"quem onde quanto quanta quantos quantas qual quais quando perche quale quali quanti quante " +
	"ble pwy pryd sawl sut")

// missing returns the question's content words (as written) that the article
// never uses, neither as they are nor in a related form; not the words of its
// form ("how many", and "called" or "name" when it asks what something is
// called). Chinese and Japanese characters the article never uses are given
// as the runs they stand in ("上市" of "DNC什么时候上市？"), each once.
func (d *Doc) missing(question string, called bool, lang string, self []string) []string {
	var out []string
	seen := slices.Clone(self) // the article itself: "never mentions “article”" would be absurd
	runStart, runEnd := -1, -1 // the run of unused characters being read
	flushRun := func() {
		if runStart >= 0 && !slices.Contains(out, question[runStart:runEnd]) {
			out = append(out, question[runStart:runEnd])
		}
		runStart = -1
	}
	text.EachWordAt(question, func(raw string, at int) {
		r, _ := utf8.DecodeRuneInString(raw)
		if !text.Unspaced(r) {
			return
		}
		if w := text.Normalize(raw); cjkAsks[w] || !d.unused(text.Term(w)) {
			flushRun()
			return
		}
		if at != runEnd {
			flushRun()
		}
		if runStart < 0 {
			runStart = at
		}
		runEnd = at + len(raw)
	})
	flushRun()
	for _, field := range strings.Fields(question) {
		for _, w := range text.Words(field) {
			if r, _ := utf8.DecodeRuneInString(w); text.Unspaced(r) {
				continue // given above, as runs
			}
			if text.IsStopword(w) || askWord[text.Term(w)] || called && formTerms[text.Term(w)] || foreignAsks[w] || lang != "" && foreignFormTerms[text.Term(w)] || slices.Contains(seen, w) {
				continue
			}
			seen = append(seen, w)
			if d.unusedIn(text.Term(w), lang) && !d.spells(field) {
				trimmed := strings.TrimFunc(field, func(r rune) bool {
					return !unicode.IsLetter(r) && !unicode.IsDigit(r)
				})
				if strings.ContainsFunc(trimmed, text.Unspaced) {
					trimmed = asWritten(w, field) // a name inside Chinese text: "DeepMind" of "DeepMind有多少员工？"
				}
				if !slices.Contains(out, trimmed) {
					out = append(out, trimmed)
				}
			}
		}
	}
	return out
}

// inflectedIDs returns, for the term of a German word, the article's terms
// for the same word with another of German's endings ("Autohäuser" —
// "Autohäusern", "ausgezeichnet" — "ausgezeichneten"; one must be the other
// with an ending added, and what they share at least four letters), and for
// the compounds whose last part it is ("Unfall" — "Verkehrsunfall", at least
// five letters); failing those, for a compound, its last part's (headIDs).
func (d *Doc) inflectedIDs(term string) []int32 {
	if out := d.formsOf(term); out != nil {
		return out
	}
	return d.headIDs(term)
}

// formsOf is inflectedIDs without a compound's last part: the article's terms
// for term inflected otherwise, or ending a compound.
func (d *Doc) formsOf(term string) []int32 {
	var out []int32
	form := germanForm(term)
	for id, t := range d.termList {
		if form(t) {
			out = append(out, int32(id))
		}
	}
	return out
}

// germanForm returns what tells, of another term, whether it is term
// inflected otherwise or ending a compound (formsOf).
func germanForm(term string) func(t string) bool {
	// A verb's noun in "-ung", alone or opening a compound: "gegründet" —
	// "Gründungsjahr", "eröffnet" — "Eröffnung"; and whoever does it, alone
	// or ending a compound: "trainiert" — "BSV-Bern-Trainer", "leitet" —
	// "Abteilungsleiter" (of a verb in "-ieren", also without the "-ier").
	stem := germanVerbStem(participleStem(term))
	nominal, agents := "", []string(nil)
	if len(stem) >= 4 && stem != term {
		nominal, agents = stem+"ung", []string{stem + "er"}
		if base, ok := strings.CutSuffix(stem, "ier"); ok && len(base) >= 4 {
			agents = append(agents, base+"er")
		}
	}
	// A strong verb's infinitive stem: "trink" of "trinkt", to find
	// "getrunken".
	strong := strongStem(term)
	// What an adjective's endings are added to: "stark" of "starken", to
	// find "starkem", neither the other with an ending added.
	base := adjectiveBase(term)
	endsWith := func(w string) bool { return len(w) > len(term) && strings.HasSuffix(w, term) } // a compound whose last part it is
	return func(t string) bool {
		short, long := term, t
		if len(short) > len(long) {
			short, long = long, short
		}
		inflected := len(short) >= 4 && short != long && strings.HasPrefix(long, short) && slices.Contains(germanEndings, undoubled(short, long[len(short):])) ||
			base != "" && term != t && base == adjectiveBase(t) // "starken" — "starkem"
		compound := len(term) >= 5 && (endsWith(t) || slices.ContainsFunc(germanEndings, func(end string) bool {
			stem, ok := strings.CutSuffix(t, end)
			return ok && endsWith(stem)
		}))
		// A verb in another person or tense, or its participle: "gegründet"
		// — "gründete", "trinkt" — "getrunken"; a strong verb's forms
		// however short ("ging" — "geht", "kam" — "kommt").
		verb := term != t && (len(term) >= 5 && stem == verbStem(t) || strong != "" && strongStem(t) == strong)
		agent := slices.ContainsFunc(agents, func(a string) bool { return strings.HasSuffix(t, a) })
		return inflected || compound || verb || agent || nominal != "" && strings.HasPrefix(t, nominal)
	}
}

// undoubled returns the ending of a word that begins with stem without the
// letter stem ends with, when it opens the ending too: the stemmer makes
// "aktuel" of "aktuelle" but leaves "aktuellen", whose ending is then "len".
func undoubled(stem, ending string) string {
	if ending != "" && stem != "" && ending[0] == stem[len(stem)-1] {
		return ending[1:]
	}
	return ending
}

// germanVerbStem returns a German word without the ending a verb takes for
// its person, number or tense, leaving four letters or more: "ersetzt",
// "ersetzen", "ersetzte" are "ersetz". (Not the "ge-" of a participle, which
// would make "Gesetzen" of "setzt".)
func germanVerbStem(w string) string { return cutEnding(w, germanVerbEndings, 4) }

// cutEnding returns w without the first of endings it ends with that leaves
// at least least bytes, or w when none does: the stemmer of the German and
// the Spanish readings.
func cutEnding(w string, endings []string, least int) string {
	for _, end := range endings {
		if stem, ok := strings.CutSuffix(w, end); ok && len(stem) >= least {
			return stem
		}
	}
	return w
}

// participleStem returns a German participle without its "ge-" ("gegründet"
// → "gründet"); other words as they are. Only a word of seven letters or more
// that ends as a participle does ("-t", "-en"): not "Gesetz".
func participleStem(w string) string {
	if len(w) >= 7 && strings.HasPrefix(w, "ge") && (strings.HasSuffix(w, "t") || strings.HasSuffix(w, "en")) {
		return w[2:]
	}
	return w
}

// germanVerbEndings are the endings of German verbs, longest first.
var germanVerbEndings = strings.Fields("test tet ten est te st et en t e n")

// headIDs returns, for the term of a German compound the article never uses,
// the article's terms for its last part, alone, inflected or ending another
// compound: "Sonnenstunden" — "100 Stunden", "Durchschnittstemperatur" —
// "Tiefsttemperaturen". A compound names a kind of its last part; the longest
// last part the article has is taken, of six letters or more after at least
// four, so that "Sonnenstunden" is not "Kunden".
func (d *Doc) headIDs(term string) []int32 {
	for k := 4; len(term)-k >= 6; k++ {
		if id := d.termID(term[k:]); id >= 0 {
			return []int32{id}
		}
		if ids := d.formsOf(term[k:]); len(ids) > 0 {
			return ids
		}
	}
	return nil
}

// adjectiveBase returns a German term without the ending an adjective takes
// ("starkem" → "stark"), leaving four letters or more; "" when it has none.
func adjectiveBase(term string) string {
	for _, end := range adjectiveEndings {
		if stem, ok := strings.CutSuffix(term, end); ok && len(stem) >= 4 {
			return stem
		}
	}
	return ""
}

// adjectiveEndings are the endings of German adjectives, longest first.
var adjectiveEndings = strings.Fields("en er es em e")

// germanEndings are what German adds to a word's stem to inflect it.
var germanEndings = strings.Fields("e n en er ern es em s ns ens r")

// asWritten returns the word of field whose Words form is w, as written; w
// when none is.
func asWritten(w, field string) string {
	found := w
	text.EachWord(field, func(r string) {
		if text.Normalize(r) == w {
			found = r
		}
	})
	return found
}

// cjkAsks are the characters that ask a question in Chinese or Japanese (谁,
// 什么, 哪, 几, 多少, 吗, "叫什么名字" — what is it called, …), which a
// decline does not name.
var cjkAsks = wordSet("谁 什 么 哪 几 多 少 吗 呢 怎 样 为 何 是 的 了 叫 名 字 か な に は が を の で と も")

// questionType reads what kind of answer a question wants from its form: the
// wh-word and, after "what" or "which", the noun asked about ("what price",
// "which film", "what is it called").
func questionType(q string) (number, name, date bool) {
	l := strings.ToLower(strings.TrimSpace(q))
	has := func(forms ...string) bool {
		return slices.ContainsFunc(forms, func(f string) bool { return strings.Contains(l, f) })
	}
	words := strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
	first := ""
	if len(words) > 0 {
		first = words[0]
	}
	asksWhat := first == "what" || first == "which" || has(" what ", " which ")
	switch {
	case first == "where" && onListRE.MatchString(l):
		// "Where is Freddie Mercury on the list?" asks for a place in
		// it, a number: "06. Freddie Mercury", "at number six".
		number = true
	case has("how many", "how much", "what share", "what percent", "what proportion", "what fraction",
		"how old", "what age", "how long", "how far", "how big", "how tall", "how high", "how deep",
		"how wide", "how heavy", "what distance", "how fast", "how often", "how large", "what size", "what number", "what time",
		"how cold", "how hot", "how warm", "what temperature"),
		asksWhat && slices.ContainsFunc(words, func(w string) bool { return quantityNouns[w] }):
		number = true
	case first == "when", has("what year", "what date", "what day", "which day", "what month", "which year"):
		date = true
	case first == "who", first == "whom", first == "whose", first == "where", has(" who ", " where "),
		first == "which" && len(words) > 1 && words[1] != "of", // "which film", "which area": a name
		asksWhat && (has("'s name", "’s name", "the name", "what company", "what country", "what city",
			"what team") || strings.HasSuffix(strings.TrimRight(l, "?!. "), " called")):
		name = true
	}
	return number, name, date
}

// onListRE finds where a question asks for a place on a list, a chart or a
// ranking: "Where is Freddie Mercury on the list?" (not "Where does the UK
// rank?", answered as often by "fourth" or "third largest" as by a number).
var onListRE = regexp.MustCompile(`\b(?:on|in) (?:the|this|that|their|its|his|her) (?:\w+ )?(?:list|chart|charts|ranking|rankings|table|standings|leaderboard)\b`)

// quantityNouns, asked about with "what" or "which", want a number: "what was
// the price", "what is the unemployment rate", "Was kostet …?".
var quantityNouns = map[string]bool{
	"price": true, "prices": true, "cost": true, "costs": true, "rate": true, "score": true, "fee": true,
	"fees": true, "total": true, "figure": true, "value": true, "population": true, "salary": true,
	"budget": true, "amount": true, "percentage": true, "height": true, "length": true, "distance": true,
	"speed": true, "weight": true, "time": true, "temperature": true, "margin": true, "profit": true, "profits": true,
	"revenue": true, "turnover": true, "wage": true, "wages": true, "attendance": true, "worth": true,
	// And in German, Spanish and French questions, read as "what kostet
	// Buch" ("Was kostet das Buch?"), "what precio libro". (Not "Preis" or
	// "prix", which as often ask which prize: "Quel prix a reçu …?".)
	"kosten": true, "kostet": true, "gehalt": true, "einwohnerzahl": true,
	"precio": true, "coste": true, "costo": true, "cuesta": true, "salario": true, "presupuesto": true, "población": true,
	"coût": true, "coûte": true, "salaire": true, "tarif": true, "tarifa": true,
}

// dayRE finds a day of the month given as an ordinal: "on the 18th".
var dayRE = regexp.MustCompile(`\b(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b|\b(?:in|since|until|from|by) ([1-9]\d{2,3})\b`)

// dateRE finds the years that "when" questions want, and times from now
// ("next month", "in the next six months", "within weeks", "within two
// years", "up to four years before he starts", "in three years' time", "by
// the end of the decade"), and an hour ("at 1230 GMT", "at 03:00 GMT", "at
// 7pm"), as AP style writes them too ("at 1:30 p.m. on Nov. 8").
var dateRE = regexp.MustCompile(`(?i)\b(1[89]\d\d|20\d\d|(last|next|this) (week|month|year|season)|(in|within) the (next|coming) (few |\w+ )?(days|weeks|months|years)|within (days|weeks|months)` +
	`|(?:within|up to) (?:a|an|\d+|` + spelledNumberAlt + `) (?:days?|weeks?|months?|years?)|in (?:a|an|\d+|` + spelledNumberAlt + `) (?:days?|weeks?|months?|years?)'(?:s)? time` +
	`|(?:\d{4}|\d{1,2}[:.]\d\d) (?:GMT|BST|UTC)|\d{1,2}(?:[:.]\d\d)? ?(?:[ap]m|[ap]\.m)` +
	// A day named for what it marks: "on Valentine's Day", "by Thanksgiving".
	`|(?:valentine['’]s|christmas|new year['’]s|boxing|labou?r|independence|memorial|mother['’]s|father['’]s|st\.? patrick['’]s|thanksgiving|election|polling) day` +
	`|(?:christmas|new year['’]s) eve|halloween|thanksgiving|good friday|easter (?:sunday|monday)` +
	`|(?:jan|feb|aug|sept?|oct|nov|dec)\. \d{1,2}` + // AP's months: "Nov. 8"
	`|hace (?:más de |unos |unas |casi )?(?:\d+|un|una|` + spelledNumberAlt + `) (?:años?|meses|mes|semanas?|días?)` + // Spanish: "hace seis años"
	`|il y a (?:plus de |près de |environ )?(?:\d+|un|une|` + spelledNumberAlt + `) (?:ans?|années?|mois|semaines?|jours?)` + // French
	`|vor (?:über |mehr als |rund |fast |knapp |etwa |gut )?(?:\d+|einem|einer|einigen|wenigen|mehreren|` + spelledNumberAlt + `) (?:jahre?n?|monate?n?|wochen?|tage?n?|jahrzehnte?n?)` + // German: "vor über vier Jahren"
	`|(?:(?:\d{1,2}|1er|en|de|fin|début) |mi-)mars` + // French March ("5 mars", "mi-mars"), where "Mars" alone is the planet
	// A time told from a period's bounds or from now: "by the end of the
	// decade", "it could be a decade before".
	`|the (?:end|start|beginning|middle|turn) of (?:the|this|next) (?:decade|year|century)` +
	`|be (?:a|an|\d+|a few|several|` + spelledNumberAlt + `) (?:days?|weeks?|months?|years?|decades?) (?:before|until))\b`)

// dateWordRE finds the words for months, days of the week, days near now and
// seasons, in any case; dateWord tells which of them are dates.
var dateWordRE = regexp.MustCompile(`(?i)\b(?:(january|february|march|april|may|june|july|august|september|october|november|december` +
	`|januar|jänner|februar|märz|juni|juli|oktober|dezember)` + // German (and "Mai", with the French)
	`|(monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)` +
	// Spanish, French, Polish and Portuguese, which write them in lower
	// case (not "mars", the planet).
	`|(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre` +
	`|lunes|martes|miércoles|jueves|viernes|sábado|domingo` +
	`|janvier|février|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche` +
	// Polish, in the cases dates take ("17 czerwca", "w marcu"): not those
	// that begin or end in a letter \b does not see ("środa").
	`|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia` +
	`|styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrześniu|październiku|listopadzie|grudniu` +
	`|poniedziałek|wtorek|czwartek|piątek|sobota|niedziela` +
	// Portuguese (but the months Spanish writes alike: "abril", "agosto").
	`|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro` +
	`|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira)` +
	`|yesterday|today|tomorrow|tonight|spring|summer|autumn|winter|gestern|vorgestern|ayer|anteayer|hier|demain|wczoraj|dzisiaj|jutro)\b`)

// hasDate reports whether a sentence gives a date, a day, a season or a year.
func hasDate(s string) bool {
	if dateRE.MatchString(s) {
		return true
	}
	for _, m := range dateWordRE.FindAllStringSubmatchIndex(s, -1) {
		if dateWord(s, m) {
			return true
		}
	}
	return false
}

// dated reports whether a sentence gives a date or a day (dayRE) that answers
// the question: for one about the future, not only past ones ("last month",
// "yesterday", "in October 1999" in an article that speaks of 2005) — "When
// will the buy-back be completed?" is not answered by "the feud became public
// last month".
func (q bound) dated(s string) bool {
	if !q.future {
		return hasDate(s) || dayRE.MatchString(s)
	}
	// A sentence that speaks of the future has no past years: "Interest
	// payments will overtake Medicaid in 2020" in an article that looks on
	// to 2025.
	ahead := willRE.MatchString(s)
	past := func(year string) bool {
		y, err := strconv.Atoi(year)
		return err == nil && y < q.latestYear && !ahead
	}
	for _, m := range dateRE.FindAllStringSubmatch(s, -1) {
		if !past(m[1]) && !strings.EqualFold(m[2], "last") {
			return true
		}
	}
	for _, m := range dateWordRE.FindAllStringSubmatchIndex(s, -1) {
		y := yearAfterRE.FindStringSubmatch(s[m[1]:])
		if dateWord(s, m) && !strings.EqualFold(s[m[0]:m[1]], "yesterday") && (y == nil || !past(y[1])) {
			return true
		}
	}
	for _, m := range dayRE.FindAllStringSubmatch(s, -1) {
		if !past(m[1]) {
			return true
		}
	}
	return false
}

// willRE finds a verb of the future in a sentence: "will overtake", "is
// expected to", "is due to".
var willRE = regexp.MustCompile(`\b(?:will|(?:is|are) (?:expected|due|set|scheduled) to)\b`)

// yearAfterRE finds the year right after a month: "October 1999".
var yearAfterRE = regexp.MustCompile(`^,? (\d{4})\b`)

// latestYear returns the latest year the article gives, 0 when it gives none.
func (d *Doc) latestYear() int {
	latest := 0
	for _, s := range d.Sentences {
		for _, m := range dateRE.FindAllStringSubmatch(s, -1) {
			if year, err := strconv.Atoi(m[1]); err == nil {
				latest = max(latest, year)
			}
		}
	}
	return latest
}

// dateWord reports whether the word dateWordRE matched (m) is a date. A month
// or a day of the week is written with a capital: "may" and "march" are verbs.
// A month right before another capitalized word, not after a word of time or
// a day, is a first name: "with June Carter Cash" (not "in June Labour won",
// "on 14 October Google released").
// A season or a day near now is written without one, unless it opens the
// sentence: "BBC Radio 4's Today programme" is a name.
func dateWord(s string, m []int) bool {
	w := s[m[0]:m[1]]
	month, weekday, romance := m[2] >= 0, m[4] >= 0, m[6] >= 0 // dateWordRE's three groups
	if romance {
		// "el 7 de mayo", "mardi 5 mai"; a capital mid-sentence is a
		// name ("Julio Iglesias"), but for German's "Mai".
		return !capitalized(w) || strings.EqualFold(w, "mai") || onlySpaces(strings.Trim(s[:m[0]], openingQuotes))
	}
	if month && capitalized(w) && firstNameRE.MatchString(s[m[1]:]) {
		before := strings.Fields(s[max(0, m[0]-12):m[0]])
		last := ""
		if len(before) > 0 {
			last = strings.ToLower(before[len(before)-1])
		}
		return timeWords[last] || startsWithDigit(last) // "on 14 October Google released"
	}
	if month || weekday {
		return capitalized(w)
	}
	return !capitalized(w) || onlySpaces(strings.Trim(s[:m[0]], openingQuotes))
}

// firstNameRE finds a capitalized word right after a month, as a name's
// next word is: "June Carter Cash", "April Ashley".
var firstNameRE = regexp.MustCompile(`^ \p{Lu}\p{Ll}`)

// timeWords are the words a month follows when it is a date: "in June", "by
// early May", "last April".
var timeWords = wordSet("in on since by until till from of during before after early late mid last next this every each")

// inheritWeight is what a question word counts for in a sentence that refers
// back to the one before, which has the word.
const inheritWeight = 0.3

// refersBack reports whether a sentence opens by referring to something the
// one before named: a pronoun or connective (leansBack: "It", "But the work's
// author"), or "the" before a word that names nothing ("The title", "The
// 22-year-old"), as news goes on about what it just introduced. It runs for
// every sentence of every question: it reads the first two words only.
func refersBack(s string) bool {
	if leansBack(s) {
		return true
	}
	first, rest, _ := strings.Cut(s, " ")
	if !strings.EqualFold(first, "the") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return unicode.IsLower(next) || unicode.IsDigit(next)
}

// enumerates reports whether a sentence opens a list of what the one before
// counted: "One is to remain …", "The first was …", "First, …", "El primero
// será …". (Prefixes,
// not a regexp: Go's runs an alternation of anchored forms at every
// position of a long sentence.)
func enumerates(s string) bool {
	for _, p := range enumerationOpeners {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// enumerationOpeners are how a list's first item begins.
var enumerationOpeners = []string{"One is ", "One was ", "One will be ", "One would be ",
	"The first is ", "The first was ", "The first will be ", "The first would be ", "First, ", "Firstly, ",
	// Spanish, French, German: "El primero será desde el lunes 16 …".
	"El primero es ", "El primero será ", "El primero fue ", "La primera es ", "La primera será ", "La primera fue ",
	"Le premier est ", "Le premier sera ", "La première est ", "La première sera ", "Premièrement, ",
	"Der erste ist ", "Der erste war ", "Die erste ist ", "Die erste war ", "Das erste ist ", "Das erste war ", "Erstens "}

// describesBack reports whether a sentence refers back (refersBack), or opens
// by describing what the one before named with a name used as a description:
// "The Briton, running …", "The Glasgow forward's ban …" (not an
// organisation: "The Ugandan Media Council", "The BBC").
func describesBack(s string) bool { return refersBack(s) || namedDescription(s) }

// namedDescription reports whether a sentence opens with a name used as a
// description of what the one before named: "The Briton, running …", "The
// Everton striker signed …", "The Northern Ireland runner set …".
func namedDescription(s string) bool {
	first, rest, _ := strings.Cut(s, " ")
	if first != "The" {
		return false
	}
	for n := range maxDescriptionName {
		word, after, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
		if word == "" || !capitalized(word) || !strings.ContainsFunc(word, unicode.IsLower) { // "The BBC"
			return false
		}
		if strings.HasSuffix(word, ",") {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(after); unicode.IsLower(r) {
			// After a name of more words, the noun it describes: "The
			// Northern Ireland runner", not an organisation's name and
			// what it did ("The Ugandan Media Council said", "The
			// Brazilian Institute for Geography").
			next, _, _ := strings.Cut(after, " ")
			return n == 0 || !text.IsStopword(text.Normalize(strings.TrimRight(next, ",")))
		}
		rest = after
	}
	return false
}

// maxDescriptionName is how many words the name in a description may have:
// "The Northern Ireland runner".
const maxDescriptionName = 3

// leansBack reports whether a sentence opens with a word that refers to the
// previous one.
func leansBack(s string) bool {
	w, _, _ := strings.Cut(s, " ")
	switch strings.Trim(w, `"'“‘,`) {
	case "He", "She", "It", "They", "This", "That", "These", "Those", "His", "Her",
		"Its", "Their", "But", "And", "However", "Also", "So",
		// German, Spanish and French: "Er", "Hier soll der Verband
		// residieren", "Ella", "Il" (not "Sie", also "you", nor "Das", also
		// an article).
		"Er", "Es", "Dies", "Dieser", "Diese", "Dieses", "Hier", "Dort", "Doch", "Aber",
		"Él", "Ella", "Ellos", "Ellas", "Esto", "Pero", "Allí",
		"Il", "Elle", "Ils", "Elles", "Cela", "Mais":
		return true
	}
	return false
}

// makerAnywhere reports whether a ranked sentence names who made the
// question's object beside it (makerNamed): "Who wrote the report?" is
// answered by "…, according to a report by analysts Forrester Research",
// though it has none of the question's other words.
func (d *Doc) makerAnywhere(ranked []candidate, q bound) bool {
	return slices.ContainsFunc(ranked, func(c candidate) bool { return c.score > 0 && d.makerNamed(c.i, q) })
}

// opponentRE finds a question about whom a team or player will meet next:
// "Who will Agassi play in the quarter-finals?", "Who do Ireland play
// next?" (not "Who will play Maria?").
var opponentRE = regexp.MustCompile(`(?i)^who (?:will|do|does) \S+(?: \S+)? (?:play|face|meet|take on)\b`)

// playsForRE finds a question about whom someone plays for — a club, a
// country: "Who does Lennon play for?" asks no opponent.
var playsForRE = regexp.MustCompile(`(?i)\bplay(?:s|ed|ing)? for\b`)

// aheadRE finds words that look ahead to a match ("will", "could make his
// debut against Alloa on Saturday"), and a team that plays,
// faces, meets, hosts or visits a named one in the present, as news gives the
// next match ("The win means Egypt play Ghana on Wednesday", "Uganda now face
// Mali", "… and host Iceland at Falkirk on Friday") — not "to play well", "the
// forward play" or "a host of chances".
var aheadRE = regexp.MustCompile(`(?i)\b(?:will|'ll|could|might|next|faces|meets|plays|awaits|set to|due to|takes on|goes on to|ahead|tie with|set up|clash with|date with)\b|` +
	`(?-i:\b(?:\p{Lu}[\p{L}'-]+|and) (?:now )?(?:play|face|meet|host|visit) \p{Lu}|\b(?:hosts|visits) \p{Lu})`)

// dateBeside is how many words at most may stand between a date and a word
// of the question for the date to go with it.
const dateBeside = 2

// dateGap returns how many words stand between a date in sentence i and the
// nearest of the question's words, or a large number when there is none.
func (d *Doc) dateGap(i int, q bound) int {
	s := d.Sentences[i]
	var starts, asked []int // every word's offset; the indexes of the question's words
	text.EachWordAt(s, func(raw string, at int) {
		if q.hasWord(raw) {
			asked = append(asked, len(starts))
		}
		starts = append(starts, at)
	})
	gap := math.MaxInt
	for _, re := range []*regexp.Regexp{dateRE, dateWordRE} {
		for _, m := range re.FindAllStringIndex(s, -1) {
			w, _ := slices.BinarySearch(starts, m[0])
			for _, a := range asked {
				gap = min(gap, max(a-w, w-a)-1)
			}
		}
	}
	return gap
}

// tallyNouns are the terms of the nouns news puts after a counted word to
// give its count later: "subscriber base", "jobless total", "vehicle sales".
var tallyNouns = termSet("base total tally count sales")

// basedRE finds a question about where something is based.
var basedRE = regexp.MustCompile(`(?i)^where (?:is|are|was|were) [^?]+ based\W*$`)

// baseRE finds where something is based, as news says it.
var baseRE = regexp.MustCompile(`\p{Lu}[\p{L}'.]*, of \p{Lu}|\b(?:based|headquartered) in \p{Lu}|\p{Lu}[\p{L}.]*-based\b`)

// jobQuestionRE finds a question about someone's post: "What is X's
// (current) job?", "What job does X hold?".
var jobQuestionRE = regexp.MustCompile(`(?i)^what (?:is|was) [^?]+(?:'s|’s) (?:(?:current|former|previous|old|new) )?job\W*$|^what job (?:does|did|will) [^?]+\W*$`)

// openQuestionRE finds a question about what someone or something does or
// why: "What does …?", "What will …?", "What happens …?", "Why …?", "How does
// the cap work?".
var openQuestionRE = regexp.MustCompile(`(?i)^(?:what (?:does|did|do|will|would|can|could|should|has|have|happens|happened|happen)\b|why\b|how (?:does|do|did|will|would|can|could) [^?]+ work\b)`)

// definedWords returns, for a question that asks what something is ("What is
// a podcast?", "What is Visual Radio?"), the one to three words that name
// it; "" for other questions, and for "What is the …?", which asks for a
// value ("the score", "the inflation rate"), or someone's ("What is
// Mandelson's job?").
func definedWords(question string) string {
	q := strings.TrimRight(strings.TrimSpace(question), "?")
	rest, ok := cutPrefixFold(q, "what is ")
	if !ok {
		if rest, ok = cutPrefixFold(q, "what are "); !ok {
			return ""
		}
	}
	if r, ok := cutPrefixFold(rest, "a "); ok {
		rest = r
	} else if r, ok := cutPrefixFold(rest, "an "); ok {
		rest = r
	}
	first, _, _ := strings.Cut(rest, " ")
	if rest == "" || strings.Count(rest, " ") > 2 || strings.ContainsAny(rest, ",'’\"?") || text.IsStopword(strings.ToLower(first)) {
		return ""
	}
	return rest
}

// defines reports whether sentence s says what x is, as news does the
// first time: "A podcast is basically an internet-based radio show", "Tiger,
// a new version of …", or names it so ("a technology called Visual Radio",
// "the operating system, codenamed Tiger").
func defines(s, x string) bool {
	for i := 0; i+len(x) <= len(s); i++ {
		if !strings.EqualFold(s[i:i+len(x)], x) || i > 0 && isLetter(s[i-1]) {
			continue
		}
		after := s[i+len(x):]
		after = strings.TrimPrefix(after, "s") // "Podcasts are …"
		if after != "" && isLetter(after[0]) {
			continue
		}
		after = strings.TrimLeft(after, "\"'’”")
		before := strings.TrimRight(s[:i], "\"'‘“")
		if strings.HasPrefix(after, ", a ") || strings.HasPrefix(after, ", an ") || definesAfter(after) {
			return true
		}
		if namedJustBeforeRE.MatchString(before) {
			return true
		}
	}
	return false
}

// meaningAsked returns, for a question about what a word means ("What does
// Veritas mean?"), the word; "" for other questions.
func meaningAsked(question string) string {
	if !strings.Contains(question, "mean") {
		return "" // most questions: no regexp
	}
	if m := meaningAskedRE.FindStringSubmatch(question); m != nil {
		return m[1]
	}
	return ""
}

// meaningAskedRE finds a question about what a word means, the word its
// group.
var meaningAskedRE = regexp.MustCompile(`^(?i:what does) (?:the (?:word|name|term) )?["'‘“]?([\pL\d-]+(?: [\pL\d-]+)?)["'’”]? (?i:mean)\W*$`)

// givesMeaning reports whether sentence s says what word w means, right
// after it: "Veritas - Latin for "truth"", "Ubuntu, meaning …", "Ubuntu
// (which means …)".
func givesMeaning(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if !strings.EqualFold(s[i:i+len(w)], w) || i > 0 && isLetter(s[i-1]) {
			continue
		}
		if meaningAfterRE.MatchString(s[i+len(w):]) {
			return true
		}
	}
	return false
}

// meaningAfterRE finds, right after a word, what says its meaning.
var meaningAfterRE = regexp.MustCompile(`^["'’”]?\s*(?:[-–—,(:]\s*)?(?:(?:which|that) )?(?:means?|meaning|(?:\pL+ )?for ["'‘“]|(?:is )?(?:Latin|Greek|French|German|Spanish|Italian|Arabic|Hebrew|Welsh|Gaelic|Irish|Japanese|Chinese|Hindi|Sanskrit|Maori|Swahili|Zulu|slang|short|shorthand) for\b)`)

// definesAfter reports whether what follows a name says what it is: " is
// (basically) a/an/the …", " are …".
func definesAfter(after string) bool {
	rest, ok := strings.CutPrefix(after, " is ")
	if !ok {
		if rest, ok = strings.CutPrefix(after, " are "); !ok {
			return false
		}
	}
	if w, r, _ := strings.Cut(rest, " "); strings.HasSuffix(w, "ly") {
		rest = r // "is basically", "is simply"
	}
	return strings.HasPrefix(rest, "a ") || strings.HasPrefix(rest, "an ") || strings.HasPrefix(rest, "the ")
}

// isLetter reports whether byte b is an ASCII letter or part of a
// multi-byte character (which, in news, is almost always a letter).
func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// cutPrefixFold returns s without prefix, matched in any case, and whether
// s began with it.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
