"""A page that serves a public form anyone can post, once for every such form: the creator entry
form (creators), the business inquiry form (contact) and the privacy-request form
(privacy_requests). The forms whose sender agrees to the policy add that part on top
(policy.consent_forms).

In the shape of Wagtail's form pages (`AbstractForm`): the page has a `form_class`,
`get_form()`, `process_form_submission()` and a landing page. What every such page does, it
does here:
- a post is counted against a per-address rate limit first (home.ratelimit: a 429 page in the
  visitor's language past the limit);
- a post that fills the honeypot is answered as a success and dropped (home.forms);
- a valid post is stored with its emails in one transaction (`process_form_submission`); the
  emails leave once it has committed (home.outbox), so nothing is written after the commit: a
  database that went away then would turn a stored submission into an error page, and its
  sender would send it again;
- bad input comes back with a 400, its errors and the values kept;
- every response is private and never stored by a cache or CDN: it carries a CSRF token or
  someone's submission.
"""

from django.db import transaction
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from . import ratelimit


def private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


class PublicFormPageMixin(RoutablePageMixin):
    """Put before the page's base class. A subclass names its form, its rate limit and its
    landing page (a route of its own, `landing_page_route`), and says how a submission is
    stored."""

    form_class = None  # a home.forms.HoneypotMixin
    # (scope, setting naming (posts, seconds), default (posts, seconds))
    rate_limit = None
    landing_page_route = None  # the route the sender is sent to once the post is stored
    landing_page_template = None

    def get_form_kwargs(self, request):
        return {}

    def get_form(self, request, *args, **kwargs):
        return self.form_class(*args, **self.get_form_kwargs(request), **kwargs)

    def get_form_context(self, request, form):
        """What the form's template needs besides the page and the form."""
        return {}

    def process_form_submission(self, form, request):
        """Store the valid form with its emails (in the one transaction `form_view` opens);
        return what was stored."""
        raise NotImplementedError

    def landing_page_url(self):
        return self.url + self.reverse_subpage(self.landing_page_route)

    def submitted_response(self, submission):
        return redirect(self.landing_page_url())

    def spam_response(self):
        """Bots are told it worked; nothing is stored and nothing is sent."""
        return redirect(self.landing_page_url())

    @path("")
    def form_view(self, request):
        if request.method == "POST":
            verdict = ratelimit.check(request, *self.rate_limit)
            if not verdict.allowed:
                return private(ratelimit.too_many_requests(request, self, verdict))
            form = self.get_form(request, request.POST)
            if form.is_spam():
                return private(self.spam_response())
            if form.is_valid():
                with transaction.atomic():
                    submission = self.process_form_submission(form, request)
                return private(self.submitted_response(submission))
        else:
            form = self.get_form(request)
        response = self.render(
            request,
            context_overrides={"form": form, **self.get_form_context(request, form)},
        )
        if form.is_bound:
            response.status_code = 400  # sent back with its errors and the values kept
        return private(response)

    def render_landing_page(self, request, context=None):
        response = self.render(
            request, template=self.landing_page_template, context_overrides=context or {}
        )
        return private(response)
