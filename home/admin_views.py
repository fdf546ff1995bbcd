from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import outbox
from .outbox import OutboxEmail
from .slugs import romanised_slug


def admin_page(request, template, title, icon, context, form=None):
    """A page of our own in the admin, headed like Wagtail's own (its title and icon); with a
    `form`, a post it refused comes back as a 400 with its errors."""
    context = {**context, "page_title": title, "header_icon": icon}
    if form is None:
        return TemplateResponse(request, template, context)
    status = 400 if form.errors else 200
    return TemplateResponse(request, template, {**context, "form": form}, status=status)


def romanised_slug_view(request):
    """The slug the page form would make of a title (the editor's script asks as one types)."""
    return JsonResponse({"slug": romanised_slug(request.GET.get("title", ""))})


@require_POST
def retry_outbox(request):
    """The dashboard's "retry now": every unsent email is enqueued again (each still goes once)."""
    if not request.user.has_perm("home.change_outboxemail"):
        raise PermissionDenied
    count = outbox.retry(OutboxEmail.objects.backlog())
    messages.success(request, _("%(count)s emails queued again.") % {"count": count})
    return redirect("wagtailadmin_home")
