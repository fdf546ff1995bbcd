"""Renditions never carry the original's EXIF: a phone's photo holds where it was taken (GPS),
when, and on which device. Willow copies the EXIF block into every JPEG and PNG rendition it
saves (`PillowImage.get_exif_data`); the site's renditions are public, so it copies nothing.
Orientation is not lost: Wagtail turns the image upright (auto-orient) before it is resized."""


def renditions_without_exif():
    from willow.plugins.pillow import PillowImage

    PillowImage.get_exif_data = lambda self: None
