#!/usr/bin/env python3
# Sums a dotnet-trace speedscope file (--profile dotnet-sampled-thread-time --format Speedscope) by frame: the share
# of the samples whose leaf is CPU_TIME that pass through each frame (inclusive). Usage: speedscope-summary.py FILE [FILTER] [N]
import json,sys,collections
d=json.load(open(sys.argv[1]))
frames=[f['name'] for f in d['shared']['frames']]
incl=collections.Counter(); excl=collections.Counter(); total=0
for prof in d['profiles']:
    if prof['type']=='evented':
        # convert evented to samples: compute time in each stack
        stack=[];last=None
        for ev in prof['events']:
            t=ev['at']
            if last is not None and stack:
                dt=t-last
                leaf=frames[stack[-1]]
                if leaf=='CPU_TIME':
                    total+=dt
                    seen=set()
                    for fi in stack:
                        if fi not in seen: incl[fi]+=dt; seen.add(fi)
                    excl[stack[-1]]+=dt
            last=t
            if ev['type']=='O': stack.append(ev['frame'])
            else:
                if stack: stack.pop()
    else:
        for s,w in zip(prof['samples'],prof['weights']):
            if not s: continue
            leaf=frames[s[-1]]
            if leaf != 'CPU_TIME': continue
            total+=w
            for fi in set(s): incl[fi]+=w
            excl[s[-1]]+=w
pat=sys.argv[2] if len(sys.argv)>2 else None
print("total busy",total)
n=int(sys.argv[3]) if len(sys.argv)>3 else 60
print("== inclusive")
for fi,v in incl.most_common(400):
    name=frames[fi]
    if pat and pat not in name: continue
    print(f"{100*v/total:6.1f}% {name[:170]}")
    n-=1
    if n==0: break
