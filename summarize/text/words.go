package text

//go:generate go run ./internal/genlemmas -o lemmas.go
//go:generate go run ./internal/genrelated -o related.go

import (
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words returns the lower-case words of s: runs of letters and digits. A
// possessive 's is dropped ("Korea's" → "korea") and apostrophes inside a word are
// removed ("don't" → "dont").
func Words(s string) []string {
	var out []string
	EachWord(s, func(raw string) {
		if w := Normalize(raw); w != "" {
			out = append(out, w)
		}
	})
	return out
}

// WordCount returns how many words s holds, for length floors and budgets, in
// any script: a run of letters between spaces is a word, and in Chinese and
// Japanese, written without spaces, each character counts as one (a Han
// character, hiragana or katakana is roughly a word's worth of text, and
// counting them keeps an 80-word floor meaningful: a few sentences).
func WordCount(s string) int {
	n := 0
	EachWord(s, func(string) { n++ }) // EachWord gives each such character as a word
	return n
}

// EachWord calls fn with each word of s as written: a run of letters and digits,
// with apostrophes (straight or curly) that stand between letters, or a single
// Chinese character or kana (Unspaced: those scripts put no spaces between
// words, and a character is roughly a word's worth of text). Normalize
// turns it into the form Words returns. It allocates nothing itself.
func EachWord(s string, fn func(raw string)) {
	EachWordAt(s, func(raw string, _ int) { fn(raw) })
}

// Unspaced reports whether r is a letter of a script written without spaces
// between words: Chinese characters and Japanese kana.
func Unspaced(r rune) bool {
	// No Han character, hiragana or katakana comes before U+2E80: the
	// accented letters of other scripts skip the table lookups.
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// EachWordAt is EachWord that also tells where in s each word starts.
func EachWordAt(s string, fn func(raw string, at int)) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
				if start < 0 {
					start = i
				}
			case c == '\'' && start >= 0 && nextIsLetter(s, i+1):
				if elided(s[start:i]) {
					start = i + 1 // "l'inflation", "d'euros": the article elided before the word is no word
				}
			default:
				if start >= 0 {
					fn(s[start:i], start)
					start = -1
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case Unspaced(r):
			// Chinese and Japanese write no spaces between words: each
			// character is a word of its own, so that "谷歌在哪一年收购了
			// DeepMind？" finds "谷歌(微博) 在2014年收购的人工智能公司DeepMind".
			if start >= 0 {
				fn(s[start:i], start)
				start = -1
			}
			fn(s[i:i+size], i)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		case unicode.IsMark(r) && start >= 0:
			// A combining mark belongs to the letter before it: Devanagari's
			// vowel signs and viramas, decomposed accents.
		case r == '’' && start >= 0 && nextIsLetter(s, i+size):
			if elided(s[start:i]) {
				start = i + size
			}
		default:
			if start >= 0 {
				fn(s[start:i], start)
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		fn(s[start:], start)
	}
}

// elided reports whether the letters before an apostrophe are a French or
// Italian word elided before the next ("l'inflation", "d'euros", "qu'il",
// "dell'anno"): not "don't", "O'Brien" or "rock'n'roll".
func elided(w string) bool {
	if len(w) > 6 {
		return false
	}
	for _, e := range elisions {
		if strings.EqualFold(w, e) {
			return true
		}
	}
	return false
}

// CutElision returns a word written with an elided word before it ("d'États",
// "l’inflation") as the two: "d" and "États"; ok is false for any other word.
func CutElision(w string) (before, rest string, ok bool) {
	i := strings.IndexAny(w, "'’")
	if i <= 0 {
		return "", w, false
	}
	_, size := utf8.DecodeRuneInString(w[i:])
	if !elided(w[:i]) || !nextIsLetter(w, i+size) {
		return "", w, false
	}
	return w[:i], w[i+size:], true
}

// elisions are the French and Italian words written elided before a vowel.
var elisions = []string{"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
	"dell", "all", "nell", "sull", "dall", "un", "quest", "quell"}

// Normalize returns a word from EachWord as Words has it: lower case, without a
// possessive 's, without apostrophes. Lower-case ASCII words come back as they
// are, without allocating.
func Normalize(raw string) string {
	plain := true
	for i := 0; i < len(raw); i++ {
		if c := raw[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '\'' {
			plain = false
			break
		}
	}
	if plain {
		return raw
	}
	w := strings.ToLower(strings.ReplaceAll(raw, "’", "'"))
	w = strings.TrimSuffix(w, "'s")
	return foldAccents(strings.ReplaceAll(w, "'", ""))
}

// foldAccents drops the accents of Latin letters ("möngke" → "mongke", "café" →
// "cafe"), so that a question typed without them matches the article. Only
// combining marks on Latin letters go: other scripts keep theirs (Devanagari's
// vowel signs, Hangul, kana) since they are part of the letter, not an accent.
// The letters with a stroke, which Unicode does not decompose, fold as their
// accents would: "trafił" → "trafil", "København" → "kobenhavn".
func foldAccents(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	var prevLatin bool
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) && prevLatin {
			continue
		}
		r = unstroke(r)
		prevLatin = unicode.Is(unicode.Latin, r)
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// unstroke returns the letter a Latin letter with a stroke folds to ("ł" →
// "l"), and any other rune as it is: a switch, as every rune of a word with
// one outside ASCII passes here (all of a Chinese text's).
func unstroke(r rune) rune {
	switch r {
	case 'ł':
		return 'l'
	case 'Ł':
		return 'L'
	case 'ø':
		return 'o'
	case 'Ø':
		return 'O'
	case 'đ':
		return 'd'
	case 'Đ':
		return 'D'
	}
	return r
}

func nextIsLetter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// Terms returns the stemmed content words of s: Words without stopwords, each
// passed through Term. They are what summaries and answers compare.
func Terms(s string) []string {
	words := Words(s)
	out := words[:0]
	for _, w := range words {
		if !IsStopword(w) {
			out = append(out, Term(w))
		}
	}
	return out
}

// Term returns the form of a lower-case word that matching uses: the Porter stem
// of its base form, so that "made", "makes" and "making" all match "make".
func Term(w string) string {
	if base, ok := irregular[w]; ok {
		w = base
	}
	return Stem(w)
}

// Analyse returns what IsStopword and Term say of a lower-case word, looking it
// up once: a stopword comes back as it is.
func Analyse(w string) (term string, stop bool) {
	if k, ok := special[w]; ok {
		if k.stop {
			return w, true
		}
		w = k.base
	}
	return Stem(w), false
}

// special holds the words that are not simply stemmed: stopwords, and irregular
// forms with their base.
var special = func() map[string]specialWord {
	m := make(map[string]specialWord, len(stopwords)+len(irregular))
	for w, base := range irregular {
		m[w] = specialWord{base: base}
	}
	for w := range stopwords {
		m[w] = specialWord{stop: true}
	}
	return m
}()

type specialWord struct {
	stop bool
	base string // for an irregular form
}

// irregular maps inflected forms that stemming cannot join to their base form
// ("came" → "come", "died" → "die", "women" → "woman"), from WordNet (see
// lemmas.go and internal/genlemmas).
var irregular = func() map[string]string {
	m := make(map[string]string, 4096)
	for line := range strings.SplitSeq(lemmaForms, "\n") {
		if form, base, ok := strings.Cut(line, " "); ok {
			m[form] = base
		}
	}
	return m
}()

// TermsVersion names what Term does: it changes when the word forms, the
// stopwords or termsRevision (bumped by hand when the stemmer or Normalize
// change) do, so that a search index built under other terms is rebuilt.
var TermsVersion = func() string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d\n%s\n", termsRevision, lemmaForms)
	for _, w := range slices.Sorted(maps.Keys(stopwords)) {
		fmt.Fprintln(h, w)
	}
	return fmt.Sprintf("terms-%d-%016x", termsRevision, h.Sum64())
}()

// termsRevision counts changes to Stem and Normalize that alter terms.
const termsRevision = 2

// RougeTokens splits s the way ROUGE does: lower case, every run of characters
// outside a–z and 0–9 is a separator, and, with stem, words longer than three
// letters are Porter-stemmed.
func RougeTokens(s string, stem bool) []string {
	s = strings.ToLower(s)
	toks := strings.FieldsFunc(s, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	})
	if stem {
		for i, t := range toks {
			if len(t) > 3 {
				toks[i] = porter(t) // digits too: "1990s" → "1990", as ROUGE does
			}
		}
	}
	return toks
}

// Termer is Terms with a memory of the words it has stemmed, for code that
// splits a great deal of text (the archive's search index). It is safe for
// concurrent use, and several texts are split at once: the memory is read
// under a shared lock, and only the words it lacks are stemmed and added
// under the exclusive one. The memory is bounded.
type Termer struct {
	mu    sync.RWMutex
	terms map[string]string // lower-case word → term, "" for a stopword
	max   int
}

// NewTermer returns a Termer that remembers up to max words.
func NewTermer(max int) *Termer {
	return &Termer{terms: make(map[string]string), max: max}
}

// Terms returns the same as the package's Terms.
func (t *Termer) Terms(s string) []string {
	out := make([]string, 0, len(s)/6) // about a term for every six bytes of news
	var missed []int                   // places in out of the words not remembered
	var missing []string               // and the words
	t.mu.RLock()
	EachWord(s, func(raw string) {
		term, ok := t.terms[raw]
		switch {
		case !ok:
			missed = append(missed, len(out))
			missing = append(missing, raw)
			out = append(out, "")
		case term != "":
			out = append(out, term)
		}
	})
	t.mu.RUnlock()
	if len(missing) == 0 {
		return out
	}
	terms := make([]string, len(missing))
	for i, raw := range missing {
		if w := Normalize(raw); !IsStopword(w) {
			terms[i] = Term(w)
		}
		out[missed[i]] = terms[i]
	}
	t.mu.Lock()
	for i, raw := range missing {
		if len(t.terms) >= t.max {
			clear(t.terms) // a rare reset keeps the memory bounded
		}
		t.terms[strings.Clone(raw)] = terms[i]
	}
	t.mu.Unlock()
	return slices.DeleteFunc(out, func(term string) bool { return term == "" }) // stopwords
}

// Related returns the terms of words close in meaning to a term's word — its
// derived forms and its commonest synonyms, from WordNet ("found" → "founder",
// "shut" → "close"; see related.go), and the words news uses for one another
// where WordNet does not relate them (newsWords) — so that a question need
// not use the article's own word. It returns nil for a term with none.
func Related(term string) []string {
	relatedOnce.Do(func() {
		related = make(map[string][]string, 8192)
		for line := range strings.SplitSeq(relatedWords+"\n"+newsWords, "\n") {
			words := strings.Fields(line)
			if len(words) < 2 {
				continue
			}
			key := Stem(words[0])
			for _, w := range words[1:] {
				if t := Stem(w); t != key && !slices.Contains(related[key], t) {
					related[key] = append(related[key], t)
				}
			}
		}
	})
	return related[term]
}

// newsWords holds words news uses for one another where WordNet does not
// relate them. For verbs that "who" questions ask with, the nouns news calls
// whoever does it by ("Who runs BMW?" — "BMW chief Helmut Panke"; "Who chairs
// …?" — "chairman"; "Who wrote …?" — "the work's author"; "Who plays …?" —
// "lead actress"), and for "director" and "coach", which news says "boss"
// for ("charity boss Gordon Lishman", "Tigers boss John Wells"). And the result of a contest, which news tells from
// either side and in any of its words: "Who did Roddick beat?" — "Roddick's
// 6-3 6-2 win over Lee", "Lee's defeat by Roddick". And forms WordNet derives
// only from a rare sense, or not at all, in which news gives what a question
// asks: "losses" for "lose", "dead" for "died", "birthplace" for "born",
// "endangered" for "danger", "funds" for "money", "lawsuit" for "sue",
// "suicide" for "die", "arrival" for "join" (a club or a firm), "goal",
// "equalised", "header" for "scored" (not "strike", a walk-out), "approved"
// for "signed" (a law), "available" for "launch", and the other side of
// "presented": "receiving her Oscar from …", and "unveil" a budget or plan;
// a "takeover" or "bid" for "buy", a "charge" for "accused", an "exit" for
// "knocked out", "opens" for a film's release, "debts" for "owe", "demand"
// for "seek", "steer (clear)" for "avoid", "favourite" for "odds", "sales"
// for "sold", "demonstrate" for "protest", "contest" or "challenge" for
// "appeal", "call (for)", "demand" or "urge" for "want", "quit" for
// "resign", "revenues" for "sales" (and the other way), "shortfall" for
// "deficit", a pension "scheme" for a "plan", "unemployment" or "jobless"
// for "unemployed", a "fault" or "problem" for what is "wrong", "the paper"
// or "a daily" for a "newspaper", a team sheet's "(capt)" for its "captain",
// "fell", "contracted", "declined" or "dropped" for "shrink", "valued" or
// "worth" for what something will "fetch", a deal "sealed" or "finalised"
// for one "completed", what officers "uncovered" or "confiscated" for what
// they "seized", "enquiries" or "queries" for "searches", growth that
// "slipped" or "eased" for growth that "slowed", someone's "fortune" or
// "wealth" for what they are "worth", a rugby kicker's "conversion" for what
// he "kicked", who "plays" in a show for who "stars" in it, what is "free"
// or what is "charged" for what something "costs", a "lead" for how far
// ahead someone is, what is "scheduled" for what is "due", what is "likely"
// for what is "expected", who "funds" something for who "pays" for it, the
// "level" at which a tax starts for its "threshold", the "chief", "head" or
// "leader" of a body for its "president", a "game", "fixture" or
// "friendly" for a "match", a "bar", "inn" or "tavern" for a "pub", what
// "belongs" to someone for what they "own", what "concluded" for what
// "ended", a "workforce" or "employees" for "staff", the "pieces" or "parts"
// of a thing for its "sections", a "ban" for a player "suspended", a profit
// "reported", "posted" or "returned" for one "announced", and what is
// "handed back" or "sent back" for what is "returned", and someone's
// (military) "service", or a "veteran", for where they "served", and a
// "professor", "lecturer" or "tutor" somewhere for where they "teach", and
// whom someone "succeeds" or "replaces" for their "predecessor".
// One way only: a question's word finds the article's.
const newsWords = `run chief boss head
head chief boss leader chairman
chair chairman chairwoman chairperson
lead chief head captain
write author
make developer manufacturer producer
coach trainer boss
manage boss
captain skipper capt
director boss chief head
play actor actress star role
beat defeat victory win overcome
win beat defeat victory
defeat beat victory win
lose defeat beat loss
die dead suicide
bear birthplace
danger endanger
money fund cash
sue lawsuit
join arrival arrive
score goal equalise net header
sign approve
launch available
present presenter host receive unveil
buy takeover bid acquire acquisition
sell sale
accuse charge allege
knock exit eliminate
release open premiere
owe debt
seek demand claim
avoid steer
odds favourite
protest demonstrate demonstration
appeal contest challenge
want call demand urge
resign quit
sale revenue turnover
revenue sale turnover
deficit shortfall
plan scheme
unemployed unemployment jobless
newspaper paper daily
wrong fault faulty problem defect defective flaw
shrink fall contract decline drop
fetch value worth
complete seal finalise finalize
seize confiscate uncover
search enquiry query
slow slip slowdown ease
worth fortune wealth
kick convert conversion
star play
cost free charge price
ahead lead
due schedule
expect likely
pay fund
threshold level
president chief head leader
match game fixture friendly
pub bar inn tavern
own belong
end conclude
staff workforce employee worker
section piece part
suspend ban suspension
announce report post return
return back
serve service veteran
teach professor lecturer tutor
predecessor succeed replace successor`

var (
	relatedOnce sync.Once
	related     map[string][]string
)
