#!/bin/sh
# readme_blocks.sh <README> <out-dir> [<marker>]: the README's walk-through as one shell
# script on stdout. Each ```sh block after a line `<!-- <marker>: NAME -->` (the marker is
# `walkthrough` unless given) becomes
#   { <the block, verbatim> ; } >"<out-dir>/NAME.txt" 2>&1
# in the README's order, so the test runs exactly the commands the README shows and the two
# cannot drift; a marked block that is not ```sh, or an unclosed one, is an error.
set -eu
awk -v out="$2" -v marker="${3:-walkthrough}" '
  $0 ~ "^<!-- " marker ": [a-z0-9-]+ -->$" { name = $3; next }
  name != "" && !inside {
    if ($0 != "```sh") { printf "block %s: a ```sh block must follow its marker\n", name > "/dev/stderr"; exit 2 }
    inside = 1; blocks++; print "{"; next
  }
  inside && /^```$/ { printf "} >\"%s/%s.txt\" 2>&1\n", out, name; inside = 0; name = ""; next }
  inside { print }
  END {
    if (inside) { print "an unclosed walk-through block" > "/dev/stderr"; exit 2 }
    if (blocks == 0) { print "no walk-through blocks" > "/dev/stderr"; exit 2 }
  }' "$1"
