#!/usr/bin/env python3
"""Signs in as each demo role and follows every same-site link (GET) from the home page, a few samples per page
shape (digits folded), failing on any 5xx. Used by scale-smoke.sh; standard library only.
Usage: crawl.py BASE_URL [max_per_role=250]
CRAWL_ACCOUNTS=a@x,b@y crawls as those accounts only ("-" for anonymous); CRAWL_SLOWEST=N prints the N slowest (15)."""
import html, http.cookiejar, os, re, sys, time, urllib.error, urllib.parse, urllib.request

base = sys.argv[1].rstrip("/")
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 250
accounts = ["", "admin@cnht.demo", "chuyenvien@cnht.demo", "lanhdao@cnht.demo", "trungtam@cnht.demo", "xem@cnht.demo", "doanhnghiep1@cnht.demo"]
if os.environ.get("CRAWL_ACCOUNTS"):
    accounts = ["" if a == "-" else a for a in os.environ["CRAWL_ACCOUNTS"].split(",")]
skip = re.compile(r"/Account/Logout|/lib/|/css/|/js/|\.(css|js|png|svg|ico|woff2?)$|^/en/", re.I)
failures, slow = [], []


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener():
    jar = http.cookiejar.CookieJar()
    o = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    o.jar = jar
    return o


def unsecure(o):
    # Outside Development the portal marks its cookies Secure; this crawl speaks plain HTTP on loopback.
    for cookie in o.jar:
        cookie.secure = False


def get(o, path):
    start = time.monotonic()
    try:
        with o.open(base + path, timeout=120) as r:
            body = r.read().decode("utf-8", "replace") if "html" in r.headers.get("Content-Type", "") else ""
            return r.status, body, time.monotonic() - start
    except urllib.error.HTTPError as e:
        location = e.headers.get("Location", "") if e.code in (301, 302, 303, 307, 308) else ""
        link = f'href="{urllib.parse.urlsplit(location)._replace(scheme="", netloc="").geturl()}"' if location else ""
        return e.code, link, time.monotonic() - start


def sign_in(o, email):
    _, page, _ = get(o, "/Account/Login")
    token = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"Input.Email": email, "Input.Password": "Demo@2026!", "__RequestVerificationToken": token}).encode()
    try:
        o.open(urllib.request.Request(base + "/Account/Login", data=data), timeout=60)
    except urllib.error.HTTPError as e:
        if e.code != 302:
            raise
    unsecure(o)


for email in accounts:
    o = opener()
    if email:
        sign_in(o, email)
    seen_shapes, queue, done = {}, ["/"], set()
    while queue and len(done) < limit:
        path = queue.pop(0)
        if path in done:
            continue
        done.add(path)
        status, body, seconds = get(o, path)
        unsecure(o)
        who = email or "anonymous"
        if status >= 500:
            failures.append(f"{status} {path} as {who}")
        slow.append((seconds, path, who, status))
        for href in re.findall(r'href="(/[^"#]*)"', body):
            href = html.unescape(href)
            # The whole-program export is the bulk path (measured with the `export` verb, docs/performance.md), not a page.
            if skip.search(href.split("?")[0]) or href in done or (href.startswith("/Export") and "handler=Download" in href):
                continue
            shape = re.sub(r"\d+", "N", href)
            if seen_shapes.get(shape, 0) >= 2:
                continue
            seen_shapes[shape] = seen_shapes.get(shape, 0) + 1
            queue.append(href)
    print(f"{email or 'anonymous'}: {len(done)} page(s)", flush=True)

slow.sort(reverse=True)
print("slowest:")
for seconds, path, who, status in slow[:int(os.environ.get("CRAWL_SLOWEST", "15"))]:
    print(f"  {seconds * 1000:8.0f} ms  {status}  {path}  ({who})")
if failures:
    print("5xx answers:", *failures, sep="\n  ")
    sys.exit(1)
print(f"no 5xx in {len(slow)} request(s)")
