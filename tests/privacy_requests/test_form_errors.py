"""The privacy request form's errors, as a screen reader reads them (issue 16): the choice of
request and of delivery name their error lists too, not only their help texts."""

import pytest

from tests.form_errors import assert_errors_described_once

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ja", "en"])
def test_each_error_is_named_by_its_field_and_listed_once(client, request_pages, language):
    response = client.post(f"/{language}/privacy-requests/", {"name": "", "email": "nope"})
    assert response.status_code in (200, 400)
    assert len(assert_errors_described_once(response.content.decode())) >= 3
