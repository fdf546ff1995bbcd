"""A public form whose sender agrees to the policy in force, and the page that serves it: the
creator entry form (creators) and the business inquiry form (contact) are both this, once.

The page is a public form page (home.form_pages: rate limit, honeypot, one transaction,
400 with the values kept, private responses); this adds the consent:
- the policy box, and the version whose wording the visitor saw (a newer one must be agreed
  to afresh);
- the receipt at `thanks/` reads the stored record named in a signed cookie, never the form;
  not the session, whose save would be a database write after the commit: a database that
  goes away in between would turn a stored submission into an error page, and its sender would
  send it again.
"""

import hashlib
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.form_pages import PublicFormPageMixin
from home.forms import HoneypotMixin
from home.models import BasePage

from .versions import version_in_force


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


class ConsentFormPageMixin(PublicFormPageMixin):
    """The public form page (home.form_pages) whose sender agrees to the policy in force. Put
    before the page's base class. A subclass names its form, its rate limit, its receipt cookie
    and its landing template, and says how a submission is stored and receipted."""

    form_class = None  # a PolicyConsentForm
    submission_model = None  # what process_form_submission stores; the receipt shows one
    receipt_cookie = None  # the signed cookie naming the stored submission for `thanks/`
    receipt_max_age = 60 * 60
    landing_page_route = "thanks"

    def get_form_kwargs(self, request):
        language_code = get_language()
        return {"language_code": language_code, "policy_version": version_in_force(language_code)}

    def get_form_context(self, request, form):
        return {
            "policy_version": form.policy_version,
            "policy_url": policy_url(form.policy_version, form.language_code),
        }

    def receipt_context(self, submission, request):
        raise NotImplementedError

    def receipt_cookie_path(self):
        return urlsplit(self.url).path

    def spam_response(self):
        response = super().spam_response()
        response.delete_cookie(self.receipt_cookie, path=self.receipt_cookie_path())
        return response

    def submitted_response(self, submission):
        response = super().submitted_response(submission)
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
        return self.render_landing_page(request, {"submission": submission, **context})


class ConsentFormPage(ConsentFormPageMixin, BasePage):
    """The page of such a form, once per language under the home page: an introduction above
    the form and the thank-you text above the receipt."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thanks_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thanks_text")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True
