"""Imports stand at the top of a module (issue #18). An import inside a function hides a cycle
between two modules instead of breaking it, and hides a module's dependencies from its reader.

The one idiom that stays is Django's own: `AppConfig.ready()` imports the modules whose import
registers signal handlers and checks, once the app registry is ready. A function-local import
anywhere else fails here, unless it is in ALLOWED with the reason it must stay.
"""

import ast

from tests.home.test_layers import OUR_APPS, ROOT

PRODUCT = sorted(OUR_APPS | {"site"})  # the apps, and the settings and URLs (imported as studio)
# (file, function): why its imports must stay inside it.
ALLOWED = {}


def local_imports(path):
    """(function name, line, import text) for each import inside a function of a Python file,
    an `AppConfig.ready()` aside."""

    def walk(node, function=None):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                if child.name == "ready" and path.name == "apps.py":
                    continue  # Django's idiom: registration once the app registry is ready
                yield from walk(child, child.name)
            elif isinstance(child, ast.Import | ast.ImportFrom) and function is not None:
                yield function, child.lineno, ast.unparse(child)
            else:
                yield from walk(child, function)

    yield from walk(ast.parse(path.read_text(encoding="utf-8")))


def product_files():
    for app in PRODUCT:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_no_import_inside_a_function():
    found = sorted(
        f"{path.relative_to(ROOT)}:{line} in {function}(): {text}"
        for path in product_files()
        for function, line, text in local_imports(path)
        if (str(path.relative_to(ROOT)), function) not in ALLOWED
    )
    assert found == []


def test_every_allowed_place_still_imports_inside_its_function():
    """An entry of ALLOWED whose import has moved out is removed, so the list stays short."""
    places = {
        (str(path.relative_to(ROOT)), function)
        for path in product_files()
        for function, _line, _text in local_imports(path)
    }
    assert set(ALLOWED) - places == set()


def test_the_check_sees_an_import_in_a_method_and_a_nested_function(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "import os\n"
        "class A:\n"
        "    def f(self):\n"
        "        def g():\n"
        "            from django.http import Http404\n"
        "        import json\n"
    )
    assert sorted(line for _function, line, _text in local_imports(source)) == [5, 6]
    ready = tmp_path / "apps.py"
    ready.write_text("class C:\n    def ready(self):\n        from . import checks\n")
    assert list(local_imports(ready)) == []
