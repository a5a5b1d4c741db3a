# `make load`: one writer, ten read-only dashboards and a loop of `status` on one database for LOAD_SECONDS
# (default 180) against the release build; checks for lock errors, frame times and flat memory (bench/load.py).
LOAD_SECONDS ?= 180
LOAD_DASHBOARDS ?= 10

.PHONY: load
load: release
	LOAD_SECONDS=$(LOAD_SECONDS) LOAD_DASHBOARDS=$(LOAD_DASHBOARDS) \
	  $(PYTHON) bench/load.py --bin $(abspath $(RELEASE_BIN))
