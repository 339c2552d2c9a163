package summarize

// french is how a question in French is read. French capitalizes names as
// English does.
var french = newReading(reading{
	lang: "fr", forms: frenchForms, leads: frenchLeads, function: frenchFunctionWords,
	money: frenchMoney, currency: frenchCurrency, change: frenchChange, letters: "éèêàçœ",
	clitics: []string{"-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles", "-il", "-elle", "-ils", "-elles", "-on", "-ce"},
})

// frenchForms map the words a French question opens with to the English
// ones that ask the same, longest first.
var frenchForms = []form{
	{foreign: "quel âge a", english: "how old"},
	{foreign: "quel âge avait", english: "how old"},
	{foreign: "quel âge ont", english: "how old"},
	{foreign: "comment s appelle", english: "what is %s called"}, // "s'appelle", its elision cut off as the question's words are read
	{foreign: "comment s appellent", english: "what are %s called"},
	{foreign: "quel est le nom de", english: "what is %s called"},
	{foreign: "quel est le prix", english: "what is the price"}, // not "Quel prix …?", which as often asks which prize
	{foreign: "quel était le prix", english: "what was the price"},
	{foreign: "combien de temps", english: "how long"},
	{foreign: "combien de fois", english: "how many times"},
	{foreign: "combien de", english: "how many"},
	{foreign: "combien d", english: "how many"},
	{foreign: "combien", english: "how much"},
	{foreign: "quel pourcentage", english: "what percent"},
	{foreign: "quelle heure", english: "what time"}, // "À quelle heure": "à" is a lead
	{foreign: "quelle distance", english: "how far"},
	{foreign: "quel jour", english: "what day"},
	{foreign: "quelle année", english: "what year"},
	{foreign: "quelle date", english: "what date"},
	{foreign: "qu est que", english: "what"}, // "Qu'est-ce que", its elision and "-ce" cut off
	{foreign: "qu est qui", english: "what"},
	{foreign: "quand", english: "when"},
	{foreign: "où", english: "where"}, // and "D'où": "d" is a lead
	{foreign: "qui", english: "who"},
	{foreign: "pourquoi", english: "why"},
	{foreign: "lequel", english: "which"},
	{foreign: "laquelle", english: "which"},
	{foreign: "lesquels", english: "which"},
	{foreign: "lesquelles", english: "which"},
	{foreign: "quel", english: "what"},
	{foreign: "quelle", english: "what"},
	{foreign: "quels", english: "what"},
	{foreign: "quelles", english: "what"},
	{foreign: "que", english: "what"},
	{foreign: "quoi", english: "what"}, // "Contre quoi …?", "De quoi …?"
	{foreign: "qu a", english: "what"},
	{foreign: "comment", english: "how"},
}

// frenchLeads are the prepositions a French question may put before its
// words of asking: "À qui …?", "En quelle année …?", "Depuis quand …?",
// "Pour combien …?".
var frenchLeads = wordSet("à a de d en pour par depuis jusqu avec contre sur dans chez")

// frenchMoney are the words that make "combien" ask for a sum of money, and
// frenchCurrency those of them that say only that.
var (
	frenchMoney    = wordSet("coûte coûtent coûté coûtera coûteront prix payé payée payer paie paient vaut valent valeur dette salaire montant")
	frenchCurrency = wordSet("argent euros dollars francs")
)

// frenchChange are the verbs of rising and falling.
var frenchChange = wordSet("augmenté augmente augmentent hausse baissé baisse baissent diminué diminue chuté chute progressé progresse grimpé reculé recule")

// frenchFunctionWords are French articles, pronouns, prepositions,
// conjunctions, auxiliaries and the verbs that say only that something is,
// has, is done or takes place ("a eu lieu").
var frenchFunctionWords = wordSet(foldAll(
	"le la les l un une des du de d au aux " +
		"et ou mais donc ni car que qu qui quoi dont si comme lorsque quand où " +
		"à dans par pour sur sous avec sans entre vers chez contre selon pendant depuis après avant en " +
		"je tu il elle on nous vous ils elles se s me m te t lui leur leurs y " +
		"son sa ses mon ma mes ton ta tes notre nos votre vos ce cet cette ces c " +
		"ne n pas plus moins très aussi déjà encore tout toute tous toutes chaque autre autres " +
		"est sont était étaient été être sera seront serait seraient soit soient " +
		"a ont avait avaient eu avoir aura auront aurait auraient ait aient " +
		"fait font faire fera compte comptent comptait " +
		"va vont allait peut peuvent pourrait pourraient doit doivent devrait devraient " +
		"lieu passé passée arrivé arrivée produit " +
		"quel quelle quels quelles lequel laquelle combien pourquoi comment"))
