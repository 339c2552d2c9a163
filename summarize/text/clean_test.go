package text

import (
	"os"
	"strings"
	"testing"
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
		{"related stories and copyright", body + "\nRelated stories\nAnother headline\n© 2024 Example News",
			strings.TrimSpace(body)},
		{"scroll down glued into a line", "Scroll down for video Strictly business: the story.\n" + body,
			"Strictly business: the story.\n" + strings.TrimSpace(body)},
		{"share and follow lines", "Share this article\nFollow us on Twitter @example\n" + body + "\nAdvertisement",
			strings.TrimSpace(body)},
		{"navigation bar", "Home | News | Sport | Weather\n" + body, strings.TrimSpace(body)},
		{"daily mail byline", "By . Daily Mail Reporter . PUBLISHED: 10:58 EST, 1 May 2013 . | . UPDATED: 11:02 EST, 1 May 2013\n" + body,
			strings.TrimSpace(body)},
		{"trailer word early is kept", "Subscribe to our newsletter, the mayor urged residents.\n" + body,
			"Subscribe to our newsletter, the mayor urged residents.\n" + strings.TrimSpace(body)},
		{"datelines", "(CNN)A trip ended.\nBoston (CNN)Guilty.\nLONDON (Reuters) - Shares fell.\nKathmandu, Nepal (AP) — Rescuers came.\nThe (CNN) logo stays.",
			"A trip ended.\nBoston — Guilty.\nLONDON — Shares fell.\nKathmandu, Nepal — Rescuers came.\nThe (CNN) logo stays."},
		{"paragraphs kept", "One.\r\n\r\n\r\nTwo.\nThree.", "One.\n\nTwo.\nThree."},
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
