"""Uploaded images: a size and a pixel-count limit, no SVG, and no EXIF (GPS) in renditions nor in
the original, which is public too (/media/original_images/)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

pytestmark = pytest.mark.django_db
GPS_IFD = 0x8825


def jpeg_with_gps(size=(64, 48)):
    image = Image.new("RGB", size, "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[GPS_IFD] = {1: "N", 2: (35.0, 39.0, 29.0), 3: "E", 4: (139.0, 42.0, 1.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def upload(name, content, content_type="image/jpeg"):
    form_class = get_image_form(get_image_model())
    form = form_class(
        data={"title": name, "collection": 1, "description": "alt"},
        files={"file": SimpleUploadedFile(name, content, content_type=content_type)},
    )
    return form


def test_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    form = upload("logo.svg", svg, "image/svg+xml")
    assert not form.is_valid() and "file" in form.errors


def test_too_large_a_file_is_refused(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    form = upload("still.jpg", jpeg_with_gps((400, 300)) + b"\0" * 2000)
    assert not form.is_valid() and "file" in form.errors


def test_too_many_pixels_are_refused(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    form = upload("still.jpg", jpeg_with_gps((200, 200)))
    assert not form.is_valid() and "file" in form.errors


def test_the_limits_are_set():
    from django.conf import settings

    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 50_000_000
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


@pytest.mark.parametrize("spec", ["fill-32x32", "width-40|format-webp", "width-40|format-jpeg"])
def test_renditions_carry_no_exif_or_location(spec):
    form = upload("still.jpg", jpeg_with_gps())
    assert form.is_valid(), form.errors
    image = form.save()
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as handle:
        rendered = Image.open(io.BytesIO(handle.read()))
        assert not rendered.getexif(), spec


def stored_bytes(image):
    with image.open_file() as handle:
        return handle.read()


def test_the_public_original_keeps_no_exif_or_location():
    form = upload("still.jpg", jpeg_with_gps())
    assert form.is_valid(), form.errors
    image = form.save()
    # The original is public: /media/original_images/… (nginx serves the folder, S3 every key).
    assert image.file.url.startswith("/media/original_images/")
    stored = stored_bytes(image)
    assert b"Exif" not in stored and b"PhoneMaker" not in stored
    original = Image.open(io.BytesIO(stored))
    assert original.format == "JPEG" and not original.getexif()
    assert (image.width, image.height) == (64, 48)
    # Wagtail's size and hash describe the stored file (duplicate detection, renditions' keys).
    assert image.file_size == len(stored)
    import hashlib

    assert image.file_hash == hashlib.sha1(stored, usedforsecurity=False).hexdigest()


def test_an_uploaded_photo_reaches_the_admin_without_its_location(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(admin)
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Location scout",
            "collection": 1,
            "description": "alt",
            "file": SimpleUploadedFile("scout.jpg", jpeg_with_gps(), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Location scout")
    assert not Image.open(io.BytesIO(stored_bytes(image))).getexif()


def test_a_sideways_photo_is_stored_upright_without_its_orientation_tag():
    picture = Image.new("RGB", (80, 40), "white")
    picture.paste((255, 0, 0), (0, 0, 40, 40))  # red on the left as stored
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn 90° clockwise to show
    exif[GPS_IFD] = {1: "N", 2: (35.0, 39.0, 29.0)}
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif, quality=95)
    form = upload("sideways.jpg", buffer.getvalue())
    assert form.is_valid(), form.errors
    image = form.save()
    stored = Image.open(io.BytesIO(stored_bytes(image)))
    assert stored.size == (40, 80) and (image.width, image.height) == (40, 80)
    assert not stored.getexif()
    assert stored.convert("RGB").getpixel((20, 10))[0] > 200  # red now on top


def test_a_photo_without_metadata_is_stored_as_uploaded():
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "blue").save(buffer, "JPEG", quality=80)
    form = upload("plain.jpg", buffer.getvalue())
    assert form.is_valid(), form.errors
    image = form.save()
    assert stored_bytes(image) == buffer.getvalue()


def test_the_colour_profile_stays():
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    exif = Image.Exif()
    exif[GPS_IFD] = {1: "N", 2: (35.0, 39.0, 29.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "blue").save(buffer, "JPEG", exif=exif, icc_profile=profile)
    form = upload("icc.jpg", buffer.getvalue())
    assert form.is_valid(), form.errors
    stored = Image.open(io.BytesIO(stored_bytes(form.save())))
    assert not stored.getexif() and stored.info.get("icc_profile") == profile


@pytest.mark.parametrize(
    "fmt,extension,content_type",
    [("PNG", "png", "image/png"), ("WEBP", "webp", "image/webp"), ("AVIF", "avif", "image/avif")],
)
def test_other_formats_lose_their_exif_and_xmp_too(fmt, extension, content_type):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (35.0, 39.0, 29.0)}
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>35,39N</exif:GPSLatitude></x:xmpmeta>'
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, fmt, exif=exif, xmp=xmp)
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif()  # the upload carries both
    form = upload(f"still.{extension}", buffer.getvalue(), content_type)
    assert form.is_valid(), form.errors
    stored = stored_bytes(form.save())
    assert b"PhoneMaker" not in stored and b"GPSLatitude" not in stored
    kept = Image.open(io.BytesIO(stored))
    assert kept.format == fmt and kept.size == (40, 30) and not kept.getexif()
