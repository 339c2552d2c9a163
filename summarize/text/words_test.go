package text

import (
	"slices"
	"testing"
)

// Examples from Porter (1980), "An algorithm for suffix stripping".
func TestStem(t *testing.T) {
	tests := map[string]string{
		"caresses": "caress", "ponies": "poni", "ties": "ti", "cats": "cat", "feed": "feed",
		"agreed": "agre", "plastered": "plaster", "bled": "bled", "motoring": "motor",
		"sing": "sing", "conflated": "conflat", "troubled": "troubl", "sized": "size",
		"hopping": "hop", "tanned": "tan", "falling": "fall", "hissing": "hiss", "fizzed": "fizz",
		"failing": "fail", "filing": "file", "happy": "happi", "sky": "sky",
		"relational": "relat", "conditional": "condit", "rational": "ration",
		"valenci": "valenc", "digitizer": "digit", "conformabli": "conform",
		"radicalli": "radic", "differentli": "differ", "vileli": "vile",
		"analogousli": "analog", "vietnamization": "vietnam", "predication": "predic",
		"operator": "oper", "feudalism": "feudal", "decisiveness": "decis",
		"hopefulness": "hope", "callousness": "callous", "formaliti": "formal",
		"sensitiviti": "sensit", "sensibiliti": "sensibl", "triplicate": "triplic",
		"formative": "form", "formalize": "formal", "electriciti": "electr",
		"electrical": "electr", "hopeful": "hope", "goodness": "good", "revival": "reviv",
		"allowance": "allow", "inference": "infer", "airliner": "airlin",
		"gyroscopic": "gyroscop", "adjustable": "adjust", "defensible": "defens",
		"irritant": "irrit", "replacement": "replac", "adjustment": "adjust",
		"dependent": "depend", "adoption": "adopt", "homologou": "homolog",
		"communism": "commun", "activate": "activ", "angulariti": "angular",
		"homologous": "homolog", "effective": "effect", "bowdlerize": "bowdler",
		"probate": "probat", "rate": "rate", "cease": "ceas", "controll": "control",
		"roll": "roll", "generalizations": "gener", "oscillators": "oscil",
		"the": "the", "it's": "it's", "90": "90",
	}
	for in, want := range tests {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordsAndTerms(t *testing.T) {
	tests := []struct {
		in           string
		words, terms []string
	}{
		{"North Korea's missiles, made in Japan!", []string{"north", "korea", "missiles", "made", "in", "japan"}, []string{"north", "korea", "missil", "make", "japan"}},
		{"Don't stop—it’s 3.5%", []string{"dont", "stop", "it", "3", "5"}, []string{"stop", "3", "5"}},
		// "won" is a word, not what is left of "won't" ("wont", a stopword).
		{"Spain won; they won't lose", []string{"spain", "won", "they", "wont", "lose"}, []string{"spain", "win", "lose"}},
		{"Zürich’s café", []string{"zurich", "cafe"}, []string{"zurich", "cafe"}}, // accents folded
		{"Möngke and Mongke, São Paulo", []string{"mongke", "and", "mongke", "sao", "paulo"}, []string{"mongk", "mongk", "sao", "paulo"}},
		{"Trafił do Łodzi, København", []string{"trafil", "do", "lodzi", "kobenhavn"}, []string{"trafil", "lodzi", "kobenhavn"}}, // strokes folded as accents are
		{"नमस्ते दुनिया", []string{"नमस्ते", "दुनिया"}, []string{"नमस्ते", "दुनिया"}},                                            // marks of other scripts kept
		// Porter's -eed rule stems "succeed" and "succeeded" apart; the
		// lemma list joins them.
		{"succeed succeeded succeeding exceeded", []string{"succeed", "succeeded", "succeeding", "exceeded"}, []string{"succe", "succe", "succe", "exce"}},
		// So does its undoubling of the consonant -ed leaves: "added" →
		// "ad", "add" → "add".
		{"add added adding boycotted", []string{"add", "added", "adding", "boycotted"}, []string{"add", "add", "add", "boycott"}},
		// And Stem leaves three letters alone ("pay", but "pays" →
		// "pai") and takes the s of "focus" but not of "focused".
		{"pay pays paying tries days", []string{"pay", "pays", "paying", "tries", "days"}, []string{"pay", "pay", "pay", "try", "day"}},
		{"focus focused viruses skied", []string{"focus", "focused", "viruses", "skied"}, []string{"focu", "focu", "viru", "ski"}},
		// A French or Italian word elided before the next is no part of
		// it: "d'inflation" and "l'inflation" are "inflation".
		{"le taux d'inflation, l’État, qu'il, dell'anno, O'Brien", []string{"le", "taux", "inflation", "etat", "il", "anno", "obrien"}, []string{"le", "taux", "inflat", "etat", "il", "anno", "obrien"}},
		{"", nil, nil},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !slices.Equal(got, tt.words) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.words)
		}
		if got := Terms(tt.in); !slices.Equal(got, tt.terms) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.terms)
		}
	}
}

func TestRougeTokens(t *testing.T) {
	got := RougeTokens("$10.9bn.For the Tallest buildings", true)
	want := []string{"10", "9bn", "for", "the", "tallest", "build"}
	if !slices.Equal(got, want) {
		t.Errorf("RougeTokens = %q, want %q", got, want)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr error
	}{
		{"utf-8", []byte("café “quoted”"), "café “quoted”", nil},
		{"byte-order mark", []byte("\xef\xbb\xbfhello"), "hello", nil},
		{"latin-1", []byte("caf\xe9"), "café", nil},
		{"windows-1252 quotes", []byte("\x93hi\x94"), "“hi”", nil},
		{"NUL byte", []byte("text\x00more"), "", ErrBinary},
		{"control characters", []byte("\x01\x02\x03\x04 ab"), "", ErrBinary},
	}
	for _, tt := range tests {
		got, err := Decode(tt.in)
		if got != tt.want || err != tt.wantErr {
			t.Errorf("%s: Decode(%q) = %q, %v; want %q, %v", tt.name, tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestRougeTokensDigits(t *testing.T) {
	got := RougeTokens("the 1990s and 2000s, 10th", true)
	want := []string{"the", "1990", "and", "2000", "10th"}
	if !slices.Equal(got, want) {
		t.Errorf("RougeTokens = %q, want %q", got, want)
	}
}

func TestTermer(t *testing.T) {
	tm := NewTermer(3)
	for _, s := range []string{"North Korea's missiles, made in Japan!", "Don't stop—it’s 3.5%", "the missiles and the missile"} {
		for range 2 { // the second time from memory
			if got, want := tm.Terms(s), Terms(s); !slices.Equal(got, want) {
				t.Errorf("Termer.Terms(%q) = %q, want %q", s, got, want)
			}
		}
	}
	if len(tm.terms) > 3 {
		t.Errorf("Termer remembers %d words, want at most 3", len(tm.terms))
	}
}

func TestAnalyseAgreesWithTermAndIsStopword(t *testing.T) {
	for _, w := range []string{"the", "said", "made", "makes", "running", "went", "korea", "90", "café", "didn"} {
		term, stop := Analyse(w)
		if stop != IsStopword(w) || !stop && term != Term(w) || stop && term != w {
			t.Errorf("Analyse(%q) = %q, %v; IsStopword %v, Term %q", w, term, stop, IsStopword(w), Term(w))
		}
	}
}

func TestWordCount(t *testing.T) {
	for in, want := range map[string]int{
		"The harbour reopened on Friday.": 5,
		"公司利润增长了。":                        7,
		"今日は晴れです。":                        7,
		"Apple发布了新iPhone":                 6, // Apple, 发 布 了 新, iPhone
		"서울은 오늘 맑습니다":                     3, // Korean has spaces
		"":                                0,
	} {
		if got := WordCount(in); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", in, got, want)
		}
	}
}

// Chinese and Japanese are written without spaces: EachWord gives each
// character as a word, and the Latin words and figures between them whole.
func TestEachWordUnspaced(t *testing.T) {
	var got []string
	EachWord("谷歌在2014年收购了DeepMind。今日は晴れ", func(w string) { got = append(got, w) })
	want := []string{"谷", "歌", "在", "2014", "年", "收", "购", "了", "DeepMind", "今", "日", "は", "晴", "れ"}
	if !slices.Equal(got, want) {
		t.Errorf("EachWord = %q, want %q", got, want)
	}
}

func TestRelated(t *testing.T) {
	for _, tc := range []struct{ word, related string }{
		{"founded", "founder"}, {"shut", "closed"}, {"injury", "injured"}, {"writes", "writer"},
		{"lose", "losses"}, {"died", "dead"}, {"born", "birthplace"}, {"danger", "endangered"}, {"money", "funds"}, {"sued", "lawsuit"},
		{"die", "suicide"}, {"joined", "arrival"}, {"scored", "goal"}, {"scored", "equalised"},
		{"signed", "approved"}, {"launch", "available"}, {"presented", "receiving"},
		{"buy", "takeover"}, {"buy", "bid"}, {"accused", "charge"}, {"knocked", "exit"}, {"released", "opens"},
		{"owe", "debts"}, {"seek", "demand"}, {"avoid", "steer"}, {"odds", "favourite"}, {"coach", "boss"}, {"sold", "sales"}, {"protesters", "demonstrate"},
	} {
		if !slices.Contains(Related(Term(tc.word)), Term(tc.related)) {
			t.Errorf("Related(%q) = %v, want it to hold %q", Term(tc.word), Related(Term(tc.word)), Term(tc.related))
		}
	}
	for _, w := range []string{"cat", "river", "founded"} {
		if slices.Contains(Related(Term(w)), Term(w)) {
			t.Errorf("Related(%q) holds the term itself", w)
		}
	}
	if got := Related("zzzz"); got != nil {
		t.Errorf("Related(zzzz) = %v, want nil", got)
	}
}
