#!/usr/bin/env bash
# Knowledge base → EPUB, kbcompile (release build) beside pandoc on the same Markdown files.
# Reports the median CPU time (user + sys) and peak memory (max RSS) of RUNS runs of each, and
# their ratios. pandoc reads its own Markdown without YAML blocks (Plume's frontmatter stops its
# YAML reader); it is given the same files in the same order and the public folder for images.   bench/epub-vs-pandoc.sh [SOURCE] [RUNS]     (default: ../shared/corpus/plume-docs, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=${1:-../shared/corpus/plume-docs}
runs=${2:-5}
command -v pandoc >/dev/null || { echo "pandoc is not installed (apt-get install pandoc)" >&2; exit 1; }
swift build -c release --product kbcompile >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$source_dir
[ -d "$source_dir/docs" ] && root=$source_dir/docs
# The files kbcompile reads (its outline lists them in book order).
mapfile -t files < <(.build/release/kbcompile check "$source_dir" --outline --quiet | sed -n 's/.*(\(.*\.md\))$/\1/p' | sed "s|^|$root/|")
echo "input: ${#files[@]} Markdown files, $(cat "${files[@]}" | wc -c) bytes"

measure() { # prints "cpu_seconds max_rss_kb" for one run of the command
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  awk '{ printf "%.3f %d\n", $1 + $2, $3 }' "$work/time"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A cpu mem
for tool in kbcompile pandoc; do
  : >"$work/$tool.txt"
  for _ in $(seq "$runs"); do
    if [ "$tool" = kbcompile ]; then
      measure .build/release/kbcompile build "$source_dir" --epub -o "$work/k" --quiet >>"$work/$tool.txt"
    else
      measure pandoc -f markdown-yaml_metadata_block -t epub3 --metadata title=bench --resource-path="$root/.vuepress/public" -o "$work/p.epub" "${files[@]}" >>"$work/$tool.txt"
    fi
  done
  cpu[$tool]=$(cut -d' ' -f1 "$work/$tool.txt" | median)
  mem[$tool]=$(cut -d' ' -f2 "$work/$tool.txt" | median)
done
printf "%-10s %12s %14s\n" tool "CPU (s)" "peak RSS (MB)"
for tool in kbcompile pandoc; do
  printf "%-10s %12s %14.1f\n" "$tool" "${cpu[$tool]}" "$(echo "${mem[$tool]} / 1024" | bc -l)"
done
printf "pandoc / kbcompile: CPU %.1f×, memory %.1f×\n" "$(echo "${cpu[pandoc]} / ${cpu[kbcompile]}" | bc -l)" "$(echo "${mem[pandoc]} / ${mem[kbcompile]}" | bc -l)"
