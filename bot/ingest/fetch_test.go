package ingest

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// refuseOnly127_0_0_2 lets tests reach their servers on 127.0.0.1 while
// treating 127.0.0.2 as the internal address a redirect must not reach.
func refuseOnly127_0_0_2(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.2") }

func testSite(t *testing.T) *httptest.Server {
	t.Helper()
	article, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(article)
	})
	mux.HandleFunc("/paywall", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><title>Subscribe</title></head><body><article><p>Subscribe to keep reading this story. Already a subscriber? Log in.</p></article></body></html>`)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/to-internal", func(w http.ResponseWriter, r *http.Request) {
		_, port, _ := strings.Cut(r.Host, ":")
		http.Redirect(w, r, "http://127.0.0.2:"+port+"/article", http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article?utm_source=feed#top", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("<p>filler text for a very large page</p>\n", 1000)
		for range 20 << 20 / len(chunk) {
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7 fake")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestLink(t *testing.T) {
	srv := testSite(t)
	f := newFetcher(refuseOnly127_0_0_2)
	a, err := f.Link(t.Context(), srv.URL+"/moved")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Title, "Harbour reopens after storm repairs") {
		t.Errorf("Title = %q", a.Title)
	}
	if a.URL != srv.URL+"/article" {
		t.Errorf("URL = %q, want the canonical address after the redirect, %s/article", a.URL, srv.URL)
	}
	if a.Published.Year() != 2024 {
		t.Errorf("Published = %v, want 2024-03-08", a.Published)
	}
	for _, want := range []string{"The harbour in Port Ellis reopened", "4.2 million pounds"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q:\n%s", want, a.Text)
		}
	}
	for _, junk := range []string{"Home", "Subscribe", "Related stories", "© 2024"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text keeps page furniture %q:\n%s", junk, a.Text)
		}
	}

	tests := []struct {
		path string
		want error
	}{
		{"/paywall", ErrUnreadable},
		{"/loop", ErrUnreadable},
		{"/to-internal", ErrPrivateAddress},
		{"/huge", ErrPageTooLarge},
		{"/report.pdf", ErrUnreadable},
		{"/missing", ErrUnreadable},
	}
	for _, tt := range tests {
		if _, err := f.Link(t.Context(), srv.URL+tt.path); !errors.Is(err, tt.want) {
			t.Errorf("Link(%s) error = %v, want %v", tt.path, err, tt.want)
		}
	}
	for _, bad := range []string{"ftp://example.com/a", "file:///etc/passwd", "not a link", "javascript:alert(1)"} {
		if _, err := f.Link(t.Context(), bad); !errors.Is(err, ErrNotWeb) {
			t.Errorf("Link(%q) error = %v, want ErrNotWeb", bad, err)
		}
	}
}

func TestFetcherRefusesInternalAddresses(t *testing.T) {
	srv := testSite(t)
	_, port, _ := strings.Cut(strings.TrimPrefix(srv.URL, "http://"), ":")
	f := NewFetcher(false)
	for _, u := range []string{srv.URL + "/article", "http://localhost:" + port + "/article", "http://[::1]:" + port + "/", "http://0.0.0.0:" + port + "/",
		"http://[::127.0.0.1]:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/", "http://[2002:7f00:1::]:" + port + "/", "http://[64:ff9b::7f00:1]:" + port + "/"} {
		if _, err := f.Get(t.Context(), u, "", ""); !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("Get(%s) error = %v, want ErrPrivateAddress", u, err)
		}
	}
	if _, err := NewFetcher(true).Get(t.Context(), srv.URL+"/article", "", ""); err != nil {
		t.Errorf("with private addresses allowed: %v", err)
	}
}

func TestInternal(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true, "169.254.169.254": true,
		"100.64.0.1": true, "0.0.0.0": true, "::1": true, "fe80::1": true, "fd00::1": true, "::ffff:127.0.0.1": true,
		"::127.0.0.1": true, "::ffff:0:10.0.0.1": true, "2002:7f00:1::": true, "2002:c0a8:101::1": true,
		"64:ff9b::7f00:1": true, "64:ff9b:1::a00:1": true, "2001:0:4136:e378:8000:63bf:3fff:fdd2": true, "100::1": true,
		"93.184.216.34": false, "2606:4700::1111": false, "8.8.8.8": false, "2001:4860:4860::8888": false,
	} {
		if got := internal(netip.MustParseAddr(addr)); got != want {
			t.Errorf("internal(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestCanonicalURL(t *testing.T) {
	for in, want := range map[string]string{
		"HTTPS://News.Example:443/a/b/?utm_source=x&id=3#frag": "https://news.example/a/b?id=3",
		"http://example.com:80/":                               "http://example.com/",
		"https://example.com/story?fbclid=1":                   "https://example.com/story",
	} {
		u, _ := url.Parse(in)
		if got := CanonicalURL(u); got != want {
			t.Errorf("CanonicalURL(%s) = %s, want %s", in, got, want)
		}
	}
}

func FuzzReadHTML(f *testing.F) {
	article, _ := os.ReadFile("testdata/article.html")
	f.Add(article)
	f.Add([]byte("<html><body><p>short</p></body></html>"))
	f.Add([]byte("\x00\x01<p>"))
	base, _ := url.Parse("https://example.com/a")
	f.Fuzz(func(t *testing.T, page []byte) {
		a, err := readHTML(page, "", base)
		if err == nil && (a.Title == "" || len(strings.Fields(a.Text)) < minArticleWords) {
			t.Fatalf("ReadHTML accepted %q as %+v", page, a)
		}
	})
}

// TestLegacyEncodings reads pages in the encodings news sites still serve —
// told by <meta charset>, by the HTTP header alone, or by a byte-order mark —
// and finds their text as written.
func TestLegacyEncodings(t *testing.T) {
	tests := []struct {
		name, charset, sentence string
		enc                     encoding.Encoding
		inMeta                  bool
		late                    bool // the meta past the prescan's 1024 bytes, after an archive's scripts
	}{
		{"Big5", "big5", "港口在週五重新開放，工程師重建了防波堤。", traditionalchinese.Big5, true, false},
		{"GB18030", "gb18030", "港口在周五重新开放，工程师重建了防波堤。", simplifiedchinese.GB18030, true, false},
		{"Shift_JIS", "shift_jis", "港は金曜日に再開し、技術者が防波堤を再建した。", japanese.ShiftJIS, true, false},
		{"windows-1250", "windows-1250", "Přístav byl v pátek znovu otevřen a inženýři přestavěli vlnolam ze žuly.", charmap.Windows1250, true, false},
		{"ISO-8859-2 in HTTP only", "iso-8859-2", "Przystań otwarto ponownie w piątek, a inżynierowie odbudowali falochron.", charmap.ISO8859_2, false, false},
		{"UTF-16 with BOM", "", "The harbour reopened on Friday after the storm, engineers said.", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), false, false},
		{"UTF-8 under a stale gb2312 meta", "gb2312", "港口在周五重新开放，工程师重建了防波堤。", unicode.UTF8, true, false},
		{"GB2312 in a late http-equiv meta", "gb2312", "港口在周五重新开放，工程师重建了防波堤。", simplifiedchinese.GBK, true, true},
		{"windows-1250 in a late meta", "windows-1250", "Přístav byl v pátek znovu otevřen a inženýři přestavěli vlnolam ze žuly.", charmap.Windows1250, true, true},
	}
	for _, tt := range tests {
		meta := ""
		if tt.inMeta {
			meta = `<meta charset="` + tt.charset + `">`
		}
		if tt.late {
			meta = `<script>var analytics = "` + strings.Repeat("x", 2000) + `";</script>` +
				`<meta http-equiv="Content-Type" content="text/html; charset=` + tt.charset + `"/>`
		}
		html := "<html><head>" + meta + "<title>Harbour</title></head><body><article>" +
			strings.Repeat("<p>"+tt.sentence+"</p>", 12) + "</article></body></html>"
		raw, err := tt.enc.NewEncoder().Bytes([]byte(html))
		if err != nil {
			t.Fatalf("%s: encode: %v", tt.name, err)
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ct := "text/html"
			if !tt.inMeta && tt.charset != "" {
				ct += "; charset=" + tt.charset
			}
			w.Header().Set("Content-Type", ct)
			w.Write(raw)
		}))
		a, err := NewFetcher(true).Link(t.Context(), srv.URL+"/story")
		srv.Close()
		if err != nil || !strings.Contains(a.Text, tt.sentence) {
			t.Errorf("%s: Link = %.120q, %v; want the sentence %q", tt.name, a.Text, err, tt.sentence)
		}
	}
}

// TestStoryInGalleryKept reads pages that put the story itself in an element
// named like furniture — a "carousel" marked as the article's body, a
// "lightbox-gallery" holding paragraphs of prose — as real sites do: the story
// stays, a gallery's short caption still goes.
func TestStoryInGalleryKept(t *testing.T) {
	story := "Engineers rebuilt ninety metres of the breakwater with granite blocks brought in by barge, working through the spring tides and two further storms, while the ferry company ran a reduced timetable from the old fishing pier at the north end of the bay and the council paid for buses to carry passengers between the two. The harbour master said the new blocks should hold for another century."
	for _, tt := range []struct{ name, page string }{
		{"articleBody", `<div id="content" class="carousel content" itemprop="articleBody"><p>The harbour in Port Ellis reopened to ferries on Friday.</p><p>` + story + `</p></div>`},
		{"prose", `<div class="o-media js-lightbox-gallery"><img src="a.jpg"><p>The harbour in Port Ellis reopened to ferries on Friday.</p><p>` + story + `</p></div>`},
	} {
		page := `<html><head><title>Harbour reopens</title></head><body><h1>Harbour reopens</h1>` + tt.page +
			`<div class="gallery"><p>Boats wait outside the harbour.</p></div><p>The first ferry left at dawn, three months after a winter storm tore away part of the main breakwater and flooded the terminal building.</p></body></html>`
		u, _ := url.Parse("https://news.example/harbour")
		a, err := readHTML([]byte(page), "", u)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !strings.Contains(a.Text, "Engineers rebuilt ninety metres") {
			t.Errorf("%s: the story is missing: %q", tt.name, a.Text)
		}
		if strings.Contains(a.Text, "Boats wait") {
			t.Errorf("%s: the gallery's caption is kept: %q", tt.name, a.Text)
		}
	}
}

// TestCaptionsAndCreditsOut reads a news page whose photos carry captions,
// credits and a slideshow counter: none of them reaches the article's text.
func TestCaptionsAndCreditsOut(t *testing.T) {
	para := "<p>The harbour in Port Ellis reopened to ferries on Friday, three months after a winter storm tore away part of the main breakwater and flooded the terminal building. Engineers rebuilt ninety metres of the breakwater with granite blocks brought in by barge.</p>"
	page := `<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>` + para +
		`<figure><img src="a.jpg"><figcaption>The terminal flooded in January. Credit: Jane Doe/Getty Images</figcaption></figure>` +
		`<div class="media-caption">Media caption, The minister spoke at the quay</div>` + para +
		`<div class="gallery"><span class="counter">1 / 5</span><p>Boats wait outside the harbour.</p></div>` +
		`<p>2 of 8</p>` + para + `<p class="image-credit">Photo: Reuters</p></article></body></html>`
	u, _ := url.Parse("https://news.example/harbour")
	a, err := readHTML([]byte(page), "", u)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Engineers rebuilt ninety metres") {
		t.Errorf("the article's text is missing: %q", a.Text)
	}
	for _, furniture := range []string{"Getty", "Credit", "Media caption", "1 / 5", "2 of 8", "Boats wait", "Reuters"} {
		if strings.Contains(a.Text, furniture) {
			t.Errorf("the text keeps %q:\n%s", furniture, a.Text)
		}
	}
}

// TestFootnoteMarksOut reads a page whose footnote marks link to their notes:
// the marks leave the text, so no word is glued to a number ("points1"); a
// unit's power, which links nowhere, stays.
func TestFootnoteMarksOut(t *testing.T) {
	para := "<p>The harbour in Port Ellis reopened to ferries on Friday, three months after a winter storm tore away part of the main breakwater and flooded the terminal building. Engineers rebuilt ninety metres of the breakwater with granite blocks brought in by barge.</p>"
	page := `<html><head><title>Endorsements</title></head><body><article>` + para +
		`<p>Joe Biden has far more endorsement points<a class="footnote-link" href="#fn-1"><sup id="ss-1">1</sup></a> than any other candidate, ` +
		`as the tracker shows<sup class="reference"><a href="#cite_note-2">[2]</a></sup>. The new terminal covers 400 m<sup>2</sup>.</p>` + para +
		`<ol><li id="fn-1">See the methodology for how the points work.</li></ol></article></body></html>`
	u, _ := url.Parse("https://news.example/endorsements")
	a, err := readHTML([]byte(page), "", u)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"endorsement points than any", "tracker shows.", "400 m2"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("the text lacks %q:\n%s", want, a.Text)
		}
	}
}

// TestAlertBoxesOut reads a page whose template keeps its notice boxes in the
// saved HTML ("Noticia en Desarrollo", "Alerta de Spoiler", shown by a
// script only when they apply): they leave with the captions, and the story
// stays.
func TestAlertBoxesOut(t *testing.T) {
	para := "<p>Con una consulta nacional, la Confederación del Transporte de Cargas definirá este jueves las acciones a seguir y no descarta una nueva movilización en las carreteras del sur del país, tras los hechos de violencia registrados en las últimas semanas.</p>"
	page := `<html><head><title>Camioneros</title></head><body><article>` +
		`<div class="bbcl-alert alert-developing"><div class="alert-title">Noticia en Desarrollo</div><div class="alert-content">Estamos recopilando más antecedentes sobre esta noticia.</div></div>` +
		`<div class="bbcl-alert alert-spoiler"><div class="alert-title">Alerta de Spoiler</div><div class="alert-content">Este artículo podría contener información clave sobre la trama de un libro.</div></div>` +
		para + para + `</article></body></html>`
	u, _ := url.Parse("https://news.example/camioneros")
	a, err := readHTML([]byte(page), "", u)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Confederación del Transporte") {
		t.Errorf("the story is missing: %q", a.Text)
	}
	for _, box := range []string{"Noticia en Desarrollo", "Alerta de Spoiler", "recopilando"} {
		if strings.Contains(a.Text, box) {
			t.Errorf("the text keeps the notice %q:\n%s", box, a.Text)
		}
	}
}
