"""Test pictures made in memory, with the metadata a phone would write."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def photo_bytes(size=(400, 300), fmt="JPEG", orientation=None, colour=(200, 30, 30)) -> bytes:
    """A picture whose left half is coloured and right half white, with camera and GPS EXIF."""
    image = Image.new("RGB", size, "white")
    image.paste(colour, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[MAKE] = "KioskCam"
    exif[GPS_IFD] = {1: "N", 2: (47.0, 22.0, 30.0), 3: "E", 4: (8.0, 32.0, 15.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    output = io.BytesIO()
    image.save(output, fmt, exif=exif)
    return output.getvalue()


def upload(data: bytes, name="foto.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
