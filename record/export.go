package record

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"annals/events"
)

// Export writes every event the store holds to w as JSON Lines, in sequence order: one line per
// event, in the wire encoding of events.EncodeEvent (the encoding the log and the store keep), so
// that Import reads it back as the same events. It returns how many events it wrote. The store's
// sequences are not written: an import gives the events new ones, the same when the store skipped no
// duplicate.
func Export(ctx context.Context, store events.Store, w io.Writer) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	n := 0
	err := store.Scan(ctx, 1, func(st events.Stored) error {
		data, err := events.EncodeEvent(st.Event)
		if err != nil {
			return fmt.Errorf("seq %d: %w", st.Seq, err)
		}
		data = append(data, '\n')
		if _, err := bw.Write(data); err != nil {
			return err
		}
		n++
		return nil
	})
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return n, fmt.Errorf("export after %d events: %w", n, err)
	}
	return n, nil
}
