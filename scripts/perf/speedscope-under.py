#!/usr/bin/env python3
# Inclusive time (ms) of every frame on the stacks that pass through a frame whose name contains FILTER, summed over
# all threads of a dotnet-trace speedscope file (--profile dotnet-sampled-thread-time --format Speedscope); a frame is
# counted once per stack (recursion not doubled). Usage: speedscope-under.py FILE FILTER [N]  (round 28, ADR 0244)
import collections,sys
from speedscope import closed, load
d,frames,_=load(sys.argv[1])
target=sys.argv[2]; n=int(sys.argv[3]) if len(sys.argv)>3 else 40
incl=collections.Counter()
for f,t0,t1,stack in closed(d):
    names=[frames[x[0]] for x in stack]
    if not any(target in x for x in names+[frames[f]]): continue
    if any(x[0]==f for x in stack): continue
    incl[frames[f]]+=t1-t0
for k,t in incl.most_common(n): print(f"{t:7.1f} {k[:170]}")
