package summarize

import "testing"

// readingCase is a question and how foreignQuestion should read it: its English
// form, the language it is in ("" for a question in English or a language not
// read, which foreignQuestion leaves alone) and whether it asks for a sum.
type readingCase struct {
	q, english, lang string
	money            bool
}

func checkReadings(t *testing.T, tests []readingCase) {
	t.Helper()
	for _, tt := range tests {
		english, r, money, ok := foreignQuestion(tt.q)
		lang := ""
		if r != nil {
			lang = r.lang
		}
		if ok != (tt.lang != "") || english != tt.english || lang != tt.lang || money != tt.money {
			t.Errorf("foreignQuestion(%q) = %q, %q, %v; want %q, %q, %v", tt.q, english, lang, money, tt.english, tt.lang, tt.money)
		}
	}
}
