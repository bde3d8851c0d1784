#!/usr/bin/env python3
# Inclusive time (ms) of a few request frames before and after a moment of a dotnet-trace speedscope file (round 29):
# usage: speedscope-split.py FILE MS   (MS: milliseconds after the first sample; 1e12 for the whole trace)
import collections,sys
from speedscope import closed, load
d,frames,start=load(sys.argv[1]); T=float(sys.argv[2])
keys=["ExceptionHandlerMiddlewareImpl.Invoke","AuthenticationMiddleware.Invoke(","CookieAuthenticationHandler.HandleAuthenticateAsync","RegisterWithChoicesAsync(","RazorView.RenderAsync","ContentKey.Of","NotificationService.UnreadCountAsync","SessionValidation.StillValidAsync","OnGetAsync>d"]
acc=collections.defaultdict(lambda:[0.0,0.0])
for f,s,e,stack in closed(d):
    name=frames[f]
    for k in keys:
        if k in name and not any(k in frames[x[0]] for x in stack):
            acc[k][0 if s-start<T else 1]+=e-s
for k in keys: print(f"{acc[k][0]:9.1f} {acc[k][1]:9.1f}  {k}")
