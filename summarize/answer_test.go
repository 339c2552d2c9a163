package summarize

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"newsbot/summarize/text"
)

// A question that the best sentence answers with a surname alone is answered
// with the sentence that names the person in full as well.
func TestAnswerFullName(t *testing.T) {
	d := NewDocFromSentences("", []string{
		"A bank manager who stole from his elderly customers must pay the money back.",
		"Glenn Mason, 56, took money from the accounts of nine pensioners near his branch.",
		"The court heard that the losses came to more than £185,000.",
		"Mason, who was jailed for 15 months in November, will pay it back from his pension.",
	})
	for _, q := range []string{"____ was jailed for 15 months in November.", "Who was jailed for 15 months?"} {
		if got := d.Rank(q, 3); len(got) < 2 || got[0] != 1 || got[1] != 3 {
			t.Errorf("Rank(%q) = %v, want the full name (1) first, then the match (3)", q, got)
		}
		a := d.Answer(q)
		if !a.Answerable || !strings.Contains(a.Text(), "Glenn Mason") || !strings.Contains(a.Text(), "jailed") {
			t.Errorf("Answer(%q) = %q, want both the full name and the match", q, a.Text())
		}
	}
	// A title is not a first name: "Mr Mason" alone still points to the full name.
	d.Sentences[3] = "Mr Mason, who was jailed for 15 months in November, will pay it back."
	d = NewDocFromSentences("", d.Sentences)
	if got := d.Rank("____ was jailed for 15 months in November.", 1); !slices.Equal(got, []int{1}) {
		t.Errorf("with a title: Rank = %v, want [1]", got)
	}
}

// A surname that two people of the article share does not say which of them
// is meant, so no full name is put first; a possessive ends a name.
func TestAnswerFullNameAmbiguous(t *testing.T) {
	sentences := []string{
		"Sasha Obama was seen on a hike with her family in Virginia on Sunday.",
		"The White House had sent reporters home for the day.",
		"Obama abruptly left the White House on Sunday evening.",
		"Reporters later saw Barack Obama step out of his car at the park.",
	}
	q := "____ abruptly left the White House on Sunday evening."
	if got := NewDocFromSentences("", sentences).Rank(q, 1); !slices.Equal(got, []int{2}) {
		t.Errorf("Rank = %v, want the match (2) first: Sasha and Barack Obama are two people", got)
	}
	sentences[3] = "Reporters later saw Obama's Secret Service detail step out at the park."
	if got := NewDocFromSentences("", sentences).Rank(q, 1); !slices.Equal(got, []int{0}) {
		t.Errorf("Rank = %v, want the one full name (0) first: \"Obama's Secret Service\" is no name of his", got)
	}
}

// A word that opens a sentence as a preposition is no part of the name after
// it: "Since Russia's war" gives no longer name for the "Russia" of "A Just
// Russia".
func TestAnswerNoNameFromAnOpener(t *testing.T) {
	d := NewDoc("", "Pro-Kremlin party A Just Russia put forward both bills, and linked them to the situation in Ukraine. "+
		"Separatist feelings are strong in Crimea. "+
		"Since Russia's war with Georgia in 2008, the breakaway territories have come under Moscow's control. "+
		"The other bill would speed up the issuing of passports.")
	if got := d.Rank("Which party put forward the bills?", 1); !slices.Equal(got, []int{0}) {
		t.Errorf("Rank = %v, want the sentence that names the party (0) first", got)
	}
}

// Runners-up that repeat the names already shown give way to one nearly as
// good that brings a new name.
func TestRankDiversifies(t *testing.T) {
	d := NewDocFromSentences("", []string{
		"Chelsea played Arsenal in the cup final at Wembley.",
		"Chelsea played better in the cup final at Wembley, Arsenal fans agreed.",
		"Chelsea and Arsenal played in a cup final at Wembley again.",
		"A final was played last year by a weaker side, Tottenham.",
		"The weather was fine.",
	})
	got := d.Rank("____ played in the cup final at Wembley.", 3)
	if !slices.Contains(got, 3) {
		t.Errorf("Rank = %v, want the sentence with a new name (3) among the first three", got)
	}
}

// A runner-up that nearly repeats the sentence above it (as a caption repeats
// the lede) and brings no new possible answer gives way to the next sentence
// that does not repeat, however much lower it scores.
func TestRankSkipsRepeats(t *testing.T) {
	d := NewDocFromSentences("", []string{
		"A local man was charged with assault after the fight outside the bar on the high street.",
		"Local man charged with assault after the fight outside the bar on the high street.",
		"The fight started inside the bar shortly before closing time.",
		"Two other men were hurt in the fight and treated in hospital.",
		"Officers were called to the street after midnight.",
	})
	got := d.Rank("____ was charged with assault after the fight outside the bar.", 3)
	if len(got) != 3 || got[0] != 0 || slices.Contains(got, 1) {
		t.Errorf("Rank = %v, want the lede (0) first and its repeat (1) not among the first three", got)
	}
}

func TestNumberContext(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"Experts expect up to ____ of staff to call in sick.", true},
		{"The fund paid £____ to the victims.", true},
		{"Prices rose by ____ per cent last year.", true},
		{"Fans stayed away from ____ on Saturday.", false},
		{"The club signed ____ from Ajax.", false},
	} {
		if q := parseQuery(tt.q); q.wantsNumber != tt.want || q.wantsName == tt.want {
			t.Errorf("parseQuery(%q) wants number %v, name %v; want number %v", tt.q, q.wantsNumber, q.wantsName, tt.want)
		}
	}
}

// Articles come from the web and questions from anyone on a server: whatever
// they hold, answering and summarizing return sentences of the article, and an
// article prepared with a Vocabulary is answered as one prepared from scratch.
func FuzzAnswer(f *testing.F) {
	f.Add("Title", "Glenn Mason, 56, was jailed. Mason, who was jailed for 15 months, will pay.", "____ was jailed for 15 months.")
	f.Add("", "Mr Hardy, 89, studied English. Robert Hardy is an actor.", "Who studied English?")
	f.Add("A", "x", "____")
	f.Add("", "", "How many?")
	f.Add("Up to", "Up to 25 per cent of staff. Up to 20 per cent.", "up to ____ of staff")
	f.Add("", "Rain fell on the city. The", "Where did rain fall?") // a sentence that is only "The"
	f.Add("", "La deuda aumentó en 884,3 millones de dólares hace seis años.", "¿Cuánto aumentó la deuda?")
	f.Add("", "Le vote a eu lieu mardi 5 mai. Il coûte 40 millions d'euros.", "Combien d'États a-t-il ?")
	f.Add("", "Die 32 Jahre alte Claudia Brandes (54) wird Bürgermeisterin.", "Wie alt ist Claudia Brandes?")
	v := NewVocabulary(1000)
	f.Fuzz(func(t *testing.T, title, body, question string) {
		d := NewDoc(title, body)
		a := d.Answer(question)
		for _, e := range a.Evidence {
			if !slices.Contains(d.Sentences, e) {
				t.Errorf("Answer(%q) evidence %q is not a sentence of the article", question, e)
			}
		}
		ranked := d.Rank(question, 3)
		seen := map[int]bool{}
		for _, i := range ranked {
			if i < 0 || i >= len(d.Sentences) || seen[i] {
				t.Errorf("Rank(%q) = %v: out of range or repeated", question, ranked)
			}
			seen[i] = true
		}
		for _, s := range d.Summary(Medium.Words()) {
			if !slices.Contains(d.Sentences, s) {
				t.Errorf("Summary has %q, not a sentence of the article", s)
			}
		}
		w := v.NewDoc(title, body)
		if got := w.Rank(question, 3); !slices.Equal(got, ranked) {
			t.Errorf("Rank(%q) with a Vocabulary = %v, from scratch %v", question, got, ranked)
		}
		if got, want := w.Summary(Medium.Words()), d.Summary(Medium.Words()); !slices.Equal(got, want) {
			t.Errorf("Summary with a Vocabulary = %q, from scratch %q", got, want)
		}
	})
}

// TestAnswerVerbForms answers questions whose verb the article uses in
// another form that stemming alone does not join (died/die, sued/sue), and
// names whose accents the question leaves out.
func TestAnswerVerbForms(t *testing.T) {
	d := NewDoc("The Mongol court", "The empire grew under his rule. The king died in 1259 during a siege in China. "+
		"His brother was sued by the merchants of the city. Möngke Khan ruled from Karakorum. "+
		"His successor, Arik Boke, held the capital for a year. "+
		"In the west Hulagu, who had led the army since 1255 and fought in the siege, took over from Kitbuqa. "+
		"In addition, the khan counted 90,000 men in the east. Hulagu added 20,000 men to the army in 1258.")
	for q, want := range map[string]string{
		"When did the king die?":           "1259",
		"Who did the merchants sue?":       "brother",
		"Where did Mongke Khan rule from?": "Karakorum",
		"Who succeeded the king?":          "Arik Boke",
		"Who did Hulagu replace?":          "Kitbuqa", // "took over from"
		"How many men did Hulagu add?":     "20,000",  // "added"
	} {
		a := d.Answer(q)
		if !a.Answerable || !strings.Contains(strings.Join(a.Evidence, " "), want) {
			t.Errorf("Answer(%q) = %+v; want evidence with %q", q, a, want)
		}
	}
	// Who stands in for someone replaces them, for now: "has been put in
	// temporary charge".
	club := NewDoc("Hale quits", "Rovers manager Tom Hale has resigned for personal reasons. "+
		"\"I wish the club and the fans all the best,\" Hale said. "+
		"Assistant coach Sam Pike has been put in temporary charge for Saturday's game against Town.")
	checkAnswer(t, club, "Who will replace Hale?", "Sam Pike")
	// Or whose place went to someone: "his place went to Chris Wood".
	cup := NewDoc("Westwood out", "Westwood carded seven birdies in his 66 on the first day in Dubai. "+
		"He found out this week he would not compete at the World Cup in Melbourne. "+
		"Westwood's partner Danny Willett pulled out because of a back problem, and his place went to Chris Wood.")
	checkAnswer(t, cup, "Who replaced Willett at the World Cup?", "Chris Wood")
	// Not someone put in charge of something new.
	label := NewDoc("Rapper runs label", "Rap star Kid Nova is to become a record company executive after being put in charge of the label Big Beat. "+
		"Nova will become the company's president from January.")
	checkAnswer(t, label, "Who did Kid Nova replace?", "")
}

// TestQuestionForms reads what kind of answer a question wants from its form,
// and keeps the form's words out of its terms.
func TestQuestionForms(t *testing.T) {
	for q, want := range map[string][3]bool{ // number, name, date
		"How many people died?":                         {true, false, false},
		"How long did the siege last?":                  {true, false, false},
		"What age was she?":                             {true, false, false},
		"How far is the harbour?":                       {true, false, false},
		"What day did the ferry return?":                {false, false, true},
		"Which year was it built?":                      {false, false, true},
		"Where did the ship sink?":                      {false, true, false},
		"Which country sent the trucks?":                {false, true, false},
		"Why did the council meet?":                     {false, false, false},
		"What was the average house price in December?": {true, false, false},
		"What was the score in the final?":              {true, false, false},
		"What is the unemployment rate?":                {true, false, false},
		"What is Sarah Claxton's best time?":            {true, false, false},
		"Which film came third?":                        {false, true, false},
		"What is the Fed's report called?":              {false, true, false},
		"What was the nanny's name?":                    {false, true, false},
		"What shut down the refinery?":                  {false, false, false},
		"Which of the plans was dropped?":               {false, false, false},
	} {
		number, name, date := questionType(q)
		if [3]bool{number, name, date} != want {
			t.Errorf("questionType(%q) = number %v name %v date %v, want %v", q, number, name, date, want)
		}
	}
	if qu := parseQuery("How many people died in the storm?"); slices.Contains(qu.terms, text.Term("many")) {
		t.Errorf("terms of a how-many question = %v, want no “many”", qu.terms)
	}
	d := NewDoc("Storm", "The storm hit the coast on Monday. Eleven people died when the harbour wall broke. Repairs began in spring.")
	if a := d.Answer("How many people died in the storm?"); !a.Answerable || !strings.Contains(strings.Join(a.Evidence, " "), "Eleven people died") {
		t.Errorf("Answer(how many died) = %+v", a)
	}
}

// TestDeclineSignals: a question that wants a number is not answered by a
// sentence about its subject that gives none, and one that names something
// the article never mentions is declined, saying which name (or year); a number close
// behind the best sentence is shown instead of declining.
func TestDeclineSignals(t *testing.T) {
	d := NewDoc("Bridge opens", "The new bridge over the river opened on Monday after two years of work. "+
		"The bridge was designed by a local firm. It cost four million pounds. "+
		"Engineers from the firm will receive a fee for the design. Traffic in the town fell by a third.")
	for _, tc := range []struct {
		q, want string // want "" to decline
	}{
		{"How much is the engineers' fee?", ""},
		{"How much did the bridge cost?", "four million"},
		{"When did the bridge open?", "Monday"},
		{"When will the bridge in Glasgow open?", ""},
		{"Who designed the bridge?", "local firm"},
	} {
		checkAnswer(t, d, tc.q, tc.want)
	}
	// "How many" prefers the sentence that counts what is asked about.
	h := NewDoc("Port news", "The harbour runs a café and an office with 12 staff. "+
		"The boats leave from the west quay. It has four ferries.")
	if got := h.Answer("How many ferries does the harbour run?").Text(); !strings.Contains(got, "four ferries") {
		t.Errorf("how many ferries: %q, want the sentence with “four ferries”", got)
	}
	if got := d.Answer("When will the bridge in Glasgow open?").Text(); !strings.Contains(got, "“Glasgow”") {
		t.Errorf("decline = %q, want it to name “Glasgow”", got)
	}
	// So does a year the article never mentions: it asks about another.
	s := NewDoc("Search records", "The library's website was searched a record amount in 2004. "+
		"More than two million searches were made, most of them for novels. "+
		"The busiest day was in December.")
	checkAnswer(t, s, "How many searches were made in 2004?", "two million searches")
	checkAnswer(t, s, "How many searches were made in 2003?", "")
	if got := s.Answer("How many searches were made in 2003?").Text(); !strings.Contains(got, "“2003”") {
		t.Errorf("decline = %q, want it to name “2003”", got)
	}
}

// A question may use another form of the article's word, and a question whose
// predicate the article never uses in any form is declined.
func TestRelatedWordsAndPredicates(t *testing.T) {
	d := NewDoc("Mill sold", "The old mill by the river has been sold to a housing company. "+
		"Its founder, Agnes Marsh, started the business in 1921 with two looms. "+
		"The shop on the ground floor will be shut for the summer while builders work. "+
		"Members of the local history society said they were sad to see it go. "+
		"The 68-year-old owner, who inherited the mill, plans to retire to Spain.")
	for _, tc := range []struct {
		q, want string // want "" to decline
	}{
		{"Who founded the mill business?", "Agnes Marsh"},     // founder
		{"Which shop will be closed for the summer?", "shut"}, // shut
		{"Who directed the mill?", ""},                        // never says
		{"How much do the builders earn?", ""},
		{"Who coaches the owner?", ""},
	} {
		checkAnswer(t, d, tc.q, tc.want)
	}
	if got := d.Answer("Who directed the mill?").Text(); !strings.Contains(got, "“directed”") {
		t.Errorf("decline = %q, want it to name “directed”", got)
	}
	// A capitalized word the article gives in another form is no missing name.
	tv := NewDoc("Licence fee", "The television licence fee will rise to £131.50 in April, the government said. "+
		"Ministers said the rise was in line with inflation.")
	checkAnswer(t, tv, "How much will the TV licence fee rise to?", "£131.50")
	checkAnswer(t, tv, "How much will the BBC licence fee rise to?", "")
}

// News says what a question asks in words WordNet does not join to the
// question's: "losses" for "lose", "dead" for "died", "funds" for "money",
// "endangered" for "danger", "birthplace" for "born", "lawsuit" for "sue",
// "suicide" for "die", "arrival" for "join", "goal" for "score", "charge"
// for "accused", "exit" for "knocked out", "opens" for "released", "debts"
// for "owe", "contest" for "appeal", "unveiling" for "presented", "called
// for" for "want", "quit" for "resign", "revenues" for "sales", "scheme"
// for "plan", "faulty" for "wrong", "daily" for "newspaper", "fell" for
// "shrink", "valued" for "fetch", "seal" for "complete", "uncovered" for
// "seized", "enquiries" for "searches", "slipping" for "slowed", "fortune"
// for "worth", "conversion" for "kicked", "playing" for "stars", "free" for
// "cost", "lead" for "ahead". Such an
// article answers; it does not "never mention" the word.
func TestNewsWordsForOneAnother(t *testing.T) {
	d := NewDoc("Carmaker's year", "The carmaker's fourth-quarter losses in Europe totalled $345m, up from $66m a year before. "+
		"Its revenues rose 4.7% to $51.2bn. "+
		"The flood has left at least 2,000 people dead along the coast, the agency said. "+
		"A charity match will be played in March to raise funds for the flood appeal. "+
		"The town of Kelso, the birthplace in 1723 of the engineer Thomas Reid, held a memorial. "+
		"The river's salmon are an endangered species, according to a report by the fisheries board. "+
		"A lawsuit brought by the fishermen's union over the dam was settled last year.")
	for _, tc := range []struct{ q, want string }{
		{"How much did the carmaker lose?", "$345m"},
		{"How many died in the flood?", "2,000"},
		{"What is the money for?", "flood appeal"},
		{"When was Reid born?", "1723"},
		{"Who says the salmon are in danger?", "fisheries board"},
		{"Who sued over the dam?", "fishermen's union"},
	} {
		checkAnswer(t, d, tc.q, tc.want)
	}
	// Each article below answers its question in a word news uses for the
	// question's own.
	for _, tc := range []struct {
		title, text string
		checks      [][2]string // question, what the evidence must hold ("" for a decline)
	}{
		{"Club", "Tom Reed's old band will play at the club this summer. " +
			"The singer committed suicide in 1986, a week before the band's first tour. " +
			"Rovers have given manager Joe Hale a new contract. " +
			"\"Since his arrival in 2001, he has made the club whole again,\" the chairman said.",
			[][2]string{{"When did Tom Reed die?", "1986"}, {"When did Hale join Rovers?", "2001"}}},
		// A decision is appealed as news says it is "contested" or
		// "challenged".
		{"Sprinters cleared", "The sprinters have been cleared of doping offences by an independent tribunal. " +
			"The tribunal overturned their bans, a decision which the IAAF can now contest at the Court of Arbitration for Sport. " +
			"Their former coach was banned for four years.",
			[][2]string{{"Who could appeal the decision?", "IAAF"}}},
		// Who resigns "quits".
		{"Blunkett row", "Tony Blair said it was time to draw a line under the controversy surrounding David Blunkett. " +
			"The Tories have called for a second inquiry into the fast-tracking of a visa application. " +
			"Mr Blunkett quit as home secretary last week after being told of the inquiry's findings.",
			[][2]string{{"When did Blunkett resign?", "last week"}}},
		// What someone wants, news says they "called for", "demand" or "urge".
		{"Radcliffe on drugs", "Paula Radcliffe has called for all athletes found guilty on drugs charges to be treated as criminals. " +
			"The marathon world record holder believes more needs to be done to rid athletics of suspicion. " +
			"\"Doping in sport is a criminal offence,\" the 30-year-old said.",
			[][2]string{{"What punishment does Radcliffe want for drug cheats?", "treated as criminals"}}},
		// Sales are "revenues" in a results story, and a pension plan a
		// "scheme" in British news.
		{"Shoe maker's quarter", "The shoe maker said demand had been strong in Asia and eastern Europe. " +
			"Revenues increased 9% to $2.4bn in the three months to November. " +
			"Its chairman will retire next year.",
			[][2]string{{"How much did sales rise?", "9%"}}},
		{"Pension guarantor", "The agency was set up in 1974 to protect the pensions of private-sector workers. " +
			"Last week it took control of the pension scheme of a bankrupt steel maker. " +
			"Economists warn that taxpayers may one day have to pay its bills.",
			[][2]string{{"Which pension plans have failed?", "steel maker"}}},
		// What is "wrong" with something, news calls a fault or a problem.
		{"Boiler recall", "The gas board is recalling 40,000 boilers fitted last winter. " +
			"A faulty valve can let the pilot light go out without cutting the gas supply. " +
			"Owners will be offered a free repair.",
			[][2]string{{"What is wrong with the boilers?", "faulty valve"}}},
		// A newspaper is "the paper" or "a daily".
		{"Press reaction", "The defeat dominated the front pages on Thursday. " +
			"The Madrid daily El Sol blamed the coach for the team's poor start. " +
			"Few reports mentioned the crowd's behaviour.",
			[][2]string{{"Which newspapers are quoted?", "El Sol"}}},
		// A budget or a plan is presented as news says it is "unveiled".
		{"Budget", "The government has put tax cuts at the centre of its latest budget. " +
			"The focus of the 2005 budget was more for all, officials said. " +
			"Unveiling the budget to parliament, finance minister Trevor Manuel said the economy had grown.",
			[][2]string{{"Who presented the budget?", "Trevor Manuel"}}},
		{"Match", "Chelsea beat a battling Portsmouth side at Fratton Park on Saturday. " +
			"Arjen Robben curled in a late goal to break the home side's resistance. " +
			"Portsmouth's manager said his side had deserved a point.",
			[][2]string{{"Who scored for Chelsea?", "Arjen Robben"}}},
		{"Spyware", "A new law protects computer users in California from spyware. " +
			"The law was approved by Governor Arnold Schwarzenegger in September.",
			[][2]string{{"Who signed the law?", "Arnold Schwarzenegger"}}},
		{"Retrial", "Big Tee, the rapper, has been told he can perform while on bail. " +
			"In 2002 Big Tee was found guilty of killing a 19-year-old outside a club, but the verdict was quashed last year. " +
			"He now faces a second trial on a charge of murder.",
			[][2]string{{"Who is the rapper accused of killing?", "19-year-old"}}},
		{"Coach sacked", "Ferro have sacked their coach after six games without a win. " +
			"The Spanish champions lost at home to Racing last weekend. " +
			"That defeat was followed by a Uefa Cup exit at the hands of Dinamo Riga. " +
			"Ferro's coach joined the club in 2003.",
			[][2]string{{"Who knocked Ferro out of the Uefa Cup?", "Dinamo Riga"}}},
		{"Dark film", "The last film in the series may not be suitable for young children, its director has said. " +
			"He said the film would be the darkest of the six. " +
			"It opens in cinemas on 19 May.",
			[][2]string{{"When will the last film in the series be released?", "19 May"}}},
		{"Spammer goes bust", "A firm named among the world's biggest spammers has filed for bankruptcy protection. " +
			"In its filing the firm said it had assets of less than $10m but debts of more than $50m. " +
			"The firm's lawyers said it could not pay the fines it faced.",
			[][2]string{{"How much does the spammer owe?", "more than $50m"}}},
		// "boss" for a club's coach, as for its manager.
		{"Tigers wait on Farrell", "Leicester will not be rushed into a bid for the league captain. " +
			"\"There are still a lot of unknowns,\" Tigers boss John Wells told BBC Radio Leicester. " +
			"Saracens are also interested.",
			[][2]string{{"Who is Leicester's coach?", "John Wells"}}},
		// An economy "shrinks" as news says its output "fell", not as it says
		// the economy grew.
		{"Recession", "The country has gone back into recession. " +
			"Gross domestic product fell by 0.2% in the last three months of 2004. " +
			"The finance minister said the slowdown was temporary. " +
			"The economy grew 1.9% over the whole of last year.",
			[][2]string{{"How much did the economy shrink?", "0.2%"}}},
		// What a thing at auction is expected to "fetch", news gives as its
		// value.
		{"Early tapes for sale", "Some of the singer's earliest recordings are going under the hammer on Sunday at a London auction. " +
			"The six unedited tapes, which were owned by the engineer who recorded them, are valued at up to $40,000. " +
			"Highlights will get a public hearing on Saturday.",
			[][2]string{{"How much are the recordings expected to fetch?", "$40,000"}}},
		// A deal is "completed" as news says it is "sealed" or "finalised".
		{"Phone takeover", "Telco has won the takeover battle for Linkline with a bid worth $6.8bn, reports say. " +
			"The two firms are expected to seal the deal on Monday morning, according to news agency reports. " +
			"A merger between Linkline and Telco would be the fifth big telecoms deal since October. " +
			"The rationale is similar to the one behind last year's deal.",
			[][2]string{{"When will the deal be completed?", "Monday morning"}}},
		// What officers "seized", news says they "uncovered" or "confiscated".
		{"DVD pirate jailed", "A major distributor of pirated films has been sent to prison for three years. " +
			"In 2003 he was stopped in his van by trading standards officers, who uncovered 2,000 fake DVDs. " +
			"The judge said a heavy penalty was called for.",
			[][2]string{{"How many DVDs were seized?", "2,000 fake DVDs"}}},
		// What users "search" for, news calls their "enquiries" or "queries".
		{"Web search", "The broadcaster's search engine was used a record amount this year. " +
			"More than 277 million enquiries were made, on a wide range of subjects. " +
			"Many people still type in whole questions.",
			[][2]string{{"How many searches were made?", "277 million enquiries"}}},
		// Growth that "slowed", news says "slipped" or "eased".
		{"Growth outlook", "The soaring cost of oil has hit world growth, a think tank says. " +
			"Growth in its member countries is forecast at 3.6% this year, slipping to 2.9% next year. " +
			"A dip in oil prices would help.",
			[][2]string{{"How much has growth slowed?", "slipping to 2.9%"}}},
		// What someone is "worth", news calls their "fortune"; what a kicker
		// "kicked", his "conversion"; who "stars" in a show, who "plays" in it.
		{"Rich list", "The woman behind a hit musical has joined a list of music millionaires. " +
			"Producer Jane Cole is the highest new entry, with a £67m fortune. " +
			"She remortgaged her home to finance the show.",
			[][2]string{{"How much is she worth?", "£67m fortune"}}},
		{"Rovers 20-20 City", "Rovers came back from 13-3 down to draw with City. " +
			"Tom Hale scored the try and Sam Reid added the conversion. " +
			"City missed a late penalty.",
			[][2]string{{"Who kicked the points for Rovers?", "Sam Reid"}}},
		{"Comedy awards", "Top comedy Small Town won three prizes at the comedy awards. " +
			"The show began life on radio, with Hart and Lowe playing a range of odd characters.",
			[][2]string{{"Who stars in Small Town?", "Hart and Lowe playing"}}},
		// What something "costs", news says it is "free" or what is "charged".
		{"Browser update", "Net browser Opal 8.0 will be the most accessible browser on the market, according to its authors. " +
			"Opal can also magnify text by up to 10 times, its developers say. " +
			"Opal is free to download but a version without adverts is sold. " +
			"Opal began life as a research project in Norway.",
			[][2]string{{"How much does Opal cost?", "free to download"}}},
		// How far "ahead" a side is, news gives as its "lead".
		{"Title race", "Barcelona's pursuit of the Spanish title took a blow on Sunday as they lost at home. " +
			"The defeat, coupled with Real Madrid's win on Saturday, reduces Barca's lead to four points.",
			[][2]string{{"How many points are Barcelona ahead?", "lead to four points"}}},
		// What is "due", news says is "scheduled"; what is "expected", "likely".
		{"Seed withdraws", "The British number two pulled out of the Open in Paris on Thursday with a back injury. " +
			"He had been scheduled to play qualifier Jan Berg, who beat the fifth seed in round one. " +
			"The tournament doctor said the injury was not serious.",
			[][2]string{{"Who was he due to play?", "Jan Berg"}}},
		{"Oil unit sold", "A little-known company has bought the main unit of an oil giant at auction. " +
			"Analysts said the unit will most likely end up with the state gas firm Gasco. " +
			"The oil giant says the sale was illegal.",
			[][2]string{{"Who is expected to end up owning it?", "Gasco"}}},
		// Who "pays" for something, news says "funds" it.
		{"Ink for the vote", "The republic is using invisible ink at its elections to stop people voting twice. " +
			"The president pushed through the law requiring the ink. " +
			"The Japanese government agreed to fund all the costs of the scheme.",
			[][2]string{{"Who paid for the ink?", "Japanese government"}}},
		// A tax's "threshold", news calls the "level" at which it starts.
		{"Budget", "The chancellor has doubled the level at which house buyers pay stamp duty to £120,000. " +
			"He also unveiled a £200 council tax refund for pensioners. " +
			"The Tories called it a vote now, pay later Budget.",
			[][2]string{{"What is the new stamp duty threshold?", "£120,000"}}},
		// A body's "president", news calls its "chief" or "head".
		{"Drugs summit", "The sport's governing body has met anti-doping officials to co-ordinate the fight against drugs. " +
			"About 60 people attended the meeting in Monaco, including IAAF chief Marc Dubois. " +
			"Two task forces will report back in April.",
			[][2]string{{"Who is the IAAF president?", "Marc Dubois"}}},
		// A "match", news calls a "game", a "fixture" or a "friendly".
		{"Republic to face China", "The Republic have arranged friendlies against China and Italy at Lansdowne Road. " +
			"Italy will visit on 17 August in what will be a warm-up game ahead of the autumn qualifiers. " +
			"The Irish beat Italy at the 1994 World Cup finals.",
			[][2]string{{"When is the match against Italy?", "17 August"}}},
		// A "pub", news may call a "bar".
		{"Late drinking", "Paramedics were called to Joe's Bar in the town at 06:00 on a Sunday, the court was told. " +
			"Police found several people still drinking. " +
			"The judge ordered its closure for three months.",
			[][2]string{{"What was the name of the pub?", "Joe's Bar"}}},
		// What someone "owns", news says "belongs" to them.
		{"Animals seized", "More than 70 animals have been seized from a filthy mobile home belonging to John Koepke. " +
			"Police found 54 dogs and 18 cats living in cramped conditions. " +
			"He will be charged with 72 counts of failure to provide shelter.",
			[][2]string{{"Who owned the animals?", "John Koepke"}}},
		// What "ended", news says "concluded".
		{"Family hike", "The president and his family left the White House for an unscheduled hike in Virginia on Sunday. " +
			"Reporters had been sent home for the day. " +
			"The 50-minute trek concluded as a light drizzle began.",
			[][2]string{{"What ended the hike?", "light drizzle"}}},
		// "Staff", news counts as a "workforce"; a thing's "sections", as its
		// "pieces".
		{"Nurses for doctors", "Managers asked a think tank how the health service's 1.3 million-strong workforce could be reshaped. " +
			"It found examples of nurses filling in for doctors.",
			[][2]string{{"How many staff does the health service have?", "1.3 million-strong"}}},
		{"Longest kite", "A Chinese team took a kite measuring 6,000 metres to a festival. " +
			"The kite is made from 2,000 separate pieces and weighs 200 kilograms.",
			[][2]string{{"How many sections is the kite made of?", "2,000 separate pieces"}}},
		// A player "suspended", news says serves a "ban".
		{"Team news", "The defender is set to return after serving a one-match ban. " +
			"The midfielder was sent off last week and starts a three-game ban against Leicester.",
			[][2]string{{"How many matches is the midfielder suspended for?", "three-game ban"}}},
		// A profit "announced", news says a firm "returned" or "posted".
		{"Dark days", "They played in grey and put in a dull display, these really are dark days for Newcastle United. " +
			"Still, at least they returned a club record profit of £18.7million last week. " +
			"But on Sunday Newcastle set another record as losers of the last five derbies.",
			[][2]string{{"How much profit did Newcastle announce?", "£18.7million"}}},
		// Tickets "returned", news says a club "handed back".
		{"Away end empty", "Cardiff City will have no supporters at Saturday's game against Leeds United at Elland Road. " +
			"The Welsh club backed their fans in handing back their allocation of 500 tickets. " +
			"Leeds would usually offer more than 2,500 tickets to away fans.",
			[][2]string{{"How many tickets did Cardiff return?", "500 tickets"}}},
		// Where someone "served", news says by their "service" or as a
		// "veteran".
		{"Flag photo", "A photographer is fighting back after a photo she posted started an online backlash. " +
			"Vanessa Hicks, a Navy veteran herself, said her intention was to honor the flag. " +
			"Her clients wanted to show their military life in the photo shoot.",
			[][2]string{{"What branch of the military did Vanessa Hicks serve in?", "Navy veteran"}}},
	} {
		d := NewDoc(tc.title, tc.text)
		for _, c := range tc.checks {
			checkAnswer(t, d, c[0], c[1])
		}
	}
}

// "What is a podcast?" asks what the article says it is, where it first
// says so: "A podcast is basically …", "a technology called Visual Radio,
// which …", "the operating system, codenamed Tiger".
func TestWhatSomethingIs(t *testing.T) {
	pods := NewDoc("DIY radio", "Music players can hold thousands of songs, which is a lot of space to fill. "+
		"More and more owners fill it with shows made at home, and podcasters are springing up in Brazil and Finland. "+
		"A podcast is basically an internet-based radio show which anyone can make with a microphone and a PC. "+
		"A brewer is doing its own podcast now, and so is a magazine.")
	checkAnswer(t, pods, "What is a podcast?", "internet-based radio show")
	radio := NewDoc("Radio with pictures", "The first Visual Radio service will begin in a few months, and Visual Radio fans are waiting. "+
		"Visual Radio is being tested in Finland, where Visual Radio trials began last year. "+
		"A radio station boss said Visual Radio would change what listeners expect. "+
		"The name Visual Radio leads people to think of television, but Visual Radio should not be confused with it. "+
		"A phone maker has been working on a technology called Visual Radio, which adds pictures to an FM signal.")
	checkAnswer(t, radio, "What is Visual Radio?", "adds pictures to an FM signal")
	mac := NewDoc("Leak suit", "The computer giant has sued three men for leaking its software. "+
		"Two versions of the operating system, codenamed Lynx, were put onto the net in October. "+
		"Lynx is due to be shipped in early 2005, and Lynx will cost $129.")
	checkAnswer(t, mac, "What is Lynx?", "operating system")

	for q, want := range map[string]string{
		"What is a podcast?":              "podcast",
		"what are evil twins?":            "evil twins",
		"What is Visual Radio?":           "Visual Radio",
		"What is the score?":              "", // a value
		"What is being discussed?":        "",
		"What is Mandelson's job?":        "",
		"What is the inflation rate now?": "",
		"Who is Lynx?":                    "",
	} {
		if got := definedWords(q); got != want {
			t.Errorf("definedWords(%q) = %q, want %q", q, got, want)
		}
	}
}

// News gives an age in the sentence after the name: "The 18-year-old …".
func TestAgeInTheNextSentence(t *testing.T) {
	d := NewDoc("Squad named", "Newcastle's centre Mathew Tait has been named in the squad to face Wales on Saturday. "+
		"The 18-year-old will play alongside his club team-mate in midfield. "+
		"The coach said the side had trained well all week.")
	if a := d.Answer("How old is Mathew Tait?"); !strings.Contains(a.Text(), "18-year-old") {
		t.Errorf("Answer = %q, want the sentence with his age", a.Text())
	}
	if a := d.Answer("How many caps has Mathew Tait won?"); a.Answerable {
		t.Errorf("caps: %q, want a decline (the age is not a count of caps)", a.Text())
	}
	// Or further into that sentence: "… cannot afford to sack the
	// 43-year-old".
	d = NewDoc("Manager's future", "Ian Rush's future as Chester manager is uncertain after he refused a severance package. "+
		"Chester have won two of their last 10 games but the chairman says he cannot afford to sack the 43-year-old. "+
		"The club are just above the relegation zone.")
	checkAnswer(t, d, "How old is Ian Rush?", "43-year-old")
	// Or after a pronoun, as an obituary gives it: "He was 84, had been
	// suffering from cancer …".
	d = NewDoc("Tory rebel dies", "Sir Tom Hale, the backbencher who challenged the party leader in 1989, has died. "+
		"He was 84, had been suffering from cancer for many months, and died at his London home. "+
		"His constituency party deselected him as a result of that challenge.")
	checkAnswer(t, d, "How old was Hale?", "He was 84")
	// Or at the end of a quotation that opens right after the name.
	d = NewDoc("Postman to striker", "The striker made his international debut in March. "+
		"Washington, a postman just four years ago, followed that up with another goal against Belarus on Saturday. "+
		"\"The last few months have been a crazy time. I know I have been fortunate,\" said the 24-year-old. "+
		"He moved to Peterborough in 2014.")
	checkAnswer(t, d, "How old is Washington?", "24-year-old")
	checkMatches(t, "agedRE", agedRE, map[string]bool{
		"She was 92.":                             true,
		"He was 21st after two days.":             false,
		"He was 2 under par.":                     false,
		"The man in his 50s was hit.":             true,
		"A woman in her early twenties was hurt.": true,
		"Sales in the 1990s fell.":                false,
	})
	// Before another number about them ("51 caps").
	d = NewDoc("Wing eyes recall", "Leicester wing Austin Healey hopes to use Sunday's clash with Wasps as a springboard to an England recall. "+
		"Healey, who won 51 caps before the 2003 World Cup, has been in good form this season. "+
		"Healey has reverted to the wing, where he won most of his England caps. "+
		"After recovering from a trapped nerve in his back, the 31-year-old is relishing his role.")
	checkAnswer(t, d, "How old is Healey?", "31-year-old")
}

func TestPredicate(t *testing.T) {
	for q, want := range map[string]string{
		"Who directed Meet the Fockers?":                             "directed",
		"How much does Bellamy earn a week?":                         "earn",
		"When will the trial start?":                                 "start",
		"When will the court rule on the case?":                      "rule",
		"How many workers will build the pipeline?":                  "build",
		"What interest rate did the Bank of England set in January?": "", // a light verb
		"Who will take over from Louis Schweitzer?":                  "",
		"What is the Fed's report called?":                           "",
		"Which film came third at the box office?":                   "",
		"Who is the deputy director of the CML?":                     "director",
		"Is this a question?":                                        "",
		"Who carried out the survey?":                                "", // a phrasal verb
		"When did the chairman step down?":                           "",
		"What is the name of the band's album?":                      "", // asks a name
		"What is 50 Cent's new album called?":                        "", // a number is no predicate
		"Who wants to buy the LSE?":                                  "buy",
		"Which firm plans to invest in Rover?":                       "invest",
		"When is the trial expected to start?":                       "start", // what is expected
		"How much is the auction expected to raise?":                 "raise",
		"Who scored twice for Dundee United?":                        "scored", // not how often
		"When did the alleged attack happen?":                        "",       // a light verb
	} {
		checkParsed(t, q, "predicate", parseQuery(q).predicate, want)
	}
}

// checkParsed checks a term parseQuery read from question q (field names it)
// against the word want, or against "" when want is "".
func checkParsed(t *testing.T, q, field, got, want string) {
	t.Helper()
	if want != "" {
		want = text.Term(want)
	}
	if got != want {
		t.Errorf("parseQuery(%q).%s = %q, want %q", q, field, got, want)
	}
}

// A question about a sum of money, a count or a score wants that kind of
// number, not just any.
func TestQuantities(t *testing.T) {
	for s, want := range map[string]bool{
		"Work on the pipeline will begin in 2005.":        false, // a year
		"Shops stay closed on 1 January.":                 false, // a date
		"Staff picked out Sony's PCG-X505/P Vaio laptop.": false, // a code
		"Hearts lost 2-1 at Tynecastle.":                  false, // a score
		"Some 45,000 people took part.":                   true,
		"He spoke to 20 officials.":                       true,
	} {
		if got := hasCount(s); got != want {
			t.Errorf("hasCount(%q) = %v, want %v", s, got, want)
		}
	}
	checkMatches(t, "moneyRE", moneyRE, map[string]bool{
		"a $1.2bn oil pipeline":         true,
		"selling for 19,800 yen":        true,
		"he gave away £28,000":          true,
		"now on sale for 79p":           true,
		"shares closed at 270.25p":      true,
		"a 12-page report":              false,
		"he was fined two weeks' wages": false,
		"some 45,000 people":            false,
	})
	d := NewDoc("Pipeline", "Three countries have approved the construction of a $1.2bn oil pipeline. "+
		"Work on the pipeline will begin in 2005. "+
		"The engineers were given two weeks' notice of the start. "+
		"Hearts's 2-1 defeat at Tynecastle angered the fans, who sang for an hour. "+
		"Ticket prices at the ground will rise by as much as 30% next season. "+
		"Shares in the builder tumbled 12% on Monday.")
	for _, tc := range []struct {
		q, want string // want "" to decline
	}{
		{"How much will the pipeline cost?", "$1.2bn"},
		{"How much do the engineers earn?", ""},
		{"What was the score at Tynecastle?", "2-1"},
		{"By how much will ticket prices rise?", "30%"},     // a change in a price
		{"How far did the builder's shares tumble?", "12%"}, // a fall, not a distance
	} {
		checkAnswer(t, d, tc.q, tc.want)
	}
	// A price of nothing answers what something costs.
	d = NewDoc("Alerts", "A government website will warn home users about viruses. "+
		"Alerts tell people what the threats are and how to avoid them. "+
		"The service will be free and those who sign up get e-mail alerts.")
	checkAnswer(t, d, "How much will the service cost?", "free")
	d = NewDoc("Blogging", "The software giant is launching a test service to let people publish blogs. "+
		"It is trailing behind rivals, which already offer such services. "+
		"Spaces is free to anyone with a mail account, and will carry banner ads.")
	checkAnswer(t, d, "How much does the service cost?", "free to anyone")
	checkSentences(t, "freeRE", freeRE.MatchString, map[string]bool{
		"The service will be free and users can sign up.":   true,
		"Faster speeds come at no extra charge.":            true,
		"The firm said it was not charging for the data.":   true,
		"Spaces is free to anyone with a mail account.":     true,
		"Ministers back free trade with China.":             false,
		"He was set free after two years.":                  false,
		"Players are free to leave at the end of the year.": false,
	})
}

// checkAnswer fails the test unless d answers q with evidence holding want,
// or declines when want is "".
// checkUnsettled reports an error unless d declines q quoting the sentence
// that says what is asked is not known, which has want.
func checkUnsettled(t *testing.T, d *Doc, q, want string) {
	t.Helper()
	if a := d.Answer(q); a.Answerable || !strings.Contains(a.Unsettled, want) {
		t.Errorf("Answer(%q) = %q, want a decline quoting %q", q, a.Text(), want)
	}
}

func checkAnswer(t *testing.T, d *Doc, q, want string) {
	t.Helper()
	a := d.Answer(q)
	switch {
	case want == "" && a.Answerable:
		t.Errorf("Answer(%q) = %q, want a decline", q, a.Text())
	case want != "" && (!a.Answerable || !strings.Contains(a.Text(), want)):
		t.Errorf("Answer(%q) = %q, want evidence with %q", q, a.Text(), want)
	}
}

// An age news gives after a name at the end of a sentence answers "How old";
// a figure after a place and a comma is none.
func TestAgeEndingTheSentence(t *testing.T) {
	d := NewDoc("Premier arrested", "The governor called for calm after officials arrested the territory's Premier Andrew Alturo Fahie, 51. "+
		"Investigators held Fahie and the port director at a Miami airport. "+
		"In London, 2.5 million people watched the news.")
	checkAnswer(t, d, "How old is Fahie?", "Fahie, 51.")
	if agedRE.MatchString("In London, 2.5 million people watched.") {
		t.Error(`agedRE matches "London, 2.5 million": a figure after a place is no age`)
	}
}

// A sentence that opens with a name and an age, after one that says what
// someone did without naming them, says how old they are.
func TestAgeOpeningTheNextSentence(t *testing.T) {
	d := NewDoc("Riverton elects a new mayor", "Riverton appears to be the first city in the state to have elected a Somali American mayor. "+
		"Amina Hassan, 27, won with 58% of the vote in Tuesday's municipal election, defeating Dale Anderson, who got 41% of the vote. She has served on the council since she was elected at age 23 in 2019. "+
		"Another Somali American was the first to serve as mayor of an American city, but she was selected by a council, not elected by voters. "+
		"Riverton Mayor Jake Spano did not seek reelection, and he endorsed Hassan. "+
		"Hassan also becomes the first Black mayor and the first Muslim mayor of the suburban community of 50,000.")
	checkAnswer(t, d, "How old is the new mayor?", "Amina Hassan, 27,")
	checkSentences(t, "ageRE", ageRE.MatchString, map[string]bool{
		"Nadia Mohamed, 27, won with 58% of the vote.": true,
		"Mohamed, 27, won.":                            false, // a surname alone names nobody new
	})
}

// "The new mayor" is the mayor the story is about: an article whose title
// says so need not call her new again.
func TestNewWeighsNothingUnsaid(t *testing.T) {
	d := NewDoc("St. Louis Park elects a new mayor", "St. Louis Park appears to be the first U.S. city to have elected a Somali American mayor. "+
		"Nadia Mohamed, 27, won with 58% of the vote in Tuesday's municipal election, defeating Dale Anderson, who got 41% of the vote. "+
		"St. Louis Park Mayor Jake Spano did not seek reelection, and he endorsed Mohamed.")
	checkAnswer(t, d, "Who is the new mayor?", "Nadia Mohamed")
	// Where not even the title says it, "new" still counts: of the corpus's
	// "Broadband in the UK gathers pace", which never says how many new
	// users chose BT, natural-dev's nq-147 is declined (weightless there
	// too, "new" let a sentence about the surge answer it).
	title, body := corpusArticle(t, "tech/254")
	checkAnswer(t, NewDoc(title, body), "How many of the new broadband users chose BT itself?", "")
}

// corpusArticle returns an article of the corpus beside the repository by
// its ID, cleaned as the bot stores it; the test skips without the corpus.
func corpusArticle(t *testing.T, id string) (title, body string) {
	t.Helper()
	f, err := os.Open("../../shared/corpus/bbc-2085.jsonl")
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct{ ID, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.ID == id {
			return rec.Title, text.Clean(rec.Text)
		}
	}
	t.Fatalf("no article %s in the corpus", id)
	return "", ""
}

// "How cold", "how hot" and "what temperature" ask for a temperature, which
// a sentence that only says it will be colder does not give.
func TestHowColdWantsATemperature(t *testing.T) {
	d := NewDoc("Colder temperatures forecast for Wednesday", "After heavy downpours on Monday, Tuesday morning was met with strong, cold winds that brought early winter temperatures. "+
		"Although the first cold wave alerts of the season were issued in anticipation of frigid morning lows on Tuesday, Wednesday is forecast to be even colder.\n\n"+
		"People out on the streets were seen wearing layers throughout the day as Tuesday's temperatures felt as though winter had suddenly descended upon the nation.\n\n"+
		"The very first cold wave alert of the season was in effect on Tuesday, with the inflow of cold air from the northwest of the peninsula.\n\n"+
		"With daytime temperatures in the capital reaching ten degrees and the south 15 degrees, the early winter temperatures lasted through midday.\n\n"+
		"However, Wednesday is forecast to be colder, with morning temperatures expected to be two to five degrees lower than Tuesday's as the capital faces lows of two degrees that will feel even more brisk due to the wind chill.\n\n"+
		"People who are vulnerable to the cold, such as the elderly, are advised to refrain from going out as much as possible.\n\n"+
		"The sudden cold snap should peak Wednesday before temperatures climb back up on Thursday, but forecasters expect the winter-like weather to return over the weekend.")
	checkAnswer(t, d, "How cold will it be on Wednesday?", "lows of two degrees")
	checkSentences(t, "temperatureRE", temperatureRE.MatchString, map[string]bool{
		"Lightning heats the air to 3,000°C.":          true,
		"It reached 130 degrees Fahrenheit.":           true,
		"It fell to negative six-point-six degrees.":   true,
		"The band played two sets.":                    false,
		"He turned the car through ninety-nine turns.": false,
	})
}

// "What is X worth?" asks for a sum, as "How much is X worth?" does: the
// article's "value" gives it, and the missing "worth" is no reason to decline.
func TestWhatIsItWorth(t *testing.T) {
	d := NewDoc("Cocaine seized", "Border agents found 475 pounds of cocaine concealed inside a vessel at a boat ramp, officials announced Tuesday. "+
		"The estimated value is $4.3 million. "+
		"Three men were taken into custody.")
	checkAnswer(t, d, "What is the cocaine worth?", "$4.3 million")
	checkAnswer(t, d, "What was the house worth?", "")
}

// "What time" asks for an hour of the day, which a sentence that names more
// of the question without one does not give; a race's time is no hour.
func TestWhatTimeWantsAnHour(t *testing.T) {
	d := NewDoc("Quarantine list", "Poland and three islands have been removed from the Government's list of travel corridors. "+
		"Travellers arriving in the UK from those places after 4am on Saturday must self-isolate for 14 days, the Transport Secretary said on Thursday. "+
		"Turkey, Poland and the islands have also been removed from the Scottish Government's list of travel corridors, said the Justice Secretary. "+
		"He also added that the penalties for people who refuse to self-isolate are to be increased to a maximum of £10,000 for repeat offenders.")
	checkAnswer(t, d, "From what time do travellers from Turkey and Poland have to self-isolate?", "after 4am on Saturday")
	d = NewDoc("Wales v England", "Williams says he expects a torrid time from England's loose forwards. "+
		"Wales have won three of their last four games against England in Cardiff.")
	checkAnswer(t, d, "What time is kick-off?", "")
	// "time" is the question's form, which the article need not use.
	d = NewDoc("Crash victims identified", "Police have named the two people killed in a crash in Clarendon on Tuesday. "+
		"A woman's husband was badly injured in the crash and is in hospital. The crash happened about 1.p.m.")
	checkAnswer(t, d, "What time did the crash happen?", "1.p.m.")
	checkSentences(t, "clockRE", clockRE.MatchString, map[string]bool{
		"The Budget will be delivered at 1230 GMT.": true,
		"The shift starts at 3 am.":                 true,
		"Alcohol was still served at 04:49.":        true,
		"Around 23:00hrs they heard a shot.":        true,
		"He ran 9.85 seconds.":                      false,
		"They won 3-2 in 2004.":                     false,
	})
}

// A count can come in the sentence after the one naming what it counts, the
// noun left for the reader to carry over: both sentences are quoted. A
// number after a name is an age, no such count.
func TestCountInTheNextSentence(t *testing.T) {
	d := NewDoc("Trees", "When I moved to California I planted a peach tree in my yard. "+
		"I'm still planting fruit trees in my backyard. At last count, I have 34—one for each year I've circled the sun.")
	checkAnswer(t, d, "How many fruit trees does the author have?", "I have 34")
	checkAnswer(t, d, "How many fruit trees does the author have?", "planting fruit trees")
	d = NewDoc("Tsunami", "An architect became the first Scot to be confirmed as a victim of the tsunami. "+
		"The 27-year-old was holidaying on the island with Eileen Lee, 24.")
	checkAnswer(t, d, "How many Scots were in the disaster zone?", "")
}

// Some of a group are counted before "of the" ("eight of the scene's biggest
// stars", "nine of the popular Carry On films"); a share ("one in ten of the
// bank's customers") counts nothing.
func TestCountOfSomeOfAGroup(t *testing.T) {
	d := NewDoc("Reggae deal", "The reggae industry is to refuse to release homophobic songs under a deal with gay rights groups. "+
		"The coalition has reached a verbal agreement with record labels and promoters covering eight of the scene's biggest stars. "+
		"The artists themselves were not involved in the talks.")
	checkAnswer(t, d, "How many stars does the deal cover?", "eight of the scene's biggest stars")
	d = NewDoc("Carry On", "Actress Patsy Rowlands has died at the age of 71. "+
		"Rowlands starred in nine of the popular Carry On films, alongside Sid James.")
	checkAnswer(t, d, "In how many Carry On films did she star?", "nine")
	d = NewDoc("Bank losses", "The waves washed away property which was securing loans. "+
		"More than one in ten of the state bank's customers in the south lost their homes.")
	checkAnswer(t, d, "How many customers does the state bank have?", "")
}

// A "how many" question is answered by a count of what it asks about, or a
// related word, not by a sentence with other numbers.
func TestCountOfWhatIsAsked(t *testing.T) {
	d := NewDoc("Coal losses", "Shares in the coal company, which employs staff across Yorkshire, fell after its losses deepened to £51.6m in 2004. "+
		"Production costs were £1.30 per gigajoule, but coal sold for £1.18. "+
		"The union, which has 4,000 members at the pits, said the company must invest.")
	checkAnswer(t, d, "How many miners does the coal company employ?", "")
	checkAnswer(t, d, "How many members does the union have?", "4,000 members")
	// People asked about by what they are are counted as people.
	d = NewDoc("Bomb scare", "A bomb scare halted the match at the Bernabeu on Sunday. "+
		"More than 70,000 people left the ground with the score at 1-1. "+
		"German unemployment rose in November, leaving 4.4 million people out of work.")
	checkAnswer(t, d, "How many spectators left the Bernabeu?", "70,000 people")
	checkAnswer(t, d, "How many Germans are out of work?", "4.4 million people")
	checkAnswer(t, d, "How many children does the club's owner have?", "")
}

// A sentence that goes on about what the one before named ("The title,
// developed by …") answers a question about it, and is shown with the
// sentence it refers to.
func TestSentenceReferringBack(t *testing.T) {
	d := NewDoc("Awards night", "Sky Quest won the Golden Star awards for best game on Friday night in Leeds. "+
		"It was the only title to win twice on a night presented by comedian Sam Field. "+
		"The ceremony has been held in the city every year since 2001, and tickets sold out in a day. "+
		"Organisers said the Golden Star awards would move to a larger venue next year.")
	q := "Who presented the Golden Star awards?"
	if best := d.Rank(q, 1); len(best) == 0 || best[0] != 1 {
		t.Errorf("Rank = %v, want the sentence with the presenter (1) first", best)
	}
	checkAnswer(t, d, q, "Sam Field")
	checkAnswer(t, d, q, "Sky Quest won") // the sentence it refers back to
	d = NewDoc("Squad named", "Mathew Tait has been named in the squad to face Wales in Cardiff on Saturday. "+
		"The 18-year-old will play alongside his club team-mate in England's midfield. "+
		"The coach said the side had trained well all week.")
	checkAnswer(t, d, "Where will England play Wales?", "Cardiff") // in the sentence referred back to
	// describesBack also takes a name used as a description, not an
	// organisation's name.
	for _, c := range []struct {
		sentence          string
		refers, describes bool
	}{
		{"The title, developed by Valve, was released last year.", true, true},
		{"The 22-year-old will again be chasing a record.", true, true},
		{"But the work's author says it is about empowerment.", true, true},
		{"It was the only title to win twice.", true, true},
		{"The Briton, running for the first time, held off Chepkemei.", false, true},
		{"The Glasgow forward's ban for stamping ended on 2 February.", false, true},
		{"The Ugandan Media Council said the play would not open.", false, false},
		{"The Northern Ireland runner set a personal best.", false, true},
		{"The Brazilian Institute for Geography and Statistics said it fell.", false, false},
		{"The BBC said it would appeal.", false, false},
		{"Sales passed two million copies.", false, false},
		{"Theatre critics praised it.", false, false},
		{"The", false, false},
		{"The Council", false, false},
	} {
		if got := refersBack(c.sentence); got != c.refers {
			t.Errorf("refersBack(%q) = %v, want %v", c.sentence, got, c.refers)
		}
		if got := describesBack(c.sentence); got != c.describes {
			t.Errorf("describesBack(%q) = %v, want %v", c.sentence, got, c.describes)
		}
	}
}

// A question about a measure is answered by the measure as news gives it —
// "how old": after the name between commas, "the 34-year-old", "aged 68";
// "how long": "the 912km pipeline", "a three-year deal" — before a sentence
// that names the subject in full with some other number.
func TestMeasureAsNewsGivesIt(t *testing.T) {
	d := NewDoc("Hearing delayed", "The hearing of sprinters Costas Kenteris and Katerina Thanou has been postponed by two weeks. "+
		"The pair are facing lengthy bans for the three missed tests. "+
		"Kenteris, 31, who won the 200m title in 2000, and Thanou, 30, face a maximum two-year ban. "+
		"Their lawyer said the pair would attend.")
	checkAnswer(t, d, "How old is Katerina Thanou?", "Thanou, 30,")
	d = NewDoc("Pipeline", "Albania, Bulgaria and Macedonia have agreed to build a $1.2bn oil pipeline through the Balkan peninsula. "+
		"Work on the pipeline will begin in 2005 and take three or four years. "+
		"The 912km pipeline will run from the port of Burgas to the Albanian city of Vlore. "+
		"The pipeline will be built by a US-registered company. "+
		"The project is one of the most important in the region, the prime minister said. "+
		"Oil from the Caspian Sea now reaches Europe by tanker. "+
		"Tankers must pass through the crowded Bosphorus strait.")
	checkAnswer(t, d, "How long will the Balkan pipeline be?", "912km")
	for _, c := range []struct {
		question, text string
		want           bool
	}{
		{"How old is she?", "Thanou, 30, who won silver", true},
		{"How old is he?", "The 34-year-old guitarist", true},
		{"How old was the girl?", "a 12 year-old girl", true},
		{"What age is he?", "Im, aged 68, has made 99 films", true},
		{"How old was she?", "left school at the age of 16", true},
		{"How old was he?", "performing magic from the age of 14", false}, // when he began
		{"How old are they?", "children under the age of 12", false},
		{"How old is she?", "is now 36 years old", true},
		{"How old is he?", "Fifteen-year-old Donald Young's first appearance", true},
		{"How old is he?", "the thirty-year-old striker", true},
		{"How old is she?", "access to Mrs Quinn's two-year-old son", false},
		{"How old are they?", "In 2004, 30 people died", false},
		{"How old is it?", "postponed by two weeks, 10 days early", false},
		{"How old must e-mails be to be deleted?", "orders to delete e-mails more than three months old", true},
		{"How long is the deal?", "signed a three-year deal", true},
		{"How long is the ban?", "banned for 10 games", true},
		{"How long is the ban?", "suspended until the end of the year", true},
		{"How long is his deal?", "has agreed a contract until the end of the season", true},
		{"How long is his contract?", "to stay at the club until May 2008", true},
		{"How long is his contract?", "his current deal expires in the summer", true},
		{"How long is his contract?", "his deal runs out at the end of the season", true},
		{"How long is his contract?", "the season ends in May", false},
		{"How long is the ban?", "will stay in force until a court rules", false},
		{"How long is his contract?", "the 25-year-old has spent much of his time on the bench", false}, // an age
		{"How long is the tour?", "has begun a week-long tour", true},
		{"How long will he be out?", "has been ruled out of the rest of the Six Nations", true},
		{"How long will she be out?", "will miss the rest of the season", true},
		{"How long is the tour?", "unlike the rest of the world", false},
		{"How long will he be out?", "is out for the remainder of his contract", true},
		{"How long have rates been on hold?", "have remained unchanged since August", true},
		{"How long has she been out?", "has not played since last October", true},
		{"How long will rates stay on hold?", "have remained unchanged since August", false},
		{"How long was Sheerin at Arbroath?", "has been player-manager at the Red Lichties since 2010", true},
		{"How long has he been in charge?", "since he was appointed", false},
		{"How long is the tunnel?", "the 50km tunnel", true},
		{"How long is the complaint?", "in the seven-page complaint, filed on 13 December", true},
		{"How long is the tunnel?", "cost £5m", false},
		{"What size was the object?", "Earth was hit by a body that was the size of Mars", true},
		{"What size is the forest?", "at least 16,000 hectares of commercial forest", true},
		{"What size was the object?", "it struck the Earth 4.5 billion years ago", false},
		{"How far did he run?", "ran 26.2 miles", true},
		{"What distance will she run?", "she will compete over 1500m in Glasgow", true},
		{"What distance will she run?", "she is paid £200m a year", false},
		{"How far did he run?", "ran for two hours", false},
		{"How fast was it going?", "came off the tracks at 115 mph", true},
		{"How fast is the computer?", "has managed speeds of 70.72 teraflops", true},
		{"How fast is the service?", "an eight megabit service", true},
		{"How fast is the service?", "costs 8 pounds a month", false},
		{"How much does he weigh?", "now I am 86.9kg", true},
		{"How much does he weigh?", "he earns £200,000 a week", false},
	} {
		forms := measureOf(strings.ToLower(c.question))
		if len(forms) == 0 {
			t.Errorf("measureOf(%q) = nil, want the forms of a measure", c.question)
			continue
		}
		if got := slices.ContainsFunc(forms, func(f *regexp.Regexp) bool { return f.MatchString(c.text) }); got != c.want {
			t.Errorf("%q: measure in %q = %v, want %v", c.question, c.text, got, c.want)
		}
	}
	if forms := measureOf("how much did it cost?"); forms != nil {
		t.Errorf("measureOf(cost) = %v, want nil", forms)
	}
}

// The words of a name the article uses again and again ("Polar Express")
// weigh as one word, so the sentence with the word that says what is asked
// ("directed") is the answer, not every sentence with the name.
func TestPhraseWeighsAsOneWord(t *testing.T) {
	d := NewDoc("Premiere", "Hollywood star Tom Hanks was in London for the premiere of Polar Express. "+
		"Polar Express is based on a children's book about a boy's journey to meet Santa Claus. "+
		"Polar Express uses technology similar to that of Lord of the Rings. "+
		"Fans had queued in the square since the early morning. "+
		"It is directed by Robert Zemeckis, who also made Forrest Gump. "+
		"The actor crossed a bridge built in the square for the night. "+
		"He said the crossing was almost impossible. "+
		"The book has sold millions of copies since it came out in 1985. "+
		"Its author was at the premiere too. "+
		"Tickets for the first week have sold out. "+
		"Critics in America have been kinder than those in Britain. "+
		"The next screening is on Friday.")
	q := "Who directed Polar Express?"
	if best := d.Rank(q, 1); len(best) == 0 || !strings.Contains(d.Sentences[best[0]], "directed") {
		t.Errorf("Rank(%q) = %v, want the sentence with \"directed\" first", q, best)
	}
	checkAnswer(t, d, q, "Robert Zemeckis")
	// Words that meet in one sentence only are no phrase: each keeps its weight.
	if got := d.phraseShares([]int32{d.termID(text.Term("directed")), d.termID(text.Term("zemeckis"))}); !slices.Equal(got, []float64{1, 1}) {
		t.Errorf("phraseShares(directed, Zemeckis) = %v, want [1 1]", got)
	}
	if got := d.phraseShares([]int32{d.termID(text.Term("polar")), d.termID(text.Term("express"))}); !slices.Equal(got, []float64{0.5, 0.5}) {
		t.Errorf("phraseShares(Polar, Express) = %v, want [0.5 0.5]", got)
	}
}

// A best sentence that covers too little of the question gives way to a
// runner-up nearly as good that covers enough, rather than the question
// being declined.
func TestRunnerUpThatCovers(t *testing.T) {
	d := NewDocFromSentences("", []string{
		"Floyd Mayweather trains at his home in Las Vegas before every fight.",
		"Twizzlers are one of his favourite snacks.",
		"The movie Troy with Brad Pitt is one he likes to watch over and over again.",
		"Mayweather is a big fan of the Brad Pitt film.",
		"He gets a pedicure at home once a week during training camp.",
		"His pedicure is done by the same woman each time.",
	})
	q := "____ has a thing for Twizzlers, Brad Pitt and pedicures."
	if r := d.rank(q, true); r[0].coverage >= minCoverage || r[1].coverage < minCoverage {
		t.Fatalf("ranking %v: the test wants a best sentence covering less than %v before a runner-up covering more", r[:2], minCoverage)
	}
	checkAnswer(t, d, q, "Brad Pitt is one he likes")
}

// A "who" question whose best sentence names no one new is answered with the
// next sentence too when that one goes on about it (describesBack, tested
// with refersBack) and names someone ("The Briton … held off Kenyan Susan
// Chepkemei").
func TestNextSentenceNamesThem(t *testing.T) {
	d := NewDoc("Marathon", "Paula Radcliffe made a triumphant return to running with victory in the New York Marathon. "+
		"The Briton, running for the first time since the Olympics, held off Kenyan Susan Chepkemei in a thrilling finish. "+
		"Just Chepkemei and Radcliffe were left in contention as the race came into the final miles. "+
		"The Kenyan put in several bursts of speed.")
	checkAnswer(t, d, "Who did Paula Radcliffe beat in New York?", "Susan Chepkemei")
}

// "When" is answered by a date or a number that may be one, not by a
// sentence about the subject that only names things.
func TestWhenWantsADate(t *testing.T) {
	d := NewDoc("Patents", "The Legal Affairs Committee said the European Commission should resubmit the software patents directive. "+
		"MEPs had failed to back the directive, which critics say favours big firms. "+
		"Small software makers in Europe fear the cost of patent lawsuits.")
	checkAnswer(t, d, "When will the Commission resubmit the directive?", "")
	d = NewDoc("Patents", "The Legal Affairs Committee said the European Commission should resubmit the software patents directive. "+
		"The Commission will resubmit the directive next month, a spokesman said. "+
		"Small software makers in Europe fear the cost of patent lawsuits.")
	checkAnswer(t, d, "When will the Commission resubmit the directive?", "next month")
	// A season is a date: "the spring launch".
	d = NewDoc("Sony PSP tipped", "Sony's Playstation Portable is the top gadget for 2005, according to a magazine. "+
		"It beats the iPod into second place in the list. "+
		"The spring launch of the PSP in the UK is eagerly awaited by gaming fans.")
	checkAnswer(t, d, "When will the PSP launch in the UK?", "spring")
	// So is a time from now: "in the next six months".
	d = NewDoc("Mobile audio", "British firm Sonaptic has developed 3D audio technology for mobile phones. "+
		"Handsets with the technology have been released in Japan. "+
		"\"There should be handsets out in the UK in the next six months.\"")
	checkAnswer(t, d, "When will handsets with the technology be out in the UK?", "next six months")
	// Or "up to four years", "within two years", "in three years' time".
	d = NewDoc("Hobbit film", "Lord of the Rings director Peter Jackson has said that it will be up to four years before he starts work on a film version of The Hobbit. "+
		"The rights to the book are split between two film studios.")
	checkAnswer(t, d, "When will Jackson start work on The Hobbit?", "up to four years")
}

// A light verb the article does not use ("came third") does not count
// against a sentence that has the rest of the question.
func TestLightVerbMissing(t *testing.T) {
	d := NewDoc("Box office", "Comedy Meet The Fockers has held on to the number one spot at the North American box office for a second week. "+
		"It took $19.1m on Christmas Day alone, the highest takings on that day in box office history. "+
		"Animated film Lemony Snicket was second with $12.6m. "+
		"The Aviator, starring Leonardo DiCaprio, ended up in third position after taking $11.2m. "+
		"Fat Albert was fifth.")
	checkAnswer(t, d, "Which film came third at the box office?", "The Aviator")
	// "Suffer" an injury, a defeat: the meaning is in the noun.
	d = NewDoc("Musical closes", "The musical has cancelled its run after poor ticket sales. "+
		"Star Anna Lane had hoped to make her Broadway debut in the show. "+
		"The 33-year-old injured her knee while performing in Chicago.")
	checkAnswer(t, d, "What injury did Lane suffer?", "knee")
}

// A rate is the rate the question names: "What is the inflation rate?" of an
// article that gives interest rates but never speaks of inflation is
// declined; the rate it does give, or a rate of something named, is answered.
func TestRateOfWhat(t *testing.T) {
	d := NewDoc("Rates on hold", "Interest rates are set to remain on hold at 4.75% after the bank's meeting. "+
		"The bank has raised rates five times in the past year. "+
		"House prices fell 0.4% in October.")
	checkAnswer(t, d, "What is the inflation rate?", "")
	checkAnswer(t, d, "What is the interest rate?", "4.75%")
	d = NewDoc("Dollar slips", "In late trading in New York, the dollar fell to $1.2871 against the euro. "+
		"Traders expect it to fall further.")
	checkAnswer(t, d, "What was the dollar's rate against the euro?", "$1.2871")
}

// So is a sum: "How much profit did the bank make from the deal?" of an
// article that gives the deal's size but never speaks of profit is declined,
// saying so; a sum it names, or money in general, is answered.
func TestSumOfWhat(t *testing.T) {
	d := NewDoc("Bond deal probe", "Traders at a US bank face an inquiry over a bond deal. "+
		"The deal saw the sale of 11bn euros of government bonds in a few minutes, with 4bn euros-worth bought back later. "+
		"The bank owes regulators a fee of 2m euros.")
	checkAnswer(t, d, "How much profit did the bank make from the deal?", "")
	if got := d.Answer("How much profit did the bank make from the deal?").Text(); !strings.Contains(got, "“profit”") {
		t.Errorf("decline = %q, want it to name “profit”", got)
	}
	checkAnswer(t, d, "How much money did the bank sell in bonds?", "11bn euros")
	checkAnswer(t, d, "How much is the bank's fee?", "2m euros")
	for q, want := range map[string]string{
		"How much profit did the bank make?":     text.Term("profit"),
		"How much did it cost?":                  "",
		"How much money is Fiat losing?":         "",
		"How much per share did Foster's offer?": "",
		"How much of the club does he own?":      "",
	} {
		checkParsed(t, q, "sumOf", parseQuery(q).sumOf, want)
	}
}

// A firm is "founded" as news says it was "set up by" someone; an article
// that says who set up something else still declines.
func TestFoundedAsSetUp(t *testing.T) {
	d := NewDoc("Budget airline orders jets", "Sky Kerala has ordered 20 jets as the low-cost airline expands. "+
		"The airline was set up last year and wants to lure travellers from the railways. "+
		"For its part, Sky Kerala, set up by former pilot and tea planter Anil Menon, plans to double its fleet.")
	checkAnswer(t, d, "Who founded Sky Kerala?", "Anil Menon")
	d = NewDoc("Budget airline orders jets", "Sky Kerala has ordered 20 jets as the low-cost airline expands. "+
		"The airline was set up last year and wants to lure travellers from the railways.")
	checkAnswer(t, d, "Who founded Sky Kerala?", "")
}

// When something ends, news says by how long it runs: "When does the
// festival end?" — "The 10-day festival runs until 20 February".
func TestEndsAsRunsUntil(t *testing.T) {
	d := NewDoc("Film festival opens", "This year's film festival opens on Thursday with a period epic. "+
		"Of the 21 films in competition, more than half are from Europe. "+
		"The 10-day festival runs until 20 February.")
	checkAnswer(t, d, "When does the festival end?", "runs until 20 February")
	d = NewDoc("Gadget fair opens", "Bill Gates has opened the gadget fair in Las Vegas. "+
		"About 120,000 people are expected at the show, which runs from 6 to 9 January. "+
		"He made no announcement about the next games console.")
	checkAnswer(t, d, "When does the show end?", "runs from 6 to 9 January")
	d = NewDoc("Wenger backs Southgate", "Wenger, whose club contract runs to the summer, has been linked with the job. "+
		"Southgate succeeded Sam Allardyce in September. "+
		"Wenger said Southgate was a good observer of what was going on in the national team. "+
		"Wenger added that the defender would be offered a new contract by the club. "+
		"\"We try to extend, certainly, his contract,\" said Wenger. "+
		"Wenger said the midfielder would miss one or two more games.")
	checkAnswer(t, d, "When does Wenger's contract end?", "runs to the summer")
}

// When something will be available, news says when it is "rolled out" or
// goes "on sale".
func TestAvailableAsRolledOut(t *testing.T) {
	d := NewDoc("DVD copy guard", "DVDs will be harder to copy thanks to a new guard devised by a protection firm. "+
		"The firm says its new technology will thwart most of the programs used to copy DVDs. "+
		"The technology will be welcomed by film studios, which rely more and more on DVD sales. "+
		"DiscLock is expected to be rolled out on DVDs from the middle of 2005, the firm said.")
	checkAnswer(t, d, "When will the technology be available?", "middle of 2005")
	d = NewDoc("Handheld console", "The handheld console has sold well in Japan and the US. "+
		"Fans in the UK have been importing the console for months. "+
		"The console goes on sale in Europe in March, priced at £179.")
	checkAnswer(t, d, "When will the console be available in Europe?", "March")
	checkMatches(t, "onSaleRE", onSaleRE, map[string]bool{
		"is expected to be rolled out on DVDs": true,
		"went on sale on Friday":               true,
		"should be in the shops by Christmas":  true,
		"the roll-out of broadband":            false,
		"sales rose":                           false,
	})
}

// Whom a player will "play" next, a report says he "will face".
func TestPlayAsWillFace(t *testing.T) {
	d := NewDoc("Hewitt falls to Dent", "Lleyton Hewitt suffered a shock defeat to Taylor Dent in the quarter-finals in Adelaide on Friday. "+
		"The top seed went down 7-6 6-3 to the American. "+
		"Dent will face Juan Ignacio Chela next after the fourth seed was too strong for Jurgen Melzer.")
	checkAnswer(t, d, "Who will Dent play in the semi-finals?", "Juan Ignacio Chela")
	checkMatches(t, "facesNextRE", facesNextRE, map[string]bool{
		"Costa will next face Croatian Ivan Ljubicic": true,
		"Wales are due to meet Scotland":              true,
		"a character who has to face problems":        false,
	})
}

// A try "disallowed", a report says was "ruled out".
func TestDisallowedAsRuledOut(t *testing.T) {
	d := NewDoc("Coach fumes", "The England coach said he was livid after his side lost 19-13 in Dublin. "+
		"Tom Hale's first-half effort was ruled out for offside before the referee spurned TV replays. "+
		"\"We've got to go back to technology,\" the coach said.")
	checkAnswer(t, d, "Whose tries were disallowed?", "Tom Hale")
	checkMatches(t, "ruledOutRE", ruledOutRE, map[string]bool{
		"the goal was chalked off for a foul": true,
		"he has ruled out a move to Chelsea":  false,
	})
}

// What a job pays, news gives as a sum by the year: "How much will the
// commissioner be paid?" — "will start the £100,000-a-year job", not a sum
// "a year earlier".
func TestPaidAsSumAYear(t *testing.T) {
	d := NewDoc("Children's tsar", "The first children's commissioner for England has been appointed. "+
		"Professor Ann Hale was chosen by the government and will start the £100,000-a-year job immediately. "+
		"She will oversee a £2.5m annual budget.")
	checkAnswer(t, d, "How much will the commissioner be paid?", "£100,000-a-year job")
	d = NewDoc("Drinks deal", "Drinks giant Dunmore has agreed to buy wine maker Chalk Hill for $260m. "+
		"It already has a wine arm in California. "+
		"In July, Dunmore reported an annual turnover of £8.89bn, down from £9.28bn a year earlier.")
	checkAnswer(t, d, "How much will Dunmore pay for Chalk Hill?", "$260m")
	checkMatches(t, "payRateRE", payRateRE, map[string]bool{
		"will start the £100,000-a-year job":      true,
		"he is earning $2m a year.":               true,
		"on £40,000 a year salary":                true,
		"down from £9.28bn a year earlier":        false,
		"sales of $5bn a year from its own shops": false,
	})
}

// Expecting is the question's form, not what it asks happened: "When does
// Jones expect the vote?" asks when the vote is, which an article need not
// say anyone expects; a question about what it never mentions still declines.
func TestExpectIsTheForm(t *testing.T) {
	d := NewDoc("Greens hopeful", "Voters are tired of the old parties, said Mary Jones. "+
		"Ms Jones said the Greens would stand in every seat. "+
		"In her spring message the Green Party leader said her party was ready for a 2006 vote.")
	checkAnswer(t, d, "When does Jones expect the vote?", "2006")
	checkAnswer(t, d, "When does Jones expect the referendum?", "")
}

// "Who chairs …?" is answered by the sentence that names the chairman: a
// question's verb finds the noun news calls whoever does it.
func TestRoleNouns(t *testing.T) {
	d := NewDoc("Migration", "Migration Watch says it is not against all immigration. "+
		"Migration Watch says the government publishes accurate figures. "+
		"Sir Andrew Green, chairman of the organisation, says there is no need for an independent body. "+
		"Migration Watch has often criticised ministers. "+
		"Ministers disagree.")
	checkAnswer(t, d, "Who chairs Migration Watch?", "Sir Andrew Green")
	if r := text.Related(text.Term("runs")); !slices.Contains(r, text.Term("chief")) {
		t.Errorf("Related(run) = %v, want chief among them", r)
	}
	d = NewDoc("Grey vote", "Political parties cannot take older voters for granted, says Age Concern. "+
		"Age Concern's survey suggests 69% of over-55s always vote. "+
		"Charity boss Gordon Lishman said older voters could decide the election.")
	checkAnswer(t, d, "Who is the director of Age Concern?", "Gordon Lishman")
	d = NewDoc("Peter Pan", "The stage musical of Peter Pan has opened at the Palace Theatre in Manchester. "+
		"Lead actress Anna Fielding flew over the audience on a wire in the second act. "+
		"The show runs until the end of March.")
	checkAnswer(t, d, "Who plays Peter Pan?", "Anna Fielding")
}

// A "who" question's best sentence that lacks what is asked gives way to one
// close behind that says it and names someone.
func TestWhoPrefersThePredicate(t *testing.T) {
	d := NewDoc("Squad", "Euan Murray has been named in the Scotland training squad ahead of the Six Nations match with Ireland. "+
		"The Scotland squad trained in Edinburgh on Monday. "+
		"Forwards: Ross Beattie (Northampton Saints), Bruce Douglas (The Borders), Jon Dunbar (Leeds Tykes), Iain Fullarton (Saracens), Stuart Grimes (Newcastle Falcons), Nathan Hines (Edinburgh Rugby), Gordon Bulloch (captain, Glasgow Rugby), Allister Hogg (Edinburgh Rugby), Gavin Kerr (Leeds Tykes), Nick Lloyd (Saracens), Scott Lawson (Glasgow Rugby), Jon Petrie (Glasgow Rugby), Robbie Russell (London Irish), Tom Smith (Northampton Saints), Jason White (Sale Sharks). "+
		"The match is on Saturday.")
	checkAnswer(t, d, "Who is the Scotland captain?", "Gordon Bulloch")
}

// "Who" asks who did something: an article that never says it in any form
// (the word, a derived form, a synonym, the noun for whoever does it) does not
// answer it with a sentence that only names the subject; one that does say it
// does.
func TestWhoOfWhatTheArticleNeverSays(t *testing.T) {
	body := "British hurdler Sarah Claxton is confident she can win her first major medal in Madrid next month. " +
		"The 25-year-old has twice broken the British record over 60m hurdles this season. " +
		"Claxton has won the national title for the past three years. " +
		"Claxton will see if her new training regime pays off at the European Indoors."
	checkAnswer(t, NewDoc("Claxton", body), "Who coaches Sarah Claxton?", "")
	body += " Her coach, Malcolm Arnold, said she was in the form of her life."
	checkAnswer(t, NewDoc("Claxton", body), "Who coaches Sarah Claxton?", "Malcolm Arnold")
}

// The kind of thing a "which" question asks for ("which firm") is named by
// the answer, not used: an article that never says "firm" still answers it.
func TestWhichKindNamedNotUsed(t *testing.T) {
	d := NewDoc("Dashboard", "Carmaker Veltra has worked with chip maker Orbis to build a touch-screen dashboard for its new saloon. "+
		"The saloon goes on sale in the spring at a price of £21,000. "+
		"Veltra said drivers would be able to control the radio, heating and satellite navigation from the screen. "+
		"Sales of the old model fell by a third last year.")
	checkAnswer(t, d, "Which firm helped Veltra with the dashboard?", "Orbis")
	checkAnswer(t, d, "Which firm designed the saloon's engine?", "")
}

// A "which" or "where" question asks which of the things or places the
// article names fits; news often says how in other words ("listed on" for
// "traded", "was responding to" for "wrote"), so a predicate the article never
// uses is no reason to decline it.
func TestWhichOrWhereInOtherWords(t *testing.T) {
	d := NewDoc("Sentences", "Murder sentences should not be cut automatically because of a guilty plea, says a new report by MPs. "+
		"The Commons justice committee was responding to sentencing guidelines issued in the summer. "+
		"The report also calls for judges to explain every sentence in plain English.")
	checkAnswer(t, d, "Which committee wrote the report?", "justice committee")
	d = NewDoc("Stadium", "Hartfield United's chairman says a stock market listing is one of the options for funding the club's new stadium. "+
		"The club, which is currently listed on the smaller Ofex share exchange, moves to its 40,000-seat ground next year. "+
		"Season ticket prices will rise by 10%.")
	checkAnswer(t, d, "Where are Hartfield United's shares traded?", "Ofex")
}

// "How many Grand Slams has he won?" is answered by the sentence that counts
// them ("Two grand slams, it's already something"), however far down the
// ranking, before a better-ranked one with some other number.
func TestCountOfTheNounFurtherDown(t *testing.T) {
	d := NewDoc("Reyes eyes title", "Newly-crowned champion Luis Reyes has ruled out winning a Grand Slam on clay in the future. "+
		"After losing in round one in 2003, Reyes said he had given up on the French Open and winning his Grand Slam title had not changed his mind. "+
		"Reyes is hopeful that his win will give him the belief he needs to win more Grand Slam titles. "+
		"\"It's a relief for me. "+
		"Two grand slams, it's already something,\" he said. "+
		"Reyes admitted he had begun to doubt whether he would win another Grand Slam.")
	checkAnswer(t, d, "How many Grand Slams has Reyes won?", "Two grand slams")
	// Or after the word and a noun for its tally.
	d = NewDoc("Telecom profits", "Strong growth at its mobile network helped lift profits at the telecoms group. "+
		"The network grew fast outside its home market, swelling its subscriber base to 5.4 million. "+
		"Its broadband business also grew.")
	checkAnswer(t, d, "How many subscribers does the network have?", "5.4 million")
	d = NewDoc("Carmaker's year", "The carmaker's profits rose as its loans business did well. "+
		"Total vehicle unit sales in 2004 were 6,798,000, up 62,000 on 2003. "+
		"Its share of the US market fell.")
	checkAnswer(t, d, "How many vehicles did the carmaker sell in 2004?", "6,798,000")
	// Of sentences as close to the question, the first to give a count or a
	// sum gives the one the story is about.
	d = NewDoc("Zombie PCs", "More than one million home computers have been hijacked by hackers, researchers say. "+
		"The researchers tracked 100 networks of hijacked machines for months. "+
		"The biggest network they found was made up of 50,000 hijacked home computers.")
	checkAnswer(t, d, "How many computers have been hijacked?", "one million")
	d = NewDoc("Bank deal", "Standard Bank will pay $1.9bn for Korea First Bank, a lender owned by investors. "+
		"The deal is the biggest in Korea's banking industry. "+
		"Standard Bank will pay $300m in fees.")
	checkAnswer(t, d, "How much will Standard Bank pay?", "$1.9bn")
	// Or right after the question's verb, the noun left out: "sold over
	// one million", "which killed five,".
	d = NewDoc("Book prize", "A first novel has won the booksellers' prize for the year's best read. "+
		"Last year's winner, a crime novel, sold over one million. "+
		"The winning author said she was stunned.")
	checkAnswer(t, d, "How many copies did last year's winner sell?", "one million")
	d = NewDoc("Bomb", "A suicide bomb attack has hit a Tel Aviv nightclub. "+
		"The attack, which killed five, was the first since the truce. "+
		"Police said the bomber died aged 21.")
	checkAnswer(t, d, "How many people died in the attack?", "killed five")
	// A vote's tally after its verb gives the count for first, in any of
	// the languages questions are read in; a range after a verb is no
	// tally.
	d = NewDoc("Brexit vote", "Parliament delayed its decision on the Brexit deal. "+
		"MPs voted 322 to 306 for a motion that delays the decision until the law is passed. "+
		"Die Abgeordneten stimmten mit 322 zu 306 für einen Antrag.")
	checkAnswer(t, d, "How many MPs voted for the motion?", "322 to 306")
	checkAnswer(t, d, "Wie viele Abgeordnete stimmten für den Antrag?", "322 zu 306")
	if !tallyRE.MatchString(" by 322 votes to 306.") || tallyRE.MatchString(" 15 to 20 hours a week") {
		t.Error("tallyRE: want a tally in \" by 322 votes to 306.\", none in the range \" 15 to 20 hours a week\"")
	}
	// A count that looks like a year is a count right before its noun.
	d = NewDoc("Umfrage", "Die Einsparbereitschaft ist groß. "+
		"Das Institut YouGov hatte 2056 Menschen in Deutschland befragt.")
	checkAnswer(t, d, "Wie viele Menschen wurden befragt?", "2056 Menschen")
	d = NewDoc("Writer dies", "The novelist died aged 75 at his home in Dublin. "+
		"He wrote in English and Irish.")
	checkAnswer(t, d, "How many people died?", "")
	d = NewDoc("Festival", "Ticket sales for the festival rose by 20% this year. "+
		"The organisers said 45 bands would play over the weekend.")
	checkAnswer(t, d, "How many tickets were sold?", "")
	// Or, for people, with the group they make up: "the 11-strong panel".
	d = NewDoc("Booker shortlist", "The shortlist for this year's Booker Prize has been published. "+
		"Six novels were chosen from 132 entries, and two of the authors are first-time novelists. "+
		"The 11-strong judging panel will announce the winner on 10 October. "+
		"Bookmakers make the Irish writer the favourite.")
	checkAnswer(t, d, "How many people are on the judging panel?", "11-strong")
	checkAnswer(t, d, "How many players will be in the squad?", "")
	d = NewDoc("Wales squad", "Wales coach Mike Ruddock will name a 30-man squad for the Six Nations on Tuesday. "+
		"Ruddock said injuries had made the choice harder. "+
		"Gareth Thomas is expected to stay as captain.")
	checkAnswer(t, d, "How many players will be in the Wales squad?", "30-man")
	// Athletes, runners, competitors are people too: "the 32-strong squad".
	d = NewDoc("Chepkemei cleared", "Kenya's governing body has lifted its ban on Susan Chepkemei. "+
		"The coaches will now decide whether she can be included in the 32-strong squad for the world championships. "+
		"She said she was ready to represent her country.")
	checkAnswer(t, d, "How many athletes are in the squad?", "32-strong")
}

// Who made a report or figures is named beside them ("the Hefce report",
// "figures from the Building Societies Association") or in the sentence after
// "…, figures show.", whatever verb the question uses; an article that names
// no maker there still declines.
func TestMakerNamedBesideTheObject(t *testing.T) {
	d := NewDoc("Lending slows", "Mortgage lending slowed again in November, new data show. "+
		"Gross lending fell by 4% to £25bn, the lowest total for the month in three years. "+
		"Separate figures from the Building Societies Association showed the value of loans fell by a third. "+
		"Analysts expect prices to fall slightly next year.")
	checkAnswer(t, d, "Who published the figures?", "Building Societies Association")
	d = NewDoc("Fiscal warning", "The chancellor may have to raise taxes to meet his borrowing rule, economists say. "+
		"Other than its warning on taxes, the Westfield report was optimistic about the economy. "+
		"Growth is expected to slow next year.")
	checkAnswer(t, d, "Who wrote the report?", "Westfield report")
	// With what the maker is between "by" and its name, in a sentence that
	// otherwise has little of the question.
	d = NewDoc("PCs to double", "The number of personal computers in use will double by 2010, according to a report by analysts Cortland Research. "+
		"Growth will come from China and India.")
	checkAnswer(t, d, "Who wrote the report?", "Cortland Research")
	// Up to three words of what it is: "from e-mail management firm".
	d = NewDoc("Junk mail", "Spam now makes up nine in ten e-mails. "+
		"The figures, from e-mail security firm Mailwall Data, will worry firms. "+
		"Virus traffic has slowed.")
	checkAnswer(t, d, "Who compiled the figures?", "Mailwall Data")
	// Or after the passive of a verb of making, for a question about making
	// ("built" — "has been developed by"); not for another question.
	d = NewDoc("Panda watch", "A wireless network is helping rangers at the reserve watch its pandas from their office. "+
		"The network has been developed by Cobalt Systems, working with the reserve's staff. "+
		"The network links 40 cameras across the valley. "+
		"Rangers say the network has already shown them a birth.")
	checkAnswer(t, d, "Which company built the network?", "Cobalt Systems")
	d = NewDoc("Mill sale overturned", "A court has overturned the sale of the country's biggest steel mill. "+
		"The consortium that won the auction for the mill was created by Ivan Petrov, the president's son-in-law.")
	checkAnswer(t, d, "Who will buy the mill now?", "")
	d = NewDoc("PCs to double", "The number of personal computers in use will double by 2010, a report says, with the full report by early March to follow. "+
		"Growth will come from China and India.")
	checkAnswer(t, d, "Who wrote the report?", "")
	d = NewDoc("Output", "Factory output rose in the last three months of the year. "+
		"The output figures brought a cautiously optimistic response from officials. "+
		"Exports were flat.")
	checkAnswer(t, d, "Who published the figures?", "")
	// A capital that opens the sentence is no name.
	d = NewDoc("Output", "Factory output rose in the last three months of the year. "+
		"Separate figures showed exports were flat.")
	checkAnswer(t, d, "Who published the figures?", "")
	// Or in the sentence after one that gives them without a maker, as its
	// subject or at its end; not after a report in someone's words.
	d = NewDoc("Sales", "Retail sales rose in November as shoppers flocked to the shops, figures show. "+
		"The Office for National Statistics (ONS) said sales rose 0.6% on the month. "+
		"Clothing stores did best.")
	checkAnswer(t, d, "Who published the figures?", "Office for National Statistics")
	d = NewDoc("Trade", "Trade between the two countries tripled in the summer, new figures showing exports up sharply. "+
		"The value of trade rose to $186m, the Indian Government said.")
	checkAnswer(t, d, "Who published the figures?", "Indian Government")
	d = NewDoc("Skills", "Adult literacy courses are reaching more people. "+
		"\"The report shows our efforts are working,\" the skills minister said. "+
		"Shadow Education Secretary Tim Collins said the figures were thin.")
	checkAnswer(t, d, "Who wrote the report?", "")
	// So is who made news known, after a lead that names no one: "…,
	// according to federal regulators."
	d = NewDoc("Recall", "A carmaker is recalling 200,000 vehicles in the US on safety grounds, according to federal regulators. "+
		"The National Highway Traffic Safety Administration (NHTSA) said most of them are vans. "+
		"News of the recall follows an announcement last month that the carmaker expects lower earnings.")
	checkAnswer(t, d, "Which agency announced the recall?", "National Highway Traffic Safety Administration")
	// Or at the end of the sentence that gives what was made known.
	d = NewDoc("Charity match", "Sydney will host a charity match in June, the Australian Rugby Union said on Wednesday. "+
		"The match will include players from the Lions tour. "+
		"Wallabies captain George Gregan said the charity match was a great idea. "+
		"A cricket charity match in Melbourne raised millions last month.")
	checkAnswer(t, d, "Who announced the match?", "Australian Rugby Union")
	// So is who made a report or research, after a lead that says only
	// "says a report" or "say researchers", in the words that name them:
	// "according to analysts X", "Academics from X found", "A study by X
	// found".
	d = NewDoc("Broadband in Kenya", "Broadband is spreading faster in Kenya than anywhere in Africa, says a report. "+
		"Subscriptions will reach 90,000 by the end of 2005, according to market analysts Ovum/Pyramid. "+
		"Operators said cheaper links had been the key, the Communications Commission of Kenya said.")
	checkAnswer(t, d, "Who wrote the report?", "Ovum/Pyramid")
	d = NewDoc("Music lessons", "Learning an instrument helps children with maths, say researchers. "+
		"Scientists from the Music Institute at Leeds University found that pupils who played scored higher in tests. "+
		"\"Our research shows children enjoy it and learn from it,\" said research fellow Anna Shaw.")
	checkAnswer(t, d, "Who carried out the research?", "Music Institute")
	d = NewDoc("Podcast habits", "One in five adults now listens to podcasts, according to a survey. "+
		"A study by the Digital Life Project found that listeners are mostly young men. "+
		"Most people listen on their phones, the study found.")
	checkAnswer(t, d, "Who conducted the survey?", "Digital Life Project")
	for q, want := range map[string]string{
		"Who published the figures?":        "figures",
		"Who sued the Beastie Boys?":        "", // a name, not a noun
		"When will the trial start?":        "",
		"How much did Arsenal pay for him?": "",
	} {
		checkParsed(t, q, "object", parseQuery(q).object, want)
	}
}

// "Who wants to buy the club?" asks who would buy it — news says a takeover
// bid — not who wants anything.
func TestWantsTo(t *testing.T) {
	d := NewDoc("Shareholders to fight bid", "The club's biggest shareholders have said they will oppose any formal £600m takeover bid from US tycoon Harold Baxter. "+
		"Mr Baxter was given permission to look at the club's accounts last week. "+
		"The club's board is yet to respond.")
	checkAnswer(t, d, "Who wants to buy the club?", "Harold Baxter")
	d = NewDoc("Shareholders unhappy", "The club's biggest shareholders have said they are unhappy with the board. "+
		"The club's board is yet to respond.")
	checkAnswer(t, d, "Who wants to buy the club?", "")
	// "expected to" puts what is asked after it, as "wants to" does: an
	// article that never says "expected" still gives the sum.
	d = NewDoc("Actor sells antiques", "Veteran actor Robert Hardy is selling his collection of antiques in a £100,000 auction after deciding to downsize his home. "+
		"More than 200 items are for sale, including a longbow made from yew. "+
		"Mr Hardy said he was sad to sell his collection.")
	checkAnswer(t, d, "How much is the auction expected to raise?", "£100,000")
}

// "How much is Standard Chartered paying?" asks for a sum of money as "How
// much will it pay?" does, though the stemmer keeps "pay" whole and turns
// "paying" into "pai".
func TestMoneyQuestionForms(t *testing.T) {
	for _, q := range []string{"How much is the bank paying?", "How much does it pay?", "How much is the firm buying?", "How much did they spend?"} {
		if got := quantityOf(strings.ToLower(q)); got != money {
			t.Errorf("quantityOf(%q) = %v, want money", q, got)
		}
	}
	d := NewDoc("Bank buys Korean lender", "A UK bank said it would spend $3.3bn to buy one of South Korea's main retail banks. "+
		"Its shares fell nearly 3% in London as it sold new shares worth £1bn to pay for the deal.")
	checkAnswer(t, d, "How much is the bank paying?", "$3.3bn")
}

// A sum, a score or a measure asked about is often given in the sentence
// after the one that says what it was for, in other words ("won £3,200" for
// "awarded compensation").
func TestSumInTheNextSentence(t *testing.T) {
	d := NewDoc("Council loses appeal", "The city council has lost its appeal against a cyclist's compensation for a crash on a badly repaired road. "+
		"Courier Dan Hale, 31, won £3,200 after he broke his wrist in the fall. "+
		"The council said it would review how it inspects roads. "+
		"Dozens of other claims are waiting to be heard.")
	checkAnswer(t, d, "How much compensation was the cyclist awarded?", "£3,200")
	// So is a score.
	d = NewDoc("Lund bows out", "Football great Anna Lund has played her last international match. "+
		"Lund, 33, came on for the final 20 minutes to help Norway to a 3-1 win over Wales. "+
		"She leaves as her country's record scorer.")
	checkAnswer(t, d, "What was the score of Lund's last international match?", "3-1")
	// So is a measure (not a rate, which any percentage would seem to give).
	d = NewDoc("Inspectors hampered", "The computer systems used to track nuclear material are so outdated that they slow inspectors down. "+
		"A spokesman for the agency said its technology could miss key information as it was more than 20 years old. "+
		"Such systems are the only way of tracking the material.")
	checkAnswer(t, d, "How old are the computer systems?", "more than 20 years old")
	d = NewDoc("Housing survey", "The survey flies in the face of evidence that the housing market has slowed in response to interest rate rises. "+
		"Last week a lender said house prices fell 0.2% in December.")
	checkAnswer(t, d, "What is the current interest rate?", "")
	// Not after a sentence that has less of the question.
	d = NewDoc("Council loses appeal", "The city council has lost its appeal over a crash on a badly repaired road. "+
		"Courier Dan Hale, 31, broke his wrist in the fall. "+
		"Repairs to the road will cost £3,200, the council said.")
	checkAnswer(t, d, "How much compensation was the cyclist awarded?", "")
}

// "How much did shares fall?" is answered by the percentage news gives it as
// ("closed down 6%"), though the article never says "fall"; not by another
// sum.
func TestChangeGivenAsPercentage(t *testing.T) {
	d := NewDoc("Drug setback", "Shares in the Anglo-Dutch drugs group closed down 6% in London after its heart pill failed a clinical trial. "+
		"The pill did not lower the risk of a second attack in the 3,100 patients tested. "+
		"Analysts said the setback left Varnex relying on its asthma inhaler, which had sales of $2.1bn last year.")
	checkAnswer(t, d, "How much did Varnex shares fall?", "6%")
	d = NewDoc("Unit sold", "Drugs group Varnex has sold its vitamins unit to a rival for $2.1bn. "+
		"The unit employs 3,100 people in 12 countries, and Varnex said none would lose their jobs. "+
		"Analysts said the sale left Varnex relying on its asthma inhaler.")
	checkAnswer(t, d, "How much did Varnex shares fall?", "")
}

// "Where" prefers, among the best sentences, one that says what is asked and
// names a place, though in one word ("the Welsh port of Fishguard").
func TestWherePrefersThePredicate(t *testing.T) {
	d := NewDoc("Singer honoured", "Singer Mara Quell, best known for her album Lanterns, has been given a lifetime award by the Music Guild. "+
		"The 52-year-old collected the award from guild president Tom Ashby at a dinner in London. "+
		"The singer, who was born in the Welsh port of Fishguard, also spoke of leaving school at 16 to sing in clubs. "+
		"Her new album is released in May.")
	checkAnswer(t, d, "Where was Mara Quell born?", "Fishguard")
	// Not over the best sentence when it names a place and the one that
	// says "plays" names none.
	d = NewDoc("Nadal puts Spain ahead", "Result: Nadal beat Roddick 6-2 6-2 6-4. "+
		"Rafael Nadal beats Andy Roddick of the USA in the second rubber of the Davis Cup final in Seville. "+
		"Roddick serves well, but he plays it poorly and Nadal avoids the danger. "+
		"A long rally ends when Roddick finally manages a smash.")
	checkAnswer(t, d, "Where was the Davis Cup final played?", "Seville")
}

// "Where is the conference held?" is answered by a place named right before
// the word ("told the Brighton conference"), wherever that sentence ranks.
func TestWherePlaceBeforeTheNoun(t *testing.T) {
	d := NewDoc("Tories gather", "Tory delegates are gathering for their spring conference, the last Tory conference before the general election. "+
		"The conference will be held over three days, and the Tory leader will speak on Saturday. "+
		"The party is trying to close the gap on Labour in the polls. "+
		"Labour's rule has been characterised by lost trust, co-chairman Liam Fox told the Brighton conference.")
	checkAnswer(t, d, "Where is the Tory conference being held?", "Brighton conference")
}

// "How old is Duncan Bell?" is answered by the age news gives beside his name
// ("Bell, 30,"), wherever it ranks, not by a number about something else
// ("England's 30-man squad").
func TestAgeBesideTheName(t *testing.T) {
	d := NewDoc("Bell called up", "Bath prop Duncan Bell has been added to England's 30-man squad to face Ireland in the Six Nations. "+
		"With Phil Vickery out for six weeks with a broken arm and Julian White injured, Bell could make his debut on Sunday. "+
		"Duncan Bell was among the tryscorers when England A beat France A 30-20. "+
		"England coach Andy Robinson said Duncan Bell had earned his chance. "+
		"But Sheridan favours the loosehead side, and uncapped Bell, who scored a try for England A nine days ago, is likelier to start. "+
		"Bell, 30, had set his sights on playing for Wales.")
	checkAnswer(t, d, "How old is Duncan Bell?", "Bell, 30,")
}

// A "who" answer that describes whom the sentence before named ("The Spanish
// top seed …") is quoted with that sentence, not with the next one's name.
func TestWhoNamedInTheSentenceBefore(t *testing.T) {
	d := NewDoc("Velez into final", "Maria Velez will play Anna Kross in the final of the Dubai Open on Sunday. "+
		"The Spanish top seed and defending champion overcame Germany's Lena Hoff, the third seed, 6-3 6-4. "+
		"And Kross survived an injury scare in her semi-final with Austrian Tamara Pichler. "+
		"Kross will move into the world's top 50 for the first time.")
	checkAnswer(t, d, "Who beat Lena Hoff?", "Maria Velez")
}

// A rate is given as a percentage without the word: "What is the
// unemployment rate in Spain?" — "unemployment remains high at about 9%".
func TestRateGivenAsPercentage(t *testing.T) {
	d := NewDoc("Spain grows", "The Spanish economy grew faster than expected at the end of 2004, official figures show. "+
		"Growth in Spain for the three months to December was 0.8%, ahead of forecasts. "+
		"Spain's government expects growth of 3% in 2005. "+
		"Exports from Spain rose, helped by demand from France. "+
		"But unemployment remains high at about 9%.")
	checkAnswer(t, d, "What is the unemployment rate in Spain?", "9%")
}

// A rate is a percentage or a price: an article that speaks of interest rates
// without giving one does not say what the rate is, though it has numbers.
func TestRateWantsAFigure(t *testing.T) {
	body := "UK businesses are set to prosper during the next few months, a survey of 5,000 firms says. " +
		"But that could trigger more interest rate rises, it warns. " +
		"The output index is being held back by recent interest rate rises and the strength of sterling. " +
		"\"Growth will probably slow by the end of 2005 and we are likely to see higher interest rates,\" it says."
	checkAnswer(t, NewDoc("Survey", body), "What is the interest rate?", "")
	body += " The Bank of England has held interest rates at 4.75% since August."
	checkAnswer(t, NewDoc("Survey", body), "What is the interest rate?", "4.75%")
	d := NewDoc("Dollar", "The dollar fell again on Friday as worries about the US trade deficit grew. "+
		"In late trading in New York, the dollar was at $1.2871 against the euro, from $1.2974 on Thursday.")
	checkAnswer(t, d, "What was the dollar's rate against the euro in New York?", "$1.2871")
	// A percentage may be written in words.
	d = NewDoc("Concern over RFID tags", "Consumers are very concerned about the use of RFID tags in shops, a survey says. "+
		"More than half of 2,000 people surveyed said they had privacy worries about the tags. "+
		"Fifty nine percent of people said they were worried that the tags would allow data to be used by third parties.")
	checkAnswer(t, d, "What percentage were worried about data being used by third parties?", "Fifty nine percent")
}

// The kind a "which" question asks for, never named as such, is named in the
// description the next sentence opens with ("The Fulham defender …").
func TestKindInTheDescriptionAfter(t *testing.T) {
	d := NewDoc("Footballer wins case", "Premiership footballer and restaurant owner Dean Marsh has won a court case against a fish supplier. "+
		"The Fulham defender said he was glad the judge had seen sense after a year of arguments. "+
		"The supplier, Coastline Foods, had claimed Mr Marsh owed it £12,000. "+
		"Mr Marsh opened his first restaurant in Putney in 2002.")
	checkAnswer(t, d, "Which club does Dean Marsh play for?", "Fulham")
}

// A number after a capitalized word is part of the question's name ("Star
// Racer 2"): a sentence with only the name does not answer what the article
// never says of it.
func TestNumberInAName(t *testing.T) {
	d := NewDoc("Star Racer 2 reviewed", "Star Racer 2 is the most frantic racing game you will play this year. "+
		"Players choose one of 12 cars and race through five tracks of city streets. "+
		"At a mere £20, Star Racer 2 is as cheap as a takeaway for two. "+
		"Most gamers will ignore it for the fireworks of bigger titles.")
	checkAnswer(t, d, "Who developed Star Racer 2?", "")
}

// "What surface …?" is answered by a sentence that has the noun asked for
// ("the clay surface") and more of the question, over a shorter one that
// only has its verb.
func TestWhatKindHasTheNoun(t *testing.T) {
	d := NewDoc("Nadal levels", "Rafael Nadal levelled the Davis Cup final against Andy Roddick on Friday. "+
		"Roddick is trying to lift himself, but the clay surface is taking its toll on his game and he is looking tired. "+
		"There is a break in play as Roddick is upset about something in the crowd. "+
		"But he plays it poorly and Nadal avoids the danger. "+
		"Nadal holds his nerve and the crowd goes wild. "+
		"Roddick holds serve to force Nadal to serve for the match. "+
		"Nadal wins the game to love. "+
		"Roddick saves a break point with a superb stop volley. "+
		"The American blasts an ace to save one but follows up with a double fault. "+
		"Nadal edges towards taking the second set with a comfortable hold. "+
		"Roddick double-faults twice and Nadal takes full advantage.")
	checkAnswer(t, d, "What surface were they playing on?", "clay surface")
}

// A quoted sentence that ends in a colon is quoted with what it introduces:
// a list's first item.
func TestColonQuotesWhatFollows(t *testing.T) {
	d := NewDoc("The birth lottery", "A new report by Stanford University assessed poverty and mobility in 10 wealthy countries. "+
		"The overall rankings of the countries were as follows:\n1. Finland\n2. Norway\n3. Australia\n"+
		"The low ranking the U.S. received was due to its inequality. "+
		"CNNMoney (New York) First published February 1, 2016: 1:28 AM ET")
	checkAnswer(t, d, "Which country ranked first?", "Finland")
	// So is one that asks: the article answers it next, whatever it asks.
	d = NewDoc("Through the Darkest of Times review", "Our verdict: a superbly crafted game.\n"+
		"Expect to pay $15\nDeveloper Paintbucket Games\nMultiplayer? No\n"+
		"The game follows a resistance group in Berlin from 1933 to the end of the war, and it never lets you forget who is watching.")
	if a := d.Answer("Does the game have multiplayer?"); !slices.Contains(a.Evidence, "No") {
		t.Errorf("Answer(multiplayer?) quotes %q, not the answer after the question", a.Evidence)
	}
	d = NewDoc("Superbugs", "Imagine being sick in the hospital with an infection doctors cannot stop. "+
		"This so-called \"superbug\" scenario is not science fiction. "+
		"Every year, about 2 million people get sick from a superbug, according to the CDC.\n"+
		"But First: What's a Superbug?\n"+
		"It's a term coined by the media to describe bacteria that cannot be killed using multiple antibiotics. "+
		"Any species of bacteria can turn into one.")
	checkAnswer(t, d, "What is a superbug?", "cannot be killed")
}

// A question in Chinese finds its words in a Chinese article, written as it
// is without spaces; a decline names the runs of characters the article never
// uses, not the question's words of asking.
func TestChineseQuestions(t *testing.T) {
	d := NewDoc("DeepMind新电脑已可利用记忆自学", "谷歌在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识的计算机。"+
		"这款产品具有极其重要的意义。"+
		"DeepMind表示，这款名为DNC（可微神经计算机）的AI模型可以接受家谱和伦敦地铁网络地图这样的信息。"+
		"DeepMind已将其研究结果发表在科学刊物《自然》上。")
	checkAnswer(t, d, "谷歌在哪一年收购了DeepMind？", "2014")
	checkAnswer(t, d, "DeepMind的研究结果发表在哪里？", "《自然》")
	if a := d.Answer("DNC什么时候上市？"); a.Answerable || !slices.Equal(a.Missing, []string{"时候", "市"}) {
		t.Errorf("Answer(DNC什么时候上市？) = %q, missing %q, want a decline missing “时候” and “市” (the article has 上)", a.Text(), a.Missing)
	}
	// "叫什么名字" asks what something is called: its characters are no
	// words the article fails to use.
	if a := d.Answer("DNC的发明人叫什么名字？"); a.Answerable || !slices.Equal(a.Missing, []string{"明"}) {
		t.Errorf("Answer(DNC的发明人叫什么名字？) = %q, missing %q, want a decline missing only “明” (the article has 发 and 人)", a.Text(), a.Missing)
	}
}

// "Which newspaper …?" is answered by a sentence that names one right after
// the word, though it says "claimed" for "reported".
func TestKindNamedAfterTheNoun(t *testing.T) {
	d := NewDoc("Bank shares up", "Shares in Alder Bank and Brook Securities jumped on Monday amid speculation that the two will merge. "+
		"Business newspaper Trade Daily claimed that the firms will join up next year and have already held discussions. "+
		"The firms denied that they are about to merge, but said they were looking at working more closely. "+
		"Alder shares climbed by 2.7%, and Brook added 5.3%.")
	checkAnswer(t, d, "Which newspaper reported the merger talks?", "Trade Daily")
	checkAnswer(t, d, "Which magazine reported the merger talks?", "")

	// Qualified as the question qualifies it: "US firm ISG", not "Dutch
	// firm Ispat".
	d = NewDoc("Steel deal", "Mittal Steel was formed last year when LNM Holdings merged with Dutch firm Ispat. "+
		"The company is due to complete its $4.5bn acquisition of US firm ISG next month. "+
		"Mittal Steel has operations in 14 countries.")
	checkAnswer(t, d, "Which US firm is Mittal Steel buying?", "US firm ISG")

	// Or a name that ends in the noun: "Greystone Prison" for "Which prison
	// …?"; not a longer name ("Greystone Prison Trust") or an owner
	// ("Greystone Prison's founder").
	d = NewDoc("Inmate wins damages", "Ministers have lost an appeal against an inmate's compensation for being forced to slop out. "+
		"Car thief Sam Lowe, 27, won £1,900 after he said he fell ill while slopping out at Greystone Prison. "+
		"Officials said the practice would end next year.")
	checkAnswer(t, d, "Which prison was he held in?", "Greystone Prison")
	for sentence, want := range map[string]bool{
		"He fell ill while slopping out at Greystone Prison.":              true,
		"He fell ill while slopping out in a Greystone Prison Trust wing.": false,
		"He fell ill in a wing named after Greystone Prison's founder.":    false,
		"Prison officers said he fell ill.":                                false,
	} {
		d := NewDoc("Inmate", sentence)
		if got := d.kindEndsName(0, d.bind(parseQuery("Which prison was he held in?"))); got != want {
			t.Errorf("kindEndsName(%q) = %v, want %v", sentence, got, want)
		}
	}
}

// A sentence that calls someone by the surname ("Vell, 23, was …") is about
// the person the question names in full.
func TestSurnameStandsForTheName(t *testing.T) {
	d := NewDoc("Resistance film", "Anna Vell - The Last Letter portrays the final weeks of the member of the Blue Star group. "+
		"Director Tom Hale said: \"I feel responsible for keeping the Vells' legacy alive.\" "+
		"Vell, 23, was arrested and shot with her brother in 1944 for printing leaflets. "+
		"The film drew on letters kept by Vell's sister, and on the Vells' diaries. "+
		"It follows the six days from Vell's arrest to her trial. "+
		"Hale worked with the family to make sure the film was accurate. "+
		"It is one of three films from the country in the festival's main competition.")
	checkAnswer(t, d, "When was Anna Vell executed?", "1944")
}

// "What is it called?" prefers, among the best sentences, one that gives a
// name as one ("known as Ring Talk").
func TestCalledAnswersWithAName(t *testing.T) {
	d := NewDoc("Free calls", "Ringline is offering customers free internet telephone calls if they sign up to broadband in December. "+
		"The offer entitles customers to free telephone calls anywhere in the UK via the internet. "+
		"Ringline said its internet telephone service would work on any home computer. "+
		"To use it, people will need its software, known as Ring Talk, together with a headset or a microphone and speakers, which most high street shops and supermarkets now sell for under £20. "+
		"Ringline expects 50,000 people to take up the offer.")
	checkAnswer(t, d, "What is Ringline's internet telephone software called?", "Ring Talk")
	// Or in the sentence after the best, naming what it spoke of: "It's
	// often referred to as the "prisoner's dilemma"".
	d = NewDoc("Feuds", "It's not just children who fight - adults do too. "+
		"There are solid reasons why even a trivial argument can be hard to stop once it has got going. "+
		"An economist would explain it with a ubiquitous piece of game theory which all policy wonks know.\n\n"+
		"It's often referred to as the \"prisoner's dilemma\", based on a parable about a sheriff and two prisoners. "+
		"The story goes that two prisoners are locked up in separate cells.")
	checkAnswer(t, d, "What is the game theory called?", "prisoner's dilemma")
}

// "Where" is answered by a sentence that names a place the question does not
// ("at the Commonwealth Club"), before one closer to the question that names
// none.
func TestWhereNamesAPlace(t *testing.T) {
	d := NewDoc("Lib Dem costings", "A day ahead of the budget, Mr Kennedy used a speech to say his party faced painful economic realities. "+
		"The Liberal Democrats have already published what they say are full costings for their plans. "+
		"Speaking at the Commonwealth Club, Mr Kennedy said a party needed economic credibility.")
	checkAnswer(t, d, "Where did Kennedy give his speech?", "Commonwealth Club")
	// Or in the sentence after the one that says what happened, going on
	// about it: "… to unveil Labour's latest poster campaign. The event -
	// at Old Billingsgate Fish Market - was …".
	d = NewDoc("Labour posters", "Alan Milburn and Gordon Brown have been at odds over the manifesto. "+
		"But the pair were all smiles on Tuesday as they joined John Prescott to unveil Labour's latest poster campaign. "+
		"The event - at Old Billingsgate Fish Market on the banks of the Thames - was a show of unity. "+
		"Two students dressed as Regency dandies helped unveil a poster about economic growth. "+
		"Labour chairman Ian McCartney said the poster campaign would be positive. "+
		"The campaign's posters will tour the country in vans driven by Sarah Jones and Tom Hill.")
	checkAnswer(t, d, "Where was the poster campaign unveiled?", "Old Billingsgate Fish Market")
	// Or where a tour or trip goes: "the tour to New Zealand".
	d = NewDoc("Tindall hopes", "Bath centre Mike Tindall believes he can make this summer's Lions tour. "+
		"The World Cup winner has been out of action since December. "+
		"Tindall told Rugby Special he would be fit in time for the tour to New Zealand. "+
		"The 26-year-old faces stiff competition.")
	checkAnswer(t, d, "Where is the Lions tour?", "New Zealand")
}

// News names who holds a post after the name of what they hold it in:
// "Forest manager Gary Megson" answers "Who manages Nottingham Forest?", not
// "Tottenham manager Martin Jol" in a sentence with more of the question.
func TestRoleHolderNamedAfterThePost(t *testing.T) {
	d := NewDoc("Cup tie", "Tottenham manager Martin Jol praised his players for their patience in the 3-0 FA Cup win over a determined Nottingham Forest side. "+
		"Jol said the pitch was not the best but his team kept passing. "+
		"Forest manager Gary Megson conceded his team did not deserve anything after a poor performance.")
	checkAnswer(t, d, "Who manages Nottingham Forest?", "Gary Megson")
	// Or after the name, past a comma, with what they hold it in near it:
	// "Vince Cable, the party's Treasury spokesman"; not a holder of the
	// post elsewhere.
	d = NewDoc("Stamp duty", "The Liberal Democrats are promising to raise the stamp duty threshold. "+
		"Adam Frost MP, Labour's Chief Secretary to the Treasury, said: \"The Lib Dems' sums don't add up.\" "+
		"Vince Cable, the party's Treasury spokesman, said the plan would help 400,000 buyers.")
	checkAnswer(t, d, "Who is the Lib Dems' Treasury spokesman?", "Vince Cable")
	d = NewDoc("Content rules", "Protecting audiences will remain the watchdog's first concern, Ofcom has said. "+
		"Head of the division, Andrew Burke, spoke about content for all platforms. "+
		"Lord Currie, chairman of super-regulator Ofcom, told the panel that rules would change.")
	checkAnswer(t, d, "Who is the head of Ofcom?", "Lord Currie")
}

// "Who was the reporter?" names no one: whoever the post's title stands
// before ("Evening Post reporter Daniel Hart") answers it, wherever the
// sentence ranks, before sentences that name someone near the word ("John
// Green told reporters").
func TestRoleHolderNamedAfterTheTitle(t *testing.T) {
	d := NewDoc("Mayor row", "The mayor has refused to apologise for remarks he made to a reporter. "+
		"Opposition leader Ruth Black, asked about the row by reporters, said the mayor should say sorry. "+
		"Councillors said the remarks to the reporter were offensive. "+
		"Deputy mayor John Green told reporters the row would soon pass. "+
		"The row began when Evening Post reporter Daniel Hart approached the mayor after a party at City Hall on Tuesday night.")
	checkAnswer(t, d, "Who was the reporter?", "Daniel Hart")
}

// "What injury …?" is answered where news names one, with the part of the
// body or without ("damaged his collar bone", "aggravating a wrist injury", "a
// double hernia"): about whoever the question names, else near the question,
// else right after a sentence that names them.
func TestInjuryNamed(t *testing.T) {
	d := NewDoc("Wales blow", "Wales centre Tom Ellis and number eight Sam Jones will miss Saturday's game with Italy because of injury. "+
		"Ellis has not recovered from a trapped nerve in his neck that kept him out of the win over England. "+
		"Coach Mike Ruddock said the squad was strong enough to cope. "+
		"Jones damaged his collar bone after coming on as a replacement against England.")
	checkAnswer(t, d, "What injury does Sam Jones have?", "collar bone")
	checkAnswer(t, d, "What injury does Tom Ellis have?", "trapped nerve")
	d = NewDoc("Star returns", "Tennis star Anna Kovac will make her return from a career-threatening injury at the Antwerp event in February. "+
		"\"Anna had considered returning in Paris,\" a statement on her website said. "+
		"The 21-year-old has not played since October after aggravating a wrist injury at the Belgian Open.")
	checkAnswer(t, d, "What injury did Anna Kovac have?", "wrist injury")
	d = NewDoc("Boro blow", "Middlesbrough midfielder Joe Hart has been ruled out for eight weeks after an operation on Tuesday. "+
		"The 18-year-old, who has played in 13 of the club's last 14 games, had surgery to repair a double hernia. "+
		"Hart was substituted at half-time during the win over Graz, in which he scored. "+
		"His injury is the latest blow for the club.")
	checkAnswer(t, d, "What injury does Hart have?", "double hernia")
	// Before another's injury named near the question: "… But now he has
	// pulled out with a bruised knee."
	d = NewDoc("Defensive crisis", "England's defensive worries have deepened after Tom Hale withdrew from the squad. "+
		"Sam Reid, the captain of Rovers, would have been a certain starter. "+
		"But now he has pulled out with a bruised knee and is likely to be replaced. "+
		"Hale was forced to pull out after his groin injury was assessed by the medical staff.")
	checkAnswer(t, d, "What injury does Reid have?", "bruised knee")
}

// "What time did Scott run?" asks for a race time ("7.64secs"), not the hour
// of day "what time" asks for elsewhere.
func TestRaceTimeOfTheSubject(t *testing.T) {
	d := NewDoc("Scott solid", "Allan Scott finished fourth in the 60m hurdles at the meeting in Madrid. "+
		"The race was won by Felipe Vivancos. "+
		"Scott was slightly disappointed with his run in the final. "+
		"He won his heat in 7.64secs but ran 0.04secs slower in the final. "+
		"Vivancos equalled the Spanish record with a time of 7.60secs while Kronberg clocked 7.62secs.")
	checkAnswer(t, d, "What time did Scott run?", "7.64secs")
}

// "How old is Godzilla?" is answered by the birthday news gives for him ("his
// 50th birthday"), named before it; not by another's birthday in a sentence
// that names him after it.
func TestAgeFromBirthday(t *testing.T) {
	d := NewDoc("Godzilla star", "Movie monster Godzilla has received a star on Hollywood's Walk of Fame, honouring both his 50th birthday and the launch of his 28th film. "+
		"An actor dressed as the creature breathed smoke over photographers on Monday.")
	checkAnswer(t, d, "How old is Godzilla?", "50th birthday")
	d = NewDoc("Henson legend", "Gavin Henson is already a Welsh legend after one game. "+
		"The England centre will have spent his 19th birthday shuddering at the memory of Henson's tackles.")
	checkAnswer(t, d, "How old is Gavin Henson?", "")
}

// "What is Davenport's ranking?" is answered where news says where she stands
// now — "world number one", "slipped to 64 in the world" — in a sentence that
// names her or describes her right after one that does; not "former world
// number one", nor another player's place after a sentence that names her.
func TestRankingStanding(t *testing.T) {
	d := NewDoc("Davenport stays", "Lindsay Davenport has put any talk of retirement on hold. "+
		"The 28-year-old world number one had said that she would quit at the end of last year. "+
		"She has won three Grand Slams.")
	checkAnswer(t, d, "What is Davenport's ranking?", "world number one")
	d = NewDoc("Ferrero eyes return", "Former world number one Juan Carlos Ferrero insists he can get back to his best. "+
		"The 2003 French Open champion has slipped to 64 in the world after a year of illness. "+
		"He opens against Rainer Schuettler this week.")
	checkAnswer(t, d, "What ranking is Ferrero now?", "64 in the world")
	d = NewDoc("Mirza through", "Sania Mirza beat Tatiana Golovin to reach the third round. "+
		"Mirza plays Silvia Farina Elia next. "+
		"Hantuchova has risen from 31 in the world to 19 this year.")
	checkAnswer(t, d, "What is Mirza's world ranking?", "")
	d = NewDoc("Ferrero out", "Former world number one Juan Carlos Ferrero has lost in the first round. "+
		"He said he was disappointed.")
	checkAnswer(t, d, "What is Ferrero's ranking?", "")
}

// An article that writes the United States only as "US" mentions America
// and Americans: a decline does not say it never does.
func TestUSIsAmerica(t *testing.T) {
	d := NewDoc("China to pass US online", "China's net users number 100m. "+
		"Analysts predict they will outnumber the 137 million US users of the net by 2008.")
	for _, q := range []string{"How many Americans own a phone?", "When will China overtake America?"} {
		a := d.Answer(q)
		if slices.ContainsFunc(a.Missing, func(w string) bool { return strings.HasPrefix(w, "America") }) {
			t.Errorf("Answer(%q) = %q, want no claim that the article never mentions America", q, a.Text())
		}
	}
	d = NewDoc("Net use", "China's net users number 100m.")
	if a := d.Answer("How many Americans own a phone?"); !slices.Contains(a.Missing, "Americans") {
		t.Errorf("Answer(How many Americans own a phone?) = %q, missing %q, want “Americans” among the words never mentioned", a.Text(), a.Missing)
	}
}

// An abbreviation the article spells out ("Sony's PlayStation Portable" for
// PSP, "Johnson & Johnson" for J&J) is the same name: its sentences have it,
// and a decline does not say the article never mentions it.
func TestAcronymSpelledOut(t *testing.T) {
	d := NewDoc("Sony PSP console hits US in March", "US gamers will be able to buy Sony's PlayStation Portable from 24 March, but there is no news of a Europe debut. "+
		"The handheld console will go on sale for $250 and the first million sold will come with a film. "+
		"Sony has said it wanted to launch the PSP in Europe at roughly the same time as the US, but the launch has been put back.")
	checkAnswer(t, d, "When will the PSP go on sale in the US?", "24 March")
	d = NewDoc("Games ratings", "The British Board of Film Classification has rated a record number of games this year. "+
		"Most were given a 15 certificate.")
	a := d.Answer("Who chairs the BBFC?")
	if a.Answerable || slices.Contains(a.Missing, "BBFC") {
		t.Errorf("Answer(Who chairs the BBFC?) = %q, want a decline that does not say the article never mentions BBFC", a.Text())
	}
	for _, c := range []struct {
		s, letters string
		want       bool
	}{
		{"buy Sony's PlayStation Portable from 24 March", "PSP", true},
		{"The move by Johnson & Johnson was expected", "J&J", true},
		{"Marks & Spencer has cut prices", "M&S", true},
		{"Johnson Johnson said", "J&J", false}, // no "&" or "and"
		{"the Public and Commercial Services Union", "PCS", true},
		{"the portable PlayStation", "PSP", false},
	} {
		if got := spellsAcronym(c.s, c.letters); got != c.want {
			t.Errorf("spellsAcronym(%q, %q) = %v, want %v", c.s, c.letters, got, c.want)
		}
	}
	if got := acronymLetters("MP"); got != "" {
		t.Errorf("acronymLetters(MP) = %q, want none: two capitals fit too many pairs of names", got)
	}
}

// Of the sentences with a date, the one whose date goes with what is asked
// (two words or fewer from one of the question's words) answers "when":
// "next Sunday's elections", not "Next week the prime minister should make a
// statement regarding the elections".
func TestDateBesideTheQuestion(t *testing.T) {
	d := NewDoc("Iraq exit call", "The prime minister should set out a full and proper exit plan from Iraq in the wake of next Sunday's elections in the country, opposition leader Tom Kane has told party members in London. "+
		"Mr Kane said troops could come home within a year. "+
		"\"Next week the prime minister should talk about the elections in Iraq,\" he said.")
	checkAnswer(t, d, "When are the elections in Iraq?", "next Sunday")
}

// "When" wants a date, or a day or year given as one ("on the 18th", "in
// 1259"), not any number: "a 30 ton trailer" does not say when.
func TestWhenNotAnyNumber(t *testing.T) {
	d := NewDoc("Smuggling", "Most of the equipment used in the weapons programme comes from Japan, defectors say. "+
		"The parts were smuggled aboard a ferry or through gangs in China. "+
		"One dealer tried to smuggle a trailer with a 30 ton capacity into China.")
	checkAnswer(t, d, "When were the parts smuggled?", "")
	d = NewDoc("Khans", "The empire was divided after the khan's death. The khan died in 1259 during a siege.")
	checkAnswer(t, d, "When did the khan die?", "1259")
}

// "How much" of what is neither money nor a change asks for an amount — a
// number with its unit or on its own — not a count of things.
func TestHowMuchWantsAnAmount(t *testing.T) {
	d := NewDoc("Hacker charged", "A hacker broke into the phone network and took the names of 400 customers, the company said. "+
		"He is currently on bail and will appear in court in March.")
	checkAnswer(t, d, "How much was the hacker's bail?", "")
	d = NewDoc("Oil exports", "Venezuela sends 1.5 million barrels of oil to the US each day, about 60 of its 80 tankers. "+
		"The country has 11 oil fields.")
	checkAnswer(t, d, "How much oil does Venezuela send to the US?", "barrels")
	checkSentences(t, "givesAmount", givesAmount, map[string]bool{
		"It took the names of 400 customers.":           false,
		"He was first arrested in 2003.":                false,
		"About 800 parents were warned.":                false,
		"The rupee rose to 43.305 against the euro.":    true,
		"Each fan drinks 59 litres a year.":             true,
		"Drugs are thirty times cheaper there.":         true,
		"Sentences are cut by a third.":                 true,
		"Sales grew in the first half.":                 false,
		"Profits rose 8% to £4.6bn.":                    true,
		"Each user adds three to four megabytes a day.": true,
		"Each film is about 100 gigabytes.":             true,
		"It may have used 2.8 gigawatt-hours.":          true,
		"Data centers use 200 terawatt hours a year.":   true,
		"The plant makes 500 kWh a day.":                true,
	})
	d = NewDoc("AI energy", "Researchers revealed an algorithm that learns to solve a Rubik's Cube with a robotic hand. "+
		"The effort may have consumed about 2.8 gigawatt-hours of electricity, a rival estimates.")
	checkAnswer(t, d, "How much electricity did the effort consume?", "2.8 gigawatt-hours")
}

// checkSentences checks what a test of a sentence (named name) says of each
// sentence against what it should.
func checkSentences(t *testing.T, name string, test func(string) bool, want map[string]bool) {
	t.Helper()
	for s, w := range want {
		if got := test(s); got != w {
			t.Errorf("%s(%q) = %v, want %v", name, s, got, w)
		}
	}
}

// A word that looks like a date is none when it is a verb ("may", "march")
// or a name ("BBC Radio 4's Today programme"): the article does not say when.
func TestWhenNotAWordLikeADate(t *testing.T) {
	d := NewDoc("Closures", "The council is taking its case over the school closures to the High Court. "+
		"Its leader told BBC Radio 4's Today programme that the court may rule in the council's favour. "+
		"Parents plan to march to the court.")
	checkAnswer(t, d, "When will the High Court rule?", "")
	d = NewDoc("Closures", "The council is taking its case over the school closures to the High Court. "+
		"The court will rule in May, a spokesman said. "+
		"Parents plan to march to the court.")
	checkAnswer(t, d, "When will the High Court rule?", "in May")
	d = NewDoc("Songwriter dies", "Merle Kilgore, co-writer of the country hit Ring of Fire, has died aged 70. "+
		"He wrote Ring of Fire with June Carter Cash, the future wife of Johnny Cash. "+
		"It was first recorded by her sister Anita Carter.")
	checkAnswer(t, d, "When was Ring of Fire released?", "")
	checkSentences(t, "hasDate", hasDate, map[string]bool{
		"The court may rule soon.":                        false,
		"Protesters will march on Parliament.":            false,
		"He told the Today programme he would win.":       false,
		"Today the court ruled against him.":              true,
		"The court ruled against him today.":              true,
		"The court will rule in March.":                   true,
		"He wrote the song with June Carter Cash.":        false, // a first name
		"In June Labour won the seat.":                    true,
		"On 14 October Google released its software.":     true,
		"The hearing is on Monday.":                       true,
		"The hearing was held last spring.":               true,
		"The firm was founded in 1921.":                   true,
		"Talks resume next week.":                         true,
		"The line should open within two years.":          true,
		"It could open in three years' time.":             true,
		"He delivers his Budget at 1230 GMT.":             true,
		"The road was shut after the crash at 03:00 GMT.": true,
		"The show starts at 7pm.":                         true,
		"He spent four years at the club.":                false,
	})
}

// "When will …?" asks for a date to come: one the article has gone past
// ("last month", "in October 1999", "since 1999" beside 2005) does not answer
// it, though it answers "When did …?".
func TestWhenWillWantsADateToCome(t *testing.T) {
	d := NewDoc("Buy-back", "Reliance's board has approved a plan to buy back shares worth $1bn. "+
		"The chairman's brother said the buy-back was unnecessary, and the feud became public last month. "+
		"The buy-back follows one completed in October 1999, and the firm has made bids since 1999. "+
		"Reliance expects profits to rise in 2005.")
	checkAnswer(t, d, "When will the buy-back be completed?", "")
	checkAnswer(t, d, "When is the buy-back?", "")
	checkAnswer(t, d, "When did the feud become public?", "last month")
	d = NewDoc("Buy-back", "Reliance's board has approved a plan to buy back shares worth $1bn. "+
		"The buy-back will be completed in March, and the feud became public last month. "+
		"Reliance expects profits to rise in 2005.")
	checkAnswer(t, d, "When will the buy-back be completed?", "in March")
	// A year before the article's latest is still to come in a sentence
	// about the future.
	d = NewDoc("Interest on the debt", "The federal government could soon pay more in interest on its debt than it spends on the military. "+
		"Interest payments will overtake Medicaid in 2020 and the defence budget in 2023. "+
		"Republicans want to make the tax cuts permanent instead of letting some of them expire at the end of 2025.")
	checkAnswer(t, d, "When will interest payments overtake Medicaid?", "in 2020")
}

// "When" finds its date further down the ranking, in a sentence that says
// it in other words, when none of the best three has one.
func TestWhenDateFurtherDown(t *testing.T) {
	d := NewDoc("Peace talks", "Tony Blair has returned from the Middle East, where he held talks on a peace conference. "+
		"A peace conference held by the Palestinians would need the backing of Israel, he said. "+
		"Mr Blair also made a surprise visit to Iraq. "+
		"Egypt said a peace conference should be held with all the region's leaders. "+
		"Officials said a peace conference held without the Americans would fail. "+
		"He confirmed that the drive to reform the Palestinian Authority would come at a London conference in March.")
	checkAnswer(t, d, "When will the peace conference be held?", "in March")
}

// Who did something is often named after "by": "Which company makes
// Firefox?" — "Firefox has been created by the Mozilla Foundation".
func TestWhoNamedAfterBy(t *testing.T) {
	d := NewDoc("Browser", "The company behind the Firefox browser says it has been downloaded ten million times since it was launched. "+
		"The program is steadily winning people away from the browser of the software giant. "+
		"Firefox was created by the Mozilla Foundation, which was set up in 1998.")
	checkAnswer(t, d, "Which company makes Firefox?", "Mozilla Foundation")
}

// "What is the name of …?" asks a name; "name" is not something the article
// must say for the question to be its own.
func TestNameOfAsksAName(t *testing.T) {
	d := NewDoc("Film tool", "Hollywood studios have a new weapon against people who swap films online. "+
		"The software, Film Scan, searches a home computer for films and songs shared on peer-to-peer networks. "+
		"The studios say it will be free to download from next month.")
	checkAnswer(t, d, "What is the name of the studios' new tool?", "Film Scan")
}

// "What is X called?" is answered by the name given beside X, wherever it is
// in the article ("his second album, The Massacre"; "the Lifeplus project"),
// not by a sentence closer to the question that names something else; a
// possessive before X names its owner, not X.
func TestNameBesideTheNoun(t *testing.T) {
	d := NewDoc("Rap feud", "US rap star Jay Kay has thrown his protege out of his gang in a feud that has led to a shooting. "+
		"In a radio interview on Monday, Jay Kay said the newcomer had been disloyal. "+
		"A man was shot outside the studios of Hot 97 while Jay Kay was on air there. "+
		"Jay Kay's new album is about to be released after his debut made him one of the biggest stars in the US. "+
		"Police have made no arrests. "+
		"Jay Kay's second album, The Long Night, is released on Thursday.")
	checkAnswer(t, d, "What is Jay Kay's new album called?", "The Long Night")
	d = NewDoc("Visa row", "The home secretary has spoken of his love for the publisher Kim Fenn for the first time. "+
		"The interview was made before claims that he fast-tracked a visa for Mrs Fenn's nanny. "+
		"He is taking legal action to gain access to her son. "+
		"He said he was a great believer in personal responsibility. "+
		"Reports say he chaired a meeting on visa delays after he learned of nanny Rosa Delmar's wait. "+
		"An inquiry will report next month.")
	checkAnswer(t, d, "What is the nanny's name?", "Rosa Delmar")
	// A name given as one ("is called …") comes before a name beside the noun.
	d = NewDoc("Trojan", "A program posing as pictures of David Beckham is spreading by e-mail. "+
		"The appearance of the Beckham Windows trojan is another example of viruses that trade on interest in celebrities. "+
		"Anyone who opens the fake image will be infected. "+
		"The program that installs itself is called the Hackarmy trojan.")
	checkAnswer(t, d, "What is the Beckham trojan called?", "Hackarmy")
	// A place past a comma is no name of the thing: "the world's biggest
	// trade fair, in Hanover".
	d = NewDoc("Gadget sales to grow", "Sales of gadgets will keep growing this year, visitors to the world's biggest trade fair, in Hanover, have been told. "+
		"Phone makers said cameras would be in every handset by 2007. "+
		"The CeBIT fair showed off hundreds of new phones and players.")
	checkAnswer(t, d, "What is the name of the trade fair?", "CeBIT")
}

// "Called" and "name" are the form of a question that asks for a name, not
// words the article must use: "What is the book called?" is answered by "The
// book, Brown's Britain, said …", and a decline does not say the article never
// mentions "name". "How many areas will be named?" asks for no name.
// A decline of a question in another language does not name its question
// word as a word the article never uses.
func TestFormOfANameQuestion(t *testing.T) {
	heise := NewDoc("1Password für Mac", "AgileBits hat Version 5.3 seines bekannten Passwortmanagers 1Password für OS X freigegeben. "+
		"1Password kostet aktuell knapp 50 Euro im Mac App Store und setzt mindestens OS X 10.10 voraus.")
	if a := heise.Answer("Wann erscheint 1Password für Windows?"); a.Answerable || !slices.Equal(a.Missing, []string{"erscheint", "Windows"}) {
		t.Errorf("Answer(Wann erscheint …?) = %q, missing %q, want a decline missing “erscheint” and “Windows”", a.Text(), a.Missing)
	}
	d := NewDoc("Book row", "Tony Blair promised Gordon Brown he would stand down before the next election, a new book claims. "+
		"But the prime minister changed his mind after allies in the cabinet intervened, the author says. "+
		"The chancellor's allies have denied the story. "+
		"The book, Brown's Britain, said the two men had lost trust in each other by November 2003.")
	checkAnswer(t, d, "What is the book called?", "Brown's Britain")
	a := d.Answer("What is the name of the bank?")
	if a.Answerable || !slices.Equal(a.Missing, []string{"bank"}) {
		t.Errorf("Answer(%q) = %q, missing %q, want a decline missing only “bank”", "What is the name of the bank?", a.Text(), a.Missing)
	}
	d = NewDoc("Crackdown", "Fifty new areas getting special help to fight anti-social behaviour will be named on Thursday. "+
		"Ten areas already have special prosecutors. "+
		"The 50 new pilot areas to get special attention will also receive extra government funding. "+
		"Ministers say the orders are working.")
	checkAnswer(t, d, "How many new areas will be named?", "Fifty")
}

func TestNamedThing(t *testing.T) {
	for q, want := range map[string]string{
		"What is 50 Cent's new album called?":                        "album",
		"What is the nanny's name?":                                  "nanny",
		"What is the name of the movie industry's new tool?":         "tool",
		"What is the name of the shareholder who filed the lawsuit?": "shareholder",
		"What will the seventh Harry Potter book be called?":         "book",
		"What is it called?":                                         "",
	} {
		if got := namedThing(q); got != want {
			t.Errorf("namedThing(%q) = %q, want %q", q, got, want)
		}
	}
}

// "How many times" counts events, answered by "twice" or the years, not a
// count of "times".
func TestHowManyTimes(t *testing.T) {
	d := NewDoc("Lind wins in Dubai", "Vera Lind won the Dubai Open on Sunday, beating Anna Kross in three sets. "+
		"Lind, who lost the 2002 and 2004 finals, said she had been nervous at the start. "+
		"Kross will move into the world's top 50 for the first time.")
	checkAnswer(t, d, "How many times had Lind lost the final before?", "2002 and 2004")
}

// A light verb the article does not use weighs nothing, nor do its related
// words: "get" is not answered by "becoming".
func TestLightVerbRelatedWords(t *testing.T) {
	d := NewDoc("New cards", "Bankline will replace the debit cards of all its customers with chip cards this year. "+
		"Bankline now has a 12% share of the card market, which is becoming increasingly crowded. "+
		"The chip cards start to arrive on 17 February for home customers and 1 April for businesses.")
	checkAnswer(t, d, "When will customers get the chip cards?", "17 February")
}

// Broadband speeds are speeds: "What speed …?" is answered by "2Mbps"; an
// economy's, its growth: "How fast …?" by "Growth was 1.1%".
func TestDataRateIsASpeed(t *testing.T) {
	d := NewDoc("Faster broadband", "Telco will double the broadband speeds of most of its home customers at no extra charge. "+
		"Telco now has a 36% share of the broadband market, down from 39%. "+
		"Many Telco customers will now have download speeds of 2Mbps.")
	checkAnswer(t, d, "What speed will Telco's broadband go up to?", "2Mbps")
	// An economy's speed is its rate of growth.
	d = NewDoc("Nordland plans", "Nordland's prime minister will unveil plans to cut red tape for small firms. "+
		"Without a pick-up in Nordland's growth, the economy could come to a halt, business leaders say. "+
		"The government says getting the economy moving fast is the job of all of Nordland's five million people. "+
		"Growth was 1.1% in 2004, up from just 0.3% in 2003.")
	checkAnswer(t, d, "How fast is Nordland's economy growing?", "1.1%")
	// "How much of" something asks for a share, a percentage before any sum.
	d = NewDoc("Club bid", "Tycoon Sam Hale has made a new offer for the club, which values it at £80m. "+
		"The club's board will meet this week to discuss Mr Hale's offer. "+
		"Fans of the club say Mr Hale's plan would load the club with debt. "+
		"Mr Hale and his family hold a stake of 28.1%.")
	checkAnswer(t, d, "How much of the club does Hale own?", "28.1%")
}

// A phrasal verb means what the pair does ("carry out" a survey is to do it),
// so an article that never uses the verb can still answer: "the survey, by
// the Baltic Institute" for "Who carried out the survey?".
func TestPhrasalVerbMissing(t *testing.T) {
	d := NewDoc("Survey", "Fewer young people in the region are reading newspapers, a survey has found. "+
		"The survey, by the Baltic Institute, asked 2,000 people aged 16 to 24 what they read each week. "+
		"Only one in five said they read a paper every day.")
	checkAnswer(t, d, "Who carried out the survey?", "Baltic Institute")
}

// A verb is related to what it causes: "How many people died?" is answered by
// "killed 12 people" (WordNet's cause pointers).
func TestCausedVerb(t *testing.T) {
	d := NewDoc("Fire", "A fire at a fireworks factory in the north of the country has killed 12 people, officials said. "+
		"Firefighters took six hours to bring the blaze under control. "+
		"The factory had been inspected in March.")
	checkAnswer(t, d, "How many people died?", "killed 12 people")
}

// A contest's result is told in any of its words: "Who did Brandt beat?" is
// answered by "a 6-3 6-4 victory over Marek Holub".
func TestContestResultWords(t *testing.T) {
	d := NewDoc("Open", "Top seed Lukas Brandt reached the quarter-finals of the Open in Rotterdam on Wednesday. "+
		"The German came through a 6-3 6-4 victory over Marek Holub of Slovakia. "+
		"Brandt said afterwards that his serve was still not where he wanted it.")
	checkAnswer(t, d, "Who did Brandt beat?", "Marek Holub")
}

// A lead, which says what happened in general, is quoted with the sentence
// after it, which gives the particulars: who, how much.
func TestLeadQuotedWithItsParticulars(t *testing.T) {
	d := NewDoc("Velox", "A Dutch company has bought the Velox bicycle brand from its administrators for £2m. "+
		"Tulpen Cycle Works said it would keep the factory in Coventry open and hire 40 more staff. "+
		"Velox went into administration in March after sales fell for three years.")
	checkAnswer(t, d, "Who bought the Velox brand?", "Tulpen Cycle Works")
	d = NewDoc("Bribe", "The chemicals firm Norchem has agreed to pay a $2m fine for bribing a port official. "+
		"A former manager had paid a $40,000 bribe to the official in 2003 to speed up its imports. "+
		"Norchem said the manager no longer worked for the company.")
	checkAnswer(t, d, "How much was Norchem's bribe?", "$40,000")
	// So is a lead quoted as the runner-up.
	d = NewDoc("Casinos", "New casinos planned for towns across the country will be banned from using American tricks of the trade to keep gamblers playing, the government has suggested. "+
		"Culture Secretary Tessa Moor said the new casinos would be different from their US counterparts. "+
		"In America, scents have been pumped from slot machines to encourage gambling. "+
		"The trade body said it had suggested a ban on such tricks years ago.")
	checkAnswer(t, d, "Who suggested the ban on tricks?", "Tessa Moor")
}

// News puts a title before a name: "District Attorney Maria Lopez" answers
// "Who is the District Attorney …?", though the sentence has nothing else of
// the question.
func TestNameAfterTheTitle(t *testing.T) {
	d := NewDoc("Ticket fraud", "Six ticket touts have been charged with selling forged tickets for last year's cup final. "+
		"District Attorney Maria Lopez said all six would plead guilty. "+
		"Fans who bought the forged tickets were turned away at the gates.")
	checkAnswer(t, d, "Who is the District Attorney in the case?", "Maria Lopez")
}

// A duration is given in decades and seasons as well as years: "How long
// will the scheme take?" — "it will take a decade".
func TestDurationInDecades(t *testing.T) {
	d := NewDoc("Rail", "Ministers have approved a plan to rebuild the northern rail line. "+
		"Officials said the whole scheme would take a decade to finish. "+
		"The first trains on the new track will run in the spring.")
	checkAnswer(t, d, "How long will the scheme take to finish?", "a decade")
}

// "How many" is answered by "the number of" what it counts, given after it;
// not by a change in that number.
func TestNumberOfWhatIsCounted(t *testing.T) {
	d := NewDoc("Floods", "Heavy rain has caused floods across the north of the region for a third day. "+
		"Police said the number of villagers forced from their homes had reached 3,200 by Tuesday night. "+
		"More rain is forecast for the weekend.")
	checkAnswer(t, d, "How many villagers have been forced from their homes?", "3,200")
	d = NewDoc("Chess", "Fewer pupils are playing chess at school, a survey has found. "+
		"The number of pupils in school chess clubs fell by 30% in five years. "+
		"The federation said it would train more teachers.")
	checkAnswer(t, d, "How many pupils play chess?", "")
}

// A question about a measure is answered by the measure, looked for down the
// whole ranking, and declined without it: "Gray, 26," does not say how long
// he will be out. A thing's age is given by when it began ("dating from
// 1945").
func TestMeasureOrNothing(t *testing.T) {
	d := NewDoc("Injury", "Scotland flanker Ross Gray will miss the opening matches of the Six Nations. "+
		"Gray, 26, was hurt in club action at the weekend and has a knee injury. "+
		"Coach Frank Hadden said the squad would be named on Tuesday.")
	checkAnswer(t, d, "How long will Ross Gray be out?", "")
	d = NewDoc("Bankruptcy", "Brazil's parliament has approved a new bankruptcy law to make it easier for firms to borrow. "+
		"The old law, dating from 1945, gave priority to workers and then to tax revenue. "+
		"Banks say loans will become cheaper.")
	checkAnswer(t, d, "How old is the bankruptcy law being replaced?", "1945")
	// Or by its age in centuries; and a child's in months of age.
	d = NewDoc("Winter havoc", "New York's aging below-street infrastructure is tough to maintain. "+
		"The city has one of the oldest networks of subterranean infrastructure in the world, with some portions dating more than a century and prone to leaks. "+
		"Freeze-thaw cycles of winter weaken the pipes.")
	checkAnswer(t, d, "How old are the city's pipes?", "more than a century")
	d = NewDoc("Peanut allergy", "Parents have been told for years to avoid giving foods containing peanuts to babies. "+
		"The study found that eating peanut snacks by 11 months of age cut the chances of becoming allergic by more than 80%. "+
		"About 3% of those kids got an allergy.")
	checkAnswer(t, d, "At what age should babies eat peanuts?", "11 months of age")
	d = NewDoc("Old friends", "Jose Mourinho has thanked Bobby Robson for his advice before Chelsea's match in Barcelona. "+
		"Mourinho said Robson had always been a friend, and that the match meant a lot to both of them. "+
		"Robson said he hoped Chelsea would win, though he had many friends at Barcelona. "+
		"Mourinho said working for Robson had taught him how to work with players. "+
		"Robson said Mourinho had worked harder than anyone he knew. "+
		"Mourinho and Robson still talk about their work at Porto, Mourinho said. "+
		"Mourinho was Robson's interpreter and then his assistant, and worked with him for six years at Sporting, Porto and Barcelona.")
	checkAnswer(t, d, "How long did Mourinho work for Robson?", "six years")
	// A measure beside the thing is its answer, though the article never
	// uses the question's word for it ("tall").
	d = NewDoc("Toshiba shows home guard", "Toshiba has shown a robot that can guard a home while its owners are away. "+
		"It can send pictures to a mobile phone. "+
		"Toshiba said the 1.1m (3.6ft) robot would go on sale next year. "+
		"Sony and Honda also make humanoid robots in Japan. "+
		"Analysts expect millions of robots in homes by 2010. "+
		"The firm expects strong sales.")
	checkAnswer(t, d, "How tall is the robot?", "1.1m (3.6ft)")
	checkAnswer(t, d, "How heavy is the robot?", "")
}

// A best sentence that has only a rare word of the question gives way to one
// of the next that has enough of it, however far behind it scores.
func TestPreferCovering(t *testing.T) {
	ranked := []candidate{{0, 3.0, 0.2}, {1, 1.0, 0.1}, {2, 0.9, 0.3}, {3, 0.8, 0.5}}
	preferCovering(ranked)
	if got := indexes(ranked, 4); !slices.Equal(got, []int{2, 0, 1, 3}) {
		t.Errorf("order %v, want the third, covering enough, first: [2 0 1 3]", got)
	}
	ranked = []candidate{{0, 3.0, 0.2}, {1, 1.0, 0.1}, {2, 0.9, 0.2}, {3, 0.8, 0.5}}
	preferCovering(ranked)
	if got := indexes(ranked, 4); !slices.Equal(got, []int{0, 1, 2, 3}) {
		t.Errorf("order %v, want it unchanged: none of the best three covers enough", got)
	}
}

// The title is the article's: a word only the title uses is mentioned, and a
// question about it is answered from the text, not declined as about
// something the article "never mentions".
func TestTitleWordsAreMentioned(t *testing.T) {
	d := NewDoc("Hollywood ready for Oscars night", "Hollywood is preparing for the 77th Academy Awards on Sunday. "+
		"Stars are expected on the red carpet outside the Kodak Theatre. "+
		"Comedian Chris Rock will host the event, which will be broadcast with a delay.")
	checkAnswer(t, d, "Who is hosting the Oscars?", "Chris Rock")
	a := d.Answer("Who designed the Oscars statuette?")
	if a.Answerable {
		t.Fatalf("Answer = %q, want a decline", a.Text())
	}
	if slices.Contains(a.Missing, "Oscars") {
		t.Errorf("the decline says the article never mentions %q, which its title does: %q", "Oscars", a.Text())
	}
}

// The age of whom an article is about — named in its title or first sentence
// — is given once they are named, as "the N-year-old", however far from the
// name: "How old is Chepkemei?" is answered by it.
func TestSubjectAge(t *testing.T) {
	d := NewDoc("Chepkemei hit by big ban", "Kenya's athletics body has suspended Susan Chepkemei from all competition until the end of the year. "+
		"Athletics Kenya issued the ban after she failed to turn up for a training camp in Embu. "+
		`"We have banned her from all local and international competitions," said chief Isaiah Kiplagat. `+
		"The 29-year-old finished second to Paula Radcliffe in the 2002 and 2003 London races.")
	checkAnswer(t, d, "How old is Chepkemei?", "29-year-old")
	film := NewDoc("Berlin honours S Korean director", "South Korean director Im Kwon-Taek is to receive an honorary award at the Berlin Film Festival. "+
		"The festival said his films had shaped Korean cinema for decades. "+
		"The veteran film-maker, 68, won the best director prize at Cannes in 2002.")
	checkAnswer(t, film, "How old is Im Kwon-Taek?", "68")
	// Or after a possessive: "Porto's 23-year-old Brazilian striker".
	agent := NewDoc("Marcos agent denies talks", "Marcos's agent has insisted he has had no contact with Arsenal over the striker. "+
		"Arsenal were said to have asked about Porto's 23-year-old Brazilian star. "+
		"The agent said the player was happy in Portugal.")
	checkAnswer(t, agent, "How old is Marcos?", "23-year-old")
	// Or as "At 24, …" and "at the age of 31", which news also writes once
	// the subject is named, in its own words or theirs.
	rower := NewDoc("Pinsent eyes fifth gold", "Matthew Pinsent has set his sights on a fifth Olympic title. "+
		"The rower trained through the winter at Henley. "+
		"At 34, Pinsent says he is as strong as ever.")
	checkAnswer(t, rower, "How old is Pinsent?", "At 34")
	keeper := NewDoc("Seaman retires from football", "David Seaman has announced his retirement after a shoulder injury. "+
		"The goalkeeper made his name at Arsenal. "+
		`"At the age of 39 I have to listen to my body," he said.`)
	checkAnswer(t, keeper, "How old is Seaman?", "age of 39")
}

// "What was the score?" asks about the match the article reports, which gives
// its result first, in whatever words.
func TestWhatWasTheScore(t *testing.T) {
	d := NewDoc("Hantuchova into quarter-finals", "Daniela Hantuchova moved into the quarter-finals of the Dubai Open, after beating Elene Likhotseva of Russia 7-5 6-4. "+
		"She now faces Serena Williams, who beat her 6-1 6-2 last year. "+
		"Hantuchova said she was pleased with her serve.")
	checkAnswer(t, d, "What was the score?", "7-5 6-4")
	// "the match", "the final": the one the article reports, though it
	// does not use the word.
	checkAnswer(t, d, "What was the score in the match?", "7-5 6-4")
	checkAnswer(t, d, "What was the score of the game?", "7-5 6-4")
	final := NewDoc("Ruiz takes Doha title", "Ana Ruiz swept aside defending champion Mia Lund 6-3 6-2 to win the Doha Open on Sunday. "+
		"The Spaniard, ranked sixth in the world, had not dropped a set all week. "+
		"Lund said her shoulder injury had returned in the second set.")
	checkAnswer(t, final, "What was the score in the final?", "6-3 6-2")
	d = NewDoc("Hantuchova pulls out", "Daniela Hantuchova has pulled out of the Dubai Open with a back injury. "+
		"She said she hoped to be fit for Indian Wells.")
	checkAnswer(t, d, "What was the score?", "")
	checkAnswer(t, d, "What was the score in the final?", "")
	// "The final score" is the result a report opens with, not a score
	// further down, which may be the half-time one.
	d = NewDoc("Wales stun France", "Wales came from 15-6 down to beat France 24-18 in Paris. "+
		"Two tries in five minutes after the break turned the game.")
	checkAnswer(t, d, "What was the final score?", "24-18")
	d = NewDoc("Wales win in Rome", "Wales ran in eight tries to win in Rome and stay top of the table. "+
		"Tries from Thomas, Shanklin and Williams gave the visitors a 19-5 half-time lead.")
	checkAnswer(t, d, "What was the final score?", "")
	// Or a match's sets, which only the result gives: a tennis report may
	// leave them for later.
	d = NewDoc("Hewitt through", "Lleyton Hewitt came through a five-set battle with David Nalbandian to reach the semi-finals. "+
		"Nalbandian broke his serve three times in each of the next two sets. "+
		"Hewitt grabbed the vital break in the 17th game and served out to win 6-3 6-2 1-6 3-6 10-8.")
	checkAnswer(t, d, "What was the final score?", "6-3 6-2 1-6 3-6 10-8")
	// The sets of the match against whom the question names, in a sentence
	// that names them or goes on about one that does.
	d = NewDoc("Hewitt in final", "Lleyton Hewitt reached the final with a four-set win over Andy Roddick on Friday. "+
		"The home favourite will face Marat Safin on Sunday after coming through 3-6 7-6 (7-3) 7-6 (7-4) 6-1. "+
		"He is aiming to be the first Australian winner since 1976. "+
		"Roddick raced 4-1 clear in the third set before Hewitt pegged him back.")
	checkAnswer(t, d, "What was the score against Roddick?", "3-6 7-6 (7-3) 7-6 (7-4) 6-1")
	// The score of a match the question places, given in the sentence after
	// the one that does, in an article that never says "score".
	d = NewDoc("Wenger steps up row", "Arsene Wenger has stepped up his feud with Sir Alex Ferguson. "+
		"The United boss discussed the events after the game between the two sides in October. "+
		"United won 2-0 that day, at Old Trafford, but the game was followed by a food fight. "+
		"The sides meet again at Highbury on 1 February.")
	checkAnswer(t, d, "What was the score when the sides met in October?", "2-0")
}

// When and where the match is played, who referees it and how many watched
// it, sports pages give in lines of their own: the venue, day, kick-off and
// referee of a preview, the crowd under the teams of a report.
func TestMatchCard(t *testing.T) {
	preview := NewDoc("City v Rovers", "Riverside Ground\n\nSaturday, 12 March\n\n1500 GMT\n\nTom Gray (Kent)\n\n"+
		"City will be without their captain, who is suspended.\n\nRovers have no new injury worries.")
	checkAnswer(t, preview, "When is the match?", "Riverside Ground Saturday, 12 March")
	checkAnswer(t, preview, "When does the match kick off?", "1500 GMT")
	checkAnswer(t, preview, "Where is the match being played?", "Riverside Ground")
	checkAnswer(t, preview, "Where is the match between City and Rovers?", "Riverside Ground")
	checkAnswer(t, preview, "Who is the referee?", "Tom Gray")
	report := NewDoc("City 2-1 Rovers", "City came from behind to beat Rovers and climb to fourth.\n\n"+
		"City: Hale, Dunn, Moss, Reid, Kerr.\n\nRovers: Lowe, Pike, Shaw, Ford, Lamb.\n\n12,345\n\nReferee: T Gray.")
	checkAnswer(t, report, "How many people watched the match?", "12,345")
	checkAnswer(t, report, "What was the attendance?", "12,345")
	// Or in a report's card line.
	line := NewDoc("City 2-1 Rovers", "Dunn smashed home the winner to end Rovers' unbeaten run. "+
		"Kerr had equalised with a volley. "+
		"City: Hale, Dunn, Moss, Reid, Kerr. Goals: Dunn 35, 69. Rovers: Lowe, Pike, Shaw. Goals: Kerr 41. Att: 24,680 Ref: T Gray (Kent).")
	checkAnswer(t, line, "How many people watched the match?", "24,680")
	// Of a match report, "How many people attended?" asks the same.
	checkAnswer(t, line, "How many people attended?", "24,680")
	checkAnswer(t, report, "How many fans attended?", "12,345")
	// A team sheet marks the captain "(capt)".
	sheet := NewDoc("Rovers v City", "Rovers have named an unchanged side for Friday's game. "+
		"City bring in two new forwards. "+
		"Rovers: Hale; Dunn, Moss (capt), Reid, Kerr. City: Lowe; Pike, Shaw, Ford (capt), Lamb.")
	checkAnswer(t, sheet, "Who is Rovers' captain?", "Moss (capt)")
	// A squad's one sheet that marks a captain, alone, however far it is
	// from the question's words.
	squad := NewDoc("Town drop Hale", "Number eight Tom Hale has been dropped from Town's squad for the match with City. "+
		"Hale was a replacement in last week's defeat by Rovers. "+
		"Town coach Ian Ford said Hale had been axed after a poor display. "+
		"Town, who lost to Rovers last week, must beat City to keep their title hopes alive. "+
		"City are unbeaten this season and have their eyes on the title.\n\n"+
		"Al Hunt (Rovers United), Mo Park (Athletic Club), Jo Rees (United), Ed Rowe (Rovers United), Cy Vale (Athletic Club)\n\n"+
		"Sam Lowe (Rovers United), Joe Pike (Athletic Club), Tim Bell (United), Rob Hart (Rovers United), Ken Dale (Athletic Club), Dan Moss (Rovers United, capt), "+
		"Lee Reid (United), Ian Cole (Rovers United), Max Webb (Athletic Club), Ray Ford (United), Guy Lane (Rovers United), Ben Cox (Athletic Club)")
	checkAnswer(t, squad, "Who is Town's captain?", "Moss (Rovers United, capt)")
	if a := squad.Answer("Who is Town's captain?"); len(a.Evidence) != 1 {
		t.Errorf("Answer(Who is Town's captain?) quotes %d sentences, want only the sheet that marks him", len(a.Evidence))
	}
	// Without a card the question is answered, or not, from the text.
	checkAnswer(t, report, "When is the match?", "")
	checkAnswer(t, preview, "How many people watched the match?", "")
	// Where, from the ground a report names after "at" in its first lines,
	// not from a day or a time.
	lead := NewDoc("Rovers stun City", "Rovers ended a run of six defeats with a 2-1 win at Ashton Park on Saturday. "+
		"City had led through Kerr's header.")
	checkAnswer(t, lead, "Where was the match played?", "at Ashton Park")
	checkSentences(t, "namesVenue", namesVenue, map[string]bool{
		"City lost at the Madejski Stadium.":        true,
		"They play again at Easter.":                false,
		"Kick-off is at 1500 GMT on Monday.":        false,
		"The sides meet at Twickenham on 12 March.": true,
		"He was sent off at the end of the game.":   false,
	})
}

// "Who beat Moya?" is answered where news tells the defeat from the loser's
// side — "went down to fellow Spaniard Guillermo Garcia-Lopez", "was
// dispatched by Robby Ginepri" — in a sentence that names him or goes on
// about him, not by another match's "beat".
func TestWhoBeatFromTheLosersSide(t *testing.T) {
	d := NewDoc("Moya out", "Fifth seed Carlos Moya was the first big name to fall at the Open as he went down to fellow Spaniard Guillermo Garcia-Lopez on Monday. "+
		"Moya began the year with victory at the Chennai Open. "+
		"Four-time champion Andre Agassi beat German qualifier Dieter Kindlmann in straight sets. "+
		"Agassi will play Olivier Patience in the next round.")
	checkAnswer(t, d, "Who beat Moya?", "Guillermo Garcia-Lopez")
	d = NewDoc("Young debut", "Donald Young's first appearance in a tour event proved brief. "+
		"Young shot to the top of the junior rankings when he won the boys' singles in Melbourne. "+
		"But the wildcard entry was dispatched by fellow American Robby Ginepri in straight sets. "+
		"Young, who beat two players ranked in the top 200 when he was 14, was happy with his debut.")
	checkAnswer(t, d, "Who beat Young?", "Robby Ginepri")
}

// "When did Campbell score?" is answered by the report's card, which gives
// each side's scorers with the minute under the teams; not by another's line.
func TestWhenScoredOnTheCard(t *testing.T) {
	d := NewDoc("Campbell rescues Arsenal", "Sol Campbell proved an unlikely match-winner to earn Arsenal a win at Portsmouth. "+
		"The England defender lashed home a 25-yard shot for his first goal in 16 months. "+
		"Ashdown, Griffin, De Zeeuw, Primus, Taylor, Stone.\n\nYakubu 88.\n\nAlmunia, Lauren, Toure, Campbell, Cole.\n\nCampbell 75.\n\n20,170.")
	checkAnswer(t, d, "When did Campbell score?", "Campbell 75")
	if a := d.Answer("When did Campbell score?"); strings.Contains(a.Text(), "Yakubu") {
		t.Errorf("Answer = %q, want Campbell's line, not Yakubu's", a.Text())
	}
	// A side's line may list several scorers.
	d = NewDoc("Late header earns draw", "A late header by teenager Danny Graham earned Boro a draw. "+
		"The substitute nodded home with five minutes left.\n\nNash, Riggott, Southgate, Queudrue.\n\nRiggott 74, Graham 86.\n\n"+
		"Kiely, Hreidarsson, Perry.\n\nHolland 14, Bartlett 80.\n\n29,603.")
	checkAnswer(t, d, "When did Graham score?", "Graham 86")
	// "When was the goal scored?" names no one: the card answers it when
	// the match had only the one goal, and not when it had more.
	d = NewDoc("Town 0-1 Orient", "A second-half goal from Andy Scott condemned Town to a ninth game without a win. "+
		"Scott blasted the ball home from just outside the area.\n\nPilkington, Talbot, Buxton.\n\n"+
		"Harrison, Lockwood, Scott.\n\nScott 51.\n\n3,803.")
	checkAnswer(t, d, "When was the goal scored?", "Scott 51")
	d = NewDoc("Late header earns draw", "A late header by teenager Danny Graham earned Boro a draw. "+
		"Nash, Riggott, Southgate, Queudrue.\n\nGraham 86.\n\nKiely, Hreidarsson, Perry.\n\nHolland 14.\n\n29,603.")
	if a := d.Answer("When was the goal scored?"); strings.Contains(a.Text(), "Holland 14") {
		t.Errorf("Answer = %q, want no card line of a match with two goals", a.Text())
	}
	// A report with no card tells when in the match in its own words.
	d = NewDoc("Rovers win derby", "Goals from Tom Hale and Sam Reid gave Rovers a scrappy win at City's ground. "+
		"City's keeper let Hale's 25-yard drive slip through his grasp. "+
		"Striker Reid secured victory, lobbing the keeper with eight minutes remaining. "+
		"It ended City's unbeaten home run.")
	checkAnswer(t, d, "When did Reid score?", "eight minutes remaining")
	checkMatches(t, "matchTimeRE", matchTimeRE, map[string]bool{
		"lobbing the keeper with eight minutes remaining": true,
		"Riise volleyed Liverpool ahead after 45 seconds": true,
		"scored a 79th-minute own goal":                   true,
		"restored the lead just before half-time":         true,
		"his match-winning strike four minutes from time": true,
		"the club paid £8m in 2004":                       false,
		"he has been out for eight minutes of every game": false,
	})
}

// "Who scored for Rovers?" is answered by the sentence that says how a goal
// went in and names the scorer, in the report's words ("equalised", "a try
// from"), before a quote about the goal that is closer to the question.
func TestWhoScored(t *testing.T) {
	d := NewDoc("Rovers hold City", "City were held 1-1 at home by Rovers in the FA Cup third round. "+
		"City took the lead after 20 minutes when Tom Hale's corner was headed in by Sam Reid. "+
		"Joe Pike equalised for Rovers after 65 minutes with a low shot. "+
		"\"We scored a great goal and Rovers deserved it,\" said City manager Ian Ford.")
	checkAnswer(t, d, "Who scored for Rovers?", "Joe Pike")
	d = NewDoc("Wales win in Rome", "Wales beat Italy 28-8 in Rome to stay top of the Six Nations. "+
		"The visitors went ahead with a try from Dafydd James after eight minutes. "+
		"\"We scored when it mattered, and that try is what Wales are about,\" said coach Mike Ruddock.")
	checkAnswer(t, d, "Who scored Wales' try?", "Dafydd James")
	d = NewDoc("City 0-1 Rovers", "Rovers closed the gap on the leaders with a scrappy win at City. "+
		"Sam Reid met Tom Hale's cross with a low shot, which went in via a deflection off Joe Dunn, to put Rovers ahead. "+
		"But the former Town player showed why he has never scored against Rovers by shooting wide.")
	checkAnswer(t, d, "Who scored Rovers' goal?", "Sam Reid")
	d = NewDoc("A year to remember", "It has been quite a year for the Irish, and not just for the national side. "+
		"But the big one was the 19-13 defeat of England at Twickenham, where England scored first. "+
		"The winning try was conceived in the coach's mind and finished immaculately by Gavin Doyle.")
	checkAnswer(t, d, "Who scored Ireland's winning try against England?", "Gavin Doyle")
	checkSentences(t, "scoringRE", scoringRE.MatchString, map[string]bool{
		"Corry touched down after a ruck.":                            true,
		"Henry produced a sublime strike to put Arsenal ahead.":       true,
		"Double try scorer Martyn Williams was delighted.":            true,
		"Goalscorer Jimmy Hasselbaink added: \"It was ugly.\"":        true,
		"Neil Mellor gave Liverpool the lead before half-time.":       true,
		"Reid's low shot went in off a defender to put Rovers ahead.": true,
		"Baros added a third after rounding Shay Given.":              true,
		"Liverpool gave a debut to a youngster.":                      false,
		"Ronaldo cracked home with his left foot.":                    true,
		"The striker said he was happy at the club.":                  false,
		"Scotland's record against France is poor.":                   false,
	})
	// A report that says no one scored, in any words, does not say who
	// did: the result, or who set the goal up, is no answer.
	d = NewDoc("Rovers win", "Rovers boss Alan Ward praised his players' spirit in the 1-0 win over City. "+
		"\"It was a fantastic game, with lots of good passing,\" said Ward.")
	checkAnswer(t, d, "Who scored the winning goal?", "")
	d = NewDoc("Rovers win", "Rovers boss Alan Ward praised his players' spirit in the 1-0 win over City. "+
		"Ward also hailed his captain Tom Hale, who came off the bench to set up the winning goal.")
	checkAnswer(t, d, "Who scored the winning goal?", "")
}

// "Where is X based?" is answered where news names the place beside the
// firm ("Contrack International, of Arlington, Virginia"), which it seldom
// calls a base; not by another place the article names.
func TestWhereBased(t *testing.T) {
	d := NewDoc("US firm pulls out of Iraq", "A US company has pulled out of a contract to rebuild Iraq's roads after attacks, officials said. "+
		"Delcon Engineering, of Tulsa, Oklahoma, heads a group of firms working on the roads. "+
		"Its withdrawal from the $200m contract is the largest so far. "+
		"An office in Baghdad has taken over Delcon's management of the work.")
	checkAnswer(t, d, "Where is Delcon based?", "Tulsa, Oklahoma")
	checkSentences(t, "baseRE", baseRE.MatchString, map[string]bool{
		"Houston-based Continental has debts of $984m.":  true,
		"The firm is based in Geneva.":                   true,
		"The office in Baghdad has taken over the work.": false,
	})
}

// "What is X's job?" asks for the post news names beside X, which it need
// not call a job: the question's "job", "current" or "hold" are no reason to
// decline.
func TestJobQuestion(t *testing.T) {
	d := NewDoc("Blunkett row", "The events that led to David Blunkett's resignation must not be forgotten, the Tories say. "+
		"Tony Blair said he hoped the former home secretary would serve again in government. "+
		"Mr Blunkett quit in December after a row over a visa.")
	checkAnswer(t, d, "What job did Blunkett hold before resigning?", "home secretary")
	d = NewDoc("Trade warning", "Europe must not turn its back on China, Peter Mandelson has said. "+
		"The European commissioner and former Labour minister was speaking in Beijing.")
	checkAnswer(t, d, "What is Mandelson's current job?", "European commissioner")
}

// "Why …?" is answered where the article gives a cause, in whatever words:
// among the sentences close to the question, or right after the one that says
// what happened.
func TestWhyGivesTheCause(t *testing.T) {
	d := NewDoc("Santini quits Spurs", "Jacques Santini has resigned as Tottenham coach, the club said on Friday. "+
		"Santini, who resigned as France coach to join Spurs, will be replaced by his assistant Martin Jol. "+
		"Sporting director Frank Arnesen said Santini had left Spurs due to personal problems. "+
		"Spurs are 11th in the Premiership.")
	checkAnswer(t, d, "Why did Santini resign?", "due to personal problems")
	d = NewDoc("Ballet decline", "A leading dance academy has warned that classical dance in Britain is in trouble. "+
		"It said its teachers were getting older, and that schools taught less dance. "+
		"Fewer children over the age of 10 are taking up ballet, its survey found. "+
		"The academy blames the growing popularity of computer games. "+
		"It wants more dance taught in schools.")
	checkAnswer(t, d, "Why are fewer children taking up ballet?", "computer games")
}

// "What does FSA stand for?" is answered where the article spells it out.
func TestStandsFor(t *testing.T) {
	d := NewDoc("Insurers' chief chides watchdog", "The head of the insurance market has criticised Britain's financial watchdog, the Financial Services Authority (FSA). "+
		"In a speech on Monday, he urged the FSA to force brokers to disclose their commissions. "+
		"The Office of Fair Trading (OFT) said it would look at the market too.")
	checkAnswer(t, d, "What does FSA stand for?", "Financial Services Authority")
	checkAnswer(t, d, "What does the OFT stand for?", "Office of Fair Trading")
	checkAnswer(t, d, "What does IRB stand for?", "")
	// "What is X?" of letters is answered where the article spells them out,
	// before where it says what X is in other ways.
	a := NewDoc("How we designed ATF", "I joined the firm after graduating. "+
		"This Asynchronous Task Framework (ATF) would replace several older systems. "+
		"Each job scheduled with ATF is a task, which ATF runs. "+
		"ATF provides a building block for scheduling tasks, and ATF runs them.")
	checkAnswer(t, a, "What is ATF?", "Asynchronous Task Framework")
	for _, tc := range []struct {
		sentence, abbr string
		want           bool
	}{
		{"The ICC (International Cricket Council) met in Dubai.", "ICC", true},
		{"He spoke to the BBC (in London) on Friday.", "BBC", false},
		{"Shares in the firm (BAA) rose.", "BAA", false},
	} {
		if got := spellsOut(tc.sentence, tc.abbr); got != tc.want {
			t.Errorf("spellsOut(%q, %q) = %v, want %v", tc.sentence, tc.abbr, got, tc.want)
		}
	}
}

// "Who will Ljubicic face in the semi-final?" asks about a match to come:
// the report of the one he won does not say, unless it looks ahead.
func TestNextOpponent(t *testing.T) {
	d := NewDoc("Henman out in Dubai", "Third seed Tim Henman slumped to a straight sets defeat in his Dubai Open quarter-final against Ivan Ljubicic. "+
		"The Croatian eighth seed booked his place in the semi-finals with a 7-5 6-4 win. "+
		"Henman said he had not served well, and had found Ljubicic hard to face.")
	checkAnswer(t, d, "Who will Ljubicic face in the semi-final?", "")
	d = NewDoc("Henman out in Dubai", "Third seed Tim Henman slumped to a straight sets defeat in his Dubai Open quarter-final against Ivan Ljubicic. "+
		"The Croatian eighth seed will face Roger Federer in the semi-finals after a 7-5 6-4 win. "+
		"Henman said he had not served well.")
	checkAnswer(t, d, "Who will Ljubicic face in the semi-final?", "Roger Federer")
	d = NewDoc("United through", "Wayne Rooney scored twice as United beat Exeter in the third round. "+
		"United played without their captain. "+
		"Rooney slotted into an empty net with three minutes to go to book a home tie with Middlesbrough in the fourth round.")
	checkAnswer(t, d, "Who will United play in the fourth round?", "Middlesbrough")
	// A team plays the next one in the present, as news tells it; playing
	// "well" or "at home" looks ahead to no one.
	d = NewDoc("Egypt edge Uganda", "Abdallah El Said struck late as Egypt beat Uganda 1-0. "+
		"The win means Egypt play Ghana on Wednesday with top spot in the group at stake. "+
		"Uganda now face Mali.")
	checkAnswer(t, d, "Who will Egypt play next?", "Ghana")
	d = NewDoc("Egypt edge Uganda", "Abdallah El Said struck late as Egypt beat Uganda 1-0. "+
		"\"It is hard to play well in this heat,\" said the Egypt coach, whose side play at home in the group.")
	checkAnswer(t, d, "Who will Egypt play next?", "")
	d = NewDoc("Sale coach", "Sale host Bath in the cup on Friday, but the Frenchman has had a difficult week. "+
		"Sale lost all three league games they played in the autumn.")
	checkAnswer(t, d, "Who does Sale play in the cup?", "Bath")
	d = NewDoc("Sale coach", "Sale wasted a host of chances against Bath in the cup on Friday. "+
		"Sale lost all three league games they played in the autumn.")
	checkAnswer(t, d, "Who does Sale play in the cup?", "")
	d = NewDoc("Clarkson on loan", "St Mirren have signed the Motherwell forward on loan until the end of the season. "+
		"Clarkson, 30, could make his St Mirren debut in the Championship against Alloa on Saturday. "+
		"He scored nine goals at Dundee last season and has been playing for the under-20s.")
	checkAnswer(t, d, "Who will St Mirren play on Saturday?", "Alloa")
}

// An open question about what someone does or why is answered in the
// article's own words: a predicate it never uses, or few of the question's
// words, do not make it decline. A question for a thing the article never
// names still does.
func TestOpenQuestions(t *testing.T) {
	d := NewDoc("Tory health checks", "Non-EU citizens wanting to work in the UK will have to undergo tests for TB and HIV, under plans unveiled by the Conservatives. "+
		"A positive test for TB would mean visa applications being turned down, while HIV would be dealt with case by case. "+
		"Leader Michael Howard said the checks would protect the health service.")
	checkAnswer(t, d, "What happens to migrants who fail the test?", "visa applications being turned down")
	d = NewDoc("Phones at home", "The fixed line phone in your home could soon be an endangered species. "+
		"Research by a handset maker shows that more and more people are using their mobile phone for every call they make or take.")
	checkAnswer(t, d, "What will replace the home phone?", "mobile phone")
	d = NewDoc("Brainwave cap", "A team of US researchers has shown that controlling devices with the brain is a step closer. "+
		"Four people moved a computer cursor while wearing a cap with 64 electrodes. "+
		"Brain activity produces electrical signals that can be read by the electrodes.")
	checkAnswer(t, d, "How does the cap work?", "electrodes")
	d = NewDoc("Henman loses", "Tim Henman was left cursing the weather after seven breaks for rain during his defeat in Dubai. "+
		"\"It was incredibly frustrating,\" Henman said.")
	checkAnswer(t, d, "What is Henman's world ranking?", "")
}

// "What was her winning time?" asks for a race's time, which news gives
// without the word ("won in 7.89 seconds"); an article that gives none does
// not say it.
func TestRaceTime(t *testing.T) {
	d := NewDoc("Okoro takes indoor title", "Ada Okoro won the 60m at the Glasgow indoor meeting on Saturday. "+
		"The 24-year-old from Leeds crossed the line in 7.89 seconds, ahead of Maria Lind. "+
		"Lind, who beat Okoro in Madrid last month, said she would race again in Birmingham on 18 February.")
	checkAnswer(t, d, "What was Okoro's winning time?", "7.89 seconds")
	checkAnswer(t, d, "What was Okoro's time?", "7.89 seconds")
	none := NewDoc("Lind to race in Birmingham", "Maria Lind will compete in the 60m at the indoor grand prix in Birmingham on 18 February. "+
		"The Swede, who won the European title last year, has been training in Florida. "+
		"She beat Ada Okoro in Madrid last month, the first of her wins over the world champion.")
	checkAnswer(t, none, "What is Lind's best time for the 60m?", "")
	// A description of more than one word: "The New Zealand runner".
	d = NewDoc("Walsh wins again", "Sam Walsh claimed his second indoor win in a week, taking the 1500m at the Ghent meeting. "+
		"The New Zealand runner set a personal best of three minutes, 36.20 seconds to qualify for the world championships. "+
		"\"I'm delighted with that,\" said the 26-year-old. "+
		"Walsh now hopes to race in Madrid on Sunday after three straight wins.")
	checkAnswer(t, d, "What was Walsh's winning time in Ghent?", "36.20 seconds")
	// A marathon's, in hours and minutes.
	d = NewDoc("Kiprop wins in Boston", "Grace Kiprop won the Boston marathon for the second time on Monday. "+
		"The field was one of the strongest the race has seen. "+
		"Although two hours 25 minutes was not one of Kiprop's best times, it was close to the record on a hilly course.")
	checkAnswer(t, d, "What was Kiprop's time?", "two hours 25 minutes")
}

// A sentence that describes whom the one before named ("The Italian fourth
// seed …") goes on about them, as one that refers back with a pronoun does:
// it has, for less, the words that named them.
func TestDescriptionGoesOn(t *testing.T) {
	d := NewDoc("Rain hits Rotterdam", "Rain delayed play at the Rotterdam Open for three hours on Friday. "+
		"Ben Carter suffered a quarter-final defeat by Marco Rossi. "+
		"The Italian fourth seed took it 6-3 7-6 in just under two hours. "+
		"Carter said the rain had not helped him, but he would be back next year. "+
		"Later, Sam Dale beat Tom Nye 6-2 6-1 in the other quarter-final.")
	checkAnswer(t, d, "What was the score in Carter's defeat?", "6-3 7-6")
	// The sentence it goes on from, which says whom it is about, is quoted
	// with it, though it is not the runner-up.
	d = NewDoc("Carter gives away winnings", "Rain delayed play at the Rotterdam Open for three hours on Friday. "+
		"Ben Carter, who turned professional only last spring after three years at an American college, won the title on Sunday with a display that left his coach and his family in tears. "+
		"The Briton then donated his £20,000 prize money to a children's hospital in Leeds. "+
		"Rossi said the prize money in Rotterdam was the best prize money on the tour.")
	checkAnswer(t, d, "What did Carter do with his prize money?", "Ben Carter, who")
}

// An article that says what is asked is not known or not public yet is
// quoted in the decline; one that says something else is not known still
// answers.
func TestUnsettledIsQuoted(t *testing.T) {
	d := NewDoc("Guitarist quits", "Guitarist Brian Welch has left the band Korn after ten years. "+
		"A replacement guitarist has yet to be named by Korn, who are working on their eighth album. "+
		"Welch said he had found religion.")
	a := d.Answer("Who will replace Welch?")
	if a.Answerable || !strings.Contains(a.Unsettled, "yet to be named") ||
		a.Text() != NotCovered+" — it says only: “"+d.Sentences[1]+"”" {
		t.Errorf("Answer(Who will replace Welch?) = %+v, want a decline that quotes the second sentence", a)
	}
	d = NewDoc("Bank merger", "Two Nigerian banks are to merge to form the country's biggest lender. "+
		"The merger was announced in a statement on Tuesday, but no financial details were revealed.")
	checkAnswer(t, d, "When was the merger announced?", "Tuesday")
	// Nor is "no comment on the lawsuit, but confirmed …" a hedge: what it
	// confirms is known.
	d = NewDoc("Show sued", "A US TV network is being sued by a viewer who says he was disgusted by a stunt show. "+
		"A spokesman for the network said it had no comment on the lawsuit, but confirmed the stunt show did feature a rat-eating scene on 8 November.")
	checkAnswer(t, d, "When was the rat-eating scene shown?", "8 November")
	// "Why …?" of an article that says no reason was given, about the
	// question's subject: quoted in the decline.
	d = NewDoc("Slater on Broadway", "Actor Christian Slater is stepping into the role of Tom in the Broadway revival of The Glass Menagerie. "+
		"Slater, 35, is replacing actor Dallas Roberts in the drama, which opens next month. "+
		"No reason was given for Roberts' departure. "+
		"The role will be played by an understudy until Slater joins the show.")
	checkUnsettled(t, d, "Why did Roberts leave?", "No reason was given")
	checkSentences(t, "hedgeRE", hedgeRE.MatchString, map[string]bool{
		"No wedding plans have been set yet, said her agent.":        true,
		"with no cast, opening date or theatre announced":            true,
		"Telewest has yet to reveal pricing for the new box.":        true,
		"on holiday at an undisclosed location":                      true,
		"Ajax have refused to reveal whether he is on the list.":     true,
		"The wedding will be held in April, her agent said.":         false,
		"No one was hurt in the fire, which was announced as arson.": false,
		"The exact cost is not yet known.":                           true,
		"Mobiles are not yet ready to replace media players.":        false,
		"The striker has yet to agree personal terms.":               false,
	})
}

// A people's adjective finds its country and back: "the Algerian protests"
// are the protests in Algeria, which the article does mention.
func TestNationAndItsPeople(t *testing.T) {
	d := NewDoc("Gas riots", "Algeria suffered a weekend of violent protests against government plans to raise gas prices. "+
		"Demonstrators blocked roads and attacked public buildings in several regions.")
	checkAnswer(t, d, "What are the Algerian protests about?", "gas prices")
	d = NewDoc("Election", "Kenyan voters queued for hours to choose a new parliament on Friday. "+
		"Turnout was the highest since independence.")
	checkAnswer(t, d, "When did Kenya vote?", "Friday")
	checkAnswer(t, d, "When did Uganda vote?", "")
	// A country named "-stan" for its people: the Kyrgyz Republic is
	// Kyrgyzstan, Afghan voters vote in Afghanistan.
	d = NewDoc("Ink and the vote", "The Kyrgyz Republic is using invisible ink at its elections. "+
		"Afghan officials have asked to see how it works.")
	for _, q := range []string{"Why is Kyrgyzstan using ink?", "Why are Afghanistan's officials watching?"} {
		if m := d.missingNames(q, ""); len(m) > 0 {
			t.Errorf("missingNames(%q) = %q, want none", q, m)
		}
	}
	// "Japanese" finds "Japan's", "Chinese" "China".
	d = NewDoc("Speed record", "The US is poised to push Japan off the top of the chart. "+
		"The current top machine, Japan's Earth Simulator, clocks up 35.86 teraflops, and China plans a rival.")
	for _, q := range []string{"Which Japanese computer holds the record?", "Is a Chinese machine planned?"} {
		if m := d.missingNames(q, ""); len(m) > 0 {
			t.Errorf("missingNames(%q) = %q, want none", q, m)
		}
	}
	if m := d.missingNames("Is Uzbekistan using ink?", ""); !slices.Equal(m, []string{"Uzbekistan"}) {
		t.Errorf("missingNames(Uzbekistan) = %q, want it", m)
	}
}

// "Who does Lennon play for?" asks for his team, which news names beside
// him — "Celtic's Neil Lennon", "Hibernian winger Ivan Sproule" — or calls
// him by in the next sentence ("The Borders flanker"): it asks no opponent,
// and a possessive of anything else before his name ("Motherwell's offer
// for Scotland international Reid") or a description ("Hard-running flanker
// Tom Bell") names no team.
func TestTeamOfPlayer(t *testing.T) {
	d := NewDoc("Lennon on derby", "Rangers have won their last four league games and are favourites for Sunday's derby. "+
		"\"We believe we can win if we play our best,\" the midfielder said. "+
		"Celtic's Neil Lennon admits his side have not been at their best this season.")
	checkAnswer(t, d, "Who does Lennon play for?", "Celtic")
	d = NewDoc("Sproule deal", "Ivan Sproule has agreed a new two-year contract. "+
		"Hibernian winger Ivan Sproule said he had never wanted to leave Easter Road. "+
		"The 23-year-old scored twice against Hearts last month.")
	checkAnswer(t, d, "Which club does Sproule play for?", "Hibernian")
	d = NewDoc("Injury blow", "Scotland's back row problems have grown with news that Tom Bell will miss the opening games. "+
		"The Borders flanker has hurt a knee and joins two other forwards on the injured list. "+
		"Hard-running flanker Tom Bell had been expected to start.")
	checkAnswer(t, d, "Which club does Tom Bell play for?", "The Borders flanker")
	d = NewDoc("Reid bids", "Forest have received bids for Andy Reid from two clubs. "+
		"Motherwell's offer for Scotland international Reid was £2m plus two players. "+
		"Reid has played for Forest since he was 16.")
	checkAnswer(t, d, "Which club does Reid play for?", "played for Forest")
}

// A place in an order counts what it stands right before ("her 23rd cap", "a
// ninth successive game"), not what follows another word ("finished 14th in the
// vote" says nothing of how many voted); a year counts nothing.
func TestOrdinalCounts(t *testing.T) {
	d := NewDoc("Best band poll", "The Blue Nile have been named the best Scottish band of all time in a magazine's poll. "+
		"Texas, who finished 14th in the vote, played at the party where the result was announced. "+
		"The magazine left the final choice to the public.")
	checkAnswer(t, d, "How many people voted?", "")
	d = NewDoc("Wales team", "Wales have named an unchanged side for Saturday's game in Rome. "+
		"Full-back Kate Morgan wins her 23rd cap.")
	checkAnswer(t, d, "How many caps does Morgan have?", "23rd cap")
	// So does one written in words, ending a run or someone's: "a ninth
	// successive game", "his ninth Budget" — not the match's "second try".
	d = NewDoc("Town slump", "A late goal condemned Town to a ninth successive game without a win. "+
		"The home fans called for the manager to go.")
	checkAnswer(t, d, "How many games has Town gone without a win?", "ninth successive game")
	d = NewDoc("Budget day", "The chancellor has promised help for pensioners in his ninth Budget. "+
		"The opposition said the plans did not go far enough.")
	checkAnswer(t, d, "How many Budgets has the chancellor delivered?", "ninth Budget")
	d = NewDoc("Ireland win", "Ireland beat Italy 28-17 in Rome on Saturday. "+
		"Hickie's break set up the second try for the visitors.")
	checkAnswer(t, d, "How many tries did Hickie score?", "")
	// Nor does a year: "published in 2003 found people …" counts no one.
	d = NewDoc("Jobs pilot", "The Home Office is to run a pilot scheme to help people in poorer areas into work. "+
		"A study published in 2003 found people in those areas were far less likely to find jobs. "+
		"The pilot will start in April in three cities.")
	checkAnswer(t, d, "How many people will take part in the pilot?", "")
	// What the question's verb takes is not what it counts: "$300m into a
	// three-year Linux program" counts no customers.
	d = NewDoc("Linux push", "The software firm is spending $100m over three years on Linux. "+
		"In 2001 it put $300m into a three-year Linux program. "+
		"It says more of its customers want to use open source software.")
	checkAnswer(t, d, "How many customers use Linux?", "")
}

// A sum for what the question names comes from a sentence that names it,
// when one is as near as a sentence that names neither: "How much did
// Westline pay for Eastway?" — not "Northrail, meanwhile, had to pay
// regulators £25m".
func TestTypedAnswerNamesTheSubject(t *testing.T) {
	d := NewDoc("Rail takeover", "Rail firm Westline is to take over its smaller rival Eastway. "+
		"Eastway accepted a £675m takeover from Westline on Monday, rejecting a higher offer from Southern. "+
		"Westline will keep the Eastway name for two years. "+
		"Eastway's chairman said Westline had made a fair offer. "+
		"Northrail, meanwhile, had to pay regulators £25m last year to settle claims over late trains.")
	checkAnswer(t, d, "How much did Westline pay for Eastway?", "£675m")
	// A sentence that goes on about the one before names it too.
	d = NewDoc("Henman out", "Tim Henman slumped to a straight sets defeat in his quarter-final against Ivan Ljubicic. "+
		"The Croatian eighth seed won 7-5 6-4 to reach the last four. "+
		"Henman had led 2-0 in the second set before the rain came. "+
		"\"If it's raining, you come off - the score's irrelevant,\" Henman said.")
	checkAnswer(t, d, "What was the score in Henman's defeat?", "7-5 6-4")
}

// "Which constituency does Barbara Roche represent?" is answered where news
// names an MP's seat — "Labour MP for Hornsey and Wood Green", "the Ealing
// North MP" — beside her name or right after a sentence that names her; not
// by another MP's seat in a sentence about her.
func TestSeatOfAnMP(t *testing.T) {
	d := NewDoc("Migration warning", "A former immigration minister has called for an independent body to monitor migration. "+
		"Ann Hale said the body should publish its figures every year. "+
		"Ms Hale, Labour MP for Northfield and Vale, believes legal migration is good for the economy.")
	checkAnswer(t, d, "Which constituency does Ann Hale represent?", "Northfield and Vale")
	d = NewDoc("Casino row", "The casino plans have been attacked from the government's own benches. "+
		"Labour backbencher Tom Pike called the regeneration schemes \"a pile of nonsense\". "+
		"The MP for Ealing East said the bill would bring misery to poor areas.")
	checkAnswer(t, d, "Which constituency does Tom Pike represent?", "Ealing East")
	// Another MP's seat is no answer.
	d = NewDoc("Stooge row", "Jane King has hit back at her critics in the constituency. "+
		"The Glasgow Kelvin MP, who was expelled from his party, accused Ms King of being a stooge.")
	const king = "Which constituency does Jane King represent?"
	if ev := d.seatOf(king, d.bind(parseQuery(king))); ev != nil {
		t.Errorf("seatOf(%q) = %v, want none: the Glasgow Kelvin MP is someone else", king, ev)
	}
	// "Which constituency is he MP for?" asks the same.
	d = NewDoc("Daughter found", "Labour MP Tom Pike has told of his joy at finding a daughter he never knew he had. "+
		"Mr Pike, who is now married, said: \"I was a sailor then.\" "+
		"\"It was a pretty happy ending,\" said the Ealing East MP.")
	checkAnswer(t, d, "Which constituency is Tom Pike MP for?", "Ealing East")
	// A candidate's seat: "running for the seat of Dewsbury".
	d = NewDoc("Shortlists row", "Calls for ethnic minority shortlists have been rejected by a senior Labour figure. "+
		"One of the city's most diverse constituencies, Riverside, is to get a women-only shortlist. "+
		"Mr Ali said he understood the frustration in the constituency. "+
		"Mr Ali, who is himself running for the seat of Northbridge, said targets would work better.")
	checkAnswer(t, d, "Which constituency is Ali standing in?", "Northbridge")
	// Or the seat a profile says he entered Parliament for.
	d = NewDoc("Profile: Tom Pike", "Before he resigned as home secretary, Tom Pike ran a large department. "+
		"Mr Pike was schooled in Leeds, where he led the city council for seven years. "+
		"Mr Pike entered Parliament for Leeds Moorside in 1987, after first contesting another seat in 1974.")
	checkAnswer(t, d, "Which constituency does Pike represent?", "Leeds Moorside")
}

// Who made a work is named after "by", right after the work, whatever verb
// the article uses or none: "The Pillowman by Martin McDonagh", "The book,
// by Sunday Telegraph journalist Robert Peston, said …".
func TestWorkBy(t *testing.T) {
	d := NewDoc("Theatre awards", "The shortlists for this year's theatre awards were announced on Monday. "+
		"The Goat by Edward Albee, The Pillowman by Martin McDonagh and Alan Bennett's The History Boys are shortlisted for best play. "+
		"The winners will be named in February.")
	checkAnswer(t, d, "Who wrote The Pillowman?", "Martin McDonagh")
	d = NewDoc("Leaders' feud", "The prime minister and the chancellor were criticised by MPs at a private meeting on Monday. "+
		"New claims about their relationship were made in a book published this week. "+
		"The book, by Sunday Times journalist Tom Pike, said the pair had \"mutual contempt\" for each other.")
	checkAnswer(t, d, "Who wrote the book?", "Tom Pike")
}

// "How much is his bail?" asks for a sum of money, as "How much does it
// cost?" does: not the age beside his name.
func TestBailIsMoney(t *testing.T) {
	d := NewDoc("Singer in court", "Singer Tom Reed has denied robbery and blackmail charges in court. "+
		"He is out on £50,000 bail and must observe a curfew. "+
		"Reed, 25, had to be home by midnight, one of the conditions of his bail.")
	checkAnswer(t, d, "How much is Reed's bail?", "£50,000")
}

// "Where will the rally be held?" asks where it will be, in whatever words
// — "with a walk at Tweedbank" — in an article that never says "held" (one
// that does, "The ceremony was held at the Luna Park fairground", is
// answered by it). Not so for when ("When were the awards held?"), nor for
// someone held.
func TestWhereHeld(t *testing.T) {
	d := NewDoc("Rail rally", "Campaigners are to stage a rally calling for a rail link closed in 1969 to be reopened. "+
		"They will mark the anniversary of the line's closure with a walk at Tweedbank. "+
		"Anne Borthwick, of the rail campaign, said reopening the line would restore the area's prosperity. "+
		"Ms Borthwick said the campaign was determined to keep the pressure on ministers.")
	checkAnswer(t, d, "Where will the rally be held?", "walk at Tweedbank")
	d = NewDoc("Music awards", "Pop singer Delta Goodrem has won best female artist at the first music awards. "+
		"Green Day and the Black Eyed Peas took home two awards each. "+
		"The ceremony was held at the Luna Park fairground in Sydney.")
	checkAnswer(t, d, "Where were the awards held?", "Luna Park")
	for q, want := range map[string]bool{
		"Where was the hearing held?":           true,
		"Where will the summit be held?":        true,
		"When were the awards held?":            false,
		"How long was he held in Guantanamo?":   false,
		"Where does the firm hold its meeting?": false,
	} {
		if got := heldAsked(strings.ToLower(q)); got != want {
			t.Errorf("heldAsked(%q) = %v, want %v", q, got, want)
		}
	}
}

// A count of something of a kind is a count of that kind: "How many
// manufacturing jobs were added?" is not answered by "146,000 jobs were
// added" in an article that gives no count of manufacturing jobs, but is by
// a count in, or right after, a sentence about manufacturing.
func TestCountOfAKind(t *testing.T) {
	d := NewDoc("US jobs", "The US created fewer jobs than expected in January. "+
		"According to Labor Department figures, firms added 146,000 jobs. "+
		"Analysts said manufacturing was showing signs of strength.")
	checkAnswer(t, d, "How many jobs were added?", "146,000 jobs")
	checkAnswer(t, d, "How many manufacturing jobs were added?", "")
	d = NewDoc("US jobs", "The US created fewer jobs than expected in January. "+
		"Manufacturing was the bright spot. "+
		"Factories added 24,000 jobs, the Labor Department said.")
	checkAnswer(t, d, "How many manufacturing jobs were added?", "24,000 jobs")
	// Not for a word that names no kind, nor for a name.
	d = NewDoc("US jobs", "The US created fewer jobs than expected in January. "+
		"According to Labor Department figures, firms added 146,000 new jobs.")
	checkAnswer(t, d, "How many new jobs were created?", "146,000 new jobs")
	d = NewDoc("Davos", "More than 2,000 business and political leaders are arriving in Davos for the forum. "+
		"For five days they will discuss issues from China's economic power to Iraq's future. "+
		"The UK prime minister is among the more than 20 government leaders attending the meeting.")
	checkAnswer(t, d, "How many world leaders are attending?", "more than 20 government leaders")
}

// A count may come after what it counts and "of": "pre-orders of more than
// 1.5 million", "a crowd of 40,000" — not a share ("a rise of 5%"); or after
// its participle: "nominated for five prizes".
func TestCountAfterOf(t *testing.T) {
	d := NewDoc("Game records", "The space shooter has broken video game records, with pre-orders of more than 1.5 million in the US alone. "+
		"Some 6,500 stores plan to open just after midnight for its release.")
	checkAnswer(t, d, "How many pre-orders were there in the US?", "1.5 million")
	d = NewDoc("Crowd", "United drew a crowd of 40,000 to the friendly. Tickets saw a rise of 5% in price.")
	if !d.countsAfterOf(0, []int32{d.termID(text.Term("crowd"))}) {
		t.Errorf("countsAfterOf(%q) = false, want true", d.Sentences[0])
	}
	if d.countsAfterOf(1, []int32{d.termID(text.Term("rise"))}) {
		t.Errorf("countsAfterOf(%q) = true, want false", d.Sentences[1])
	}
	// Or after its participle and "in" or "for": "nominated for five
	// prizes" counts nominations; "nominated in 2004" does not.
	d = NewDoc("Band seeks help", "The frontman has called for more help for musicians. "+
		"He and his Glasgow four-piece band have been nominated for five prizes at next week's Brit Awards, including best group. "+
		"Their debut album won last year's Mercury Prize.")
	checkAnswer(t, d, "How many Brit nominations do they have?", "five prizes")
	d = NewDoc("Bafta hopes", "Vera Drake, a tale about a 1950s backstreet abortionist, is nominated in 11 categories. "+
		"Its director was first nominated in 2004.")
	if !d.countsAfterOf(0, []int32{d.termID(text.Term("nominations"))}) {
		t.Errorf("countsAfterOf(%q) = false, want true", d.Sentences[0])
	}
	if d.countsAfterOf(1, []int32{d.termID(text.Term("nominations"))}) {
		t.Errorf("countsAfterOf(%q) = true, want false (a year)", d.Sentences[1])
	}
}

// checkMatches checks, for each text, whether re matches it as wanted.
func checkMatches(t *testing.T, name string, re *regexp.Regexp, cases map[string]bool) {
	t.Helper()
	for s, want := range cases {
		if got := re.MatchString(s); got != want {
			t.Errorf("%s.MatchString(%q) = %v, want %v", name, s, got, want)
		}
	}
}

// "Who was the pilot?" asks for a name: quoted sentences that name no one
// do not say; a name at the start of a sentence is a name.
func TestWhoHoldsARole(t *testing.T) {
	jet := NewDoc("Jet downed", "The jet was shot down by two fighters on 24 November. "+
		"Both crew members ejected but the pilot was killed, while the navigator was rescued. "+
		"A rescue helicopter was destroyed on the ground.")
	checkAnswer(t, jet, "Who was the pilot?", "")
	named := NewDoc("Jet downed", "The jet was shot down by two fighters on 24 November. "+
		"Oleg Peshkov was the pilot, and he was killed after he ejected. "+
		"A rescue helicopter was destroyed on the ground.")
	checkAnswer(t, named, "Who was the pilot?", "Oleg Peshkov")
}

// "How tall is Llewellyn?" asks for a height, which news gives without the
// word: "The 6ft 6in lock".
func TestHowTall(t *testing.T) {
	d := NewDoc("Llewellyn retires", "Gareth Llewellyn made his Wales debut in 1989 against New Zealand. "+
		"The 6ft 6in lock has not looked back since, going on to break the Wales cap record. "+
		"He will now coach at Neath.")
	checkAnswer(t, d, "How tall is Llewellyn?", "6ft 6in")
}

// News may call someone by surname alone: a question that gives the first
// name too is about them ("How old is David Clarkson?" — "Clarkson, 30,
// joined …"), and the article does not lack them; another surname is
// someone else.
func TestSurnameAlone(t *testing.T) {
	d := NewDoc("Clarkson joins on loan", "St Mirren have signed the Motherwell forward on loan until the end of the season. "+
		"Clarkson, 30, joined Motherwell for a second spell in July. "+
		"He scored nine goals at Dundee last season.")
	checkAnswer(t, d, "How old is David Clarkson?", "30")
	checkAnswer(t, d, "How old is David Moyes?", "")
	if got := d.Answer("How old is David Moyes?").Missing; !slices.Contains(got, "David") || !slices.Contains(got, "Moyes") {
		t.Errorf("Missing = %q, want David and Moyes", got)
	}
}

// A measure may carry a fraction after its figures: "11½ hours".
func TestMeasureWithFraction(t *testing.T) {
	d := NewDoc("Guilty", "Jurors found him guilty on Wednesday of all 30 counts he faced. "+
		"After deliberating for 11½ hours, the jury returned its verdict. "+
		"The penalty phase will follow.")
	checkAnswer(t, d, "How long did the jury deliberate?", "11½ hours")
}

// "How far behind …?" in a table asks for a gap in points, not a length.
func TestHowFarBehind(t *testing.T) {
	d := NewDoc("Benzema out", "Karim Benzema will miss Real Madrid's game at home to Malaga on Saturday with a knee problem. "+
		"Second-placed Real are currently two points behind La Liga leaders Barcelona. "+
		"Isco is likely to start in his place.")
	checkAnswer(t, d, "How far behind Barcelona are Real Madrid?", "two points behind")
	checkAnswer(t, d, "How far is Madrid from Malaga?", "")
}

// A word the article writes as two, or with a hyphen, is the article's:
// "foodbanks" — "food banks", "replanted" — "re-planted"; "replace" is not
// "place", which the article writes whole.
func TestCompoundWords(t *testing.T) {
	d := NewDoc("Poverty row", "The prime minister attacked the opposition after it emerged more than a million people turned to food banks last year. "+
		"He said the welfare system had punished the poor.")
	checkAnswer(t, d, "How many people use foodbanks?", "a million people")
	if got := d.Answer("How many foodbanks closed?").Missing; slices.Contains(got, "foodbanks") {
		t.Errorf("Missing = %q: the article writes \"food banks\"", got)
	}
	forest := NewDoc("Forests lost", "Conifer forests have helped the timber industry grow. "+
		"Industry experts warn that at least 16,000 hectares of commercial forest have been lost since 2001 and need to be re-planted. "+
		"Ministers said they encouraged woodland creation.")
	checkAnswer(t, forest, "How much woodland needs to be replanted?", "16,000 hectares")
	team := NewDoc("Injury", "The lock has broken his arm and will miss the rest of the season. "+
		"He will take his place on the bench when fit.")
	checkAnswer(t, team, "Who will replace him?", "")
}

// "What is the article about?" asks for the gist: the summary, not a
// sentence with the word "article" — and not a decline; "What is the article
// about Sunday?" asks what it says of Sunday.
func TestWhatIsItAbout(t *testing.T) {
	d := NewDoc("Christmas online", "Let's not forget the traditional argument about who buys the batteries. "+
		"Here are five ways to enjoy Christmas online, from virtual church services to nativity videos. "+
		"One church streams a sermon every Sunday. "+
		"A game for children tells Bible stories.")
	for _, q := range []string{"What is the article about?", "What's this story about?", "what is it all about"} {
		a := d.Answer(q)
		if !a.Answerable || len(a.Evidence) == 0 {
			t.Errorf("Answer(%q) = %+v, want the summary", q, a)
		}
	}
	if a := d.Answer("What is the article about Sunday?"); len(a.Evidence) != 1 || !strings.Contains(a.Text(), "every Sunday") {
		t.Errorf("Answer(What is the article about Sunday?) = %q, want the sentence about Sunday alone", a.Text())
	}
}

// A country the question names by a word no ending links to its article's
// ("Holland" — "the Dutch", "the Netherlands") is not missing from it.
func TestIrregularNations(t *testing.T) {
	d := NewDoc("Michels dies", "Rinus Michels, the coach who created total football, has died aged 77. "+
		"Referred to in the Netherlands as the General, Michels led the Dutch at the 1974 World Cup, where they lost the final to Germany. "+
		"However, he guided his side to the 1988 European Championship title with a 2-0 win over the Soviet Union.")
	checkAnswer(t, d, "Which tournament did Michels win with Holland?", "European Championship")
	if got := d.missingNames("Which tournament did Michels win with Holland?", ""); len(got) > 0 {
		t.Errorf("missingNames = %q, want none: the article names the Dutch", got)
	}
	if got := d.missingNames("Did Michels coach Wales?", ""); !slices.Contains(got, "Wales") {
		t.Errorf("missingNames = %q, want Wales", got)
	}
}

// An adjective the article gives only as a superlative is the article's:
// "What is the new GTA game called?" — "the newest addition … GTA: San
// Andreas".
func TestSuperlatives(t *testing.T) {
	d := NewDoc("Gangsta's paradise", "The Grand Theft Auto series has set itself the very highest of standards, but the newest addition lives up to it. "+
		"The game is called GTA: San Andreas and is set in the early 1990s. "+
		"It is out on Friday.")
	checkAnswer(t, d, "What is the new GTA game called?", "San Andreas")
	if got := d.Answer("How high are the standards?").Missing; slices.Contains(got, "high") {
		t.Errorf("Missing = %q: the article says \"highest\"", got)
	}
}

// A verb's "-ee" noun is the verb used: "attend" — "attendees", "detain" —
// "detainees"; a short term and its "e" are not ("car" — "care").
func TestDoneToNouns(t *testing.T) {
	d := NewDoc("Free zones meet in Montego Bay", "The conference will take place at the Montego Bay Convention Centre from June 13 to 17. "+
		"During the five-day event, where approximately 1,500 participants are expected from 140 countries, attendees will take part in panel discussions. "+
		"Police said two detainees were released. Nurses care for the injured.")
	checkAnswer(t, d, "How many countries will attend?", "140 countries")
	if got := d.Answer("How many suspects were detained?").Missing; slices.Contains(got, "detained") {
		t.Errorf("Missing = %q: the article says \"detainees\"", got)
	}
	if got := d.Answer("Whose car was stolen?").Missing; !slices.Contains(got, "car") {
		t.Errorf("Missing = %q: \"care\" is not \"car\"", got)
	}
}

// "found" after "did" is the verb of founding, not the past of "find"; after
// a verb of saying it is still "find".
func TestFoundingAsked(t *testing.T) {
	d := NewDoc("Sundance at 21", "Robert Redford is back in Park City for the festival. "+
		"Police found a missing skier on Tuesday. "+
		"Redford founded the Sundance Institute in 1981 to help independent film-makers.")
	checkAnswer(t, d, "What did Redford found?", "Sundance Institute")
	checkAnswer(t, d, "When did Redford found the institute?", "1981")
	for q, want := range map[string]string{
		"Which company did Venter found?":           "Which company did Venter founded?",
		"When did police say they found the skier?": "When did police say they found the skier?",
		"Who found the skier?":                      "Who found the skier?",
		"What does she want to found next?":         "What does she want to founded next?",
	} {
		if got := foundingAsked(q); got != want {
			t.Errorf("foundingAsked(%q) = %q, want %q", q, got, want)
		}
	}
}

// "How often" wants a frequency, in figures or in words.
func TestHowOften(t *testing.T) {
	d := NewDoc("Dead skin cells", "Skin cells proliferate at a rate of about 40,000 per day, a dermatologist says. "+
		"It takes 28 days for a single skin cell to reach the surface. "+
		"Dr. Moy suggests exfoliating once or twice a week at most.")
	checkAnswer(t, d, "How often should you exfoliate?", "once or twice a week")
	checkSentences(t, "frequencyRE", frequencyRE.MatchString, map[string]bool{
		"customers were getting hit every four to five days": true,
		"joining the internet's fast lane every 10 seconds":  true,
		"The quartet plays every other Sunday":               true,
		"The magazine is published monthly":                  true,
		"He met her three times a year":                      true,
		"Every country sent a delegation":                    false,
		"It takes 28 days to reach the surface":              false,
	})
}

// A sentence that counts things is quoted with the next when that one lists
// them: "three funding models." — "One is …, another is …".
func TestListAfterCount(t *testing.T) {
	d := NewDoc("Voting on NYCHA's future", "For the first time, tenants will begin to vote on the future of their homes. "+
		"Over the next 30 days, residents can choose between three funding models. "+
		"One is to remain as traditional Section 9 public housing, another is to opt for private management, and a third is to join a new public trust. "+
		"Residents who are on a lease and are at least 18 years old can cast a ballot.")
	checkAnswer(t, d, "What are the three funding models?", "Section 9")
}

// Where someone teaches is where news calls them professor.
func TestWhereTaught(t *testing.T) {
	d := NewDoc("Why collaborative thinking beats individual smarts", "Three decades ago Thomas Malone modernised how business thought about digital communications. "+
		"His book The Future of Work in 2004 foresaw hyperspecialisation in business. "+
		"As a professor of management at MIT, Mr Malone has built on his earlier works. "+
		"The Economist asked Mr Malone five questions.")
	checkAnswer(t, d, "Where does Malone teach?", "MIT")
}

// "When" is answered by a time told from a period's bounds or from now: "by
// the end of the decade", "it could be a decade before".
func TestWhenByPeriodBounds(t *testing.T) {
	d := NewDoc("Intel unveils laser breakthrough", "Intel has found a way to put a silicon-based laser on a chip. "+
		"The breakthrough should make it easier to interconnect data networks with chips. "+
		"The researchers said products exploiting the breakthrough should appear by the end of the decade.")
	checkAnswer(t, d, "When should products appear?", "end of the decade")
	d = NewDoc("Blood test for cancer", "Scientists have developed a blood test that can spot cancer early, but it is not yet available. "+
		"Prof Kevin Morgan said they still had to validate the test and it could be a decade before it was used in patients.")
	checkAnswer(t, d, "When will the test be available?", "a decade before")
}

// "What does X mean?" is answered where the article says what X means, right
// after it.
func TestWhatDoesItMean(t *testing.T) {
	d := NewDoc("Kilroy launches new party", "Robert Kilroy-Silk has launched his new party. "+
		"He said Veritas would contest most seats at the general election. "+
		"He told a London news conference that Veritas - Latin for \"truth\" - would avoid the old parties' lies. "+
		"Veritas is the beginning of the end, one reader wrote.")
	checkAnswer(t, d, "What does Veritas mean?", "Latin for")
	checkSentences(t, "givesMeaning", func(s string) bool { return givesMeaning(s, "Ubuntu") }, map[string]bool{
		"The project is called Ubuntu, which means humanity to others.": true,
		"Ubuntu (meaning humanity) is a Linux distribution.":            true,
		"Ubuntu is popular with developers.":                            false,
		"Ubuntu, the Linux distribution, is free.":                      false,
	})
}

// Who holds a post the question names with capitals is named right after it:
// "Foreign Secretary Jack Straw", "le ministre de la Santé Roman Prymula" —
// not "Manchester City Football Club", a body.
func TestPersonAfterCapitalizedPost(t *testing.T) {
	d := NewDoc("Referendum question unveiled", "The foreign secretary told Tony Blair the foreign secretary's referendum question was ready. "+
		"The bill will be debated in the Commons next month, and ministers hope it will pass before the summer recess begins. "+
		"Speaking in Brussels on Wednesday afternoon, Foreign Secretary Jack Straw said the wording of the question had been agreed with the Electoral Commission.")
	checkAnswer(t, d, "Who is the Foreign Secretary?", "Jack Straw")
	d = NewDoc("Anelka apologises to City", "Manchester City striker Nicolas Anelka has issued an apology for criticising the ambitions of the club. "+
		"Anelka was quoted in a French newspaper as saying he would like to play in the Champions League. "+
		"But chairman John Wardle said: \"I've spoken to Nicolas and he's apologised for anything that might have been mistakenly taken from the French press.\" "+
		"\"He is the heart and soul of this club, and he has just signed a new four-year deal to play for Manchester City Football Club.\"")
	checkAnswer(t, d, "Who is Manchester City's chairman?", "John Wardle")
	q := d.bind(parseQuery("Who is Manchester City's chairman?"))
	if club := len(d.Sentences) - 1; d.namedAfterName(club, q, true) {
		t.Errorf("namedAfterName(%q, person) = true: a club is no person", d.Sentences[club])
	}
}

// "When" is answered by a date and an hour as AP style writes them: "at 1:30
// p.m. on Nov. 8".
func TestWhenInAPStyle(t *testing.T) {
	d := NewDoc("Road closed due to gas leak", "Dresden Drive is closed due to a gas leak, the police department reported at 1:30 p.m. on Nov. 8. "+
		"The leak may have been caused by nearby construction.")
	checkAnswer(t, d, "When did police report the leak?", "Nov. 8")
	d = NewDoc("Road closed due to gas leak", "Dresden Drive is closed due to a gas leak, the police department reported on Sept. 14. "+
		"The leak may have been caused by nearby construction.")
	checkAnswer(t, d, "When did police report the leak?", "Sept. 14")
	d = NewDoc("Road closed due to gas leak", "Dresden Drive is closed due to a gas leak, the police department reported at 9 a.m. "+
		"The leak may have been caused by nearby construction.")
	checkAnswer(t, d, "When did police report the leak?", "9 a.m.")
}

// A count right before an auxiliary and the question's verb, its noun left
// out, answers "how many": "already more than 130 had responded positively",
// an adverb after the question's verb leaving the verb what is asked.
func TestCountBeforeTheVerb(t *testing.T) {
	d := NewDoc("Schools safe amidst surge", "The ministry said children can safely continue to attend classes. "+
		"Consent forms had been sent out electronically to parents recently, and already more than 130 had responded positively. "+
		"The ministry expects the numbers to go up.")
	checkAnswer(t, d, "How many parents have responded positively to the consent forms?", "more than 130")
	d = NewDoc("Bus crash", "A bus crashed on the coast road on Monday. "+
		"Police said the passengers were taken to hospital, where at least nine were treated for injuries. "+
		"The driver was unhurt.")
	checkAnswer(t, d, "How many passengers were treated?", "at least nine")
	d = NewDoc("Bus crash", "A bus crashed on the coast road in 2019, police said. "+
		"Repairs to the road since 2019 were injured drivers' first worry, and several were injured.")
	checkAnswer(t, d, "How many drivers were injured?", "")
	// The adverb is still asked about: an article that never says how is
	// not answering it.
	d = NewDoc("Wal-Mart settles gun suit", "Wal-Mart has agreed to pay $14.5m to settle a lawsuit over gun sales in California. "+
		"The lawsuit said the retailer sold 36 guns to customers who bought them for others.")
	checkAnswer(t, d, "How many guns were sold illegally?", "")
	for w, want := range map[string]bool{"positively": true, "quickly": true, "supply": false, "reply": false, "family": false, "rally": false, "early": false} {
		if adverb(w) != want {
			t.Errorf("adverb(%q) = %v, want %v", w, !want, want)
		}
	}
}

// A number that is part of a name the question counts by is no count of it:
// "a surge in COVID-19 cases" gives none.
func TestCountNotTheNamesNumber(t *testing.T) {
	d := NewDoc("Schools safe amidst surge", "Calling the return to school two months ago the litmus test, the ministry said children can safely continue to attend classes, even as Barbados continues to deal with a surge in COVID-19 cases. "+
		"A vaccination bus will visit secondary schools.")
	checkAnswer(t, d, "How many COVID-19 cases does Barbados have?", "")
	d = NewDoc("Cases rise", "Barbados recorded 412 new COVID-19 cases on Monday, the ministry said. "+
		"A vaccination bus will visit secondary schools.")
	checkAnswer(t, d, "How many COVID-19 cases did Barbados record?", "412")
}

// A heading found as the best sentence is quoted with the sentence after it,
// which says what it heads.
func TestHeadingQuotedWithWhatItHeads(t *testing.T) {
	d := NewDoc("The best ways to measure body fat", "Body weight should not be your main focus. "+
		"Skinfold calipers measure the thickness of the fat under the skin.\n\n"+
		"Bioelectrical Impedance Analysis (BIA)\n\n"+
		"These devices send small electrical currents through your body. "+
		"Many are sold to consumers.")
	checkAnswer(t, d, "How does bioelectrical impedance analysis work?", "small electrical currents")
	for s, want := range map[string]bool{
		"6. Bioelectrical Impedance Analysis (BIA)":     true,
		"RTX 3080: Where to Buy":                        true,
		"These devices send small electrical currents.": false,
		"Is it safe?": false,
		"He said the devices were cheap and easy to use, and that many were sold to consumers across the country": false,
	} {
		if heading(s) != want {
			t.Errorf("heading(%q) = %v, want %v", s, !want, want)
		}
	}
}

// A day named for what it marks is a date ("Officially released on
// Valentine's Day").
func TestNamedDays(t *testing.T) {
	d := NewDoc("Record of the week", "It is no coincidence the EP came out the day the probe's picture turned 30. "+
		"Officially released on Valentine’s Day, the EP is an electronic dreamscape. "+
		"All of this comes in at Rs 42,900, less than half the price of the flagships.")
	checkAnswer(t, d, "When was the EP released?", "Valentine’s Day")
	for s, want := range map[string]bool{"Officially released on Valentine’s Day.": true, "He voted on election day.": true, "The election campaign went on.": false} {
		if hasDate(s) != want {
			t.Errorf("hasDate(%q) = %v, want %v", s, !want, want)
		}
	}
}

// Rupees are a sum: "comes in at Rs 42,900".
func TestRupees(t *testing.T) {
	d := NewDoc("The iPhone SE is in India", "The iPhone SE gets a fingerprint sensor. "+
		"All of this comes in at Rs 42,900, less than half the price of the flagships.")
	checkAnswer(t, d, "How much does it cost?", "Rs 42,900")
}

// The article a question speaks of is this one, which need not call itself an
// article: "Wann wurde der Artikel aktualisiert?" — "Aktualisiert:
// 11.04.2020"; a decline never says it "never mentions “article”".
func TestTheArticleItself(t *testing.T) {
	d := NewDoc("Wie Umweltzerstörung Epidemien begünstigt", "Sars-CoV-2 stammt von einem Tier.\n\nChristoph von Eichhorn\n\nAktualisiert: 11.04.2020, 10:27\n\n"+
		"Dichter Rauch hing im Herbst des Jahres 1997 über Indonesien.")
	checkAnswer(t, d, "Wann wurde der Artikel aktualisiert?", "11.04.2020")
	e := NewDoc("Rates held", "The Bank of England held rates at 4.75%. Economists had expected the move.")
	if a := e.Answer("Who wrote the article?"); slices.Contains(a.Missing, "article") {
		t.Errorf("Answer(Who wrote the article?) missing %q: the article need not call itself one", a.Missing)
	}
	if got := selfWords("What does Article 50 say?"); got != nil {
		t.Errorf("selfWords(Article 50) = %q, want none", got)
	}
}

// A count in words ("hundreds of thousands") is a number the reply should
// show, not a repeat of the sentence above it to pass over for one with any
// figure ("the Model 2B").
func TestCountInWordsNotPassedOver(t *testing.T) {
	d := NewDoc("Cards", "Baker knew little about cards then, but agreed to import a few thousand of the packs, the Model 2B, to sell in Canada. "+
		"He targeted big stores, and did well enough that he looked for other packs to import. "+
		"In 1972 he began to sell a French-style pack, and wrote a second book. "+
		"Soon after, Baker bargained with the Dutch company that owned the famous pack, which he says was not selling packs at that time. "+
		"That pack had never been widely sold. "+
		"But Baker had by then been, for some years, selling hundreds of thousands of card packs from the offices of his new company in Halifax, Nova Scotia. "+
		"When he began selling the famous pack, sales grew slowly but surely.")
	checkAnswer(t, d, "How many packs has Baker's company sold?", "hundreds of thousands")
}

// A question for a date whose words only the title has asks about what the
// title names, which news tells first: "When was the crash?" of "Driver,
// 74, dies after crash" is answered by a lead that never says "crash".
func TestTitleOnlyQuestionAnsweredByLead(t *testing.T) {
	d := NewDoc("Driver, 74, dies after crash in Simmelsdorf", "On Saturday, 4 November, at about 5.50 pm, a 74-year-old man was driving into the village centre. "+
		"For reasons unknown he left the road and hit the bushes. "+
		"He died later in hospital.")
	checkAnswer(t, d, "When was the crash?", "4 November")
	if a := d.Answer("When was the flood?"); a.Answerable {
		t.Errorf("Answer(When was the flood?) = %q, want a decline: neither title nor text names a flood", a.Text())
	}
}

// A measure's number may end in words: "two and a half years".
func TestHalfInWords(t *testing.T) {
	d := NewDoc("Access to Wikipedia restored in Turkey", "Access to Wikipedia in Turkey is being restored. "+
		"A court ruled that the more than two and a half year block imposed by the government was unconstitutional. "+
		"We filed a petition in spring of last year.")
	checkAnswer(t, d, "How long was Wikipedia blocked in Turkey?", "two and a half year")
}

// "How long will it run?" asks for a duration, which the article gives
// without the verb ("a new five-year project"); a time's distance from
// another ("three days after …") is no duration of what is asked about.
func TestDurationWithoutItsVerb(t *testing.T) {
	d := NewDoc("Berlin confronts its colonial past", "Berlin's relationship with its history is being reconsidered. "+
		"In January, the capital is launching a new five-year project named \"Postcolonial Remembrance in the City\". "+
		"Some locals are unhappy at plans to change the names of their streets. "+
		"Three streets in Wedding will be renamed. "+
		"Some 500 residents filed complaints.")
	checkAnswer(t, d, "How long will Berlin's colonial project run?", "five-year")
	d = NewDoc("Ukraine pays more for gas", "Ukraine has agreed to pay 30% more for natural gas supplied by Turkmenistan. "+
		"The deal was sealed three days after Turkmenistan cut off gas supplies in a price dispute. "+
		"Turkmenistan is also trying to strike a similar deal with Russia.")
	if a := d.Answer("How long does the deal last?"); a.Answerable {
		t.Errorf("Answer(How long does the deal last?) = %q, want a decline: three days after is no length of the deal", a.Text())
	}
}

// A sum in the sentence after the one that names what it is for, which goes
// on about it ("It will run you …"), answers what it costs, though the
// article never says "cost".
func TestSumGivenNextByPronoun(t *testing.T) {
	d := NewDoc("Rocket Pass 4 brings a new car", "Rocket League is gearing up for a new season. "+
		"Alongside new gear, there are changes coming to the Challenge system. "+
		"Interested in the new Rocket Pass in Rocket League? "+
		"Rocket Pass 4 will begin on August 28 and ends on December 4. "+
		"It will run you 10 keys ($10). "+
		"Let us know in the comments.")
	checkAnswer(t, d, "How much does the Rocket Pass cost?", "($10)")
}

// "Who wrote the article?" is answered by its byline near the top ("Par …",
// "By …", or a name alone on its line), and declined without one.
func TestBylineAnswersWhoWroteIt(t *testing.T) {
	d := NewDoc("Parasite scores upset", "By Jill Serjeant\n\n4 Min Read\n\n"+
		"South Korean thriller Parasite was the upset winner at the awards on Sunday. "+
		"It beat homegrown Hollywood movies with A-list stars.")
	checkAnswer(t, d, "Who wrote the article?", "Jill Serjeant")
	d = NewDoc("Pour le néolibéralisme, la retraite est un archaïsme", "Société\n\nPhilosophe\n\n"+
		"Pour le néolibéralisme, la retraite ne peut être qu’un archaïsme. L’affrontement dépasse les questions techniques. "+
		"Il oppose deux visions de l’avenir.\n\nPar Barbara Stiegler\n\nVingt-cinq ans après mai 1968, les grèves de 1995 furent un moment historique.")
	checkAnswer(t, d, "Qui a écrit l'article ?", "Barbara Stiegler")
	d = NewDoc("Bridge opens", "The bridge opened on Monday after two years of work. It cost four million pounds.")
	checkAnswer(t, d, "Who wrote the article?", "")
}

// A sentence that takes up the measure asked for ("That's how long …") had
// it in the sentence before, which is quoted with it.
func TestMeasureGivenBefore(t *testing.T) {
	d := NewDoc("Council sits through the night", "Eleven hours. "+
		"That's how long the council meeting on the new bypass lasted on Tuesday. "+
		"Councillors voted 9-4 in favour at 4am. "+
		"Work on the road is due to start in the spring.")
	checkAnswer(t, d, "How long did the council meeting last?", "Eleven hours")
}

// How fast software reads data is a rate in bytes a second: "2.3 GB/s"
// answers "How fast …?".
func TestSpeedInBytesASecond(t *testing.T) {
	d := NewDoc("Parsing logs: a benchmark", "Log files pile up on every server, and most of them are read once. "+
		"We compared two parsers on a week of web server logs. "+
		"On a laptop, the new parser reads the logs at about 1.8 GB/s, while the old one manages 120 MB/s. "+
		"Both were built with the same compiler.")
	checkAnswer(t, d, "How fast can the new parser read logs?", "1.8 GB/s")
}

// "goes" is a form of "go" ("went", "gone"), which stemming alone leaves
// apart ("goe"): no "never mentions “goes”".
func TestGoesIsGo(t *testing.T) {
	d := NewDoc("Spain reach final", "Spain went through to the final after beating France 2-1 in Lyon. "+
		"Their coach praised a young side. "+
		"The final is on Sunday.")
	checkAnswer(t, d, "Who goes through to the final?", "Spain")
}

// "How much of …?" is answered by a part of a whole the article gives as a
// sum: "£30,000 of that", as well as by a percentage.
func TestPartOfAWhole(t *testing.T) {
	d := NewDoc("Charity accounts", "The charity received grants of £50,000 last year, its accounts show. "+
		"£30,000 of that was spent on staff, and the rest on rent. "+
		"It expects to raise £10,000 from a summer fair.")
	checkAnswer(t, d, "How much of the grants was spent on staff?", "£30,000 of that")
}

// "What is the price of …?" asks for a sum: the year a sentence gives is no
// answer.
func TestPriceAskedWithWhat(t *testing.T) {
	d := NewDoc("A surprise best-seller", "The book, published in 2019, has a price that surprised booksellers. "+
		"It has sold 40,000 copies. "+
		"Its author is writing a sequel.")
	checkAnswer(t, d, "What is the price of the book?", "")
}

// "What was the navigator's name?" asks for a name, as "Who was the
// navigator?" does: a sentence that names no one does not answer it.
func TestNameAskedWithWhat(t *testing.T) {
	d := NewDoc("Light aircraft crash", "A light aircraft crashed in a field at the weekend. "+
		"The navigator was killed, police said. "+
		"The plane had left a nearby airfield an hour earlier.")
	checkAnswer(t, d, "What was the navigator's name?", "")
	checkAnswer(t, d, "What is the name of the navigator?", "")
	d = NewDoc("Light aircraft crash", "A light aircraft crashed in a field near Harrogate at the weekend. "+
		"The navigator, Carol Dent, was killed, police said.")
	checkAnswer(t, d, "What was the navigator's name?", "Carol Dent")
}

// "Where is … on the list?" asks for a place in it, a number: the item that
// names it, not a sentence about the list.
func TestWhereOnTheList(t *testing.T) {
	d := NewDoc("The 20 Greatest Drummers", "Neil Peart made the list, Dave Grohl did not.\n\n"+
		"Here is the full list from Rhythm Monthly.\n\n"+
		"1. Ginger Baker\n2. Keith Moon\n3. Neil Peart\n4. Stewart Copeland")
	checkAnswer(t, d, "Where is Neil Peart on the list?", "3. Neil Peart")
}

// A question for the top of what the title ranks is answered by the first
// item of the article's numbered list.
func TestTopOfTheList(t *testing.T) {
	d := NewDoc("The 20 Greatest Drummers of All Time", "Here is the full list from the magazine's readers.\n\n"+
		"1. Ginger Baker\n2. Keith Moon\n3. Neil Peart\n4. Stewart Copeland\n\n"+
		"Some will say the list is too British.")
	checkAnswer(t, d, "Who is the best drummer of all time?", "1. Ginger Baker")
	checkAnswer(t, d, "Who is the best guitarist?", "")
}

// "Who wrote the article?" of an article with no byline and no signature
// is declined, not answered with a sentence that says "written".
func TestWhoWroteWithNoByline(t *testing.T) {
	d := NewDoc("Write for your readers", "Most posts are written for search engines first. "+
		"Read your post again before you publish it. "+
		"Ask yourself whether it was written for beginners or for experts. "+
		"Then cut what a reader would skip.")
	checkAnswer(t, d, "Who wrote the article?", "")
}

// "How far …?" is answered by how long it takes to get there: "a two-hour
// drive from London", "2,5 Autostunden von New York entfernt".
func TestHowFarAsTravelTime(t *testing.T) {
	d := NewDoc("A village by the sea", "Walberswick is a village on the Suffolk coast. "+
		"It is a two-hour drive from London, and busy every summer. "+
		"The village hosts a crabbing contest in August.")
	checkAnswer(t, d, "How far is Walberswick from London?", "two-hour drive")
	d = NewDoc("Montauk", "Montauk liegt an der Spitze von Long Island. "+
		"Der Ort ist 2,5 Autostunden von New York entfernt. "+
		"Im Sommer kommen viele Surfer.")
	checkAnswer(t, d, "Wie weit ist Montauk von New York entfernt?", "2,5 Autostunden")
}

// A sentence just behind the best ones that uses the question's verb only
// to say it is not known ("It's unknown who invented this spell") makes
// the reply decline, quoting it.
func TestUnknownWho(t *testing.T) {
	d := NewDoc("Water-Making Spell", "The Water-Making Spell conjures clean water from the tip of the wand. "+
		"The Water-Making Spell was taught to sixth-year students. "+
		"It's unknown who invented this spell and when. "+
		"The wand movement is a smooth wave from right to left.")
	checkUnsettled(t, d, "Who invented the Water-Making Spell?", "unknown who invented")
}

// An adverb the article never uses finds its adjective, which stemming
// leaves apart ("heavily" — "heavy use"); not "early" — "ear".
func TestAdverbFindsAdjective(t *testing.T) {
	d := NewDoc("Monitoring at scale", "We combine heavy use of white-box monitoring with modest uses of black-box monitoring. "+
		"Dashboards show the four golden signals. "+
		"A page interrupts an engineer's work, and its alarm hurts the ear.")
	checkAnswer(t, d, "What kind of monitoring does the team use heavily?", "white-box")
	if d.termID("ear") < 0 {
		t.Fatal(`the article has no "ear": the check below could not fail`)
	}
	if ids := d.adverbIDs(text.Term("early")); len(ids) > 0 {
		t.Errorf(`adverbIDs("early") = %v, want none ("ear" is no adjective of it)`, ids)
	}
}
