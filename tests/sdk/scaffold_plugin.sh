#!/bin/sh
# The scaffold as a vendor uses it: needlework-plugin-new from the SDK installed by the
# vendor_plugin fixture (<prefix>/bin, its template in <prefix>/share), then the project's
# own build and tests against that SDK only.
#   scaffold_plugin.sh <prefix> <work-dir> <cmake> <ctest> <cxx> <build-type> [<launcher>]
set -eu
prefix=$1 work_dir=$2 cmake=$3 ctest=$4 cxx=$5 build_type=$6 launcher=${7:-}
rm -rf "$work_dir"
mkdir -p "$work_dir"
cd "$work_dir"
"$prefix/bin/needlework-plugin-new" com.acme.thing --hooks screen,aftercare,triage,catalog,plan,check_booking
test -f thing/src/plugin.cc
# Every hook's example came with its requests.
for sample in screen aftercare triage catalog plan check_booking-too-close; do
  test -f "thing/tests/requests/$sample.json"
  test -f "thing/tests/requests/$sample.expected.json"
done
env -u CMAKE_PREFIX_PATH "$cmake" -S thing -B thing/build -G Ninja \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" -DCMAKE_BUILD_TYPE="$build_type" \
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
"$cmake" --build thing/build
"$ctest" --test-dir thing/build --output-on-failure --no-tests=error
# Both of its tests ran: the conformance kit (with the expected answers) and its own.
"$ctest" --test-dir thing/build -N | grep -q 'Total Tests: 2'
