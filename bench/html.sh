#!/usr/bin/env bash
# Knowledge base → one HTML file with kbcompile (release build): median CPU time and peak memory of
# RUNS runs, beside `pandoc --self-contained` on the same files when it manages; and the file's
# size against its content (the images' bytes plus the article text, as the tags-stripped <main>).
#   bench/html.sh [SOURCE] [RUNS]     (default: ../shared/corpus/plume-docs, 5)
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=${1:-../shared/corpus/plume-docs}
runs=${2:-5}
scripts/build-release --product kbcompile >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%U %S %M" -o "$work/time" .build/release/kbcompile build "$source_dir" --html -o "$work" --quiet
  awk '{ printf "%.3f %d\n", $1 + $2, $3 }' "$work/time" >>"$work/k.txt"
done
echo "kbcompile --html: CPU $(cut -d' ' -f1 "$work/k.txt" | median) s, peak RSS $(( $(cut -d' ' -f2 "$work/k.txt" | median) / 1024 )) MB"
python3 - "$work"/*.html <<'PY'
import base64, html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
images = sum(len(base64.b64decode(m)) for m in set(re.findall(r'data:[a-z/+.-]+;base64,([A-Za-z0-9+/=]+)', page)))
main = page[page.index("<main"):page.index("</main>")]
text = len(html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'data:[^"]+', "", main))).encode())
size = len(page.encode())
print(f"file {size / 1e6:.1f} MB; images {images / 1e6:.1f} MB + text {text / 1e6:.2f} MB; ratio {size / (images + text):.2f}×")
PY
if command -v pandoc >/dev/null; then
  root=$source_dir
  [ -d "$source_dir/docs" ] && root=$source_dir/docs
  mapfile -t files < <(.build/release/kbcompile check "$source_dir" --outline --quiet | sed -n 's/.*(\(.*\.md\))$/\1/p' | sed "s|^|$root/|")
  if /usr/bin/time -f "%U %S %M" -o "$work/ptime" pandoc -f markdown-yaml_metadata_block --self-contained --metadata title=bench \
      --resource-path="$root/.vuepress/public" -o "$work/p.html" "${files[@]}" 2>"$work/perr"; then
    awk '{ printf "pandoc --self-contained: CPU %.2f s, peak RSS %d MB\n", $1 + $2, $3 / 1024 }' "$work/ptime"
  else
    echo "pandoc --self-contained failed: $(tail -1 "$work/perr")"
  fi
fi
