"""Response headers that protect every page: the content security policy (public site, admin and
Wagtail's preview each get their own) and the Permissions-Policy.

Wagtail's preview renders the public page through a dummy request with the public path
(`PreviewableMixin.make_preview_request`), so the public `frame-ancestors 'none'` would stop the
admin's preview panel (and its Checks panel) from showing it. A preview may be framed by the admin
(same origin) and nothing else; every other public response keeps `frame-ancestors 'none'`.
"""

import base64
import hashlib
import re
from contextvars import ContextVar
from functools import cache

from csp.constants import NONCE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.template import engines
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser

ADMIN_PREFIX = "/admin/"
# The nonce of the admin response being rendered, for templates rendered without the request
# (form widgets): see home.templatetags.csp_nonce.
current_nonce = ContextVar("current_nonce", default=None)


# Inline scripts of the admin's own templates with no template code in them: allowed by their
# hash, read from the installed template (an upgrade that changes one changes its hash too).
STATIC_INLINE_SCRIPTS = ["wagtail_localize/admin/submit_translation.html"]


@cache
def static_script_hashes():
    hashes = []
    for name in STATIC_INLINE_SCRIPTS:
        source = engines["django"].engine.get_template(name).source
        for body in re.findall(r"<script[^>]*>(.*?)</script>", source, flags=re.S):
            if body.strip() and "{" + "%" not in body and "{{" not in body:
                digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
                hashes.append(f"'sha256-{digest}'")
    return hashes


def admin_directives():
    """The admin's policy: scripts from this origin and inline scripts carrying the response's
    nonce only (no 'unsafe-inline', no eval). Styles keep 'unsafe-inline': Wagtail and Draftail
    set style attributes everywhere, and a style cannot run code."""
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE, *static_script_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "media-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]],
        "worker-src": ["'self'", "blob:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with one policy per kind of response."""

    def process_request(self, request):
        super().process_request(request)
        current_nonce.set(request.csp_nonce if is_admin(request) else None)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        elif is_admin(request):
            parts.config = admin_directives()
        return parts


def is_admin(request):
    return request.path_info.startswith(ADMIN_PREFIX)


# Features the site never uses are switched off for every page and every frame in it.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics")
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def nonce_on_chooser_scripts():
    """Wagtail's chooser widgets (page, image, document, snippet) write their start-up script in
    Python (`BaseChooser.render`), not in a template: give it the response's nonce."""
    wagtails_own = BaseChooser.render
    if getattr(wagtails_own, "adds_csp_nonce", False):
        return

    def render(self, name, value, attrs=None, renderer=None):
        html = str(wagtails_own(self, name, value, attrs=attrs, renderer=renderer))
        nonce = current_nonce.get()
        start = html.rfind("<script>")
        if nonce is None or start < 0:
            return mark_safe(html)  # noqa: S308 (Wagtail's own output, unchanged)
        tag = f'<script nonce="{nonce}">'
        return mark_safe(html[:start] + tag + html[start + len("<script>") :])  # noqa: S308

    render.adds_csp_nonce = True
    BaseChooser.render = render
