# Thin wrapper over CMake presets. The two commands a newcomer needs:
#   make run    install deps, build, start needlework-host on 127.0.0.1:50051 with a demo clinic
#   make test   install deps, build, run every test with ctest
PRESET ?= default
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CTEST_ARGS ?=

.PHONY: deps configure build run test clean

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

clean:
	rm -rf $(BUILD_DIR)
