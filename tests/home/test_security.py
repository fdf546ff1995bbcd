import re

import pytest
from django.test import Client
from django.utils import translation

from home.views import server_error

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client, site):
    response = client.get("/ja/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_security_headers(client, site):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_has_its_own_policy_and_requires_login(client, site):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    login = client.get("/admin/login/")
    policy = dict(
        part.strip().split(" ", 1) for part in login["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"].startswith("'self'")  # a nonce too, on pages with inline scripts
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
    assert policy["frame-ancestors"] == "'self'" and policy["object-src"] == "'none'"


def test_the_admins_inline_scripts_carry_the_responses_nonce(client, site, django_user_model):
    """Every inline script of an admin page is allowed by the nonce of that response (the date
    widgets, inline panels, wagtail-localize's editor): no script without it."""
    import re

    admin = django_user_model.objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(admin)
    response = client.get(f"/admin/pages/{site['ja'].pk}/edit/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", response.content.decode(), re.S)
    inline = [attributes for attributes, body in scripts if body.strip()]
    executable = [a for a in inline if "application/json" not in a]
    assert executable, "the page editor has inline scripts (the scheduling dialog's date widgets)"
    assert all(f'nonce="{nonce}"' in attributes for attributes in executable), executable


def test_csrf_is_enforced_on_the_admin_login(site, django_user_model):
    django_user_model.objects.create_user("editor", password="pw-123456789")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/admin/login/", {"username": "editor", "password": "pw-123456789"})
    assert response.status_code == 403


@pytest.mark.parametrize(
    "language, text", [("ja", "問題が発生しました"), ("en", "Something went wrong")]
)
def test_500_page_in_the_visitors_language(rf, language, text):
    request = rf.get(f"/{language}/")
    request.LANGUAGE_CODE = language
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    body = response.content.decode()
    assert text in body
    assert f'<html lang="{language}">' in body


def frame_ancestors(response):
    directives = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return directives["frame-ancestors"]


def test_a_preview_may_be_framed_by_the_admin_and_nothing_else(site):
    """Wagtail renders a preview through a dummy request with the public path: the admin's
    preview panel must be able to frame it, and only the admin (same origin)."""
    response = site["ja"].make_preview_request()
    assert frame_ancestors(response) == "'self'"
    assert response["X-Frame-Options"] == "DENY"  # the preview view itself says SAMEORIGIN
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_the_public_page_itself_still_refuses_every_frame(client, site):
    assert frame_ancestors(client.get("/ja/")) == "'none'"


@pytest.mark.parametrize(
    "url", ["/ja/", "/en/", "/admin/login/", "/ja/no-such-page/", "/robots.txt"]
)
def test_every_response_switches_off_the_features_the_site_never_uses(client, site, url):
    policy = client.get(url)["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in policy, url
    # Fullscreen and autoplay stay allowed: the embedded film players use them.
    assert "fullscreen" not in policy and "autoplay" not in policy


def test_files_served_by_nginx_carry_the_same_permissions_policy():
    """nginx serves /static/ and /media/ without Django; a location with its own add_header
    drops the server's, so every such location repeats the site's policy."""
    from pathlib import Path

    from home.security import PERMISSIONS_POLICY

    config = (Path(__file__).resolve().parents[2] / "deploy/nginx/allin.conf").read_text()
    header = f'add_header Permissions-Policy "{PERMISSIONS_POLICY}" always;'
    # Each location's own lines (a lookahead, so a nested location is found too).
    blocks = re.findall(r"(?m)(?=^[ \t]*location [^{]*\{([^{}]*))", config)
    file_blocks = [block for block in blocks if "proxy_pass" not in block]
    assert len(file_blocks) == 3  # /static/, /media/ and its uploaded-pages guard
    for block in file_blocks:
        assert header in block, block
