package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"newsbot/bot/digest"
	"newsbot/bot/reply"
	"newsbot/store"
	"newsbot/summarize"
)

// fakePoster records the messages a digest creates and, like Discord with
// enforce_nonce, returns the existing message for a nonce it has seen.
type fakePoster struct {
	mu       sync.Mutex
	created  []postedMessage
	byNonce  map[string]string
	calls    int
	failWith func(call int) error // may fail a call before anything is created
	after    func(call int)       // runs after a message is created
}

type postedMessage struct {
	channel, nonce, id string
	at                 time.Time
	msg                reply.Reply
}

func (p *fakePoster) Post(ctx context.Context, channel string, msg reply.Reply, nonce string) (string, error) {
	p.mu.Lock()
	p.calls++
	call := p.calls
	if p.failWith != nil {
		if err := p.failWith(call); err != nil {
			p.mu.Unlock()
			return "", err
		}
	}
	if id, ok := p.byNonce[nonce]; ok {
		p.mu.Unlock()
		return id, nil
	}
	if p.byNonce == nil {
		p.byNonce = map[string]string{}
	}
	id := fmt.Sprint("m", len(p.created)+1)
	p.byNonce[nonce] = id
	p.created = append(p.created, postedMessage{channel, nonce, id, time.Now(), msg})
	after := p.after
	p.mu.Unlock()
	if after != nil {
		after(call)
		if ctx.Err() != nil {
			return "", ctx.Err() // the bot "crashed" before hearing back
		}
	}
	return id, nil
}

func (p *fakePoster) messages() []postedMessage {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.created)
}

// articleIDs lists the articles a posted digest message names.
func articleIDs(m postedMessage) []string {
	var ids []string
	for _, e := range m.msg.Embeds {
		for _, f := range e.Fields {
			if i := strings.LastIndex(f.Name, "(ID "); i >= 0 {
				ids = append(ids, strings.TrimSuffix(f.Name[i+4:], ")"))
			}
		}
	}
	return ids
}

// startDigests runs the bot's digest loop until the returned stop is called.
func startDigests(b *Bot, p digest.Poster) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		b.RunDigests(ctx, p)
		close(done)
	}()
	return func() {
		cancel()
		<-done
	}
}

func setDigest(t *testing.T, b *Bot, guild, clock, zone string) {
	t.Helper()
	r := b.Handle(t.Context(), Request{Command: "digest set", GuildID: guild, CanManage: true,
		Options: map[string]string{"channel": "<#900>", "time": clock, "timezone": zone}})
	if !strings.Contains(r.Content, "Daily digest set") {
		t.Fatalf("/digest set: %s", text(r))
	}
}

func addArticle(t *testing.T, st *store.Store, title string) {
	t.Helper()
	if _, err := st.Add(t.Context(), store.Grant{Scope: "g1", News: true}, store.Article{Title: title, Text: title + " was reported today."}); err != nil {
		t.Fatal(err)
	}
}

func TestDigestTwoDays(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b, st := newBot(t) // the seed is added now, 2000-01-01 00:00 UTC
		setDigest(t, b, "g1", "09:00", "")
		p := &fakePoster{}
		stop := startDigests(b, p)

		time.Sleep(6 * time.Hour)
		addArticle(t, st, "Morning news") // 06:00, before the first digest
		time.Sleep(14 * time.Hour)
		addArticle(t, st, "Evening news") // 20:00, for the second
		time.Sleep(28 * time.Hour)        // to 2000-01-03 00:00
		stop()

		msgs := p.messages()
		if len(msgs) != 2 {
			t.Fatalf("posted %d digests in 48 hours, want 2: %+v", len(msgs), msgs)
		}
		wantAt := []string{"2000-01-01 09:00", "2000-01-02 09:00"}
		wantIDs := [][]string{{"2"}, {"3"}} // not the seed: the library is not news here
		for i, m := range msgs {
			if got := m.at.UTC().Format("2006-01-02 15:04"); got != wantAt[i] || m.channel != "900" {
				t.Errorf("digest %d posted at %s in %s, want %s in 900", i+1, got, m.channel, wantAt[i])
			}
			if got := articleIDs(m); !slices.Equal(got, wantIDs[i]) {
				t.Errorf("digest %d names articles %v, want %v (newest first)", i+1, got, wantIDs[i])
			}
		}
		status := text(b.Handle(t.Context(), Request{Command: "digest status", GuildID: "g1", CanManage: true}))
		for _, want := range []string{"<#900> every day at 09:00 UTC", "posted 1 story in 1 message on 2000-01-02", "Mon Jan 3 09:00 UTC (in 9 h)"} {
			if !strings.Contains(status, want) {
				t.Errorf("status lacks %q:\n%s", want, status)
			}
		}
	})
}

func TestDigestNothingNew(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b, st := newBot(t)
		addArticle(t, st, "Harbour reopens")
		setDigest(t, b, "g1", "09:00", "UTC")
		p := &fakePoster{}
		stop := startDigests(b, p)
		time.Sleep(72 * time.Hour)
		stop()
		if n := len(p.messages()); n != 1 {
			t.Errorf("posted %d digests, want 1 (the article, then nothing new)", n)
		}
		status := text(b.Handle(t.Context(), Request{Command: "digest status", GuildID: "g1", CanManage: true}))
		if !strings.Contains(status, "nothing new on 2000-01-03, nothing posted") {
			t.Errorf("status does not say nothing was new:\n%s", status)
		}
	})
}

func TestDigestSetEarlierIsDueTomorrow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b, st := newBot(t)
		time.Sleep(10 * time.Hour) // 10:00
		setDigest(t, b, "g1", "09:00", "UTC")
		addArticle(t, st, "After the setting")
		p := &fakePoster{}
		stop := startDigests(b, p)
		time.Sleep(22*time.Hour + 59*time.Minute) // 08:59 the next day
		if n := len(p.messages()); n != 0 {
			t.Errorf("a time earlier than now posted %d digests the same day, want 0", n)
		}
		time.Sleep(2 * time.Minute)
		stop()
		if n := len(p.messages()); n != 1 {
			t.Errorf("posted %d digests by 09:01 the next day, want 1", n)
		}
	})
}

// TestDigestDST posts a digest every day across both changes of the clocks in
// two zones, with a new article every day, and checks that every local date got
// exactly one.
func TestDigestDST(t *testing.T) {
	tests := []struct {
		zone, clock string
		from, to    string // UTC dates to run between
		special     string // the local date of the clock change
		specialAt   string // when the digest is due that day, local
	}{
		{"Europe/Berlin", "02:30", "2000-03-20", "2000-04-02", "2000-03-26", "03:30 CEST"}, // 02:30 does not exist
		{"Europe/Berlin", "02:30", "2000-10-23", "2000-11-05", "2000-10-29", "02:30 CEST"}, // 02:30 happens twice
		{"America/New_York", "02:30", "2000-03-27", "2000-04-09", "2000-04-02", "03:30 EDT"},
		{"America/New_York", "01:30", "2000-10-23", "2000-11-05", "2000-10-29", "01:30 EDT"}, // 01:30 happens twice
	}
	for _, tt := range tests {
		t.Run(tt.zone+"/"+tt.special, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				b, st := newBot(t)
				from, _ := time.Parse("2006-01-02", tt.from)
				to, _ := time.Parse("2006-01-02", tt.to)
				time.Sleep(time.Until(from))
				setDigest(t, b, "g1", tt.clock, tt.zone)
				p := &fakePoster{}
				stop := startDigests(b, p)
				for day := 0; time.Now().Before(to); day++ {
					addArticle(t, st, fmt.Sprint("Day ", day))
					time.Sleep(24 * time.Hour)
				}
				stop()

				loc, _ := time.LoadLocation(tt.zone)
				perDate := map[string]int{}
				for _, m := range p.messages() {
					date := m.at.In(loc).Format("2006-01-02")
					perDate[date]++
					if at := m.at.In(loc).Format("15:04 MST"); date == tt.special && at != tt.specialAt {
						t.Errorf("on %s the digest posted at %s, want %s", date, at, tt.specialAt)
					}
				}
				days := int(to.Sub(from).Hours() / 24)
				if len(perDate) < days-1 {
					t.Errorf("digests on %d local dates over %d days: %v", len(perDate), days, perDate)
				}
				for date, n := range perDate {
					if n != 1 {
						t.Errorf("%s: %d digests, want 1", date, n)
					}
				}
				if perDate[tt.special] != 1 {
					t.Errorf("the day the clocks change (%s) got %d digests, want 1; dates: %v", tt.special, perDate[tt.special], slices.Sorted(maps.Keys(perDate)))
				}
			})
		})
	}
}

func TestDigestRestartCatchesUpOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b, st := newBot(t)
		addArticle(t, st, "Harbour reopens")
		setDigest(t, b, "g1", "09:00", "UTC")
		p := &fakePoster{}
		stop := startDigests(b, p)
		time.Sleep(10 * time.Hour) // day 1 posted at 09:00
		stop()

		addArticle(t, st, "While the bot was down")
		time.Sleep(49 * time.Hour) // down through the 09:00 of days 2 and 3; now day 3 11:00
		b2 := New(st, b.sum, b.log)
		stop = startDigests(b2, p)
		time.Sleep(time.Hour)
		stop()

		msgs := p.messages()
		if len(msgs) != 2 {
			t.Fatalf("posted %d digests, want 2 (day 1, then one catch-up)", len(msgs))
		}
		if at := msgs[1].at.UTC().Format("2006-01-02 15:04"); at != "2000-01-03 11:00" || !slices.Equal(articleIDs(msgs[1]), []string{"3"}) {
			t.Errorf("catch-up posted at %s with %v, want right at restart (2000-01-03 11:00) with article 3", at, articleIDs(msgs[1]))
		}
	})
}

func TestDigestCrashAfterSend(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b, st := newBot(t)
		addArticle(t, st, "Harbour reopens")
		setDigest(t, b, "g1", "09:00", "UTC")
		ctx, crash := context.WithCancel(context.Background())
		p := &fakePoster{after: func(call int) {
			if call == 1 {
				crash() // Discord created the message; the bot dies before recording it
			}
		}}
		done := make(chan struct{})
		go func() {
			b.RunDigests(ctx, p)
			close(done)
		}()
		time.Sleep(10 * time.Hour)
		<-done

		run, err := st.DigestRun(t.Context(), "g1", "2000-01-01")
		if err != nil || run.State != store.DigestPosting {
			t.Fatalf("after the crash the run is %+v, %v; want it still posting", run, err)
		}
		b2 := New(st, b.sum, b.log)
		stop := startDigests(b2, p)
		synctest.Wait()
		stop()
		if n := len(p.messages()); n != 1 {
			t.Errorf("%d messages created, want 1: the resend carried the same nonce", n)
		}
		if run, _ := st.DigestRun(t.Context(), "g1", "2000-01-01"); run.State != store.DigestPosted || len(run.MessageIDs) != 1 {
			t.Errorf("run after restart = %+v, want posted with one message", run)
		}
	})
}

func TestDigestRetriesServerErrors(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b, st := newBot(t)
		addArticle(t, st, "Harbour reopens")
		setDigest(t, b, "g1", "09:00", "UTC")
		p := &fakePoster{failWith: func(call int) error {
			if call <= 2 {
				return errors.New("Discord said 500 Internal Server Error")
			}
			return nil
		}}
		stop := startDigests(b, p)
		time.Sleep(10 * time.Hour)
		stop()
		msgs := p.messages()
		if len(msgs) != 1 || p.calls != 3 {
			t.Fatalf("%d messages after %d calls, want 1 after 3", len(msgs), p.calls)
		}
		if at := msgs[0].at.UTC().Format("15:04"); at != "09:03" {
			t.Errorf("posted at %s, want 09:03 (retries after 1 and 2 minutes)", at)
		}
		run, _ := st.DigestRun(t.Context(), "g1", "2000-01-01")
		if run.State != store.DigestPosted || run.Attempts != 2 {
			t.Errorf("run = %+v, want posted after 2 failed attempts", run)
		}
	})
}

func TestDigestPausesWhenForbidden(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b, st := newBot(t)
		addArticle(t, st, "Harbour reopens")
		setDigest(t, b, "g1", "09:00", "UTC")
		p := &fakePoster{failWith: func(int) error { return fmt.Errorf("%w: Discord said 403 Forbidden", digest.ErrCannotPost) }}
		stop := startDigests(b, p)
		time.Sleep(72 * time.Hour)
		stop()
		if p.calls != 1 {
			t.Errorf("Post called %d times, want 1: a 403 pauses the digest", p.calls)
		}
		status := text(b.Handle(t.Context(), Request{Command: "digest status", GuildID: "g1", CanManage: true}))
		if !strings.Contains(status, "paused") || !strings.Contains(status, "403 Forbidden") {
			t.Errorf("status does not show the pause and its reason:\n%s", status)
		}

		// /digest set again resumes it.
		p.failWith = nil
		setDigest(t, b, "g1", "09:00", "UTC")
		stop = startDigests(b, p)
		time.Sleep(24 * time.Hour)
		stop()
		if n := len(p.messages()); n != 1 {
			t.Errorf("after /digest set again: %d digests, want 1", n)
		}
	})
}

func TestDigestOff(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b, st := newBot(t)
		addArticle(t, st, "Harbour reopens")
		setDigest(t, b, "g1", "09:00", "UTC")
		r := b.Handle(t.Context(), Request{Command: "digest off", GuildID: "g1", CanManage: true})
		if !strings.Contains(r.Content, "is off") {
			t.Errorf("/digest off = %s", text(r))
		}
		p := &fakePoster{}
		stop := startDigests(b, p)
		time.Sleep(48 * time.Hour)
		stop()
		if len(p.messages()) != 0 {
			t.Errorf("a digest that is off posted %d messages", len(p.messages()))
		}
	})
}

// TestDigestSetInAnotherProcess: on a shared archive the digest loop of one
// process (here a second Bot on the same Store) posts a digest set through
// another, which cannot wake it, within a minute or two of its time — not at
// its next hourly look, as a loop alone on its archive may.
func TestDigestSetInAnotherProcess(t *testing.T) {
	for _, shared := range []bool{true, false} {
		t.Run(fmt.Sprint("shared=", shared), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				replica, st := newBot(t) // 2000-01-01 00:00 UTC
				shard := New(st, summarize.New(summarize.Options{}), slog.New(slog.DiscardHandler))
				if shared {
					shard.Shared(time.Minute)
				}
				time.Sleep(30 * time.Second)
				p := &fakePoster{}
				stop := startDigests(shard, p) // looks at 00:00:30
				time.Sleep(9 * time.Hour)      // 09:00:30
				addArticle(t, st, "Harbour reopens")
				setDigest(t, replica, "g1", "09:02", "UTC")
				time.Sleep(2 * time.Hour)
				stop()
				msgs := p.messages()
				if len(msgs) != 1 {
					t.Fatalf("posted %d digests, want 1", len(msgs))
				}
				late := msgs[0].at.Sub(time.Date(2000, 1, 1, 9, 2, 0, 0, time.UTC))
				if shared && late > 2*time.Minute || !shared && late < 30*time.Minute {
					t.Errorf("posted %s after its time, want within 2 minutes on a shared archive (and, alone, at the next hourly look)", late)
				}
			})
		})
	}
}
