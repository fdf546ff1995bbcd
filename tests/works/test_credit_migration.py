"""The data migration of existing credits (works 0007): typed roles become codes, a typed
person's name is gone (line and all, in revisions too), an organisation's name is kept."""

import importlib

migration = importlib.import_module("works.migrations.0007_credits_people_and_organisations")


def test_typed_roles_become_codes_in_either_language():
    for typed, code in [("監督", "director"), ("Director", "director"), ("AI映像", "ai_imagery")]:
        assert migration.converted({"role": typed, "name": "ALLIN STUDIO"})["role"] == code
    assert migration.converted({"role": "照明助手", "name": "ALLIN STUDIO"})["role"] == "staff"


def test_a_typed_person_goes_and_an_organisation_stays():
    assert migration.converted({"role": "監督", "name": "森下 遥", "creator_page": None}) is None
    kept = migration.converted({"role": "Music", "name": "Minato Records", "creator_page": None})
    assert kept == {"role": "music", "organisation": "Minato Records", "creator_page": None}
    linked = migration.converted({"role": "撮影", "name": "田中 一郎", "creator_page": 7})
    assert linked == {"role": "cinematography", "creator_page": 7, "organisation": ""}


def test_revisions_lose_the_typed_names():
    content = {
        "title": "作品",
        "credits": [
            {"pk": 1, "role": "監督", "name": "森下 遥", "creator_page": None, "work": 3},
            {"pk": 2, "role": "音楽", "name": "ALLIN STUDIO", "creator_page": None, "work": 3},
        ],
    }
    converted = migration.converted_content(content)
    assert "森下 遥" not in str(converted)
    assert converted["credits"] == [
        {"pk": 2, "role": "music", "organisation": "ALLIN STUDIO", "creator_page": None, "work": 3}
    ]
    assert migration.converted_content({"credits": converted["credits"]}) is None  # done once
