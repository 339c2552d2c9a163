package text

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean removes what a news page carries that is not the article: appeal and
// newsletter footers, "Related stories" and copyright trailers, navigation bars,
// share and follow prompts, bylines with publish stamps, and inline asides such as
// "Scroll down for video". It keeps paragraphs (separated by one blank line) and
// the line breaks inside them.
//
// A trailer is cut, with everything after it, only when it starts in the later part
// of the text, so that an article that merely mentions subscriptions keeps its
// body.
//
// Character references left in the text ("fianc&#233;e", "&lt;b&gt;", what a
// feed escaped twice or a copy of a page's source carries) are decoded, so that
// the words match and quote as the page shows them; an ampersand that begins no
// reference ("AT&T", "R&D;") is kept.
func Clean(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = charRef.ReplaceAllStringFunc(s, html.UnescapeString)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	if strings.ContainsAny(s, invisible) {
		// Characters that show nothing: a soft hyphen ("Thou\u00adsands"),
		// a zero-width space before a caption or on a line of its own.
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(invisible, r) {
				return -1
			}
			return r
		}, s)
	}

	lines := strings.Split(s, "\n")
	lines = cutTrailer(lines)

	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range lines {
		l = cleanLine(l)
		if l == "" {
			flush()
			continue
		}
		if len(cur) == 0 && len(paras) > 0 && dropCap(paras[len(paras)-1], l) {
			// A drop cap set apart from its word: "T" / "urkey, Poland and …".
			cur = append(cur, paras[len(paras)-1]+l)
			paras = paras[:len(paras)-1]
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// invisible are the characters a page may carry that show nothing and join
// nothing: the soft hyphen, the zero-width space, the word joiner and the
// byte-order mark (not the zero-width joiners some scripts need).
const invisible = "\u00ad\u200b\u2060\ufeff"

// dropCap reports whether a paragraph is the one capital letter that a
// page's styling sets apart from the rest of its word, which next begins
// in lower case.
func dropCap(para, next string) bool {
	r, n := utf8.DecodeRuneInString(para)
	l, _ := utf8.DecodeRuneInString(next)
	return n == len(para) && unicode.IsUpper(r) && unicode.IsLower(l)
}

// charRef matches one character reference, numeric or named, with its
// closing semicolon (a name without one, "&copy 2004", is left as written).
var charRef = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// trailerStart matches the first line of a block that runs to the end of a page.
var trailerStart = regexp.MustCompile(`(?i)^(` +
	`help (keep|support) us\b|we need your help|please support\b|support (our|independent) (journalism|work|reporting)|` +
	`become a (member|subscriber|supporter)\b|` +
	`(related|more) (articles|stories|coverage|on this story)\b|read (more|next)\s*:?$|recommended( for you)?\s*:?$|you (may|might) also like|` +
	`(©|copyright\b|\(c\) \d{4})|all rights reserved|` +
	`(sign up|subscribe) (for|to) (our|the) .*newsletter|` +
	`(comments|join the (conversation|discussion)|leave a (comment|reply))\s*:?$|` +
	`sorry,? we are not (currently )?accepting comments|comments (are|have been) (now )?closed|` +
	`tags\s*:|filed under\s*:|share this (article|story)\s*:?$|` +
	// A paywall's pitch, a list of links to more of the site's stories, a
	// note on the author: "To view the full story, please subscribe",
	// "More Great WIRED Stories", "Keep Reading", "More by J.O. Haselhoef".
	`to (view|read|continue reading) the (full|rest of the|entire) (story|article)\b|more great \w+ stories\s*$|keep reading\s*$|more by \p{Lu}[\pL.'’ -]{0,40}$|about the author\s*$|` +
	// An encyclopedia's or a paper's closing sections, a heading alone on
	// its line: "References[edit]", "Einzelnachweise", "Liens externes".
	`(references|notes and references|bibliography|external links|further reading|einzelnachweise|weblinks|referencias|enlaces externos|références|notes et références|liens externes)(\[[\pL ]{2,12}\])?\s*$` +
	`)`)

// cutTrailer drops a trailer block that starts in the last 60% of the lines'
// text, with all that follows it.
func cutTrailer(lines []string) []string {
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	seen := 0
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if seen*5 >= total*2 && trailerStart.MatchString(t) {
			return lines[:i]
		}
		seen += len(l)
	}
	return lines
}

// boilerLine matches lines that are boilerplate wherever they stand.
var boilerLine = regexp.MustCompile(`(?i)^(` +
	`[-–—\s]*advertisement[-–—\s]*|sponsored( content)?|` +
	`(click|tap) here\b.*|` +
	`(share|tweet|email|print|save)( this)?( (article|story|on facebook|on twitter|on x))?\s*:?|` +
	`(share|follow|like|find) us on\b.*|follow @\w+.*|` +
	`(subscribe|sign up|log in|login|register|contribute|donate|close|menu|home|search)` +
	`(\s+(subscribe|sign up|log in|login|register|contribute|donate|close|menu|home|search))*|` +
	`last (updated|modified)( at| on)?\b.*|` +
	`by \..*\. (published|updated)\s*:.*|` +
	`(published|updated)\s*:\s*\d.*|` +
	`(image|photo|picture|video) (copyright|credit|source)\b.*|` +
	`(image|media|video|photo|picture) caption\b.*|` +
	`(credit|photo|photograph|picture|image|illustration|foto|fotos|bild|bildrechte|bildquelle|imagen)( credit)?\s*:.{0,80}|` +
	`(photo|photograph|picture|image)s? by\b.{0,80}|` +
	`(\(?(photo|image|picture) \d+ of \d+\)?|\d+\s*/\s*\d+|\d+ of \d+)|` +
	`media playback is (unsupported|not supported).*|` +
	// What a removed picture or player leaves: "Photo", "Image"; a label on a
	// line of its own ("EXCLUSIVE", "News"); a video player's controls
	// ("Play Video", "Current Time 0:00", "Loaded: 0%", "Stream TypeLIVE",
	// "Fullscreen", "/").
	`(photo|image|video|audio|graphic|gallery|exclusive|news)|` +
	`play( video)?|fullscreen|(current|duration|remaining) time\s*-?\d+:\d\d|(loaded|progress)\s*:\s*\d+%|stream ?type ?live|/|` +
	// Links and promotions between paragraphs: "[Read: Why Tunisia …]",
	// "Related: Rich are paying more in taxes …", "MORE: Black-led group
	// strikes deal …", "SIGN UP FOR OUR NEWSLETTER", "(Continue reading)
	// the main story", "Powered by …", "Get the latest news straight to
	// your phone with the VI Consortium app.", "Spread the news:".
	`\[(read|related|see also|watch|listen|more|what you need to know)\b.*\]|(related|more|read more|also read|read also|see also)\s*:.*|` +
	`(sign up|subscribe) (for|to)\b[^.!?]*\bnewsletters?\b[^.!?]*|(continue reading )?the main story|powered by\b.{0,40}|more about\s*:?|reuse content|` +
	`get the latest news\b.{0,80}\b(app|newsletter|inbox)\b.{0,20}|spread the (news|word)\s*:?|recent posts|author|` +
	// "Get The Times of Israel's Daily Edition by email and never miss our
	// top stories Free Sign Up", "Never miss the latest news by signing up
	// to our newsletter".
	`(get|never miss)\b.{0,100}\b(by e-?mail|newsletters?|sign(ing)? up)\b.{0,60}|` +
	// What a byline leaves on lines of its own: "ebowleg@tribunemedia.net",
	// "9 Hrs Ago"; and a rule between parts of a page: "____".
	`[\w.+-]+@[\w-]+(\.[\w-]+)+|\d+\s*(hrs?|hours?|mins?|minutes?|days?|weeks?)\s+ago|[_=*~-]{3,}|` +
	// A credit in brackets: "(All photos: Atlas staff)".
	`\((all )?(photos?|photographs?|images?|pictures?)( by)?\s*:.{0,60}\)` +
	`)$`)

// linkOrPitch matches more lines of furniture, apart from boilerLine (whose
// every form costs every line a step for each letter read): it runs only on
// lines that mayLinkOrPitch. A link to another story in Spanish, French or
// German ("Lea más: Secretaria vip: …", "Lee también...", "Lea aquí:
// Operación Orión, una sombra de odio", "(Le puede interesar: …)",
// "También: ( … )", "MIRA: Madre se acerca …", "LEE MÁS | …", "Puede leer:
// …", "Nota relacionada: …", "Saber más", "À lire aussi :
// …", "À lire aussi » …", "En vidéo, 4 aliments à privilégier" (a title, with
// no full stop), "Lesen Sie auch: …", "Lesen Sie dazu auch die
// Pressemitteilungen:", "Siehe auch:"); a French credit or a page's tags
// ("Crédits photos : Bestimage", "Dernières News sur : Jacques Chirac", "à
// propos de"); a pitch ("Subscribe now to our eNATION
// edition for the full story.", "For the latest stories and breaking news
// updates download the Nationnews apps for iOS and Android.", "You can
// unsubscribe from this service at any time. …", "Recibe alertas desde
// Google News"); an address alone on a line,
// a picture's source under it ("www.apple.com/in/"); a credit with the
// copyright sign ("Foto © Peter Steiger"); and a line with the address of a
// picture, what a list of links to other stories leaves ("Dekra baut neues
// Batterietestzentrum https://…/battery-testing-center-branded.jpg 890 1484
// Gerrit Bockey …").
var linkOrPitch = regexp.MustCompile(`(?i)^(?:` +
	`(?:lea|lee|leer) (?:más|mas|también|tambien|aquí|aqui)(?:\s*[:|].*|\s*(?:\.\.\.|…))|recibe alertas\b.*|(?:mira|te puede interesar|le puede interesar|nota relacionada|noticia relacionada|ver también|ver tambien)\s*[:|].*|` +
	`(?:también )?(?:puede|puedes) leer\s*:.*|también\s*:\s*\(.*\)|\((?:(?:le|te) puede interesar|(?:lea|lee) (?:también|tambien|más|mas))\s*:.*\)|saber más|` +
	`(?:à |a )?lire (?:aussi|également|egalement)\s*[:»].*|voir aussi\s*:.*|en (?:vidéo|vídeo|video)\s*[,:][^.!?]*|` +
	`lesen sie (?:dazu |hier )?auch\b.*|(?:mehr zum thema|auch interessant)\s*:.*|siehe auch\s*:?|` +
	`(?:crédits?|credits?) (?:photos?|images?|photographiques)\s*:.*|(?:à|a) propos de|derni[eè]res (?:news|actus?|actualités|infos) sur\s*:.*|` +
	`(?:subscribe|sign up)\b.*\bfor the (?:full|whole|rest of the) (?:story|article)\W*|for the latest\b.*\bdownload\b.*\bapps?\b.*|you can unsubscribe\b.*|` +
	`(?:https?://|www\.)\S+|.*\bhttps?://\S+\.(?:jpe?g|png|gif|webp)\b.*|` +
	`(?:fotos?|photos?|bild|bilder|image|images)\s*©.*` +
	`)$`)

// mayLinkOrPitch reports whether a line opens with a word a line linkOrPitch
// matches opens with, or has an address.
func mayLinkOrPitch(l string) bool {
	end := strings.IndexAny(l, " :.…")
	if end < 0 {
		end = len(l)
	}
	var buf [16]byte // the first word in lower case, without allocating
	if end <= len(buf) {
		w := buf[:end]
		for i := range w {
			c := l[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			w[i] = c
		}
		if linkOpeners[string(w)] {
			return true
		}
	}
	return strings.Contains(l, "://")
}

// linkOpeners are the first words of what linkOrPitch matches, their ASCII
// letters in lower case.
var linkOpeners = wordSet("lea lee leer recibe mira te le (le (te (lea (lee nota noticia ver también tambien puede puedes saber à À a lire voir en lesen mehr auch siehe " +
	"crédit crédits credit credits dernières dernieres subscribe sign for you www foto fotos photo photos bild bilder image images")

// creditOrPitch matches a caption's credit after what it shows ("Roman
// Prymula, photo: Archives du Gouvernement tchèque") and a line that ends in
// a pitch ("Do you want to be informed of DiEM25's actions? Sign up here").
// Apart from boilerLine, as what it matches starts anywhere: it runs only on
// lines with one of creditMarks.
var creditOrPitch = regexp.MustCompile(`(?i)^(?:[^.!?]{1,60}, (?:photo|foto|bild|imagen)\s*:.{0,80}` +
	`|.{0,100}\b(?:sign up|subscribe|register) (?:here|now|today)[.!]?)$`)

// bracketCredit reports whether a line is a caption of a sentence or two that
// ends in its credit in brackets: "Wetterbild (Foto: anaterate/Pixabay.com)",
// "Golf im TV: Die Übertragungszeiten im Überblick. (Foto: Getty)".
func bracketCredit(l string) bool {
	open := strings.LastIndexByte(l, '(')
	if !strings.HasSuffix(l, ")") || open < 1 || open > 200 || len(l)-open > 70 {
		return false
	}
	return bracketCreditRE.MatchString(l[open:])
}

// bracketCreditRE matches a credit in brackets: "(Foto: Getty)".
var bracketCreditRE = regexp.MustCompile(`(?i)^\((?:photo|foto|bild|imagen)\s*:[^()]*\)$`)

// creditMarks are the words every line creditOrPitch matches has.
var creditMarks = []string{"hoto", "HOTO", "oto:", "OTO:", "ild:", "ILD:", "magen", "MAGEN", "ign up", "IGN UP", "ubscribe", "UBSCRIBE", "egister", "EGISTER"}

// inlineAside matches asides that page templates glue into the running text.
var inlineAside = regexp.MustCompile(`(?i)\b(scroll down for (video|more)|click to expand|continue reading( below)?|story continues below( advertisement)?|advertisement continues below)\b[.:]?\s*`)

// dateline matches a news agency's dateline at the start of a line: the place
// it was filed from, if given, and the agency's name in brackets, followed by a
// dash or directly by the text ("Boston (CNN)Guilty", "LONDON (Reuters) - …").
// An American station files under its call sign: "SOUTHWEST MIAMI-DADE, FLA.
// (WSVN) - …", "NAPA COUNTY, Calif. (KGO) -- …".
var dateline = regexp.MustCompile(`^(?:([A-Z][\pL.'-]*(?:,? [A-Z][\pL.'-]*){0,3}) )?\((?:CNN|AP|AFP|Reuters|UPI|Bloomberg|dpa|[KW][A-Z]{2,3}(?:-TV)?)\)(\s*(?:--|—|–|-)\s*)?`)

// cutDateline takes the agency out of a dateline and keeps the place: "Boston
// (CNN)Guilty across the board" reads "Boston — Guilty across the board".
func cutDateline(l string) string {
	m := dateline.FindStringSubmatchIndex(l)
	if m == nil || m[4] < 0 && (m[1] == len(l) || l[m[1]] == ' ') {
		return l // "The (CNN) logo": no dateline
	}
	if m[2] < 0 {
		return l[m[1]:]
	}
	return l[m[2]:m[3]] + " — " + l[m[1]:]
}

// gluedWidget matches what a page's player and share bar leave in its text
// when it is flattened without line breaks, often glued to the next word:
// "Media playback is not supported on this deviceDel Potro secured …",
// "Share this withEmailFacebookMessengerTwitter…Copy this linkThe columnist …",
// and the Welsh share bar with its note that the links open a new window
// ("Rhannu hwn arEbostFacebook…Copïo’r ddolen ymaMae’r rhain yn ddolenni
// allanol ac yn agor mewn ffenest newydd").
var gluedWidget = regexp.MustCompile(`(?i)media playback is (?:unsupported|not supported) on (?:this|your) device|` +
	"(?-i:Opens (?:in )?a new (?:window|tab))|" + // a link's words for screen readers: "the company saidOpens a new window that …"
	`share this with(?:email|facebook|messenger|twitter|pinterest|whatsapp|linkedin|reddit)+(?:copy this link)?|` +
	`rhannu hwn ar(?:ebost|facebook|messenger|twitter|pinterest|whatsapp|linkedin)+(?:copïo['’]r ddolen yma)?(?:mae['’]r rhain yn ddolenni allanol ac yn agor mewn ffenest newydd)?`)

// withoutWidgets removes what gluedWidget finds, leaving one space where it
// stood between two words.
func withoutWidgets(l string) string {
	if !containsAny(l, widgetMarks) {
		return l // the regexp scans every line: most have none of its words
	}
	ms := gluedWidget.FindAllStringIndex(l, -1)
	if ms == nil {
		return l
	}
	var b strings.Builder
	at := 0
	for _, m := range ms {
		b.WriteString(l[at:m[0]])
		if m[0] > 0 && l[m[0]-1] != ' ' && m[1] < len(l) && l[m[1]] != ' ' {
			b.WriteByte(' ')
		}
		at = m[1]
	}
	b.WriteString(l[at:])
	return b.String()
}

// widgetMarks and asideMarks are words that gluedWidget's and inlineAside's
// matches hold, in lower and upper case (containsAny), so that a line without
// them skips the regexp: those two searches were most of Clean's time.
var (
	widgetMarks = []string{"layback", "LAYBACK", "hare this with", "HARE THIS WITH", "hannu hwn", "HANNU HWN", "Opens a new", "Opens in a new"}
	asideMarks  = []string{"croll down", "CROLL DOWN", "lick to expand", "LICK TO EXPAND", "ontinue reading", "ONTINUE READING", "ontinues below", "ONTINUES BELOW"}
)

// containsAny reports whether s has any of the marks.
func containsAny(s string, marks []string) bool {
	return slices.ContainsFunc(marks, func(m string) bool { return strings.Contains(s, m) })
}

func cleanLine(l string) string {
	l = cutDateline(strings.TrimSpace(withoutWidgets(l)))
	t := l
	if containsAny(l, asideMarks) {
		t = strings.TrimSpace(inlineAside.ReplaceAllString(l, ""))
	}
	t = strings.TrimSpace(withoutGluedCaptions(t))
	if t == "" || boilerLine.MatchString(t) || mayLinkOrPitch(t) && linkOrPitch.MatchString(t) || containsAny(t, creditMarks) && creditOrPitch.MatchString(t) || bracketCredit(t) ||
		isNavigation(t) || isCredit(t) || isTimestamp(t) {
		return ""
	}
	if strings.Contains(t, "  ") || strings.ContainsRune(t, '\t') {
		t = strings.Join(strings.Fields(t), " ") // "dating from the  1940s": one space between words
	}
	return t
}

// credit matches a line that is only a picture agency's name, as pages leave
// behind a photo: "Getty Images", "AFP via Getty Images", "Reuters/Alamy".
var credit = regexp.MustCompile(`^\(?((AFP|AP|EPA|PA|Reuters|Getty|Shutterstock|Alamy|Rex|REX|Bloomberg|Xinhua|Anadolu|Agencies|Agency)( Images| Photo| Media| Wire| Features)?( via | ?/ ?| and |, )?)+\)?$`)

func isCredit(l string) bool {
	return len(l) < 80 && (credit.MatchString(l) || photographerCredit.MatchString(l) && !endsSentence(l))
}

// photographerCredit matches a credit that names the photographer before the
// agency: "JIM WATSON/AFP/Getty Images", "Carl Court / Getty Images" (with
// whatever date the page put after it).
var photographerCredit = regexp.MustCompile(`^(?:\p{Lu}[\pL.'-]*\s){0,3}\p{Lu}[\pL.'-]*\s?/\s?(?:AFP|AP|EPA|PA|Reuters|Getty|Shutterstock|Alamy|Rex|REX|Bloomberg|Xinhua|Anadolu)\b`)

// timestamp finds a clock time with its half of the day: "7:11 AM PST",
// "1:39 PM ET".
var timestamp = regexp.MustCompile(`\b\d{1,2}:\d\d\s?[AaPp]\.?[Mm]\b`)

// bylineDate matches a byline that is a name and a date, with the count of
// comments a blog puts after it: "Sarah Gooding March 9, 2017 13".
var bylineDate = regexp.MustCompile(`^(?:[Bb]y )?\p{Lu}[\pL'.-]*(?: \p{Lu}[\pL'.-]*){1,3},? (?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2},? \d{4}(?: \d+)?$`)

// isTimestamp reports whether a line is a page's time stamp or byline stamp,
// no sentence: "1:39 PM ET", "2/26/2015 7:11 AM PST BY TMZ STAFF",
// "CNNMoney (New York) First published February 1, 2016: 1:28 AM ET", "Sarah
// Gooding March 9, 2017 13".
func isTimestamp(l string) bool {
	return len(l) < 90 && !endsSentence(l) && (timestamp.MatchString(l) || bylineDate.MatchString(l))
}

// gluedCaption finds the caption and credit markers that a flattened page
// leaves inside running text ("… on Monday. Image copyright Getty Images Image
// caption Crowds gathered in the square The minister said …").
var gluedCaption = regexp.MustCompile(`\b(Image|Picture|Photo|Media|Video) (copyright|source|credit|caption)\b:?\s*`)

// withoutGluedCaptions removes the markers found by gluedCaption with what
// they label: a credit's agency name (its capitalized words), a caption up to
// where the running text starts again — a full stop, or a sentence opener
// glued on without one (as appendUnglued finds it).
func withoutGluedCaptions(l string) string {
	for {
		m := gluedCaption.FindStringSubmatchIndex(l)
		if m == nil || m[0] == 0 && m[1] == len(l) {
			return l
		}
		before, rest := l[:m[0]], l[m[1]:]
		if strings.ToLower(l[m[4]:m[5]]) != "caption" {
			rest = afterCapitalized(rest)
		} else {
			rest = afterCaption(rest)
		}
		if strings.TrimSpace(before) == "" {
			l = strings.TrimSpace(rest)
		} else {
			l = strings.TrimRight(before, " ") + " " + strings.TrimSpace(rest)
		}
	}
}

// afterCapitalized skips a credit's name: capitalized words, slashes, "via",
// "and", "/".
func afterCapitalized(s string) string {
	words := strings.Fields(s)
	k := 0
	for k < len(words) && k < 6 {
		w := words[k]
		r, _ := utf8.DecodeRuneInString(w)
		if !(unicode.IsUpper(r) || w == "via" || w == "and" || w == "/") || (k > 0 && gluedOpener(w)) ||
			k+1 < len(words) && gluedCaption.MatchString(w+" "+words[k+1]) { // the next marker
			break
		}
		k++
	}
	return strings.Join(words[k:], " ")
}

// afterCaption skips a caption: to its full stop when it has one before the
// running text resumes, else to the first sentence opener glued on.
func afterCaption(s string) string {
	parts := appendUnglued(nil, s)
	if len(parts) == 0 {
		return ""
	}
	end := strings.Index(s, parts[0]) + len(parts[0]) // parts are pieces of s, in order
	if i := strings.Index(s[:end], ". "); i >= 0 {
		return s[i+2:]
	}
	if len(parts) > 1 {
		return s[end:]
	}
	return "" // a caption to the end of the line
}

var navSeparator = regexp.MustCompile(`\s*[|•·»]\s*|\s{3,}`)

// isNavigation reports whether a line is a menu: short items separated by pipes,
// bullets or runs of spaces, with no sentence in them.
func isNavigation(l string) bool {
	if endsSentence(l) && !strings.ContainsAny(l, "|•·") {
		return false
	}
	items := navSeparator.Split(l, -1)
	if len(items) < 3 {
		return false
	}
	for _, it := range items {
		if utf8.RuneCountInString(it) > 25 || len(strings.Fields(it)) > 3 {
			return false
		}
	}
	return true
}
