// Command newsbot runs the news bot and its tools.
//
//	newsbot                          run the bot (console mode without DISCORD_TOKEN)
//	newsbot ingest PATH|-            add articles from files, folders, JSONL or stdin
//	newsbot batch summarize [-sentences N]   JSONL in, summaries out
//	newsbot batch ask                JSONL in, answers out
//	newsbot eval FILE.jsonl ...      measure summaries and answers on evaluation sets
//	newsbot check                    read the whole archive and report damage
//	newsbot version
//
// Configuration comes from the environment; see the README.
package main

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"syscall"
	"time"
	_ "time/tzdata" // digests keep their time zones on machines without zoneinfo

	"newsbot/bot"
	"newsbot/bot/console"
	"newsbot/bot/discord"
	"newsbot/bot/ingest"
	"newsbot/seeds"
	"newsbot/store"
	"newsbot/summarize"
	"newsbot/summarize/text"

	"golang.org/x/net/netutil"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// A second signal kills the process the usual way.
	context.AfterFunc(ctx, stop)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "newsbot:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  newsbot                                 run the bot (console mode unless DISCORD_TOKEN is set)
  newsbot ingest PATH|-  ...              add articles from files, folders, JSONL or stdin
  newsbot batch summarize [-sentences N]  JSONL {"id","title"?,"text"} in, {"id","summary"} out
  newsbot batch ask                       JSONL {"id","title"?,"text","question"} in, answers out
  newsbot eval [-rounds N] [-corpus FILE]... [-pages DIR]... [-v] FILE.jsonl ...
                                          ROUGE and QA accuracy beside Lead-3 and BM25;
                                          -corpus: articles question sets name by ID;
                                          -pages: saved pages (NAME/source.html or NAME.html), page/NAME
  newsbot eval -extraction DIR [-half dev|held-out] [-v]
                                          how the bot reads go-trafilatura's labelled pages
                                          (DIR: the module's folder) beside go-readability alone
  newsbot scale [-n 100000] [-dir DIR]    build a synthetic archive and measure it
  newsbot check                           read the whole archive and report damage
  newsbot version                         print the version`

// errUsage is returned for a command line newsbot cannot read.
var errUsage = errors.New(usage)

// run is newsbot: it reads the environment once through getenv, builds what the
// subcommand needs and runs it until ctx ends.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	log := newLogger(cfg, stderr)

	cmd := ""
	if len(args) > 0 {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "":
		return serve(ctx, cfg, log, stdin, stdout)
	case "ingest":
		return runIngest(ctx, cfg, log, args, stdin, stdout, stderr)
	case "batch":
		sum, err := newSummarizer(cfg, nil, log)
		if err != nil {
			return err
		}
		return runBatch(ctx, sum, args, stdin, stdout)
	case "eval":
		return runEval(args, stdout)
	case "scale":
		return runScale(ctx, args, stdout)
	case "check":
		return runCheck(ctx, cfg, stdout)
	case "version":
		fmt.Fprintln(stdout, "newsbot", version())
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q\n%w", cmd, errUsage)
}

// newLogger returns the process's logger: text or JSON, and redacting the
// token, the API key, the database's password and interaction tokens from
// everything it writes.
func newLogger(cfg config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	var h slog.Handler = slog.NewTextHandler(w, opts)
	if cfg.LogFormat == "json" {
		h = slog.NewJSONHandler(w, opts)
	}
	return slog.New(newRedacting(h, cfg.Token, cfg.OpenAIKey, cfg.DBPassword()))
}

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v + " " + info.GoVersion
}

// termMemory is how many words the archive's term splitter remembers.
const termMemory = 200_000

// archiveOptions are how every command opens the archive: the bot's terms, a
// word to the log before a rebuild of the search index, which takes a while,
// and the end of ctx (a signal) stopping that rebuild.
func archiveOptions(ctx context.Context, log *slog.Logger) store.Options {
	return store.Options{
		Interrupt:    ctx.Done(),
		Terms:        text.NewTermer(termMemory).Terms,
		TermsVersion: text.TermsVersion,
		Rebuilding: func(n int) {
			log.Warn("rebuilding the search index for this version, once (about 30 s per 100,000 articles)", "articles", n)
		},
	}
}

// openArchive opens the archive and loads the seeds into it when it is new.
func openArchive(ctx context.Context, cfg config, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(cfg.DB, archiveOptions(ctx, log))
	if err != nil {
		if errors.Is(err, store.ErrLocked) {
			return nil, fmt.Errorf("%w: is another newsbot running with NEWSBOT_DB=%s? Stop it, or point NEWSBOT_DB at another file", err, cfg.DB)
		}
		return nil, err
	}
	counts, err := ingest.Seeds(ctx, st, seeds.FS, log)
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("load seeds: %w", err)
	}
	if counts.Added > 0 {
		log.Info("new archive: loaded seed articles", "path", store.Shown(cfg.DB), "added", counts.Added)
	}
	return st, nil
}

// newSummarizer builds the summarizer: with the configured model, or extractive
// only.
func newSummarizer(cfg config, cache summarize.Cache, log *slog.Logger) (*summarize.Summarizer, error) {
	opts := summarize.Options{Timeout: cfg.ModelTimeout, Cache: cache, Log: log, Secrets: []string{cfg.OpenAIKey, cfg.Token}}
	if cfg.UsesModel() {
		model, err := summarize.NewOpenAI(summarize.OpenAIConfig{
			APIKey: cfg.OpenAIKey, BaseURL: cfg.OpenAIBaseURL, Model: cfg.OpenAIModel,
			APIType: cfg.OpenAIAPIType, APIVersion: cfg.OpenAIAPIVersion,
		})
		if err != nil {
			return nil, fmt.Errorf("model: %w", err)
		}
		opts.Model, opts.ModelName = model, cfg.OpenAIModel
		log.Info("model configured", "model", cfg.OpenAIModel, "base_url", cfg.OpenAIBaseURL, "timeout", cfg.ModelTimeout, "daily_tokens", cfg.DailyTokens)
	}
	return summarize.New(opts), nil
}

// serve runs the bot: on Discord when a token or a public key is set, else in
// console mode.
func serve(ctx context.Context, cfg config, log *slog.Logger, stdin io.Reader, stdout io.Writer) error {
	st, err := openArchive(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer func() {
		if err := st.Close(); err != nil {
			log.Error("close archive", "err", err)
		}
	}()
	sum, err := newSummarizer(cfg, bot.ModelCache(st, log), log)
	if err != nil {
		return err
	}
	b := bot.New(st, sum, log)
	b.LimitTokens(cfg.DailyTokens)
	if store.IsPostgres(cfg.DB) {
		b.Shared(cfg.LeaseTTL)
	}
	b.ReadLinks(ingest.NewFetcher(cfg.AllowPrivate))
	if cfg.Token == "" && cfg.PublicKey == "" {
		return console.Run(ctx, b, stdin, stdout, isTerminal(stdin))
	}
	return serveDiscord(ctx, cfg, log, b, st)
}

// shutdownGrace bounds how long interactions in flight may take to finish
// after a signal.
const shutdownGrace = 10 * time.Second

// serveDiscord runs the gateway (with a token) and the HTTP interactions
// endpoint (with a public key) until ctx ends or one of them fails, then stops
// both and waits for the interactions in flight.
func serveDiscord(ctx context.Context, cfg config, log *slog.Logger, b *bot.Bot, st *store.Store) error {
	session, err := discord.NewSession(cfg.Token, cfg.APIURL)
	if err != nil {
		return err
	}
	opts := discord.Options{AppID: cfg.AppID, GuildID: cfg.GuildID, Shards: cfg.Shards, Gateway: cfg.Token != ""}
	if cfg.ShardID >= 0 {
		opts.ShardIDs = []int{cfg.ShardID}
	}
	if store.IsPostgres(cfg.DB) {
		// Other processes may serve the bot from the same archive.
		opts.Claim = func(ctx context.Context, id string, window time.Duration) (bool, error) {
			return st.Claim(ctx, "interaction/"+id, window)
		}
	}
	adapter := discord.New(b, session, log, opts)
	if cfg.Token != "" {
		b.CheckPermissions(adapter) // over REST, once the gateway's READY names the bot
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	errs := make(chan error, 2)
	var wg sync.WaitGroup
	if cfg.PublicKey != "" {
		key, _ := hex.DecodeString(cfg.PublicKey) // checked in loadConfig
		ln, err := net.Listen("tcp", cfg.Addr)
		if err != nil {
			return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
		}
		srv := discord.NewHTTPServer(adapter.HTTPHandler(ed25519.PublicKey(key), st.Check))
		limit := connectionLimit()
		ln = netutil.LimitListener(ln, limit)
		log.Info("serving interactions", "addr", ln.Addr().String(), "paths", "/interactions /healthz /metrics", "max_connections", limit)
		wg.Go(func() {
			if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
				errs <- fmt.Errorf("http server: %w", err)
			}
		})
		wg.Go(func() {
			<-ctx.Done()
			sctx, scancel := context.WithTimeout(context.Background(), shutdownGrace)
			defer scancel()
			srv.Shutdown(sctx)
		})
	}
	if cfg.Token != "" {
		wg.Go(func() {
			if err := adapter.RunGateway(ctx); err != nil {
				errs <- err
			}
		})
		b.OnDigest(adapter.Metrics.Digest)
		wg.Go(func() { b.RunDigests(ctx, adapter) })
	} else {
		log.Warn("no DISCORD_TOKEN: digests are not posted (interactions need no token, channel messages do)")
	}

	wg.Go(func() { b.RunFeeds(ctx) })

	var first error
	select {
	case <-ctx.Done():
	case first = <-errs:
	}
	adapter.Close() // take no new interactions
	cancel()
	wg.Wait()
	adapter.Wait(shutdownGrace)
	log.Info("stopped")
	return first
}

// connectionLimit is how many connections the HTTP endpoint holds at once:
// half of the process's file limit, so that a flood of connections cannot take
// the descriptors the bot needs for Discord, feeds and the archive.
func connectionLimit() int {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return 512
	}
	return int(min(max(rl.Cur/2, 64), 10000))
}

// isTerminal reports whether f is an interactive terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	if !ok {
		return false
	}
	info, err := file.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
