#!/usr/bin/env python3
"""Interleaved CPU-second measurement of two commands (children rusage, microseconds).
usage: bench/cpu.py N MB -- label1 cmd1... -- label2 cmd2... (see bench/README.md)"""
import os, sys, time, resource, subprocess, statistics
n = int(sys.argv[1]); mb = float(sys.argv[2])
parts = ' '.join(sys.argv[3:]).split(' -- ')
cmds = []
for p in parts:
    p = p.strip()
    if p.startswith('--'): p = p[2:].strip()
    label, cmd = p.split(' ', 1)
    cmds.append((label, cmd))
res = {l: [] for l, _ in cmds}; wall = {l: [] for l, _ in cmds}
for i in range(n):
    for label, cmd in cmds:
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.time()
        subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        t1 = time.time(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        res[label].append((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)); wall[label].append(t1 - t0)
print('load', open('/proc/loadavg').read().split()[:3], time.strftime('%H:%M:%S', time.gmtime()))
for label, _ in cmds:
    c = res[label]; w = wall[label]
    print(f'{label}: CPU-s median {statistics.median(c):.3f} (min {min(c):.3f} max {max(c):.3f}); '
          f'MB/CPU-s median {mb/statistics.median(c):.1f} (best {mb/min(c):.1f}); wall median {statistics.median(w):.3f} s, MB/s {mb/statistics.median(w):.1f}')
