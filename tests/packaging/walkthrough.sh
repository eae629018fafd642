#!/bin/sh
# The vendor walk-through of sdk/README.md ("Ten minutes with the example plugin", steps 2
# to 5), run against the packages install_debs.sh installed into <work-dir>/root:
#   walkthrough.sh <work-dir> <cmake> <ctest> <source-dir> <cxx> [<launcher>]
# The commands are the README's own: readme_blocks.sh extracts every block marked
# `<!-- walkthrough: NAME -->`, each block's output goes to readme/NAME.txt, and the checks
# below read those. What a scratch root and a shared machine need is done around the
# commands, never by rewriting them, except for three substitutions in the extracted text:
#   - `/usr/` becomes `<root>/usr/` (the packages are in a scratch root, not in /);
#   - the host listens on port 0 and writes its address to a ready file (runs in other build
#     trees must not collide on 50061), and the README's 127.0.0.1:50061 becomes that address;
#   - the host, which the README runs in the foreground of its own terminal, runs in the
#     background, and the script waits until it serves.
# Around them: HOME is a scratch home (so ~/lumen is <work-dir>/home/lumen), the commands
# run from the source tree's root as the README says, the root's /usr/bin is first on PATH
# and its /usr/lib on LD_LIBRARY_PATH, and CMake finds the SDK through CMAKE_PREFIX_PATH.
set -eu
. "$(dirname "$0")/lib.sh"
# A failed check also shows what the README's commands printed.
fail() { cat "$work_dir/readme.log" >&2 2>/dev/null; echo "$(basename "$0"): $*" >&2; exit 1; }
work_dir=$(cd "$1" && pwd) cmake=$2 ctest=$3 source_dir=$4 cxx=$5 launcher=${6:-}
root="$work_dir/root"
out="$work_dir/readme"
ready="$work_dir/host.ready"
umask 022  # plugin directories must not be group- or world-writable
rm -rf "$work_dir/home" "$out" "$ready"
mkdir -p "$work_dir/home" "$out"
lumen="$work_dir/home/lumen"

# The README's commands, with the substitutions above.
sh "$(dirname "$0")/readme_blocks.sh" "$source_dir/sdk/README.md" "$out" |
  sed -e "s#/usr/#$root/usr/#g" \
      -e 's#^listen: 127\.0\.0\.1:50061$#listen: 127.0.0.1:0#' \
      -e 's#127\.0\.0\.1:50061#$(cat "$WALKTHROUGH_READY")#g' \
      -e 's#^\(.*/usr/sbin/needlework-host .*\)$#\1 --ready-file "$WALKTHROUGH_READY" >"$WALKTHROUGH_HOST_LOG" 2>\&1 \& echo $! >"$WALKTHROUGH_HOST_PID"; wait_ready "$WALKTHROUGH_READY" "$WALKTHROUGH_HOST_PID"#' \
      >"$work_dir/readme.sh"
grep -q 'wait_ready "' "$work_dir/readme.sh" || fail "the README's host command was not found"

stop_host() {
  [ -f "$work_dir/host.pid" ] && kill -TERM "$(cat "$work_dir/host.pid")" 2>/dev/null || true
}
trap stop_host EXIT
(
  cd "$source_dir"
  export HOME="$work_dir/home" PATH="$root/usr/bin:$PATH" LD_LIBRARY_PATH="$root/usr/lib"
  export CMAKE_PREFIX_PATH="$root/usr" CXX="$cxx"
  [ -z "$launcher" ] || export CMAKE_CXX_COMPILER_LAUNCHER="$launcher"
  export WALKTHROUGH_READY="$ready" WALKTHROUGH_HOST_LOG="$work_dir/host.log"
  export WALKTHROUGH_HOST_PID="$work_dir/host.pid"
  # The cmake and ctest of this build, as the README's `cmake` and `ctest`.
  mkdir -p "$work_dir/tools"
  ln -sf "$cmake" "$work_dir/tools/cmake"
  ln -sf "$ctest" "$work_dir/tools/ctest"
  export PATH="$work_dir/tools:$PATH"
  # As a person at a terminal: a failing command does not stop the rest (two of them are
  # meant to fail); the checks below read what each block printed.
  set +eu
  . "$work_dir/readme.sh"
) >"$work_dir/readme.log" 2>&1 || true

# 2. Built against the installed SDK.
expect_in "$lumen/build/CMakeCache.txt" "^NeedleworkSDK_DIR:PATH=$root/usr/lib/cmake/NeedleworkSDK\$" \
  "find_package(NeedleworkSDK) in the installed root"
test -f "$lumen/build/lumen.so" || { cat "$out/build.txt" >&2; fail "lumen.so was not built"; }

# 3. The conformance kit: lumen passes; told to refuse a config lumen accepts, it fails.
expect_in "$out/ctest.txt" '100% tests passed, 0 tests failed out of 1' "the example's conformance test"
expect_in "$out/bad-config.txt" \
  'BAD_CONFIG \{"avoid_sun_hours": 24\} must be refused with INVALID_ARGUMENT and a message; got OK' \
  "the kit's failure message"

# 4. Signed with the vendor's own key, approved, and loaded by the host in enforce mode.
expect_in "$out/sign.txt" 'ed25519:' "plugin keygen's fingerprint"
expect_in "$out/plugins.txt" "^com\\.example\\.lumen +1\\.0\\.0 +loaded +yes .*$lumen/build/lumen\\.so" \
  "lumen loaded, trusted, from its build directory"
expect_in "$out/plugins.txt" "^org\\.needlework\\.screening +[0-9.]+ +loaded +yes .*$root/usr/lib/needlework/plugins/" \
  "the packaged screening plugin loaded"
grep -q refused "$out/plugins.txt" && { cat "$out/plugins.txt" >&2; fail "a plugin was refused"; }
for plugin in org.needlework.screening com.example.lumen; do
  expect_in "$out/clinic.txt" "^Plugin $plugin for clinic lumen-clinic: enabled" "enabling $plugin"
done

# 5. Without the add-on lumen is not asked; with it, its finding applies to LED alone. The
# built-in screening defers the isotretinoin patient (its isotretinoin rule); the add-on gets
# its own verdict all the same.
awk '/^Outcome:/ { n++ } n == 1' "$out/screen.txt" >"$out/screen-plain.txt"
awk '/^Outcome:/ { n++ } n == 2' "$out/screen.txt" >"$out/screen-led.txt"
expect_in "$out/screen-plain.txt" '^Outcome: DEFER$' "screening without the add-on"
grep -q com.example.lumen "$out/screen-plain.txt" && fail "lumen was asked without its add-on"
expect_in "$out/screen-led.txt" '^Outcome: DEFER$' "screening with the add-on"
expect_in "$out/screen-led.txt" 'Photosensitising medication: LED light may irritate the skin' "lumen's finding"
expect_in "$out/screen-led.txt" '^  LED light therapy: ELIGIBLE_WITH_CAUTION' "the add-on's verdict"
expect_in "$out/screen-led.txt" '^  com\.example\.lumen +1\.0\.0 +ok ' "lumen's plugin run"
expect_in "$out/configure.txt" \
  'INVALID_ARGUMENT: com\.example\.lumen refused the config: .*avoid_sun_hours: must be from 1 to 168, not 0' \
  "lumen's refusal"

# The host stops cleanly on SIGTERM (Ctrl-C in the README).
stop_and_wait "$(cat "$work_dir/host.pid")"
trap - EXIT
echo "walkthrough: sdk/README.md steps 2 to 5, as written, pass against the installed packages"
