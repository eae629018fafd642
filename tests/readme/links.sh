#!/bin/sh
# links.sh <source-dir>: every relative Markdown link `[text](path)` in the repository's .md
# files (outside build trees) names a file or directory inside the repository, and nothing
# points at the design outside it (../shared/DESIGN.md; it is docs/design.md).
set -eu
source_dir=$(cd "$1" && pwd)
cd "$source_dir"
status=0
if grep -rn --include='*.md' --exclude-dir='build*' 'shared/DESIGN' .; then
  echo "links.sh: the lines above point at the design outside the repository; link docs/design.md" >&2
  status=1
fi
for file in $(find . -name '*.md' -not -path './build*' -not -path '*/.git/*'); do
  dir=$(dirname "$file")
  # Each ](target) on a line, the target up to ')' or a space; web links and anchors skipped.
  for target in $(grep -o '](\([^)# ]*\)' "$file" | sed 's/^](//'); do
    case "$target" in http://* | https://* | mailto:* | '') continue ;; esac
    path=$(realpath -m "$dir/$target")
    case "$path" in
      "$source_dir"/*) [ -e "$path" ] || { echo "$file: link to $target: no such file" >&2; status=1; } ;;
      *) echo "$file: link to $target leaves the repository" >&2; status=1 ;;
    esac
  done
done
[ "$status" -eq 0 ] && echo "links.sh: every relative link resolves inside the repository"
exit "$status"
