#!/usr/bin/env bash
# Benchmarks, side by side with peers in one run (these machines are noisy: compare the
# ratios, not the absolute numbers). Prints a Markdown table and writes it to a file.
#
#   Sources/lifecycle-bench/run.sh [--smoke] [--output FILE]
#
# --smoke: few runs and small data, to check the harness itself (CI runs this).
# Peers: dialog(1) (apt: dialog), git, jq, Python's deepdiff (pip: deepdiff); a missing peer
# is reported as skipped. Peak memory comes from GNU time (apt: time).
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=20; questions=10000; answers=10000; output=bench-results.md
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) runs=3; questions=500; answers=500 ;;
    --output) output="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

echo "Building release binaries (statically linked Swift runtime, as installed)..." >&2
swift build -c release --static-swift-stdlib --product lifecycle --scratch-path .build-static >/dev/null
swift build -c release --static-swift-stdlib --product lifecycle-bench --scratch-path .build-static >/dev/null
lifecycle=$PWD/.build-static/release/lifecycle
bench=$PWD/.build-static/release/lifecycle-bench
pty="python3 $PWD/Sources/lifecycle-bench/pty_timing.py"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIFECYCLE_BACKUP_DIR=$work/backups LIFECYCLE_HOME=$work/home

echo "Generating a $questions-question catalog and two $answers-answer assessments..." >&2
$bench generate-catalog "$work/catalog" --questions "$questions"
$bench generate-assessment "$work/a.json" --catalog "$work/catalog" --answers "$answers"
$bench generate-assessment "$work/b.json" --catalog "$work/catalog" --answers "$answers" --variant 1
$lifecycle new "Startup" --file "$work/startup.json" >/dev/null
# dialog shows the same items: the built-in questions' texts, one per line.
python3 -c "
import json
for area in json.load(open('content/catalog.json'))['areas']:
    for question in json.load(open(f'content/{area}.json'))['questions']:
        print(question['text'])" > "$work/question-texts"
items=$(wc -l < "$work/question-texts")

value() { awk -v key="$1" '$1 == key { print $2 }'; }
peak_kb() { /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true; cat "$work/rss" 2>/dev/null | tail -1; }
median_ms() {  # median wall time of a command, in ms
  python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time, statistics
runs, command = int(sys.argv[1]), sys.argv[2:]
samples = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(samples):.1f}")
PY
}

rows=()
row() { rows+=("| $1 | $2 | $3 | $4 |"); }
ratio() { python3 -c "a, b = float('$1'), float('$2'); print(f'{a / b:.2f}x' if b else '-')"; }

# 1. Start to first complete frame, and bytes for one cursor move, in a pseudo-terminal.
start_ours=$($pty first-frame --marker "no changes" --runs "$runs" -- "$lifecycle" open "$work/startup.json" | value median_ms)
move_ours=$($pty move-bytes --marker "no changes" --runs "$runs" -- "$lifecycle" open "$work/startup.json" | value median_bytes)
move_list_only=$($pty move-bytes --marker "no changes" --setup 'z\x1bOB' --runs "$runs" -- "$lifecycle" open "$work/startup.json" | value median_bytes)
if command -v dialog >/dev/null; then
  dialog_items=()
  i=0
  while IFS= read -r text; do i=$((i + 1)); dialog_items+=("$i" "$text" off); done < "$work/question-texts"
  start_dialog=$($pty first-frame --marker Cancel --runs "$runs" -- dialog --checklist Review 22 76 14 "${dialog_items[@]}" | value median_ms)
  move_dialog=$($pty move-bytes --marker Cancel --runs "$runs" -- dialog --checklist Review 22 76 14 "${dialog_items[@]}" | value median_bytes)
  row "start to first frame, $items questions (median of $runs)" "$start_ours ms" "dialog --checklist: $start_dialog ms" "$(ratio "$start_ours" "$start_dialog")"
  row "bytes written for one move down (list and detail pane)" "$move_ours" "dialog: $move_dialog" "$(ratio "$move_ours" "$move_dialog")"
  row "bytes written for one move down, list only (z)" "$move_list_only" "dialog: $move_dialog" "$(ratio "$move_list_only" "$move_dialog")"
else
  row "start to first frame, $items questions" "$start_ours ms" "dialog: skipped (not installed)" "-"
  row "bytes written for one move down (list and detail pane / list only)" "$move_ours / $move_list_only" "dialog: skipped" "-"
fi

# 2. Per keystroke, in process, one area of $questions questions.
keys=$($bench keystrokes --catalog "$work/catalog" --count $(( runs * 100 )))
row "move down (update + render), $questions questions in one area" "p50 $(echo "$keys" | value move_p50_us) µs, p99 $(echo "$keys" | value move_p99_us) µs" "target p99 < 1000 µs" "-"
row "tick a question (update + render + progress)" "p50 $(echo "$keys" | value tick_p50_us) µs, p99 $(echo "$keys" | value tick_p99_us) µs" "target p99 < 1000 µs" "-"

# 3. Load, save, validate and diff of $answers answers with notes.
io=$($bench io "$work/a.json" --catalog "$work/catalog" --runs "$runs")
row "load / save (atomic, fsync, backup) / validate, $answers answers, $(echo "$io" | value file_bytes) bytes" "$(echo "$io" | value load_ms) / $(echo "$io" | value save_ms) / $(echo "$io" | value validate_ms) ms" "target save < 10 ms" "-"
row "first save after loading (every answer encoded)" "$(echo "$io" | value first_save_ms) ms" "-" "-"
# 4b. The plan against the report on the same file: the plan must be no slower.
plan_ours=$(LIFECYCLE_CATALOG=$work/catalog LIFECYCLE_TODAY=2026-06-15 median_ms "$lifecycle" plan "$work/a.json" --format json)
plan_csv=$(LIFECYCLE_CATALOG=$work/catalog LIFECYCLE_TODAY=2026-06-15 median_ms "$lifecycle" plan "$work/a.json" --format csv)
report_json=$(LIFECYCLE_CATALOG=$work/catalog LIFECYCLE_TODAY=2026-06-15 median_ms "$lifecycle" report "$work/a.json" --format json)
row "plan --format json / csv, $answers answers (process included)" "$plan_ours / $plan_csv ms" "report --format json: $report_json ms" "$(ratio "$plan_ours" "$report_json")"
diff_ours=$(LIFECYCLE_CATALOG=$work/catalog median_ms "$lifecycle" diff "$work/a.json" "$work/b.json" --format json)
diff_git=$(median_ms git diff --no-index "$work/a.json" "$work/b.json")
row "diff of two such files (process included)" "$diff_ours ms" "git diff --no-index: $diff_git ms" "$(ratio "$diff_ours" "$diff_git")"
if python3 -c "import deepdiff" 2>/dev/null; then
  diff_deep=$(median_ms python3 -c "import json, sys; from deepdiff import DeepDiff; DeepDiff(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))" "$work/a.json" "$work/b.json")
  row "" "" "Python deepdiff: $diff_deep ms" "$(ratio "$diff_ours" "$diff_deep")"
else
  row "" "" "Python deepdiff: skipped (pip install deepdiff)" "-"
fi

# 4. Packs: importing a lens as large as the largest real ones, and ticking choices.
$bench generate-lens --output "$work/lens.json" --bytes 400000 >/dev/null
lens_kb=$(( $(wc -c < "$work/lens.json") / 1024 ))
import_ours=$(median_ms "$lifecycle" pack import "$work/lens.json" --output "$work/lens-pack.json" --replace)
if command -v jq >/dev/null; then
  import_jq=$(median_ms jq . "$work/lens.json")
  row "pack import of a $lens_kb KB lens (process included)" "$import_ours ms" "jq . LENS: $import_jq ms" "$(ratio "$import_ours" "$import_jq")"
else
  row "pack import of a $lens_kb KB lens" "$import_ours ms" "jq: skipped (apt: jq)" "-"
fi
choice_keys=$($bench choice-keystrokes --questions "$questions" --count $(( runs * 50 )))
row "tick a choice (Space, Space, Esc; risk and counts updated), $questions choice questions" "p50 $(echo "$choice_keys" | value tick_p50_us) µs, p99 $(echo "$choice_keys" | value tick_p99_us) µs" "target p99 < 1000 µs" "-"

# 5. Peak resident memory.
if [ -x /usr/bin/time ]; then
  rss_keys=$(peak_kb "$bench" keystrokes --catalog "$work/catalog" --count 500)
  cp "$work/a.json" "$work/set.json"
  rss_set=$(LIFECYCLE_CATALOG=$work/catalog peak_kb "$lifecycle" set "$work/set.json" generation.q5 --status gap --note "checked")
  rss_validate=$(LIFECYCLE_CATALOG=$work/catalog peak_kb "$lifecycle" validate "$work/a.json")
  rss_diff=$(LIFECYCLE_CATALOG=$work/catalog peak_kb "$lifecycle" diff "$work/a.json" "$work/b.json" --format json)
  rss_show=$(LIFECYCLE_CATALOG=$work/catalog peak_kb "$lifecycle" show "$work/a.json")
  row "peak memory: explorer keys (in process) / set (load + save) / validate / diff / show" "$(( rss_keys / 1024 )) / $(( rss_set / 1024 )) / $(( rss_validate / 1024 )) / $(( rss_diff / 1024 )) / $(( rss_show / 1024 )) MiB" "target < 25 MB" "-"
else
  row "peak memory" "skipped (apt: time)" "-" "-"
fi

{
  echo "Benchmarks: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m), swift $(swift --version 2>/dev/null | head -1 | sed -E 's/.*version ([0-9.]+).*/\1/')$( [ "$runs" = 3 ] && echo ', SMOKE RUN (small data, few runs)')"
  echo
  echo "| measure | lifecycle | peer / target | ratio |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$output"
echo "Wrote $output" >&2
