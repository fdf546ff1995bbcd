from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from wagtail.signals import page_published


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"

    def ready(self):
        # Imported once the app registry is ready (Django's idiom): these modules load models.
        from wagtail.images import get_image_model
        from wagtail.models import PageViewRestriction
        from wagtail.users.models import UserProfile

        from . import checks  # noqa: F401 (registers the personal-data registry check)
        from .admin_time import date_localize_segments_in_japan_time, keep_profiles_in_japan_time
        from .images import renditions_without_exif, strip_metadata_of_new_original
        from .public_pages import refuse_covering_restriction
        from .purge import connect as connect_purges
        from .renditions import image_saved, page_published_renditions
        from .search_terms import reindex_published_page
        from .site_structure import connect as connect_site_structure

        pre_save.connect(keep_profiles_in_japan_time, sender=UserProfile)
        date_localize_segments_in_japan_time()
        pre_save.connect(
            refuse_covering_restriction,
            sender=PageViewRestriction,
            dispatch_uid="home.refuse_covering_restriction",
        )
        page_published.connect(reindex_published_page, dispatch_uid="home.reindex_published_page")
        connect_purges()  # publishing, consents and settings purge the page cache and the CDN
        connect_site_structure()  # the same changes refresh the cached navigation and settings

        renditions_without_exif()
        pre_save.connect(
            strip_metadata_of_new_original,
            sender=get_image_model(),
            dispatch_uid="home.strip_metadata_of_new_original",
        )
        post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="home.renditions")
        page_published.connect(page_published_renditions, dispatch_uid="home.renditions")
