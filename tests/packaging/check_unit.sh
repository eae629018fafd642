#!/bin/sh
# Checks the installed systemd unit: `systemd-analyze verify` finds nothing to report, and
# the hardening packaging/README.md describes is there.
#   check_unit.sh <work-dir> <systemd-analyze>
# verify runs on the scratch root install_debs.sh made (--root): the unit's ExecStart must
# exist there and be executable. It needs no running systemd, so it works in a container;
# --recursive-errors=no limits it to this unit, since the root holds none of the units it
# is ordered after (network.target, sysinit.target); --man=no skips man pages. Any output
# at all (an unknown key, a bad value, a missing program) fails the test.
set -eu
. "$(dirname "$0")/lib.sh"
work_dir=$(cd "$1" && pwd) analyze=$2
root="$work_dir/root"
unit=/usr/lib/systemd/system/needlework.service
[ -f "$root$unit" ] || fail "no $unit in $root (did install_debs.sh run?)"

"$analyze" verify --root="$root" --man=no --recursive-errors=no "$unit" >"$work_dir/verify-unit.log" 2>&1 ||
  { cat "$work_dir/verify-unit.log" >&2; fail "systemd-analyze verify $unit failed"; }
[ -s "$work_dir/verify-unit.log" ] && { cat "$work_dir/verify-unit.log" >&2; fail "systemd-analyze verify reported something"; }

for line in 'ExecStart=/usr/sbin/needlework-host --config /etc/needlework/needlework.yaml' \
            DynamicUser=yes User=needlework StateDirectory=needlework NoNewPrivileges=yes \
            ProtectSystem=strict ProtectHome=yes PrivateTmp=yes 'CapabilityBoundingSet=' \
            'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' SystemCallFilter=@system-service \
            MemoryDenyWriteExecute=yes; do
  grep -qx "$line" "$root$unit" || fail "needlework.service lacks $line"
done
grep -q '^  mode: enforce$' "$root/etc/needlework/needlework.yaml" || fail "the packaged config is not enforce"
echo "check_unit: $unit verifies"
