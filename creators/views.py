"""The entry form's request handling: POST, store (emails queued with it), redirect to the receipt."""

from django.shortcuts import redirect
from django.utils.translation import get_language
from wagtail.models import Locale

from home import ratelimit

from .consent import policy_version_in_force
from .entries import store_entry
from .forms import EntryForm
from .models import Entry
from .receipt import receipt_context

SESSION_KEY = "creators_entry_receipt"


def policy_url(version, language_code):
    return version.get_absolute_url() if version else f"/{language_code}/privacy-policy/"


def entry_form(request, page):
    language_code = get_language()
    version = policy_version_in_force(language_code)
    form_kwargs = {
        "locale": Locale.get_active(),
        "language_code": language_code,
        "policy_version": version,
    }
    if request.method == "POST":
        verdict = ratelimit.check(
            request, "creators:entry", "CREATORS_ENTRY_RATE_LIMIT", (10, 3600)
        )
        if not verdict.allowed:
            return ratelimit.too_many_requests(request, page, verdict)
        form = EntryForm(request.POST, **form_kwargs)
        if form.is_spam():
            # Bots are told it worked; nothing is stored and nothing is sent.
            request.session.pop(SESSION_KEY, None)
            return redirect(page.url + page.reverse_subpage("thanks"))
        if form.is_valid():
            # The entry, its consents and its emails in one transaction; the emails leave
            # only once it has committed (home.outbox).
            entry = store_entry(form, language_code)
            request.session[SESSION_KEY] = entry.pk
            return redirect(page.url + page.reverse_subpage("thanks"))
    else:
        form = EntryForm(**form_kwargs)
    response = page.render(
        request,
        context_overrides={
            "form": form,
            "policy_version": version,
            "policy_url": policy_url(version, language_code),
        },
    )
    if form.is_bound:
        response.status_code = 400  # sent back with its errors, as the privacy-request form is
    return response


def entry_thanks(request, page):
    entry_id = request.session.get(SESSION_KEY)
    entry = Entry.objects.filter(pk=entry_id).first() if entry_id else None
    context = receipt_context(entry, request) if entry else {}
    response = page.render(
        request, template="creators/entry_thanks.html", context_overrides=context
    )
    response["Cache-Control"] = "private, no-store"
    return response
