"""A real HTTP server on 127.0.0.1 that counts the requests it gets, to prove none leaves.

It serves a small CSV, a Table Schema, a CSV dialect and a JSON Schema profile
that accepts anything, so that a package referring to them is valid once fetched
(with ``--allow-remote``) and a test of "nothing fetched" can fail.
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

CSV = b"a\n1\n"
FILES: dict[str, tuple[str, bytes]] = {
    "/x.csv": ("text/csv", CSV),
    "/schema.json": ("application/json", json.dumps({"fields": [{"name": "a", "type": "integer"}]}).encode()),
    "/dialect.json": ("application/json", json.dumps({"delimiter": ","}).encode()),
    "/profile.json": ("application/json", json.dumps({"type": "object"}).encode()),
}


@dataclass
class CountingServer:
    url: str
    requests: list[str] = field(default_factory=list)
    files: dict[str, tuple[str, bytes]] = field(default_factory=lambda: dict(FILES))


@contextmanager
def counting_server() -> Iterator[CountingServer]:
    """A server on a free port of 127.0.0.1; ``requests`` lists every path asked for."""
    served = CountingServer("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.requests.append(self.path)
            kind, body = served.files.get(self.path, ("text/plain", b""))
            self.send_response(200 if self.path in served.files else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
