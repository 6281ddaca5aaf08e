"""gunicorn for Kiosk in production, behind nginx.

    gunicorn -c deploy/gunicorn.conf.py config.wsgi

Every setting can be overridden from the environment (GUNICORN_*), so one file serves
a small VM and a large one. Threads rather than more processes: a request mostly waits
on PostgreSQL and Redis, and threads share one process's warm caches.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Two processes per core, four threads each: 16 requests at once on a 2-core machine.
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# A request that takes longer than this is killed (and its worker replaced): readers do not wait 30 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
# nginx keeps its connections to us open (upstream keepalive): wait a little longer than it does.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 75))
# Each worker is replaced after this many requests (jittered, not all at once): memory that a
# library leaks cannot grow without end.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 5000))
max_requests_jitter = 500
# The application is imported once, before the fork: workers start warm and alike.
preload_app = True
# Access log as JSON lines to stderr (journald or the container collects it), with the request
# id nginx set; no reader's address, user agent or query string (kiosk.background.gunicorn).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
logger_class = "kiosk.background.gunicorn.JsonAccessLogger"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The proxy in front is trusted for the scheme (X-Forwarded-Proto), on loopback only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):
    # A connection the master opened while importing is not shared with the workers.
    from django.db import connections

    connections.close_all()
