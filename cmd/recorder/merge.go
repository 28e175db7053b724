package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"annals/events"
)

func (m *Main) merge(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	var src sourceFlags
	src.add(fs)
	reason := fs.String("reason", "", "why A and B are one party (required)")
	return func(ctx context.Context) error {
		if fs.NArg() != 2 {
			fs.Usage()
			return usageError{Msg: "merge needs two entities, A and B"}
		}
		if strings.TrimSpace(*reason) == "" {
			return usageError{Msg: "merge needs --reason: why A and B are one party"}
		}
		logger, err := c.logger(m)
		if err != nil {
			return err
		}
		b, err := c.open(ctx, logger)
		if err != nil {
			return err
		}
		defer b.Close()
		if _, err := m.recorder(b).CatchUp(ctx); err != nil {
			return err
		}
		var ids [2]events.EntityID
		for i, arg := range fs.Args() {
			if ids[i], err = entityNamed(ctx, b.store, arg); err != nil {
				return fmt.Errorf("merge: %w", err)
			}
		}
		if ids[0] == ids[1] {
			return fmt.Errorf("merge: %s and %s are both %s: %w", events.Excerpt(fs.Arg(0), events.DefaultExcerpt), events.Excerpt(fs.Arg(1), events.DefaultExcerpt), ids[0], events.ErrInvalid)
		}
		f := events.Fact{Type: events.TypeEntitySameAs, Entity: ids[0], Date: events.MustParseDate("XXXX"),
			Source: src.source(), Payload: events.EntitySameAs{Other: ids[1]}, Note: *reason}
		return m.recordFacts(ctx, b, logger, []events.Fact{f}, 0)
	}
}

// entityNamed returns the one entity of the record that arg names: its id, or a name the record gives
// one entity only. An unknown or ambiguous name is an error that lists what it names.
func entityNamed(ctx context.Context, store events.Store, arg string) (events.EntityID, error) {
	ids, err := store.Resolve(ctx, arg)
	if err != nil {
		return "", err
	}
	for _, id := range ids {
		if string(id) == arg {
			return id, nil
		}
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("no entity of the record is known as %s: %w", events.Excerpt(arg, events.DefaultExcerpt), events.ErrNotFound)
	case 1:
		return ids[0], nil
	}
	var names []string
	for _, id := range ids {
		names = append(names, string(id))
	}
	return "", fmt.Errorf("%s is %w: it names %s; use the id", events.Excerpt(arg, events.DefaultExcerpt), events.ErrAmbiguous, strings.Join(names, ", "))
}
