package digest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsbot/bot/reply"
	"newsbot/store"
	"newsbot/summarize"
	"newsbot/summarize/modeltest"
)

// TestDigestResumeSendsWhatWasRendered fails a digest's second message with a
// 500 and lets a model that words its summaries differently on every call write
// them; the retry must send the messages rendered at the start, so that every
// article is posted exactly once.
func TestDigestResumeSendsWhatWasRendered(t *testing.T) {
	var call atomic.Int64
	first := regexp.MustCompile(`(?m)^\[1\] (.*)$`)
	model := modeltest.New(t, func(_ int, w http.ResponseWriter, _ *http.Request, req modeltest.Request) {
		m := first.FindStringSubmatch(req.Messages[len(req.Messages)-1].Content)
		if m == nil {
			http.Error(w, "no sentence 1", 400)
			return
		}
		// Every call words it differently, yet grounded: the sentence with one of
		// four adverbs after it.
		adverb := []string{"indeed", "truly", "really", "surely"}[call.Add(1)%4]
		modeltest.Completion(w, fmt.Sprintf("- %s %s [1]", strings.TrimSuffix(m[1], "."), adverb))
	})
	st, err := store.Open(filepath.Join(t.TempDir(), "digest.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	llm, err := summarize.NewOpenAI(summarize.OpenAIConfig{BaseURL: model.URL, Model: "test-model"})
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	// No cache: every rendering asks the model again and gets other words.
	sum := summarize.New(summarize.Options{Model: llm, ModelName: "test-model", Timeout: 5 * time.Second, Log: log})
	dg := New(st, log, func(ctx context.Context, _ string, a store.Article) string {
		s, err := sum.Summarize(ctx, sum.Doc(a.Title, a.Text), summarize.Short, summarize.Call{})
		if err != nil {
			t.Errorf("summarize %d: %v", a.ID, err)
		}
		return strings.Join(s.Sentences, " ")
	})

	ctx := t.Context()
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	var batch []store.Article
	for i := range 40 {
		var words []string
		for j := range 30 {
			words = append(words, fmt.Sprintf("w%dx%d", i, j))
		}
		batch = append(batch, store.Article{
			Title: fmt.Sprintf("Story number %d", i),
			Text:  fmt.Sprintf("Story %d begins with %s. ", i, strings.Join(words, " ")) + strings.Repeat(fmt.Sprintf("It goes on about %d at some length for the readers. ", i), 30),
			Added: now.Add(-time.Hour),
		})
	}
	if _, err := st.Add(ctx, store.Grant{Scope: "g1", News: true}, batch...); err != nil {
		t.Fatal(err)
	}
	st.UpdateSettings(ctx, "g1", func(s *store.Settings) { s.DigestStories = 25 }) // room for more than one message
	st.UpdateDigestSettings(ctx, "g1", func(d *store.DigestSettings) error {
		d.ChannelID, d.Time, d.Zone, d.Enabled, d.Since = "900", "08:00", "UTC", true, now.Add(-24*time.Hour)
		return nil
	})

	p := &poster{fail: func(call int) error {
		if call == 2 {
			return errors.New("Discord said 500 Internal Server Error")
		}
		return nil
	}}
	dg.tick(ctx, p, now)
	if n := len(p.messages()); n != 1 {
		t.Fatalf("first attempt created %d messages, want 1 (the second failed)", n)
	}
	if got := fmt.Sprint(p.messages()[0].msg); !strings.Contains(got, "w39x29 truly") {
		t.Fatalf("the digest's summaries are not the model's:\n%.500s", got)
	}
	callsAfterFirst := call.Load()
	dg.tick(ctx, p, now.Add(5*time.Minute))
	msgs := p.messages()
	if len(msgs) < 2 {
		t.Fatalf("after the retry %d messages, want the whole digest (at least 2)", len(msgs))
	}
	if call.Load() != callsAfterFirst {
		t.Errorf("the retry asked the model %d more times; the messages were rendered already", call.Load()-callsAfterFirst)
	}
	seen := map[string]int{}
	for _, m := range msgs {
		for _, id := range articleIDs(m) {
			seen[id]++
		}
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("article %s posted %d times, want once", id, n)
		}
	}
	if len(seen) == 0 {
		t.Error("no article found in the posted digest")
	}
	run, err := st.DigestRun(ctx, "g1", "2026-12-03")
	if err != nil || run.State != store.DigestPosted || len(run.MessageIDs) != len(msgs) {
		t.Errorf("run = %+v, %v; want posted with %d messages", run, err, len(msgs))
	}
}

// poster records the messages a digest creates; fail may fail a call before
// anything is created.
type poster struct {
	mu      sync.Mutex
	created []posted
	calls   int
	fail    func(call int) error
}

type posted struct {
	channel, nonce string
	msg            reply.Reply
}

func (p *poster) Post(_ context.Context, channel string, msg reply.Reply, nonce string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls++
	if p.fail != nil {
		if err := p.fail(p.calls); err != nil {
			return "", err
		}
	}
	p.created = append(p.created, posted{channel, nonce, msg})
	return fmt.Sprint("m", len(p.created)), nil
}

func (p *poster) messages() []posted {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.created)
}

// articleIDs lists the articles a digest message names: its fields' and its
// title list's "(ID n)".
func articleIDs(m posted) []string {
	var ids []string
	for _, e := range m.msg.Embeds {
		for _, f := range e.Fields {
			if i := strings.LastIndex(f.Name, "(ID "); i >= 0 {
				ids = append(ids, strings.TrimSuffix(f.Name[i+4:], ")"))
			}
		}
		for _, line := range strings.Split(e.Description, "\n") {
			if i := strings.LastIndex(line, "(ID "); i >= 0 {
				ids = append(ids, strings.TrimSuffix(line[i+4:], ")"))
			}
		}
	}
	return ids
}
