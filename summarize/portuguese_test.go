package summarize

import (
	"slices"
	"testing"
)

func TestPortugueseQuestion(t *testing.T) {
	tests := []struct {
		q, english string
		money, ok  bool
	}{
		{"Quem é o presidente do Senado?", "who presidente Senado?", false, true},
		{"Quantos anos tinha Luana?", "how old Luana?", false, true},
		{"Com quantos votos Pacheco foi eleito?", "how many votos the Pacheco eleito?", false, true},
		{"Quanto custa o ingresso?", "how much custa ingresso?", true, true},
		{"Em que ano o clube foi fundado?", "what year clube fundado?", false, true},
		{"Quando o encontro aconteceu?", "when encontro?", false, true},
		{"Onde o corpo foi encontrado?", "where corpo encontrado?", false, true},
		// English questions are not Portuguese.
		{"Who makes the trucks?", "", false, false},
	}
	for _, tt := range tests {
		english, r, money, ok := foreignQuestion(tt.q)
		if english != tt.english || money != tt.money || ok != tt.ok || ok && r.lang != "pt" {
			lang := ""
			if r != nil {
				lang = r.lang
			}
			t.Errorf("foreignQuestion(%q) = %q, %v, %v (%s); want %q, %v, %v (Portuguese)", tt.q, english, money, ok, lang, tt.english, tt.money, tt.ok)
		}
	}
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
