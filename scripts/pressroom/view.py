"""``pressroom view``: serve a built site as GitHub Pages serves it (``make view``).

Python's ``http.server`` with what a static host does and it does not: an unknown path gets
the site's ``404.html`` (status 404), and a busy port is one line, not a traceback. The
server reuses the address like MkDocs' own (``SO_REUSEADDR``): a port whose last server
stopped a moment ago, with connections still in TIME_WAIT, is free to serve on.
"""
from __future__ import annotations

import functools
import http.server
import signal
import sys
import threading
from pathlib import Path

from .serve import address_problem, parse_address


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # one short line per request, as MkDocs prints them
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_server(site: Path, host: str, port: int) -> http.server.ThreadingHTTPServer:
    """The server, bound (HTTPServer sets allow_reuse_address); OSError when it cannot be."""
    handler = functools.partial(SiteHandler, directory=str(site))
    family = http.server.ThreadingHTTPServer
    if ":" in host:
        import socket

        family = type("_V6", (http.server.ThreadingHTTPServer,), {"address_family": socket.AF_INET6})
    return family((host, port), handler)


def view(args) -> int:
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"{site}: no built site here; run `make site` first", file=sys.stderr)
        return 1
    address = parse_address(args.dev_addr)
    if address is None:
        print(address_problem(args.dev_addr), file=sys.stderr)
        return 1
    host, port = address
    try:
        server = make_server(site, host, port)
    except OSError as err:
        print(f"{args.dev_addr}: cannot serve there ({err.strerror}); stop the other server or pass --dev-addr HOST:PORT",
              file=sys.stderr)
        return 1
    print(f"pressroom: serving {site}/ on http://{args.dev_addr}/ (as GitHub Pages would); Ctrl-C stops", flush=True)
    # Ctrl-C asks the loop to stop (it looks twice a second) rather than raising wherever
    # the main thread happens to be: once in CI a server went on serving after its SIGINT
    previous = signal.signal(signal.SIGINT, lambda signum, frame: threading.Thread(target=server.shutdown, daemon=True).start())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, previous)
        server.server_close()
    return 0
