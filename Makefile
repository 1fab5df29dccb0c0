# The two commands of the README: `make run` and `make test`.
SWIFT ?= swift
PREFIX ?= /usr/local

.PHONY: run test build release install dependencies clean fuzz format

dependencies:
	@scripts/install-dependencies.sh

build: dependencies
	$(SWIFT) build

## Installs what is missing, builds, and starts a second interview on the default role.
run: build
	.build/debug/rehearse practice

## Builds everything (the tests drive the built binaries) and runs the whole suite, then runs the
## end-to-end tests again on the release build `make install` puts in place: it is optimized and
## linked differently, and a crash handler once worked only in the debug build.
test: dependencies
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) build -c release --static-swift-stdlib
	REHEARSE_PRODUCTS_DIR="$$($(SWIFT) build -c release --static-swift-stdlib --show-bin-path)" \
		$(SWIFT) test --skip-build --filter EndToEndTests

## The Swift runtime is linked in: a session starts in less time and memory (Benchmarks/README.md).
release: dependencies
	$(SWIFT) build -c release --static-swift-stdlib

## Installs the binary and the bundled scenarios under $(PREFIX).
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/rehearse/scenarios
	install -m 755 .build/release/rehearse $(PREFIX)/bin/rehearse
	install -m 644 scenarios/*.yaml $(PREFIX)/share/rehearse/scenarios/

## Runs every libFuzzer target for FUZZ_SECONDS each (default 300): see Fuzz/README.md.
fuzz: dependencies
	FUZZ_SECONDS=$${FUZZ_SECONDS:-300} Fuzz/run.sh

## Formats the Swift sources with the toolchain's swift-format and the checked-in .swift-format.
format:
	$(SWIFT) format format -i -r --configuration .swift-format Sources Tests Package.swift Fuzz/Sources Fuzz/Package.swift

clean:
	rm -rf .build
