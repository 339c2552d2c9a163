package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsbot/store"
	"newsbot/summarize/text"
)

// env returns a getenv over the given variables only.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// runCmd calls run like main does, with an archive in a temporary folder.
func runCmd(t *testing.T, db string, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(t.Context(), args, env(map[string]string{"NEWSBOT_DB": db}), strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestConsoleEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsbot.db")
	in := `/summarize article:Procurement
/ask article:Procurement question:"What share of the electronic components in North Korea's missiles are made in Japan?"
/ask article:Procurement question:"What is the population of Pyongyang?"
/summarize article:procurment
`
	out, logs, err := runCmd(t, db, in)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, logs)
	}
	replies := strings.Split(strings.TrimSpace(out), "\n\n")
	if len(replies) != 4 {
		t.Fatalf("got %d replies, want 4:\n%s", len(replies), out)
	}
	checks := []struct {
		want, notWant string
	}{
		{"High ranking defectors from North Korea", "Drying Up"},
		{"90 percent of the electronic components", "doesn't say"},
		{"The article doesn't say", "> "},
		{"did you mean “Procurement: September 15, 2003”", ""},
	}
	for i, c := range checks {
		if !strings.Contains(strings.ToLower(replies[i]), strings.ToLower(c.want)) {
			t.Errorf("reply %d lacks %q:\n%s", i+1, c.want, replies[i])
		}
		if c.notWant != "" && strings.Contains(replies[i], c.notWant) {
			t.Errorf("reply %d contains %q:\n%s", i+1, c.notWant, replies[i])
		}
	}
	if strings.Contains(out, "Subscribe") || strings.Contains(out, "contribute") {
		t.Errorf("console output shows the seed's footer:\n%s", out)
	}
	if !strings.Contains(logs, "loaded seed articles") {
		t.Errorf("first start did not log the seed load: %q", logs)
	}

	// A restart finds the seed and does not load it again.
	_, logs, err = runCmd(t, db, "")
	if err != nil || strings.Contains(logs, "loaded seed articles") {
		t.Errorf("restart: err %v, logs %q; want no second seed load", err, logs)
	}
	st, err := store.Open(db, store.Options{Terms: text.Terms})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, _ := st.Count(t.Context()); n != 1 {
		t.Errorf("archive holds %d articles after a restart, want 1", n)
	}
}

func TestArchiveLocked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsbot.db")
	st, err := store.Open(db, store.Options{Terms: text.Terms})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, _, err = runCmd(t, db, "/help\n")
	if err == nil || !strings.Contains(err.Error(), "another process") || !strings.Contains(err.Error(), "NEWSBOT_DB") {
		t.Errorf("run with a locked archive: %v, want a clear message", err)
	}
}

func TestBatchSummarize(t *testing.T) {
	in := `{"id":"a","title":"T","text":"The council approved the bridge on Monday. Work starts in May. It will cost four million pounds. Shops are pleased."}
{"id":7,"text":"One sentence only."}
{"id":"bad json",
{"id":"no-text"}
{"id":"empty","text":"   "}
{"id":"bin","text":"\u0000\u0001"}
`
	out, _, err := runCmd(t, "", in, "batch", "summarize", "-sentences", "2")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		`{"id":"a","summary":[`,
		`{"id":7,"summary":["One sentence only."]}`,
		`{"id":null,"error":"line 3: invalid JSON`,
		`{"id":"no-text","error":"missing \"text\""}`,
		`{"id":"empty","error":"text is empty"}`,
		`{"id":"bin","error":"binary data, not text"}`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %s, want prefix %s", i+1, lines[i], w)
		}
	}
	var first summaryLine
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || len(first.Summary) != 2 {
		t.Errorf("line 1 = %s (%v), want 2 sentences", lines[0], err)
	}
}

func TestBatchAsk(t *testing.T) {
	seed, err := os.ReadFile("../../seeds/000_03d2b61af7269cbe.txt")
	if err != nil {
		t.Fatal(err)
	}
	rec := func(id, q string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "text": string(seed), "question": q})
		return string(b) + "\n"
	}
	in := rec("yes", "What share of the electronic components in North Korea's missiles are made in Japan?") +
		rec("no", "What is the population of Pyongyang?") +
		`{"id":"noq","text":"Some text."}` + "\n" +
		rec("long", strings.Repeat("why ", 30_000))
	out, _, err := runCmd(t, "", in, "batch", "ask")
	if err != nil {
		t.Fatal(err)
	}
	var got []answerLine
	var errs []errorLine
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var a answerLine
		var e errorLine
		json.Unmarshal([]byte(l), &a)
		json.Unmarshal([]byte(l), &e)
		got = append(got, a)
		errs = append(errs, e)
	}
	if len(got) != 4 {
		t.Fatalf("got %d lines, want 4:\n%s", len(got), out)
	}
	if !got[0].Answerable || len(got[0].Evidence) == 0 || !strings.Contains(got[0].Evidence[0], "90 percent") {
		t.Errorf("answer 1 = %+v, want the 90 percent sentence", got[0])
	}
	if got[1].Answerable || !strings.HasPrefix(got[1].Answer, "The article doesn't say") || len(got[1].Evidence) != 0 {
		t.Errorf("answer 2 = %+v, want not answerable", got[1])
	}
	if !strings.Contains(errs[2].Error, "question") || !strings.Contains(errs[3].Error, "longer than") {
		t.Errorf("errors = %+v, want missing question and too long", errs[2:])
	}
	if !strings.Contains(out, `"evidence":[]`) {
		t.Errorf("not-answerable line should carry an empty evidence list:\n%s", out)
	}
}

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "newsbot.db")
	file := filepath.Join(dir, "articles.jsonl")
	os.WriteFile(file, []byte(`{"title":"Bridge opens","text":"The bridge opened on Monday after two years of work."}
{"title":"Bad"
`), 0o644)
	out, _, err := runCmd(t, db, "", "ingest", file)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(out) != "1 added, 0 duplicate, 1 rejected" {
		t.Errorf("ingest = %q", out)
	}
	out, _, err = runCmd(t, db, "Rates rise\nThe central bank raised rates again.", "ingest", "-")
	if err != nil || strings.TrimSpace(out) != "1 added, 0 duplicate, 0 rejected" {
		t.Errorf("ingest - = %q, %v", out, err)
	}
	out, _, _ = runCmd(t, db, "/summarize article:bridge\n")
	if !strings.Contains(out, "The bridge opened on Monday") {
		t.Errorf("ingested article not found by title:\n%s", out)
	}
	// A link to a private address is refused (and counted), not fetched.
	out, logs, err := runCmd(t, db, "", "ingest", "http://127.0.0.1:1/story")
	if err != nil || strings.TrimSpace(out) != "0 added, 0 duplicate, 1 rejected" || !strings.Contains(logs, "private address") {
		t.Errorf("ingest of a private link = %q, %v; log %q", out, err, logs)
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want []string
	}{
		{"bad config reported together", map[string]string{"LOG_LEVEL": "loud", "LOG_FORMAT": "xml", "DISCORD_PUBLIC_KEY": "zz", "DISCORD_SHARD_COUNT": "0"},
			nil, []string{"LOG_LEVEL", "LOG_FORMAT", "DISCORD_PUBLIC_KEY", "DISCORD_SHARD_COUNT"}},
		{"one shard of several on a file", map[string]string{"DISCORD_SHARD_ID": "1", "DISCORD_SHARD_COUNT": "2", "NEWSBOT_LEASE_TTL": "10m"},
			nil, []string{"DISCORD_SHARD_ID runs one shard", "postgres://", "NEWSBOT_LEASE_TTL"}},
		{"shard past the count", map[string]string{"DISCORD_SHARD_ID": "2", "DISCORD_SHARD_COUNT": "2", "NEWSBOT_DB": "postgres://db.invalid/newsbot"},
			nil, []string{"DISCORD_SHARD_ID \"2\" is not a shard number"}},
		{"shard without a count", map[string]string{"DISCORD_SHARD_ID": "0", "NEWSBOT_DB": "postgres://db.invalid/newsbot"},
			nil, []string{"needs DISCORD_SHARD_COUNT"}},
		{"unknown command", nil, []string{"frob"}, []string{`unknown command "frob"`, "usage:"}},
		{"batch without mode", nil, []string{"batch"}, []string{"summarize or ask"}},
		{"ingest without path", nil, []string{"ingest"}, []string{"needs a file"}},
		{"port in use", map[string]string{"DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32), "NEWSBOT_ADDR": "BUSYADDR", "NEWSBOT_DB": "DBPATH"},
			nil, []string{"listen on"}},
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	for _, tt := range tests {
		for k, v := range tt.env {
			v = strings.ReplaceAll(v, "DBPATH", filepath.Join(t.TempDir(), "n.db"))
			tt.env[k] = strings.ReplaceAll(v, "BUSYADDR", busy.Addr().String())
		}
		var out, errOut bytes.Buffer
		err := run(t.Context(), tt.args, env(tt.env), strings.NewReader(""), &out, &errOut)
		if err == nil {
			t.Errorf("%s: run succeeded, want an error", tt.name)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", tt.name, err, w)
			}
		}
		if strings.Contains(err.Error()+errOut.String(), "secret-token-value") {
			t.Errorf("%s: the token leaked into the error or the log", tt.name)
		}
	}
}

// TestGatewayUnreachable starts the bot with Discord out of reach: it keeps
// trying (and serving, were an endpoint configured) instead of exiting, says so
// in the log without the token, and stops cleanly.
func TestGatewayUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 2500*time.Millisecond)
	defer cancel()
	var errOut syncBuffer
	vars := map[string]string{"DISCORD_TOKEN": "secret-token-value", "DISCORD_API_URL": "http://127.0.0.1:1/api", "NEWSBOT_DB": filepath.Join(t.TempDir(), "n.db")}
	if err := run(ctx, nil, env(vars), strings.NewReader(""), io.Discard, &errOut); err != nil {
		t.Errorf("run = %v, want it to keep trying until stopped", err)
	}
	if got := errOut.String(); !strings.Contains(got, "gateway lookup failed") || strings.Contains(got, "secret-token-value") {
		t.Errorf("log:\n%s\nwant the retries, without the token", got)
	}
}

func TestVersion(t *testing.T) {
	out, _, err := runCmd(t, "", "", "version")
	if err != nil || !strings.HasPrefix(out, "newsbot ") {
		t.Errorf("version = %q, %v", out, err)
	}
}

func TestCheckCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "newsbot.db")
	if _, _, err := runCmd(t, db, "/help\n"); err != nil {
		t.Fatal(err)
	}
	if out, _, err := runCmd(t, db, "", "check"); err != nil || !strings.Contains(out, "sound, 1 articles read") {
		t.Errorf("check of a new archive = %q, %v", out, err)
	}
	os.WriteFile(db, []byte("not an archive at all"), 0o600)
	if _, _, err := runCmd(t, db, "", "check"); err == nil || !strings.Contains(err.Error(), "the archive is damaged") {
		t.Errorf("check of another kind of file = %v, want the archive is damaged", err)
	}
	if _, _, err := runCmd(t, db, "/help\n"); err == nil || !strings.Contains(err.Error(), "restore a backup") {
		t.Errorf("the bot on another kind of file = %v, want a refusal", err)
	}
}

// TestEvalListsReplies: eval -v lists each question with the bot's reply and
// how it counts.
func TestEvalListsReplies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "qs.jsonl")
	sentences := `["The bridge opened on Monday after two years of work.", "It cost four million pounds."]`
	lines := `{"id": "q1", "question": "When did the bridge open?", "answer": "Monday", "sentences": ` + sentences + `}
{"id": "q2", "question": "Who designed the bridge in Glasgow?", "answer": "", "sentences": ` + sentences + `}
`
	if err := os.WriteFile(path, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runEval([]string{"-v", "-rounds", "10", path}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"q1\tshown\tWhen did the bridge open?",
		"The bridge opened on Monday",
		"q2\tdeclined rightly",
		"The article doesn't say",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("eval -v output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestEvalAsksSavedPages: eval -pages reads each NAME/source.html or NAME.html
// of a folder as the bot reads a link, and question sets name it page/NAME.
func TestEvalAsksSavedPages(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	body := strings.Repeat("The council said the new bridge over the river would carry trams as well as cars and bicycles. ", 12)
	page := `<html><head><title>Bridge opens</title></head><body><nav>Home | News | Sport</nav><article><h1>Bridge opens</h1>` +
		`<p>The Riverside bridge opened on Monday after two years of work, the city council said.</p><p>` + body + `</p></article></body></html>`
	if err := os.MkdirAll(filepath.Join(pages, "bridge"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pages, "bridge", "source.html"), []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	// A page saved as NAME.html is page/NAME too.
	ferry := strings.ReplaceAll(strings.ReplaceAll(page, "bridge", "ferry"), "Monday", "Tuesday")
	if err := os.WriteFile(filepath.Join(pages, "ferry.html"), []byte(ferry), 0o600); err != nil {
		t.Fatal(err)
	}
	set := filepath.Join(dir, "qs.jsonl")
	if err := os.WriteFile(set, []byte(`{"id": "p1", "doc_id": "page/bridge", "question": "When did the bridge open?", "answer": "Monday"}`+"\n"+
		`{"id": "p3", "doc_id": "page/ferry", "question": "When did the ferry open?", "answer": "Tuesday"}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runEval([]string{"-v", "-rounds", "10", "-pages", pages, set}, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"p1\tshown\tWhen did the bridge open?", "p3\tshown\tWhen did the ferry open?"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("eval -pages output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "Home | News") {
		t.Errorf("eval -pages quoted the page's navigation:\n%s", out.String())
	}
	// A second folder with a page of the same name (go-trafilatura's mock and
	// comparison folders share one) leaves the first folder's.
	more := filepath.Join(dir, "more")
	if err := os.MkdirAll(more, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(more, "ferry.html"), []byte(strings.ReplaceAll(ferry, "Tuesday", "Friday")), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := runEval([]string{"-v", "-rounds", "10", "-pages", pages, "-pages", more, set}, &out); err != nil {
		t.Fatalf("eval with two folders sharing a page: %v", err)
	}
	if !strings.Contains(out.String(), "p3\tshown\tWhen did the ferry open?") {
		t.Errorf("eval -pages -pages read the later folder's page:\n%s", out.String())
	}
	// A set that names a page the folder does not have is an error that says so.
	if err := os.WriteFile(set, []byte(`{"id": "p2", "doc_id": "page/tunnel", "question": "When did the tunnel open?", "answer": ""}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := runEval([]string{"-rounds", "10", "-pages", pages, set}, &out); err == nil || !strings.Contains(err.Error(), `"page/tunnel"`) {
		t.Errorf("eval of a set naming a missing page = %v, want an error naming it", err)
	}
}

// TestEvalExtraction: eval -extraction reads a benchmark laid out as
// go-trafilatura's (labels in scripts/comparison/data.go, pages in
// test-files/comparison) and counts each reader's snippets: the bot keeps the
// story and drops the caption and the menu that go-readability alone keeps;
// snippets match across runs of white space.
func TestEvalExtraction(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"scripts/comparison", "test-files/comparison"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	labels := "package main\n\nvar comparisonData = map[string]ComparisonEntry{\n" +
		"\t\"https://news.example/bridge\": {\n\t\tFile: \"bridge.html\",\n" +
		"\t\tWith: []string{\"opened on  Monday\\n after two years\", \"would carry trams\"},\n" +
		"\t\tWithout: []string{\"Credit: Jane Doe\", \"Home | News | Sport\"},\n\t},\n" +
		"\t\"https://news.example/missing\": {\n\t\tFile: \"missing.html\",\n\t\tWith: []string{\"x\"},\n\t},\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "scripts/comparison/data.go"), []byte(labels), 0o600); err != nil {
		t.Fatal(err)
	}
	body := strings.Repeat("The council said the new bridge over the river would carry trams as well as cars and bicycles. ", 12)
	page := `<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>` +
		`<p>The Riverside bridge opened on Monday after two years of work, the city council said.</p>` +
		`<figure><img src="a.jpg"><figcaption>The bridge at dawn. Credit: Jane Doe</figcaption></figure><p>` + body + `</p>` +
		`<p>Home | News | Sport</p></article></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "test-files/comparison/bridge.html"), []byte(page), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := runEval([]string{"-extraction", dir}, &out); err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Fields(line)
		if len(f) > 5 && f[0] == "all" {
			rows[f[1]] = strings.Join(f[2:6], " ")
		}
	}
	// pages, refused, with found, without kept
	if got, want := rows["newsbot"], "1 0 2/2 0/2"; got != want {
		t.Errorf("newsbot row = %q, want %q\n%s", got, want, out.String())
	}
	if got, want := rows["go-readability"], "1 0 2/2 2/2"; got != want {
		t.Errorf("go-readability row = %q, want %q\n%s", got, want, out.String())
	}
	if err := runEval([]string{"-extraction", t.TempDir()}, &out); err == nil {
		t.Error("eval -extraction of a folder without labels succeeded")
	}
}
