#!/usr/bin/env python3
# Inclusive time (ms) of every frame on the stacks that pass through a frame whose name contains FILTER, summed over
# all threads of a dotnet-trace speedscope file (--profile dotnet-sampled-thread-time --format Speedscope); a frame is
# counted once per stack (recursion not doubled). Usage: speedscope-under.py FILE FILTER [N]  (round 28, ADR 0244)
import json,sys,collections
d=json.load(open(sys.argv[1]))
frames=[f['name'] for f in d['shared']['frames']]
target=sys.argv[2]; n=int(sys.argv[3]) if len(sys.argv)>3 else 40
incl=collections.Counter()
for p in d['profiles']:
    if p['type']!='evented': continue
    stack=[]
    for ev in p['events']:
        if ev['type']=='O': stack.append((ev['frame'],ev['at']))
        else:
            f,t0=stack.pop()
            names=[frames[x[0]] for x in stack]
            if not any(target in x for x in names+[frames[f]]): continue
            if any(x[0]==f for x in stack): continue
            incl[frames[f]]+=ev['at']-t0
for k,t in incl.most_common(n): print(f"{t:7.1f} {k[:170]}")
