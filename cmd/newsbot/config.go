package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsbot/bot/digest"
	"newsbot/store"
)

// config is everything newsbot reads from the environment, read once in run.
type config struct {
	DB        string
	Addr      string
	Token     string
	PublicKey string
	AppID     string
	GuildID   string
	APIURL    string
	// Shards is DISCORD_SHARD_COUNT: gateway connections to open (0: as
	// Discord recommends).
	Shards int
	// LeaseTTL is NEWSBOT_LEASE_TTL: how long a digest or feed poll stays
	// with a process sharing the archive after it stops renewing its lease.
	LeaseTTL time.Duration
	// ShardID is DISCORD_SHARD_ID: the one shard this process opens (-1: all).
	ShardID int

	OpenAIKey, OpenAIBaseURL, OpenAIModel string
	OpenAIAPIType, OpenAIAPIVersion       string
	// ModelTimeout bounds one model call; DailyTokens is each server's daily
	// model budget (0: none).
	ModelTimeout time.Duration
	DailyTokens  int
	// AllowPrivate lets links and feeds reach internal addresses.
	AllowPrivate bool

	LogLevel  slog.Level
	LogFormat string
}

// DBPassword returns the password in a PostgreSQL NEWSBOT_DB, for the log to
// redact, or "".
func (c config) DBPassword() string {
	if !store.IsPostgres(c.DB) {
		return ""
	}
	u, err := url.Parse(c.DB)
	if err != nil || u.User == nil {
		return ""
	}
	p, _ := u.User.Password()
	return p
}

// loadConfig reads and checks the environment, reporting every problem at once.
// Secrets never appear in its errors.
func loadConfig(getenv func(string) string) (config, error) {
	c := config{
		DB:               getenv("NEWSBOT_DB"),
		Addr:             getenv("NEWSBOT_ADDR"),
		Token:            strings.TrimSpace(getenv("DISCORD_TOKEN")),
		PublicKey:        strings.TrimSpace(getenv("DISCORD_PUBLIC_KEY")),
		AppID:            strings.TrimSpace(getenv("DISCORD_APP_ID")),
		GuildID:          strings.TrimSpace(getenv("DISCORD_GUILD_ID")),
		APIURL:           strings.TrimRight(getenv("DISCORD_API_URL"), "/"),
		OpenAIKey:        getenv("OPENAI_API_KEY"),
		OpenAIBaseURL:    getenv("OPENAI_BASE_URL"),
		OpenAIModel:      strings.TrimSpace(getenv("OPENAI_MODEL")),
		OpenAIAPIType:    strings.ToLower(strings.TrimSpace(getenv("OPENAI_API_TYPE"))),
		OpenAIAPIVersion: strings.TrimSpace(getenv("OPENAI_API_VERSION")),
		LogFormat:        strings.ToLower(getenv("LOG_FORMAT")),
	}
	var errs []error
	if c.DB == "" {
		c.DB = "newsbot.db"
	}
	if c.APIURL == "" {
		c.APIURL = "https://discord.com/api"
	}
	if c.Addr == "" && c.PublicKey != "" {
		c.Addr = ":8080"
	}
	if c.Addr != "" {
		if _, _, err := net.SplitHostPort(c.Addr); err != nil {
			errs = append(errs, fmt.Errorf("NEWSBOT_ADDR %q is not host:port", c.Addr))
		}
	}
	if c.PublicKey != "" {
		if k, err := hex.DecodeString(c.PublicKey); err != nil || len(k) != 32 {
			errs = append(errs, errors.New("DISCORD_PUBLIC_KEY must be 64 hex digits (the application's public key)"))
		}
	}
	if u, err := url.Parse(c.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("DISCORD_API_URL %q is not an http(s) URL", c.APIURL))
	}
	for _, id := range []struct{ name, value string }{{"DISCORD_APP_ID", c.AppID}, {"DISCORD_GUILD_ID", c.GuildID}} {
		if strings.Trim(id.value, "0123456789") != "" {
			errs = append(errs, fmt.Errorf("%s %q is not a Discord ID (digits only)", id.name, id.value))
		}
	}
	if c.UsesModel() {
		switch {
		case c.OpenAIAPIType != "" && c.OpenAIAPIType != "openai" && c.OpenAIAPIType != "azure":
			errs = append(errs, fmt.Errorf("OPENAI_API_TYPE %q is not openai or azure", c.OpenAIAPIType))
		case c.OpenAIAPIType == "azure" && (c.OpenAIBaseURL == "" || c.OpenAIModel == ""):
			errs = append(errs, errors.New("OPENAI_API_TYPE=azure needs OPENAI_BASE_URL (the resource endpoint) and OPENAI_MODEL (the deployment)"))
		case c.OpenAIBaseURL != "" && c.OpenAIModel == "":
			errs = append(errs, errors.New("OPENAI_MODEL is required with OPENAI_BASE_URL (the model name your server serves)"))
		case c.OpenAIModel == "":
			c.OpenAIModel = "gpt-4o-mini"
		}
		if c.OpenAIBaseURL != "" {
			if u, err := url.Parse(c.OpenAIBaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				errs = append(errs, fmt.Errorf("OPENAI_BASE_URL %q is not an http(s) URL", c.OpenAIBaseURL))
			}
		}
	}
	if v := strings.TrimSpace(getenv("DISCORD_SHARD_COUNT")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1024 {
			errs = append(errs, fmt.Errorf("DISCORD_SHARD_COUNT %q is not a number of shards from 1 to 1024", v))
		}
		c.Shards = n
	}
	c.ShardID = -1
	if v := strings.TrimSpace(getenv("DISCORD_SHARD_ID")); v != "" {
		n, err := strconv.Atoi(v)
		switch {
		case err != nil || n < 0 || c.Shards > 0 && n >= c.Shards:
			errs = append(errs, fmt.Errorf("DISCORD_SHARD_ID %q is not a shard number from 0 to DISCORD_SHARD_COUNT-1", v))
		case c.Shards == 0:
			errs = append(errs, errors.New("DISCORD_SHARD_ID needs DISCORD_SHARD_COUNT (how many shards all the processes open together)"))
		case !store.IsPostgres(c.DB):
			errs = append(errs, errors.New("DISCORD_SHARD_ID runs one shard of several processes, which must share an archive: set NEWSBOT_DB to a postgres:// URL"))
		}
		c.ShardID = n
	}
	c.LeaseTTL = digest.LeaseTTL
	if v := strings.TrimSpace(getenv("NEWSBOT_LEASE_TTL")); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Second || d > 5*time.Minute {
			errs = append(errs, fmt.Errorf("NEWSBOT_LEASE_TTL %q is not a duration from 1s to 5m (Discord forgets a message's nonce after a few minutes)", v))
		}
		c.LeaseTTL = d
	}
	c.ModelTimeout = 20 * time.Second
	if v := strings.TrimSpace(getenv("NEWSBOT_MODEL_TIMEOUT")); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 || d > 10*time.Minute {
			errs = append(errs, fmt.Errorf("NEWSBOT_MODEL_TIMEOUT %q is not a duration between 0 and 10m, like 20s", v))
		}
		c.ModelTimeout = d
	}
	if v := strings.TrimSpace(getenv("NEWSBOT_DAILY_TOKENS")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			errs = append(errs, fmt.Errorf("NEWSBOT_DAILY_TOKENS %q is not a whole number of tokens", v))
		}
		c.DailyTokens = n
	}
	switch v := strings.TrimSpace(getenv("NEWSBOT_ALLOW_PRIVATE")); v {
	case "", "0", "false":
	case "1", "true":
		c.AllowPrivate = true
	default:
		errs = append(errs, fmt.Errorf("NEWSBOT_ALLOW_PRIVATE %q is not 1 or 0", v))
	}
	switch lvl := strings.ToLower(getenv("LOG_LEVEL")); lvl {
	case "", "info":
		c.LogLevel = slog.LevelInfo
	case "debug":
		c.LogLevel = slog.LevelDebug
	case "warn", "warning":
		c.LogLevel = slog.LevelWarn
	case "error":
		c.LogLevel = slog.LevelError
	default:
		errs = append(errs, fmt.Errorf("LOG_LEVEL %q is not debug, info, warn or error", lvl))
	}
	switch c.LogFormat {
	case "":
		c.LogFormat = "text"
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("LOG_FORMAT %q is not text or json", c.LogFormat))
	}
	if err := errors.Join(errs...); err != nil {
		return config{}, fmt.Errorf("configuration:\n%w", err)
	}
	return c, nil
}

// UsesModel reports whether an LLM endpoint is configured.
func (c config) UsesModel() bool { return c.OpenAIKey != "" || c.OpenAIBaseURL != "" }
