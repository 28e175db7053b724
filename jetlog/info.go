package jetlog

import (
	"context"
	"fmt"
	"strings"

	"annals/events"
)

// Info returns the stream's identity and extent: its creation time (a stream deleted and created
// again has another, even under the same name), its first and its last sequence.
func (l *Log) Info(ctx context.Context) (events.LogInfo, error) {
	info, err := l.stream.Info(ctx)
	if err != nil {
		return events.LogInfo{}, fmt.Errorf("stream %s info: %w", l.cfg.Stream, err)
	}
	return events.LogInfo{Created: info.Created.UTC(), FirstSeq: info.State.FirstSeq, LastSeq: info.State.LastSeq}, nil
}

// undecodable is the entry Read delivers for a message that is not an event: the error, the
// message's bytes, and the entity whose subjects it was published on, when the subject names a valid
// one (the log holds it there, so a writer to that entity must expect its sequence).
func (l *Log) undecodable(seq uint64, subject string, data []byte, err error) events.Stored {
	st := events.Stored{Seq: seq, Raw: data,
		Err: fmt.Errorf("stream %s seq %d (%s): %w", l.cfg.Stream, seq, subject, err)}
	if rest, ok := strings.CutPrefix(subject, l.cfg.Prefix+"."); ok {
		token, _, _ := strings.Cut(rest, ".")
		if id := events.EntityID(token); id.Validate() == nil {
			st.Event.Entity = id
		}
	}
	return st
}
