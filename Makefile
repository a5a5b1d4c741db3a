# cutover — every routine is a target. `make demo` and `make test` set up a fresh machine themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := help

APT_PACKAGES := libncursesw5-dev libsqlite3-dev libcurl4-openssl-dev zlib1g-dev tmux sqlite3 openssl orthanc orthanc-dicomweb
# module:requirement pairs; a module that imports is left alone.
PIP_TEST := pytest:pytest pydicom:pydicom==3.0.2 botocore:botocore boto3:boto3 moto:moto[server]
PIP_BENCH := duckdb:duckdb
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON ?= python3
DEBUG_BIN := .build/debug/cutover
RELEASE_BIN := .build/release/cutover

.PHONY: help deps deps-bench build release test test-swift test-e2e demo bench clean

help:
	@echo "make demo    build and run the live demo (installs what is missing)"
	@echo "make test    build and run every test (installs what is missing)"
	@echo "make bench   measure ingest against Python and DuckDB; writes docs/benchmarks.md"
	@echo "make load    one writer, ten read-only dashboards and a status loop for LOAD_SECONDS (default 180)"
	@echo "make fuzz    fuzz every parser for FUZZ_SECONDS each (default 60); findings in .build-fuzz/findings/"

# System packages through apt and Python tools through pip, each only when missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@for pair in $(PIP_TEST); do \
	  $(PYTHON) -c "import $${pair%%:*}" 2>/dev/null || $(PYTHON) -m pip install -q "$${pair#*:}"; \
	done

deps-bench: deps
	@for pair in $(PIP_BENCH); do \
	  $(PYTHON) -c "import $${pair%%:*}" 2>/dev/null || $(PYTHON) -m pip install -q "$${pair#*:}"; \
	done

build: deps
	swift build

release: deps
	swift build -c release

test: deps
	swift build --build-tests
	$(MAKE) test-swift test-e2e

# pydicom's reading of its own bundled test files is the oracle for our DICOM header reader.
ORACLE := .build/pydicom-oracle.jsonl
test-swift:
	$(PYTHON) tests/e2e/pydicom_oracle.py "$$($(PYTHON) -c 'import pydicom.data,os;print(os.path.dirname(pydicom.data.__file__))')/test_files" > $(ORACLE)
	CUTOVER_PYDICOM_ORACLE=$(abspath $(ORACLE)) swift test --skip-build

test-e2e:
	CUTOVER_BIN=$(abspath $(DEBUG_BIN)) $(PYTHON) -m pytest -q tests/e2e

demo: release
	$(RELEASE_BIN) demo --dir cutover-demo

bench: deps-bench release
	$(PYTHON) bench/run.py --cutover $(abspath $(RELEASE_BIN)) --lines $${BENCH_LINES:-1000000} --out docs/benchmarks.md

clean:
	rm -rf .build .build-fuzz cutover-demo bench-data

include Fuzz/fuzz.mk
include bench/load.mk
