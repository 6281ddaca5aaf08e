"""Readers' avatars: uploaded pictures made safe to show, and their removal.

An upload is decoded by Pillow (never trusted by its name or content type),
turned upright, cropped to a square, scaled to AVATAR_SIZE and re-encoded
from bare pixels, so nothing of the original file survives: no EXIF, no GPS
position, no camera serial, no embedded thumbnail, no trailing payload.
"""

from __future__ import annotations

import io
import secrets
import warnings
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .profiles import public_profile_changed

if TYPE_CHECKING:
    from django.core.files import File

    from .models import User

MAX_AVATAR_BYTES = 5 * 1024 * 1024
AVATAR_SIZE = 256
# Large enough for any camera, small enough that a crafted file cannot make
# the server decode hundreds of megapixels.
MAX_AVATAR_PIXELS = 50_000_000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/gif"
OUTPUT_FORMAT = "WEBP"
OUTPUT_EXTENSION = "webp"

TOO_LARGE = _("The picture is larger than 5 MB. Please choose a smaller one.")
NOT_AN_IMAGE = _("This file is not a picture we can read. Please choose a JPEG, PNG, WebP or GIF image.")


def avatar_image(upload: File) -> bytes:
    """Return the avatar made from an uploaded file as WebP bytes without metadata.

    Raises ValidationError with a message for the reader when the file is too
    large or not an image.
    """
    if upload.size is not None and upload.size > MAX_AVATAR_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    try:
        image = _open_image(upload)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from exc

    image = ImageOps.exif_transpose(image)
    mode = "RGBA" if _has_transparency(image) else "RGB"
    image = ImageOps.fit(image.convert(mode), (AVATAR_SIZE, AVATAR_SIZE), Image.Resampling.LANCZOS)
    # Rebuilt from its pixels alone, the picture carries no info or EXIF the encoder could copy.
    bare = Image.frombytes(mode, image.size, image.tobytes())
    output = io.BytesIO()
    bare.save(output, OUTPUT_FORMAT, quality=85, method=6)
    return output.getvalue()


def _open_image(upload: File) -> Image.Image:
    upload.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns about a decompression bomb below twice its limit; refuse it outright.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise UnidentifiedImageError(probe.format)
            if probe.width * probe.height > MAX_AVATAR_PIXELS:
                raise ValueError("too many pixels")
            probe.verify()
        # verify() leaves the image unusable: open it again to decode it.
        upload.seek(0)
        image = Image.open(upload)
        image.load()
    return image


def _has_transparency(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def avatar_set(*, user: User, upload: File) -> None:
    """Process an upload and make it the reader's avatar, under a fresh file name.

    Nothing is stored when the upload is refused. The previous file is
    deleted once the new one is saved.
    """
    data = avatar_image(upload)
    old_name = user.avatar.name
    with transaction.atomic():
        user.avatar.save(f"{secrets.token_hex(8)}.{OUTPUT_EXTENSION}", ContentFile(data), save=False)
        user.save(update_fields=["avatar"])
        if old_name:
            _delete_file_on_commit(user, old_name)
        public_profile_changed(user)


def avatar_remove(*, user: User) -> None:
    """Go back to the generated avatar and delete the uploaded file."""
    old_name = user.avatar.name
    if not old_name:
        return
    with transaction.atomic():
        user.avatar = ""
        user.save(update_fields=["avatar"])
        _delete_file_on_commit(user, old_name)
        public_profile_changed(user)


def _delete_file_on_commit(user: User, name: str) -> None:
    storage = user.avatar.storage
    transaction.on_commit(lambda: storage.delete(name))
