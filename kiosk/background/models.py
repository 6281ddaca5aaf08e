"""What the background keeps in the database of its own: when a worker last showed it runs tasks."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

WORKER = "worker"


class Heartbeat(models.Model):
    """When a task worker last ran the heartbeat task (``/readyz`` reads it).

    In the database rather than the cache: a cache may evict it under load, and a
    readiness check that flaps takes a healthy server out of its load balancer.
    """

    name = models.CharField(_("name"), primary_key=True, max_length=50)
    beat_at = models.DateTimeField(_("last beat"))

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return f"{self.name} {self.beat_at:%Y-%m-%d %H:%M:%S}"
