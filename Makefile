# Thin wrapper over CMake presets. The two commands a newcomer needs:
#   make run    install deps, build, start needlework-host on 127.0.0.1:50051 with a demo clinic
#   make test   install deps, build, run every test with ctest
#   make bench  install deps, build, run the benchmarks (bench/, see BENCHMARKS.md)
PRESET ?= default
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CTEST_ARGS ?=

.PHONY: deps configure build run test bench clean

deps:
	@scripts/install-deps

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	@mkdir -p var
	$(BUILD_DIR)/host/needlework-host --config config/dev.yaml --seed-demo

test: build
	@ctest --preset $(PRESET) -j $(JOBS) $(CTEST_ARGS)

# The microbenchmarks, then the load scenarios (host vs bare gRPC baseline, alternating);
# one table on stdout, JSON in bench/results/. BENCH_ARGS, e.g. "--repetitions 7".
BENCH_ARGS ?=
bench: configure
	@cmake --build --preset $(PRESET) -j $(JOBS) --target needlework-bench needlework-micro-bench
	@mkdir -p bench/results
	$(BUILD_DIR)/bench/needlework-micro-bench --benchmark_repetitions=5 \
	  --benchmark_report_aggregates_only=true --benchmark_out_format=json \
	  --benchmark_out=bench/results/micro-latest.json 2>/dev/null
	$(BUILD_DIR)/bench/needlework-bench --build-dir $(BUILD_DIR) --source-dir . \
	  --out-dir bench/results --micro-json bench/results/micro-latest.json $(BENCH_ARGS)

clean:
	rm -rf $(BUILD_DIR)
