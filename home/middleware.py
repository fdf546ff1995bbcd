from django.conf import settings
from django.utils.translation import get_language_from_path


class RememberLanguageMiddleware:
    """Remember the language a visitor last read the site in, so that `/` brings them back to
    it: Django's LocaleMiddleware reads this cookie before the browser's Accept-Language, but
    nothing in Django sets it when a visitor follows a link (the language switcher) rather than
    posting to `set_language`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if (
            language
            and request.method in ("GET", "HEAD")
            and response.status_code == 200
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
