#!/usr/bin/env python3
"""kbcompile beside pandoc and beside the machine's floor, on plume-docs and synthetic knowledge bases.

    bench/benchmark.py [--runs N] [--sizes 100,2000,10000] [--pandoc-max 2000] [--out bench/RESULTS.md]

Builds the release binary, generates the synthetic knowledge bases (bench/generate-kb.py) into
bench/work/, and times, for each input, in one run of this script:
  - kbcompile --epub, --latex, --html (one format per run, as a user would);
  - pandoc 2.17 on the same Markdown files in the same order (`-f markdown-yaml_metadata_block`,
    `-t epub3 --mathml`, `-t latex -s`, `-t html5 -s --mathml`), for inputs of at most
    --pandoc-max articles (pandoc needs minutes beyond); from 2,000 articles on it runs once;
  - the floor: `cat` of the Markdown files plus `zip -r -6` of them and the images;
  - the pathological inputs (kbcompile-pathological-bench): how time grows for 10× the input.
Each is run in --runs rounds, the commands of an input taking turns in each round (kbcompile five
times a round on inputs under 500 articles); the table gives medians of CPU time (user + sys),
wall time and peak memory (max RSS, from the kernel's `wait4`), and the CPU ratios, taken within
each round and then their median over the rounds. Writes the results, the machine and the
date to --out. Not a test: nothing here passes or fails.
"""
import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("KBCOMPILE_SHARED", os.path.join(os.path.dirname(ROOT), "shared"))
KBCOMPILE = os.path.join(ROOT, ".build", "release", "kbcompile")
FORMATS = ["epub", "latex", "html"]
PANDOC_ARGS = {
    "epub": ["-t", "epub3", "--mathml", "--metadata", "title=bench"],
    "latex": ["-t", "latex", "-s", "--metadata", "title=bench"],
    "html": ["-t", "html5", "-s", "--mathml", "--metadata", "title=bench"],
}
PANDOC_OUTPUT = {"epub": "book.epub", "latex": "book.tex", "html": "book.html"}


class Measure:
    """Medians of several runs of one command; `samples` are (round, CPU, wall, RSS KB)."""

    def __init__(self, samples):
        self.cpu = statistics.median(s[1] for s in samples)
        self.wall = statistics.median(s[2] for s in samples)
        self.rss_mb = statistics.median(s[3] for s in samples) / 1024
        self.runs = len(samples)
        # The median CPU of each round, for ratios taken within a round (see `paired_ratio`).
        rounds = sorted({s[0] for s in samples})
        self.round_cpu = {r: statistics.median(s[1] for s in samples if s[0] == r) for r in rounds}


def paired_ratio(numerator, denominator):
    """The ratio of two commands' CPU taken round by round, each round's commands having run side
    by side, then the median and range over the rounds: the VM's speed drifts by ±30% within an
    hour, which a ratio of the two overall medians takes in whole when one median falls in a slow
    phase and the other does not. Gives (median, lowest, highest)."""
    ratios = [numerator.round_cpu[r] / max(denominator.round_cpu[r], 1e-3)
              for r in numerator.round_cpu if r in denominator.round_cpu]
    return statistics.median(ratios), min(ratios), max(ratios)


def ratio_text(ratio):
    median, low, high = ratio
    return f"{median:.1f}× ({low:.1f}–{high:.1f})" if f"{low:.1f}" != f"{high:.1f}" else f"{median:.1f}×"


def run_timed(command, cwd=None):
    """(CPU seconds, wall seconds, max RSS KB) of one run, from the kernel's accounting of the child
    (`wait4`: microseconds, where `/usr/bin/time` rounds to hundredths); fails loudly when the
    command fails."""
    start = time.monotonic()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"failed ({child.returncode}): {' '.join(command[:6])} …\n{stderr.decode()[-2000:]}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


def measure_interleaved(commands, rounds):
    """Measures of each of `commands` ((name, command, runs a round, rounds at most) tuples): in
    every round each command runs in turn, so that all of them meet the same moments of a machine
    whose speed drifts."""
    samples = {name: [] for name, _, _, _ in commands}
    for round in range(rounds):
        for name, command, per_round, most in commands:
            if round < most:
                samples[name] += [(round, *run_timed(command)) for _ in range(per_round)]
    return {name: Measure(runs) for name, runs in samples.items()}


def book_files(source):
    """The Markdown files kbcompile reads, in book order (from `check --outline`), and their root."""
    outline = subprocess.run([KBCOMPILE, "check", source, "--outline", "--quiet"], capture_output=True, text=True).stdout
    root = os.path.join(source, "docs") if os.path.isdir(os.path.join(source, "docs")) else source
    files = [os.path.join(root, m) for m in re.findall(r"\((.*\.md)\)$", outline, re.M)]
    return root, files


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = re.search(r"model name\s*: (.+)", f.read()).group(1)
    except (OSError, AttributeError):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    pandoc = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    swift = (swift.stdout + swift.stderr).strip().split("\n")[0]
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} {platform.release()}; {swift}; {pandoc}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # Five rounds: a median of three moved with one round the VM slowed (about 12 minutes in all,
    # most of it pandoc's).
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="100,2000,10000")
    parser.add_argument("--pandoc-max", type=int, default=2000)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "RESULTS.md"))
    args = parser.parse_args()
    for tool in ["pandoc", "zip"]:
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed (apt-get install {tool})")
    for product in ["kbcompile", "kbcompile-pathological-bench"]:
        subprocess.run([os.path.join(ROOT, "scripts", "build-release"), "--product", product], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)

    work = os.path.join(ROOT, "bench", "work")
    inputs = [("plume-docs", os.path.join(SHARED, "corpus", "plume-docs"))]
    for size in [int(s) for s in args.sizes.split(",") if s]:
        folder = os.path.join(work, f"kb-{size}")
        if not os.path.isdir(folder):
            print(f"generating {size} articles …", file=sys.stderr)
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate-kb.py"), str(size), folder], check=True)
        inputs.append((f"synthetic {size:,}", folder))

    rows = []
    for name, source in inputs:
        root, files = book_files(source)
        size = sum(os.path.getsize(f) for f in files)
        public = os.path.join(root, ".vuepress", "public")
        print(f"{name}: {len(files)} articles, {size / 1e6:.2f} MB", file=sys.stderr)
        with tempfile.TemporaryDirectory() as scratch:
            list_file = os.path.join(scratch, "files.txt")
            with open(list_file, "w") as f:
                f.write("\n".join(files) + "\n")
            floor_script = (f"xargs -d '\\n' cat < {list_file} > /dev/null && "
                            f"xargs -d '\\n' zip -q -6 {scratch}/floor.zip < {list_file} && "
                            f"{{ [ ! -d '{public}' ] || zip -q -6 -r {scratch}/floor.zip '{public}'; }} && rm {scratch}/floor.zip")
            # A fast build runs five times a round: its medians then rest on more than a few samples.
            repeat = 5 if len(files) < 500 else 1
            # pandoc needs minutes from 2,000 articles on: there it runs in the first round only.
            pandoc_rounds = args.runs if len(files) < 2000 else 1
            commands = [("floor", ["sh", "-c", floor_script], 1, args.runs)]
            for fmt in FORMATS:
                commands.append((f"kbcompile {fmt}", [KBCOMPILE, "build", source, f"--{fmt}", "-o", os.path.join(scratch, "k"), "--quiet"],
                                 repeat, args.runs))
                if len(files) <= args.pandoc_max:
                    commands.append((f"pandoc {fmt}", ["pandoc", "-f", "markdown-yaml_metadata_block"] + PANDOC_ARGS[fmt]
                                     + [f"--resource-path={public}", "-o", os.path.join(scratch, PANDOC_OUTPUT[fmt])] + files,
                                     1, pandoc_rounds))
            measures = measure_interleaved(commands, args.runs)
            for fmt in FORMATS:
                ours, theirs = measures[f"kbcompile {fmt}"], measures.get(f"pandoc {fmt}")
                rows.append((name, len(files), size, fmt, ours, theirs, measures["floor"]))
                print(f"  {fmt}: kbcompile {ours.cpu:.3f} s" + (f", pandoc {theirs.cpu:.2f} s" if theirs else ""),
                      file=sys.stderr)
    print("pathological inputs …", file=sys.stderr)
    pathological = subprocess.run([os.path.join(ROOT, ".build", "release", "kbcompile-pathological-bench"), str(args.runs)],
                                  capture_output=True, text=True, check=True).stdout
    write_results(args, rows, pathological)


def write_results(args, rows, pathological):
    lines = [
        "# Benchmark results",
        "",
        f"Written by `bench/benchmark.py --runs {args.runs} --sizes {args.sizes} --pandoc-max {args.pandoc_max}` "
        f"on {datetime.date.today().isoformat()}.",
        f"Machine: {machine()}.",
        "",
        "Medians of the runs: CPU = user + system time, RSS = peak resident memory (`wait4`). The commands",
        "of an input take turns in each round; kbcompile runs five times a round on inputs under 500 articles.",
        "The two CPU ratios are taken within each round (the commands of a round ran side by side), then",
        "their median over the rounds, with the lowest and highest in brackets when they differ.",
        "The floor is `cat` of the Markdown files plus `zip -r -6` of them and the public folder.",
        "pandoc reads the same files in the same order (`-f markdown-yaml_metadata_block`); a dash means",
        "it was not run (beyond `--pandoc-max` articles it takes many minutes).",
        "",
        "| input | articles | MB | format | kbcompile CPU s | wall s | RSS MB | pandoc CPU s | RSS MB "
        "| pandoc ÷ kbcompile CPU | kbcompile ÷ floor CPU | RSS ÷ input | ms CPU per article |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, count, size, fmt, ours, theirs, floor in rows:
        pandoc_cpu = f"{theirs.cpu:.2f}" if theirs else "–"
        pandoc_rss = f"{theirs.rss_mb:.0f}" if theirs else "–"
        ratio = ratio_text(paired_ratio(theirs, ours)) if theirs else "–"
        lines.append(
            f"| {name} | {count:,} | {size / 1e6:.2f} | {fmt} | {ours.cpu:.3f} | {ours.wall:.3f} | {ours.rss_mb:.0f} "
            f"| {pandoc_cpu} | {pandoc_rss} | {ratio} | {ratio_text(paired_ratio(ours, floor))} "
            f"| {ours.rss_mb * 2**20 / size:.1f}× "
            f"| {ours.cpu * 1000 / count:.2f} |")
    lines += ["", "Floor per input (CPU s): " + ", ".join(
        sorted({f"{name} {floor.cpu:.2f}" for name, _, _, _, _, _, floor in rows}, key=lambda s: s)) + ".", "",
        "## Pathological inputs", "",
        "Parse and render (fragment HTML) at a tenth of the tests' size and at their size; the growth is",
        "normalised to a 10× larger input (linear is 10×). One core, on a warm heap; in each round the",
        "small input runs ten times, then the large one once; the growth is the median over the rounds",
        "(at least --runs, and two seconds' worth) of the large time over the small one, and the CPU",
        "column the large input's least time.", "",
        pathological.strip(), ""]
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
