"""No log line carries an email address or a link token: one function masks them, one filter
applies it to every record the site logs (settings.LOGGING), including other libraries' lines
(an SMTP error names the refused recipient; a 404 warning quotes a confirmation link's path).

Names cannot be recognised in free text, so the site never passes one to a logger: log calls give
record numbers (`Entry #12`), and the models' `__str__` never returns a name.
"""

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The path segment after a link that carries a secret (privacy confirmation, answer download).
LINK_TOKEN = re.compile(r"(/(?:confirm|answer)/)[^/\s'\"]+")
# Any long URL-safe run (signed values, base64 tokens) outside those paths.
LONG_TOKEN = re.compile(r"\b[A-Za-z0-9_-]{40,}={0,2}")


def mask(text):
    text = EMAIL.sub("[email]", str(text))
    text = LINK_TOKEN.sub(r"\1[token]", text)
    return LONG_TOKEN.sub("[token]", text)


class MaskPersonalData(logging.Filter):
    """Rewrites the record's message (arguments merged in) with `mask` before any handler."""

    def filter(self, record):
        message = record.getMessage()
        masked = mask(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if masked != message:
            record.msg, record.args = masked, None
        return True
