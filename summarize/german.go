package summarize

import (
	"strings"
	"unicode"

	"newsbot/summarize/text"
)

// A question asked in German is read as the answerer reads an English one:
// its words of asking ("Wie viele", "Wann", "Wer", "Wie alt") say what kind of
// answer it wants, as "how many", "when", "who", "how old" do, and its function
// words ("der", "wurden", "hat") are no part of what it asks about, so that
// the article not using them is no reason to decline. German capitalizes every
// noun, so no word of such a question counts as a name.

// germanForms map the words a German question opens with to the English ones
// that ask the same, longest first. A preposition before them ("Ab wann",
// "Für wie viel") changes nothing the answerer reads.
var germanForms = []form{
	{foreign: "um wie viel uhr", english: "what time"},
	{foreign: "wie heißt", english: "what is %s called"},
	{foreign: "wie heisst", english: "what is %s called"},
	{foreign: "wie hieß", english: "what was %s called"},
	{foreign: "wie hiess", english: "what was %s called"},
	{foreign: "wie viele", english: "how many"},
	{foreign: "wie viel", english: "how much"},
	{foreign: "wie hoch", english: "how much"},
	{foreign: "wie alt", english: "how old"},
	{foreign: "wie groß", english: "what size"},
	{foreign: "wie gross", english: "what size"},
	{foreign: "wie schnell", english: "how fast"},
	{foreign: "wie schwer", english: "how heavy"},
	{foreign: "wie tief", english: "how deep"},
	{foreign: "wie breit", english: "how wide"},
	{foreign: "wie kalt", english: "how cold"},
	{foreign: "wie warm", english: "how warm"},
	{foreign: "wie heiß", english: "how hot"},
	{foreign: "wie lange", english: "how long"},
	{foreign: "wie lang", english: "how long"},
	{foreign: "wie weit", english: "how far"},
	{foreign: "wie oft", english: "how many times"}, // "Zwölfmal war er Weltmeister"
	{foreign: "wie spät", english: "what time"},
	{foreign: "wann", english: "when"},
	{foreign: "wer", english: "who"},
	{foreign: "wen", english: "who"},
	{foreign: "wem", english: "who"},
	{foreign: "wessen", english: "whose"},
	{foreign: "wo", english: "where"},
	{foreign: "wohin", english: "where"},
	{foreign: "woher", english: "where"},
	{foreign: "warum", english: "why"},
	{foreign: "wieso", english: "why"},
	{foreign: "weshalb", english: "why"},
	{foreign: "welche", english: "which"},
	{foreign: "welcher", english: "which"},
	{foreign: "welches", english: "which"},
	{foreign: "welchen", english: "which"},
	{foreign: "welchem", english: "which"},
	{foreign: "was", english: "what"},
	{foreign: "wie", english: "how"},
}

// germanLeads are the prepositions a German question may put before its
// words of asking: "Ab wann", "Seit wann", "Für wie viel", "An wen".
var germanLeads = wordSet("ab seit bis für fur um an in von mit aus nach zu auf bei über uber")

// germanMoney are the words that make "wie viel" ask for a sum of money, and
// germanCurrency those of them that say only that: the article need not use
// them ("Für wie viel Geld …?" — "für 600 US-Dollar").
var (
	germanMoney = wordSet("kosten kostet kostete kosteten preis preise " +
		"bezahlt bezahlte zahlen zahlte zahlt verdient verdiente verdienen umsatz gewinn verlust schulden miete gehalt")
	germanCurrency = wordSet("geld euro euros dollar us-dollar franken pfund")
)

// germanFunctionWords are German articles, pronouns, auxiliaries,
// prepositions, conjunctions and particles: what a question says no content
// with.
var germanFunctionWords = wordSet(foldAll(
	"der die das den dem des ein eine einer eines einem einen kein keine keiner keinen keinem " +
		"und oder aber sondern denn doch dass daß als wenn ob weil da so wie auch noch schon nur sehr nicht nichts " +
		"ist sind war waren bin bist sei seien wäre wären wird werden wurde wurden worden wirst werde " +
		"hat haben hatte hatten habe hast hätte hätten gehabt kann können konnte konnten muss müssen musste mussten " +
		"soll sollen sollte sollten will wollen wollte wollten darf dürfen durfte mag möchte möchten " +
		"er sie es wir ihr ich du man sich ihm ihn ihnen uns euch mir mich dir dich " +
		"sein seine seiner seines seinem seinen ihre ihrer ihres ihrem ihren unser unsere euer eure " +
		"dieser diese dieses diesem diesen jener jene jenes welche welcher welches welchen welchem " +
		"mit von zu zum zur im in am an auf aus bei für über unter nach vor seit bis durch gegen ohne um beim vom ins ans aufs " +
		"hinter neben zwischen wegen trotz während gegenüber außer innerhalb außerhalb " +
		"hier dort dann jetzt heute gestern morgen immer wieder etwa rund fast mehr viel viele wenig wenige " +
		"wer wen wem wessen was wann wo wohin woher warum wieso weshalb wie " +
		// Verbs that say only that something is or happens: "Wie viele
		// … gibt es?", "Wann geschah …?", "Wo fand … statt?"; and the light
		// verbs of doing, whose meaning is in their object: "Wer hat die
		// Recherche gemacht?" asks who researched.
		"gibt gab gegeben geschah geschieht passiert passierte stattgefunden stattfinden stattfindet stattfand stattfanden statt fand findet kommt kam kamen kommen gekommen " +
		"macht machte machten gemacht tut tat getan " +
		// And the verbs that say only where something or someone is:
		// "Wo liegt Qingdao?", "Welche Unternehmen stehen hinter …?".
		"liegt liegen lag lagen steht stehen stand standen befindet befinden befand befanden"))

// foldAll writes words as text.Normalize does (lower case, accents folded:
// "für" → "fur"), since questions are matched in that form.
func foldAll(words string) string {
	fields := strings.Fields(words)
	for i, w := range fields {
		fields[i] = text.Normalize(w)
	}
	return strings.Join(fields, " ")
}

// germanPredicate returns the term of what a German question asks happened —
// its last word in lower case after its words of asking, as German writes
// every noun with a capital ("kaufte" in "… Dateien kaufte der Aktivist?",
// "eröffnet" in "Wann wurde die Kohlemine eröffnet?") — "" when it has none.
// A word right after an article is no verb but describes the noun it comes
// before ("neuen" in "Wer leitet den neuen Streaming-Dienst?"), which the
// question (as asked) tells; it is what the question asks only when no verb
// is ("neue" in "Wer ist der neue Intendant?").
func germanPredicate(english, question string) string {
	words := strings.Fields(strings.TrimSuffix(english, "?"))
	asked := strings.Fields(question)
	describing := ""
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		r := []rune(w)[0]
		if unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLetter(r) || w == "the" {
			continue // not "the", which the reading puts after what is counted
		}
		if englishForm[w] {
			break // only the words of asking are in lower case
		}
		if afterArticle(asked, w) {
			if describing == "" {
				describing = w
			}
			continue
		}
		return text.Term(text.Normalize(w))
	}
	if describing != "" {
		return text.Term(text.Normalize(describing))
	}
	return ""
}

// afterArticle reports whether the question's words (fields) have word right
// after an article ("die klassische", "im laufenden").
func afterArticle(fields []string, word string) bool {
	for i := 1; i < len(fields); i++ {
		if fields[i] == word && germanArticles[strings.ToLower(fields[i-1])] {
			return true
		}
	}
	return false
}

// germanArticles are the words a noun's describing words follow: articles,
// "dieser" and "kein" in their forms, and prepositions joined with "dem" or
// "das".
var germanArticles = wordSet("der die das den dem des ein eine einen einem einer eines " +
	"diese dieser diesen diesem dieses keine keinen keinem keiner " +
	"im am zum zur vom beim ins ans")

// englishForm are the words germanForms ask with ("how", "big", "called").
var englishForm = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range germanForms {
		for _, w := range strings.Fields(f.english) {
			m[w] = w != "%s"
		}
	}
	return m
}()

// german is how a question in German is read.
var german = newReading(reading{
	lang: "de", forms: germanForms, leads: germanLeads, function: germanFunctionWords,
	money: germanMoney, currency: germanCurrency, letters: "äöüß", nounCaps: true,
	away: wordSet("entfernt"),
})

// strongForms are common German strong and irregular verbs: the infinitive,
// the past, the participle and, where its vowel changes, the present's third
// person. Their stems change inside ("trinkt" — "getrunken"), which no ending
// cut away tells.
var strongForms = []string{
	"beginnen begann begonnen", "bieten bot geboten", "binden band gebunden", "bitten bat gebeten",
	"bleiben blieb geblieben", "brechen brach gebrochen bricht", "bringen brachte gebracht",
	"denken dachte gedacht", "empfehlen empfahl empfohlen empfiehlt", "entscheiden entschied entschieden",
	"essen aß gegessen isst", "fahren fuhr gefahren fährt", "fallen fiel gefallen fällt", "fangen fing gefangen fängt",
	"finden fand gefunden", "fliegen flog geflogen", "fliehen floh geflohen", "fließen floss geflossen",
	"geben gab gegeben gibt", "gehen ging gegangen", "gelingen gelang gelungen", "gelten galt gegolten gilt",
	"gewinnen gewann gewonnen", "greifen griff gegriffen", "halten hielt gehalten hält", "heben hob gehoben",
	"heißen hieß geheißen", "helfen half geholfen hilft", "kennen kannte gekannt", "kommen kam gekommen",
	"laden lud geladen lädt", "lassen ließ gelassen lässt", "laufen lief gelaufen läuft", "leiden litt gelitten",
	"leihen lieh geliehen", "lesen las gelesen liest", "lügen log gelogen", "meiden mied gemieden",
	"messen maß gemessen misst", "nehmen nahm genommen nimmt", "nennen nannte genannt", "raten riet geraten rät",
	"reißen riss gerissen", "reiten ritt geritten", "rennen rannte gerannt", "riechen roch gerochen",
	"rufen rief gerufen", "scheiden schied geschieden", "scheinen schien geschienen", "schieben schob geschoben",
	"schießen schoss geschossen", "schlafen schlief geschlafen schläft", "schlagen schlug geschlagen schlägt",
	"schließen schloss geschlossen", "schneiden schnitt geschnitten", "schreiben schrieb geschrieben",
	"schreien schrie geschrien", "schweigen schwieg geschwiegen", "schwimmen schwamm geschwommen",
	"sehen sah gesehen sieht", "senden sandte gesandt", "singen sang gesungen", "sinken sank gesunken",
	"sitzen saß gesessen", "sprechen sprach gesprochen spricht", "springen sprang gesprungen",
	"stehlen stahl gestohlen stiehlt", "steigen stieg gestiegen", "sterben starb gestorben stirbt",
	"stoßen stieß gestoßen stößt", "streiten stritt gestritten", "tragen trug getragen trägt",
	"treffen traf getroffen trifft", "treiben trieb getrieben", "treten trat getreten tritt",
	"trinken trank getrunken", "verderben verdarb verdorben verdirbt", "vergessen vergaß vergessen vergisst",
	"verlieren verlor verloren", "wachsen wuchs gewachsen wächst", "waschen wusch gewaschen wäscht",
	"weisen wies gewiesen", "wenden wandte gewandt", "werben warb geworben wirbt", "werfen warf geworfen wirft",
	"wiegen wog gewogen", "wissen wusste gewusst weiß", "ziehen zog gezogen", "zwingen zwang gezwungen",
}

// strongStems maps each form's verb stem to its infinitive's: "trunk"
// (getrunken) and "trank" to "trink"; and the present's regular forms,
// which a short stem keeps whole ("geht", "gehst" — no ending comes off
// "geh"), to it too.
var strongStems = func() map[string]string {
	m := map[string]string{}
	for _, forms := range strongForms {
		words := strings.Fields(forms)
		present := verbStemOf(words[0])
		stem := strings.TrimSuffix(words[0], "en")
		for _, w := range append(words, stem+"e", stem+"st", stem+"t") {
			m[verbStemOf(w)] = present
		}
	}
	return m
}()

// verbStemOf is a German word's verb stem as formsOf reads the article's
// terms.
func verbStemOf(w string) string { return verbStem(text.Term(text.Normalize(w))) }

// verbPrefixes are what German puts before a verb to make another
// ("erhalten", "ankommen"), as text.Normalize writes them.
var verbPrefixes = strings.Fields(foldAll("be er ver ent zer emp miss an auf aus ein ab vor nach mit zu zurück statt fest teil weg los hin her durch über unter um wieder"))

// strongStem returns, for a German term that is a strong verb's form, with or
// without a prefix, its infinitive's verb stem ("erhielt" → "erhalt" of
// "erhalten", "angekommen" → "ankomm"); "" for any other word. The prefix
// comes off first, as the stemmer leaves longer words shorter stems.
func strongStem(term string) string {
	if s, ok := strongStems[verbStem(term)]; ok {
		return s
	}
	for _, p := range verbPrefixes {
		rest, ok := strings.CutPrefix(term, p)
		if !ok || len(rest) < 3 {
			continue
		}
		if s, ok := strongStems[verbStem(rest)]; ok {
			return p + s
		}
		if rest, ok := strings.CutPrefix(rest, "ge"); ok && len(rest) >= 3 { // "angekommen"
			if s, ok := strongStems[verbStem(rest)]; ok {
				return p + s
			}
		}
	}
	return ""
}

// verbStem is a German term's verb stem as formsOf reads it.
func verbStem(term string) string { return germanVerbStem(participleStem(term)) }
