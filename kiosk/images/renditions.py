"""Responsive renditions: which sizes each use of an image needs, fetched in bulk."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from wagtail.images.models import SourceImageIOError

from .models import KioskImage, KioskRendition

logger = logging.getLogger(__name__)

MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


@dataclass(frozen=True)
class Role:
    """One way a page uses an image: its widths and the `sizes` hint."""

    name: str
    widths: tuple[int, ...]
    sizes: str
    crop: str = ""  # aspect ratio to fill, e.g. "3x2"
    fallback: str = "jpeg"  # logos keep their transparency as PNG

    def spec(self, width: int, fmt: str) -> str:
        if self.crop:
            w, h = (int(x) for x in self.crop.split("x"))
            base = f"fill-{width}x{round(width * h / w)}"
        else:
            base = f"width-{width}"
        return f"{base}|format-{fmt}"

    @property
    def formats(self) -> list[str]:
        return [*settings.KIOSK_IMAGE_FORMATS, self.fallback]

    @property
    def specs(self) -> list[str]:
        return [self.spec(w, f) for f in self.formats for w in self.widths]


ROLES = {
    "lead": Role("lead", (480, 800, 1200), "(min-width: 52rem) 48rem, 100vw"),
    "inline": Role("inline", (480, 800, 1200), "(min-width: 52rem) 48rem, 100vw"),
    "gallery": Role("gallery", (480, 800, 1200), "(min-width: 52rem) 48rem, 100vw"),
    "teaser": Role("teaser", (320, 640), "(min-width: 52rem) 15rem, 40vw", crop="3x2"),
    "logo": Role("logo", (120, 240), "7.5rem", fallback="png"),
    # An author's picture on their page: square, small.
    "portrait": Role("portrait", (160, 320), "10rem", crop="1x1"),
}
ALL_SPECS = sorted({spec for role in ROLES.values() for spec in role.specs})


def prefetch_renditions(images: Iterable[KioskImage | None]) -> None:
    """Attach every known rendition of these images with one query.

    Wagtail's ``get_renditions`` then finds them without touching the
    database; missing ones are created on first use.
    """
    by_id: dict[int, list[KioskImage]] = defaultdict(list)
    for image in images:
        if image is not None:
            by_id[image.pk].append(image)
    if not by_id:
        return
    found: dict[int, list[KioskRendition]] = defaultdict(list)
    for rendition in KioskRendition.objects.filter(image_id__in=by_id, filter_spec__in=ALL_SPECS):
        found[rendition.image_id].append(rendition)
    for image_id, instances in by_id.items():
        for image in instances:
            image.prefetched_renditions = found[image_id]


@dataclass
class Picture:
    """What a <picture> element needs."""

    sources: list[tuple[str, str]]  # (mime type, srcset)
    src: str
    srcset: str
    width: int
    height: int
    sizes: str


def picture_for(image: KioskImage, role_name: str) -> Picture | None:
    """The renditions for one use of an image; None when its file is unreadable."""
    role = ROLES[role_name]
    try:
        renditions = image.get_renditions(*role.specs)
    except (SourceImageIOError, OSError, ValueError):
        logger.warning("Image %s has no readable file; rendering without it.", image.pk)
        return None

    def srcset(fmt: str) -> str:
        return ", ".join(
            f"{renditions[role.spec(w, fmt)].url} {renditions[role.spec(w, fmt)].width}w" for w in role.widths
        )

    default = renditions[role.spec(role.widths[len(role.widths) // 2], role.fallback)]
    return Picture(
        sources=[(MIME_TYPES[f], srcset(f)) for f in settings.KIOSK_IMAGE_FORMATS],
        src=default.url,
        srcset=srcset(role.fallback),
        width=default.width,
        height=default.height,
        sizes=role.sizes,
    )


def create_renditions(uses: Iterable[tuple[KioskImage | None, str]]) -> int:
    """Make every rendition these (image, role) uses need now; the number of renditions they have.

    For a task after publishing: a reader's first view then finds them made.
    Existing renditions are left alone, and one made by a reader at the same
    moment is not made twice (Wagtail creates renditions conflict-free).
    """
    images: dict[int, KioskImage] = {}
    specs: dict[int, set[str]] = defaultdict(set)
    for image, role in uses:
        if image is not None:
            images[image.pk] = image
            specs[image.pk].update(ROLES[role].specs)
    made = 0
    for image_id, image in images.items():
        try:
            made += len(image.get_renditions(*sorted(specs[image_id])))
        except (SourceImageIOError, OSError, ValueError):
            logger.warning("Image %s has no readable file; no renditions made.", image_id)
    return made
