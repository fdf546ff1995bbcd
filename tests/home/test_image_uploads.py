"""Uploaded images: a size and a pixel-count limit, no SVG, and no EXIF (GPS) in renditions."""

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
