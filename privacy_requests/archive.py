"""The disclosure archive: everything every registered handler holds for one email, as a ZIP with
one JSON and one CSV file per table. Built on demand and never stored, so no copy of a person's
data lingers in media storage."""

import csv
import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.text import slugify

from home.personal_data import personal_data_handlers
from home.spreadsheets import neutralise_formula


def collect(email):
    """{handler name: {table name: [row, ...]}} for every registered handler."""
    return {handler.name: handler.export(email) or {} for handler in personal_data_handlers()}


def _csv(rows):
    buffer = io.StringIO()
    columns = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: neutralise_formula(_cell(value)) for key, value in row.items()})
    # A byte-order mark so that spreadsheet programs read Japanese text as UTF-8.
    return "\ufeff" + buffer.getvalue()


def _cell(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return "" if value is None else str(value)


def build_zip(privacy_request):
    """Return (file name, bytes, summary) where summary counts the rows per handler and table."""
    data = collect(privacy_request.email)
    summary = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for handler_name, tables in data.items():
            for table, rows in tables.items():
                rows = list(rows)
                summary.setdefault(handler_name, {})[table] = len(rows)
                stem = f"{slugify(handler_name)}/{slugify(table) or 'table'}"
                archive.writestr(
                    f"{stem}.json",
                    json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                )
                archive.writestr(f"{stem}.csv", _csv(rows))
        manifest = {
            "request": privacy_request.pk,
            "generated_at": timezone.now(),
            "tables": summary,
        }
        archive.writestr(
            "manifest.json",
            json.dumps(manifest, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
    filename = f"privacy-request-{privacy_request.pk}-disclosure.zip"
    return filename, buffer.getvalue(), summary
