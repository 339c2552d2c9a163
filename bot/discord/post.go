package discord

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"

	"newsbot/bot"
	"newsbot/bot/digest"
	"newsbot/bot/reply"
)

// channelMessage is the body of POST /channels/{id}/messages. discordgo's
// MessageSend has no nonce fields, so the adapter sends its own body through
// discordgo's requester (same rate limits, same base URL).
type channelMessage struct {
	Content         string                            `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Nonce           string                            `json:"nonce"`
	EnforceNonce    bool                              `json:"enforce_nonce"`
}

// Post sends a message to a channel with a nonce Discord enforces, so that a
// retry of the same message within Discord's nonce window returns the first one
// instead of posting twice. A 403 or 404 (no access, channel gone) wraps
// digest.ErrCannotPost.
func (a *Adapter) Post(ctx context.Context, channelID string, msg reply.Reply, nonce string) (string, error) {
	body := channelMessage{
		Content: msg.Content, Embeds: embeds(msg), AllowedMentions: noMentions(),
		Nonce: nonce, EnforceNonce: true,
	}
	endpoint := discordgo.EndpointChannelMessages(channelID)
	resp, err := a.s.RequestWithBucketID(http.MethodPost, endpoint, body, endpoint, discordgo.WithContext(ctx))
	if err != nil {
		if rest, ok := errors.AsType[*discordgo.RESTError](err); ok && rest.Response != nil {
			switch rest.Response.StatusCode {
			case http.StatusForbidden, http.StatusNotFound:
				return "", fmt.Errorf("%w: Discord said %s", digest.ErrCannotPost, rest.Response.Status)
			}
			return "", fmt.Errorf("post to channel %s: Discord said %s", channelID, rest.Response.Status)
		}
		return "", fmt.Errorf("post to channel %s: %w", channelID, err)
	}
	var m discordgo.Message
	if err := json.Unmarshal(resp, &m); err != nil || m.ID == "" {
		return "", fmt.Errorf("post to channel %s: unreadable reply from Discord", channelID)
	}
	return m.ID, nil
}

// BotPermissions returns the server a channel belongs to and the bot's
// permissions in it, computed from the server's roles and the channel's
// overwrites as Discord does, read over REST (the bot asks for no intents, so it
// keeps no guild state). It needs the gateway's READY, which names the bot's
// user. A channel Discord does not show the bot wraps bot.ErrUnknownChannel.
func (a *Adapter) BotPermissions(ctx context.Context, channelID string) (guildID string, perms int64, err error) {
	user := a.botUserID()
	if user == "" {
		return "", 0, errors.New("bot permissions: not connected to the gateway")
	}
	unknown := func(err error) error {
		if rest, ok := errors.AsType[*discordgo.RESTError](err); ok && rest.Response != nil &&
			(rest.Response.StatusCode == http.StatusNotFound || rest.Response.StatusCode == http.StatusForbidden) {
			return fmt.Errorf("bot permissions in %s: %w (Discord said %s)", channelID, bot.ErrUnknownChannel, rest.Response.Status)
		}
		return fmt.Errorf("bot permissions in %s: %w", channelID, err)
	}
	ch, err := a.s.Channel(channelID, discordgo.WithContext(ctx))
	if err != nil {
		return "", 0, unknown(err)
	}
	perms, err = a.s.UserChannelPermissions(user, channelID, discordgo.WithContext(ctx))
	if err != nil {
		return "", 0, unknown(err)
	}
	return ch.GuildID, perms, nil
}
