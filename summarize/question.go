package summarize

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/summarize/text"
)

// token is one word of a sentence or a question, as answering compares them.
type token struct {
	// id is the term's number: in a Doc's tokens, its number in the Doc (-1
	// for a stopword); while tokenizing, its place in the lexicon. Tokens hold
	// no strings, so that an article's thousands of them cost the garbage
	// collector nothing.
	id   int32
	stop bool // a stopword
	name bool // capitalized, not at the start of its sentence
	cap  bool // capitalized, anywhere (a name may open a sentence)
	// joined: only spaces stand between this word and the one before, which
	// is not a possessive, so two capitalized words can be one name ("Glenn
	// Mason", not "Wembley, Mason" or "Saddam's Ba'ath").
	joined bool
	num    bool // has a digit
}

// appendTokens appends the tokens of sentence s, analysing each word with lx.
func appendTokens(toks []token, s string, lx *lexicon, keep bool) []token {
	end := -1 // where the previous word ended; none yet
	possessive := false
	text.EachWordAt(s, func(raw string, at int) {
		e := lx.lookup(raw, keep)
		t := token{id: e.term, stop: e.stop, num: e.num}
		t.cap = !t.stop && capitalized(raw)
		t.name = end >= 0 && t.cap
		// A possessive ends a name: "Saddam's Ba'ath Party" is two.
		t.joined = end >= 0 && !possessive && onlySpaces(s[end:at])
		end = at + len(raw)
		possessive = e.possessive
		toks = append(toks, t)
	})
	return toks
}

func capitalized(w string) bool {
	if c := w[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func onlySpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' {
			return false
		}
	}
	return true
}

// query is a question, analysed once.
type query struct {
	terms []string // distinct content terms; an answer brings others
	names []bool   // for each term, whether the question capitalizes it
	// english is, for a question asked in German, Spanish or French (lang
	// "de", "es", "fr"), the English form it is read in (foreignQuestion):
	// "how many Dateien the kaufte Aktivist?".
	english, lang string
	// For a cloze question, the words just before and after the blank.
	before, after string
	cloze         bool
	// predicate is the term of what the question asks happened or is —
	// "directed" in "Who directed the film?", "cost" in "How much will the
	// PSP cost?" — empty when the question's form does not show it.
	predicate string
	// object is the term of the noun the predicate acts on — "figures" in
	// "Who published the figures?" — empty when there is none.
	object string
	// self holds the words by which the question speaks of the article
	// itself, as text.Normalize writes them ("article" in "Who wrote the
	// article?"), which it need not use; nil for most questions.
	self []string
	// manner is the term of the adverb after the predicate that says how
	// it was done — "illegally" in "How many guns were sold illegally?" —
	// which the article must use in some form, as it must the predicate;
	// empty when there is none.
	manner string
	// kind is the term of the noun a "which" or "what" question asks for a
	// name of — "club" in "Which club does he play for?" — which the answer
	// names rather than uses; empty for other questions.
	kind string
	// kindQualified is the kind as written with the names that qualify it
	// ("US firm" in "Which US firm …?"); empty when none do.
	kindQualified string
	// rateOf is the term of the word that says which rate a question asks
	// for ("inflation" in "What is the inflation rate?"); empty when none
	// does.
	rateOf string
	// sumOf is the term of the noun right after "how much", which says what
	// the sum asked for is ("profit" in "How much profit did Citigroup
	// make?"); empty when none does ("How much did it cost?").
	sumOf string
	// phrasal is the term of a verb the question uses with a particle
	// ("carried" in "Who carried out the survey?"), whose meaning is the
	// pair's; empty when there is none.
	phrasal    string
	asksAge    bool // "how old", "what age"
	asksCalled bool // "what is it called", "what is her name"
	// named is the term of the noun whose name a question asks for ("album"
	// in "What is 50 Cent's new album called?"); empty when there is none.
	named string
	// measure finds the forms an answer to a question about a measure takes,
	// likeliest first ("how old": "Thanou, 30,"; "how far": "912km"; how much
	// shares fell: "8%"); nil for other questions.
	measure []*regexp.Regexp
	// quantity narrows a number question: a sum of money or a count.
	quantity quantityKind
	// change: the question asks by how much something rose or fell, which
	// a percentage answers as well as a sum ("raise prices by 30%").
	change      bool
	amount      bool // "how much" of what is neither money nor a change
	wantsNumber bool
	wantsName   bool
	wantsDate   bool
	// holder: "Who was the reporter?" asks who holds a post or plays a
	// part, which news writes before the name as a title ("Evening
	// Standard reporter Oliver Finegold").
	holder bool
	// future: "When will …?", "When is …?" ask for a date still to come,
	// which "last month" or a year the article has gone past is not.
	future bool
	// acronyms maps the term of each abbreviation the question writes in
	// capitals ("PSP", "J&J") to its letters ("PSP", "JJ"), which an
	// article may spell out instead ("Sony's PlayStation Portable").
	acronyms map[string]string
}

// askWord holds the terms of question forms ("how many", "how long", "how
// old", "how tall"), which say what kind of answer is wanted and are rarely in
// the answer ("the 301m tower"). A fill-in-the-blank question has no such
// form: there they are content. ("high", "big" and "fast" are not here: a
// question names "high-definition" TV and "Big Brother".)
var askWord = map[string]bool{text.Term("many"): true, text.Term("much"): true, text.Term("long"): true,
	text.Term("far"): true, text.Term("often"): true, text.Term("old"): true,
	text.Term("tall"): true, text.Term("wide"): true, text.Term("deep"): true, text.Term("heavy"): true}

// futureRE finds a lower-case question that asks when something is to
// happen.
var futureRE = regexp.MustCompile(`^\s*when (?:will|would|shall|is|are|does|do)\b`)

// howManyTimes asks how often something happened, which "twice" or a list
// of years answers: not a count of a noun (quantityOf), and "times" is the
// question's form, not its subject (timesTerm).
const howManyTimes = "how many times"

// timesTerm is the term of "times", timeTerm that of "time".
var timesTerm, timeTerm = text.Term("times"), text.Term("time")

// acronymRE finds a word written as an abbreviation: two to five capitals,
// perhaps joined by "&" ("PSP", "J&J", "M&S"), perhaps possessive.
var acronymRE = regexp.MustCompile(`^\p{P}*((?:\p{Lu}&?){1,4}\p{Lu})(?:'s|’s)?\p{P}*$`)

// acronymLetters returns the capitals of an abbreviation as written ("PSP";
// "J&J" for "J&J's", whose "&" its spelling out keeps), or "" for another
// word and for two capitals without "&" ("MP", "Mr Prescott", too many
// pairs of names have them).
func acronymLetters(field string) string {
	capitals := 0
	for i := 0; i < len(field); i++ {
		if 'A' <= field[i] && field[i] <= 'Z' {
			capitals++
		}
	}
	if capitals < 2 {
		return "" // most words: no regexp needs to run
	}
	m := acronymRE.FindStringSubmatch(field)
	if m == nil || len(m[1]) < 3 {
		return ""
	}
	return m[1]
}

// spellsAcronym reports whether text s spells out an abbreviation: a run of
// capitalized words, joined by "&", "and", "of", "for" or "the" at most, whose
// capitals are its letters ("Sony's PlayStation Portable" for PSP, "Johnson &
// Johnson" for J&J, "Marks & Spencer" for M&S, "Office of Fair Trading" for
// OFT).
func spellsAcronym(s, letters string) bool {
	if strings.Contains(letters, "&") {
		if !strings.Contains(s, "&") && !strings.Contains(s, " and ") {
			return false
		}
		letters = strings.ReplaceAll(letters, "&", "")
	}
	var caps []string // the capitals of each word of the current run
	check := func() bool {
		for i := range caps {
			got := ""
			for _, c := range caps[i:] {
				got += c
				if got == letters {
					return true
				}
				if len(got) >= len(letters) {
					break
				}
			}
		}
		return false
	}
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '&' })
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		switch {
		case w == "&" || w == "and" || w == "of" || w == "for" || w == "the":
			continue
		case w != "" && capitalized(w):
			c := ""
			for _, r := range w {
				if unicode.IsUpper(r) {
					c += string(r)
				}
			}
			caps = append(caps, c)
			if check() {
				return true
			}
		default:
			caps = caps[:0]
		}
	}
	return false
}

// holderRE finds a question that asks who holds a post: "Who is the new
// coach?", "Who was the reporter?".
var holderRE = regexp.MustCompile(`^who (?:is|was|are|were|will be) (?:the|an?) `)

// postRE finds a Spanish, French, Polish or Portuguese question for who holds a post, the
// post in group 1, past a word that only qualifies it: "¿Quién es el abogado
// de …?", "¿Quién fue el primer presidente …?", "Qui est le ministre de la
// Santé ?", "Kto jest prezesem Grupy Eurocash?", "Quem é o presidente do
// Senado?".
var postRE = regexp.MustCompile(`(?i)^¿?\s*(?:(?:quién|quien|quiénes|quienes|qui) (?:es|son|era|eran|fue|fueron|será|serán|est|était|sont|étaient|sera|a été) ` +
	`(?:el|la|los|las|le|les|l['’])\s*(?:(?:primer|primera|nuevo|nueva|actual|último|última|gran|premier|première|nouveau|nouvel|nouvelle|actuel|actuelle|ancien|ancienne|dernier|dernière) )?` +
	`|kto (?:jest|był|była|będzie|są|byli|były) (?:(?:nowym|nową|obecnym|obecną|pierwszym|pierwszą|byłym|byłą) )?` +
	`|quem (?:é|era|foi|será|são|eram|foram) (?:o|a|os|as) (?:(?:novo|nova|atual|primeiro|primeira|último|última) )?)(\p{L}[\p{L}-]*)`)

// blank is how cloze questions mark the missing name or number.
const blank = "____"

func parseQuery(q string) query {
	if english, r, sum, ok := foreignQuestion(q); ok {
		// No longer German, Spanish or French, its words of asking English. A
		// German one in lower case, as German capitalizes every noun and
		// a name is not told by its capital.
		var qu query
		if r.nounCaps {
			qu = parseQuery(strings.ToLower(english))
			// Which word is the verb is not read from English word
			// order but from German's capitals.
			qu.predicate = germanPredicate(english, q)
		} else {
			qu = parseQuery(english)
			// Nor from Spanish or French, whose verbs the article conjugates
			// otherwise: none is what the question needs the article to
			// say ("¿Quién publicó el informe?" — "informó el Banco
			// Central"). Nor is the verb they put right after "how much"
			// what the sum is of ("¿Cuánto piden los hackers de rescate?" —
			// "a menos de que el Estado pague un rescate").
			qu.predicate, qu.sumOf = "", ""
			if m := postRE.FindStringSubmatch(q); m != nil {
				// Except the post a question asks who holds, a noun
				// after "is the" ("¿Quién es el abogado de Kenji
				// Fujimori?"), which an article that never names it
				// does not say, as "Who is Kenji Fujimori's lawyer?".
				qu.predicate = text.Term(text.Normalize(m[1]))
			}
			if foreignRates[qu.kind] {
				// "¿Cuál es la tasa de inflación?" asks for one rate, as
				// "What is the inflation rate?" does: the rate's noun comes
				// first, what it is of after it.
				qu.measure, qu.rateOf = []*regexp.Regexp{percentRE, moneyRE}, nextTerm(english, qu.kind)
			}
		}
		if sum {
			qu.quantity = money
		}
		// The English words a form brings that are no word of the
		// question's: "Wie groß ist der Steinkauz?" is read "what size
		// Steinkauz?", and an article that never says "size" is no reason
		// to decline, nor a word to name in the decline.
		for k := len(qu.terms) - 1; k >= 0; k-- {
			if foreignFormTerms[qu.terms[k]] {
				qu.terms, qu.names = slices.Delete(qu.terms, k, k+1), slices.Delete(qu.names, k, k+1)
			}
		}
		if foreignFormTerms[qu.kind] {
			qu.kind, qu.kindQualified = "", ""
		}
		qu.object, qu.english, qu.lang = "", english, r.lang
		qu.dropSelf(q)
		return qu
	}
	var qu query
	raceTime := false // or the hour of day "what time" asks for
	// form reports whether a term is the form of the question, not its
	// subject: "how many", "how long", "what is it called", and a race's
	// or an hour's "time".
	form := func(term string) bool {
		return !qu.cloze && askWord[term] || qu.asksCalled && formTerms[term] || raceTime && term == timeTerm
	}
	lx := newLexicon(32, 32)
	l := strings.ToLower(q)
	held := false // "Where were the awards held?"
	qu.wantsNumber, qu.wantsName, qu.wantsDate = questionType(q)
	qu.future = futureRE.MatchString(l)
	for field := range strings.FieldsSeq(q) {
		if letters := acronymLetters(field); letters != "" {
			if qu.acronyms == nil {
				qu.acronyms = map[string]string{}
			}
			qu.acronyms[text.Term(text.Words(field)[0])] = letters
		}
	}
	qu.holder = holderRE.MatchString(l)
	if i := strings.Index(q, blank); i >= 0 {
		qu.cloze = true
		// The nearest content words on either side of the blank.
		left := appendTokens(nil, q[:i], lx, false)
		right := appendTokens(nil, strings.TrimLeft(q[i:], "_"), lx, false)
		for k := len(left) - 1; k >= 0 && qu.before == ""; k-- {
			if !left[k].stop {
				qu.before = lx.slots[left[k].id].term
			}
		}
		for k := 0; k < len(right) && qu.after == ""; k++ {
			if !right[k].stop {
				qu.after = lx.slots[right[k].id].term
			}
		}
		// A blank is a name unless its context says number.
		qu.wantsNumber = numberContext(q[:i], strings.TrimLeft(q[i:], "_"))
		qu.wantsName = !qu.wantsNumber
	}
	if !qu.cloze {
		qu.measure = measureOf(l)
		// "What was Dibaba's time?": "time" is the form of the question,
		// the measure asked for, which news gives without the word ("won
		// in 14 minutes 32.93 seconds").
		raceTime = slices.Contains(qu.measure, raceTimeRE) || slices.Contains(qu.measure, clockRE)
		qu.asksAge = slices.Contains(qu.measure, agedRE)
		qu.quantity = quantityOf(l)
		qu.change = asksChange(l)
		qu.asksCalled = asksCalled(l)
		if qu.asksCalled {
			if w := namedThing(q); w != "" {
				qu.named = text.Term(w)
			}
		}
		// "How much" of what is neither money nor a change is an amount,
		// not a count: "How much oil …?" — "2.5 million barrels".
		qu.amount = qu.quantity == anyNumber && !qu.change && qu.measure == nil && strings.Contains(l, "how much")
		qu.sumOf = sumOf(l)
		if qu.measure == nil && qu.change && qu.quantity == anyNumber {
			// By how much shares fell: news gives a change as a
			// percentage ("closed down 8%").
			qu.measure = []*regexp.Regexp{percentRE}
		}
		if qu.measure == nil && strings.HasPrefix(strings.TrimSpace(l), "how much of ") {
			// "How much of the club does Glazer own?" asks for a share,
			// which news gives as a percentage ("hold a stake of 28.1%"),
			// before any sum ("values the club at £800m"), or as a part
			// of a whole it has given: "$700 of that was allocated for
			// food".
			qu.measure = []*regexp.Regexp{percentRE, partOfRE}
		}
		// A verb with a particle is no predicate: "carried out", "stepped
		// down" mean what the pair does. Nor is "held" in "Where will the
		// rally be held?": it is the question's form.
		held = heldAsked(l)
		if v := phrasalVerb(q); v != "" {
			qu.phrasal = text.Term(v)
		} else if p, o, m := predicate(q); p != "" && !held && !form(text.Term(p)) {
			qu.predicate = text.Term(p)
			if o != "" {
				qu.object = text.Term(o)
			}
			if m != "" {
				qu.manner = text.Term(m)
			}
		}
		if k, qualified := kindAsked(q); k != "" {
			qu.kind, qu.kindQualified = text.Term(k), qualified
			if rateNouns[k] {
				if qu.measure == nil {
					qu.measure = []*regexp.Regexp{percentRE, moneyRE} // "interest rates at 4.75%", "the dollar at $1.2871"
				}
				qu.rateOf = rateOf(l)
			}
		}
	}
	afterName := false // the word before was capitalized
	toks := appendTokens(nil, q, lx, false)
	if !qu.cloze && strings.Contains(l, howManyTimes) {
		// "How many times": the form of the question, like "how many".
		toks = slices.DeleteFunc(toks, func(t token) bool { return !t.stop && lx.slots[t.id].term == timesTerm })
	}
	if held {
		// "Where will the rally be held?" asks where it will be, in
		// whatever words ("with a walk at Tweedbank"): the holding counts
		// only where the article speaks of it, as a verb with a particle
		// does ("The ceremony was held at the Luna Park fairground").
		qu.phrasal = holdTerm
	}
	if !qu.cloze && strings.Contains(q, " to ") {
		// "Who wants to buy …?" asks who will buy: the wanting is its form.
		words := strings.Fields(q)
		for i := 1; i+1 < len(words); i++ {
			if words[i] == "to" && wantsTo(words[i-1], words[i+1]) {
				w := text.Term(strings.ToLower(words[i-1]))
				toks = slices.DeleteFunc(toks, func(t token) bool { return !t.stop && lx.slots[t.id].term == w })
			}
		}
	}
	for _, t := range toks {
		// A number right after a capitalized word is part of a name
		// ("Metal Slug 3", "Half-Life 2").
		name := t.cap || t.num && t.joined && afterName
		afterName = t.cap
		if t.stop {
			continue
		}
		term := lx.slots[t.id].term
		if form(term) {
			continue
		}
		if k := slices.Index(qu.terms, term); k >= 0 {
			qu.names[k] = qu.names[k] || name
			continue
		}
		qu.terms = append(qu.terms, term)
		qu.names = append(qu.names, name)
	}
	qu.dropSelf(q)
	return qu
}

// dropSelf removes from the question's terms the word by which it speaks of
// the article itself ("When was the article updated?", "Wer hat den Artikel
// geschrieben?"): the article need not call itself one.
func (qu *query) dropSelf(q string) {
	qu.self = selfWords(q)
	for _, w := range qu.self {
		if k := slices.Index(qu.terms, text.Term(w)); k >= 0 {
			qu.terms, qu.names = slices.Delete(qu.terms, k, k+1), slices.Delete(qu.names, k, k+1)
		}
	}
}

// selfWords returns the words by which a question speaks of the article it
// asks about, as text.Normalize writes them — "article" after "the" or
// "this", in the languages questions are read in ("der Artikel", "el
// artículo", "l'article"; Polish, which has no articles, "artykuł" alone) —
// not one with a number ("Article 50"); nil for most questions.
func selfWords(q string) []string {
	if !strings.Contains(q, "rtic") && !strings.Contains(q, "rtík") && !strings.Contains(q, "rtíc") && !strings.Contains(q, "rtik") && !strings.Contains(q, "rtyk") {
		return nil // most questions: no word read, nothing allocated
	}
	var out []string
	prev := ""
	text.EachWordAt(q, func(raw string, at int) {
		w := strings.ToLower(raw)
		elided := strings.HasSuffix(q[:at], "l'") || strings.HasSuffix(q[:at], "l’") ||
			strings.HasSuffix(q[:at], "L'") || strings.HasSuffix(q[:at], "L’") // "l'article"
		if selfNouns[w] && (selfDeterminers[prev] || elided || strings.HasPrefix(w, "artyk")) && !startsWithDigit(strings.TrimLeft(q[at+len(raw):], " ")) {
			out = append(out, text.Normalize(raw))
		}
		prev = w
	})
	return out
}

// selfNouns are the words for an article; selfDeterminers the words that
// make one of them this article (and an elided "l'" before it).
var (
	selfNouns       = wordSet("article artikel artikels artículo articulo artykuł artykułu artykule")
	selfDeterminers = wordSet("the this der den dem des dieser diesem diesen el este l le cet")
)

// foundingAsked returns the question with "found" after "did", "does", "do",
// "will" or "to" and the words of its subject written "founded": "Which
// company did Venter found?", "When did Redford found Sundance?" ask about
// founding, where "found" alone is read as the past of "find". Not after a
// verb of saying ("When did police say they found …?"). Other questions are
// returned as they are.
func foundingAsked(q string) string {
	if !strings.Contains(q, "found") {
		return q
	}
	loc := foundingRE.FindStringSubmatchIndex(q)
	if loc == nil || clauseVerbRE.MatchString(q[loc[0]:loc[2]]) {
		return q
	}
	return q[:loc[2]] + "founded" + q[loc[3]:]
}

var (
	foundingRE   = regexp.MustCompile(`(?i)\b(?:did|does|do|will|to)(?:\s+[^\s?]+){0,4}?\s+(found)\b`)
	clauseVerbRE = regexp.MustCompile(`(?i)\b(?:say|said|says|think|believe|report|reported|claim|claimed)\b`)
)

// german reports whether the question was asked in German, whose words the
// article may inflect otherwise ("Autohäuser" — "Autohäusern").
func (q query) german() bool { return q.lang == "de" }

// measureOf returns, for a lower-case question about a measure — an age, a
// length, a time, a speed, a weight — what its answer looks like in news
// text, likeliest first; nil for other questions.
func measureOf(l string) []*regexp.Regexp {
	has := func(forms ...string) bool {
		return slices.ContainsFunc(forms, func(f string) bool { return strings.Contains(l, f) })
	}
	switch {
	case has("how old", "what age"):
		return []*regexp.Regexp{agedRE}
	case has("how long has", "how long have", "how long was", "how long were", "how long did"):
		// How long something has lasted is also said by when it began:
		// "How long have rates been on hold?" — "unchanged since August";
		// "How long was Sheerin at Arbroath?" — "has been player-manager at
		// the Red Lichties since 2010".
		return []*regexp.Regexp{lengthRE, durationRE, sinceRE}
	case has("how long"):
		// A pipeline's length or a ban's: a length, rarer in news, is
		// likelier the one asked about when an article gives one.
		return []*regexp.Regexp{lengthRE, durationRE}
	case has("how far behind", "how far ahead", "how far clear", "how far adrift", "how far off"):
		// In a table or a race the gap is counted in points, strokes or
		// seconds: "two points behind La Liga leaders Barcelona".
		return []*regexp.Regexp{gapRE}
	case has("what size"):
		// A size by comparison or by area: "a body that was the size of
		// Mars", "16,000 hectares".
		return []*regexp.Regexp{sizeRE, lengthRE}
	case has("what distance"):
		return []*regexp.Regexp{lengthRE, raceDistanceRE}
	case has("how far"):
		// Or how long it takes to get there: "2,5 Autostunden von New
		// York entfernt", "a two-hour drive from London".
		return []*regexp.Regexp{lengthRE, travelTimeRE}
	case has("how tall", "how high", "how deep", "how wide"):
		return []*regexp.Regexp{lengthRE}
	case has("how fast", "what speed"):
		// A speed, or for an economy or a market a rate of growth: "How
		// fast did the US economy grow?" — "an annual rate of 3.7%".
		return []*regexp.Regexp{speedRE, percentRE}
	case has("how heavy", "weigh"):
		return []*regexp.Regexp{weightRE}
	case has("winning time", "best time", "fastest time", "finishing time", "'s time", "’s time") || ranTimeRE.MatchString(l):
		// A race's time, not the hour of day "what time" asks for.
		return []*regexp.Regexp{raceTimeRE}
	case has("how cold", "how hot", "how warm", "what temperature") || strings.Contains(l, "temperatur"):
		// A temperature: "lows of two degrees", "3,000°C", "130 degrees
		// Fahrenheit"; also when the question names one, as German asks "how
		// high" ("Wie hoch war die Tiefsttemperatur?").
		return []*regexp.Regexp{temperatureRE}
	case has("how often", "how frequently"):
		// A frequency: "once or twice a week", "every four to five days",
		// "three times a year" — not any number near the question's words.
		return []*regexp.Regexp{frequencyRE}
	case has("what time", "which time"):
		// The hour of day: "after 4am on Saturday", "at 1230 GMT", "just
		// before midnight".
		return []*regexp.Regexp{clockRE}
	}
	return nil
}

// temperatureRE finds a temperature in figures or words: "-6.6C", "3,000°C",
// "lows of two degrees", "negative six-point-six degrees Celsius", and in German,
// Spanish and French: "400 bis 600 Grad", "35 grados", "minus 5 degrés".
var temperatureRE = regexp.MustCompile(`(?i)\b` + measureNumber + `(?:°|º|(?:degrees?|grad|grados?)\b|degrés?)|\d\s?°?[CF]\b`)

// clockRE finds an hour of the day as news gives it.
var clockRE = regexp.MustCompile(`(?i)\b\d{1,2}(?:[:.]\d\d)?\.?\s?[ap]\.?m\b\.?|\b\d{1,2}:\d\d(?:\s?hrs?)?\b|\b\d{4}\s?(?:GMT|BST|UTC|CET|EST|PST)\b|\b(?:noon|midday|midnight)\b|\bo'clock\b`)

// The forms of measures in news text. A number may be written in figures or
// words, with a fraction after its figures ("11½ hours") or in words ("two
// and a half years"), and joined to its unit by a hyphen ("a three-year
// deal", "the 912km pipeline").
const measureNumber = `(?:\d[\d,.]*[½¼¾⅓⅔]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an` +
	`|ein|eine|einem|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf` + // German
	`|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez` + // Spanish
	`|deux|trois|quatre|cinq|dix` + // French
	`|dwa|dwie|dwóch|trzy|cztery|pięć|sześć|siedem|osiem|dziewięć|dziesięć|kilka|kilkanaście` + // Polish
	`|dois|duas|três|quatro|sete|oito|dez)(?: and a half)?[\s-]?` // Portuguese, but those Spanish writes alike

var (
	// agedRE: after a name or a description between commas ("Thanou, 30,
	// who …", "the veteran film-maker, 68,"), or "34-year-old" ("a 12
	// year-old girl"; in words at the start of a sentence or after an
	// article, "Fifteen-year-old Donald Young", not "Mrs Quinn's two-year-old
	// son"), "aged 68", "at the age of 12" (not "from the age of 14", when
	// something began, nor "children under the age of 12"), "36 years old",
	// "three months old", "in his 50s", "in her early twenties" (not "people
	// in their 20s"), "11 months of age"; a thing's age ("dating from 1945",
	// "a century-old boat", "dating more than a century").
	agedRE = regexp.MustCompile(namedAge + `|\b\d{1,3} (?:years?|months?|weeks?) of age\b|\b(?:century|centuries|decades)-old\b|\bdating (?:back )?(?:more than |over |nearly |almost )?(?:a|one|two) centur(?:y|ies)\b|\b\d{1,3}[- ]year-old\b|(?:^|\b[Tt]he |\b[Aa] )(?i:` + spelledNumberAlt + `)[- ]year-old\b|\baged \d{1,3}\b|\b[Aa]t the age of \d{1,3}\b|\b(?:\d{1,3}|(?i:` + spelledNumberAlt + `)) (?:years?|months?|weeks?|days?) old\b` +
		`|\bin (?:his|her) (?:early |mid-?|late )?(?:[1-9]0s|(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b` +
		`|` + describedAge + `|` + pronounAge +
		`|\b(?:dating|dates|dated) (?:back )?(?:from|to) (?:the )?\d{4}s?\b|\b(?:founded|established|built|set up) in \d{4}\b` +
		// German: "einen 67-jährigen Schweizer", "die 18-Jährige", "im Alter
		// von 86 Jahren", "25 Jahre alt".
		`|\b\d{1,3}-[Jj]ährige[nrms]?\b|\b[Ii]m Alter von \d{1,3} Jahren\b|\b\d{1,3} Jahre alt(?:e[nrms]?)?\b` +
		// Spanish: "de 36 años", "tiene 36 años", "36 años de edad";
		// French: "âgé de 45 ans", "45 ans".
		`|\b(?:de|tiene|tenía|tenia|con|cumplió|cumple) \d{1,3} años\b|\b\d{1,3} años de edad\b|\b\d{1,3} ans\b` +
		// Portuguese: "de 15 anos", "tem 36 anos".
		`|\b(?:de|tem|tinha|com|completou|completa) \d{1,3} anos\b`)
	// namedAgeRE is agedRE's first form, with the name as its group.
	namedAgeRE = regexp.MustCompile(namedAge)
	lengthRE   = regexp.MustCompile(`(?i)\b` + measureNumber + lengthUnits)
	sizeRE     = regexp.MustCompile(`(?i)\bthe size of (?:a |an |the )?\pL|\b(?:as|so) (?:big|large) as\b|\b` + measureNumber + `(?:square (?:miles|metres|meters|feet|kilometres)|sq ?(?:m|ft|km|mi)|hectares?|acres?)\b`)
	// travelTimeRE: a distance as the time it takes to travel, "a
	// two-hour drive", "30 minutes by train", "2,5 Autostunden", "zwei
	// Flugstunden", "a dos horas de", "à deux heures de".
	travelTimeRE = regexp.MustCompile(`(?i)\b` + measureNumber + `(?:(?:hours?|minutes?)['’]? (?:drive|flight|train ride|ride|walk|journey|sail)\b|-?(?:hour|minute) (?:drive|flight|train ride|ride|walk|journey)\b|(?:hours?|minutes?) (?:by (?:car|train|plane|road|air)|away)\b` +
		`|(?:auto|fahrt?|flug|zug|bahn)(?:stunden?|minuten)\b|(?:stunden?|minuten) (?:mit dem|per) (?:auto|zug|flugzeug|bahn)\b` +
		`|horas? (?:de|en) (?:coche|auto|carro|avión|tren)\b|heures? (?:de|en) (?:voiture|route|train|avion)\b)`)
	gapRE      = regexp.MustCompile(`(?i)\b` + measureNumber + `(?:points?|pts|shots?|strokes?|goals?|runs?|seconds?|places?|games?|lengths?)\b`)
	durationRE = regexp.MustCompile(`(?i)\b` + measureNumber + `(?:years?|months?|weeks?|fortnights?|days?|hours?|minutes?|seconds?|decades?|century|centuries|seasons?|games?|matches` +
		`|jahre|jahren|jahr|monate|monaten|monat|wochen|woche|tage|tagen|tag|stunden|stunde|minuten|jahrzehnte` +
		`|años|meses|semanas|días|horas|minutos|anos|dias|ans|années|mois|jours|heures` +
		`|lat|lata|roku|miesięcy|miesiące|miesiąc|tygodni|tygodnie|tydzień|dni|dnia|godzin|godziny|minut)(?:[^\w-]|$)|` + untilDate +
		`|\b(?:day|week|fortnight|month|year|season)-long\b` + // "a week-long tour"
		`|\b(?:for|of|miss|misses|missed|missing) the (?:rest|remainder) of (?:the|his|her|their|this)\b`) // "ruled out of the rest of the Six Nations"
	speedRE = regexp.MustCompile(`(?i)\b\d[\d,.]*\s?(?:mph|km/h|kph|kmh|miles an hour|miles per hour|knots|[kmg]bps|[kmgt]i?b(?:it)?/s\b|(?:kilo|mega|giga|tera)(?:bit|byte)s? (?:a|per) second)` +
		// A line's or a computer's speed, in figures or words: "an eight
		// megabit service", "hundreds of megabits of data per second",
		// "70.72 teraflops"; how fast it reads data: "2.3 GB/s".
		`|\b(?:\d[\d,.]*|` + spelledNumberAlt + `|hundreds of|thousands of)[\s-]?(?:kilo|mega|giga)bits?\b` +
		`|\b\d[\d,.]*\s?(?:tera|giga|peta)flops\b`)
	// raceTimeRE: "7.96 seconds", "8.47secs", "1:48.32", "2:15:25" — and
	// "two hours, 23 minutes and 10 seconds" by its seconds, or a
	// marathon's "two hours 23 minutes", "2hr 23min".
	raceTimeRE = regexp.MustCompile(`(?i)\b\d+(?:\.\d+)?\s?(?:secs?|seconds)\b|\b\d{1,2}(?::\d\d){1,2}\.\d+\b|\b\d{1,2}:\d\d:\d\d\b` +
		`|\b(?:\d|one|two|three|four|five)\s?(?:hours?|hrs?),? (?:and )?\d{1,2}\s?(?:minutes|mins?)\b`)
	// frequencyRE: "once or twice a week", "twice a day", "every 10
	// seconds", "every four to five days", "three times a year", "daily".
	frequencyRE = regexp.MustCompile(`(?i)\b(?:once|twice|\w+ times) (?:a|an|per|each|every) \w+|\bevery (?:(?:other|few|\d+|` + spelledNumberAlt + `|to) ){0,3}` + periodUnits +
		`|\b(?:daily|weekly|monthly|yearly|annually|hourly|nightly|fortnightly)\b|\b(?:a|an|per) (?:day|week|month|year|hour|minute|second|fortnight)\b`)
	weightRE = regexp.MustCompile(`(?i)\b\d[\d,.]*\s?(?:kg|kilos?|kilograms?|tonnes?|tons?|lbs?|pounds|stone)\b`)
)

// periodUnits are the spans a frequency counts by: "every ten days".
const periodUnits = `(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|morning|evening|summer|winter|season|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`

// raceDistanceRE finds a race's distance as athletics writes it, in metres
// without the word ("the 1500m", "over 800m", "the 5,000m"), not a sum
// ("£200m").
var raceDistanceRE = regexp.MustCompile(`(?:^|[\s(])(?:60|100|110|200|400|800|1,?500|3,?000|5,?000|10,?000)m\b`)

// untilDate is how long a ban or a deal lasts as news often gives it: "until
// the end of the season", "until May 2008", "expires in the summer", "runs
// out at the end of the season".
const untilDate = `\b(?:until|(?:expires?|expiring|runs? out|running out) (?:in|at))` +
	` (?:the end of )?(?:the |next |this )?(?:season|year|month|summer|spring|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d)\b`

// ranTimeRE finds a question about the time someone ran a race in: "What
// time did Scott run?".
var ranTimeRE = regexp.MustCompile(`^what time did [^?]+ (?:run|finish|clock|record|swim)\b`)

// sinceRE finds when something that still goes on began: "since August",
// "since last October", "since 2001".
var sinceRE = regexp.MustCompile(`(?i)\bsince (?:last |early |late |mid-?)?(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d)\b`)

// describedAge is a description with an age between commas after it: "the
// veteran film-maker, 68,".
const describedAge = `\b[Tt]he(?: [\pL-]+){1,3}, \d{1,3},`

// pronounAge is an age given after a pronoun for someone named before, as an
// obituary does: "He was 84, had been suffering from cancer …".
const pronounAge = `(?:^|[.;] )(?:He|She) was \d{1,3}(?:,|\.|$| and )`

// namedAge is a name with an age between commas after it, "Thanou, 30,", or
// ending the sentence: "… arrested the Premier Andrew Alturo Fahie, 51."; or
// in brackets, as German news gives it: "Carsten Froß (54)", "Stetter-Karp
// (65) folgt …".
const namedAge = `(\p{Lu}[\pL'’-]*)(?:, \d{1,3}(?:,|\.$)| \([1-9]\d?\))`

// lengthUnits are the units of a length, and of a document's: "the
// seven-page complaint".
const lengthUnits = `(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|cm|mm|yards?|pages?|(?:kilo|zenti)?metern|(?:kil[oó]|cent[ií])?metros|(?:kilo|centi)?m[eè]tres)\b`

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

// predicate finds the word of a question that says what it asks happened or
// is: after the question phrase ("who", "how many workers", "which film") and
// an auxiliary with its subject ("will the trial", "does Bellamy"), the last
// of the lower-case content words that follow ("start", "earn"). It returns
// "" when the question does not have that shape: an answer to a question
// whose predicate the article never uses, in any related form, is the
// article's answer to another question. (A verb with a particle is none;
// parseQuery asks phrasalVerb first.) It returns too the lower-case noun that
// comes next, past stopwords: the predicate's object ("figures" in "Who
// published the figures?"), or "", and the adverb that says how it was done
// ("illegally" in "How many guns were sold illegally?"), or "".
func predicate(q string) (pred, object, manner string) {
	var raw []string
	text.EachWord(q, func(w string) { raw = append(raw, w) })
	if len(raw) < 2 {
		return "", "", ""
	}
	lower := make([]string, len(raw))
	for i, w := range raw {
		lower[i] = strings.ToLower(w)
	}
	i := 1
	switch lower[0] {
	case "who", "whom", "whose", "what", "when", "where", "why":
	case "which":
		i = 2 // "which film"
	case "how":
		i = 2 // "how many", "how old"
	default:
		return "", "", ""
	}
	// A question phrase that runs on ("how many of the new users", "what
	// interest rate") ends at its auxiliary, when one comes soon.
	for k := i; k < min(len(lower), i+5); k++ {
		if auxiliaries[lower[k]] {
			i = k
			break
		}
	}
	if i < len(lower) && auxiliaries[lower[i]] {
		i++
	}
	last := ""
	for ; i < len(raw); i++ {
		w := lower[i]
		if lightVerbs[text.Term(w)] {
			return "", "", "" // "take over", "give away": the meaning is in the particle
		}
		if w == "to" && i+1 < len(raw) && wantsTo(last, raw[i+1]) {
			last = "" // "wants to buy": what is asked is the buying
			continue
		}
		if last != "" && (capitalized(raw[i]) || text.IsStopword(w)) {
			break
		}
		if last != "" && adverb(w) {
			manner = w // "responded positively": what is asked is the responding
			continue
		}
		if !capitalized(raw[i]) && !text.IsStopword(w) && !startsWithDigit(w) && !howOften[w] {
			last = w
		}
	}
	if formWords[last] {
		return "", "", "" // "what is it called", "what is the name of the service"
	}
	if expectVerbs[last] && !(i < len(lower) && lower[i] == "to") {
		// "When does Kennedy expect the poll?" asks when the poll is, in
		// whoever's expectation: "ready for a 2005 poll".
		return "", "", ""
	}
	for ; i < len(raw) && last != ""; i++ {
		if w := lower[i]; !text.IsStopword(w) {
			if !capitalized(raw[i]) && !startsWithDigit(w) {
				object = w
			}
			break
		}
	}
	return last, object, manner
}

// adverb reports whether a lower-case word is an adverb in "-ly" that says
// how something was done ("positively", "quickly"), not a verb or a noun
// ending so ("supply", "reply", "rally", "family").
func adverb(w string) bool {
	stem, ok := strings.CutSuffix(w, "ly")
	return ok && len(stem) >= 4 && !strings.HasSuffix(stem, "p") && !strings.HasSuffix(stem, "i")
}

// howOften are the words that say how often or how soon something happened
// ("Who scored twice?"), not what did.
var howOften = wordSet("twice once again already ever yet")

// wantVerbs are the verbs that put another in the infinitive after them,
// which says what is asked: "Who wants to buy the LSE?", "Which firm plans
// to invest in Rover?", "How much is the auction expected to raise?".
var wantVerbs = termSet("want plan hope try aim intend seek threaten agree decide refuse offer promise vow pledge need expect")

// expectVerbs are the forms of the verbs of expecting, which put what is
// asked after them. (Words, not terms: stemming every question's predicate
// would cost an allocation.)
var expectVerbs = wordSet("expect expects expected expecting anticipate anticipates anticipated anticipating")

// wantsTo reports whether verb, then "to", then next put what is asked in
// the infinitive: "wants to buy" (not "talks to Microsoft").
func wantsTo(verb, next string) bool {
	return wantVerbs[text.Term(strings.ToLower(verb))] && !capitalized(next)
}

// kindAsked returns the noun that says what kind of thing a "which" or
// "what" question asks for: the one right after it, past names that qualify
// it ("which club", "which US firm"), or else a rate, which news gives as a
// percentage without the word ("what is the unemployment rate" —
// "unemployment remains high at about 10%"); "" when there is none ("what
// is", "which of"). (Not every quantity: "What is Bekele's best time?" of an
// article with his records but no time is not answered by them.)
func kindAsked(q string) (kind, qualified string) {
	n := 0        // words read
	names := -1   // where the names that qualify the kind begin
	rate := false // past "what is": only a rate can be the kind
	text.EachWordAt(q, func(raw string, at int) {
		w := text.Normalize(raw)
		if w == "" {
			return
		}
		n++
		switch {
		case kind != "":
		case n == 1:
			if w != "which" && w != "what" {
				kind = "-" // not such a question
			}
		case rate:
			if rateNouns[w] {
				kind = w
			}
		case capitalized(raw):
			if names < 0 {
				names = at // "Which US firm"
			}
		case auxiliaries[w] || text.IsStopword(w):
			rate = true
		default:
			kind = w
			if names >= 0 {
				qualified = q[names : at+len(raw)]
			}
		}
	})
	if kind == "-" || n < 3 {
		return "", ""
	}
	return kind, qualified
}

// namedThing returns the noun of what a question asks the name of: the last
// lower-case word before "called" or "'s name" ("album" in "What is 50 Cent's
// new album called?", "nanny" in "What is the nanny's name?"), or of the
// phrase after "the name of" ("tool" in "… the name of the movie industry's
// new tool?"); "" when there is none.
func namedThing(q string) string {
	var words []string
	text.EachWord(q, func(w string) { words = append(words, w) })
	start, end := 0, len(words)
	for i, w := range words {
		w = strings.ToLower(w)
		if w == "name" && i+1 < len(words) && strings.EqualFold(words[i+1], "of") {
			start = i + 2
			break
		}
		if formWords[w] {
			end = i
			break
		}
	}
	last := ""
	for _, raw := range words[start:end] {
		w := text.Normalize(raw)
		switch {
		case w == "":
		case text.IsStopword(w) || auxiliaries[w]:
			if start > 0 && last != "" {
				return last // "the shareholder who …"
			}
		case !capitalized(raw) && !startsWithDigit(w):
			last = w
		}
	}
	return last
}

// startsWithDigit reports whether a word is a number ("50" in "50 Cent").
func startsWithDigit(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

// rateOf returns the term of the lower-case content word right before the
// rate noun of a lower-case question ("inflation" in "what is the inflation
// rate?"), or "".
func rateOf(l string) string {
	prev, of := "", ""
	text.EachWord(l, func(w string) {
		if of != "" {
			return
		}
		if rateNouns[w] && prev != "" {
			of = text.Term(text.Normalize(prev)) // "the dollar's rate"
		}
		prev = ""
		if !text.IsStopword(w) && !auxiliaries[w] && !startsWithDigit(w) {
			prev = w
		}
	})
	return of
}

// foreignFormTerms are the terms of the English words only the forms of
// foreign questions bring ("what size", "how fast"), which the English
// reading would take for words of the question.
var foreignFormTerms = termSet("size big fast cold warm hot")

// foreignRates are the terms of Spanish and French nouns for a rate, which
// put what the rate is of after them: "la tasa de inflación", "le taux de
// chômage".
var foreignRates = termSet("tasa taux")

// nextTerm returns the term of the word of q after the first whose term is
// term, or "".
func nextTerm(q, term string) string {
	next, found := "", false
	text.EachWord(q, func(w string) {
		t := text.Term(text.Normalize(w))
		switch {
		case next != "":
		case found:
			next = t
		case t == term:
			found = true
		}
	})
	return next
}

// sumOf returns the term of the lower-case content word right after "how
// much" in a lower-case question ("profit" in "how much profit did …"), or
// "".
func sumOf(l string) string {
	_, after, ok := strings.Cut(l, "how much ")
	if !ok {
		return ""
	}
	end := strings.IndexFunc(after, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(after)
	}
	w := after[:end]
	if w == "" || text.IsStopword(w) || auxiliaries[w] || anySum[w] {
		return ""
	}
	return text.Term(text.Normalize(w)) // folded as the article's words are: "aumentó"
}

// anySum are the words after "how much" that say only that a sum is asked
// for: "How much money is Fiat losing?", "How much per share …?".
var anySum = wordSet("money cash per")

// rateNouns name a quantity news gives as a percentage (an exchange rate as a
// price).
var rateNouns = map[string]bool{"rate": true, "rates": true, "percentage": true, "proportion": true}

// phrasalVerb returns the first lower-case content word of a question that a
// particle follows ("carried" in "Who carried out the survey?"), or "".
func phrasalVerb(q string) string {
	n, prev, verb := 0, "", ""
	text.EachWord(q, func(w string) {
		n++
		if verb == "" && n > 2 && particles[w] && !capitalized(prev) && !text.IsStopword(prev) && !auxiliaries[prev] {
			verb = prev
		}
		prev = w
	})
	return verb
}

// particles make a phrasal verb of the verb before them, whose meaning is
// the pair's ("carry out" a study is to do it; "step down" is to resign).
var particles = map[string]bool{"out": true, "up": true, "off": true, "down": true, "away": true, "back": true}

// formWords end a question that asks for a name without being its subject
// ("what is it called"); formTerms are their terms, which other forms of them
// share ("names").
var formWords, formTerms = wordSet(formList), termSet(formList)

const formList = "called named name known"

// heldAsked reports whether a lower-case question asks where something is
// held, the last word after a form of "be": "Where will the summit be
// held?", which news answers in its own words ("at the Gleneagles summit").
// (Not "When were the awards held?": with the holding left out, any date
// beside the awards answered it — on the natural sets that lost four right
// declines and answered one of three it had declined wrongly.)
func heldAsked(l string) bool {
	if !strings.HasPrefix(l, "where ") {
		return false
	}
	t, ok := strings.CutSuffix(strings.TrimRight(l, "?!. "), " held")
	if !ok {
		return false
	}
	for w := range strings.FieldsSeq(t) {
		if beForms[w] {
			return true
		}
	}
	return false
}

// holdTerm is the term of "hold".
var holdTerm = text.Term("hold")

// beForms are the forms of "be", as written.
var beForms = wordSet("is are was were be being been")

// lightVerbs mean little without the words around them ("take part", "get
// the money", "come third", "suffer an injury", "When did the attack
// happen?").
var lightVerbs = termSet("be have do get give take make go come put set keep let suffer happen")

// wordSet returns the set of the space-separated words, as written.
func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// termSet returns the terms of the space-separated words.
func termSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[text.Term(w)] = true
	}
	return m
}

// usesAny reports whether a text has a word whose term is in set.
func usesAny(s string, set map[string]bool) bool {
	for _, w := range text.Words(s) {
		if set[text.Term(w)] {
			return true
		}
	}
	return false
}

// auxiliaries stand between a question phrase and its subject.
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "do": true, "does": true, "did": true, "will": true,
	"would": true, "has": true, "have": true, "had": true, "can": true, "could": true, "should": true,
	"may": true, "might": true, "must": true,
}

// quantityKind is what a number question counts.
type quantityKind int

const (
	anyNumber quantityKind = iota
	money                  // "how much does it cost"
	count                  // "how many"
	scoreline              // "what was the score"
)

// quantityOf reads from a lower-case question whether it asks for a sum of
// money ("how much" with a word about paying), a count ("how many") or a
// match's score.
func quantityOf(l string) quantityKind {
	switch {
	case strings.Contains(l, howManyTimes):
		return anyNumber // "twice", "the 2002 and 2004 finals"
	case strings.Contains(l, "how many"):
		return count
	case strings.Contains(l, "the score") || strings.Contains(l, "final score"):
		return scoreline
	case strings.Contains(l, "how much") && usesAny(l, moneyWords), worthRE.MatchString(l), priceAsked(l):
		return money
	}
	return anyNumber
}

// worthRE finds a question about what something is worth asked with "what":
// "What is the cocaine worth?".
var worthRE = regexp.MustCompile(`^what(?:'s|’s| is| was| are| were| will) .+ (?:be )?worth\W*$`)

// priceAskedRE finds a question about a price asked with "what": "What is
// the price of the book?", "What was the transfer fee?".
var priceAskedRE = regexp.MustCompile(`^(?:what|which)(?:'s|’s| is| was| are| were| will be| would be) the (?:[\w-]+ )?(?:price|cost|fee|salary|wage|budget)s?\b`)

// priceAsked reports whether priceAskedRE matches l, running it only on the
// questions that name a price or the like: most do not.
func priceAsked(l string) bool {
	return slices.ContainsFunc(priceNouns, func(n string) bool { return strings.Contains(l, n) }) && priceAskedRE.MatchString(l)
}

// priceNouns are what priceAskedRE asks about, as the start of each.
var priceNouns = []string{"price", "cost", "fee", "salar", "wage", "budget"}

// moneyWords, in a "how much" question, ask for a sum of money (in any form:
// the lemma list joins "paying" and "buys" to "pay" and "buy").
var moneyWords = termSet("cost pay paid earn spend spent charge price worth fee wage salary budget " +
	"money loan fund raise sell sold buy bought invest offer bid fine damages compensation prize revenue " +
	"profit debt grant donate bill bail fetch")

// freeRE finds a price of nothing, which answers what something costs: "the
// service will be free", "at no extra charge", "Arbor was not charging";
// "kostenlos", "Keine Kosten", "Der Eintritt ist für alle frei", "gratuit",
// "sin costo", "gratis".
var freeRE = regexp.MustCompile(`(?i)\b(?:(?:is|are|be|was|were|remain|remains) free(?: of charge)?(?:[.,;]|$| (?:and|but|for)\b| to (?:users|customers|download|use|anyone|everyone|all|members|subscribers|the public)\b)|for free\b|free of charge\b|(?:at )?no (?:extra |additional )?(?:charge|cost)\b|not (?:be )?charging\b|\bkosten(?:los|frei)\b|\b(?:ist|sind|bleibt|bleiben) (?:für (?:alle|jedermann|besucher|kinder|mitglieder) )?frei\b|\beintritt frei\b|\bkeine (?:zusätzlichen |weiteren )?(?:kosten|gebühren)\b|\bgebühren werden (?:\w+ )?nicht fällig\b|\bgratuit(?:e|s|es)?\b|\bsans frais\b|\bgratuit[oa]s?\b|\bsin (?:costo|coste|cargo)\b|\bgratis\b)`)

// givesSum reports whether s gives a sum of money (moneyRE). Every form of
// one has a figure, and most sentences none: they are passed over without
// running the regexp, whose dozens of currencies cost every letter a step.
func givesSum(s string) bool { return hasDigit(s) && moneyRE.MatchString(s) }

// moneyRE finds sums of money: a currency sign before a number, or a
// currency after one ("£28,000", "$1.2bn", "19,800 yen", "5m euros"), or
// pence as British news writes them ("79p").
var moneyRE = regexp.MustCompile(`[$£€¥]\s?\d|\b\d+(?:\.\d+)?p\b|\d(?:[\d,.]*\d)?\s?(?:bn|m|k|million|billion|trillion)?\s(?:pounds?|dollars?|euros?|yen|pence|cents|francs|rupees|yuan|roubles|rubles)\b` +
	`|\d(?:[\d,.]*\d)?\s?(?:Mio\.|Mrd\.|Millionen|Milliarden|Tausend)?\s(?:Euro|US-Dollar|Dollar|Franken|Pfund|Rappen|CHF|EUR)\b` + // German
	`|\d(?:[\d,.]*\d)?\s(?:(?:mil )?millones de |mil |de )?(?:dólares|dolares|euros|pesos|córdobas|soles|bolívares|quetzales|lempiras|colones|guaraníes|guaranies|bolivianos|reales)\b|\b(?:US|RD|C|S/|Q|L)\$\s?\d|\bGs?\.\s?\d|\bS/\.?\s?\d` + // Spanish ("1,000,000 de dólares"; "G. 160.083.711": guaraníes; "S/ 130 mil": soles)
	`|(?:\bRs\.?|₹|\bINR)\s?\d` + // rupees: "Rs 42,900"
	`|\d(?:[\d,.\x{a0}\x{202f}]*\d)?\s(?:(?:millions?|milliards?) (?:d['’]|de ))?(?:euros|dollars|francs|gourdes|dinars|dirhams|livres|roupies|yuans|FCFA|EUROS|DOLLARS|FRANCS)\b` + // French, its headings in capitals too ("1 545 500 EUROS")
	`|\d(?:[\d,.\x{a0} ]*\d)?\s(?:(?:tys\.?|mln|mld)\s)?(?:zł|złotych|złote|złoty|euro|dolarów|funtów|franków)(?:\PL|$)`) // Polish: "1 zł", "3,3 mld euro", "14 mld funtów"

// asksChange reports whether a lower-case question asks how much something
// rose or fell.
func asksChange(l string) bool {
	return strings.Contains(l, "by how much") || usesAny(l, changeWords)
}

// changeWords say that something rose or fell.
var changeWords = termSet("rise raise fall increase decrease cut drop grow higher lower more less jump slump " +
	"plunge tumble soar surge slide dip climb slip sink shrink")

// percentRE finds percentages, in figures or words ("4.5%", "Fifty nine percent").
// partOfRE is a part of a whole just given, as a sum or a fraction: "$700
// of that", "half of it", "two-thirds of the total".
var partOfRE = regexp.MustCompile(`(?i)(?:[$£€]\s?\d[\d,.]*(?:\s?(?:bn|m|million|billion)\b)?|\b(?:half|a third|a quarter|two-thirds|three-quarters)) of (?:that|it|this|which|them|the total)\b`)

var percentRE = regexp.MustCompile(`(?i)(?:\d|\b(?:` + spelledNumberAlt + `))\s?(?:%|per ?cent\b|prozent\b|por ciento\b|por cento\b|pour ?cent\b|proc(?:ent)?\b)`)

// spelledNumbers are the words numbers up to a hundred are written with.
const spelledNumbers = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " +
	"sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred " +
	"zwei drei vier fünf sechs sieben acht neun zehn zwölf zwanzig dreißig vierzig fünfzig hundert " + // German, but "elf", an English word
	"dos tres cuatro cinco seis siete ocho nueve diez doce quince veinte treinta cuarenta cincuenta cien " + // Spanish, but "once"
	"deux trois quatre cinq dix douze quinze vingt trente quarante cinquante soixante mille " + // French, but "sept", "cent"
	"dwa dwie dwóch trzy trzech cztery czterech pięciu sześciu siedem siedmiu osiem ośmiu dziewięciu dziesięciu dwudziestu " + // Polish, but those ending in a letter \b does not see ("pięć")
	"dois duas três quatro sete oito dez vinte trinta quarenta cinquenta" // Portuguese, but those Spanish writes alike

// spelledNumberAlt is spelledNumbers as a regexp alternation ("one|two|…").
var spelledNumberAlt = strings.ReplaceAll(spelledNumbers, " ", "|")

// currencyRE finds the names of currencies, for sums written in words.
var currencyRE = regexp.MustCompile(`(?i)\b(?:pounds?|dollars?|euros?|yen|pence|cents)\b`)

// countRE finds numbers that can be counts: not glued to letters ("X505"),
// hyphens or slashes ("2-1", "24/7").
var countRE = regexp.MustCompile(`(?:^|[^\w.,/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:[^\w/-]|$|-(?:strong|odd))`)

// scoreRE finds a match's score: "2-1", "3–0".
var scoreRE = regexp.MustCompile(`(?:^|[^\w.-])\d{1,3}[-–]\d{1,3}(?:[^\w-]|$)`)

// yearRE is a number that is a year, not a count.
var yearRE = regexp.MustCompile(`^(1[89]|20)\d\d$`)

// hasCount reports whether a sentence gives a count: a number that is not a
// year, a date's day or part of a code or score.
func hasCount(sentence string) bool {
	for _, m := range countRE.FindAllStringSubmatchIndex(sentence, -1) {
		n := sentence[m[2]:m[3]]
		if yearRE.MatchString(n) {
			continue
		}
		if dayOfMonth(sentence[m[3]:]) {
			continue
		}
		return true
	}
	return false
}

// dayOfMonth reports whether the text after a number starts with a month, as
// in "1 January".
func dayOfMonth(after string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(after), " ")
	return isMonth(w)
}

// isMonth reports whether a word is a month's name, in full or short.
func isMonth(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,;:")) {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec":
		return true
	}
	return false
}
