package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	body := strings.Repeat("The minister said the plan would go ahead next year. ", 6)
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"appeal footer", body + "\n\n\nHelp Keep Us From Drying Up\n\nWe need your help!\nSubscribe   contribute   Close",
			strings.TrimSpace(body)},
		{"comments closed", body + "\nSorry we are not currently accepting comments on this article.",
			strings.TrimSpace(body)},
		{"related stories and copyright", body + "\nRelated stories\nAnother headline\n© 2024 Example News",
			strings.TrimSpace(body)},
		{"an encyclopedia's references", body + "\nReferences[edit]\n^ \"Mozilla history\". example.org. Retrieved 2014-07-01.\nExternal links[edit]",
			strings.TrimSpace(body)},
		{"a heading of references early is kept", "References\n" + body, "References\n" + strings.TrimSpace(body)},
		{"scroll down glued into a line", "Scroll down for video Strictly business: the story.\n" + body,
			"Strictly business: the story.\n" + strings.TrimSpace(body)},
		{"share and follow lines", "Share this article\nFollow us on Twitter @example\n" + body + "\nAdvertisement",
			strings.TrimSpace(body)},
		{"navigation bar", "Home | News | Sport | Weather\n" + body, strings.TrimSpace(body)},
		{"daily mail byline", "By . Daily Mail Reporter . PUBLISHED: 10:58 EST, 1 May 2013 . | . UPDATED: 11:02 EST, 1 May 2013\n" + body,
			strings.TrimSpace(body)},
		{"trailer word early is kept", "Subscribe to our newsletter, the mayor urged residents.\n" + body,
			"Subscribe to our newsletter, the mayor urged residents.\n" + strings.TrimSpace(body)},
		{"datelines", "(CNN)A trip ended.\nBoston (CNN)Guilty.\nLONDON (Reuters) - Shares fell.\nKathmandu, Nepal (AP) — Rescuers came.\nThe (CNN) logo stays.\n" +
			"SOUTHWEST MIAMI-DADE, FLA. (WSVN) - A crash.\nNAPA COUNTY, Calif. (KGO) -- A plan.\nAUSTIN (KXAN) — Voters approved.\nThe (KGB) files stay.",
			"A trip ended.\nBoston — Guilty.\nLONDON — Shares fell.\nKathmandu, Nepal — Rescuers came.\nThe (CNN) logo stays.\n" +
				"SOUTHWEST MIAMI-DADE, FLA. — A crash.\nNAPA COUNTY, Calif. — A plan.\nAUSTIN — Voters approved.\nThe (KGB) files stay."},
		{"character references", "his fianc&#233;e, &lt;b&gt;bold&lt;/b&gt;, caf&#xE9;&nbsp;au lait, AT&T and R&D; &copy 2004",
			"his fiancée, <b>bold</b>, café au lait, AT&T and R&D; &copy 2004"},
		{"player and share bar glued into one flattened line",
			"Share this withEmailFacebookMessengerMessengerTwitterPinterestWhatsAppLinkedInCopy this linkThe columnist wrote. Media playback is not supported on this deviceDel Potro won. I share this with you.\nMedia playback is unsupported on your device",
			"The columnist wrote. Del Potro won. I share this with you."},
		{"the Welsh share bar", "Rhannu hwn arEbostFacebookMessengerMessengerTwitterCopïo’r ddolen ymaMae’r rhain yn ddolenni allanol ac yn agor mewn ffenest newyddMae gan Gymru rai o'r cyfraddau gwaethaf.",
			"Mae gan Gymru rai o'r cyfraddau gwaethaf."},
		{"runs of spaces inside a line", "It is thought to date from the  1940s or\t1950s.  Experts agree.", "It is thought to date from the 1940s or 1950s. Experts agree."},
		{"paragraphs kept", "One.\r\n\r\n\r\nTwo.\nThree.", "One.\n\nTwo.\nThree."},
		{"links between paragraphs", body + "\nMORE: Black-led group strikes deal to revitalize Oakland Coliseum site\nRead more: Why the bridge matters\nRelated: Tram fares rise\n" + body,
			strings.TrimSpace(body) + "\n\n" + strings.TrimSpace(body)},
		{"byline leftovers and rules", "- Advertisement -\nebowleg@tribunemedia.net\n9 Hrs Ago\n____\n" + body + "\nGet the latest news straight to your phone with the VI Consortium app.\n" +
			"Get The Times of Israel's Daily Edition by email and never miss our top stories Free Sign Up\nNever miss the latest news by signing up to our newsletter.\n" + body,
			strings.TrimSpace(body) + "\n\n" + strings.TrimSpace(body)},
		{"paywall pitch, story links and author note", body + "\n" + body + "\nTo view the full story, please subscribe to The Haitian Times.\nJoin now.",
			strings.TrimSpace(body) + "\n" + strings.TrimSpace(body)},
		{"more of the site's stories", body + "\n" + body + "\nMore Great WIRED Stories\nChris Evans goes to Washington",
			strings.TrimSpace(body) + "\n" + strings.TrimSpace(body)},
		{"about the author", body + "\n" + body + "\nAbout the author\nScott Cunningham\nSenior Vice President of Technology",
			strings.TrimSpace(body) + "\n" + strings.TrimSpace(body)},
		{"a drop cap set apart", "T\n\nurkey and Poland have been removed from the list.\n\nA\n\nB was chosen.",
			"Turkey and Poland have been removed from the list.\n\nA\n\nB was chosen."},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("%s: Clean\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestCleanSeed(t *testing.T) {
	raw, err := os.ReadFile("../../seeds/000_03d2b61af7269cbe.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := Clean(string(raw))
	for _, footer := range []string{"Help Keep Us", "We need your help", "Subscribe", "contribute", "Close", "StrategyPage"} {
		if strings.Contains(got, footer) {
			t.Errorf("Clean(seed) still contains %q", footer)
		}
	}
	if !strings.HasSuffix(got, "cash, and other goods.") {
		t.Errorf("Clean(seed) ends %q, want the article's last sentence", got[max(0, len(got)-60):])
	}
}

// TestCaptionsAndCredits: what photo captions, credits and slideshow counters
// leave in the text of a page — on lines of their own, or glued into a
// paragraph by a page flattened without its structure — goes; the article's
// sentences stay.
func TestCaptionsAndCredits(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The talks ended late.\nImage caption Crowds gathered outside the hall\nThe minister spoke.", "The talks ended late.\n\nThe minister spoke."},
		{"Media caption Watch: the moment the bridge opened", ""},
		{"Credit: Jane Smith/Getty Images", ""},
		{"Photograph: Tom Jones/Reuters", ""},
		{"Photo by Ann Lee for The Times", ""},
		{"Getty Images", ""},
		{"AFP via Getty Images", ""},
		{"1 / 5", ""},
		{"Image 3 of 7", ""},
		{"The vote was held on Monday. Image copyright Getty Images Image caption Crowds gathered in the square The minister said the result was clear.",
			"The vote was held on Monday. The minister said the result was clear."},
		{"Prices rose again. Image caption A shopper in Leeds. Sales fell by 2% in May.", "Prices rose again. Sales fell by 2% in May."},
		// Real pages (go-readability's test pages): a photographer's credit
		// with its date, what a removed picture or video player leaves,
		// promotions and time stamps between paragraphs.
		{"JIM WATSON/AFP/Getty Images 22 Dec, 2016 22 Dec, 2016", ""},
		{"Photo\nYahoo's sale is a complicated beast.\nImage", "Yahoo's sale is a complicated beast."},
		{"Play Video\nPlay\nCurrent Time 0:00\n/\nDuration Time 0:00\nLoaded: 0%\nProgress: 0%\nStream TypeLIVE\nRemaining Time -0:00\nFullscreen", ""},
		{"SIGN UP FOR OUR NEWSLETTER", ""},
		{"Do you want to be informed of DiEM25's actions? Sign up here", ""},
		{"[What you need to know to start the day: Get New York Today in your inbox.]\n[Read: Why Tunisia suffers from Islamist violence]", ""},
		{"Related: Rich are paying more in taxes but not as much as they used to\nPowered by SmartAsset.com\nthe main story", ""},
		{"2/26/2015 7:11 AM PST BY TMZ STAFF\nEXCLUSIVE\n1:39 PM ET\nCNNMoney (New York) First published February 1, 2016: 1:28 AM ET", ""},
		{"The company saidOpens a new window that sales rose.", "The company said that sales rose."},
		{"(All photos: Atlas staff)\nSarah Gooding March 9, 2017 13", ""},
		// In German, French and Spanish: a caption's credit after what it
		// shows, or on a line of its own.
		{"Roman Prymula, photo: Archives du Gouvernement tchèque\nWetterbild (Foto: anaterate/Pixabay.com)\nBildrechte: IMAGO", ""},
		{"Die Produktion soll Ende 2023 beginnen.\nDekra baut neues Batterietestzentrum https://battery-news.de/wp-content/uploads/2022/11/battery-testing-center-branded.jpg 890 1484 Gerrit Bockey https://battery-news.de/logo.png Gerrit Bockey2022-11-24 09:17:33", "Die Produktion soll Ende 2023 beginnen."},
		{"Charakteristisch ist die teppichartige Krautschicht.\nFoto © Peter Steiger\nFoto © Jörg Gemsch, Heidi Jost", "Charakteristisch ist die teppichartige Krautschicht."},
		{"The iPhone SE gets a fingerprint sensor.\nwww.apple.com/in/\nAgencies\nhttps://p.dw.com/p/RPYx", "The iPhone SE gets a fingerprint sensor."},
		{"Die PGA Tour bleibt in Kalifornien.\nGolf im TV: Die Übertragungszeiten der großen Turniere im Überblick. (Foto: Getty)", "Die PGA Tour bleibt in Kalifornien."},
		{"Schools are safe, the ministry said.\nSubscribe now to our eNATION edition for the full story.\nFor the latest stories and breaking news updates download the Nationnews apps for iOS and Android.\nYou can unsubscribe from this service at any time. And rest assured that your data will not be shared.", "Schools are safe, the ministry said."},
		{"Users can download the new app for iOS and Android from Monday.", "Users can download the new app for iOS and Android from Monday."},
		{"Thou\u00adsands of peo\u00adple were left frus\u00adtrat\u00aded.\n\u200b\u200b\n\u200bSales fell.", "Thousands of people were left frustrated.\n\nSales fell."},
		{"Il a été nommé ministre.\nCrédits photos : Bestimage\nà propos de\nDernières News sur : Jacques Chirac", "Il a été nommé ministre."},
		// A link to another story between paragraphs, in Spanish, French,
		// German.
		{"Lea más: Secretaria vip: Tribunal condena a 4 años de prisión\nMIRA: Madre se acerca a conocer los motivos\nNota relacionada: La secretaria vip que tumbó al contralor\nÀ lire aussi : Le glyphosate\nLesen Sie auch: Die Wahl", ""},
		{"Los camioneros no descartan movilizarse.\nLee también...\nTambién puede leer: Tras escándalo en la Policía", "Los camioneros no descartan movilizarse."},
		{"El encuentro tuvo 6 ejes temáticos.\n(Le puede interesar: Buscan responsables de bus quemado en Anorí)\nTambién: ( Candidatos presidenciales rezagados)", "El encuentro tuvo 6 ejes temáticos."},
		{"Mira la tabla: los precios subieron.", "Mira la tabla: los precios subieron."},
		{"La Fiscalía pidió 12 años de prisión.\nMIRA | Kenji Fujimori: PJ concluye con interrogatorio\nLEE MÁS | Kenji Fujimori: exministro niega\nPuede leer: AIRD y agropecuarios piden cambios", "La Fiscalía pidió 12 años de prisión."},
		{"On traite les juges de nazis.\nÀ lire aussi » Ballonnements, lourdeurs... Quel est votre profil digestif ?\nEn vidéo, 4 aliments à privilégier pour mieux dormir", "On traite les juges de nazis."},
		{"Der Dienst ist kostenlos.\nSiehe auch:\nLesen Sie auch\nLesen Sie dazu auch die Pressemitteilungen:", "Der Dienst ist kostenlos."},
		{"En vidéo, le ministre a présenté son plan.", "En vidéo, le ministre a présenté son plan."},
		{"Puede leerse en el informe que el gasto subió.", "Puede leerse en el informe que el gasto subió."},
		{"La JEP abrirá tres macrocasos.\nLea aquí: Operación Orión, una sombra de odio\nRecibe alertas desde Google News", "La JEP abrirá tres macrocasos."},
		{"Lea aquí el informe completo de la Contraloría, publicado el lunes.", "Lea aquí el informe completo de la Contraloría, publicado el lunes."},
		// Kept: sentences that only mention pictures or credits.
		{"12:00 PM PT -- Sheriff's deputies were at the hotel Thursday morning.", "12:00 PM PT -- Sheriff's deputies were at the hotel Thursday morning."},
		{"Prince Charles March 9, 2017 was a busy day.", "Prince Charles March 9, 2017 was a busy day."},
		{"(Photos of the flood were shared widely.)", "(Photos of the flood were shared widely.)"},
		{"The store opens a new window display in May.", "The store opens a new window display in May."},
		{"[Bardo museum houses amazing Roman treasures]", "[Bardo museum houses amazing Roman treasures]"},
		{"The photo credit went to a local student.", "The photo credit went to a local student."},
		{"Credit card debt rose by 4% in May.", "Credit card debt rose by 4% in May."},
		{"He won 3 of 5 races this year.", "He won 3 of 5 races this year."},
		{"Reuters reported the deal on Monday.", "Reuters reported the deal on Monday."},
		{"He took the photo: a boy on a bridge, in the rain, at dusk.", "He took the photo: a boy on a bridge, in the rain, at dusk."},
		{"Voters who want to register now can still do so before the deadline on Friday.", "Voters who want to register now can still do so before the deadline on Friday."},
	} {
		if got := Clean(tc.in); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzClean: any text is cleaned without a panic, into valid UTF-8 when it
// was, and no longer than it was but for the dash a dateline gains.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"The vote was held. Image copyright Getty Images Image caption Crowds The minister said so.",
		"Image caption !!!", "Media caption", "Boston (CNN)Guilty", "1 / 5\n\nCredit: AP", "Image copyright",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Errorf("Clean(%q) = %q, not valid UTF-8", s, out)
		}
		if len(out) > len(s)+8*strings.Count(s, "(") {
			t.Errorf("Clean(%q) = %q, longer than its input", s, out)
		}
	})
}

// TestMarksCoverMatches: a line skips gluedWidget's and inlineAside's search
// unless it has one of their marks, so every way pages write what they match
// must have one (the 35,821 lines of ../shared's corpora and eval sets and
// go-readability's test pages all do).
func TestMarksCoverMatches(t *testing.T) {
	for _, l := range []string{
		"Media playback is not supported on this device", "MEDIA PLAYBACK IS UNSUPPORTED ON YOUR DEVICE", "media playback is unsupported on your device",
		"Share this withEmailFacebookTwitter", "SHARE THIS WITHEMAIL", "Rhannu hwn arEbostFacebook", "the company saidOpens a new window that",
		"Opens in a new tab",
	} {
		if !gluedWidget.MatchString(l) || !containsAny(l, widgetMarks) {
			t.Errorf("%q: gluedWidget %v, marks %v; want both", l, gluedWidget.MatchString(l), containsAny(l, widgetMarks))
		}
	}
	for _, l := range []string{
		"Scroll down for video", "SCROLL DOWN FOR MORE", "Click to expand", "CLICK TO EXPAND", "Continue reading below", "CONTINUE READING",
		"Story continues below advertisement", "ADVERTISEMENT CONTINUES BELOW",
	} {
		if !inlineAside.MatchString(l) || !containsAny(l, asideMarks) {
			t.Errorf("%q: inlineAside %v, marks %v; want both", l, inlineAside.MatchString(l), containsAny(l, asideMarks))
		}
	}
}
