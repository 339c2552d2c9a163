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
// carry Manage Server as their default permission, and the message command
// "Summarize article" is added. Registered globally (global set), commands say
// where they may be used: admin commands only in servers and only through the
// server's install of the bot (integration_types [0]); the others in servers and
// the bot's DMs, through whichever installs the application allows (Discord's
// default when integration_types is left out; a user install's requests see the
// user's own scope). Discord documents integration_types and contexts for
// global commands only, so commands registered in one server carry neither.
func ApplicationCommands(cmds []bot.Command, global bool) []*discordgo.ApplicationCommand {
	manage := int64(discordgo.PermissionManageGuild)
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	everywhere := []discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	guildInstall := []discordgo.ApplicationIntegrationType{discordgo.ApplicationIntegrationGuildInstall}
	where := func(ac *discordgo.ApplicationCommand, admin bool) {
		switch {
		case !global:
		case admin:
			ac.Contexts, ac.IntegrationTypes = &guildOnly, &guildInstall
		default:
			ac.Contexts = &everywhere
		}
	}

	var out []*discordgo.ApplicationCommand
	groups := map[string]*discordgo.ApplicationCommand{}
	for _, c := range cmds {
		top, sub, _ := strings.Cut(c.Name, " ")
		ac := groups[top]
		if ac == nil {
			ac = &discordgo.ApplicationCommand{
				Type: discordgo.ChatApplicationCommand, Name: top, Description: c.Description,
				Options: []*discordgo.ApplicationCommandOption{},
			}
			where(ac, c.Admin)
			if sub != "" {
				ac.Description = groupDescription(top)
			}
			groups[top] = ac
			out = append(out, ac)
		}
		if c.Admin {
			ac.DefaultMemberPermissions = &manage
			where(ac, true)
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
	msg := &discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: MessageCommand}
	where(msg, false)
	return append(out, msg)
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
	cmds := ApplicationCommands(bot.Commands(), guildID == "")
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
