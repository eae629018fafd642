#!/bin/sh
# Builds the Debian packages with CPack and checks them as a packager would, before anything
# is installed:
#   check_debs.sh <build-dir> <work-dir> <cpack> <runner: 1 when the host builds one, else 0>
# 1. cpack makes needlework-host, libneedlework-sdk<major> and needlework-sdk-dev in
#    <work-dir>/out;
# 2. dpkg-deb --info: names, one version, sections, Depends (the host and the SDK package
#    on the runtime package of their own version, the host not on the SDK package), and the
#    control files (conffiles, the ldconfig trigger, shlibs, scripts that run no ldconfig);
# 3. dpkg-deb --contents: each file in exactly the package that should hold it.
set -eu
. "$(dirname "$0")/lib.sh"
build_dir=$1 work_dir=$2 cpack=$3 runner=$4

rm -rf "$work_dir"
mkdir -p "$work_dir"
(cd "$build_dir" && run "$work_dir/cpack.log" cpack "$cpack" -G DEB -B "$work_dir/out")
host=$(deb "$work_dir" needlework-host)
sdk=$(deb "$work_dir" needlework-sdk-dev)
runtime=$(deb "$work_dir" 'libneedlework-sdk[0-9]*')
runtime_name=$(dpkg-deb --field "$runtime" Package)

expect_field() {  # <deb> <field> <grep -E pattern>
  dpkg-deb --field "$1" "$2" | grep -Eq -- "$3" ||
    fail "$(basename "$1") $2 is '$(dpkg-deb --field "$1" "$2")', want /$3/"
}
version=$(dpkg-deb --field "$host" Version)
for d in "$sdk" "$runtime"; do expect_field "$d" Version "^$version\$"; done
expect_field "$host" Architecture '^(amd64|arm64)$'
expect_field "$runtime" Section '^libs$'
expect_field "$sdk" Section '^libdevel$'
for d in "$host" "$sdk"; do
  expect_field "$d" Depends "(^|, )$runtime_name \\(= $version\\)(,|\$)"
done
dpkg-deb --field "$host" Depends | grep -q needlework-sdk-dev && fail "needlework-host depends on needlework-sdk-dev"
for lib in 'libgrpc\+\+1' libyaml-cpp libsqlite3 libicu systemd; do expect_field "$host" Depends "$lib"; done
expect_field "$runtime" Depends 'libprotobuf[0-9]'
expect_field "$sdk" Depends 'libprotobuf-dev'

# Control files: the conffile, the ldconfig trigger (Policy 8.1.1) and no script running
# ldconfig itself, the runtime package's shlibs.
control() { dpkg-deb --info "$1" "$2" 2>/dev/null || true; }
control "$host" conffiles | grep -qx /etc/needlework/needlework.yaml || fail "needlework-host: no conffile"
for d in "$host" "$runtime"; do
  control "$d" triggers | grep -qx 'activate-noawait ldconfig' || fail "$(basename "$d"): no ldconfig trigger"
done
for d in "$host" "$runtime" "$sdk"; do
  for script in preinst postinst prerm postrm; do
    control "$d" "$script" | grep -v '^#' | grep -q ldconfig && fail "$(basename "$d") $script runs ldconfig"
  done
done
control "$runtime" shlibs | grep -Eqx "libneedlework_sdk [0-9]+ $runtime_name \\(>= [0-9.]+\\)" ||
  fail "$runtime_name: shlibs is '$(control "$runtime" shlibs)'"

dpkg-deb --contents "$host" >"$work_dir/host.contents"
dpkg-deb --contents "$runtime" >"$work_dir/runtime.contents"
dpkg-deb --contents "$sdk" >"$work_dir/sdk.contents"
has() {  # <host|runtime|sdk> <path pattern>
  grep -Eq " \\./$2( |\$)" "$work_dir/$1.contents" || fail "the $1 package lacks $2"
}
lacks() {  # <host|runtime|sdk> <path pattern>
  if grep -Eq " \\./$2( |\$)" "$work_dir/$1.contents"; then fail "the $1 package holds $2"; fi
}
for f in usr/sbin/needlework-host usr/bin/needleworkctl etc/needlework/needlework.yaml \
         usr/lib/systemd/system/needlework.service \
         usr/share/needlework/keys/needlework-builtin.pub.pem \
         usr/lib/needlework/plugins/builtin.sha256 usr/lib/libneedlework_api.so; do
  has host "$f"
done
for p in screening scheduling aftercare radiofrequency prp serums; do
  has host "usr/lib/needlework/plugins/needlework_$p.so"
  has host "usr/lib/needlework/plugins/needlework_$p.so.sig"
done
if [ "$runner" = 1 ]; then
  has host usr/libexec/needlework/needlework-plugin-runner
fi
has runtime 'usr/lib/libneedlework_sdk\.so\.[0-9]+'
has runtime 'usr/lib/libneedlework_sdk\.so\.[0-9]+\.[0-9]+\.[0-9]+'
for f in usr/include/needlework/plugin_abi.h usr/include/needlework/plugin.h \
         usr/include/needlework/message_fingerprints.h \
         usr/include/needlework/plugin/v1/manifest.pb.h usr/lib/libneedlework_sdk.so \
         usr/lib/libneedlework_plugin_testing.a \
         usr/lib/cmake/NeedleworkSDK/NeedleworkSDKConfig.cmake \
         usr/lib/cmake/NeedleworkSDK/NeedleworkSDKConfigVersion.cmake \
         usr/lib/cmake/NeedleworkSDK/NeedleworkPlugin.cmake \
         usr/include/needlework/testing/harness.h usr/bin/needlework-plugin-harness \
         usr/bin/needlework-plugin-sign usr/bin/needlework-plugin-new \
         usr/share/needlework/plugin-template/plugin.cc.in \
         usr/share/needlework/examples/vendor-plugin/lumen.cc \
         usr/share/needlework/samples/screening/screen-warfarin.json; do
  has sdk "$f"
done
# A vendor's tools run with the SDK alone: nothing in the SDK package needs the host's
# API library (which only needlework-host ships).
dpkg-deb --field "$sdk" Depends | grep -q needlework-host && fail "needlework-sdk-dev depends on needlework-host"
lacks host 'usr/lib/libneedlework_sdk[^ ]*'
lacks sdk 'usr/lib/libneedlework_sdk\.so\.[^ ]*'
lacks runtime 'usr/include/[^ ]*'
lacks runtime 'usr/lib/libneedlework_sdk\.so'
echo "check_debs: $(cd "$work_dir/out" && echo *.deb) OK"
