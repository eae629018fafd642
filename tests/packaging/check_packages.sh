#!/bin/sh
# Builds the Debian packages with CPack and checks them as a packager would, without
# installing anything on this machine:
#   check_packages.sh <build-dir> <work-dir> <cmake> <cpack> <example-dir> <cxx> [<launcher>]
# 1. cpack makes needlework-host and needlework-sdk-dev;
# 2. dpkg-deb --info: names, version, architecture, Depends;
# 3. dpkg-deb --contents: daemon, CLI, plugins (each with its .sig), approved hashes, unit,
#    config, headers, library, CMake package;
# 4. both are extracted into a scratch root (dpkg-deb -x), the built-in plugins verify
#    against the shipped key and hashes, and examples/vendor-plugin builds against the SDK
#    in that root alone (CMAKE_PREFIX_PATH=<root>/usr).
set -eu
build_dir=$1 work_dir=$2 cmake=$3 cpack=$4 example_dir=$5 cxx=$6 launcher=${7:-}
fail() { echo "check_packages: $*" >&2; exit 1; }

rm -rf "$work_dir"
mkdir -p "$work_dir"
(cd "$build_dir" && "$cpack" -G DEB -B "$work_dir/out" >"$work_dir/cpack.log" 2>&1) ||
  { cat "$work_dir/cpack.log" >&2; fail "cpack failed"; }
host_deb=$(ls "$work_dir"/out/needlework-host_*.deb) || fail "no needlework-host .deb"
sdk_deb=$(ls "$work_dir"/out/needlework-sdk-dev_*.deb) || fail "no needlework-sdk-dev .deb"

field() { dpkg-deb --field "$1" "$2"; }
expect_field() {  # <deb> <field> <grep -E pattern>
  field "$1" "$2" | grep -Eq "$3" || fail "$(basename "$1") $2 is '$(field "$1" "$2")', want /$3/"
}
expect_field "$host_deb" Package '^needlework-host$'
expect_field "$sdk_deb" Package '^needlework-sdk-dev$'
version=$(field "$host_deb" Version)
expect_field "$sdk_deb" Version "^$version\$"
expect_field "$host_deb" Architecture '^amd64|arm64$'
expect_field "$host_deb" Depends 'needlework-sdk-dev \(= '"$version"'\)'
expect_field "$host_deb" Depends 'libgrpc\+\+1'
expect_field "$host_deb" Depends 'libyaml-cpp'
expect_field "$host_deb" Depends 'libsqlite3'
expect_field "$sdk_deb" Depends 'libprotobuf-dev'
dpkg-deb --info "$host_deb" | grep -q conffiles || fail "needlework-host has no conffiles"

dpkg-deb --contents "$host_deb" >"$work_dir/host.contents"
dpkg-deb --contents "$sdk_deb" >"$work_dir/sdk.contents"
expect_file() {  # <contents> <path pattern>
  grep -Eq " \./$2( |\$)" "$1" || fail "$(basename "$1" .contents) lacks $2"
}
for f in usr/sbin/needlework-host usr/bin/needleworkctl etc/needlework/needlework.yaml \
         usr/lib/systemd/system/needlework.service usr/share/needlework/keys/needlework-builtin.pub.pem \
         'usr/lib/([^ ]+/)?needlework/plugins/builtin.sha256' 'usr/lib/([^ ]+/)?libneedlework_api.so'; do
  expect_file "$work_dir/host.contents" "$f"
done
for p in screening scheduling aftercare radiofrequency prp serums; do
  expect_file "$work_dir/host.contents" "usr/lib/([^ ]+/)?needlework/plugins/needlework_$p.so"
  expect_file "$work_dir/host.contents" "usr/lib/([^ ]+/)?needlework/plugins/needlework_$p.so.sig"
done
for f in usr/include/needlework/plugin_abi.h usr/include/needlework/plugin.h \
         'usr/include/needlework/plugin/v1/manifest.pb.h' 'usr/lib/([^ ]+/)?libneedlework_sdk.so' \
         'usr/lib/([^ ]+/)?cmake/NeedleworkSDK/NeedleworkSDKConfig.cmake' \
         'usr/lib/([^ ]+/)?cmake/NeedleworkSDK/NeedleworkSDKConfigVersion.cmake' \
         'usr/lib/([^ ]+/)?cmake/NeedleworkSDK/NeedleworkPlugin.cmake'; do
  expect_file "$work_dir/sdk.contents" "$f"
done
if grep -q "needlework_sdk\.so" "$work_dir/host.contents"; then fail "the SDK library is in both"; fi

root="$work_dir/root"
dpkg-deb -x "$host_deb" "$root"
dpkg-deb -x "$sdk_deb" "$root"
unit="$root/usr/lib/systemd/system/needlework.service"
for line in DynamicUser=yes User=needlework StateDirectory=needlework NoNewPrivileges=yes \
            ProtectSystem=strict ProtectHome=yes PrivateTmp=yes 'CapabilityBoundingSet=' \
            'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' SystemCallFilter=@system-service; do
  grep -qx "$line" "$unit" || fail "needlework.service lacks $line"
done
grep -q '^  mode: enforce$' "$root/etc/needlework/needlework.yaml" || fail "config is not enforce"

# The shipped built-ins verify with the shipped key, and their hashes are the approved ones.
ctl="$build_dir/tools/needleworkctl/needleworkctl"
plugins=$(dirname "$(find "$root/usr/lib" -path "*/needlework/plugins/builtin.sha256")")
(cd "$plugins" && sha256sum --quiet -c builtin.sha256) || fail "builtin.sha256 does not match"
for so in "$plugins"/*.so; do
  "$ctl" plugin verify "$so" --key "$root/usr/share/needlework/keys/needlework-builtin.pub.pem" \
    >/dev/null || fail "$so does not verify"
done

# A vendor's build against the SDK in the scratch root only.
env -u CMAKE_PREFIX_PATH "$cmake" -S "$example_dir" -B "$work_dir/vendor" -G Ninja \
  -DCMAKE_PREFIX_PATH="$root/usr" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON \
  >"$work_dir/vendor-configure.log" || { cat "$work_dir/vendor-configure.log" >&2; fail "configure"; }
grep -q "$root/usr" "$work_dir/vendor/CMakeCache.txt" || fail "the SDK was not found in the root"
"$cmake" --build "$work_dir/vendor" >"$work_dir/vendor-build.log" ||
  { cat "$work_dir/vendor-build.log" >&2; fail "the example plugin does not build"; }
test -f "$work_dir/vendor/lumen.so" || fail "no lumen.so"
echo "check_packages: $(basename "$host_deb") and $(basename "$sdk_deb") OK"
