"""One GET straight into a WSGI app, without a server: for in-process render benchmarks."""

from __future__ import annotations

import io
import sys


def wsgi_get(app, path: str, cookie: str = "") -> tuple[int, bytes, dict]:
    """(status code, body, headers) of GET ``path``, with ``cookie`` as the Cookie header."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    status: list[str] = []
    headers: dict = {}

    def start_response(s, h, exc_info=None):
        status.append(s)
        headers.update(h)

    body = b"".join(app(environ, start_response))
    return int(status[0].split()[0]), body, headers
