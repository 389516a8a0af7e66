#!/usr/bin/env python3
"""Benchmarks/ab.py — two (or more) zhnorm binaries, run alternately on one input.

On a shared, noisy machine the speed of the same command changes by 10-30% from one
minute to the next, so figures taken at different times do not compare. This runs the
binaries one after another, round after round, on the same file with the same arguments,
and prints for each the minimum and median CPU time (user + system, from the kernel's
rusage, to the microsecond) and wall time. Output goes to /dev/null: what is compared is
the work of the binaries, without a pipe reader competing for the two cores.

The order is reversed every other round (A B, B A, ...), so that neither binary is always
the one that runs right after the other. The last column is each binary's CPU time over
the first binary's *in the same round*: the median of those paired ratios, and their
range. A slow minute slows both runs of a round, so the paired ratio is steadier than the
ratio of the two medians when the machine's speed drifts.

Usage: Benchmarks/ab.py [--runs N] [--args "ARGS"] FILE BINARY [BINARY...]
Example (the binary of some older commit against the current build):
  Benchmarks/ab.py --runs 9 --args "--only unicode" .bench-corpus/zh-hans-100m.txt \\
      /tmp/zhnorm-old .build/release/zhnorm
"""
import argparse
import os
import shlex
import statistics
import subprocess
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds (default 7)")
    parser.add_argument("--args", default="", help="zhnorm arguments, one string")
    parser.add_argument("file")
    parser.add_argument("binaries", nargs="+")
    options = parser.parse_args()
    arguments = shlex.split(options.args)
    cpu = {binary: [] for binary in options.binaries}
    wall = {binary: [] for binary in options.binaries}
    for round_index in range(options.runs):
        order = options.binaries if round_index % 2 == 0 else list(reversed(options.binaries))
        for binary in order:
            with open(options.file, "rb") as source, open(os.devnull, "wb") as sink:
                start = time.perf_counter()
                process = subprocess.Popen([binary, *arguments], stdin=source, stdout=sink)
                _, status, usage = os.wait4(process.pid, 0)
                wall[binary].append(time.perf_counter() - start)
                cpu[binary].append(usage.ru_utime + usage.ru_stime)
                if status != 0:
                    raise SystemExit(f"ab.py: {binary} exited with status {status}")
    megabytes = os.path.getsize(options.file) / 1e6
    print(f"{options.file}: {megabytes:.1f} MB, {options.runs} alternating rounds, args: {options.args or '(none)'}")
    print("| binary | CPU s min | CPU s median | wall s median | MB/s (median wall) | CPU / first, paired: median (range) |")
    print("|---|---:|---:|---:|---:|---:|")
    first = options.binaries[0]
    for binary in options.binaries:
        median_wall = statistics.median(wall[binary])
        ratios = [mine / theirs for mine, theirs in zip(cpu[binary], cpu[first])]
        paired = (
            "—" if binary == first
            else f"{statistics.median(ratios):.3f} ({min(ratios):.3f}–{max(ratios):.3f})"
        )
        print(
            f"| {binary} | {min(cpu[binary]):.3f} | {statistics.median(cpu[binary]):.3f} "
            f"| {median_wall:.3f} | {megabytes / median_wall:.1f} | {paired} |"
        )


if __name__ == "__main__":
    main()
