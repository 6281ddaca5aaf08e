"""Kiosk's JSON API (django-ninja), mounted at /api/."""

from .api import api

__all__ = ["api"]
