#!/usr/bin/env python3
# Inclusive time (ms) of a few request frames before and after a moment of a dotnet-trace speedscope file (round 29):
# usage: speedscope-split.py FILE MS   (MS: milliseconds after the first sample; 1e12 for the whole trace)
import json,sys,collections
d=json.load(open(sys.argv[1])); T=float(sys.argv[2])
frames=[f['name'] for f in d['shared']['frames']]
keys=["ExceptionHandlerMiddlewareImpl.Invoke","AuthenticationMiddleware.Invoke(","CookieAuthenticationHandler.HandleAuthenticateAsync","RegisterWithChoicesAsync(","RazorView.RenderAsync","ContentKey.Of","NotificationService.UnreadCountAsync","SessionValidation.StillValidAsync","OnGetAsync>d"]
t0=min(p['startValue'] for p in d['profiles'] if p['type']=='evented')
acc=collections.defaultdict(lambda:[0.0,0.0])
for p in d['profiles']:
    if p['type']!='evented': continue
    stack=[]
    for ev in p['events']:
        if ev['type']=='O': stack.append((ev['frame'],ev['at']))
        else:
            f,s=stack.pop(); name=frames[f]
            for k in keys:
                if k in name and not any(k in frames[x[0]] for x in stack):
                    acc[k][0 if s-t0<T else 1]+=ev['at']-s
for k in keys: print(f"{acc[k][0]:9.1f} {acc[k][1]:9.1f}  {k}")
