# The two commands of the README: `make run` and `make test`. Everything they need is
# installed by scripts/install-deps.sh (Debian 12, as root or with sudo).
SHELL := /bin/bash
BUILD ?= build
TEST_BUILD ?= build-test
JOBS ?= $(shell nproc)
DB ?= var/sanad.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps build ui run test test-fast bench bench-dedup bench-people bench-cases bench-assistance bench-reports fuzz format lint clean

all: build

deps:
	@scripts/install-deps.sh

ui: deps
	@scripts/build-ui.sh

build: deps ui
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DSANAD_TESTS=OFF
	cmake --build $(BUILD) -j $(JOBS) --target sanad

run: build
	@scripts/run.sh $(BUILD)/sanad "$(DB)" "$(LISTEN)"

# Tests run on a build with AddressSanitizer and UBSan, on SQLite and on a scratch
# PostgreSQL server started by the test scripts, then the browser tests and a short fuzz run.
test: deps ui
	@scripts/test.sh $(TEST_BUILD)

bench: build
	@scripts/bench.sh $(BUILD)

# Deduplication beside the PostgreSQL peer at 100,000 and 1,000,000 records (the peer's
# million-record run takes over half an hour), and people search through the API at a million.
bench-dedup: build
	@scripts/bench-dedup.sh $(BUILD)

bench-people: build
	@scripts/bench-people.sh $(BUILD)

# Protection cases in-process: lists, dashboards and one case's read with and without its
# decryption and audit entry, at 200,000 cases and 1,000,000 audit rows, SQLite and PostgreSQL.
bench-cases: build
	@scripts/bench-cases.sh $(BUILD)

# Assistance: draw a beneficiary list from a million people, then collections per second with 16
# concurrent clients at the collection endpoint beside the raw database write rate, SQLite and
# PostgreSQL.
bench-assistance: build
	@scripts/bench-assistance.sh $(BUILD)

# Reports: the dashboard and the 4W export over a million people and 5,000,000 service records,
# cold and warm, beside hand-written SQL of the same figures (checked equal), SQLite and
# PostgreSQL. Drops the OS page cache before each cold run when run as root.
bench-reports: build
	@scripts/bench-reports.sh $(BUILD)

fuzz: deps
	@scripts/fuzz.sh build-fuzz 60

# clang-tidy over every source (about half an hour on 2 cores); `make test` checks only what
# changed since the commit this records in .ci/tidy-baseline.
lint: deps
	cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSANAD_SANITIZE=ON \
	  -DSANAD_TESTS=ON -DSANAD_BENCH=ON >/dev/null
	cmake --build $(TEST_BUILD) -j $(JOBS)
	@scripts/lint.sh $(TEST_BUILD) all

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(TEST_BUILD) build-fuzz ui/dist
