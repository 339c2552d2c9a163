package discord

import (
	"encoding/json"
	"testing"
)

// TestMessageCommandLinks reads the link a "Summarize article" command should
// summarize from messages as Discord sends them: markdown around the link, an
// embed, a forwarded message, Components V2 text, and a component type
// discordgo does not know.
func TestMessageCommandLinks(t *testing.T) {
	const want = "https://news.example/story"
	tests := []struct {
		name    string
		message map[string]any
	}{
		{"bold", map[string]any{"content": "read **" + want + "**"}},
		{"spoiler", map[string]any{"content": "||" + want + "||"}},
		{"angle brackets", map[string]any{"content": "no preview: <" + want + ">"}},
		{"italic underscores", map[string]any{"content": "_" + want + "_"}},
		{"embed only", map[string]any{"content": "", "embeds": []any{map[string]any{"url": want, "type": "link"}}}},
		{"forwarded", map[string]any{"content": "", "message_snapshots": []any{map[string]any{"message": map[string]any{"content": "look " + want, "timestamp": "2024-01-01T00:00:00Z"}}}}},
		{"forwarded embed", map[string]any{"content": "", "message_snapshots": []any{map[string]any{"message": map[string]any{"content": "", "embeds": []any{map[string]any{"url": want}}}}}}},
		{"components v2 text", map[string]any{"content": "", "flags": 1 << 15, "components": []any{
			map[string]any{"type": 17, "components": []any{map[string]any{"type": 10, "content": "New: " + want}}},
		}}},
		{"unknown component type", map[string]any{"content": "see " + want, "components": []any{map[string]any{"type": 99, "whatever": true}}}},
		{"unknown component, link in it", map[string]any{"content": "", "components": []any{
			map[string]any{"type": 99, "components": []any{map[string]any{"type": 10, "content": want}}},
		}}},
	}
	for _, tt := range tests {
		msg := map[string]any{"id": "800000000000000001", "channel_id": "600000000000000001", "timestamp": "2024-01-01T00:00:00Z",
			"author": map[string]any{"id": "500000000000000009", "username": "poster"}}
		for k, v := range tt.message {
			msg[k] = v
		}
		raw, _ := json.Marshal(map[string]any{
			"id": "1", "application_id": "1", "type": 2, "token": "t", "version": 1, "guild_id": "4", "channel_id": "6",
			"member":                         map[string]any{"user": map[string]any{"id": "5"}, "permissions": "0"},
			"authorizing_integration_owners": map[string]any{"0": "4"},
			"data": map[string]any{"id": "7", "name": MessageCommand, "type": 3, "target_id": "800000000000000001",
				"resolved": map[string]any{"messages": map[string]any{"800000000000000001": msg}}},
		})
		i, err := parseInteraction(raw)
		if err != nil {
			t.Errorf("%s: parseInteraction: %v", tt.name, err)
			continue
		}
		req, early := request(i)
		if early != nil || req.Options["article"] != want {
			t.Errorf("%s: link %q (early reply %v), want %s", tt.name, req.Options["article"], early, want)
		}
	}
}
