"""A static file server that behaves like GitHub Pages (gzip for text, a 10-minute cache)
and counts the bytes it sends, so tests can weigh what a reader downloads."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".ics", ".atom")


@dataclass
class Traffic:
    """Bytes sent per request path, headers included, in the order they were served."""

    sent: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            taken, self.sent = self.sent, []
        return taken


class _CountingWriter(io.RawIOBase):
    def __init__(self, raw: io.BufferedIOBase) -> None:
        self.raw = raw
        self.count = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.count += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()


class PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    traffic: Traffic

    def log_message(self, format: str, *args: object) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.wfile = _CountingWriter(self.wfile)  # type: ignore[assignment]

    def handle_one_request(self) -> None:
        before = self.wfile.count  # type: ignore[attr-defined]
        super().handle_one_request()
        sent = self.wfile.count - before  # type: ignore[attr-defined]
        if sent and getattr(self, "path", None):
            with self.traffic.lock:
                self.traffic.sent.append((self.path, sent))

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site_dir: Path) -> Iterator[tuple[str, Traffic]]:
    traffic = Traffic()
    handler = functools.partial(
        type("Handler", (PagesLikeHandler,), {"traffic": traffic}), directory=str(site_dir)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", traffic
    finally:
        server.shutdown()
