"""gunicorn's access log as JSON lines, with the request id: no reader's address, agent or query.

Named by ``deploy/gunicorn.conf.py`` (``logger_class``). Imports nothing of Django: gunicorn
loads it before the application.
"""

from __future__ import annotations

import json
import traceback

from gunicorn.glogging import Logger


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        headers = {name.lower(): value for name, value in resp.headers}
        line = {
            "time": self.now(),
            "logger": "gunicorn.access",
            "method": environ.get("REQUEST_METHOD"),
            # The path, not the query: searches and tokens stay out of the logs.
            "path": environ.get("PATH_INFO"),
            "status": int(status),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "request_id": headers.get("x-request-id", "-"),
            "cache": headers.get("x-kiosk-cache"),
        }
        try:
            self.access_log.info(json.dumps(line))
        except Exception:
            self.error(traceback.format_exc())
