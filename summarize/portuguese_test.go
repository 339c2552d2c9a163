package summarize

import (
	"slices"
	"testing"
)

func TestPortugueseQuestion(t *testing.T) {
	checkReadings(t, []readingCase{
		{"Quem é o presidente do Senado?", "who presidente Senado?", "pt", false},
		{"Quantos anos tinha Luana?", "how old Luana?", "pt", false},
		{"Com quantos votos Pacheco foi eleito?", "how many votos the Pacheco eleito?", "pt", false},
		{"Quanto custa o ingresso?", "how much custa ingresso?", "pt", true},
		{"Em que ano o clube foi fundado?", "what year clube fundado?", "pt", false},
		{"Quando o encontro aconteceu?", "when encontro?", "pt", false},
		{"Onde o corpo foi encontrado?", "where corpo encontrado?", "pt", false},
		// English questions are not Portuguese.
		{"Who makes the trucks?", "", "", false},
	})
}

// TestAnswerInPortuguese asks a Brazilian news report in Portuguese: the words
// of asking say what kind of answer is wanted, sums in reais, durations,
// ages and dates are read as such, a verb in another tense is the same verb,
// and the words of asking are never named as missing.
func TestAnswerInPortuguese(t *testing.T) {
	d := NewDoc("Sequestradores presos", "A polícia prendeu três integrantes de um grupo de sequestradores nesta terça-feira. "+
		"O líder do grupo, Alessandro Souza Suzart, de 41 anos, morreu em confronto em fevereiro. "+
		"Eles pediam R$ 50 mil de resgate às vítimas. "+
		"A operação durou 45 minutos e terminou no bairro da Sete Portas, em Salvador.")
	checkAnswer(t, d, "Quanto os sequestradores pediam de resgate?", "R$ 50 mil")
	checkAnswer(t, d, "Quantos anos tinha Suzart?", "41 anos")
	checkAnswer(t, d, "Quanto tempo durou a operação?", "45 minutos")
	checkAnswer(t, d, "Quando a polícia prendeu os integrantes?", "terça-feira")
	checkAnswer(t, d, "Quando o líder morreu?", "fevereiro")
	checkAnswer(t, d, "Quem era o líder do grupo?", "Alessandro Souza Suzart")
	// A post the article never names is not asked about a place it names.
	checkAnswer(t, d, "Quem é o prefeito de Salvador?", "")
	if !moneyRE.MatchString("Eles pediam R$ 50 mil.") || !agedRE.MatchString("Luana, de 15 anos, desapareceu.") {
		t.Error(`moneyRE or agedRE misses "R$ 50 mil", "de 15 anos"`)
	}
	if a := d.Answer("Quem é o governador da Bahia?"); a.Answerable || slices.Contains(a.Missing, "Quem") {
		t.Errorf("Answer(Quem é o governador da Bahia?) = %q, missing %q; want a decline not naming \"Quem\"", a.Text(), a.Missing)
	}
}

// A verb in another person or tense, or its noun, is the question's verb:
// "votada" — "votaram".
func TestPortugueseForms(t *testing.T) {
	d := NewDoc("Lei aprovada", "A lei do orçamento chegou ao Senado em março. "+
		"Os deputados votaram a lei na terça-feira, por 300 votos a 100.")
	checkAnswer(t, d, "Quando a lei foi votada?", "terça-feira")
}
