package discordtest

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Interaction types and option types, as Discord numbers them.
const (
	TypePing         = 1
	TypeCommand      = 2
	TypeComponent    = 3
	TypeAutocomplete = 4

	optionSubcommand = 1
	optionString     = 3
)

// ManageGuild is the Manage Server permission bit.
const ManageGuild = 1 << 5

// Where says who uses an interaction and where: a server member with the given
// permissions, or, with an empty GuildID, a user in a direct message. The
// interaction comes through the server's install of the bot (a bot DM through
// the guild install too), or, with UserInstall, through the user's own install
// in a server that has not added the bot.
type Where struct {
	GuildID     string
	UserID      string
	Permissions int64
	UserInstall bool
}

// InGuild is an ordinary member of a test server; Admin one who may manage it;
// DM a user writing to the bot directly. OtherGuild and OtherAdmin are a member
// and an admin of a second server. Stranger is an admin of a server that has
// not added the bot, using it through their own install.
var (
	InGuild    = Where{GuildID: "400000000000000001", UserID: "500000000000000001"}
	Admin      = Where{GuildID: "400000000000000001", UserID: "500000000000000002", Permissions: ManageGuild}
	DM         = Where{UserID: "500000000000000003"}
	OtherGuild = Where{GuildID: "400000000000000002", UserID: "500000000000000004"}
	OtherAdmin = Where{GuildID: "400000000000000002", UserID: "500000000000000005", Permissions: ManageGuild}
	Stranger   = Where{GuildID: "400000000000000003", UserID: "500000000000000006", Permissions: ManageGuild, UserInstall: true}
)

// Opt is a string option; Sub a subcommand holding options.
func Opt(name string, value any) map[string]any {
	return map[string]any{"name": name, "type": optionString, "value": value}
}

// Focused is the option being typed in an autocomplete interaction.
func Focused(name, typed string) map[string]any {
	o := Opt(name, typed)
	o["focused"] = true
	return o
}

// Sub is a subcommand with its options.
func Sub(name string, opts ...map[string]any) map[string]any {
	return map[string]any{"name": name, "type": optionSubcommand, "options": opts}
}

// Interaction builds an interaction the way Discord sends it. Token is
// "token-"+id, so requests about it can be told apart.
func (s *Server) Interaction(id string, typ int, where Where, data map[string]any) map[string]any {
	i := map[string]any{
		"id": id, "application_id": s.AppID, "type": typ, "token": "token-" + id, "version": 1,
		"channel_id": "600000000000000001", "locale": "en-US", "app_permissions": "2048",
	}
	if data != nil {
		i["data"] = data
	}
	user := map[string]any{"id": where.UserID, "username": "user" + where.UserID[len(where.UserID)-1:], "discriminator": "0"}
	// authorizing_integration_owners: "0" is the guild install (the server's
	// ID, or "0" in the bot's DMs), "1" the user install (the user's ID).
	owners := map[string]any{"0": "0"}
	i["context"] = 1
	if where.GuildID != "" {
		i["guild_id"] = where.GuildID
		i["member"] = map[string]any{"user": user, "permissions": strconv.FormatInt(where.Permissions, 10), "roles": []any{}, "joined_at": "2024-01-01T00:00:00Z"}
		owners = map[string]any{"0": where.GuildID}
		i["context"] = 0
	} else {
		i["user"] = user
	}
	if where.UserInstall {
		owners = map[string]any{"1": where.UserID}
	}
	i["authorizing_integration_owners"] = owners
	return i
}

// Command builds a slash-command interaction.
func (s *Server) Command(id string, where Where, name string, opts ...map[string]any) map[string]any {
	return s.Interaction(id, TypeCommand, where, map[string]any{"id": "700000000000000001", "name": name, "type": 1, "options": opts})
}

// Autocomplete builds an autocomplete interaction.
func (s *Server) Autocomplete(id string, where Where, name string, opts ...map[string]any) map[string]any {
	return s.Interaction(id, TypeAutocomplete, where, map[string]any{"id": "700000000000000001", "name": name, "type": 1, "options": opts})
}

// MessageCommand builds a message context-menu interaction on a message with
// the given content.
func (s *Server) MessageCommand(id string, where Where, name, content string) map[string]any {
	target := "800000000000000001"
	return s.Interaction(id, TypeCommand, where, map[string]any{
		"id": "700000000000000002", "name": name, "type": 3, "target_id": target,
		"resolved": map[string]any{"messages": map[string]any{target: map[string]any{
			"id": target, "channel_id": "600000000000000001", "content": content,
			"timestamp": "2024-01-01T00:00:00Z", "author": map[string]any{"id": "500000000000000009", "username": "poster"},
		}}},
	})
}

// Sign returns the headers Discord puts on an interactions request.
func Sign(key ed25519.PrivateKey, body []byte, at time.Time) http.Header {
	ts := fmt.Sprint(at.Unix())
	sig := ed25519.Sign(key, append([]byte(ts), body...))
	h := http.Header{}
	h.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
	h.Set("X-Signature-Timestamp", ts)
	h.Set("Content-Type", "application/json")
	return h
}
