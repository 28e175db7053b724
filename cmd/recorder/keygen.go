package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"annals/jetlog"
)

func (m *Main) keygen(_ context.Context, args []string) error {
	flags := flag.NewFlagSet("keygen", flag.ContinueOnError)
	flags.SetOutput(m.Stderr)
	out := flags.String("out", "", "write the key (an nkey seed) to `FILE`, which must not exist (required)")
	flags.Usage = func() {
		fmt.Fprintf(flags.Output(), "usage: recorder keygen --out FILE\n\n"+
			"Makes a signing key for a recorder and prints its public key (U…), which other recorders and\n"+
			"readers of the same stream trust with --trusted-keys. A recorder uses it with --signing-key FILE;\n"+
			"without one, a recorder makes DATA/recorder.nk on first use.\n\nflags:\n")
		flags.PrintDefaults()
	}
	if err := parse(flags, args); err != nil {
		return err
	}
	if *out == "" || flags.NArg() != 0 {
		flags.Usage()
		return usageError{"keygen needs --out FILE and no argument"}
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
