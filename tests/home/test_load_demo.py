import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import HomePage

pytestmark = pytest.mark.django_db(transaction=False)


def counts():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
    }


def test_load_demo_twice_creates_nothing_twice(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counts() == first
    assert HomePage.objects.filter(locale__language_code="ja").count() == 1
    assert HomePage.objects.filter(locale__language_code="en").count() == 1
    assert client.get("/ja/").status_code == 200
    assert client.get("/en/").status_code == 200


def load_demo_output():
    from io import StringIO

    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_prints_the_demo_account_with_the_hosts_own_password(monkeypatch, settings):
    settings.DEBUG = False
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "a-password-of-this-host")
    assert "user 'admin'" in load_demo_output()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("a-password-of-this-host")


def test_without_debug_no_superuser_is_made_with_the_published_password(monkeypatch, settings):
    settings.DEBUG = False
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    output = load_demo_output()
    assert "No demo admin created" in output and "allin-demo-2026" not in output
    User = get_user_model()
    assert not User.objects.filter(is_superuser=True).exists()
    # The demo policy is still posted, by a Legal approver nobody can log in as.
    assert not any(user.has_usable_password() for user in User.objects.all())
    assert Page.objects.filter(content_type__model="policypage", live=True).exists()


def test_in_development_the_demo_admin_has_the_readme_password(monkeypatch, settings):
    settings.DEBUG = True
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    assert "password 'allin-demo-2026'" in load_demo_output()
    assert get_user_model().objects.get(username="admin").check_password("allin-demo-2026")
