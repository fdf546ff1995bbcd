"""The apps depend on each other in layers (DESIGN.md, "How the apps depend on each other"):
`home` is the ground floor; every other app builds only on the apps listed for it below. An app
reaches another by importing it (anywhere, inside functions too), by naming one of its models in a
string ("works.WorkPage", ("creators", "CreatorPage")), or from a template (include, extends, or
loading its template tags). Everything above it speaks to a lower app through hooks and settings.
"""

import ast
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# What each app may use besides itself. `demo` is the development loader: it may use all.
LAYERS = {
    "home": set(),
    "accounts": {"home", "policy"},
    "policy": {"home"},
    "works": {"home"},
    "pages": {"home"},
    "news": {"home"},
    "incidents": {"home"},
    "personal_information": {"home", "policy"},
    "privacy_requests": {"home", "policy"},
    "contact": {"home", "policy"},
    "creators": {"home", "policy", "works"},
}
# Template folders that are not an app's own: the site's shell, shared partials, Wagtail overrides.
SHARED_TEMPLATES = {
    "includes",
    "blocks",
    "wagtailadmin",
    "wagtailadmin_panels",
    "wagtailadmin_reports",
    "wagtail_localize",
}

OUR_APPS = {
    config.label
    for config in apps.get_app_configs()
    if Path(config.path).is_relative_to(ROOT) and ".venv" not in config.path
}
MODEL_REFERENCE = re.compile(r"([a-z_]+)\.([A-Z]\w*)")
TEMPLATE_REFERENCE = re.compile(r"""{%\s*(?:include|extends)\s+["']([a-z_]+)/""")
TEMPLATE_LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


def tag_libraries():
    """{library name: app label} for the template tag libraries of our apps."""
    return {
        path.stem: app
        for app in OUR_APPS
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def is_model(label, name):
    try:
        apps.get_model(label, name)
    except (LookupError, ValueError):
        return False
    return True


def python_references(path):
    """(app label, what) for each import and model-naming string in a Python file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], f"from {node.module} import"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = MODEL_REFERENCE.fullmatch(node.value)
            if match and is_model(match.group(1), match.group(2)):
                yield match.group(1), repr(node.value)
        elif isinstance(node, ast.Tuple | ast.Call):
            values = node.elts if isinstance(node, ast.Tuple) else node.args
            strings = [v.value for v in values if isinstance(v, ast.Constant)]
            if len(strings) == 2 and all(isinstance(s, str) for s in strings):
                label, model = strings
                if is_model(label, model):
                    yield label, repr((label, model))


def template_references(path, libraries):
    text = path.read_text(encoding="utf-8")
    for match in TEMPLATE_REFERENCE.finditer(text):
        yield match.group(1), match.group(0)
    for match in TEMPLATE_LOAD.finditer(text):
        for library in match.group(1).split():
            if library in libraries:
                yield libraries[library], f"load {library}"


def references():
    """(from app, to app, where, what) for every reference between two of our apps."""
    for app in OUR_APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue  # history: a migration names the models of its day
            for target, what in python_references(path):
                yield app, target, path.relative_to(ROOT), what
    libraries = tag_libraries()
    for path in (ROOT / "templates").rglob("*.html"):
        parts = path.relative_to(ROOT / "templates").parts
        owner = parts[0] if len(parts) > 1 and parts[0] not in SHARED_TEMPLATES else "home"
        for target, what in template_references(path, libraries):
            yield owner, target, path.relative_to(ROOT), what


def test_every_app_of_ours_has_its_place_in_the_layers():
    assert OUR_APPS - {"demo"} - set(LAYERS) == set(), "place the new app in LAYERS"


def test_the_layers_have_no_cycle():
    def below(app, seen=()):
        assert app not in seen, f"cycle: {' -> '.join((*seen, app))}"
        for lower in LAYERS[app]:
            below(lower, (*seen, app))

    for app in LAYERS:
        below(app)


def test_no_app_reaches_above_its_layer():
    wrong = sorted(
        f"{path}: {app} -> {target} ({what})"
        for app, target, path, what in references()
        if app in LAYERS and target in OUR_APPS and target != app and target not in LAYERS[app]
    )
    assert wrong == []


def test_the_check_sees_each_kind_of_reference(tmp_path):
    """The scanner is not blind: an import inside a function, a model string, an app/model
    pair, a template include and a tag library load are each reported."""
    source = tmp_path / "sample.py"
    source.write_text(
        "def f():\n"
        "    from creators.models import Creator\n"
        "PANEL = ('creators', 'CreatorPage')\n"
        "TYPE = 'works.WorkPage'\n"
    )
    found = {target for target, _what in python_references(source)}
    assert {"creators", "works"} <= found
    template = tmp_path / "t.html"
    template.write_text('{% load works_tags %}{% include "creators/card.html" %}')
    found = {target for target, _what in template_references(template, tag_libraries())}
    assert found == {"works", "creators"}
