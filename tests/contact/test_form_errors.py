"""The inquiry form's errors, as a screen reader reads them (issue 16)."""

import pytest

from tests.contact.test_inquiry_form import inquiry_data
from tests.form_errors import assert_errors_described_once

pytestmark = pytest.mark.django_db


def test_each_error_is_named_by_its_field_and_listed_once(client, contact_ja, policy_version_ja):
    data = inquiry_data(
        policy_version_ja, name="", email="nope", project_kind="x", agree_policy=None
    )
    response = client.post("/ja/contact/", data)
    assert response.status_code == 400
    assert len(assert_errors_described_once(response.content.decode())) >= 4
