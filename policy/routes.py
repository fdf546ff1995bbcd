"""The policy's public URLs: the text in force, the history, one version, a comparison, the feed."""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path

from home.feeds import atom_response
from policy.diff import compare_versions
from policy.versions import POLICY_SLUG, PolicyVersion, version_in_force


def with_periods(versions):
    """Versions newest first, each given `effective_until` (the next version's start) in Python,
    so the history costs one query however long it grows."""
    versions = list(versions)
    until = None
    for version in versions:
        version.effective_until = until
        until = version.effective_at
    return versions


def counterparts(version):
    """{language: version} for `version` and the versions that translate it or that it
    translates: the pages a version's hreflang alternates may point at."""
    source = version.translates or version
    related = PolicyVersion.objects.filter(translates=source).select_related("locale")
    found = {source.language_code: source}
    for other in related:
        found.setdefault(other.language_code, other)
    if version.translates_id:
        found[version.language_code] = version
    return found


class PolicyRoutesMixin:
    def route_links(self, request, paths):
        """Canonical and alternates of a sub-page: itself, and each language's counterpart
        (`paths`: {language: path}), never the policy page above them."""
        absolute = request.build_absolute_uri
        return {
            "route_canonical": absolute(request.path),
            "route_alternates": [
                {"code": code, "url": absolute(path)} for code, path in sorted(paths.items())
            ],
        }

    def url_for_language(self, code):
        return f"/{code}/{POLICY_SLUG}/"

    def translated_paths(self, suffix):
        return {
            page.locale.language_code: page.url + suffix
            for page in self.get_translations(inclusive=True).live().select_related("locale")
        }

    def version_list(self):
        versions = (
            PolicyVersion.objects.filter(locale_id=self.locale_id)
            .select_related("locale", "translates__locale")
            .defer("body_json", "body_html", "body_text")
            .order_by("-number")
        )
        return with_periods(versions)

    def get_version(self, number):
        try:
            return PolicyVersion.objects.select_related("locale", "translates__locale").get(
                locale_id=self.locale_id, number=number
            )
        except PolicyVersion.DoesNotExist:
            raise Http404 from None

    def version_in_force_here(self):
        return version_in_force(self.locale.language_code)

    def translation_status(self, version):
        """For a translation: the authoritative version in force and whether `version` lags it."""
        if version is None or self.locale.language_code == settings.LANGUAGE_CODE:
            return None
        source = version_in_force(settings.LANGUAGE_CODE)
        behind = source is not None and version.translates_id != source.pk
        return {"source": source, "behind": behind, "translates": version.translates}

    @path("", name="current")
    def current(self, request):
        version = None if getattr(request, "is_preview", False) else self.version_in_force_here()
        return self.render(
            request,
            context_overrides={
                "version": version,
                "translation_status": self.translation_status(version),
            },
        )

    @path("versions/", name="versions")
    def versions(self, request):
        return self.render(
            request,
            template="policy/policy_versions.html",
            context_overrides={
                "versions": self.version_list(),
                **self.route_links(request, self.translated_paths("versions/")),
            },
        )

    @path("versions/<int:number>/", name="version")
    def version(self, request, number):
        version = self.get_version(number)
        in_force = self.version_in_force_here()
        periods = {v.number: v.effective_until for v in self.version_list()}
        version.effective_until = periods.get(number)
        return self.render(
            request,
            template="policy/policy_version.html",
            context_overrides={
                "version": version,
                "in_force": in_force,
                "is_in_force": in_force is not None and in_force.pk == version.pk,
                "translation_status": self.translation_status(version),
                **self.route_links(
                    request,
                    {code: v.get_absolute_url() for code, v in counterparts(version).items()},
                ),
            },
        )

    @path("versions/<int:old>/compare/<int:new>/", name="compare")
    def compare(self, request, old, new):
        if old >= new:
            raise Http404
        old_version, new_version = self.get_version(old), self.get_version(new)
        old_others, new_others = counterparts(old_version), counterparts(new_version)
        paths = {
            code: f"{self.url_for_language(code)}versions/{old_others[code].number}/compare/"
            f"{new_others[code].number}/"
            for code in old_others.keys() & new_others.keys()
            if old_others[code].number < new_others[code].number
        }
        return self.render(
            request,
            template="policy/policy_compare.html",
            context_overrides={
                "old_version": old_version,
                "new_version": new_version,
                "changes": compare_versions(old_version, new_version),
                **self.route_links(request, paths),
            },
        )

    @path("feed/", name="feed")
    def feed(self, request):
        page_url = self.get_url(request)
        return atom_response(
            request,
            title=_("%(title)s: posted versions") % {"title": self.title},
            link=page_url,
            feed_path=page_url + self.reverse_subpage("feed"),
            description=_("Every version of the privacy policy, from the moment it took effect."),
            language=self.locale.language_code,
            items=[
                {
                    "title": _("Version %(number)s") % {"number": version.number},
                    "link": version.get_absolute_url(),
                    "description": version.summary_of_changes,
                    "pubdate": version.effective_at,
                }
                for version in self.version_list()
            ],
        )
