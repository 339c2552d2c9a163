package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strings"
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

	OpenAIKey, OpenAIBaseURL, OpenAIModel string

	LogLevel  slog.Level
	LogFormat string
}

// loadConfig reads and checks the environment, reporting every problem at once.
// Secrets never appear in its errors.
func loadConfig(getenv func(string) string) (config, error) {
	c := config{
		DB:            getenv("NEWSBOT_DB"),
		Addr:          getenv("NEWSBOT_ADDR"),
		Token:         strings.TrimSpace(getenv("DISCORD_TOKEN")),
		PublicKey:     strings.TrimSpace(getenv("DISCORD_PUBLIC_KEY")),
		AppID:         strings.TrimSpace(getenv("DISCORD_APP_ID")),
		GuildID:       strings.TrimSpace(getenv("DISCORD_GUILD_ID")),
		APIURL:        strings.TrimRight(getenv("DISCORD_API_URL"), "/"),
		OpenAIKey:     getenv("OPENAI_API_KEY"),
		OpenAIBaseURL: getenv("OPENAI_BASE_URL"),
		OpenAIModel:   getenv("OPENAI_MODEL"),
		LogFormat:     strings.ToLower(getenv("LOG_FORMAT")),
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
