"""The contact page's request handling: POST, store (emails queued with it), show the receipt.

Every response here is private and never stored by a cache or CDN: it carries a CSRF token,
or someone's inquiry."""

from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language

from home import ratelimit
from policy.models import version_in_force

from .forms import InquiryForm
from .inquiries import register_attempt, store_inquiry
from .models import Inquiry
from .receipt import receipt_context

SESSION_KEY = "contact_inquiry_receipt"


def private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def policy_url(version, language_code):
    return version.get_absolute_url() if version else f"/{language_code}/privacy-policy/"


def inquiry_form(request, page):
    language_code = get_language()
    version = version_in_force(language_code)
    kwargs = {"language_code": language_code, "policy_version": version}
    if request.method == "POST":
        verdict = register_attempt(request)
        if not verdict.allowed:
            return private(ratelimit.too_many_requests(request, page, verdict))
        form = InquiryForm(request.POST, **kwargs)
        if form.is_spam():
            # Bots are told it worked; nothing is stored and nothing is sent.
            request.session.pop(SESSION_KEY, None)
            return redirect(page.url + page.reverse_subpage("thanks"))
        if form.is_valid():
            inquiry = store_inquiry(form)  # its emails leave once it has committed
            request.session[SESSION_KEY] = inquiry.pk
            return redirect(page.url + page.reverse_subpage("thanks"))
    else:
        form = InquiryForm(**kwargs)
    response = page.render(
        request,
        context_overrides={
            "form": form,
            "policy_version": version,
            "policy_url": policy_url(version, language_code),
        },
    )
    if form.is_bound:
        response.status_code = 400
    return private(response)


def inquiry_thanks(request, page):
    inquiry_id = request.session.get(SESSION_KEY)
    inquiry = Inquiry.objects.filter(pk=inquiry_id).first() if inquiry_id else None
    context = receipt_context(inquiry, request) if inquiry else {}
    response = page.render(request, template="contact/thanks.html", context_overrides=context)
    return private(response)
