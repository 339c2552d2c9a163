package discordtest

import "testing"

func TestSpecValidate(t *testing.T) {
	path := SpecFile()
	if path == "" {
		t.Skip("no ../shared/discord/openapi.json")
	}
	s, err := LoadSpec(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, path, body string
		ok                 bool
	}{
		{"POST", "/api/v9/interactions/1/tok/callback", `{"type":4,"data":{"content":"hi","allowed_mentions":{"parse":[]}}}`, true},
		{"POST", "/api/v9/interactions/1/tok/callback", `{"type":4,"data":{"content":5}}`, false},
		{"PATCH", "/api/v9/webhooks/1/tok/messages/@original", `{"content":"hi","embeds":[{"title":"t"}],"allowed_mentions":{"parse":[]}}`, true},
		{"PATCH", "/api/v9/webhooks/1/tok/messages/@original", `{"embeds":"nope"}`, false},
		{"PUT", "/api/v9/applications/1/commands", `[{"name":"help","description":"d","type":1,"default_member_permissions":"32"}]`, true},
		{"PUT", "/api/v9/applications/1/commands", `[{"name":"help","description":"d","type":1,"default_member_permissions":32}]`, true},
		{"POST", "/api/v9/no/such/path", `{}`, false},
	}
	for _, tt := range tests {
		err := s.Validate(tt.method, tt.path, []byte(tt.body))
		if (err == nil) != tt.ok {
			t.Errorf("Validate(%s %s %s) = %v, want ok=%v", tt.method, tt.path, tt.body, err, tt.ok)
		}
	}
}
