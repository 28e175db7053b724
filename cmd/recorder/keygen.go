package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/pflag"

	"annals/jetlog"
)

func (m *Main) keygen(flags *pflag.FlagSet, c *config) func(ctx context.Context) error {
	out := flags.String("out", "", "write the key (an nkey seed) to `FILE`, which must not exist (required)")
	return func(ctx context.Context) error {
		if *out == "" || flags.NArg() != 0 {
			flags.Usage()
			return usageError{Msg: "keygen needs --out FILE and no argument"}
		}
		if _, err := os.Stat(*out); err == nil {
			return fmt.Errorf("keygen: %s exists; a key is never written over", *out)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("keygen: %w", err)
		}
		signer, err := jetlog.LoadKey(*out, true)
		if err != nil {
			return fmt.Errorf("keygen: %w", err)
		}
		fmt.Fprintln(m.Stdout, signer.PublicKey())
		return nil
	}
}
