package discord

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"newsbot/bot/discord/discordtest"
	"newsbot/bot/reply"
)

// TestShards: when Discord recommends two shards, the bot opens both in one
// process, each identifying with its [shard, count], answers an interaction
// that arrives on either, and is healthy once both are up.
func TestShards(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	fake := discordtest.NewServer(t)
	fake.Shards = 2
	g := newGated(reply.Reply{Content: "done"})
	close(g.gate)
	a := newGateway(t, fake, g, Options{})
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.RunGateway(runCtx) }()

	fake.WaitSession(ctx, 1)
	fake.WaitSession(ctx, 2)
	var shards []string
	for _, c := range fake.Connections() {
		shards = append(shards, fmt.Sprint(c.Shard))
	}
	slices.Sort(shards)
	if got := strings.Join(shards, " "); got != "[0 2] [1 2]" {
		t.Errorf("IDENTIFY shards %s, want [0 2] [1 2]", got)
	}
	for shard, id := range []string{"71", "72"} {
		fake.DispatchShard(shard, "INTERACTION_CREATE", fake.Command(id, discordtest.InGuild, "help"))
		fake.WaitRequest(ctx, "callback on shard "+fmt.Sprint(shard), func(r discordtest.Request) bool {
			return strings.Contains(r.Path, "/interactions/"+id+"/")
		})
	}
	fake.WaitRequest(ctx, "registration", func(r discordtest.Request) bool { return r.Method == "PUT" })
	for a.Health() != "" && ctx.Err() == nil {
		fake.WaitHeartbeat(ctx) // something to wait on while registration lands
	}
	if why := a.Health(); why != "" {
		t.Errorf("health %q with both shards up, want ok", why)
	}
	stop()
	if err := <-done; err != nil {
		t.Errorf("RunGateway = %v, want nil", err)
	}
}

// TestShardCountWrong: a shard count Discord rejects (4010 on IDENTIFY) stops
// every shard with an error that says so.
func TestShardCountWrong(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	fake := discordtest.NewServer(t)
	fake.Shards = 2
	a := newGateway(t, fake, newGated(reply.Reply{}), Options{Shards: 3})
	err := a.RunGateway(ctx)
	if err == nil || !strings.Contains(err.Error(), "4010") || !strings.Contains(err.Error(), "invalid shard") {
		t.Errorf("RunGateway = %v, want the 4010 invalid shard error", err)
	}
}

// TestSessionStartLimit: with the day's IDENTIFYs used up, the bot waits for
// reset_after before connecting, and says so in /healthz meanwhile.
func TestSessionStartLimit(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	fake := discordtest.NewServer(t)
	lookups := 0
	var sawWaiting atomic.Bool
	var a *Adapter
	fake.Respond = func(r discordtest.Request) (int, any, bool) {
		if !strings.HasSuffix(r.Path, "/gateway/bot") {
			return 0, nil, false
		}
		lookups++
		if lookups == 1 {
			return 200, map[string]any{"url": "ws://unused.invalid/", "shards": 1,
				"session_start_limit": map[string]any{"total": 1000, "remaining": 0, "reset_after": 200, "max_concurrency": 1}}, true
		}
		sawWaiting.Store(strings.Contains(a.Health(), "logins are used"))
		return 0, nil, false
	}
	a = newGateway(t, fake, newGated(reply.Reply{}), Options{})
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- a.RunGateway(runCtx) }()
	fake.WaitSession(ctx, 1)
	stop()
	<-done
	if lookups != 2 || !sawWaiting.Load() {
		t.Errorf("%d lookups, waiting reported %v; want 2 lookups and the wait reported", lookups, sawWaiting.Load())
	}
}
