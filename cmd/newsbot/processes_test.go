package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"newsbot/bot/discord/discordtest"
	"newsbot/store"
	"newsbot/store/storetest"
	"newsbot/summarize/text"
)

// TestMain lets the test binary be a bot process of its own: the processes
// TestProcessesShareOneArchive starts run this binary with
// NEWSBOT_TEST_PROCESS=1, which makes it newsbot's main.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSBOT_TEST_PROCESS") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// botProcess is newsbot running as a process of its own.
type botProcess struct {
	name string
	cmd  *exec.Cmd
	logs *syncBuffer
	done chan struct{}
}

// startProcess runs newsbot as a separate process with the given environment
// (and the test's own PATH and HOME), ended when the test ends.
func startProcess(t *testing.T, name string, vars map[string]string) *botProcess {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = []string{"NEWSBOT_TEST_PROCESS=1", "PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "LOG_LEVEL=debug"}
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	p := &botProcess{name: name, cmd: cmd, logs: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = io.Discard, p.logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-p.done:
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			<-p.done
		}
		if t.Failed() {
			t.Logf("%s's log:\n%s", name, p.logs.String())
		}
	})
	return p
}

// kill ends the process at once, as a crash or kill -9 would.
func (p *botProcess) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-p.done
}

// TestProcessesShareOneArchive runs three newsbot processes on one
// PostgreSQL archive against the fake Discord — gateway shards 0 and 1 of 2,
// and an HTTP-interactions replica — and checks what a user would see:
// every command is answered by whichever process gets it, from the same
// archive; each server's digest is posted once, even when the process
// posting it is killed in the middle (another finishes it); a due feed is
// polled once, not once per process.
func TestProcessesShareOneArchive(t *testing.T) {
	dsn := storetest.Postgres(t)
	if dsn == "" {
		return
	}
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	A, memberA, B := discordtest.Admin, discordtest.InGuild, discordtest.OtherAdmin
	chanA, chanB := "900000000000000001", "900000000000000002"

	// A site with an article page and a feed that counts its polls.
	site := tenancySite(t)
	var feedPolls atomic.Int64
	feedSite := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		feedPolls.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Tide Tables</title><link>https://tides.example/</link>
<item><title>Spring tides flood the quay</title><guid>tide-1</guid><link>https://tides.example/1</link>
<description>`+strings.Repeat("Spring tides flooded the quay at Port Ellis on Sunday morning, and the harbour master closed the slipway until the water went down. ", 4)+`</description></item>
</channel></rss>`)
	}))
	t.Cleanup(feedSite.Close)

	// The archive as the servers left it: each has news waiting for a digest
	// that is due, and server A follows a feed that is due.
	st, err := store.Open(dsn, store.Options{Terms: text.Terms})
	if err != nil {
		t.Fatal(err)
	}
	for guild, title := range map[string]string{A.GuildID: "Lighthouse keeper retires", B.GuildID: "Bridge repairs begin"} {
		_, err := st.Add(ctx, store.Grant{Scope: guild, News: true}, store.Article{Title: title,
			Text: title + " after forty years. " + strings.Repeat("The town gathered on the pier to mark the day, and the council thanked everyone involved. ", 3)})
		if err != nil {
			t.Fatal(err)
		}
	}
	dueNow(t, st, map[string]string{A.GuildID: chanA, B.GuildID: chanB})
	now := time.Now()
	feed, err := st.AddFeed(ctx, store.Feed{GuildID: A.GuildID, URL: feedSite.URL + "/tides.xml", Title: "Tide Tables", Added: now, LastPolled: now.Add(-time.Hour), NextPoll: now})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	// Discord: two shards; the first post of server A's digest is held until
	// the test has killed the process that sent it.
	heldPost, releasePost := make(chan struct{}), make(chan struct{})
	var held atomic.Bool
	fake := discordtest.NewServer(t, func(s *discordtest.Server) {
		s.Shards = 2
		s.Respond = func(r discordtest.Request) (int, any, bool) {
			if r.Method == "POST" && strings.HasSuffix(r.Path, "/channels/"+chanA+"/messages") && held.CompareAndSwap(false, true) {
				close(heldPost)
				<-releasePost
			}
			return 0, nil, false
		}
	})
	pub, priv, _ := ed25519.GenerateKey(nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	common := map[string]string{"NEWSBOT_DB": dsn, "DISCORD_API_URL": fake.URL, "NEWSBOT_ALLOW_PRIVATE": "1", "NEWSBOT_LEASE_TTL": "5s"}
	with := func(more map[string]string) map[string]string {
		out := maps.Clone(common)
		maps.Copy(out, more)
		return out
	}
	token := strings.TrimPrefix(fake.Token, "Bot ")
	shards := []*botProcess{
		startProcess(t, "shard 0", with(map[string]string{"DISCORD_TOKEN": token, "DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_ID": "0"})),
		startProcess(t, "shard 1", with(map[string]string{"DISCORD_TOKEN": token, "DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_ID": "1"})),
	}
	replica := startProcess(t, "HTTP replica", with(map[string]string{"DISCORD_PUBLIC_KEY": hex.EncodeToString(pub), "NEWSBOT_ADDR": addr}))
	for _, p := range append(shards, replica) {
		p.logs.waitFor(ctx, t, "level=INFO msg=") // started and logging
	}
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	for _, p := range shards {
		p.logs.waitFor(ctx, t, "connected to the gateway")
	}

	// Commands, each to another process, all reading and writing the one archive.
	sendHTTP := func(id string, where discordtest.Where, command string, opts ...map[string]any) string {
		t.Helper()
		body, _ := json.Marshal(fake.Command(id, where, command, opts...))
		req, _ := http.NewRequestWithContext(ctx, "POST", "http://"+addr+"/interactions", bytes.NewReader(body))
		req.Header = discordtest.Sign(priv, body, time.Now())
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var cb callback
		if err := json.NewDecoder(resp.Body).Decode(&cb); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if cb.Type == 5 {
			_, text := reply(ctx, t, fake, id)
			return text
		}
		return cb.text()
	}
	sendShard := func(shard int, id string, where discordtest.Where, command string, opts ...map[string]any) string {
		t.Helper()
		fake.DispatchShard(shard, "INTERACTION_CREATE", fake.Command(id, where, command, opts...))
		_, text := reply(ctx, t, fake, id)
		return text
	}
	opt, sub := discordtest.Opt, discordtest.Sub
	steps := []struct {
		via  string // "0", "1" or "http"
		id   string
		send func() string
		want string
	}{
		{"0", "p1", func() string { return sendShard(0, "p1", A, "add", opt("url", site.URL+"/ferry")) }, "Added: “Ferry strike ends in Northport”"},
		{"1", "p2", func() string { return sendShard(1, "p2", memberA, "search", opt("query", "ferry strike")) }, "Ferry strike ends in Northport"},
		{"http", "p3", func() string {
			return sendHTTP("p3", memberA, "summarize", opt("article", "Ferry strike"))
		}, "Ferry crews in Northport"},
		{"1", "p4", func() string { return sendShard(1, "p4", A, "feed", sub("list")) }, "Tide Tables"},
		{"http", "p5", func() string { return sendHTTP("p5", B, "search", opt("query", "ferry strike")) }, "Nothing in the archive matches"},
	}
	for _, s := range steps {
		if got := s.send(); !strings.Contains(got, s.want) {
			t.Errorf("%s via %s: reply lacks %q:\n%s", s.id, s.via, s.want, got)
		}
	}
	// An interaction a shard answered, replayed to the replica, is refused
	// there: the processes share what they answered.
	body, _ := json.Marshal(fake.Command("p2", memberA, "search", opt("query", "ferry strike")))
	req, _ := http.NewRequestWithContext(ctx, "POST", "http://"+addr+"/interactions", bytes.NewReader(body))
	req.Header = discordtest.Sign(priv, body, time.Now())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("shard 1's interaction replayed to the replica: %s, want 409", resp.Status)
	}

	// Server A's digest: the process posting it is killed while its first
	// message is on the way; another process takes the digest over.
	select {
	case <-heldPost:
	case <-ctx.Done():
		t.Fatal("server A's digest was never posted")
	}
	postsToA := func() int {
		n := 0
		for _, r := range fake.Requests() {
			if r.Method == "POST" && strings.HasSuffix(r.Path, "/channels/"+chanA+"/messages") {
				n++
			}
		}
		return n
	}
	if n := postsToA(); n != 0 {
		t.Errorf("while one process posts server A's digest, another posted it too (%d posts answered)", n)
	}
	holder := leaseHolder(ctx, t, dsn, "digest/"+A.GuildID)
	var killed *botProcess
	for _, p := range shards {
		if strings.Contains(holder, fmt.Sprintf("/%d/", p.cmd.Process.Pid)) {
			killed = p
		}
	}
	if killed == nil {
		t.Fatalf("the digest's lease is held by %q, none of the shards", holder)
	}
	killed.kill(t)
	close(releasePost) // the post the killed process sent arrives after all
	t.Logf("killed %s, which was posting server A's digest", killed.name)

	st, err = store.Open(dsn, store.Options{Terms: text.Terms})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	date := time.Now().UTC().Format("2006-01-02")
	for _, guild := range []string{A.GuildID, B.GuildID} {
		waitUntil(ctx, t, "the digest of "+guild+" posted", func() bool {
			run, err := st.DigestRun(ctx, guild, date)
			return err == nil && run.State == store.DigestPosted
		})
	}
	posted := map[string][]string{}
	for _, m := range fake.Messages() {
		posted[fmt.Sprint(m["channel_id"])] = append(posted[fmt.Sprint(m["channel_id"])], fmt.Sprint(m["embeds"]))
	}
	for channel, want := range map[string]string{chanA: "Lighthouse keeper retires", chanB: "Bridge repairs begin"} {
		if len(posted[channel]) != 1 || !strings.Contains(posted[channel][0], want) {
			t.Errorf("channel %s got %d messages, want one digest naming %q:\n%v", channel, len(posted[channel]), want, posted[channel])
		}
	}
	if posts := postsToA(); posts != 2 {
		t.Errorf("server A's digest was sent %d times, want twice (the killed process's post, and the same message again by the one that took over, which Discord's nonce made one)", posts)
	}

	// The survivors answer on.
	survivor := 1
	if killed == shards[1] {
		survivor = 0
	}
	if got := sendShard(survivor, "p6", memberA, "summarize", opt("article", "Lighthouse")); !strings.Contains(got, "Lighthouse keeper retires") {
		t.Errorf("the surviving shard's /summarize:\n%s", got)
	}
	if got := sendHTTP("p7", memberA, "search", opt("query", "spring tides quay")); !strings.Contains(got, "Spring tides flood the quay") {
		t.Errorf("the replica's /search does not find the feed's article:\n%s", got)
	}

	// The feed was due once while three processes polled: one fetch.
	f, err := st.Feed(ctx, feed.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := feedPolls.Load(); n != 1 || f.Articles != 1 {
		t.Errorf("the feed was fetched %d times and brought %d articles, want one poll and one article", n, f.Articles)
	}
}

// leaseHolder reads who holds a lease in the archive: host/PID/random.
func leaseHolder(ctx context.Context, t *testing.T, dsn, name string) string {
	t.Helper()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var holder string
	if err := conn.QueryRow(ctx, "SELECT holder FROM leases WHERE name = $1", name).Scan(&holder); err != nil {
		t.Fatalf("lease %s: %v", name, err)
	}
	if _, err := strconv.Atoi(strings.Split(holder, "/")[1]); err != nil {
		t.Fatalf("lease holder %q names no process", holder)
	}
	return holder
}

// waitUntil checks cond every 50 ms until it holds, or fails the test when
// ctx ends: for state another process writes, which nothing here is told of.
func waitUntil(ctx context.Context, t *testing.T, what string, cond func() bool) {
	t.Helper()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("waiting for %s: %v", what, ctx.Err())
		case <-tick.C:
		}
	}
}
