# make fuzz: builds one libFuzzer executable per parser (Fuzz/Targets) with the fuzzer and address sanitizers,
# in a scratch path of its own so the ordinary .build is untouched, and runs each for FUZZ_SECONDS. A crash,
# a hang longer than FUZZ_TIMEOUT seconds, a sanitizer report or running out of memory fails the target; the
# input that did it is kept in .build-fuzz/findings/<target>/ and can be replayed by passing it to the target.
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 5
FUZZ_RSS_MB ?= 2048
FUZZ_TARGETS ?= FuzzResultLines FuzzEvents FuzzManifest FuzzDicomHeader FuzzInventory FuzzConfigTOML FuzzThemeTOML
FUZZ_SCRATCH := .build-fuzz
FUZZ_SEEDS ?= $(FUZZ_SCRATCH)/seeds
# --sanitize=fuzzer tells SwiftPM that libFuzzer supplies main (hence also -parse-as-library). The sanitizers are
# then given again as one -sanitize= list, which comes last and wins: SwiftPM passes each --sanitize as its own
# flag, in no fixed order, and swiftc keeps only the last one, so asking for address that way dropped the coverage
# instrumentation in some builds. Clang adds up -fsanitize flags, so C and C++ (zlib shims, TOMLKit's toml++)
# get both. gold, the default linker, keeps the coverage counters of Swift modules; lld drops them.
FUZZ_BUILD := CUTOVER_FUZZ=1 swift build --scratch-path $(FUZZ_SCRATCH) --sanitize=fuzzer \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=address
# Swift's own backtracer is switched off: it reads memory ASan considers poisoned and buries the real report.
# A DICOM header lies within the first few KB; longer inputs only slow the search. TOMLKit 0.6.0 never frees the
# C strings and key lists its C++ shim hands to Swift (a few bytes per parse), so leak checking (libFuzzer's per
# input and LeakSanitizer's at exit) is off for the two TOML targets only; they are still checked for every other sanitizer report.
FUZZ_DICOM_OPTIONS := -max_len=65536

.PHONY: fuzz fuzz-build

fuzz-build:
	@set -o pipefail; for target in $(FUZZ_TARGETS); do \
	  echo "building $$target"; \
	  $(FUZZ_BUILD) --product $$target 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\]|Cannot export local symbol' || true; } || exit 1; \
	  test -x $(FUZZ_SCRATCH)/debug/$$target || exit 1; \
	done

fuzz: fuzz-build
	@Fuzz/seed-corpus.sh $(FUZZ_SEEDS)
	@failed=""; \
	for target in $(FUZZ_TARGETS); do \
	  corpus=$(FUZZ_SCRATCH)/corpus/$$target; findings=$(FUZZ_SCRATCH)/findings/$$target; log=$(FUZZ_SCRATCH)/logs/$$target.log; \
	  mkdir -p $$corpus $$findings $(FUZZ_SCRATCH)/logs $(FUZZ_SEEDS)/$$target; \
	  extra=""; asan=""; \
	  case $$target in FuzzDicomHeader) extra="$(FUZZ_DICOM_OPTIONS)";; *TOML) extra="-detect_leaks=0"; asan="detect_leaks=0";; esac; \
	  start=$$(date +%s); \
	  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=$$asan $(FUZZ_SCRATCH)/debug/$$target $$corpus $(FUZZ_SEEDS)/$$target $$extra \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) \
	    -artifact_prefix=$$findings/ -print_final_stats=1 >$$log 2>&1; \
	  status=$$?; seconds=$$(( $$(date +%s) - start )); \
	  done_line=$$(grep -E '^#[0-9]+[[:space:]].*cov:' $$log | tail -1); \
	  runs=$$(grep -Eo 'stat::number_of_executed_units: [0-9]+' $$log | grep -Eo '[0-9]+$$' | tail -1); \
	  cov=$$(echo "$$done_line" | grep -Eo 'cov: [0-9]+' | grep -Eo '[0-9]+'); \
	  corp=$$(echo "$$done_line" | grep -Eo 'corp: [0-9]+' | grep -Eo '[0-9]+'); \
	  if [ $$status -eq 0 ]; then verdict=ok; else verdict="FAILED (exit $$status, see $$log and $$findings/)"; failed="$$failed $$target"; fi; \
	  printf '%-16s %s: %s runs in %ss, cov: %s, corpus: %s inputs\n' $$target "$$verdict" "$${runs:-?}" $$seconds "$${cov:-?}" "$${corp:-?}"; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzzing failed:$$failed"; exit 1; fi
