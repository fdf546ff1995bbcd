"""What every public form shares (creator entries, business inquiries, privacy requests): the
honeypot, and text fields that keep text exactly as typed (emoji, full-width characters),
always rendered escaped, refusing what cannot be stored safely with a message beside the field.

The input rules live here once: control characters (BEL, ESC, NUL...), bidirectional overrides,
names with nothing visible in them, and checkbox lists that repeat a value."""

import re
import unicodedata

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

MULTILINE_ALLOWED = {"\n", "\r", "\t"}
# Line and paragraph separators and the bidirectional overrides used to disguise text.
BIDI_OVERRIDES = set("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that take no room on screen beyond what Unicode calls format characters (Cf):
# fillers and blanks that look like nothing yet are "letters" or symbols.
INVISIBLE = set("\u115f\u1160\u180e\u2800\u3164\uffa0\u034f")
PHONE = re.compile(r"^\+?[\d\s()\-‐－ー―]{6,30}$")


def refuse_control_characters(value, multiline=False):
    allowed = MULTILINE_ALLOWED if multiline else set()
    for character in value:
        if character in allowed:
            continue
        category = unicodedata.category(character)
        # Cc: control characters; Cs: lone surrogates. Unassigned code points stay allowed:
        # emoji newer than this Python's Unicode tables must still be stored exactly.
        if category in ("Cc", "Cs") or character in BIDI_OVERRIDES:
            raise forms.ValidationError(
                _("Please remove the invisible control characters from this field."),
                code="control_characters",
            )


def is_invisible(character):
    # Z*: spaces and separators; Cf: format characters (zero-width space, joiners, marks);
    # Mn/Me alone draw nothing; Cc is refused earlier anyway.
    return (
        character.isspace()
        or unicodedata.category(character) in ("Zs", "Zl", "Zp", "Cf", "Cc", "Mn", "Me")
        or character in INVISIBLE
    )


def refuse_invisible_name(value):
    """A name must show something: one made only of invisible characters would appear blank."""
    if value and all(is_invisible(character) for character in value):
        raise forms.ValidationError(
            _("Please enter a name with visible characters."), code="invisible"
        )


def refuse_markup(value):
    if "<" in value or ">" in value:
        raise forms.ValidationError(_("Names cannot contain the characters < or >."), code="markup")


class LineField(forms.CharField):
    def validate(self, value):
        super().validate(value)
        refuse_control_characters(value)


class PhoneField(LineField):
    def validate(self, value):
        super().validate(value)
        if value and not PHONE.match(value):
            raise forms.ValidationError(
                _("Enter a phone number with digits, spaces, +, - or brackets."), code="phone"
            )


class TextField(forms.CharField):
    widget = forms.Textarea

    def validate(self, value):
        super().validate(value)
        refuse_control_characters(value, multiline=True)


class NameField(LineField):
    def validate(self, value):
        super().validate(value)
        refuse_invisible_name(value)
        refuse_markup(value)


class CheckboxesField(forms.MultipleChoiceField):
    """Checkboxes whose value lists each choice once, however often a post repeats it."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        return list(dict.fromkeys(super().to_python(value)))


class WebAddressField(forms.URLField):
    """An http(s) address. Replaces URLField's validator instead of adding a second one, so
    a bad address is reported once, not twice."""

    default_validators = [URLValidator(schemes=["http", "https"])]


class HoneypotMixin(forms.Form):
    """A field people never see (templates/includes/honeypot.html). A post that fills it is
    answered as a success and dropped, whatever else it holds, so a bot learns nothing."""

    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def is_spam(self):
        # Read before validation: an invalid bot post is dropped too, not answered with errors.
        return bool(self.data.get("website"))
