// Package cmdline is what the two programs, recorder and query, share of their command lines: the
// root command built the same way with spf13/cobra (flags anywhere on the line, help, did-you-mean,
// completion, --version), usage errors and the exit codes. It reads no flag itself: each main
// defines its own.
package cmdline

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"annals/events"

	"github.com/spf13/cobra"
)

// Exit codes: 0 success, 1 failure, 2 usage error, 130 interrupted (SIGINT or SIGTERM).
const (
	ExitFailure     = 1
	ExitUsage       = 2
	ExitInterrupted = 130
)

// UsageError is a mistake in the command line (exit 2).
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// IsUsage reports whether err is (or wraps) a UsageError, and returns its message.
func IsUsage(err error) (string, bool) {
	var ue UsageError
	if errors.As(err, &ue) {
		return ue.Msg, true
	}
	return "", false
}

// Version returns the version stamped by the build (-ldflags "-X main.Version=..."), or, when it is
// "dev", the module version `go install` records.
func Version(stamped string) string {
	if stamped != "dev" {
		return stamped
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return stamped
}

// Root returns the root command of a program: errors are returned, not printed (main prints them
// once, on stderr); help goes to stdout; a bad flag is a UsageError naming the command's help; no
// command at all prints the usage on stderr and is a UsageError; --version prints the version alone.
func Root(use, short, long, version string, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           use,
		Short:         short,
		Long:          long,
		Version:       version,
		SilenceErrors: true,
		SilenceUsage:  true,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprint(stderr, cmd.UsageString())
			return UsageError{"no command given"}
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return UsageError{fmt.Sprintf("%v (see '%s --help')", err, cmd.CommandPath())}
	})
	root.AddCommand(&cobra.Command{
		Use:   "version",
		Short: "print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(stdout, version)
			return nil
		},
	})
	return root
}

// Execute runs the command line args under root. A first argument that names no command is a
// UsageError suggesting the closest ones (for a name short enough to compare), before cobra would
// compare a long one with every command.
func Execute(root *cobra.Command, args []string, run func() error) error {
	root.SetArgs(args)
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && args[0] != cobra.ShellCompRequestCmd && args[0] != cobra.ShellCompNoDescRequestCmd {
		root.InitDefaultHelpCmd()
		root.InitDefaultCompletionCmd()
		if cmd, _, err := root.Find(args[:1]); err != nil || cmd == root {
			msg := fmt.Sprintf("unknown command %s", events.Excerpt(args[0], events.DefaultExcerpt))
			if len(args[0]) <= 64 {
				if s := root.SuggestionsFor(args[0]); len(s) > 0 {
					msg += "; did you mean " + strings.Join(s, " or ") + "?"
				}
			}
			return UsageError{msg + fmt.Sprintf(" (see '%s --help')", root.Name())}
		}
	}
	return run()
}

// UsageLine prints the usage line of cmd on w, pointing at its help: what a command prints before a
// usage error of its own.
func UsageLine(w io.Writer, cmd *cobra.Command) {
	fmt.Fprintf(w, "usage: %s (see '%s --help')\n", cmd.UseLine(), cmd.CommandPath())
}
