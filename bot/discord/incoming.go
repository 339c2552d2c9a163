package discord

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// parseInteraction reads an interaction from Discord's JSON, on either
// transport. Two things discordgo does not: a message that carries a
// component type it does not know (Discord adds them) still parses — the
// target message's components are dropped and read here instead — and the
// text a message command reads links from is gathered from everywhere a
// message shows text: its content, its embeds, the messages it forwards
// (message_snapshots) and Components V2 text displays. That text becomes the
// target message's Content, which is all the command reads of it.
func parseInteraction(raw []byte) (*discordgo.Interaction, error) {
	var i discordgo.Interaction
	err := json.Unmarshal(raw, &i)
	if err != nil {
		stripped, serr := withoutMessageComponents(raw)
		if serr != nil {
			return nil, err
		}
		i = discordgo.Interaction{}
		if err2 := json.Unmarshal(stripped, &i); err2 != nil {
			return nil, err // the first error is the one about the interaction
		}
	}
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok || data.CommandType != discordgo.MessageApplicationCommand || data.Resolved == nil {
		return &i, nil
	}
	var shape struct {
		Data struct {
			TargetID string `json:"target_id"`
			Resolved struct {
				Messages map[string]shownMessage `json:"messages"`
			} `json:"resolved"`
		} `json:"data"`
	}
	if json.Unmarshal(raw, &shape) == nil {
		if m, ok := shape.Data.Resolved.Messages[shape.Data.TargetID]; ok {
			if target := data.Resolved.Messages[data.TargetID]; target != nil {
				target.Content = m.text()
				target.Embeds = nil // their links are in the text now
			}
		}
	}
	return &i, nil
}

// shownMessage is what a message shows a reader, as far as links go.
type shownMessage struct {
	Content string `json:"content"`
	Embeds  []struct {
		URL         string `json:"url"`
		Description string `json:"description"`
	} `json:"embeds"`
	Components []shownComponent `json:"components"`
	Snapshots  []struct {
		Message shownMessage `json:"message"`
	} `json:"message_snapshots"`
}

// shownComponent is a Components V2 component: a text display (type 10) shows
// content; containers, sections and rows hold others.
type shownComponent struct {
	Type       int              `json:"type"`
	Content    string           `json:"content"`
	Components []shownComponent `json:"components"`
	Accessory  *shownComponent  `json:"accessory"`
	URL        string           `json:"url"` // a link button
}

// text is everything the message shows, content first, one part per line.
func (m shownMessage) text() string {
	var parts []string
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	add(m.Content)
	for _, e := range m.Embeds {
		add(e.URL)
		add(e.Description)
	}
	var walk func(cs []shownComponent)
	walk = func(cs []shownComponent) {
		for _, c := range cs {
			add(c.Content)
			add(c.URL)
			walk(c.Components)
			if c.Accessory != nil {
				walk([]shownComponent{*c.Accessory})
			}
		}
	}
	walk(m.Components)
	for _, s := range m.Snapshots {
		add(s.Message.text())
	}
	return strings.Join(parts, "\n")
}

// withoutMessageComponents returns the interaction JSON with the components of
// its resolved messages (and of the messages they forward) removed.
func withoutMessageComponents(raw []byte) ([]byte, error) {
	var v map[string]any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	data, _ := v["data"].(map[string]any)
	resolved, _ := data["resolved"].(map[string]any)
	messages, _ := resolved["messages"].(map[string]any)
	if messages == nil {
		return nil, fmt.Errorf("no resolved messages")
	}
	for _, m := range messages {
		msg, _ := m.(map[string]any)
		delete(msg, "components")
		snaps, _ := msg["message_snapshots"].([]any)
		for _, s := range snaps {
			if sm, ok := s.(map[string]any); ok {
				if inner, ok := sm["message"].(map[string]any); ok {
					delete(inner, "components")
				}
			}
		}
	}
	return json.Marshal(v)
}
