"""Settings for the comment benchmark's server: the site's own, plus one bench-only URL."""

from config.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
