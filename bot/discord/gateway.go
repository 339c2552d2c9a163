package discord

import (
	"context"
	"errors"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// RunGateway connects to the gateway, registers the commands, and answers
// interactions until ctx ends; then it closes the connection. Reconnects are
// discordgo's. Call Shutdown after it returns to wait for work in flight.
func (a *Adapter) RunGateway(ctx context.Context) error {
	// The raw event, not discordgo's typed one: parseInteraction reads what
	// discordgo cannot (unknown component types, forwarded messages).
	remove := a.s.AddHandler(func(s *discordgo.Session, e *discordgo.Event) {
		if e.Type != "INTERACTION_CREATE" {
			return
		}
		i, err := parseInteraction(e.RawData)
		if err != nil {
			a.Metrics.Error("gateway")
			a.log.Error("read interaction", "err", err)
			return
		}
		err = a.dispatch(i, func(resp *discordgo.InteractionResponse) error {
			return s.InteractionRespond(i, resp, discordgo.WithContext(a.work))
		})
		if err != nil && !errors.Is(err, errClosing) && !errors.Is(err, errReplay) {
			a.Metrics.Error("gateway")
			a.log.Error("answer interaction", "id", i.ID, "err", err)
		}
	})
	defer remove()

	if err := a.s.Open(); err != nil {
		return fmt.Errorf("connect to the Discord gateway: %w", err)
	}
	defer a.s.Close()

	appID := a.opts.AppID
	if appID == "" && a.s.State != nil && a.s.State.Ready.Application != nil {
		appID = a.s.State.Ready.Application.ID
	}
	if appID == "" && a.s.State != nil && a.s.State.User != nil {
		appID = a.s.State.User.ID // a bot's user ID is its application's ID
	}
	if appID == "" {
		return errors.New("the gateway did not say which application this is; set DISCORD_APP_ID")
	}
	user := ""
	if a.s.State != nil && a.s.State.User != nil {
		user = a.s.State.User.Username
	}
	a.log.Info("connected to the gateway", "user", user, "application", appID)
	if err := a.Register(ctx, appID, a.opts.GuildID); err != nil {
		return err
	}
	<-ctx.Done()
	a.log.Info("disconnecting from the gateway")
	return nil
}
