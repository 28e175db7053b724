// Package generate writes a deterministic, seeded synthetic history of political parties for the
// benchmarks: foundings, renames, splits, mergers, bans and dissolutions, leaders and deputies with
// overlapping terms, constituency election results, dates at day, month and year precision, and a few
// percent of disputes (two sources giving different dates for the same founding).
//
// Every fact quotes a sentence of a generated document (one document per chunk of parties), so the
// recorder's quote check runs on every fact. The same Config always yields the same facts, byte for
// byte. Corrections need the ids of recorded events, so they are made after recording, by Corrections.
package generate

import (
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strings"
	"sync"

	"annals/events"
	"annals/extract"

	"github.com/oklog/ulid/v2"
)

// Defaults for Config.
const (
	DefaultSeed          = 1
	DefaultPartiesPerDoc = 20
	DefaultDisputeRate   = 0.03
)

// Config sizes a history.
type Config struct {
	Parties       int     // parties in the history
	Seed          int64   // DefaultSeed if zero
	PartiesPerDoc int     // parties per generated document; DefaultPartiesPerDoc if zero
	DisputeRate   float64 // share of parties whose founding two sources date differently; DefaultDisputeRate if zero
}

func (c *Config) setDefaults() {
	if c.Seed == 0 {
		c.Seed = DefaultSeed
	}
	if c.PartiesPerDoc <= 0 {
		c.PartiesPerDoc = DefaultPartiesPerDoc
	}
	if c.DisputeRate == 0 {
		c.DisputeRate = DefaultDisputeRate
	}
}

// Chunk is one generated document and the curated facts that quote it, in the shape `recorder ingest`
// reads (NAME.txt beside NAME.facts.json).
type Chunk struct {
	Name    string            // file name of the document, such as "volume-00001.txt"
	Text    string            // the document
	Curated extract.Curated   // its facts file
	Parties []events.EntityID // the parties it describes
}

// Facts returns the facts the recorder ingests for the chunk: the document itself, the name the
// extractor gives the chunk's subject, then the curated facts, as sources.Load yields them.
func (c Chunk) Facts() []events.Fact {
	title := strings.TrimSuffix(strings.TrimPrefix(firstLine(c.Text), "= "), " =")
	src := events.Source{Document: c.Name, Quote: firstLine(c.Text)}
	out := make([]events.Fact, 0, len(c.Curated.Facts)+2)
	out = append(out,
		events.Fact{Type: events.TypeDocumentRecorded, Entity: events.DocumentEntity(c.Name), Date: events.MustParseDate("XXXX"),
			Source: src, Payload: events.DocumentRecorded{Name: c.Name, Title: title, SHA256: events.DocumentDigest(c.Text), Text: c.Text}},
		events.Fact{Type: events.TypeEntityNamed, Entity: c.Curated.Subject, Date: events.MustParseDate("XXXX"),
			Source: events.Source{Document: c.Name, Quote: title}, Payload: events.EntityNamed{Kind: c.Curated.SubjectKind, Name: title, NameType: events.NameOfficial}})
	for _, f := range c.Curated.Facts {
		if f.Source.Document == "" && f.Source.Title == "" {
			f.Source.Document = c.Name
		}
		out = append(out, f)
	}
	return out
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// History is a generated history.
type History struct {
	Config Config
	Chunks []Chunk
}

// Facts returns every fact of the history, chunk by chunk.
func (h *History) Facts() []events.Fact {
	var out []events.Fact
	for _, c := range h.Chunks {
		out = append(out, c.Facts()...)
	}
	return out
}

// Parties returns the id of every party of the history, in generation order.
func (h *History) Parties() []events.EntityID {
	var out []events.EntityID
	for _, c := range h.Chunks {
		out = append(out, c.Parties...)
	}
	return out
}

// PartyID returns the id of party i.
func PartyID(i int) events.EntityID { return events.EntityID(fmt.Sprintf("party-%06d", i)) }

var (
	ideologies = []string{"social democracy", "liberalism", "conservatism", "agrarianism", "nationalism",
		"communism", "green politics", "christian democracy", "royalism", "populism", "federalism"}
	regions   = []string{"North", "South", "East", "West", "Coast", "Highlands", "Capital", "Delta", "Valley", "Plains"}
	syllables = []string{"ka", "lo", "ra", "mi", "so", "ve", "tan", "dor", "bel", "na", "ri", "sa", "un", "po", "el", "gar"}
	nouns     = []string{"People's", "Democratic", "National", "Liberal", "Workers'", "Farmers'", "Republican",
		"Progressive", "United", "Popular", "Free", "Social", "Green", "Patriotic", "Reform", "Union"}
)

// Generate returns the history cfg describes. It is deterministic: the same Config gives the same
// history.
func Generate(cfg Config) *History {
	cfg.setDefaults()
	h := &History{Config: cfg}
	for start := 0; start < cfg.Parties; start += cfg.PartiesPerDoc {
		h.Chunks = append(h.Chunks, chunkAt(cfg, start))
	}
	return h
}

// chunkAt generates the chunk whose first party is start. Each chunk has its own stream of randomness,
// so a chunk does not depend on the chunks before it.
func chunkAt(cfg Config, start int) Chunk {
	end := min(start+cfg.PartiesPerDoc, cfg.Parties)
	rng := rand.New(rand.NewSource(cfg.Seed*1_000_003 + int64(start)))
	return genChunk(rng, cfg, start/cfg.PartiesPerDoc, start, end)
}

// Ahead returns next, reading one batch ahead in a goroutine of its own: each call gives the batch read
// while the caller worked on the one before. Cancel stops the reading (a caller that stops before
// io.EOF calls it; after io.EOF it does nothing).
func Ahead(next func() ([]events.Fact, error)) (ahead func() ([]events.Fact, error), cancel func()) {
	type batch struct {
		facts []events.Fact
		err   error
	}
	ch := make(chan batch, 1)
	stop := make(chan struct{})
	go func() {
		defer close(ch)
		for {
			facts, err := next()
			select {
			case ch <- batch{facts, err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var once sync.Once
	return func() ([]events.Fact, error) {
			b, ok := <-ch
			if !ok {
				return nil, io.EOF
			}
			return b.facts, b.err
		}, func() {
			once.Do(func() { close(stop) })
		}
}

// Stream returns the facts of the history cfg describes as a stream, for a recorder to read as they are
// generated (record.Recorder.RecordStream): each call gives the facts of the next chunks, about
// batchFacts of them (whole chunks), and io.EOF after the last. The facts are those of Generate's
// History, in the same order; none is held once given.
func Stream(cfg Config, batchFacts int) func() ([]events.Fact, error) {
	cfg.setDefaults()
	start := 0
	return func() ([]events.Fact, error) {
		if start >= cfg.Parties {
			return nil, io.EOF
		}
		var out []events.Fact
		for start < cfg.Parties && len(out) < batchFacts {
			out = append(out, chunkAt(cfg, start).Facts()...)
			start += cfg.PartiesPerDoc
		}
		return out, nil
	}
}

type chunkWriter struct {
	rng   *rand.Rand
	name  string
	text  strings.Builder
	facts []events.Fact
	seen  map[string]bool
}

// add writes sentence into the document and a fact quoting it.
func (w *chunkWriter) add(typ events.Type, entity events.EntityID, date string, p events.Payload, sentence string) {
	if w.seen[sentence] {
		sentence = fmt.Sprintf("%s (again, %d)", sentence, len(w.facts))
	}
	w.seen[sentence] = true
	w.text.WriteString(sentence)
	w.text.WriteString(" ")
	w.facts = append(w.facts, events.Fact{Type: typ, Entity: entity, Date: events.MustParseDate(date),
		Source: events.Source{Quote: sentence}, Payload: p})
}

func (w *chunkWriter) word() string {
	n := 2 + w.rng.Intn(2)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[w.rng.Intn(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func (w *chunkWriter) partyName() string {
	return fmt.Sprintf("%s %s Party of %s", nouns[w.rng.Intn(len(nouns))], nouns[w.rng.Intn(len(nouns))], w.word())
}

// date returns a date in year y at day, month or year precision.
func (w *chunkWriter) date(y int) string {
	switch r := w.rng.Intn(10); {
	case r < 5:
		return fmt.Sprintf("%04d-%02d-%02d", y, 1+w.rng.Intn(12), 1+w.rng.Intn(28))
	case r < 8:
		return fmt.Sprintf("%04d-%02d", y, 1+w.rng.Intn(12))
	default:
		return fmt.Sprintf("%04d", y)
	}
}

func abbreviation(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		if f != "of" {
			b.WriteByte(f[0])
		}
	}
	return b.String()
}

func genChunk(rng *rand.Rand, cfg Config, index, start, end int) Chunk {
	name := fmt.Sprintf("volume-%05d.txt", index+1)
	w := &chunkWriter{rng: rng, name: name, seen: map[string]bool{}}
	title := fmt.Sprintf("Party histories, volume %d", index+1)
	fmt.Fprintf(&w.text, "= %s =\n\n", title)
	var parties []events.EntityID
	for i := start; i < end; i++ {
		id := PartyID(i)
		parties = append(parties, id)
		genParty(w, cfg, i, id)
		w.text.WriteString("\n\n")
	}
	return Chunk{Name: name, Text: w.text.String(), Parties: parties, Curated: extract.Curated{
		Document: name, Subject: events.EntityID(fmt.Sprintf("archive-volume-%05d", index+1)),
		SubjectKind: events.KindOrganisation, Facts: w.facts}}
}

// genParty writes about ten facts on party i.
func genParty(w *chunkWriter, cfg Config, i int, id events.EntityID) {
	rng := w.rng
	name := w.partyName()
	abbr := abbreviation(name)
	founded := 1900 + rng.Intn(110)
	fdate := w.date(founded)
	w.add(events.TypeEntityNamed, id, "XXXX", events.EntityNamed{Kind: events.KindParty, Name: name, NameType: events.NameOfficial},
		fmt.Sprintf("The %s (party %d) is a political party.", name, i))
	w.add(events.TypeEntityNamed, id, "XXXX", events.EntityNamed{Kind: events.KindParty, Name: abbr, NameType: events.NameAbbreviation},
		fmt.Sprintf("It is known as %s (party %d).", abbr, i))
	founder := events.EntityID(fmt.Sprintf("person-%06d-1", i))
	w.add(events.TypePartyFounded, id, fdate, events.PartyFounded{Name: name, Founders: []events.EntityID{founder}},
		fmt.Sprintf("Party %d was founded by %s in %s.", i, founder, fdate))
	if rng.Float64() < cfg.DisputeRate {
		other := w.date(founded + 1 + rng.Intn(3))
		w.add(events.TypePartyFounded, id, other, events.PartyFounded{Name: name},
			fmt.Sprintf("Another account dates the founding of party %d to %s.", i, other))
	}
	// Leaders and deputies, with overlapping terms.
	year := founded
	for k := 1; k <= 2; k++ {
		person := events.EntityID(fmt.Sprintf("person-%06d-%d", i, k))
		role := "leader"
		if k == 2 {
			role = "deputy"
		}
		took := w.date(year + rng.Intn(3))
		w.add(events.TypeLeaderTookOffice, id, took, events.LeaderTookOffice{Office: events.Office{Person: person, Role: role}},
			fmt.Sprintf("%s became %s of party %d in %s.", person, role, i, took))
		if rng.Intn(2) == 0 {
			left := w.date(year + 4 + rng.Intn(10))
			w.add(events.TypeLeaderLeftOffice, id, left, events.LeaderLeftOffice{Office: events.Office{Person: person, Role: role}},
				fmt.Sprintf("%s stepped down as %s of party %d in %s.", person, role, i, left))
		}
		year += 2
	}
	ideology := ideologies[rng.Intn(len(ideologies))]
	w.add(events.TypePartyIdeology, id, "XXXX", events.PartyIdeology{Ideologies: []string{ideology}},
		fmt.Sprintf("Party %d professes %s.", i, ideology))
	// Election results per constituency.
	elections := 1 + rng.Intn(3)
	for e := range elections {
		ey := founded + 4 + 4*e
		region := regions[rng.Intn(len(regions))]
		votes := 1000 + rng.Int63n(200000)
		w.add(events.TypeElectionResult, id, fmt.Sprintf("%04d", ey), events.ElectionResult{
			Election: fmt.Sprintf("%d general election", ey), Level: "constituency", Constituency: region,
			Votes: votes, Seats: fmt.Sprint(rng.Intn(5))},
			fmt.Sprintf("In the %d general election party %d won %d votes in %s.", ey, i, votes, region))
	}
	if rng.Intn(10) < 3 {
		to := w.partyName()
		rdate := w.date(founded + 5 + rng.Intn(20))
		w.add(events.TypePartyRenamed, id, rdate, events.PartyRenamed{From: name, To: to},
			fmt.Sprintf("In %s party %d renamed itself the %s.", rdate, i, to))
	}
	end := founded + 10 + rng.Intn(60)
	if end > 2025 {
		return // still active
	}
	edate := w.date(end)
	other := PartyID(rng.Intn(cfg.Parties))
	switch r := rng.Intn(10); {
	case r < 3:
		w.add(events.TypePartyDissolved, id, edate, events.PartyDissolved{},
			fmt.Sprintf("Party %d was dissolved in %s.", i, edate))
	case r < 5:
		w.add(events.TypePartyBanned, id, edate, events.PartyBanned{Reason: "subversion"},
			fmt.Sprintf("Party %d was banned in %s for subversion.", i, edate))
	case r < 7 && other != id:
		w.add(events.TypePartyMerged, other, edate, events.PartyMerged{Members: []events.EntityID{id}},
			fmt.Sprintf("In %s party %d merged into %s.", edate, i, other))
		w.add(events.TypePartyDissolved, id, edate, events.PartyDissolved{},
			fmt.Sprintf("Party %d ceased to exist when it merged in %s.", i, edate))
	case r < 9 && other != id:
		w.add(events.TypePartySplit, id, edate, events.PartySplit{NewParty: other, Region: regions[rng.Intn(len(regions))]},
			fmt.Sprintf("In %s a faction of party %d broke away to found %s.", edate, i, other))
	default:
		w.add(events.TypePartyCeased, id, edate, events.PartyCeased{Reason: "lost all its seats"},
			fmt.Sprintf("Party %d ceased activity in %s after losing all its seats.", i, edate))
	}
}

// Corrections returns correction facts for about rate of the recorded events given (documents and
// names left out), chosen by seed: each supersedes one event and restates its fact one year later,
// quoting the same sentence, with a reason. Record them after the events they correct.
func Corrections(recorded []events.Event, rate float64, seed int64) []events.Fact {
	rng := rand.New(rand.NewSource(seed))
	var out []events.Fact
	sorted := append([]events.Event(nil), recorded...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID.Compare(sorted[j].ID) < 0 })
	for _, e := range sorted {
		if e.Type == events.TypeDocumentRecorded || e.Type == events.TypeEntityNamed || e.IsCorrection() {
			continue
		}
		if rng.Float64() >= rate {
			continue
		}
		f := e.Fact
		f.Note = ""
		f.Date = shiftYear(f.Date)
		f.Supersedes = []ulid.ULID{e.ID}
		f.Reason = "the source's date was misread by a year"
		out = append(out, f)
	}
	return out
}

// shiftYear returns d one year later, or d itself when it is undated.
func shiftYear(d events.Date) events.Date {
	s := d.String()
	if len(s) < 4 || s[0] < '0' || s[0] > '9' {
		return d
	}
	var y int
	if _, err := fmt.Sscanf(s[:4], "%04d", &y); err != nil {
		return d
	}
	nd, err := events.ParseDate(fmt.Sprintf("%04d", y+1) + s[4:])
	if err != nil {
		return d
	}
	return nd
}
