package summarize

import (
	"slices"
	"testing"
)

func TestFrenchQuestion(t *testing.T) {
	checkReadings(t, []readingCase{
		{"Quand le vote a-t-il eu lieu ?", "when vote?", "fr", false},
		{"Combien de députés ont voté contre ?", "how many députés the voté?", "fr", false},
		{"Combien coûte le projet ?", "how much coûte projet?", "fr", true},
		{"Quel âge a Marie Dupont ?", "how old Marie Dupont?", "fr", false},
		{"En quelle année la loi a-t-elle été votée ?", "what year loi votée?", "fr", false},
		{"Combien d'États compte le classement ?", "how many États the classement?", "fr", false},
		{"Comment s'appelle le projet ?", "what is projet called?", "fr", false},
		{"Qu'est-ce que le chlorothalonil ?", "what chlorothalonil?", "fr", false},
		{"D'où vient le chlorothalonil ?", "where vient chlorothalonil?", "fr", false},
		{"À quelle heure commence le vote ?", "what time commence vote?", "fr", false},
		{"Contre quoi luttent les étudiants ?", "what luttent étudiants?", "fr", false},
		// A share of a sum is a percentage, not a sum.
		{"Quel pourcentage des dollars est mis à disposition ?", "what percent dollars mis disposition?", "fr", false},
		// A question that opens as Spanish and French ones do is in the
		// language it has most words of.
		{"¿Qué es la inflación?", "what inflación?", "es", false},
		{"Que contient le projet de loi ?", "what contient projet loi?", "fr", false},
	})
}

// TestAnswerInFrench asks a French report in French: dates in lower case,
// sums and ages in French, function words no reason to decline.
func TestAnswerInFrench(t *testing.T) {
	d := NewDoc("La loi sur le renseignement adoptée", "Le vote des députés a eu lieu mardi 5 mai, sur le projet de loi sur le renseignement. "+
		"Le texte a été voté par 438 députés, et 86 ont voté contre. "+
		"Le dispositif coûtera 40 millions d'euros par an, selon le ministre, âgé de 57 ans. "+
		"Le Sénat doit examiner le texte à son tour. "+
		"Les syndicats prévoient une grève reconductible à compter du 5 mars.")
	checkAnswer(t, d, "Quand le vote a-t-il eu lieu ?", "mardi 5 mai")
	checkAnswer(t, d, "Combien coûtera le dispositif ?", "40 millions d'euros")
	checkAnswer(t, d, "Quel âge a le ministre ?", "57 ans")
	checkAnswer(t, d, "Quand le Sénat votera-t-il ?", "")
	checkAnswer(t, d, "Quand commence la grève ?", "5 mars")
	// Sums in the currencies of the French- and Spanish-speaking world.
	checkAnswer(t, NewDoc("L'Etat a payé ses dettes", "Le gouvernement règle ses dettes, a assuré une source gouvernementale. "+
		"« Il y a quelques jours, le gouvernement a réglé une dette de 1,3 milliard de gourdes envers les compagnies pétrolières »."),
		"Combien l'Etat a-t-il payé aux compagnies pétrolières ?", "1,3 milliard de gourdes")
	checkAnswer(t, NewDoc("Secretaria vip", "Liz Duarte fue condenada por cobro indebido de honorarios. "+
		"Con la decisión del Tribunal, la mujer deberá devolver la suma de G. 160.083.711 a la institución."),
		"¿Cuánto dinero debe devolver Duarte?", "G. 160.083.711")
	checkAnswer(t, NewDoc("Dettes", "La BRH a mis des dollars à leur disposition. 97 % des dollars obtenus via les transferts sont mis à la disposition des compagnies pétrolières."),
		"Quel pourcentage des dollars est mis à la disposition des compagnies pétrolières ?", "97 %")
	if !hasDate("Les travaux reprendront à la mi-mars.") {
		t.Error(`hasDate("… à la mi-mars.") = false`)
	}
	if hasDate("The probe will reach Mars and send pictures back.") {
		t.Error(`hasDate("… reach Mars …") = true: the planet is no date`)
	}
	a := d.Answer("Quel est le taux de chômage en France ?")
	if a.Answerable || !slices.Equal(a.Missing, []string{"taux", "chômage", "France"}) {
		t.Errorf("Answer(chômage) = %q, missing %q; want a decline naming taux, chômage and France", a.Text(), a.Missing)
	}
}

// A count whose scale and unit come before what it counts answers "Combien
// de …": "24 milliards de tonnes de terres fertiles".
func TestFrenchCountWithUnit(t *testing.T) {
	d := NewDoc("La perte des terres fertiles", "24 milliards de tonnes de terres fertiles sont perdues chaque année à cause de la dégradation de la biodiversité. "+
		"C'est ce qui ressort d'une étude menée par l'Institut de recherche pour le développement.")
	checkAnswer(t, d, "Combien de terres fertiles sont perdues chaque année ?", "24 milliards de tonnes")
	// Not a count of another thing before it: "7.4 million households have
	// Sky boxes" counts no boxes.
	e := NewDoc("Freeview boxes", "Most Freeview boxes do not have a slot for a smartcard. "+
		"Some 7.4 million households have Sky boxes and Sky hopes to reach 10 million by 2010.")
	checkAnswer(t, e, "How many Freeview boxes have been sold?", "")
}

// A French page's headings in capitals give sums in capitals too: "1 545 500
// EUROS" under "MONTANT REVERSÉ AUX GRÉVISTES DEPUIS 2016".
func TestFrenchSumInCapitals(t *testing.T) {
	d := NewDoc("Caisse de grève", "La caisse de grève soutient les salariés en grève reconductible.\n\n"+
		"Ce succès a été rendu possible par son caractère collaboratif.\n\n"+
		"MONTANT REVERSÉ AUX GRÉVISTES DEPUIS 2016\n\n1 545 500 EUROS\n\nMERCI DE VOTRE AIDE")
	checkAnswer(t, d, "Combien d'argent a été reversé aux grévistes depuis 2016 ?", "1 545 500 EUROS")
}

// "Quel est le prix …?" asks for a sum ("What is the price …?"); a sentence
// with the book's year in it is no answer.
func TestFrenchPriceWantsASum(t *testing.T) {
	d := NewDoc("Le nouveau livre de Marie Lenoir", "Le livre de Marie Lenoir, paru en 2019, a un prix qui a surpris les libraires. "+
		"Il s'est vendu à 40 000 exemplaires. "+
		"L'autrice prépare une suite.")
	checkAnswer(t, d, "Quel est le prix du livre de Marie Lenoir ?", "")
}

// "Qui a écrit l'article ?" of an article signed at its end, with no byline
// at the top, is answered by the signature.
func TestFrenchSignatureAtTheEnd(t *testing.T) {
	d := NewDoc("Les Français travaillent-ils trop peu ?", "La durée légale du travail est de 35 heures par semaine. "+
		"Cela correspond à 1 607 heures par an. "+
		"Mais ce chiffre est largement théorique.\n\n"+
		"Une partie des salariés travaille à temps partiel. "+
		"Ils travaillent en moyenne 23 heures par semaine.\n\n"+
		"Il vaudrait mieux être plus nombreux en emploi. "+
		"Cela augmenterait le revenu des ménages.\n\n"+
		"Claire Dumont\n\n"+
		"(1) Ces chiffres sont publiés par l'OCDE.")
	checkAnswer(t, d, "Qui a écrit l'article ?", "Claire Dumont")
}
