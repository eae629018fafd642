#!/bin/sh
# Builds examples/vendor-plugin as a vendor would: installs the SDK's two components of the
# build tree (runtime: the shared library; sdk: headers, kit, CMake package) into a fresh
# prefix, then configures and builds the example out of tree against it.
#
#   build_vendor_plugin.sh <needlework-build-dir> <example-source-dir> <work-dir> \
#                          <cmake> <cxx-compiler> <build-type> [<compiler-launcher>]
#
# <work-dir>/prefix is the installed SDK, <work-dir>/build the example's build (lumen.so and
# the conformance runner the installed kit provides; its ctest runs the kit on lumen.so).
# The paths are stable from run to run so a warm ccache serves the compile.
set -eu
build_dir=$1 example_dir=$2 work_dir=$3 cmake=$4 cxx=$5 build_type=$6 launcher=${7:-}

rm -rf "$work_dir"
mkdir -p "$work_dir"
for component in runtime sdk; do
  "$cmake" --install "$build_dir" --prefix "$work_dir/prefix" --component "$component" \
    >>"$work_dir/install.log"
done

# Nothing of the Needlework tree may leak in: only the installed prefix is on the path.
env -u CMAKE_PREFIX_PATH "$cmake" -S "$example_dir" -B "$work_dir/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work_dir/prefix" \
  -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" \
  -DCMAKE_BUILD_TYPE="$build_type" \
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON
"$cmake" --build "$work_dir/build"
test -f "$work_dir/build/lumen.so"
test -x "$work_dir/build/needlework_conformance_runner"
