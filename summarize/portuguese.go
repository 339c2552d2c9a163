package summarize

import "strings"

// portuguese is how a question in Portuguese is read. Portuguese capitalizes
// names as English does, so a capital still makes one. It shares words of
// asking with Spanish once accents are folded ("que", "como", "qual" is not
// "cuál"): a question that opens with one is in the language it has more
// words of.
var portuguese = newReading(reading{
	lang: "pt", forms: portugueseForms, leads: portugueseLeads, function: portugueseFunctionWords,
	money: portugueseMoney, currency: portugueseCurrency, change: portugueseChange, letters: "ãõ",
})

// portugueseForms map the words a Portuguese question opens with to the
// English ones that ask the same, longest first; written with or without
// accents, as questions are typed.
var portugueseForms = []form{
	{foreign: "quantos anos tem", english: "how old"},
	{foreign: "quantos anos tinha", english: "how old"},
	{foreign: "quantos anos têm", english: "how old"},
	{foreign: "qual é a idade de", english: "how old"},
	{foreign: "como se chama", english: "what is %s called"},
	{foreign: "como se chamava", english: "what was %s called"},
	{foreign: "como se chamam", english: "what are %s called"},
	{foreign: "qual é o nome de", english: "what is %s called"},
	{foreign: "qual é o nome do", english: "what is %s called"},
	{foreign: "qual é o nome da", english: "what is %s called"},
	{foreign: "qual era o nome do", english: "what was %s called"},
	{foreign: "qual era o nome da", english: "what was %s called"},
	{foreign: "quantas vezes", english: "how many times"},
	{foreign: "que porcentagem", english: "what percent"},
	{foreign: "qual a porcentagem", english: "what percent"},
	{foreign: "que horas", english: "what time"}, // "A que horas": "a" is a lead
	{foreign: "que distância", english: "how far"},
	{foreign: "que dia", english: "what day"},
	{foreign: "que ano", english: "what year"}, // "Em que ano"
	{foreign: "que data", english: "what date"},
	{foreign: "quanto tempo", english: "how long"},
	{foreign: "quantos", english: "how many"},
	{foreign: "quantas", english: "how many"},
	{foreign: "quanto", english: "how much"},
	{foreign: "quanta", english: "how much"},
	{foreign: "quando", english: "when"},
	{foreign: "onde", english: "where"},
	{foreign: "aonde", english: "where"},
	{foreign: "quem", english: "who"},
	{foreign: "por que", english: "why"},
	{foreign: "por quê", english: "why"},
	{foreign: "porque", english: "why"},
	{foreign: "o que", english: "what"},
	{foreign: "qual", english: "what"},
	{foreign: "quais", english: "what"},
	{foreign: "que", english: "what"},
	{foreign: "como", english: "how"},
}

// portugueseLeads are the prepositions a Portuguese question may put before
// its words of asking: "Em que ano …?", "De onde …?", "Com quantos votos …?",
// "Para quem …?".
var portugueseLeads = wordSet("a de em para por desde até com sobre contra")

// portugueseMoney are the words that make "quanto" ask for a sum of money,
// and portugueseCurrency those of them that say only that.
var (
	portugueseMoney = wordSet("custa custam custou custaram custará custo preço preços pagou pagaram pagará paga pagam " +
		"vale valem valor gastou gastaram dívida salário resgate")
	portugueseCurrency = wordSet("dinheiro reais dólares euros")
)

// portugueseChange are the verbs of rising and falling.
var portugueseChange = wordSet("aumentou aumentaram aumenta aumentam subiu subiram sobe sobem cresceu cresceram cresce " +
	"caiu caíram cai caem baixou baixaram diminuiu diminuíram reduziu reduziram")

// portugueseFunctionWords are Portuguese articles, pronouns, prepositions,
// conjunctions, auxiliaries and the verbs that say only that something is,
// has or happens: what a question says no content with.
var portugueseFunctionWords = wordSet(foldAll(
	"o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas num numa " +
		"e ou mas nem que se como porque quando onde enquanto " +
		"de em para por com sem sobre entre até desde contra após ante perante " +
		"eu tu ele ela eles elas nós você vocês lhe lhes me te seu sua seus suas meu minha nosso nossa " +
		"este esta isto estes estas esse essa isso esses essas aquele aquela aquilo " +
		"é são era eram foi foram ser sido será serão seria seriam seja sejam está estão estava estavam esteve estará " +
		"há havia houve haver haverá tem têm tinha tinham teve tiveram ter terá " +
		"faz fazem fez fizeram feito fazer pode podem podia poderia deve devem deveria vai vão ia iam " +
		"aconteceu acontece ocorreu ocorre " +
		"muito mais menos já também não sim ainda tão tanto outro outra outros outras cada todo toda todos todas " +
		"quem quando onde quanto quanta quantos quantas qual quais"))

// portugueseFormsOf returns, for the term of a Portuguese word, the
// article's terms for the same word in another person, tense, number or
// gender: "votou" — "votaram", "eleito" — "eleitos"; and a verb's noun for
// the act: "votação" — "votou" (endingFormsOf).
func (d *Doc) portugueseFormsOf(term string) []int32 { return d.endingFormsOf(term, portugueseEndings) }

// portugueseEndings are the endings of Portuguese verbs, nouns and adjectives,
// folded, longest first — with those that make a verb's noun ("-ação",
// "-mento", "-ão").
var portugueseEndings = strings.Fields("amentos imentos acoes icoes amento imento acao icao antes entes ante ente " +
	"aram eram iram avam iam ando endo indo ados adas idos idas " +
	"ado ada ido ida ava ou eu iu am em ao ar er ir as es os a e o")
