package wire

import (
	"bufio"
	"bytes"
	"io"
	"testing"
)

// FuzzReply: whatever a server sends after a request, reading its reply returns a message or an
// error, never panics, and never takes a payload larger than the server's max_payload.
func FuzzReply(f *testing.F) {
	for _, seed := range []string{
		"MSG _INBOX.x 1 5\r\nhello\r\n",
		"HMSG _INBOX.x 1 28 30\r\nNATS/1.0\r\nA-B: c d\r\n\r\nhi\r\n",
		"HMSG _INBOX.x 1 16 16\r\nNATS/1.0 503\r\n\r\n\r\n",
		"PING\r\nMSG _INBOX.x 1 0\r\n\r\n",
		"-ERR 'Permissions Violation'\r\n",
		"MSG _INBOX.x 1 999999999999\r\n",
		"HMSG a 1 9 3\r\nNATS/1.0\r\n",
		"MSG a\r\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &natsConn{r: bufio.NewReader(bytes.NewReader(data)), w: bufio.NewWriter(io.Discard), maxPayload: 1 << 16}
		m, err := c.request("annals.api.state", []byte("{}"))
		if err != nil {
			return
		}
		if len(m.data) > c.maxPayload {
			t.Fatalf("a reply of %d bytes, more than max_payload %d", len(m.data), c.maxPayload)
		}
		_ = m.header(HeaderAppliedSeq)
	})
}
