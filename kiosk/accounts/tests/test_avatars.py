"""Avatar uploads: only real pictures, upright, square, small, and stripped of metadata."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import translation
from PIL import Image

from kiosk.accounts.avatars import AVATAR_SIZE, MAX_AVATAR_BYTES, avatar_image, avatar_remove, avatar_set

from .factories import UserFactory
from .images import GPS_IFD, photo_bytes, upload


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_source_picture_really_carries_gps():
    assert GPS_IFD in Image.open(io.BytesIO(photo_bytes())).getexif()


def test_avatar_is_a_256_square_webp_without_any_metadata():
    data = avatar_image(upload(photo_bytes()))

    image = decoded(data)
    assert image.format == "WEBP"
    assert image.size == (AVATAR_SIZE, AVATAR_SIZE)
    assert not image.getexif()
    assert not {"exif", "xmp", "icc_profile"} & set(image.info)
    for marker in (b"Exif", b"EXIF", b"XMP ", b"KioskCam"):
        assert marker not in data


def test_avatar_is_cropped_from_the_centre():
    # 400×300, left half red: the centre square (50..350) is still half red, half white.
    image = decoded(avatar_image(upload(photo_bytes()))).convert("RGB")
    assert image.getpixel((20, 128))[1] < 100  # red on the left
    assert image.getpixel((236, 128)) > (240, 240, 240)  # white on the right


def test_exif_orientation_is_applied_before_the_metadata_goes():
    # Orientation 6: the camera was turned, viewers rotate 90° clockwise; red ends up on top.
    image = decoded(avatar_image(upload(photo_bytes(orientation=6)))).convert("RGB")
    assert image.getpixel((128, 20))[1] < 100
    assert image.getpixel((128, 236)) > (240, 240, 240)


def test_transparent_png_keeps_its_transparency():
    picture = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    output = io.BytesIO()
    picture.save(output, "PNG")
    image = decoded(avatar_image(upload(output.getvalue(), "bild.png", "image/png")))
    assert image.mode == "RGBA"
    assert image.getpixel((10, 10))[3] == 0


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7 not a picture at all",
        b"",
        photo_bytes()[:200],  # a broken JPEG
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
    ],
)
def test_files_that_are_no_picture_are_refused_with_a_clear_message(data):
    with pytest.raises(ValidationError) as error:
        avatar_image(upload(data, "foto.jpg"))
    assert error.value.code == "invalid_image"
    with translation.override("en"):
        assert "JPEG, PNG, WebP or GIF" in error.value.messages[0]


def test_pictures_over_5_mb_are_refused():
    big = upload(b"\xff\xd8" + b"0" * MAX_AVATAR_BYTES)
    with pytest.raises(ValidationError) as error:
        avatar_image(big)
    assert error.value.code == "too_large"
    with translation.override("en"):
        assert "larger than 5 MB" in error.value.messages[0]


def test_other_image_formats_are_refused():
    output = io.BytesIO()
    Image.new("RGB", (64, 64)).save(output, "BMP")
    with pytest.raises(ValidationError):
        avatar_image(upload(output.getvalue(), "bild.bmp", "image/bmp"))


@pytest.mark.django_db
def test_avatar_set_stores_a_fresh_file_and_deletes_the_old_one(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        avatar_set(user=user, upload=upload(photo_bytes()))
    first = user.avatar.name
    assert first.startswith(f"avatars/{user.pk}/")
    assert first.endswith(".webp")
    assert default_storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        avatar_set(user=user, upload=upload(photo_bytes(colour=(0, 0, 200))))

    user.refresh_from_db()
    assert user.avatar.name != first
    assert default_storage.exists(user.avatar.name)
    assert not default_storage.exists(first)


@pytest.mark.django_db
def test_a_refused_upload_stores_nothing_and_keeps_the_old_avatar(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        avatar_set(user=user, upload=upload(photo_bytes()))
    kept = user.avatar.name
    files_before = default_storage.listdir(f"avatars/{user.pk}")[1]

    with pytest.raises(ValidationError), django_capture_on_commit_callbacks(execute=True):
        avatar_set(user=user, upload=upload(b"not a picture"))

    user.refresh_from_db()
    assert user.avatar.name == kept
    assert default_storage.listdir(f"avatars/{user.pk}")[1] == files_before


@pytest.mark.django_db
def test_avatar_remove_deletes_the_file(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        avatar_set(user=user, upload=upload(photo_bytes()))
    name = user.avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        avatar_remove(user=user)

    user.refresh_from_db()
    assert not user.avatar
    assert not default_storage.exists(name)
