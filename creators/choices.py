"""Fixed vocabularies of the creators app, kept apart so forms, models and pages share them."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = settings.LANGUAGES

EXPERTISE_CHOICES = [
    ("direction", _("Direction")),
    ("cinematography", _("Cinematography")),
    ("editing", _("Film editing")),
    ("ai_generation", _("AI image and video generation")),
    ("vfx", _("VFX and compositing")),
    ("animation", _("Animation and motion graphics")),
    ("sound", _("Sound and music")),
    ("writing", _("Writing and planning")),
    ("production", _("Production management")),
]
EXPERTISE_LABELS = dict(EXPERTISE_CHOICES)

POLICY = "policy"
PUBLISH_NAME = "publish_name"
PUBLISH_EXPERTISE = "publish_expertise"
PUBLISH_ACHIEVEMENTS = "publish_achievements"
PUBLISHING_CONSENTS = [PUBLISH_NAME, PUBLISH_EXPERTISE, PUBLISH_ACHIEVEMENTS]
# Introductions to clients (a provision to a third party, APPI Art. 27): a standing consent the
# creator gives and can withdraw, or a consent to one introduction, recorded with that introduction.
INTRODUCE = "introduce_to_clients"
INTRODUCE_ONCE = "introduce_once"

CONSENT_WHAT_CHOICES = [
    (POLICY, _("Agreement to the privacy policy")),
    (PUBLISH_NAME, _("Publish name or stage name")),
    (PUBLISH_EXPERTISE, _("Publish areas of expertise")),
    (PUBLISH_ACHIEVEMENTS, _("Publish past achievements")),
    (INTRODUCE, _("Introduce to clients (standing consent)")),
    (INTRODUCE_ONCE, _("Introduce to one client")),
]
# What an officer may record through the consent screen (one-off consents come with their record).
ADMIN_CONSENT_CHOICES = [choice for choice in CONSENT_WHAT_CHOICES if choice[0] != INTRODUCE_ONCE]

# The items an introduction may give a client (the entry form's fields, Article 3.8).
PROVIDED_ITEM_CHOICES = [
    ("name", _("name")),
    ("stage_name", _("stage name")),
    ("email", _("email")),
    ("phone", _("phone")),
    ("expertise", _("areas of expertise")),
    ("portfolio_url", _("portfolio URL")),
    ("ai_tools", _("available AI tools")),
    ("achievements", _("past achievements")),
]

HOW_ENTRY_FORM = "entry_form"
HOW_ADMIN = "admin"
CONSENT_HOW_CHOICES = [
    (HOW_ENTRY_FORM, _("Entry form")),
    (HOW_ADMIN, _("Admin, on the person's written request")),
]


def expertise_labels(keys, other=""):
    """Labels in the active language, unknown keys skipped, the free text last."""
    labels = [str(EXPERTISE_LABELS[key]) for key in keys if key in EXPERTISE_LABELS]
    if other:
        labels.append(other)
    return labels
