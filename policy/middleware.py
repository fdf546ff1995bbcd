"""Turn a refused policy publish into the admin's own kind of answer: a message and a way back.

The refusal is raised by `policy.gate` wherever the publish happens, including callbacks that run
when wagtail-localize's views commit, so no view of ours can catch it; this middleware does.
"""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail.models import Page

from policy.permissions import PolicyPublishRefused


class PolicyPublishRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PolicyPublishRefused):
            return None
        messages.error(request, exception.message)
        if exception.page_id and Page.objects.filter(pk=exception.page_id).exists():
            return redirect("wagtailadmin_pages:edit", exception.page_id)
        return redirect("wagtailadmin_home")
