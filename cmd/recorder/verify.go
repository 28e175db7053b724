package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"

	"annals/boltstore"
	"annals/events"
	"annals/record"
)

func (m *Main) verify(fs *pflag.FlagSet, c *config) func(ctx context.Context) error {
	asJSON := fs.Bool("json", false, "print one JSON document (its shape is in docs/json.md)")
	return func(ctx context.Context) error {
		if fs.NArg() != 0 {
			fs.Usage()
			return usageError{Msg: fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
		}
		logger, err := c.logger(m)
		if err != nil {
			return err
		}
		c.unchecked = true // verify reports a diverged stream instead of refusing it
		b, err := c.open(ctx, logger)
		if err != nil {
			return err
		}
		defer b.Close()
		r, err := record.Verify(ctx, b.log, b.store)
		if err != nil {
			return err
		}
		problems, total, err := b.store.CheckIndexes(ctx)
		if err != nil {
			r.Add(record.Divergence{Kind: record.DivergedIndexDamaged, Action: record.ActionReplay, Detail: err.Error()})
		}
		for _, p := range problems {
			r.Add(record.Divergence{Kind: record.DivergedIndexDamaged, Seq: p.Seq, Action: record.ActionReplay, Detail: p.Bucket + ": " + p.Problem})
		}
		for range total - len(problems) {
			r.Add(record.Divergence{Kind: record.DivergedIndexDamaged, Action: record.ActionReplay, Detail: "(not listed)"})
		}
		if *asJSON {
			if err := writeVerifyJSON(m.Stdout, b.log.Stream(), b.store.Path(), r); err != nil {
				return err
			}
		} else {
			writeVerifyText(m.Stdout, b.log.Stream(), b.store.Path(), r)
		}
		if !r.Clean() {
			what := "run `recorder replay` to rebuild the store"
			if r.StreamDiverged {
				what = "the stream lacks events the store holds: save them with `recorder export --out FILE` before anything else; writing is refused"
			}
			return fmt.Errorf("verify: %d divergences between stream %s and store %s; %s", r.Total, b.log.Stream(), b.store.Path(), what)
		}
		return nil
	}
}

// warnQuarantined prints one warning line on w when the store holds quarantined entries.
func warnQuarantined(ctx context.Context, w io.Writer, store *boltstore.Store) {
	if n, err := store.QuarantineCount(ctx); err == nil && n > 0 {
		fmt.Fprintf(w, "warning: %d events of the stream are quarantined; run recorder verify\n", n)
	}
}

func writeVerifyText(w io.Writer, stream, path string, r *record.Report) {
	fmt.Fprintf(w, "stream %s: created %s, seq %d to %d\n", stream, stamp(r.Stream.Created), r.Stream.FirstSeq, r.Stream.LastSeq)
	follows := "records no stream identity yet"
	if r.IdentityKnown {
		follows = "follows the stream created " + stamp(r.Identity.Created)
	}
	fmt.Fprintf(w, "store %s: up to seq %d, %s\n", path, r.StoreLastSeq, follows)
	if r.Clean() {
		fmt.Fprintf(w, "compared %d sequences and the store's indexes: no divergence\n", r.Compared)
	} else {
		fmt.Fprintf(w, "compared %d sequences and the store's indexes: %d divergences\n", r.Compared, r.Total)
		for _, d := range r.Divergences {
			seq := ""
			if d.Seq != 0 {
				seq = fmt.Sprintf(" seq %d", d.Seq)
			}
			fmt.Fprintf(w, "  %s%s: %s\n    do: %s\n", d.Kind, seq, d.Detail, d.Action)
		}
		if r.Total > len(r.Divergences) {
			fmt.Fprintf(w, "  and %d more\n", r.Total-len(r.Divergences))
		}
	}
	if len(r.Quarantined) > 0 {
		fmt.Fprintf(w, "quarantined: %d entries of the stream the store could not apply (skipped; the record goes on without them)\n", len(r.Quarantined))
		for _, q := range r.Quarantined {
			entity := ""
			if q.Entity != "" {
				entity = fmt.Sprintf(" (%s)", q.Entity)
			}
			fmt.Fprintf(w, "  seq %d%s: %s\n    %d bytes: %s\n", q.Seq, entity, q.Reason, q.Size, events.Excerpt(string(q.Raw), 120))
		}
	}
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// verifyJSON is the shape of `recorder verify --json` (docs/json.md).
type verifyJSON struct {
	Stream           verifyStreamJSON        `json:"stream"`
	Store            verifyStoreJSON         `json:"store"`
	Compared         uint64                  `json:"compared"`
	Clean            bool                    `json:"clean"`
	StreamDiverged   bool                    `json:"stream_diverged"`
	DivergencesTotal int                     `json:"divergences_total"`
	Divergences      []record.Divergence     `json:"divergences"`
	Quarantined      []verifyQuarantinedJSON `json:"quarantined"`
}

type verifyStreamJSON struct {
	Name     string `json:"name"`
	Created  string `json:"created"`
	FirstSeq uint64 `json:"first_seq"`
	LastSeq  uint64 `json:"last_seq"`
}

type verifyStoreJSON struct {
	Path           string  `json:"path"`
	LastSeq        uint64  `json:"last_seq"`
	StreamCreated  *string `json:"stream_created"`
	StreamFirstSeq uint64  `json:"stream_first_seq,omitempty"`
}

type verifyQuarantinedJSON struct {
	Seq       uint64          `json:"seq"`
	Entity    events.EntityID `json:"entity,omitempty"`
	Reason    string          `json:"reason"`
	Size      int             `json:"size"`
	RawBase64 string          `json:"raw_base64"`
}

func writeVerifyJSON(w io.Writer, stream, path string, r *record.Report) error {
	out := verifyJSON{
		Stream:           verifyStreamJSON{Name: stream, Created: stamp(r.Stream.Created), FirstSeq: r.Stream.FirstSeq, LastSeq: r.Stream.LastSeq},
		Store:            verifyStoreJSON{Path: path, LastSeq: r.StoreLastSeq},
		Compared:         r.Compared,
		Clean:            r.Clean(),
		StreamDiverged:   r.StreamDiverged,
		DivergencesTotal: r.Total,
		Divergences:      append([]record.Divergence{}, r.Divergences...),
		Quarantined:      []verifyQuarantinedJSON{},
	}
	if r.IdentityKnown {
		created := stamp(r.Identity.Created)
		out.Store.StreamCreated, out.Store.StreamFirstSeq = &created, r.Identity.FirstSeq
	}
	for _, q := range r.Quarantined {
		out.Quarantined = append(out.Quarantined, verifyQuarantinedJSON{Seq: q.Seq, Entity: q.Entity, Reason: q.Reason,
			Size: q.Size, RawBase64: base64.StdEncoding.EncodeToString(q.Raw)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
