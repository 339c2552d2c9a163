package summarize

import (
	"slices"
	"testing"
)

func TestPolishQuestion(t *testing.T) {
	checkReadings(t, []readingCase{
		{"Kto jest prezesem Grupy Eurocash?", "who prezesem Grupy Eurocash?", "pl", false},
		{"Ile sklepów korzysta z systemu?", "how many sklepów the korzysta systemu?", "pl", false},
		{"Ile kosztuje bilet?", "how much kosztuje bilet?", "pl", true},  // "ile" for a sum
		{"O ile wzrosły ceny?", "by how much wzrosły ceny?", "pl", true}, // prices: a sum
		{"W którym roku powstała firma?", "what year powstała firma?", "pl", false},
		{"W ktorym roku powstala firma?", "what year powstala firma?", "pl", false}, // typed without diacritics
		{"Jak się nazywa nowy system?", "what is nowy system called?", "pl", false},
		{"Ile lat ma Jan Nowak?", "how old Jan Nowak?", "pl", false},
		{"Po co budować tunel?", "why budować tunel?", "pl", false},
		// "ile" before a verb asks how much, before "trwa" how long.
		{"Ile wynosi stopa bezrobocia?", "how much wynosi stopa bezrobocia?", "pl", false},
		{"Ile chciał ważyć Angus?", "how much chciał ważyć Angus?", "pl", false},
		{"Ile potrwa rejs?", "how long rejs?", "pl", false},
		// English questions are not Polish.
		{"Do you know who won?", "", "", false},
		{"Who makes the trucks?", "", "", false},
	})
}

// TestAnswerInPolish asks a Polish news report in Polish: the words of asking
// say what kind of answer is wanted, a word in another case or tense is the
// same word, sums in złoty and euro, percentages and dates are read as such,
// and the words of asking are never named as missing.
func TestAnswerInPolish(t *testing.T) {
	d := NewDoc("Nowa linia tramwajowa w Krakowie", "Miasto otworzyło w czwartek nową linię tramwajową do Nowej Huty. "+
		"Budowa kosztowała 420 mln zł i trwała dwa lata. "+
		"Prezes spółki Tramwaje Krakowskie Jan Nowak powiedział, że z linii skorzysta codziennie 30 tys. pasażerów. "+
		"Bilet jednorazowy kosztuje 6 zł. "+
		"Ceny biletów miesięcznych wzrosły o 10 proc. od stycznia. "+
		"Pierwsze tramwaje wyjechały na trasę 17 czerwca.")
	checkAnswer(t, d, "Kto jest prezesem spółki Tramwaje Krakowskie?", "Jan Nowak")
	checkAnswer(t, d, "Ile kosztowała budowa?", "420 mln zł")
	checkAnswer(t, d, "Ile kosztuje bilet jednorazowy?", "6 zł")
	checkAnswer(t, d, "O ile wzrosły ceny biletów miesięcznych?", "10 proc.")
	checkAnswer(t, d, "Kiedy tramwaje wyjechaly na trase?", "17 czerwca")
	checkAnswer(t, d, "Ilu pasażerów skorzysta z linii?", "30 tys.")
	checkAnswer(t, d, "Dokąd prowadzi nowa linia?", "Nowej Huty")
	for _, tt := range []struct {
		q       string
		missing []string
	}{
		// Neither the words of asking nor a word the article writes in
		// another case ("Krakowa" — "Krakowie") is missing.
		{"Kto jest burmistrzem Krakowa?", []string{"burmistrzem"}},
		{"Ilu kierowców zatrudnia spółka?", []string{"kierowców", "zatrudnia"}},
	} {
		if a := d.Answer(tt.q); a.Answerable || !slices.Equal(a.Missing, tt.missing) {
			t.Errorf("Answer(%q) = %q, missing %q; want a decline naming %q", tt.q, a.Text(), a.Missing, tt.missing)
		}
	}
}

func TestPolishForms(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"prezesem", "preze", true}, // "Prezes", stemmed as English
		{"kilogramow", "kilogrami", true},
		{"szpitala", "szpit", true},
		{"wydalono", "wydaleniu", false}, // a verb and its noun part further back
		{"rok", "roku", true},            // a short word, a vowel ending
		{"nowi", "nowa", true},           // "nowy", stemmed as English
		{"rok", "rak", false},
		{"kot", "kod", false},
		{"2020", "2021", false},
	} {
		if got := sameWordPL(tt.a, tt.b); got != tt.same {
			t.Errorf("sameWordPL(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// TestPolishFigures: sums, percentages, counts and dates as Polish news writes
// them are the answers a question's form asks for.
func TestPolishFigures(t *testing.T) {
	for _, s := range []string{"Budowa kosztowała 420 mln zł.", "Dostęp do IPH za 1 zł.", "Na farmy wiatrowe trafi 3,3 mld euro.", "Koszt wyniósł 14 mld funtów."} {
		if !moneyRE.MatchString(s) {
			t.Errorf("moneyRE misses the sum in %q", s)
		}
	}
	if !percentRE.MatchString("Stopa bezrobocia wyniosła 3,1 proc. w marcu.") {
		t.Error("percentRE misses 3,1 proc.")
	}
	for _, s := range []string{"Rozprawę wyznaczono na 17 czerwca.", "Aktualizacja pojawiła się w październiku.", "Od lipca będzie obowiązkowa."} {
		if !hasDate(s) {
			t.Errorf("hasDate(%q) = false", s)
		}
	}
	if hasDate("Turniej wygrała Maja Nowak.") {
		t.Error(`hasDate("Turniej wygrała Maja Nowak.") = true: a capital mid-sentence is a name`)
	}
	u := NewDoc("Bezrobocie", "Bezrobotnych w Polsce jest coraz mniej, a w 2020 roku wzrosła liczba ofert pracy o 5 proc. "+
		"Liczba bezrobotnych w Polsce wyniosła 534 tys. w marcu. "+
		"Budowa nowego urzędu pracy była trudna. Budowa trwała osiem miesięcy.")
	checkAnswer(t, u, "Ilu bezrobotnych było w Polsce?", "534 tys.")
	checkAnswer(t, u, "Ile trwała budowa?", "osiem miesięcy")
	if a := u.Answer("Kto napisał ten artykuł?"); slices.Contains(a.Missing, "artykuł") {
		t.Errorf("Answer(Kto napisał ten artykuł?) names the article itself as missing: %q", a.Missing)
	}
	d := NewDoc("Wypadek", "W wypadku na autostradzie A4 ucierpiało wielu podróżnych. W pierwszym zderzeniu zginęło dwóch kierowców.")
	checkAnswer(t, d, "Ilu kierowców zginęło?", "dwóch kierowców")
}

// A Polish question about an article in another language is declined naming
// its words: a shared beginning is no shared word there ("produkuje" —
// "production").
func TestPolishAboutEnglish(t *testing.T) {
	d := NewDoc("Procurement", "Most of the production equipment used in the weapons programs came from Japan. "+
		"The parts were smuggled aboard a ferry.")
	if a := d.Answer("Kto produkuje ciężarówki?"); a.Answerable || !slices.Contains(a.Missing, "produkuje") {
		t.Errorf("Answer(Kto produkuje ciężarówki?) = %q, missing %q; want a decline naming \"produkuje\"", a.Text(), a.Missing)
	}
}
