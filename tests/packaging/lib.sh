# Shared by the packaging tests (sourced). Every script works in <work-dir>, which
# check_debs.sh fills: out/*.deb (cpack), root/ (install_debs.sh: the scratch root the
# packages are installed into with dpkg --root).

# fail <message>: prints "<script>: <message>" and exits 1.
fail() { echo "$(basename "$0"): $*" >&2; exit 1; }

# run <log> <what> <command...>: runs the command with its output in <log>; when it fails,
# prints the log and fails naming <what>.
run() {
  _log=$1 _what=$2
  shift 2
  "$@" >"$_log" 2>&1 || { cat "$_log" >&2; fail "$_what failed (log: $_log)"; }
}

# expect_in <file> <grep -E pattern> <what>: fails naming <what>, with the file, unless
# the pattern matches a line of it.
expect_in() {
  grep -Eq -- "$2" "$1" || { cat "$1" >&2; fail "$3: no line matches /$2/ in $1"; }
}

# deb <work-dir> <package glob>: the one .deb cpack wrote for the package.
deb() {
  set -- "$1"/out/${2}_*.deb
  [ -f "$1" ] || fail "no $(basename "$1") (did check_debs.sh run?)"
  echo "$1"
}

# installed <root> <path> <args...>: runs a program installed in the scratch root. The
# dynamic linker searches the machine's /usr/lib, so the root's is named explicitly; that
# is the only difference from running /usr/... on a machine with the packages installed.
installed() {
  _root=$1 _program=$2
  shift 2
  env LD_LIBRARY_PATH="$_root/usr/lib" "$_root$_program" "$@"
}

# wait_ready <ready-file> <pid-file>: waits up to 30 s for a host started with --ready-file to
# write it; returns 1, saying why, when the host exited first or took longer.
wait_ready() {
  _tries=0
  until [ -s "$1" ]; do
    kill -0 "$(cat "$2")" 2>/dev/null || { echo "needlework-host exited"; return 1; }
    _tries=$((_tries + 1))
    [ "$_tries" -le 300 ] || { echo "needlework-host not serving after 30 s"; return 1; }
    sleep 0.1
  done
}

# stop_and_wait <pid>: SIGTERM, then waits up to 10 s for the process to exit; fails
# otherwise.
stop_and_wait() {
  kill -TERM "$1"
  _tries=0
  while kill -0 "$1" 2>/dev/null; do
    _tries=$((_tries + 1))
    [ "$_tries" -le 100 ] || fail "needlework-host still running 10 s after SIGTERM"
    sleep 0.1
  done
}
