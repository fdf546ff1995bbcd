"""Creator records and consents (seen only by the Privacy officers group) and the public pages."""

from .pages import CreatorPage, CreatorsIndexPage, EntryFormPage
from .provisions import ThirdPartyProvision, introduction_consent_in_force
from .records import PERSONAL_FIELDS, Consent, Creator, Entry, PersonalFields

__all__ = [
    "PERSONAL_FIELDS",
    "Consent",
    "Creator",
    "CreatorPage",
    "CreatorsIndexPage",
    "Entry",
    "EntryFormPage",
    "PersonalFields",
    "ThirdPartyProvision",
    "introduction_consent_in_force",
]
