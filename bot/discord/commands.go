package discord

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"newsbot/bot"
)

// ApplicationCommands returns the bot's commands as Discord registers them:
// "digest preview" becomes the subcommand preview of /digest, admin commands
// carry Manage Server as their default permission and exist only in servers, and
// the message command "Summarize article" is added.
func ApplicationCommands(cmds []bot.Command) []*discordgo.ApplicationCommand {
	manage := int64(discordgo.PermissionManageGuild)
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	everywhere := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}

	var out []*discordgo.ApplicationCommand
	groups := map[string]*discordgo.ApplicationCommand{}
	for _, c := range cmds {
		top, sub, _ := strings.Cut(c.Name, " ")
		ac := groups[top]
		if ac == nil {
			ac = &discordgo.ApplicationCommand{
				Type: discordgo.ChatApplicationCommand, Name: top, Description: c.Description,
				Contexts: &everywhere, Options: []*discordgo.ApplicationCommandOption{},
			}
			if sub != "" {
				ac.Description = groupDescription(top)
			}
			groups[top] = ac
			out = append(out, ac)
		}
		if c.Admin {
			ac.DefaultMemberPermissions = &manage
			ac.Contexts = &guildOnly
		}
		opts := options(c.Options)
		if sub == "" {
			ac.Options = opts
			continue
		}
		ac.Options = append(ac.Options, &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionSubCommand, Name: sub, Description: c.Description, Options: opts,
		})
	}
	out = append(out, &discordgo.ApplicationCommand{
		Type: discordgo.MessageApplicationCommand, Name: MessageCommand, Contexts: &everywhere,
	})
	return out
}

func groupDescription(top string) string {
	switch top {
	case "digest":
		return "The daily digest of new articles"
	case "feed":
		return "Feeds whose articles join the archive"
	}
	return "The " + top + " commands"
}

func options(opts []bot.Option) []*discordgo.ApplicationCommandOption {
	out := make([]*discordgo.ApplicationCommandOption, 0, len(opts))
	for _, o := range opts {
		ao := &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionString, Name: o.Name, Description: o.Description,
			Required: o.Required, Autocomplete: o.Autocomplete, MaxLength: o.MaxLength,
		}
		if o.Kind == bot.KindChannel {
			ao.Type = discordgo.ApplicationCommandOptionChannel
			ao.ChannelTypes = []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews}
		}
		for _, c := range o.Choices {
			ao.Choices = append(ao.Choices, &discordgo.ApplicationCommandOptionChoice{Name: c, Value: c})
		}
		out = append(out, ao)
	}
	return out
}

// Register replaces the application's commands with the bot's in one bulk
// overwrite, globally or in guildID only. Running it again changes nothing.
func (a *Adapter) Register(ctx context.Context, appID, guildID string) error {
	cmds := ApplicationCommands(bot.Commands())
	_, err := a.s.ApplicationCommandBulkOverwrite(appID, guildID, cmds, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("register commands: %w", err)
	}
	where := "globally"
	if guildID != "" {
		where = "in guild " + guildID
	}
	a.log.Info("commands registered", "count", len(cmds), "where", where)
	return nil
}
