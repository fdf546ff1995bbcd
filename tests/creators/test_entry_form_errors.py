"""The entry form's errors, as a screen reader reads them (issue 16: aria-describedby named
ids that did not exist, and "Enter a valid URL." was listed twice)."""

import pytest

from tests.creators.test_entry_form import entry_data
from tests.form_errors import assert_errors_described_once

pytestmark = pytest.mark.django_db

BAD = {"name": "", "email": "nope", "portfolio_url": "not a url", "expertise": None}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_each_error_is_named_by_its_field_and_listed_once(
    client, language, entry_page_en, policy_version_ja
):
    response = client.post(f"/{language}/entry/", entry_data(policy_version_ja, **BAD))
    assert response.status_code in (200, 400)
    messages = assert_errors_described_once(response.content.decode())
    url_error = {"ja": "URLを正しく入力してください。", "en": "Enter a valid URL."}[language]
    assert messages.count(url_error) == 1
    assert len(messages) >= 3  # name, email, URL
