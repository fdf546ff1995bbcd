"""Every page type of the site has a factory, so that tests can build any page in one line."""

import importlib
from pathlib import Path

import factory
from wagtail.models import Page, get_page_models

TESTS = Path(__file__).resolve().parent


def factory_models():
    models = set()
    for path in TESTS.glob("*/factories.py"):
        module = importlib.import_module(f"tests.{path.parent.name}.factories")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, factory.base.Factory):
                if value._meta.model is not None:
                    models.add(value._meta.model)
    return models


def test_every_page_type_has_a_factory():
    page_types = {model for model in get_page_models() if model is not Page}
    missing = {model.__name__ for model in page_types - factory_models()}
    assert missing == set()
