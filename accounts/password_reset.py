"""Password-reset emails leave from the task worker, never from the request.

Sending inside the request made its answer as slow as the mail server only when the address
belonged to an account, so its timing told who has one. The request now does the same work
whatever the address: it finds the matching accounts (one query), enqueues one task with their
numbers (none, for an unknown address) and answers. The worker makes each link and sends it.
The task holds account numbers only: no address, no link.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django_tasks import task
from wagtail.admin.views.account import get_password_reset_form

from home.ratelimit import hit_key

logger = logging.getLogger(__name__)


def within_their_limit(users):
    """The accounts that have not had their share of reset emails in the window."""
    limit, window = getattr(settings, "PASSWORD_RESET_ACCOUNT_RATE_LIMIT", (3, 3600))
    for user in users:
        if hit_key("password-reset-account", user.pk, limit, window).allowed:
            yield user
        else:
            logger.warning("Password reset email withheld: too many requests for user #%s", user.pk)


@task()
def send_password_reset_emails(user_ids, *, language, domain, use_https, templates):
    """Django's own reset email (its token, Wagtail's templates) to each account still able to
    sign in with a password, within its limit."""
    users = get_user_model()._default_manager.filter(pk__in=user_ids, is_active=True)
    form = get_password_reset_form()()
    form.cleaned_data = {"email": ""}
    form.get_users = lambda _email: within_their_limit(
        user for user in users if user.has_usable_password()
    )
    with translation.override(language):
        form.save(domain_override=domain, use_https=use_https, **templates)
    return len(user_ids)
