from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.views import ThrottledPasswordResetView
from home import views as home_views

urlpatterns = [
    # Wagtail's own view, throttled per address (accounts.views); it must come first.
    path("admin/password_reset/", ThrottledPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon),
    path("language/<str:language_code>/", home_views.switch_language, name="switch_language"),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Development, or production without object storage (images would otherwise be 404s).
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", home_views.media, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
