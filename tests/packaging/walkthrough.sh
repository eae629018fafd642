#!/bin/sh
# The vendor walk-through of sdk/README.md ("Ten minutes with the example plugin", steps 2
# to 5), run against the packages install_debs.sh installed into <work-dir>/root:
#   walkthrough.sh <work-dir> <cmake> <ctest> <example-dir> <cxx> [<launcher>]
# The commands are the README's, with the differences a scratch root and a shared machine
# need: installed programs run through `installed` (lib.sh: the root's /usr/lib for the
# dynamic linker); the root's /usr stands where the README has /usr (CMAKE_PREFIX_PATH, the
# config's paths); and the host listens on a free port (port 0, read from --ready-file)
# instead of 50061, so runs in other build trees do not collide.
set -eu
. "$(dirname "$0")/lib.sh"
work_dir=$(cd "$1" && pwd) cmake=$2 ctest=$3 example_dir=$4 cxx=$5 launcher=${6:-}
root="$work_dir/root"
lumen="$work_dir/lumen"
umask 022  # plugin directories must not be group- or world-writable
ctl() { installed "$root" /usr/bin/needleworkctl "$@"; }

# The README's ~/lumen/host.yaml: the packaged built-ins and lumen, each signed by a listed
# key and approved by hash.
write_host_config() {
  cat >"$lumen/host.yaml" <<YAML
listen: 127.0.0.1:0
data_dir: $lumen/data
plugin_dirs:
  - $root/usr/lib/needlework/plugins
  - $lumen/build
plugin_trust:
  mode: enforce
  signers:
    - {id: needlework-builtin, public_key_file: $root/usr/share/needlework/keys/needlework-builtin.pub.pem}
    - {id: acme, public_key_file: $lumen/keys/acme.pub.pem}
  approved_file: $root/usr/lib/needlework/plugins/builtin.sha256
  approved:
    - {sha256: $(ctl plugin hash "$lumen/build/lumen.so" | cut -d' ' -f1), note: "com.example.lumen 1.0.0"}
YAML
}

# Starts the installed host with --seed-demo and waits (up to 30 s) until it serves; sets
# NEEDLEWORK_ADDRESS and ADMIN, the demo admin token. The host is stopped on exit.
start_host() {
  env LD_LIBRARY_PATH="$root/usr/lib" "$root/usr/sbin/needlework-host" --config "$lumen/host.yaml" \
    --seed-demo --ready-file "$lumen/ready" >"$work_dir/host.stdout" 2>"$work_dir/host.log" &
  host_pid=$!
  trap 'kill "$host_pid" 2>/dev/null || true' EXIT
  tries=0
  until [ -f "$lumen/ready" ] && [ "$(wc -l <"$lumen/ready")" -ge 1 ]; do
    kill -0 "$host_pid" 2>/dev/null || { cat "$work_dir/host.log" >&2; fail "needlework-host exited"; }
    tries=$((tries + 1))
    [ "$tries" -le 300 ] || { cat "$work_dir/host.log" >&2; fail "needlework-host not serving after 30 s"; }
    sleep 0.1
  done
  NEEDLEWORK_ADDRESS=$(cat "$lumen/ready")
  export NEEDLEWORK_ADDRESS
  ADMIN=$(jq -r .admin_token "$lumen/data/demo-credentials.json")
}

# SIGTERM: the host stops cleanly, exit status 0.
stop_host() {
  kill -TERM "$host_pid"
  status=0
  wait "$host_pid" || status=$?
  trap - EXIT
  [ "$status" -eq 0 ] || { cat "$work_dir/host.log" >&2; fail "needlework-host exited with $status on SIGTERM"; }
}

# 2. Build the example against the installed SDK (find_package finds it in <root>/usr).
rm -rf "$lumen"
cp -r "$example_dir" "$lumen"
run "$work_dir/lumen-configure.log" "configuring the example" \
  env -u CMAKE_PREFIX_PATH "$cmake" -S "$lumen" -B "$lumen/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$root/usr" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher"
expect_in "$lumen/build/CMakeCache.txt" "^NeedleworkSDK_DIR:PATH=$root/usr/lib/cmake/NeedleworkSDK\$" \
  "find_package(NeedleworkSDK) in the installed root"
run "$work_dir/lumen-build.log" "building the example" "$cmake" --build "$lumen/build"

# 3. The conformance kit: lumen passes; told to refuse a config lumen accepts, it fails.
run "$work_dir/lumen-ctest.log" "the example's conformance test" \
  "$ctest" --test-dir "$lumen/build" --output-on-failure --no-tests=error
if "$lumen/build/needlework_conformance_runner" --plugin="$lumen/build/lumen.so" \
     --bad-config='{"avoid_sun_hours": 24}' >"$work_dir/lumen-bad-config.log" 2>&1; then
  fail "the conformance kit passed a BAD_CONFIG that lumen accepts"
fi
expect_in "$work_dir/lumen-bad-config.log" \
  'BAD_CONFIG \{"avoid_sun_hours": 24\} must be refused with INVALID_ARGUMENT and a message; got OK' \
  "the kit's failure message"

# 4. Sign it, approve it, and run it in the installed host.
run "$work_dir/keygen.log" "plugin keygen" ctl plugin keygen --out "$lumen/keys" --name acme
run "$work_dir/sign.log" "plugin sign" ctl plugin sign "$lumen/build/lumen.so" --key "$lumen/keys/acme.key.pem"
run "$work_dir/verify.log" "plugin verify" ctl plugin verify "$lumen/build/lumen.so" --key "$lumen/keys/acme.pub.pem"
write_host_config
start_host
ctl --token "$ADMIN" plugins >"$work_dir/plugins.txt"
expect_in "$work_dir/plugins.txt" "^com\\.example\\.lumen +1\\.0\\.0 +loaded .*$lumen/build/lumen\\.so" \
  "lumen loaded from its build directory"
expect_in "$work_dir/plugins.txt" "^org\\.needlework\\.screening +[0-9.]+ +loaded .*$root/usr/lib/needlework/plugins/" \
  "the packaged screening plugin loaded"
grep -q refused "$work_dir/plugins.txt" && { cat "$work_dir/plugins.txt" >&2; fail "a plugin was refused"; }
ctl --token "$ADMIN" --json clinic create lumen-clinic --name "Lumen Test Clinic" >"$work_dir/clinic.json" ||
  fail "clinic create failed"
LUMEN_EMR=$(jq -r .emrToken "$work_dir/clinic.json")
for plugin in org.needlework.screening com.example.lumen; do
  run "$work_dir/enable.log" "plugin enable $plugin" ctl --token "$ADMIN" plugin enable lumen-clinic "$plugin"
  expect_in "$work_dir/enable.log" "^Plugin $plugin for clinic lumen-clinic: enabled" "enabling $plugin"
done

# 5. Call it: without the add-on lumen is not asked; with it, its finding applies to LED alone.
screen() {
  ctl --token "$LUMEN_EMR" screen --fhir "$lumen/isotretinoin.json" --concern acne-scars "$@"
}
# The built-in screening defers an isotretinoin patient (its isotretinoin rule); the
# add-on gets its own verdict all the same.
run "$work_dir/screen.txt" "screen" screen
expect_in "$work_dir/screen.txt" '^Outcome: DEFER$' "screening without the add-on"
grep -q com.example.lumen "$work_dir/screen.txt" && fail "lumen was asked without its add-on"
run "$work_dir/screen-led.txt" "screen --add-on" screen --add-on led-light-therapy
expect_in "$work_dir/screen-led.txt" '^Outcome: DEFER$' "screening with the add-on"
expect_in "$work_dir/screen-led.txt" 'Photosensitising medication: LED light may irritate the skin' "lumen's finding"
expect_in "$work_dir/screen-led.txt" '^  LED light therapy: ELIGIBLE_WITH_CAUTION' "the add-on's verdict"
expect_in "$work_dir/screen-led.txt" '^  com\.example\.lumen +1\.0\.0 +ok ' "lumen's plugin run"
if ctl --token "$ADMIN" plugin configure lumen-clinic com.example.lumen \
     --config '{"avoid_sun_hours": 0}' >"$work_dir/configure.log" 2>&1; then
  fail "a config lumen refuses was saved"
fi
expect_in "$work_dir/configure.log" \
  'INVALID_ARGUMENT: com\.example\.lumen refused the config: .*avoid_sun_hours: must be from 1 to 168, not 0' \
  "lumen's refusal"
stop_host
echo "walkthrough: sdk/README.md steps 2 to 5 pass against the installed packages"
