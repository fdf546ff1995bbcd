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


def test_load_demo_prints_the_demo_account(capsys):
    from io import StringIO

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "user 'admin'" in out.getvalue()
    assert get_user_model().objects.get(username="admin").is_superuser
