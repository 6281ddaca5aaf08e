"""gunicorn for the comment benchmark: threads, long keep-alive, quiet."""

worker_class = "gthread"
keepalive = 75
loglevel = "warning"
accesslog = None
backlog = 256
preload_app = True  # one import before the fork: quicker start, workers warm alike


def post_fork(server, worker):
    # Nothing the master may have opened is shared with the workers.
    from django.db import connections

    connections.close_all()
