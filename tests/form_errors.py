"""A form page with errors, read as a screen reader would (issue 16): every id that an
`aria-describedby` names exists, once; every field's error list is named by that field; and no
error is listed twice."""

from collections import Counter

from bs4 import BeautifulSoup


def assert_errors_described_once(html):
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("main form") or soup
    ids = Counter(element["id"] for element in soup.select("[id]"))
    assert [name for name, count in ids.items() if count > 1] == [], "ids used twice"
    described = set()
    for element in soup.select("[aria-describedby]"):
        for name in element["aria-describedby"].split():
            assert ids[name] == 1, f"aria-describedby names a missing id: {name}"
            described.add(name)
    lists = form.select(".errorlist")
    assert lists, "the page shows no field errors"
    messages = []
    for errors in lists:
        assert errors.get("id") in described, f"an error list no field names: {errors}"
        messages += [item.get_text(" ", strip=True) for item in errors.select("li")]
    text = soup.get_text(" ", strip=True)
    for message in set(messages):
        # Once per field that has it (two fields may share a message), nowhere else.
        assert text.count(message) == messages.count(message), f"listed twice: {message}"
    return messages
