package summarize

import (
	"slices"
	"testing"
)

func TestSpanishQuestion(t *testing.T) {
	checkReadings(t, []readingCase{
		{"¿Cuántas familias viven en Agua Caliente?", "how many familias the viven Agua Caliente?", "es", false},
		{"¿Cuántos años tiene Héctor Vargas?", "how old Héctor Vargas?", "es", false},
		{"¿Quién demandó al Estado de Guatemala?", "who demandó Estado Guatemala?", "es", false},
		{"¿Cuánto cuesta el arroz?", "how much cuesta arroz?", "es", true},
		{"¿Cuánto subió el precio del azúcar?", "by how much subió precio azúcar?", "es", true},
		{"cuando empezo el caso", "when empezo caso?", "es", false},
		{"¿A qué distancia de Santiago está Coquimbo?", "how far Santiago Coquimbo?", "es", false},
		// English questions are not Spanish.
		{"Who makes the trucks?", "", "", false},
		{"A man was arrested on Monday.", "", "", false},
	})
}

// TestAnswerInSpanish asks a Spanish news report in Spanish: the words of
// asking say what kind of answer is wanted, sums, percentages and times ago
// are read as such, a verb in another tense is the same verb, and function
// words are no reason to decline.
func TestAnswerInSpanish(t *testing.T) {
	d := NewDoc("Nicaragua cerró 2021 con más deuda", "Nicaragua cerró 2021 con una deuda externa total de 14.372,4 millones de dólares, informó el Banco Central. "+
		"La deuda externa total aumentó en 884,3 millones de dólares (6,6 %) respecto a 2020. "+
		"El caso empezó hace seis años cuando Rodrigo Tot demandó al Estado. "+
		"Después gané ocho veces las vueltas, dijo el técnico.")
	checkAnswer(t, d, "¿Cuánto era la deuda externa de Nicaragua en 2021?", "14.372,4 millones de dólares")
	checkAnswer(t, d, "¿Cuánto aumentó la deuda externa?", "884,3 millones")
	checkAnswer(t, d, "¿Cuándo empezó el caso?", "hace seis años")
	checkAnswer(t, d, "¿Cuántos años tiene Rodrigo Tot?", "")
	checkAnswer(t, d, "¿Cuánto cuesta el arroz?", "")
	// A rate the article never speaks of, whatever other figures it gives.
	checkAnswer(t, d, "¿Cuál es la tasa de inflación en Nicaragua?", "")
	// The verb after "Cuánto" is not what the sum is of, and the article
	// may say it otherwise.
	h := NewDoc("Medidas contra los hackers", "El gobierno trataba ayer de ganarle la batalla a los hackers, que publicarían datos a menos de que el Estado pague un rescate de entre $7 millones y $10 millones. "+
		"Alvarado negaba que el país fuera a pagar.")
	checkAnswer(t, h, "¿Cuánto piden los hackers de rescate?", "$10 millones")
	// A decline names the words the article never uses in any form: not
	// "ganó", which it writes "gané".
	if a := d.Answer("¿Cuándo ganó Vargas?"); a.Answerable || !slices.Equal(a.Missing, []string{"Vargas"}) {
		t.Errorf("Answer(¿Cuándo ganó Vargas?) = %q, missing %q; want a decline naming only Vargas", a.Text(), a.Missing)
	}
	a := d.Answer("¿Cuál es la tasa de inflación?")
	if a.Answerable || slices.Contains(a.Missing, "es") {
		t.Errorf("Answer(tasa de inflación) = %q, missing %q; want a decline not naming \"es\"", a.Text(), a.Missing)
	}
}

// Peru's soles are written "S/ 130 mil" or "S/. 130": a sum.
func TestSpanishSoles(t *testing.T) {
	d := NewDoc("Juicio", "La Fiscalía pidió 12 años de prisión contra el excongresista. "+
		"También solicitó el pago de una multa de S/ 130 mil y la inhabilitación por 183 meses.")
	checkAnswer(t, d, "¿De cuánto es la multa solicitada?", "S/ 130 mil")
}

// A conditional or subjunctive auxiliary ("habría", "aurait") says no content:
// an article that never writes it is not said to never mention it.
func TestConditionalAuxiliariesNotContent(t *testing.T) {
	d := NewDoc("Juicio", "Los fiscales acusan al expresidente de narcotráfico. Hernández aceptó dinero de la droga.")
	if a := d.Answer("¿Quién habría pagado la fianza?"); slices.Contains(a.Missing, "habría") {
		t.Errorf("Answer(¿Quién habría pagado …?) = %q, missing %q: \"habría\" is an auxiliary", a.Text(), a.Missing)
	}
	d = NewDoc("Grève", "La caisse de grève a recueilli 555 000 euros. Les dons sont présentés chaque jour.")
	if a := d.Answer("Qui aurait géré la caisse ?"); slices.Contains(a.Missing, "aurait") {
		t.Errorf("Answer(Qui aurait géré …?) = %q, missing %q: \"aurait\" is an auxiliary", a.Text(), a.Missing)
	}
}

// Spanish writes a round million's sum with "de": "1,000,000 de dólares".
func TestSpanishSumWithDe(t *testing.T) {
	d := NewDoc("Juicio", "Los fiscales acusan al expresidente de narcotráfico. "+
		"En su campaña, Hernández habría aceptado 1,000,000 de dólares de Joaquín “El Chapo” Guzmán.")
	checkAnswer(t, d, "¿Cuánto dinero habría aceptado Hernández de El Chapo?", "1,000,000 de dólares")
}

// "¿Quién es el abogado de …?" asks who holds a post, as "Who is …'s lawyer?"
// does: an article that never names the post does not say.
func TestForeignPostAsked(t *testing.T) {
	d := NewDoc("Juicio", "La Corte Suprema continuará el juicio contra el excongresista Kenji Fujimori el 18 de mayo. "+
		"Ese día se realizará el debate entre los peritos Milton Hinojoza y Luis Loyola.")
	if a := d.Answer("¿Quién es el abogado de Kenji Fujimori?"); a.Answerable {
		t.Errorf("Answer(¿Quién es el abogado …?) = %q, want a decline: no lawyer is named", a.Text())
	}
	d = NewDoc("Juicio", "La Corte Suprema continuará el juicio contra Kenji Fujimori el 18 de mayo. "+
		"Su abogado, Miguel Pérez, pidió más tiempo.")
	if a := d.Answer("¿Quién es el abogado de Kenji Fujimori?"); !a.Answerable {
		t.Errorf("Answer(¿Quién es el abogado …?) = %q, want the sentence that names him", a.Text())
	}
}

// A sentence that counts what is asked ("tendrá tres periodos") is quoted
// with the list it goes on to ("El primero será …"), also when it is quoted
// as the answer to a question the article asks itself.
func TestSpanishListAfterCount(t *testing.T) {
	d := NewDoc("Calendario escolar", "El ministerio publicó el calendario escolar del próximo año. "+
		"Calendario 2025: ¿en qué fechas serán los feriados? "+
		"Según el calendario oficial del 2025, los alumnos tendrán dos periodos de feriados durante el año. "+
		"El primero será del 10 al 14 de junio; el segundo, del 2 al 13 de septiembre. "+
		"Las clases empiezan en marzo.")
	checkAnswer(t, d, "¿Cuándo serán los feriados escolares del 2025?", "10 al 14 de junio")
}

// An article that says what is asked is not settled yet ("aún no
// aprobado", "pas encore fixée", "noch nicht entschieden") says so in the
// reply, which declines.
func TestForeignNotSettledYet(t *testing.T) {
	d := NewDoc("Nuevo reglamento", "El nuevo reglamento del Concejo, aún no aprobado por la comisión, limita los discursos a diez minutos. "+
		"La oposición lo criticó el martes.")
	checkUnsettled(t, d, "¿Cuándo aprobará la comisión el reglamento?", "aún no aprobado")
	d = NewDoc("Le festival reporté", "Le festival de Bourges est reporté à cause des travaux. "+
		"La nouvelle date du festival de Bourges n'est pas encore fixée. "+
		"Les billets restent valables.")
	checkUnsettled(t, d, "Quand aura lieu le festival de Bourges ?", "pas encore fixée")
	d = NewDoc("Neues Stadion", "Über den Bau des neuen Stadions ist noch nicht entschieden, sagte der Bürgermeister. "+
		"Der Stadtrat tagt im Mai.")
	checkUnsettled(t, d, "Wann wird das neue Stadion gebaut?", "noch nicht entschieden")
}

// A Spanish verb finds its noun for the act ("coordinará" — "coordinación",
// "recuperado" — "recuperación"), which says what is asked where the
// question's other words are elsewhere.
func TestSpanishVerbNoun(t *testing.T) {
	d := NewDoc("Robo de vehículos", "El inspector general de la Policía garantizó la transparencia del proceso de investigación. "+
		"La Policía abrió otra investigación por el robo de un camión en Oruro. "+
		"El inspector anunció una coordinación con Carabineros de Chile. "+
		"El camión fue hallado dos días después.")
	checkAnswer(t, d, "¿Con quién coordinará la Policía la investigación?", "Carabineros de Chile")
}

// An age a description gives right after a sentence that names someone —
// "La guatemalteca de 24 años …" — answers how old they are, as "The
// 24-year-old Guatemalan …" does in English.
func TestSpanishAgeDescribed(t *testing.T) {
	d := NewDoc("Ciclista guatemalteca competirá", "La primera competencia de la temporada llegó para la ciclista Nicole Hacohen, quien representará a Guatemala en Glasgow. "+
		"Nicole está lista para entregar su máximo esfuerzo en el tercer evento de talla mundial. "+
		"La guatemalteca de 24 años viene de una larga preparación de casi 2 meses.")
	checkAnswer(t, d, "¿Qué edad tiene Nicole Hacohen?", "de 24 años")
}
