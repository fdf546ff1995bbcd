"""The input rules of every public form, kept once in home.forms: control characters (BEL, ESC),
bidirectional overrides and names with nothing visible are refused with a translated message;
a checkbox value sent twice counts once. Each public form is checked, not only the shared code."""

import pytest
from django.utils import translation

from contact.forms import InquiryForm
from creators.forms import EntryForm
from privacy_requests.forms import PrivacyRequestForm

pytestmark = pytest.mark.django_db

BAD_NAMES = {
    "zero-width only": "\u200b\u200b",
    "joiners and marks": "\u200d\u200c\u200e",
    "hangul filler": "\u3164",
    "braille blank": "\u2800 \u2800",
    "full-width space and zero-width space": "\u3000\u200b",
    "bell": "山田\x07花子",
    "escape": "\x1b[31m山田",
    "right-to-left override": "山田\u202e子花",
    "isolate": "\u2067山田\u2069",
}
GOOD_NAMES = ["山田 花子", "MISAKI T.", "👩‍🎨 Aiko", "ｱｲｺ", "José Ñúñez"]


def entry_form(data):
    return EntryForm(data, locale=None, language_code="ja", policy_version=None)


def inquiry_form(data):
    return InquiryForm(data, language_code="ja", policy_version=None)


FORMS = {"entry": entry_form, "privacy request": PrivacyRequestForm, "contact": inquiry_form}


def name_errors(make_form, name):
    form = make_form({"name": name})
    form.is_valid()
    return [error.code for error in form.errors.as_data().get("name", [])]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("bad", BAD_NAMES)
def test_every_public_form_refuses_an_unreadable_name(form, bad):
    codes = name_errors(FORMS[form], BAD_NAMES[bad])
    assert set(codes) & {"invisible", "control_characters"}, (form, bad, codes)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("good", GOOD_NAMES)
def test_real_names_are_taken_as_typed(form, good):
    assert name_errors(FORMS[form], good) == []


def test_the_messages_are_in_the_visitors_language():
    with translation.override("ja"):
        form = entry_form({"name": "\u200b"})
        form.is_valid()
        assert form.errors["name"] == ["目に見える文字でお名前を入力してください。"]
        form = PrivacyRequestForm({"name": "山田\x07"})
        form.is_valid()
        assert form.errors["name"] == ["この欄から目に見えない制御文字を取り除いてください。"]


def test_a_checkbox_value_sent_twice_counts_once():
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.setlist("expertise", ["vfx", "vfx", "direction", "vfx"])
    form = entry_form(data)
    form.is_valid()
    assert form.cleaned_data["expertise"] == ["vfx", "direction"]


def test_a_post_with_thousands_of_fields_is_refused(client, settings, home_ja):
    """Django's own guard against huge posts stays small (site/settings/base.py says why)."""
    from tests.creators.factories import EntryFormPageFactory

    EntryFormPageFactory(parent=home_ja, locale=home_ja.locale)
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 1000
    body = "&".join(f"expertise=vfx{n}" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.generic(
        "POST", "/ja/entry/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
