package summarize

import (
	"slices"
	"strings"
)

// polish is how a question in Polish is read. Polish capitalizes names as
// English does, so a capital still makes one. It has one word, "ile", for
// both "how many" and "how much" (manyMuch): what follows says which.
var polish = newReading(reading{
	lang: "pl", forms: polishForms, leads: polishLeads, function: polishFunctionWords,
	money: polishMoney, currency: polishCurrency, change: polishChange, letters: "ąćęłńśźż",
	manyMuch: true, muchVerb: polishVerb,
})

// polishVerb reports whether a Polish word (in lower case, as written) is a
// verb by its ending — the past tense's "-ł", "-ła", "-ło", "-ły", the
// infinitive's "-ć" — or one of the verbs a sum or a measure is asked with
// in the present ("wynosi", "waży").
func polishVerb(w string) bool {
	for _, end := range []string{"ł", "ła", "ło", "ły", "ć"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return polishMeasureVerbs[w]
}

// polishMeasureVerbs are the verbs in the present with which "ile" asks for an
// amount: "Ile wynosi stopa bezrobocia?", "Ile waży okręt?".
var polishMeasureVerbs = wordSet("wynosi wynoszą waży ważą mierzy mierzą zarabia zarabiają")

// polishForms map the words a Polish question opens with to the English ones
// that ask the same, longest first. Polish declines its words of asking
// ("kto", "kogo", "komu", "kim"; "który", "którego", "którym"), so each
// case is a form of its own.
var polishForms = []form{
	{foreign: "ile lat ma", english: "how old"},
	{foreign: "ile lat miał", english: "how old"},
	{foreign: "ile lat miała", english: "how old"},
	{foreign: "ile lat mają", english: "how old"},
	{foreign: "ile ma lat", english: "how old"},
	{foreign: "ile miał lat", english: "how old"},
	{foreign: "ile miała lat", english: "how old"},
	{foreign: "jak się nazywa", english: "what is %s called"},
	{foreign: "jak nazywa się", english: "what is %s called"},
	{foreign: "jak się nazywał", english: "what was %s called"},
	{foreign: "jak nazywał się", english: "what was %s called"},
	{foreign: "jak się nazywała", english: "what was %s called"},
	{foreign: "jak nazywała się", english: "what was %s called"},
	{foreign: "jak się nazywają", english: "what are %s called"},
	{foreign: "jak nazywają się", english: "what are %s called"},
	{foreign: "którym roku", english: "what year"}, // "W którym roku": "w" is a lead
	{foreign: "jakim roku", english: "what year"},
	{foreign: "którego dnia", english: "what day"},
	{foreign: "jakiego dnia", english: "what day"},
	{foreign: "której godzinie", english: "what time"}, // "O której godzinie"
	{foreign: "jakim wieku", english: "how old"},
	{foreign: "ile trwa", english: "how long"},
	{foreign: "ile trwał", english: "how long"},
	{foreign: "ile trwała", english: "how long"},
	{foreign: "ile trwało", english: "how long"},
	{foreign: "ile potrwa", english: "how long"},
	{foreign: "ile razy", english: "how many times"},
	{foreign: "ile czasu", english: "how long"},
	{foreign: "ile procent", english: "what percent"},
	{foreign: "jaki procent", english: "what percent"},
	{foreign: "jaki odsetek", english: "what percent"},
	{foreign: "jak długo", english: "how long"},
	{foreign: "jak daleko", english: "how far"},
	{foreign: "jak szybko", english: "how fast"},
	{foreign: "jak duży", english: "what size"},
	{foreign: "jak duża", english: "what size"},
	{foreign: "jak duże", english: "what size"},
	{foreign: "jak ciężki", english: "how heavy"},
	{foreign: "jak głęboki", english: "how deep"},
	{foreign: "jak stary", english: "how old"},
	{foreign: "jak stara", english: "how old"},
	{foreign: "jak często", english: "how many times"},
	{foreign: "po co", english: "why"},
	{foreign: "ile", english: "how many"},
	{foreign: "ilu", english: "how many"},
	{foreign: "kiedy", english: "when"},
	{foreign: "gdzie", english: "where"},
	{foreign: "skąd", english: "where"},
	{foreign: "dokąd", english: "where"},
	{foreign: "kto", english: "who"},
	{foreign: "kogo", english: "who"},
	{foreign: "komu", english: "who"},
	{foreign: "kim", english: "who"},
	{foreign: "czyj", english: "whose"},
	{foreign: "czyja", english: "whose"},
	{foreign: "czyje", english: "whose"},
	{foreign: "dlaczego", english: "why"},
	{foreign: "czemu", english: "why"},
	{foreign: "który", english: "which"},
	{foreign: "która", english: "which"},
	{foreign: "które", english: "which"},
	{foreign: "którego", english: "which"},
	{foreign: "której", english: "which"},
	{foreign: "którym", english: "which"},
	{foreign: "którą", english: "which"},
	{foreign: "których", english: "which"},
	{foreign: "którzy", english: "which"},
	{foreign: "jaki", english: "what"},
	{foreign: "jaka", english: "what"},
	{foreign: "jakie", english: "what"},
	{foreign: "jakiego", english: "what"},
	{foreign: "jakiej", english: "what"},
	{foreign: "jakim", english: "what"},
	{foreign: "jaką", english: "what"},
	{foreign: "jakich", english: "what"},
	{foreign: "jacy", english: "what"},
	{foreign: "co", english: "what"},
	{foreign: "czego", english: "what"},
	{foreign: "czym", english: "what"},
	{foreign: "jak", english: "how"},
}

// polishLeads are the prepositions a Polish question may put before its words
// of asking: "Od kiedy", "Do kogo", "W którym roku", "Z kim", "O ile". ("Po"
// is not one: "Po co" asks why.)
var polishLeads = wordSet("w we z ze od do na o dla za przez przy u nad pod przed")

// polishMoney are the words that make "ile" ask for a sum of money, and
// polishCurrency those of them that say only that: the article need not use
// them ("Ile pieniędzy trafi …?" — "3,3 mld euro trafi …").
var (
	polishMoney = wordSet("kosztuje kosztują kosztował kosztowała kosztowało kosztowały kosztowali kosztować kosztowałby " +
		"koszt koszty kosztów cena ceny cenę płaci płacą zapłacił zapłaciła zapłacili zapłaci zarabia zarabiał zarobił " +
		"wydał wydała wydali wyda pensja pensji wynagrodzenie dług długu")
	polishCurrency = wordSet("pieniędzy pieniądze pieniądzach złotych złote zł euro dolarów funtów")
)

// polishChange are the verbs of rising and falling: "O ile wzrosły obroty?"
// asks by how much.
var polishChange = wordSet("wzrósł wzrosła wzrosło wzrosły wzrośnie wzrosną rośnie rosną spadł spadła spadło spadły spadnie spadną spada spadają " +
	"zwiększył zwiększyła zwiększyło zwiększyły zmniejszył zmniejszyła zmniejszyło zmniejszyły podrożał podrożała podrożały potaniał potaniała")

// polishFunctionWords are Polish pronouns, prepositions, conjunctions,
// particles, auxiliaries and the verbs that say only that something is, has
// or happens: what a question says no content with.
var polishFunctionWords = wordSet(foldAll(
	"i a oraz lub albo czy ani ale lecz że iż bo gdy jeśli jeżeli aby żeby niż jak " +
		"w we z ze od do na o dla za przez przy u nad pod przed po między według wobec bez dzięki około " +
		"ja ty on ona ono my wy oni one mnie mi mną ciebie cię tobie ci jego go jemu mu nim niego niej nią jej ją ich im nimi nich nas nam was wam " +
		"się sobie siebie mój moja moje swój swoja swoje swojego swojej jego ich nasz nasza nasze wasz " +
		"ten ta to te ci tego tej temu tym tych tą tę tamten tamta tamto taki taka takie " +
		"jest są był była było byli były będzie będą być bywa jestem " +
		"ma mają miał miała miało mieli miały mieć " +
		"został została zostało zostali zostały zostanie zostaną " +
		"może mogą mógł mogła mogło mogli można trzeba musi muszą musiał " +
		"nie tak już też także również tylko jeszcze bardzo więcej mniej wszystko wszyscy każdy inny inna inne " +
		"stało stał stała dzieje działo wydarzyło"))

// polishFormsOf returns, for the term of a Polish word, the article's terms
// for the same word in another case, number, gender, person or tense:
// "prezesem" — "Prezes", "kilogramów" — "kilogramy", "szpitala" —
// "szpital". Polish inflects by its endings, which the stemmer (English)
// does not know: two terms are one word's forms when they part at most
// three letters before their ends, after a common part of four letters or
// more (three, for short words: sameWordPL). Only in a Polish article: in
// another language a shared beginning is no shared word ("produkuje" —
// "production").
func (d *Doc) polishFormsOf(term string) []int32 {
	if len(term) < polishStemLen-1 || !d.writesPolish() {
		return nil
	}
	var out []int32
	for id, t := range d.termList {
		if t != term && sameWordPL(term, t) {
			out = append(out, int32(id))
		}
	}
	return out
}

// polishStemLen is the shortest common part two forms of a Polish word share;
// polishEndingLen the longest ending either has past it (in bytes: "ów",
// folded, is "ow").
const polishStemLen, polishEndingLen = 4, 3

// sameWordPL reports whether terms a and b are forms of one Polish word
// (polishFormsOf). A short word's forms share three letters, past which
// each has a vowel ending or none: "nowy" — "nowa", "rok" — "roku", not
// "rok" — "rak".
func sameWordPL(a, b string) bool {
	if len(b) < polishStemLen-1 || max(len(a), len(b))-min(len(a), len(b)) > polishEndingLen {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	ea, eb := a[n:], b[n:]
	if len(ea) > polishEndingLen || len(eb) > polishEndingLen || strings.ContainsAny(ea+eb, "0123456789") {
		return false
	}
	return n >= polishStemLen || n == polishStemLen-1 && vowelEnding(ea) && vowelEnding(eb)
}

// vowelEnding reports whether a Polish word's ending (folded) is none or
// opens with a vowel.
func vowelEnding(e string) bool { return e == "" || strings.IndexByte("aeiouy", e[0]) >= 0 }

// writesPolish reports whether the article is in Polish, by the letters only
// Polish writes among the languages read ("ą", "ć", "ł", "ś", "ż" …), in any
// sentence. Only a Polish question asks it, for each of its words: the
// sentences are read once.
func (d *Doc) writesPolish() bool {
	d.polishOnce.Do(func() {
		d.polish = slices.ContainsFunc(d.Sentences, func(s string) bool { return strings.ContainsAny(s, polishLetters) })
	})
	return d.polish
}

// polishLetters are the letters only Polish writes among the languages read.
const polishLetters = "ąćęłńśźżĄĆĘŁŃŚŹŻ"
