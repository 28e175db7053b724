package main

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"annals/document"
)

// unreadFlags are the flags of the commands that read documents: how to treat what cannot be read.
type unreadFlags struct {
	strict  bool
	verbose bool
}

func (u *unreadFlags) add(fs *pflag.FlagSet) {
	fs.BoolVar(&u.strict, "strict", false, "refuse a document at the first structure or value that cannot be read, instead of skipping it with a warning")
	fs.BoolVar(&u.verbose, "verbose", false, "list each warning of what could not be read, one a line on stderr")
}

// report prints on w what could not be read: a count and a hint, or with --verbose one line each,
// "warning: document NAME:LINE: MSG". It prints nothing when all was read.
func (u *unreadFlags) report(w io.Writer, unread []document.Warning) {
	switch {
	case len(unread) == 0:
	case u.verbose:
		for _, uw := range unread {
			fmt.Fprintf(w, "warning: %s\n", uw)
		}
	default:
		noun := "warnings"
		if len(unread) == 1 {
			noun = "warning"
		}
		fmt.Fprintf(w, "%d %s (skipped what could not be read); run with --verbose to list them\n", len(unread), noun)
	}
}
