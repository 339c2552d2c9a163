package summarize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsbot/summarize/text"
)

// A question asked in German, Spanish, French, Polish or Portuguese is read as
// the answerer reads one in English: its words of asking ("Wie viele",
// "¿Cuántos", "Wann", "¿Cuándo", "Ile", "Quem") say what kind of answer it
// wants, as "how many" and "when" do, and its function words ("der",
// "wurden", "el", "fue", "jest", "é") are no part of what it asks about, so
// that the article not using them is no reason to decline.

// reading is how questions in one language are read.
type reading struct {
	lang string
	// forms map the words a question opens with to the English ones that
	// ask the same, longest first, folded as text.Normalize folds them.
	forms []form
	// leads are the prepositions a question may put before its words of
	// asking ("Ab wann", "¿A qué distancia"): they change nothing.
	leads map[string]bool
	// function are the language's function words, folded.
	function map[string]bool
	// money are the words that make "how much" ask for a sum, and currency
	// those of them that say only that: the article need not use them.
	money, currency map[string]bool
	// change are the verbs that make "how much" ask by how much something
	// rose or fell.
	change map[string]bool
	// letters are letters only this language writes among those it shares
	// the words of asking with: evidence that a question is in it.
	letters string
	// nounCaps: the language capitalizes every noun (German), so no capital
	// makes a name, and what "how many" counts ends at the first word in
	// lower case; otherwise at the first word after it.
	nounCaps bool
	// clitics are the pronouns an inverted question joins to its verb with
	// a hyphen ("a-t-il", "est-elle"): cut off, they leave the verb.
	clitics []string
	// openers are the words a question may open with: the first word of
	// each form, and the leads.
	openers []string
	// away are the words that close a "how far" question and say only
	// that a distance is asked: German's "entfernt" ("Wie weit ist Qingdao
	// von Schanghai entfernt?").
	away map[string]bool
	// manyMuch: the language asks "how many" and "how much" with one word
	// (Polish "ile"), read as "how many" unless what follows asks for a sum
	// or a change, which "how much" does: "Ile kosztuje bilet?", "O ile
	// wzrosły obroty?".
	manyMuch bool
	// muchVerb (set with manyMuch) reports whether the word right after
	// manyMuch's word (as written, in lower case) is a verb, which makes it
	// ask how much: "Ile chciał ważyć Angus?", "Ile wynosi stopa
	// bezrobocia?" — not what it counts, "Ile sklepów …?".
	muchVerb func(w string) bool
}

// form is a question's opening words and the English ones that ask the same
// ("%s" stands for the rest of the question); words are the opening words one
// by one, as newReading splits them.
type form struct {
	foreign, english string
	words            []string
}

// readings are the languages read, tried in turn.
var readings = []*reading{german, french, spanish, polish, portuguese}

// foreignQuestion returns a question asked in a language of readings as the
// answerer reads one in English — its form in English words, its content
// words after it as written, its function words left out — with how it was
// read, whether it asks for a sum of money, and true; false for a question
// in English or any other language.
func foreignQuestion(q string) (english string, r *reading, money, ok bool) {
	best := 0
	for _, l := range readings {
		// A question that opens as several languages' do ("¿Qué es …?",
		// "Que contient …?") is in the one it has most words of.
		if e, m, evidence, read := l.read(q); read && (r == nil || evidence > best) {
			english, r, money, best = e, l, m, evidence
		}
	}
	return english, r, money, r != nil
}

// read is foreignQuestion for one language. A question is in it when it opens
// with one of its words of asking and does not go on in English ("Was the
// bill passed?").
func (r *reading) read(q string) (english string, money bool, evidence int, ok bool) {
	if !r.opens(q) {
		return "", false, 0, false // most questions: no allocation
	}
	var words, written []string // folded, and as written
	for _, f := range strings.Fields(strings.TrimSpace(q)) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
		for _, c := range r.clitics {
			if v, ok := strings.CutSuffix(w, c); ok && v != "" {
				w = v // "a-t-il" → "a", "Quand le vote a-t-il eu lieu ?"
				break
			}
		}
		if w == "" && len(words) == 0 && !strings.ContainsAny(f, "¿¡") {
			return "", false, 0, false // it opens with no word: "____ was one of three …"
		}
		if e, rest, ok := text.CutElision(w); ok {
			words, written = append(words, text.Normalize(e)), append(written, e) // "Combien d'États …?"
			w = rest
		}
		if w != "" {
			words, written = append(words, text.Normalize(w)), append(written, w)
		}
	}
	start := 0
	for start < len(words) && r.leads[words[start]] {
		start++
	}
	n := 0
	for _, f := range r.forms {
		if start+len(f.words) <= len(words) && slices.Equal(words[start:start+len(f.words)], f.words) {
			english, n = f.english, len(f.words)
			break
		}
	}
	if english == "" {
		return "", false, 0, false
	}
	if r.manyMuch && english == "how many" && (slices.ContainsFunc(words[start+n:], func(w string) bool { return r.money[w] || r.currency[w] || r.change[w] }) ||
		start+n < len(written) && r.muchVerb(strings.ToLower(written[start+n]))) {
		english = "how much" // "Ile kosztuje bilet?", "O ile wzrosły ceny?", "Ile wynosi …?"
	}
	var content []string
	if r.lang == "es" && strings.ContainsAny(q, "¿¡") {
		evidence++
	}
	// What "how many" counts is the nouns right after it ("Wie viele
	// Autohäuser und Werkstätten gibt es …", "¿Cuántas familias viven …"):
	// an English stopword after them ends what the answerer reads as
	// counted, as "does" ends it in "How many members does the club have?".
	counting := english == "how many"
	for i, w := range words[start+n:] {
		as := written[start+n+i]
		if counting && len(content) > 0 && !conjunctions[w] && (r.function[w] || !r.nounCaps || !unicode.IsUpper([]rune(as)[0])) {
			content, counting = append(content, "the"), false
		}
		switch {
		case r.function[w] || english == "how far" && r.away[w]:
			evidence++
		case r.currency[w] && english != "what percent": // "Quel pourcentage des dollars …" asks for a share
			evidence, money = evidence+1, true // "Für wie viel Geld …": only that a sum is asked
		case r.money[w] && english != "what percent":
			evidence, money = evidence+1, true
			content = append(content, as)
		default:
			if strings.ContainsAny(strings.ToLower(as), r.letters) {
				evidence++
			}
			content = append(content, as)
		}
	}
	if evidence == 0 && slices.ContainsFunc(words[start+n:], text.IsStopword) {
		return "", false, 0, false // "Was the bill passed?", "Wo is the meeting?"
	}
	if english == "how much" && slices.ContainsFunc(words[start+n:], func(w string) bool { return r.change[w] }) {
		english = "by how much" // "¿Cuánto subió el precio?": by how much it rose
	}
	rest := strings.Join(content, " ")
	if strings.Contains(english, "%s") {
		return strings.Replace(english, "%s", rest, 1) + "?", money, evidence, true
	}
	return strings.TrimSpace(english+" "+rest) + "?", money, evidence, true
}

// conjunctions join the nouns "how many" counts: "Autohäuser und
// Werkstätten".
var conjunctions = wordSet("und oder y e o u et ou")

// opens reports whether q's first word is one a question in the language may
// open with.
func (r *reading) opens(q string) bool {
	q = strings.TrimLeft(q, " \t\n\"'“‘¿¡")
	end := strings.IndexFunc(q, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(q)
	}
	first := q[:end]
	if slices.ContainsFunc(r.openers, func(w string) bool { return strings.EqualFold(first, w) }) {
		return true
	}
	for i := 0; i < len(first); i++ {
		if first[i] >= utf8.RuneSelf { // "Für", "¿Cuánto": folded, as the openers are
			return slices.Contains(r.openers, text.Normalize(first))
		}
	}
	return false
}

// newReading returns r with its forms, leads and word sets folded as
// text.Normalize folds a question's words ("für" → "fur", "cuántos" →
// "cuantos"), each form split into its words, and its openers: the first
// word of each form, and the leads.
func newReading(r reading) *reading {
	forms := make([]form, len(r.forms))
	for i, f := range r.forms {
		folded := foldAll(f.foreign)
		forms[i] = form{foreign: folded, english: f.english, words: strings.Fields(folded)}
	}
	r.forms = forms
	r.leads, r.function = foldSet(r.leads), foldSet(r.function)
	r.money, r.currency, r.change = foldSet(r.money), foldSet(r.currency), foldSet(r.change)
	for _, f := range r.forms {
		if w, _, _ := strings.Cut(f.foreign, " "); !slices.Contains(r.openers, w) {
			r.openers = append(r.openers, w)
		}
	}
	for w := range r.leads {
		if !slices.Contains(r.openers, w) {
			r.openers = append(r.openers, w)
		}
	}
	return &r
}

// foldSet returns a set of words folded as text.Normalize folds them.
func foldSet(words map[string]bool) map[string]bool {
	out := make(map[string]bool, len(words))
	for w := range words {
		out[text.Normalize(w)] = true
	}
	return out
}

// formsIn returns the article's terms for term written otherwise in a
// question's language lang: German's inflections and compounds
// (inflectedIDs), Spanish's and Portuguese's persons, tenses, numbers and
// genders (spanishFormsOf, portugueseFormsOf), Polish's cases (polishFormsOf,
// in a Polish article); and for what something costs, the words news says it
// costs nothing or is charged in, and who someone followed (foreignNewsWords);
// nil for English and the others.
func (d *Doc) formsIn(lang, term string) []int32 {
	var out []int32
	switch lang {
	case "de":
		out = d.inflectedIDs(term)
	case "es":
		out = d.spanishFormsOf(term)
	case "pl":
		out = d.polishFormsOf(term)
	case "pt":
		out = d.portugueseFormsOf(term)
	}
	for _, w := range foreignNewsWords[term] {
		if id := d.termID(w); id >= 0 {
			out = append(out, id)
		}
	}
	return out
}

// foreignNewsWords relate, in German, Spanish, French and Polish, a
// question's word to the words news says instead, as text's newsWords do in
// English: the verb that asks what something costs to what news says — that
// it is free ("Der Eintritt ist für alle frei", "la entrada es gratuita") or
// what is charged —, and someone's predecessor to the verb that says they
// followed them ("Wer war ihr Vorgänger?" — "Stetter-Karp (65) folgt Thomas
// Sternberg").
var foreignNewsWords = func() map[string][]string {
	m := map[string][]string{}
	for _, group := range []struct{ asked, instead string }{
		{"kosten kostet kostete kosteten", "frei kostenlos kostenfrei gratis gebühr gebühren preis"},
		{"cuesta cuestan costó costaron costará costarán costar", "gratis gratuito gratuita gratuitos gratuitas precio tarifa"},
		{"coûte coûtent coûté coûtait coûtera coûteront coûter", "gratuit gratuite gratuits gratuites prix tarif"},
		{"vorgänger vorgängerin", "folgt folgte nachfolger nachfolgerin nachfolge ersetzt ersetzte"},
		{"predecesor predecesora antecesor antecesora", "sucede sucedió sustituye sustituyó reemplaza reemplazó sucesor sucesora"},
		{"prédécesseur", "succède succédé remplace remplacé successeur"},
		{"poprzednik poprzedniczka poprzednikiem poprzedniczką", "zastąpił zastąpiła zastępuje następca następczyni"},
	} {
		var terms []string
		for _, w := range strings.Fields(group.instead) {
			terms = append(terms, text.Term(text.Normalize(w)))
		}
		for _, v := range strings.Fields(group.asked) {
			m[text.Term(text.Normalize(v))] = terms
		}
	}
	return m
}()
