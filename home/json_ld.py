"""One way to put schema.org data in a page: a JSON-LD block that nothing typed can break out of."""

import json

from django.utils.safestring import mark_safe

# As Django's json_script: these characters cannot close the script element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A JSON-LD data block. It is data, not executed, so the CSP's script-src does not apply."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
