# The frames of a dotnet-trace speedscope file (--profile dotnet-sampled-thread-time --format Speedscope), shared by
# speedscope-under.py and speedscope-split.py: every frame closed on any thread, with the frames open around it.
import json


def load(path):
    """The parsed file, the frames' names, and the time (ms) of the trace's first sample."""
    d = json.load(open(path))
    frames = [f['name'] for f in d['shared']['frames']]
    start = min(p['startValue'] for p in d['profiles'] if p['type'] == 'evented')
    return d, frames, start


def closed(d):
    """(frame, opened at, closed at, frames open around it as [(frame, opened at)]) for every frame of every thread."""
    for p in d['profiles']:
        if p['type'] != 'evented':
            continue
        stack = []
        for ev in p['events']:
            if ev['type'] == 'O':
                stack.append((ev['frame'], ev['at']))
            else:
                f, t0 = stack.pop()
                yield f, t0, ev['at'], stack
