"""Look for a string in every text, char, email and JSON column of every table."""

import json

from django.apps import apps
from django.db import models

TEXT_FIELDS = (models.CharField, models.TextField, models.EmailField)


def tables_containing(needle):
    """[(model label, field name)] wherever `needle` appears, case-insensitively."""
    found = []
    lowered = needle.lower()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, TEXT_FIELDS):
                if model._base_manager.filter(**{f"{field.attname}__icontains": needle}).exists():
                    found.append((model._meta.label, field.name))
            elif isinstance(field, models.JSONField):
                # JSON is stored with \\u escapes for Japanese: compare the decoded values instead.
                for value in model._base_manager.values_list(field.attname, flat=True):
                    text = json.dumps(value, ensure_ascii=False, default=str).lower()
                    if lowered in text:
                        found.append((model._meta.label, field.name))
                        break
    return found
