"""Static files as WhiteNoise serves them, their URLs worked out once per process."""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's manifest storage; each page asks for the same three URLs.

    The manifest is read once when the process starts and never changes while
    it runs (a deploy restarts it), so a name's URL is remembered the first
    time it is asked for. Only names the templates use are ever asked for.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
