# annals: two commands set up everything on a fresh machine:
#   make run    records the seed documents on the embedded NATS server and prints a sample date
#   make test   runs the whole test suite with the race detector

GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.Version=$(VERSION)
DATA    ?= data
AT      ?= 1995-03-01
FUZZTIME ?= 30s
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
BENCH_SIZES ?= 1k,10k
BENCH_TIME ?= 1x
BENCH_JSON ?= results/latest.json

.PHONY: all build run test bench lint fmt fuzz soak clean clean-data

all: build

# The programs are built without cgo: static binaries that run on any Linux of the architecture, and
# start faster (no dynamic loader). Tests keep cgo: the race detector needs it.
build:
	@mkdir -p bin
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o bin/recorder ./cmd/recorder
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o bin/query ./cmd/query

run: build
	./bin/recorder ingest --data $(DATA) seeds
	./bin/query state --data $(DATA) --at $(AT)

test:
	$(GO) test -race -count=1 ./...
	cd bench && $(GO) test -race -count=1 ./...

# make bench: the Go benchmarks of the hot paths, briefly, then the scale harness in bench/ (its own
# module) at BENCH_SIZES parties (about 10 events a party). The top size of the issue, 1M events:
#   make bench BENCH_SIZES=1k,10k,100k
bench:
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCH_TIME) -count=1 ./...
	cd bench && $(GO) run ./cmd/annals-bench run --sizes $(BENCH_SIZES) --json $(BENCH_JSON)

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt -l:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...
	cd bench && $(GO) vet ./... && $(GO) run $(STATICCHECK) ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

# Runs every fuzz target for FUZZTIME each.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$target"; \
	    $(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# make soak: kills the recorder with SIGKILL at random points of ingest, replay, import and correct
# (SOAK kills), runs each again to the end, and checks that nothing was lost or doubled.
SOAK ?= 100
soak:
	$(GO) test ./cmd/recorder -run '^TestSoak$$' -soak $(SOAK) -count=1 -v -timeout 60m

# make clean removes build outputs only. The record (DATA: the stream, the store, the signing key and
# every fact and correction entered by hand) goes only with make clean-data CONFIRM=yes.
clean:
	rm -rf bin

clean-data:
	@if [ "$(CONFIRM)" != "yes" ]; then \
	  echo "make clean-data deletes $(DATA): the record with every hand-entered fact and correction."; \
	  echo "Save it first with ./bin/recorder export --data $(DATA) --out record.jsonl, then run: make clean-data CONFIRM=yes"; \
	  exit 2; \
	fi
	rm -rf $(DATA)
