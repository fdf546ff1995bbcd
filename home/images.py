"""Renditions never carry the original's EXIF: a phone's photo holds where it was taken (GPS),
when, and on which device. Willow copies the EXIF block into every JPEG and PNG rendition it
saves (`PillowImage.get_exif_data`); the site's renditions are public, so it copies nothing.
Orientation is not lost: Wagtail turns the image upright (auto-orient) before it is resized."""

import hashlib
import io
import os

from django.core.files.base import ContentFile
from PIL import Image, ImageOps
from willow.plugins.pillow import PillowImage


def renditions_without_exif():
    PillowImage.get_exif_data = lambda self: None


# The original of an uploaded image is public too: its file sits under /media/original_images/
# (nginx serves the folder, and an S3 bucket serves every key), so it keeps no metadata either.
# EXIF (GPS, time, device, serial numbers), XMP (which can repeat the GPS) and comments go; the
# colour profile stays, and a photo taken sideways is turned upright first, since without its
# Orientation tag nothing else would turn it.
METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment", "iptc")
STRIPPED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "AVIF": "AVIF"}
ORIENTATION = 0x0112


def carries_metadata(image):
    if any(image.info.get(key) for key in METADATA_KEYS) or image.getexif():
        return True
    return bool(getattr(image, "text", None))  # PNG text chunks (tEXt, zTXt, iTXt)


def without_metadata(data):
    """The image in `data` with no EXIF, XMP or comment, or None if it carries none (or is of a
    format kept as uploaded: GIF, animations)."""
    with Image.open(io.BytesIO(data)) as image:
        target = STRIPPED_FORMATS.get(image.format)
        if target is None or (getattr(image, "n_frames", 1) > 1 and image.format != "MPO"):
            return None
        if not carries_metadata(image):
            return None
        options = {"icc_profile": image.info.get("icc_profile") or None}
        upright = image.getexif().get(ORIENTATION, 1) in (None, 1)
        if target == "JPEG":
            # The JPEG's own quantisation tables when the pixels are not turned: no loss.
            options.update(comment=b"", optimize=True)
            options.update(
                {"quality": "keep", "subsampling": "keep"} if upright else {"quality": 92}
            )
        elif target == "WEBP":
            lossless = image.info.get("compression") == "lossless"
            options.update({"lossless": True} if lossless else {"quality": 90})
        elif target == "AVIF":
            options["quality"] = 90
        if target == "JPEG" and upright:
            image.load()
            result = image
        else:
            result = ImageOps.exif_transpose(image)
            result.info.pop("exif", None)
        options = {key: value for key, value in options.items() if value is not None}
        buffer = io.BytesIO()
        result.save(buffer, target, **options)
        return buffer.getvalue()


def strip_metadata_of_new_original(sender, instance, **kwargs):
    """pre_save of the image model: every door (the admin's forms, multiple upload, the API,
    load_demo) stores the new original without its metadata."""
    field_file = instance.file
    if not field_file or getattr(field_file, "_committed", True):
        return  # no new file: a title, focal point or collection changed
    field_file.open("rb")
    field_file.seek(0)
    data = field_file.read()
    field_file.seek(0)
    stripped = without_metadata(data)
    if stripped is None:
        return
    name = os.path.basename(field_file.name)
    instance.file = ContentFile(stripped, name=name)  # width and height follow (ImageField)
    instance.file_size = len(stripped)
    instance.file_hash = hashlib.sha1(stripped, usedforsecurity=False).hexdigest()
