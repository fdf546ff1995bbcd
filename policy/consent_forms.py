"""A public form whose sender agrees to the policy in force, and the page that serves it: the
creator entry form (creators) and the business inquiry form (contact) are both this, once.

In the shape of Wagtail's form pages (`AbstractForm`): the page has a `form_class`,
`get_form()`, `process_form_submission()` and a landing page at `thanks/`. What every such page
does, it does here:
- a post is counted against a per-address rate limit first (home.ratelimit: a 429 page in the
  visitor's language past the limit);
- a post that fills the honeypot is answered as a success and dropped (home.forms);
- a valid post is stored with its consent evidence and its emails in one transaction
  (`process_form_submission`); the emails leave once it has committed (home.outbox);
- bad input comes back with a 400, its errors and the values kept;
- the receipt at `thanks/` reads the stored record named in a signed cookie, never the form;
  not the session, whose save would be a database write after the commit: a database that
  goes away in between would turn a stored submission into an error page, and its sender would
  send it again;
- every response is private and never stored by a cache or CDN: it carries a CSRF token or
  someone's submission.
"""

import hashlib
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core import signing
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home import ratelimit
from home.forms import HoneypotMixin

from .models import version_in_force


def wording_hash(text):
    """The evidence of a consent's wording: the SHA-256 of the exact sentence shown."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def policy_url(version, language_code):
    return version.get_absolute_url() if version else f"/{language_code}/privacy-policy/"


class PolicyConsentForm(HoneypotMixin):
    """The policy box and the version its wording named. A policy posted while the visitor was
    filling in the form must be read and agreed to afresh: the box is unticked, with a message.
    A subclass labels `agree_policy` with its own wording (kept as evidence by its hash)."""

    agree_policy = forms.BooleanField(label="", required=True)
    # The policy version whose wording the visitor saw; a newer one must be agreed to afresh.
    policy_version_shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, language_code, policy_version, **kwargs):
        super().__init__(*args, **kwargs)
        self.language_code = language_code
        self.policy_version = policy_version
        self.shown_version = str(policy_version.number) if policy_version else ""
        self.fields["policy_version_shown"].initial = self.shown_version

    def clean(self):
        cleaned = super().clean()
        if self.data.get("policy_version_shown", "") != self.shown_version:
            self.add_error(
                "agree_policy",
                _(
                    "The privacy policy changed while you were filling in the form. Please read "
                    "the version now in force and agree to it again."
                ),
            )
            self.data = self.data.copy()
            self.data["policy_version_shown"] = self.shown_version
            self.data.pop("agree_policy", None)
        return cleaned


def private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


class ConsentFormPageMixin(RoutablePageMixin):
    """Put before the page's base class. A subclass names its form, its rate limit, its
    receipt cookie and its landing template, and says how a submission is stored and receipted."""

    form_class = None  # a PolicyConsentForm
    submission_model = None  # what process_form_submission stores; the receipt shows one
    # (scope, setting naming (posts, seconds), default (posts, seconds))
    rate_limit = None
    receipt_cookie = None  # the signed cookie naming the stored submission for `thanks/`
    receipt_max_age = 60 * 60
    landing_page_template = None

    def get_form_kwargs(self, request, language_code, policy_version):
        return {"language_code": language_code, "policy_version": policy_version}

    def get_form(self, request, *args, **kwargs):
        return self.form_class(*args, **kwargs)

    def process_form_submission(self, form):
        """Store the valid form in one transaction with its emails; return what was stored."""
        raise NotImplementedError

    def receipt_context(self, submission, request):
        raise NotImplementedError

    def landing_page_url(self):
        return self.url + self.reverse_subpage("thanks")

    @path("")
    def form_view(self, request):
        language_code = get_language()
        version = version_in_force(language_code)
        kwargs = self.get_form_kwargs(request, language_code, version)
        if request.method == "POST":
            verdict = ratelimit.check(request, *self.rate_limit)
            if not verdict.allowed:
                return private(ratelimit.too_many_requests(request, self, verdict))
            form = self.get_form(request, request.POST, **kwargs)
            if form.is_spam():
                # Bots are told it worked; nothing is stored and nothing is sent.
                response = redirect(self.landing_page_url())
                response.delete_cookie(self.receipt_cookie, path=self.receipt_cookie_path())
                return private(response)
            if form.is_valid():
                submission = self.process_form_submission(form)
                return private(self.receipt_redirect(submission))
        else:
            form = self.get_form(request, **kwargs)
        response = self.render(
            request,
            context_overrides={
                "form": form,
                "policy_version": version,
                "policy_url": policy_url(version, language_code),
            },
        )
        if form.is_bound:
            response.status_code = 400  # sent back with its errors and the values kept
        return private(response)

    def receipt_cookie_path(self):
        return urlsplit(self.url).path

    def receipt_redirect(self, submission):
        response = redirect(self.landing_page_url())
        response.set_signed_cookie(
            self.receipt_cookie,
            submission.pk,
            salt=self.receipt_cookie,
            max_age=self.receipt_max_age,
            path=self.receipt_cookie_path(),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response

    def receipt_submission_id(self, request):
        try:
            return request.get_signed_cookie(
                self.receipt_cookie, salt=self.receipt_cookie, max_age=self.receipt_max_age
            )
        except (KeyError, signing.BadSignature):
            return None

    @path("thanks/")
    def thanks(self, request):
        submission_id = self.receipt_submission_id(request)
        submission = (
            self.submission_model.objects.filter(pk=submission_id).first()
            if submission_id
            else None
        )
        context = self.receipt_context(submission, request) if submission else {}
        response = self.render(
            request, template=self.landing_page_template, context_overrides=context
        )
        return private(response)
