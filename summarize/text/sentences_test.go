package text

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"titles and a.m.", "He met Mr. Smith and Gen. Ham at 5 p.m. on Monday. They talked.",
			[]string{"He met Mr. Smith and Gen. Ham at 5 p.m. on Monday.", "They talked."}},
		{"initialism before a name", "The U.S. Army paid $3.5 million. It was 2.5% more.",
			[]string{"The U.S. Army paid $3.5 million.", "It was 2.5% more."}},
		{"a decimal ends a sentence", "Profits rose 4.5%. Sales fell. It cost $4.2m. Shares rose 10.5. Nobody knew why.",
			[]string{"Profits rose 4.5%.", "Sales fell.", "It cost $4.2m.", "Shares rose 10.5.", "Nobody knew why."}},
		{"Chinese", "公司利润增长了。销售额下降了！为什么？",
			[]string{"公司利润增长了。", "销售额下降了！", "为什么？"}},
		{"Japanese", "今日は晴れです。明日は雨です。「本当？」と彼は聞いた。",
			[]string{"今日は晴れです。", "明日は雨です。", "「本当？」と彼は聞いた。"}},
		{"initialism ending a sentence", "Troops left the U.S. The move was sudden.",
			[]string{"Troops left the U.S.", "The move was sudden."}},
		{"a German day before its month", "Am 5. Februar ist Hauptversammlung. Sie dürfen zum 20. April öffnen. Es kamen 5. Dann ging es los.",
			[]string{"Am 5. Februar ist Hauptversammlung.", "Sie dürfen zum 20. April öffnen.", "Es kamen 5.", "Dann ging es los."}},
		{"a dateline's state before its dash", "NAPA COUNTY, Calif. — A plan is closer. It was 5 p.m. - late.",
			[]string{"NAPA COUNTY, Calif. — A plan is closer.", "It was 5 p.m. - late."}},
		{"Polish abbreviations and titles", "Amunicja należała do Gebrewa (zob. Aneks). Mecz na stadionie im. Alfreda Smoczyka, tzw. Święta Wojna. Bilety od godz. Dziesiątej.",
			[]string{"Amunicja należała do Gebrewa (zob. Aneks).", "Mecz na stadionie im. Alfreda Smoczyka, tzw. Święta Wojna.", "Bilety od godz. Dziesiątej."}},
		{"initials", "J. R. R. Tolkien wrote it. John F. Kennedy read it.",
			[]string{"J. R. R. Tolkien wrote it.", "John F. Kennedy read it."}},
		{"quotes", `"Stop," he said. "It was over." Then she left.`,
			[]string{`"Stop," he said.`, `"It was over."`, "Then she left."}},
		{"curly quotes", "“We won.” Fans cheered. ‘Really?’ she asked.",
			[]string{"“We won.”", "Fans cheered.", "‘Really?’ she asked."}},
		{"question inside quote goes on", `"Why?" he asked. Nobody knew.`,
			[]string{`"Why?" he asked.`, "Nobody knew."}},
		{"ellipsis", "He paused... Then he spoke. She waited… Nothing came.",
			[]string{"He paused...", "Then he spoke.", "She waited…", "Nothing came."}},
		// An ellipsis as a dash, as some sites write ("pearls ... 6,000
		// pearls"): a sentence seldom opens with figures.
		{"ellipsis before a figure", "The dress is made of pearls ... 6,000 white Akoya pearls. It's valued at $150,000.",
			[]string{"The dress is made of pearls ... 6,000 white Akoya pearls.", "It's valued at $150,000."}},
		{"exclamation and question", "Stop! Who goes there? Me.",
			[]string{"Stop!", "Who goes there?", "Me."}},
		{"line without final punctuation", "Headline without punctuation\nThe body starts here.",
			[]string{"Headline without punctuation", "The body starts here."}},
		{"lower-case continuation line", "The country is due to repay on Thursday\nbut there were concerns.",
			[]string{"The country is due to repay on Thursday but there were concerns."}},
		{"line ending in a word that needs another", "Police were called to\nBoonies Bar in Palm Beach on Friday.",
			[]string{"Police were called to Boonies Bar in Palm Beach on Friday."}},
		{"line ending in a possessive", "A session with 50 scrums is how Tom Wood’s\nNorthampton prepared for Saturday.",
			[]string{"A session with 50 scrums is how Tom Wood’s Northampton prepared for Saturday."}},
		{"line starting with punctuation", "Sleep tight\n: The crew bunks are hidden. Few know.\nThe planet\n’s core cooled.",
			[]string{"Sleep tight: The crew bunks are hidden.", "Few know.", "The planet’s core cooled."}},
		{"double quote left open", "Fans saw \"The Big\nShort\" twice.\nThen “Going\nClear” once.\nThe end",
			[]string{`Fans saw "The Big Short" twice.`, "Then “Going Clear” once.", "The end"}},
		{"quote closed on an earlier line", "\"We won.\nThe end\" he said\nNext line",
			[]string{`"We won.`, `The end" he said`, "Next line"}},
		{"label before a colon", "Sharp dresser:\nThe actress wore stripes.\nShe added:\n'I love it.'\nYou need:\n- flour",
			[]string{"Sharp dresser: The actress wore stripes.", "She added: 'I love it.'", "You need:", "- flour"}},
		{"paragraphs glued without a space", `Ivanov spoke in 2015.In a televised address he said so (AP).Less than a day later it was on the website.He left. Division.Those went to "the UK."We saw it.`,
			[]string{"Ivanov spoke in 2015.", "In a televised address he said so (AP).", "Less than a day later it was on the website.", "He left.", "Division.", "Those went to \"the UK.\"", "We saw it."}},
		{"glued full stops that end nothing", "It paid $3.5 million to One.Tel and Halo.Bungie.Org in the U.S.-led deal, said Mr.Benn of eBay.com and Ph.D.",
			[]string{"It paid $3.5 million to One.Tel and Halo.Bungie.Org in the U.S.-led deal, said Mr.Benn of eBay.com and Ph.D."}},
		{"caption glued without a full stop", "He pays it back from his pension pot A bank manager who stole will repay. It runs from A to Z in The Times.",
			[]string{"He pays it back from his pension pot", "A bank manager who stole will repay.", "It runs from A to Z in The Times."}},
		{"caption line glued", "Scene: a caption here\nThe story goes on. And on.",
			[]string{"Scene: a caption here", "The story goes on.", "And on."}},
		{"paragraphs", "First one.\n\nSecond one.", []string{"First one.", "Second one."}},
		{"numbered list", "1. Make sure you vote.\n2. Tell a friend.", []string{"1. Make sure you vote.", "2. Tell a friend."}},
		{"a top 100's last items", "99. Anna Berg\n100. Carl Dunn\nThat is the list.", []string{"99. Anna Berg", "100. Carl Dunn", "That is the list."}},
		{"month abbreviation before a day", "It began on Jan. 5 in Paris. It ended soon.",
			[]string{"It began on Jan. 5 in Paris.", "It ended soon."}},
		{"company abbreviation", "Shares of Acme Inc. rose. The market fell.",
			[]string{"Shares of Acme Inc. rose.", "The market fell."}},
		{"hard-wrapped paragraph",
			"The committee met on Tuesday to discuss the budget for the\ncoming year and agreed that spending on roads would rise by\nten percent. Members also voted to delay the new library until\nnext spring.",
			[]string{"The committee met on Tuesday to discuss the budget for the coming year and agreed that spending on roads would rise by ten percent.", "Members also voted to delay the new library until next spring."}},
		{"empty", "", nil},
		{"only punctuation", "... !!! ---", nil},
	}
	for _, tt := range tests {
		got := Sentences(tt.in)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Sentences(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Mr. Smith went. The U.S. won.", "“Hi.” He left…\n\nNext", "a.b.c. D", "\x00\xff", "1. 2. 3."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Sentences(s)
		// Every sentence is trimmed, non-empty, valid if the input was, and appears in
		// order in the input once runs of space are folded to one — and a space
		// before a comma, colon, semicolon, closing bracket or "’s" dropped, since a
		// line that opens with one is joined to the line before without its break.
		folded := foldSpace(s)
		pos := 0
		for _, sent := range got {
			if sent == "" || sent != strings.TrimSpace(sent) {
				t.Fatalf("sentence %q is empty or untrimmed", sent)
			}
			if utf8.ValidString(s) && !utf8.ValidString(sent) {
				t.Fatalf("sentence %q is not valid UTF-8", sent)
			}
			f := foldSpace(sent)
			i := strings.Index(folded[pos:], f)
			if i < 0 {
				t.Fatalf("sentence %q is not in the input %q after offset %d", sent, folded, pos)
			}
			pos += i + len(f)
		}
	})
}

var joinedMarks = strings.NewReplacer(" ,", ",", " ;", ";", " :", ":", " )", ")", " ’s", "’s", " 's", "'s")

// foldSpace folds runs of space to one space and drops the space before the
// marks that Sentences joins to the line before.
func foldSpace(s string) string {
	return joinedMarks.Replace(strings.Join(strings.Fields(s), " "))
}
