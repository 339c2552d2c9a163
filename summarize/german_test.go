package summarize

import (
	"slices"
	"testing"

	"newsbot/summarize/text"
)

func TestGermanQuestion(t *testing.T) {
	tests := []struct {
		q, english string
		money, ok  bool
	}{
		{"Wie viele Ehrenamtliche wurden ausgezeichnet?", "how many Ehrenamtliche the ausgezeichnet?", false, true},
		{"Wie viele Autohäuser und Werkstätten gibt es in Thüringen?", "how many Autohäuser Werkstätten the Thüringen?", false, true},
		{"Für wie viel Geld kaufte der Aktivist die Daten?", "how much kaufte Aktivist Daten?", true, true},
		{"Ab wann dürfen die Autohäuser wieder öffnen?", "when Autohäuser öffnen?", false, true},
		{"Wie alt war der verstorbene Autofahrer?", "how old verstorbene Autofahrer?", false, true},
		{"Wie heißt der Hacker?", "what is Hacker called?", false, true},
		{"Was kostet das neue Modell?", "what kostet neue Modell?", true, true},
		{"Wie groß ist die Fläche des Projekts?", "what size Fläche Projekts?", false, true},
		{"Wie schnell fährt der Zug?", "how fast fährt Zug?", false, true},
		{"Wer hat die Recherche gemacht?", "who Recherche?", false, true},
		// English questions, and a cloze that opens with its blank, are not German.
		{"Was the bill passed?", "", false, false},
		{"Who makes the trucks?", "", false, false},
		{"____ was jailed for 15 months.", "", false, false},
		{"Wo is the meeting?", "", false, false},
	}
	for _, tt := range tests {
		english, money, _, ok := german.read(tt.q)
		if english != tt.english || money != tt.money || ok != tt.ok {
			t.Errorf("german.read(%q) = %q, %v, %v; want %q, %v, %v", tt.q, english, money, ok, tt.english, tt.money, tt.ok)
		}
	}
}

// TestAnswerInGerman asks a German news report in German: the words of
// asking say what kind of answer is wanted, the article's inflections and
// compounds count for the question's words, function words are not content,
// and a decline names only a content word the article never uses.
func TestAnswerInGerman(t *testing.T) {
	d := NewDoc("A6 nach Unfall gesperrt", "Am Sonntagabend kam es auf der A6 bei Studen zu einem schweren Verkehrsunfall. "+
		"Am Sonntag, 5. November 2023, kurz nach 21.25 Uhr, wurde der Kantonspolizei Bern ein schwerer Verkehrsunfall gemeldet. "+
		"Beim Verstorbenen handelt es sich um einen 67-jährigen Schweizer aus dem Kanton Bern. "+
		"Von den etwa 2.000 Autohäusern im Kanton waren viele geschlossen. "+
		"Der Schaden beträgt nach ersten Schätzungen 40.000 Franken. "+
		"Die Ticketpreise werden um durchschnittlich 12,7 Prozent angehoben. "+
		"Die Sperrung der A6 soll noch mindestens fünf Jahre Folgen für den Verkehr haben.")
	checkAnswer(t, d, "Wann geschah der Unfall?", "5. November 2023")
	checkAnswer(t, d, "Wie alt war der Verstorbene?", "67-jährigen")
	checkAnswer(t, d, "Wie viele Autohäuser gibt es im Kanton?", "2.000 Autohäusern")
	checkAnswer(t, d, "Wie hoch ist der Schaden?", "40.000 Franken")
	checkAnswer(t, d, "Um wie viel Prozent werden die Ticketpreise angehoben?", "12,7 Prozent")
	checkAnswer(t, d, "Wie lange hat die Sperrung Folgen?", "fünf Jahre")
	a := d.Answer("Wie viele Mitglieder hat die Feuerwehr?")
	if a.Answerable || !slices.Equal(a.Missing, []string{"Mitglieder", "Feuerwehr"}) {
		t.Errorf("Answer(Mitglieder) = %q, missing %q; want a decline naming Mitglieder and Feuerwehr", a.Text(), a.Missing)
	}
}

// German measures count as amounts and lengths: "262 Metern", "44
// Quadratkilometern".
func TestGermanUnits(t *testing.T) {
	d := NewDoc("Größtes solarthermisches Kraftwerk der Welt entsteht in Dubai", "Shanghai Electric baut in Dubai das größte solarthermische Kraftwerk der Welt. "+
		"Die Solarthermieanlage besteht aus drei Parabolrinnenanlagen und einer Turmanlage. "+
		"Zudem ist die Anlage mit einer Höhe von 262 Metern das höchste Solarthermieprojekt der Welt.")
	checkAnswer(t, d, "Wie hoch ist die Anlage?", "262 Metern")
	for _, s := range []string{"mit einer Fläche von 44 Quadratkilometern", "etwa 40 Millionen Kubikmeter"} {
		if !givesAmount(s) {
			t.Errorf("givesAmount(%q) = false", s)
		}
	}
}

// A German compound the article never uses is used when its last part is:
// "Sonnenstunden" — "100 Stunden"; not by a shorter tail that is another
// word ("Kunden").
func TestGermanCompoundHead(t *testing.T) {
	d := NewDoc("So viel Regen gab es lange nicht", "Statt herkömmlichem Herbstwetter brachte der Oktober 2023 sehr viel Regen. "+
		"Die Kunden der Bäder blieben aus. "+
		"Mit etwa 100 Stunden blieb die Sonnenscheindauer im Oktober leicht unter dem Sollwert von 109 Stunden.")
	checkAnswer(t, d, "Wie viele Sonnenstunden gab es im Oktober?", "100 Stunden")
	if a := d.Answer("Wie viele Schwimmkunden kamen im Oktober?"); slices.Contains(a.Missing, "Schwimmkunden") {
		t.Errorf("Missing = %q: the article has \"Kunden\"", a.Missing)
	}
	d = NewDoc("Bäder leer", "Die Kunden der Bäder blieben im Oktober aus, sagte der Betreiber am Montag in Erfurt.")
	if a := d.Answer("Wie viele Sonnenstunden gab es im Oktober?"); !slices.Contains(a.Missing, "Sonnenstunden") {
		t.Errorf("Answer(Sonnenstunden) = %q, missing %q: \"Kunden\" is not its last part", a.Text(), a.Missing)
	}
}

// The "the" the German reading puts after what "wie viele" counts is no verb,
// nor is an English word of asking ("big" of "how big").
func TestGermanPredicateSkipsThe(t *testing.T) {
	for _, q := range []string{"Wie viele Sonnenstunden gab es im Oktober?", "Wie groß ist die Fläche des Projekts?"} {
		english, _, _, _ := german.read(q)
		if p := germanPredicate(english, q); p != "" {
			t.Errorf("germanPredicate(%q) = %q, want none", english, p)
		}
	}
}

// Who holds a post is named after it in German too, where the post is
// capitalized like every noun.
func TestGermanTitledName(t *testing.T) {
	d := NewDoc("Stuttgart ohne Rivers", "Die Stuttgarterinnen müssen im vierten Spiel auf Rivers verzichten.\n"+
		"Lena Große Scharmann übernimmt\n"+
		"Für Rivers wird nun voraussichtlich Große Scharmann spielen. "+
		"\"Lena hat einen starken Aufschlag\", so die Stuttgarter Sportdirektorin. "+
		"Zumindest an der richtigen Einstellung im Team wird es in den nächsten Wochen nicht fehlen, versichert Stuttgarts Sportdirektorin Kim Renkema: "+
		"\"Die Mannschaft wird alles geben, um das Spiel zu gewinnen.\"")
	checkAnswer(t, d, "Wer ist die Sportdirektorin von Stuttgart?", "Kim Renkema")
}

// A German verb in another person or tense is the same verb: "versuch" —
// "versuchten", "ersetzt" — "ersetzen".
func TestGermanVerbForms(t *testing.T) {
	d := NewDoc("Hund vertreibt Einbrecher", "Am 31.10.2023, gegen 23:40 Uhr, kam es in der Nordstraße in Bockenem zu einem versuchten Wohnungseinbruchsdiebstahl. "+
		"Der Hund des Hausbewohners schlug an. Die Täter sind flüchtig. "+
		"Die Polizei sucht Zeugen, sie sei nicht zu ersetzen.")
	checkAnswer(t, d, "Wann kam es zu dem Einbruchsversuch?", "31.10.2023")
	// A participle is its verb in any tense: "gegründet" — "gründete".
	f := NewDoc("Villachs Meister Proper", "Chef Boris Dujakovic gründete Filana vor über vier Jahren als Hausmeisterservice. "+
		"Er beschäftigt mittlerweile 12 Mitarbeiter.")
	checkAnswer(t, f, "Wer hat Filana gegründet?", "Boris Dujakovic")
	// How long ago is a date: "vor über vier Jahren", "vor wenigen Tagen".
	checkAnswer(t, f, "Wann gründete Dujakovic Filana?", "vor über vier Jahren")
	if a := d.Answer("Wer ersetzt den Hund?"); slices.Contains(a.Missing, "ersetzt") {
		t.Errorf("Missing = %q: the article has \"ersetzen\"", a.Missing)
	}
	for w, want := range map[string]string{"ersetzt": "ersetz", "ersetzen": "ersetz", "versuchten": "versuch", "Gesetz": "Gesetz", "gab": "gab"} {
		if got := germanVerbStem(w); got != want {
			t.Errorf("germanVerbStem(%q) = %q, want %q", w, got, want)
		}
	}
}

// German ages: "die 32 Jahre alte Claudia Brandes", "Carsten Froß (54)"; and
// an adjective's "-r" ending: "neue" — "neuer".
func TestGermanAgesAndEndings(t *testing.T) {
	d := NewDoc("Wahl in Petersberg", "Sensation in Petersberg bei Fulda! Aus dem Stand heraus wird die 32 Jahre alte Claudia Brandes Bürgermeisterin. "+
		"Amtsinhaber und Verwaltungsmann Carsten Froß (54) sowie die CDU stehen vor einem Scherbenhaufen. "+
		"Ab 1. November ist Ralf Ludwig neuer Intendant des Senders.")
	checkAnswer(t, d, "Wie alt ist Claudia Brandes?", "32 Jahre alte")
	checkAnswer(t, d, "Wie alt ist Carsten Froß?", "(54)")
	checkAnswer(t, d, "Wer ist der neue Intendant?", "Ralf Ludwig")
}

// A German verb's noun in "-ung" is the verb used: "gegründet" —
// "Gründungsjahr", "eröffnet" — "Eröffnung"; "Gesetz" is no participle.
func TestGermanVerbNouns(t *testing.T) {
	d := NewDoc("Steinmeier beim BKA", "Bundespräsident Frank-Walter Steinmeier sprach zur Herbsttagung des Bundeskriminalamtes. "+
		"Im Gründungsjahr 1951 sei mit grenzüberschreitender Tätigkeit meist eine Distanz wie Hamburg/München gemeint gewesen, sagte Steinmeier.")
	checkAnswer(t, d, "Wann wurde das Bundeskriminalamt gegründet?", "1951")
	if got := participleStem("gesetz"); got != "gesetz" {
		t.Errorf("participleStem(gesetz) = %q, want it unchanged", got)
	}
}

// An adjective's ending may begin with a letter the stemmer cut: "aktuelle"
// (stemmed "aktuel") is "aktuellen".
func TestGermanAdjectiveEndings(t *testing.T) {
	d := NewDoc("Plant Tesla eine zweite Fabrik in China?", "Es gibt das Gerücht, Tesla plane in China eine zweite Autofabrik, um die Nachfrage hoch fahren zu können. "+
		"Angeblich hat das Unternehmen schon Qingdao als zweiten Standort ausgesucht. "+
		"Das wäre rund 700 km oberhalb der aktuellen Fabrik in Schanghai und Tesla könnte so den Export besser abdecken. "+
		"Eine Sprecherin von Tesla in China hat dieser Darstellung widersprochen, es gebe keine Entscheidung. "+
		"Sie hat die Pläne für eine zweite Fabrik in China aber nicht dementiert. "+
		"Schon vor Wochen hatte Tesla-Chef Elon Musk gesagt, der Standort einer Fabrik in Russland sei nicht entschieden.")
	checkAnswer(t, d, "Wo steht die aktuelle Fabrik von Tesla in China?", "Schanghai")
	// "entfernt" closing "Wie weit …?" says only that a distance is asked.
	checkAnswer(t, d, "Wie weit ist Qingdao von der aktuellen Fabrik entfernt?", "700 km")
	if got := undoubled("aktuel", "len"); got != "en" {
		t.Errorf("undoubled(aktuel, len) = %q, want \"en\"", got)
	}
}

// The kind of thing a German question asks for is no name, though German
// capitalizes it: "Welcher Sender …?" of an article that says "bei Sky".
func TestGermanKindIsNoName(t *testing.T) {
	d := NewDoc("Golf im TV", "Die PGA Tour bleibt in Kalifornien und schlägt mit dem Pebble Beach Pro-Am an der Westküste auf. "+
		"Die großen Turniere überträgt Sky live, am Donnerstag ab 21 Uhr. "+
		"Titelverteidiger ist Daniel Berger.")
	checkAnswer(t, d, "Welcher Sender überträgt die Turniere?", "Sky")
	checkAnswer(t, d, "Welcher Sender überträgt die Tennis-Turniere?", "")
}

// What a German "Wie viel …?" asks the sum of is found in any of its forms:
// "kostete" — "gekostet".
func TestGermanSumInAnyForm(t *testing.T) {
	d := NewDoc("Festspiel-Reisen kosteten 57.000 Euro", "Die Ausflüge von Van der Bellen zu den vier Kulturevents haben 57.000 Euro gekostet. "+
		"Der Löwenanteil entfiel dabei auf Salzburg mit 39.991,11 Euro. "+
		"Nach Mörbisch ging es hingegen um nur 20 Euro.")
	checkAnswer(t, d, "Wie viel kostete die Reise nach Salzburg?", "39.991,11 Euro")
}

// Prepositions and the verbs that say only where something is or that
// someone came are no content: "Welche Unternehmen stehen hinter Ultium
// Cells?", "Wie viele Ehrengäste kamen zur Eröffnung?".
func TestGermanLightWords(t *testing.T) {
	d := NewDoc("Ultium Cells erhöht Gigafactory-Kapazität", "Ultium Cells investiert weitere 275 Millionen US-Dollar in seine Gigafactory in Spring Hill. "+
		"Damit soll das Produktionsvolumen des Werks in Tennessee auf 50 Gigawattstunden pro Jahr wachsen. "+
		"Die neue Investition des Batteriezellen-Joint-Ventures von LG Energy Solution und General Motors ergänzt die im April 2021 angekündigten Ausgaben. "+
		"Die Fabrik von Ultium Cells in Warren hatte bereits im August 2022 mit der Fertigung begonnen. "+
		"Bis 2030 rechnet Ultium Cells mit einem Jahresvolumen von mehr als 130 Gigawattstunden. "+
		"Unter den mehr als 300 Ehrengästen der Eröffnung in Warren war auch der Gouverneur. "+
		"Die Eröffnung des Werks in Lansing ist für Ende 2024 geplant.")
	for _, q := range []string{"Welche Unternehmen stehen hinter Ultium Cells?", "Wie viele Ehrengäste kamen zur Eröffnung?"} {
		if a := d.Answer(q); !a.Answerable || slices.ContainsFunc(a.Missing, func(w string) bool { return w == "stehen" || w == "hinter" || w == "kamen" }) {
			t.Errorf("Answer(%q) = %q, missing %q; want an answer", q, a.Text(), a.Missing)
		}
	}
	e := NewDoc("Zentrum am Berg offiziell eröffnet", "Im Beisein zahlreicher Ehrengäste wurde das Zentrum am 18. Oktober 2021 am Erzberg offiziell eröffnet. "+
		"Der Rektor der Universität konnte den Bundesminister und den Landeshauptmann willkommen heißen. "+
		"Unter den mehr als 300 Ehrengästen weilten auch Waltraud Klasnic, Hannes Androsch, Josef Pappenreiter und Markus Pump. "+
		"Seitens der Feuerwehr waren als Ehrengäste Albert Kern und Franz Humer anwesend. "+
		"Die feierliche Segnung zur Eröffnung wurde von Markus Plöbst vorgenommen.")
	checkAnswer(t, e, "Wie viele Ehrengäste kamen zur Eröffnung?", "mehr als 300")
}

// Whoever does what a German question's verb says is named by the verb's
// agent noun, alone or ending a compound: "trainiert" — "BSV-Bern-Trainer".
func TestGermanAgentNoun(t *testing.T) {
	d := NewDoc("Cup-Vorschau", "Die Vorfreude beim NLB-Verein BSV Stans auf das Duell gegen den BSV Bern ist gross. "+
		"Mit Daniel Weingartner (Stans) und Samuel Weingartner (BSV Bern) treffen zwei Brüder aufeinander. "+
		"Bühlmann ist sich sicher, dass BSV-Bern-Trainer Martin Rubin seinen Spielern die richtigen Anweisungen mitgeben wird.")
	checkAnswer(t, d, "Wer trainiert den BSV Bern?", "Martin Rubin")
}

// "Wie groß …?" asks a size or a length, in no English word the article must
// use: "Es ist ein Mindestabstand von einem Meter … einzuhalten"; a decline
// names none of the words its English form brings ("size").
func TestGermanHowBig(t *testing.T) {
	d := NewDoc("Gottesdienste bleiben möglich", "Teilnehmer von Gottesdiensten müssen eine FFP2-Maske tragen. "+
		"Es ist ein Mindestabstand von einem Meter zu anderen Personen einzuhalten. "+
		"Chorgesang kann nicht stattfinden.")
	checkAnswer(t, d, "Wie groß muss der Mindestabstand sein?", "einem Meter")
	a := d.Answer("Wie groß ist der Chor?")
	if a.Answerable || slices.ContainsFunc(a.Missing, func(w string) bool { return w == "size" || w == "big" }) {
		t.Errorf("Answer(Wie groß ist der Chor?) = %q, missing %q; want a decline naming no English word", a.Text(), a.Missing)
	}
}

// An amount written in words with its scale and unit answers "Wie viel …?":
// "fünf Millionen Hektar Wald".
func TestGermanAmountInWords(t *testing.T) {
	d := NewDoc("Wie Umweltzerstörung Epidemien begünstigt", "Dichter Rauch hing im Herbst des Jahres 1997 über Indonesien. "+
		"Brände vernichteten innerhalb von drei Monaten fünf Millionen Hektar Wald, die Rauchschwaden zogen bis nach Malaysia. "+
		"Dort fanden Flughunde kaum noch Nahrung.")
	checkAnswer(t, d, "Wie viel Wald vernichteten die Brände?", "fünf Millionen Hektar")
}

// A word after an article describes a noun and is not the verb the question
// asks about, unless the question has no other: "neuen" in "Wer leitet den
// neuen Streaming-Dienst?", but "neue" in "Wer ist der neue Intendant?".
func TestGermanPredicateNotDescribing(t *testing.T) {
	for q, want := range map[string]string{
		"Wer leitet den neuen Streaming-Dienst?": "leitet",
		"Wer ist der neue Intendant des MDR?":    "neue",
	} {
		english, _, _, _ := german.read(q)
		if p := germanPredicate(english, q); p != text.Term(text.Normalize(want)) {
			t.Errorf("germanPredicate(%q) = %q, want the term of %q", english, p, want)
		}
	}
	d := NewDoc("NASA+", "Die NASA startet am 8. November ihren eigenen Streaming-Dienst. Gebühren werden nicht fällig.")
	if a := d.Answer("Wer leitet den neuen Streaming-Dienst?"); a.Answerable {
		t.Errorf("Answer(Wer leitet …?) = %q, want a decline: the article names no one who leads it", a.Text())
	}
}

// "Wie heiß" asks for a temperature, which German gives in "Grad".
func TestGermanTemperature(t *testing.T) {
	d := NewDoc("Ammoniak", "Anders als bei der gängigen Ammoniak-Spaltung braucht diese Methode keine Hitze. "+
		"Ammoniak muss nur auf minus 40 Grad gekühlt werden. "+
		"Um Ammoniak wieder aufzuspalten, benötigt man 400 bis 600 Grad Hitze. "+
		"Statt das Ammoniak durch die klassische thermische Reaktion zu spalten, nutzen sie Licht.")
	checkAnswer(t, d, "Wie heiß muss es für die klassische Spaltung von Ammoniak sein?", " Grad")
}

// German writes a decimal with a comma: "11,1 Litern" is an amount.
func TestGermanDecimalAmount(t *testing.T) {
	d := NewDoc("Alkoholkonsum", "Die Österreicher sind ein trinkfreudiges Volk. "+
		"Ein Österreicher trinkt im Jahr 11,1 Liter reinen Alkohol. "+
		"Nur in Lettland sind es mehr.")
	checkAnswer(t, d, "Wie viel reinen Alkohol trinkt ein Österreicher im Jahr?", "11,1 Liter")
}

// A strong verb changes its vowel: "trinkt" is in "getrunken", "erhielt" in
// "erhalten", so an article that says so is never said not to mention it.
func TestGermanStrongVerbs(t *testing.T) {
	for q, text := range map[string]string{
		"Wie viel Bier trinkt ein Österreicher?":     "In Österreich wird viel Bier getrunken.",
		"Wann erhielt sie den Preis?":                "Sie wird den Preis im Mai erhalten.",
		"Wer gewann das Finale?":                     "Das Finale hat Berlin gewonnen.",
		"Wann ist der Zug angekommen?":               "Der Zug kam am Abend an, sagte die Bahn.",
		"Wie viele Menschen starben bei dem Unfall?": "Bei dem Unfall sind drei Menschen gestorben.",
	} {
		d := NewDoc("Nachricht", text+" Die Polizei ermittelt.")
		if a := d.Answer(q); len(a.Missing) > 0 {
			t.Errorf("Answer(%q) = %q: the article uses the verb in another form", q, a.Text())
		}
	}
	if s := strongStem("angekommen"); s != strongStem("ankommen") || s == "" {
		t.Errorf("strongStem(angekommen) = %q, want ankommen's", s)
	}
}

// German news calls someone by their age after naming them: "Der 25-Jährige
// dürfte …".
func TestGermanAgeFollows(t *testing.T) {
	d := NewDoc("Radsport", "Radprofi Egan Bernal kämpft nach seinem Sturz um seine Karriere. "+
		"Ob dieses Schicksal auch Bernal droht, ist völlig offen. "+
		"Der 25-Jährige dürfte davon profitieren, dass er jung ist. "+
		"Die Klinik nannte keine weiteren Details.")
	checkAnswer(t, d, "Wie alt ist Egan Bernal?", "25-Jährige")
}

// "Wie oft" asks how many times, which German writes in one word: "Zwölfmal
// war er Weltmeister".
func TestGermanHowManyTimes(t *testing.T) {
	d := NewDoc("Biathlon", "Johannes Thingnes Bø (Norwegen/Biathlon): Zwölfmal war der 28-Jährige bereits Weltmeister. "+
		"Johannes Thingnes Bø will in Peking für Furore sorgen. "+
		"In dieser Saison ist es für Bø bisher nicht optimal gelaufen.")
	checkAnswer(t, d, "Wie oft war Johannes Thingnes Bø Weltmeister?", "Zwölfmal")
}

// A verb the article uses only in its title, in another form, is no word it
// never mentions: "verlängert" — "Verlängerung".
func TestGermanPredicateInTitle(t *testing.T) {
	d := NewDoc("Corona-Lockdown steht vor 4-wöchiger Verlängerung", "Deutschland droht ein weiterer Lockdown. "+
		"Der geplante Öffnungsschritt soll ausgesetzt werden – und das möglicherweise für weitere vier Wochen. "+
		"Damit soll der Lockdown abermals weitergehen.")
	checkAnswer(t, d, "Um wie viele Wochen soll der Lockdown verlängert werden?", "vier Wochen")
}

// An adjective in another case is the same word, though neither form is the
// other with an ending added: "starken" — "starkem".
func TestGermanAdjectiveCases(t *testing.T) {
	d := NewDoc("Formel 1", "Tsunoda fährt für AlphaTauri. "+
		"Nach starkem Auftakt in Bahrain schätzte er sich zu hoch ein. "+
		"Danach brauchte er Monate, um seine Fehler zu erkennen.")
	checkAnswer(t, d, "Wo hatte Tsunoda einen starken Auftakt?", "Bahrain")
}

// "Wie hoch war die Tiefsttemperatur?" asks for a temperature, not any amount.
func TestGermanTemperatureNoun(t *testing.T) {
	d := NewDoc("Wetter im Oktober", "Der Oktober 2023 brachte sehr viel Regen und eine milde Witterung. "+
		"Im Oktober fielen mit rund 100 Litern pro Quadratmeter knapp 80 Prozent mehr Niederschlag. "+
		"Der Monat gehört damit zu den fünf wärmsten Oktober seit 1881. "+
		"In den Nächten gab es im Westen Tiefsttemperaturen von 15 bis 18 °C, sonst nur im Sommer zu beobachten. "+
		"Mit etwa 100 Stunden blieb die Sonnenscheindauer im Oktober leicht unter dem Sollwert.")
	checkAnswer(t, d, "Wie hoch war die Tiefsttemperatur im Oktober?", "18 °C")
}

// The age of the person asked about, given in the sentence after one that
// names him ("Der 27-Jährige lief …"), comes before the age of a record
// another sentence names him beside ("… dem mehr als 20 Jahre alten
// Weltrekord").
func TestGermanAgeBeforeAThingsAge(t *testing.T) {
	d := NewDoc("Erfurt: Thorwirth überrascht", "Maximilian Thorwirth sorgte in Erfurt für die größte Überraschung. "+
		"In der Halle bewies Maximilian Thorwirth, dass er auch über 1.500 Meter schnell sein kann. "+
		"Der 27-Jährige lief eine Fabelzeit von 3:38,72 Minuten. "+
		"Am Freitag war Maximilian Thorwirth noch Tempomacher, als Aregawi den mehr als 20 Jahre alten Weltrekord jagte. "+
		"Zweiter wurde Istvan Szogi.")
	checkAnswer(t, d, "Wie alt ist Maximilian Thorwirth?", "27-Jährige")
}

// "Warum …?" is answered where the article gives a cause in German words:
// "aufgrund positiver Corona-Tests".
func TestGermanCause(t *testing.T) {
	d := NewDoc("Kramer verpasst Olympia", "Marita Kramer wird die Olympischen Spiele in Peking verpassen. "+
		"In den sozialen Medien gab sie Einblicke in ihre Gefühlswelt. "+
		"Die Gesamtweltcupführende Marita Kramer wird die Spiele aufgrund positiver Corona-Tests verpassen, teilte der Verband mit. "+
		"Für sie wurde Lisa Eder nachnominiert.")
	checkAnswer(t, d, "Warum verpasst Marita Kramer die Olympischen Spiele?", "aufgrund")
}

// A sentence that takes up the measure asked for ("So lange dauert …") had
// it in the sentence before: "Wie lange …?" is answered with both.
func TestGermanMeasureGivenBefore(t *testing.T) {
	d := NewDoc("Nachtzug: Von Wien nach Brüssel", "Vierzehn Stunden. "+
		"So lange dauert die Fahrt mit dem Nachtzug von Wien nach Brüssel. "+
		"Der Zug fährt um 20:38 Uhr ab und hält unter anderem in Linz, Nürnberg und Köln. "+
		"Die Bahn will das Angebot im nächsten Jahr ausweiten.")
	checkAnswer(t, d, "Wie lange dauert die Fahrt mit dem Nachtzug?", "Vierzehn Stunden")
}

// A strong verb's short past ("ging", "kam") is the verb the article uses
// in another form ("geht", "kommen"): no "never mentions “ging”".
func TestGermanShortStrongVerb(t *testing.T) {
	d := NewDoc("Schriftsteller schreiben an Verlage", "Zwanzig Autorinnen und Autoren fordern höhere Honorare für Hörbücher. "+
		"Ihr offener Brief geht an die großen Verlage. "+
		"Eine Antwort steht noch aus, sagte eine Sprecherin.")
	checkAnswer(t, d, "An wen ging der Brief?", "Verlage")
}

// "Was kostet …?" asks for a sum, as "What does … cost?" does: a sentence
// without one is no answer, and one that says it is free ("kostenlos") is.
func TestGermanCostWantsASum(t *testing.T) {
	d := NewDoc("Neues Buch von Anna Berg", "Das neue Buch von Anna Berg kostet weniger als ihr letztes. "+
		"Es erscheint im Herbst bei einem kleinen Verlag in Leipzig. "+
		"Die Autorin liest im Oktober in zwölf Städten.")
	checkAnswer(t, d, "Was kostet das Buch?", "")
	d = NewDoc("Neue App der Stadtbibliothek", "Die Stadtbibliothek hat eine App für Hörbücher vorgestellt. "+
		"Die App ist für alle Leser kostenlos. "+
		"Sie läuft auf Android und iOS.")
	checkAnswer(t, d, "Was kostet die App?", "kostenlos")
}

// A sentence that opens by referring back ("Dort soll …", "Il a annoncé
// …") is quoted with the one before, which says what it refers to.
func TestReferringBackInOtherLanguages(t *testing.T) {
	d := NewDoc("Neuer Standort", "Die Firma Holzbau Krämer verlässt im kommenden Jahr Dresden und zieht nach Leipzig. "+
		"Dort soll bis 2026 der neue Firmensitz entstehen. "+
		"Die Belegschaft wurde am Montag informiert.")
	checkAnswer(t, d, "Wo soll der neue Firmensitz entstehen?", "Leipzig")
	d = NewDoc("Fermeture de l'usine", "Jean Dupont dirige l'usine de Vierzon depuis 2010. "+
		"Il a annoncé lundi la fermeture du site d'ici la fin de l'année. "+
		"Les syndicats appellent à la grève.")
	checkAnswer(t, d, "Qui a annoncé la fermeture du site ?", "Jean Dupont")
}

// "Was kostet …?" of an article that says it is free ("Der Eintritt ist für
// alle frei") is answered, not declined as never mentioning "kostet".
func TestForeignCostFree(t *testing.T) {
	d := NewDoc("Angelshow in Rostock", "Die Angelshow findet im Mai im IGA Park statt. "+
		"Der Eintritt ist für alle frei. "+
		"Dutzende Experten werden erwartet.")
	checkAnswer(t, d, "Wie viel kostet der Eintritt?", "für alle frei")
	d = NewDoc("Festival de Bourges", "Le festival de Bourges ouvre le 12 avril. "+
		"L'entrée est gratuite pour les moins de 12 ans. "+
		"Trente groupes sont attendus.")
	checkAnswer(t, d, "Combien coûte l'entrée pour les moins de 12 ans ?", "gratuite")
}

// "stattfinden" says only that something happens, as "happen" does: an
// article that never uses it is no reason to decline "Wann soll … stattfinden?".
func TestGermanTakesPlace(t *testing.T) {
	d := NewDoc("Brexit vertagt", "Das britische Parlament hat eine Entscheidung über den Brexit-Deal verschoben. "+
		"Johnson muss eine Verlängerung der Brexit-Frist über den 31. Oktober hinaus beantragen.")
	checkAnswer(t, d, "Wann soll der Brexit stattfinden?", "31. Oktober")
}

// An age in brackets after a surname answers "Wie alt ist …?", the name
// joined with a hyphen as the question's words are not, over an age of
// something else the same person speaks of ("den 50-jährigen Reformstau").
func TestGermanAgeInBrackets(t *testing.T) {
	d := NewDoc("Irme Stetter-Karp ist neue ZdK-Präsidentin", "Irme Stetter-Karp ist zur neuen Präsidentin des Zentralkomitees gewählt worden. "+
		"In ihrer Rede nannte Stetter-Karp den Prozess unverzichtbar, um den 50-jährigen Reformstau zu lösen. "+
		"Stetter-Karp (65) folgt Thomas Sternberg.")
	checkAnswer(t, d, "Wie alt ist Irme Stetter-Karp?", "(65)")
}

// Someone's predecessor is whom they follow, succeed or replace, in the words
// news says it with: "folgt Thomas Sternberg", "succeeds Thomas Sternberg".
func TestPredecessor(t *testing.T) {
	d := NewDoc("Neue Präsidentin", "Irme Stetter-Karp ist zur neuen Präsidentin gewählt worden. "+
		"Sie erhielt 149 Stimmen. "+
		"Stetter-Karp folgt Thomas Sternberg, der nicht mehr kandidiert hatte.")
	checkAnswer(t, d, "Wer war ihr Vorgänger?", "Thomas Sternberg")
	e := NewDoc("New president", "Irme Stetter-Karp was elected president of the committee. "+
		"She received 149 votes. "+
		"Stetter-Karp succeeds Thomas Sternberg, who did not run again.")
	checkAnswer(t, e, "Who was her predecessor?", "Thomas Sternberg")
}

// "Prozent" in a question is no word the article lacks when it writes the
// sign: "Wie viel Prozent …?" — "Rund 30 % der verbauten Materialien".
func TestPercentWordForSign(t *testing.T) {
	d := NewDoc("Nordpark eröffnet", "In Nord wurde am Freitag die neue Spielanlage eröffnet. "+
		"Die Kosten belaufen sich auf rund 560.000 Euro. "+
		"Rund 30 % der verbauten Materialien wurden vor Ort recycelt.")
	checkAnswer(t, d, "Wie viel Prozent der Materialien wurden recycelt?", "30 %")
}
