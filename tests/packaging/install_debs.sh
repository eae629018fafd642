#!/bin/sh
# Installs the packages check_debs.sh built with dpkg, into a scratch root:
#   install_debs.sh <work-dir>
# The root is <work-dir>/root, made afresh on every run, with a dpkg database
# (var/lib/dpkg) whose status holds this machine's entries for the packages ours depend
# on: dpkg checks every Depends against what really is installed here, the libraries the
# installed programs then run with. Why a scratch root and not this machine: the test runs
# in `make test`, as any user and beside other builds' tests; a root of its own needs no
# dpkg lock, leaves the machine as it was, and cannot meet an earlier run's leftovers.
#
# In order, each checked: needlework-host alone is refused for want of the runtime package
# (dpkg names it); with the runtime package it configures, without needlework-sdk-dev; then
# needlework-sdk-dev installs. The runtime package's name is the one its library's SONAME
# calls for (Debian Policy 8.1), the SDK's main CMake targets need no GoogleTest, and the
# shipped built-in plugins verify with the shipped needleworkctl, key and hashes.
set -eu
. "$(dirname "$0")/lib.sh"
work_dir=$(cd "$1" && pwd)  # absolute: dpkg --root needs it
root="$work_dir/root"
host=$(deb "$work_dir" needlework-host)
sdk=$(deb "$work_dir" needlework-sdk-dev)
runtime=$(deb "$work_dir" 'libneedlework-sdk[0-9]*')

# The status entries of the installed packages that any of ours names in Depends, each with
# an empty file list (the root holds none of their files).
dependency_names() {
  for d in "$host" "$sdk" "$runtime"; do dpkg-deb --field "$d" Depends; done |
    tr ',|' '\n\n' | sed 's/(.*//; s/:.*//; s/[[:space:]]//g' | grep -v needlework | sort -u
}
rm -rf "$root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: >"$root/var/lib/dpkg/available"
awk -v names="$(dependency_names | tr '\n' ' ')" -v info="$root/var/lib/dpkg/info" '
  BEGIN { RS = ""; ORS = "\n\n"; n = split(names, list, " "); for (i = 1; i <= n; i++) want[list[i]] = 1 }
  {
    n = split($0, lines, "\n"); name = ""; arch = ""; ok = 0; same = 0
    for (i = 1; i <= n; i++) {
      if (lines[i] ~ /^Package: /) name = substr(lines[i], 10)
      if (lines[i] ~ /^Architecture: /) arch = substr(lines[i], 15)
      if (lines[i] == "Status: install ok installed") ok = 1
      if (lines[i] == "Multi-Arch: same") same = 1
    }
    if (!ok || !(name in want)) next
    print
    # dpkg names the file list after the package, with its architecture if Multi-Arch: same.
    printf "" > (info "/" name (same ? ":" arch : "") ".list")
  }' /var/lib/dpkg/status >"$root/var/lib/dpkg/status"

# As root, dpkg itself; as anyone else, under fakeroot (files owned by "root" in the root).
# The packages' maintainer scripts do nothing (packaging/deb), so they may run outside the
# root (--force-script-chrootless: no shell needed inside it).
as_root=
[ "$(id -u)" -eq 0 ] || as_root=fakeroot
dpkg_root() {
  $as_root dpkg --root="$root" --force-script-chrootless --log="$work_dir/dpkg.log" "$@"
}
runtime_name=$(dpkg-deb --field "$runtime" Package)

if dpkg_root -i "$host" >"$work_dir/dpkg-host-alone.log" 2>&1; then
  fail "needlework-host installed without $runtime_name"
fi
expect_in "$work_dir/dpkg-host-alone.log" "needlework-host depends on $runtime_name" \
  "dpkg's refusal of needlework-host alone"
run "$work_dir/dpkg-runtime.log" "dpkg -i $runtime_name" dpkg_root -i "$runtime"
run "$work_dir/dpkg-configure.log" "dpkg --configure needlework-host" \
  dpkg_root --configure needlework-host
status() { dpkg_root --status "$1" 2>/dev/null | sed -n 's/^Status: //p'; }
for p in needlework-host "$runtime_name"; do
  [ "$(status "$p")" = "install ok installed" ] || fail "$p is '$(status "$p")' after configure"
done
[ -z "$(status needlework-sdk-dev)" ] || fail "needlework-sdk-dev came with needlework-host"
run "$work_dir/dpkg-sdk.log" "dpkg -i needlework-sdk-dev" dpkg_root -i "$sdk"
[ "$(status needlework-sdk-dev)" = "install ok installed" ] || fail "needlework-sdk-dev not installed"

# Policy 8.1: libfoo_bar.so.N ships in libfoo-barN (libfoo-bar2-N when the name ends in a digit).
soname=$(readelf -d "$root"/usr/lib/libneedlework_sdk.so.[0-9]* | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p' | head -1)
expected=$(echo "${soname%%.so.*}" | sed 's/_/-/g' | tr '[:upper:]' '[:lower:]')
case $expected in *[0-9]) expected="$expected-" ;; esac
expected="$expected${soname##*.so.}"
[ "$runtime_name" = "$expected" ] || fail "SONAME $soname belongs in $expected, not $runtime_name"

# find_package(NeedleworkSDK) needs GoogleTest only for the plugin_testing component.
cmake_dir="$root/usr/lib/cmake/NeedleworkSDK"
grep -q GTest "$cmake_dir/NeedleworkSDKTargets.cmake" && fail "NeedleworkSDKTargets.cmake needs GoogleTest"
grep -q GTest "$cmake_dir/NeedleworkSDKTestingTargets.cmake" || fail "the conformance kit's targets lack GoogleTest"

# The shipped built-ins verify with the shipped CLI and key; their hashes are the approved ones.
plugins="$root/usr/lib/needlework/plugins"
(cd "$plugins" && sha256sum --quiet -c builtin.sha256) || fail "builtin.sha256 does not match"
for so in "$plugins"/*.so; do
  run "$work_dir/verify.log" "needleworkctl plugin verify $(basename "$so")" \
    installed "$root" /usr/bin/needleworkctl plugin verify "$so" \
    --key "$root/usr/share/needlework/keys/needlework-builtin.pub.pem"
done
echo "install_debs: installed into $root with dpkg $(dpkg-query -W -f='${Version}' dpkg)"
