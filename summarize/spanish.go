package summarize

import "strings"

// spanish is how a question in Spanish is read. Spanish capitalizes names as
// English does, so a capital still makes one.
var spanish = newReading(reading{
	lang: "es", forms: spanishForms, leads: spanishLeads, function: spanishFunctionWords,
	money: spanishMoney, currency: spanishCurrency, change: spanishChange, letters: "ñ",
})

// spanishChange are the verbs of rising and falling.
var spanishChange = wordSet("aumentó aumentaron aumenta aumentan subió subieron sube suben creció crecieron crece " +
	"cayó cayeron cae caen bajó bajaron baja bajan disminuyó disminuyeron redujo redujeron")

// spanishForms map the words a Spanish question opens with to the English
// ones that ask the same, longest first; written with or without accents,
// as questions are typed.
var spanishForms = []form{
	{foreign: "cuántos años tiene", english: "how old"},
	{foreign: "cuántos años tenía", english: "how old"},
	{foreign: "cuántos años tienen", english: "how old"},
	{foreign: "qué edad tiene", english: "how old"},
	{foreign: "qué edad tenía", english: "how old"},
	{foreign: "cómo se llama", english: "what is %s called"},
	{foreign: "cómo se llaman", english: "what are %s called"},
	{foreign: "cuál es el nombre de", english: "what is %s called"},
	{foreign: "cuántas veces", english: "how many times"},
	{foreign: "qué porcentaje", english: "what percent"},
	{foreign: "qué hora", english: "what time"}, // "¿A qué hora": "a" is a lead
	{foreign: "qué distancia", english: "how far"},
	{foreign: "qué día", english: "what day"},
	{foreign: "qué año", english: "what year"},
	{foreign: "qué fecha", english: "what date"},
	{foreign: "cuánto tiempo", english: "how long"},
	{foreign: "cuántos", english: "how many"},
	{foreign: "cuántas", english: "how many"},
	{foreign: "cuánto", english: "how much"},
	{foreign: "cuánta", english: "how much"},
	{foreign: "cuándo", english: "when"},
	{foreign: "dónde", english: "where"},
	{foreign: "adónde", english: "where"},
	{foreign: "quién", english: "who"},
	{foreign: "quiénes", english: "who"},
	{foreign: "por qué", english: "why"},
	{foreign: "cuál", english: "what"},
	{foreign: "cuáles", english: "what"},
	{foreign: "qué", english: "what"},
	{foreign: "cómo", english: "how"},
}

// spanishLeads are the prepositions a Spanish question may put before its
// words of asking: "¿A quién …?", "¿De dónde …?", "¿Desde cuándo …?", "¿Por
// cuánto …?".
var spanishLeads = wordSet("a de en para por desde hasta con sobre contra")

// spanishMoney are the words that make "cuánto" ask for a sum of money, and
// spanishCurrency those of them that say only that.
var (
	spanishMoney    = wordSet("cuesta cuestan costó costaron costará costo coste precio precios pagó pagaron pagará paga pagan vale valen valor gastó gastaron deuda salario sueldo")
	spanishCurrency = wordSet("dinero dólares dolares euros pesos")
)

// spanishFunctionWords are Spanish articles, pronouns, prepositions,
// conjunctions, auxiliaries and the verbs that say only that something is,
// has or happens: what a question says no content with.
var spanishFunctionWords = wordSet(foldAll(
	"el la los las lo un una unos unas al del " +
		"y e o u ni pero sino que si como porque cuando donde mientras " +
		"a ante bajo con contra de desde durante en entre hacia hasta para por según sin sobre tras " +
		"yo tú él ella ello nosotros nosotras ellos ellas usted ustedes se le les me te nos os mi mis tu tus su sus nuestro nuestra nuestros nuestras " +
		"este esta esto estos estas ese esa eso esos esas aquel aquella aquellos aquellas " +
		"es son era eran fue fueron ser sido será serán sería serían sea sean está están estaba estaban estuvo estará estarán esté " +
		"ha han había habían habrá habrán habría habrían haya hayan hubiera hubieran hay hubo haber " +
		"tiene tienen tenía tenían tuvo tuvieron tener " +
		"hace hacen hizo hicieron hecho hacer " +
		"puede pueden podría podrían pudo debe deben debería deberían va van iba " +
		"ocurrió ocurre pasó pasa sucedió " +
		"muy más menos ya también no sí aún todavía tan tanto otro otra otros otras cada todo toda todos todas " +
		"qué quién quiénes cuál cuáles cuánto cuánta cuántos cuántas cuándo dónde adónde cómo"))

// spanishFormsOf returns, for the term of a Spanish word, the article's terms
// for the same word in another person, tense, number or gender: "ganó" —
// "gané", "subieron" — "subió", "publicado" — "publicó"; and a verb's noun
// for the act or whoever does it: "confirmación" — "confirmados",
// "representa" — "representante" (endingFormsOf).
func (d *Doc) spanishFormsOf(term string) []int32 { return d.endingFormsOf(term, spanishEndings) }

// endingFormsOf returns the article's terms that are term with another of a
// language's endings (longest first): what is left once cutEnding has cut
// one, three letters or more, is the same. Both must be four letters or more.
func (d *Doc) endingFormsOf(term string, endings []string) []int32 {
	if len(term) < 4 {
		return nil
	}
	stem := cutEnding(term, endings, 3)
	var out []int32
	for id, t := range d.termList {
		if len(t) >= 4 && t != term && cutEnding(t, endings, 3) == stem {
			out = append(out, int32(id))
		}
	}
	return out
}

// spanishEndings are the endings of Spanish verbs, nouns and adjectives,
// folded, longest first — with those that make a verb's noun ("-ación",
// "-miento", "-ante").
var spanishEndings = strings.Fields("amientos imientos aciones iciones amiento imiento antes entes acion icion ante ente " +
	"ieron aron amos emos imos aban ando iendo ados adas idos idas " +
	"ado ada ido ida aba ian ara era ira ar er ir an en as es os a e o")
