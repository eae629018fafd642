#!/bin/sh
# Builds and tests the plugin from a clean build directory: what CI should run.
set -eu
cd "$(dirname "$0")"
rm -rf build-ci
cmake -S . -B build-ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build-ci
ctest --test-dir build-ci --output-on-failure --no-tests=error
