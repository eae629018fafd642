#!/bin/sh
# README.md's "Setting up your own clinic", run as written against the build tree's host on a
# clean data directory:
#   clinic_setup.sh <work-dir> <binary-dir> <source-dir>
# The commands are the README's own: readme_blocks.sh extracts every block marked
# `<!-- clinic-setup: NAME -->`, each block's output goes to readme/NAME.txt, and the checks
# below read those. The script runs under `bash -e -o pipefail`, so any command of the
# section that fails (a pipe's too) fails the test. What a shared test machine needs is done
# around the commands, never by rewriting them, except for these substitutions in the
# extracted text:
#   - `build/` becomes <binary-dir>/ (the README assumes the default preset's build tree);
#   - the host listens on port 0 and writes its address to a ready file (runs in other build
#     trees must not collide on 50071), and the README's 127.0.0.1:50071 becomes that address;
#   - the host line gets --ready-file, its pid is kept, and the script waits until it serves.
# Around them: HOME is a scratch home emptied first (so ~/my-clinic is a clean data dir), and
# the commands run from the source tree's root as the README says.
set -eu
. "$(dirname "$0")/../packaging/lib.sh"
work_dir=$(mkdir -p "$1" && cd "$1" && pwd) bin=$2 source_dir=$3
out="$work_dir/readme"
ready="$work_dir/host.ready"
pid_file="$work_dir/host.pid"
# A failed check also shows what each block printed.
fail() {
  for block in "$out"/*.txt; do echo "--- $block" >&2; cat "$block" >&2; done
  echo "$(basename "$0"): $*" >&2
  exit 1
}
rm -rf "$work_dir/home" "$out" "$ready" "$pid_file"
mkdir -p "$work_dir/home" "$out"

# The README's commands, with the substitutions above.
sh "$source_dir/tests/packaging/readme_blocks.sh" "$source_dir/README.md" "$out" clinic-setup |
  sed -e "s#\\\$PWD/build/#$bin/#g" \
      -e "s#\\(^\\|[ =(]\\)build/#\\1$bin/#g" \
      -e 's#^listen: 127\.0\.0\.1:50071$#listen: 127.0.0.1:0#' \
      -e 's#127\.0\.0\.1:50071#$(cat "$SETUP_READY")#g' \
      -e 's#^\(.*/needlework-host --config [^ ]*\)\(.*\) &$#\1 --ready-file "$SETUP_READY"\2 \& echo $! >"$SETUP_HOST_PID"; wait_ready "$SETUP_READY" "$SETUP_HOST_PID"#' \
      >"$work_dir/readme.sh"
grep -q 'wait_ready "' "$work_dir/readme.sh" || fail "the README's host command was not found"

stop_host() {
  [ -s "$pid_file" ] && kill -TERM "$(cat "$pid_file")" 2>/dev/null || true
}
trap stop_host EXIT
(
  cd "$source_dir"
  export HOME="$work_dir/home" SETUP_READY="$ready" SETUP_HOST_PID="$pid_file"
  { echo ". '$source_dir/tests/packaging/lib.sh'"; cat "$work_dir/readme.sh"; } >"$work_dir/run.sh"
  bash -e -o pipefail "$work_dir/run.sh"
) || fail "a command of the README's section failed (its block's output is above)"

# The clinic: set up once with every step, then a second run that changes nothing.
expect_in "$out/clinic.txt" '^  practitioner dr-rivera \(Dr Sam Rivera\): added$' "the practitioner"
expect_in "$out/clinic.txt" '^  plugin org\.needlework\.screening: enabled$' "screening enabled"
expect_in "$out/clinic.txt" '^8 change\(s\) made\.$' "the first setup's changes"
expect_in "$out/clinic.txt" '^Nothing changed: clinic harbour-skin already has this starting point\.$' \
  "the second setup"
expect_in "$out/clinic.txt" '^  mon +09:00-17:00$' "Monday's hours"
# The patient: eligible, planned, and the first session booked with the set-up resources.
expect_in "$out/book.txt" '^OUTCOME_ELIGIBLE$' "the screening outcome"
expect_in "$out/book.txt" 'dr-rivera' "the booking's practitioner"
grep -q '^needleworkctl:' "$out/book.txt" && fail "a command of the booking block complained"

# The host stops cleanly on SIGTERM.
stop_and_wait "$(cat "$pid_file")"
trap - EXIT
echo "clinic_setup: README.md \"Setting up your own clinic\", as written, books a first session"
