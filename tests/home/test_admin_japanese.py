"""The admin is used in Japanese: every label, help text, choice and block of the project's own
models reads in Japanese, and the project's catalogue changes none of Wagtail's, wagtail-localize's
or Django's own translations (a site string with the same msgid would silently replace theirs in
every admin screen: the sidebar's "Pages" once read 「ページ送り」)."""

import json
import re
from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.users.models import UserProfile

from home.compile_messages import LOCALE_DIR

# The project's own apps: those that live in this repository, not in site-packages.
OUR_APPS = {
    config.label
    for config in apps.get_app_configs()
    if Path(config.path).is_relative_to(settings.BASE_DIR) and ".venv" not in config.path
}
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")

# Where our catalogue deliberately gives one of their msgids another Japanese text. Each needs a
# reason an editor would accept; an empty dict is the goal.
OVERRIDES: dict[tuple[str | None, str], str] = {}


def their_catalogues(domain="django"):
    """The catalogues Django loads beneath ours: its own, then every installed app's."""
    paths = [Path(django.__file__).parent / "conf" / "locale"]
    paths += [Path(c.path) / "locale" for c in apps.get_app_configs() if c.label not in OUR_APPS]
    return [p / "ja" / "LC_MESSAGES" / f"{domain}.po" for p in paths]


def their_translations(domain="django"):
    found = {}
    for po_path in their_catalogues(domain):
        if not po_path.exists():
            continue
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            text = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
            if text:
                found.setdefault((entry.msgctxt, entry.msgid), {})[po_path] = text
    return found


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_our_catalogue_changes_none_of_their_translations(domain):
    theirs = their_translations(domain)
    ours = polib.pofile(str(LOCALE_DIR / "ja" / "LC_MESSAGES" / f"{domain}.po"))
    changed = []
    for entry in ours.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        text = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
        for po_path, their_text in theirs.get(key, {}).items():
            if their_text != text and key not in OVERRIDES:
                app = po_path.parents[3].relative_to(Path(django.__file__).parents[1])
                changed.append(f"{entry.msgid!r}: ours {text!r}, {app} {their_text!r}")
    hint = "give the site's string a context (pgettext / {% translate context %}):\n"
    assert not changed, hint + "\n".join(changed)


def test_every_string_of_their_admin_javascript_reads_in_japanese():
    """Wagtail's and wagtail-localize's JavaScript (autosave, block picker, translation editor)
    ask for msgids their Japanese catalogues lack; ours supplies each one."""
    ours = polib.pofile(str(LOCALE_DIR / "ja" / "LC_MESSAGES" / "djangojs.po"))
    supplied = {(e.msgctxt, e.msgid) for e in ours.translated_entries()}
    theirs = their_translations("djangojs")
    untranslated = []
    for po_path in their_catalogues("djangojs"):
        english = po_path.parents[2] / "en" / "LC_MESSAGES" / "djangojs.po"
        if not english.exists():
            continue
        for entry in polib.pofile(str(english)):
            key = (entry.msgctxt, entry.msgid)
            if key not in theirs and key not in supplied:
                untranslated.append(entry.msgid)
    assert untranslated == []


@pytest.mark.django_db
def test_the_admin_javascript_catalogues_serve_our_japanese(client, django_user_model):
    user = django_user_model.objects.create_superuser("jsuser", "js@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ja"
    profile.save()
    client.force_login(user)

    def served(url_name, text):
        # The catalogue is JSON inside a script: non-ASCII text arrives as \\u escapes.
        return json.dumps(text)[1:-1] in client.get(reverse(url_name)).content.decode()

    assert served("wagtailadmin_javascript_catalog", "変更は自動保存されました。")
    assert served("wagtail_localize:javascript_catalog", "未翻訳")


def test_the_overrides_are_still_needed():
    theirs = their_translations()
    assert [key for key in OVERRIDES if key not in theirs] == []


def own_fields(model):
    """Fields a model of ours declares itself (not those of Wagtail's Page or mixins)."""
    inherited = set()
    for base in model.__mro__[1:]:
        meta = getattr(base, "_meta", None)
        if meta is not None and base.__module__.split(".")[0] not in OUR_APPS:
            inherited |= {f.name for f in meta.get_fields(include_hidden=True)}
    for field in model._meta.get_fields():
        if field.name in inherited or not getattr(field, "concrete", False):
            continue
        # Parent links and values no form shows (digests, nonces) never reach an editor.
        if field.auto_created or not field.editable or isinstance(field, ParentalKey):
            continue
        yield field


GENERIC_BLOCKS = (blocks.StructBlock, blocks.StreamBlock, blocks.ListBlock)


def block_labels(block, path):
    """A block's label and help, and its children's where the block is ours (or a plain struct,
    stream or list): the insides of Wagtail's own blocks are Wagtail's catalogue's business."""
    yield path, block.label
    if getattr(block.meta, "help_text", None):
        yield f"{path} (help)", block.meta.help_text
    ours = type(block).__module__.split(".")[0] in OUR_APPS or type(block) in GENERIC_BLOCKS
    if not ours:
        return
    children = getattr(block, "child_blocks", None)
    if children:
        for name, child in children.items():
            yield from block_labels(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from block_labels(block.child_block, f"{path}.item")


def our_labels():
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        name = model._meta.label
        yield f"{name} (verbose_name)", model._meta.verbose_name
        yield f"{name} (verbose_name_plural)", model._meta.verbose_name_plural
        for field in own_fields(model):
            yield f"{name}.{field.name}", field.verbose_name
            if field.help_text:
                yield f"{name}.{field.name} (help)", field.help_text
            # Language names are shown in their own language (日本語 / English).
            for value, label in field.flatchoices or ():
                if value not in ("", None) and (value, label) not in settings.LANGUAGES:
                    yield f"{name}.{field.name}={value}", label
            if isinstance(field, StreamField):
                for child_name, child in field.stream_block.child_blocks.items():
                    yield from block_labels(child, f"{name}.{field.name}.{child_name}")


def test_every_label_of_ours_reads_in_japanese():
    with translation.override("ja"):
        english = [
            f"{where}: {label}"
            for where, label in our_labels()
            if label and not JAPANESE.search(str(label))
        ]
    assert not english, "\n".join(english)


@pytest.mark.django_db
def test_the_workflow_and_task_names_read_in_japanese():
    from wagtail.models import Task, Workflow

    names = list(Workflow.objects.values_list("name", flat=True))
    names += list(Task.objects.values_list("name", flat=True))
    assert names
    assert [name for name in names if not JAPANESE.search(name)] == []


def test_wagtails_words_stay_wagtails_and_ours_stay_ours():
    """The sidebar says ページ; the site's pagination still says ページ送り."""
    with translation.override("ja"):
        assert translation.gettext("Pages") == "ページ"
        assert translation.gettext("Created") == "作成"
        assert translation.gettext("Name") == "名前"
        assert translation.pgettext("pagination", "Pages") == "ページ送り"
        assert translation.pgettext("person", "Name") == "お名前"
