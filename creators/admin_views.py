"""Admin actions beyond the listings: retry emails, record a consent, turn an entry into a profile.

The conversion screens are open to Editors, so they show no contact details: an entry is
identified by its number, date, language and areas of expertise.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import Locale

from home import outbox
from home.admin_views import admin_page
from home.outbox import OutboxEmail

from .cache import bump_state
from .consent import consent_states, record_admin_consent
from .entries import convert_entry
from .forms import AdminConsentForm, IntroductionForm
from .models import Consent, Creator, CreatorPage, CreatorsIndexPage, Entry, ThirdPartyProvision
from .models.pages import random_creator_slug
from .provisions import record_introduction


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def retry_emails(request, pk=None):
    """GET asks for confirmation; POST enqueues the emails of the entries not yet notified."""
    require(request, "creators.change_entry")
    emails = OutboxEmail.objects.pending().filter(
        creator_entry__in=Entry.objects.filter(pk=pk) if pk else Entry.objects.all()
    )
    entries = Entry.objects.filter(emails__in=emails).distinct()
    if request.method != "POST":
        return admin_page(
            request,
            "creators/admin/retry_emails.html",
            _("Retry emails"),
            "mail",
            {"entries": entries},
        )
    count = entries.count()
    with transaction.atomic():  # the outbox enqueues when this commits
        outbox.retry(emails)
    messages.success(request, _("Emails retried for %(count)s entries.") % {"count": count})
    failed = entries.count()  # after the sending (or the worker's turn): still not notified
    if failed:
        messages.error(request, _("%(count)s entries are still not notified.") % {"count": failed})
    return redirect(same_site_path(request.POST.get("next")) or reverse("creators_entry:index"))


def same_site_path(url):
    """`url` when it is a path on this site, else None (no open redirect through `next`)."""
    if not url or not url.startswith("/") or url.startswith(("//", "/\\")):
        return None
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return None
    return url


def record_consent(request, pk):
    require(request, "creators.add_consent")
    creator = get_object_or_404(Creator, pk=pk)
    form = AdminConsentForm(request.POST or None, initial={"language": creator.language})
    if request.method == "POST" and form.is_valid():
        consent = record_admin_consent(
            creator,
            what=form.cleaned_data["what"],
            given=form.cleaned_data["given"],
            language_code=form.cleaned_data["language"],
            user=request.user,
            note=form.cleaned_data["note"],
        )
        log(creator, "creators.consent_recorded", user=request.user, data={"consent": consent.pk})
        messages.success(request, _("Consent recorded: %(consent)s") % {"consent": consent})
        return redirect("creators_record_consent", pk=creator.pk)
    history = Consent.objects.filter(creator=creator) | Consent.objects.filter(
        entry__creator=creator
    )
    return admin_page(
        request,
        "creators/admin/record_consent.html",
        _("Record a consent"),
        "tick-inverse",
        {
            "creator": creator,
            "history": history.select_related("policy_version", "recorded_by").order_by(
                "-at", "-pk"
            ),
            "state": consent_states([creator.pk])[creator.pk],
        },
        form=form,
    )


def entries_to_convert(request):
    require(request, "creators.convert_entry")
    entries = list(
        Entry.objects.select_related("creator")
        .prefetch_related("consents")
        .order_by("-submitted_at")[:200]
    )
    states = consent_states({e.creator_id for e in entries if e.creator_id})
    pages = {}
    for page in CreatorPage.objects.filter(creator__in=states.keys()).select_related("locale"):
        pages.setdefault(page.creator_id, []).append(page)
    rows = [
        {
            "entry": entry,
            "expertise": entry.expertise_labels(),
            "publishing": [c for c in entry.consents.all() if c.what != "policy" and c.given],
            "pages": pages.get(entry.creator_id, []),
        }
        for entry in entries
    ]
    return admin_page(
        request,
        "creators/admin/entries_to_convert.html",
        _("Creator entries"),
        "user",
        {"rows": rows},
    )


def index_for(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    index = CreatorsIndexPage.objects.filter(locale=locale).first() if locale else None
    return index or CreatorsIndexPage.objects.order_by("path").first()


@require_POST
def convert(request, pk):
    require(request, "creators.convert_entry")
    entry = get_object_or_404(Entry, pk=pk)
    index = index_for(entry.language)
    if index is None:
        messages.error(request, _("Create a creators index page first."))
        return redirect("creators_entries_to_convert")
    with transaction.atomic():
        creator = convert_entry(entry)
        page = CreatorPage.objects.filter(creator=creator, locale=index.locale).first()
        if page is None:
            page = draft_profile(index, creator, request.user)
    log(creator, "creators.converted", user=request.user, data={"entry": entry.pk})
    bump_state()
    messages.success(request, _("Creator and draft profile ready. Review, then publish."))
    return redirect("wagtailadmin_pages:edit", page.pk)


def draft_profile(index, creator, user):
    """A draft page that carries no personal data: a random slug and a neutral title."""
    slug = random_creator_slug()
    with translation.override(index.locale.language_code):
        title = _("Creator %(reference)s") % {"reference": slug.removeprefix("creator-")}
    page = CreatorPage(title=title, slug=slug, creator=creator, live=False)
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page


@require_POST
def decline(request, pk):
    """The studio will not work with this entry: it follows the short retention from now on."""
    require(request, "creators.convert_entry")
    entry = get_object_or_404(Entry, pk=pk, creator__isnull=True)
    if entry.declined_at is None:
        entry.declined_at = timezone.now()
        entry.save(update_fields=["declined_at"])
        log(entry, "creators.declined", user=request.user)
    messages.success(request, _("Entry declined; it will be erased after the short period."))
    return redirect("creators_entries_to_convert")


def introductions(request, pk):
    """Record an introduction of a creator to a client, and list the earlier ones."""
    require(request, "creators.add_thirdpartyprovision")
    creator = get_object_or_404(Creator, pk=pk)
    form = IntroductionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            provision = record_introduction(creator, request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            log(creator, "creators.introduced", user=request.user, data={"record": provision.pk})
            messages.success(request, _("Introduction recorded."))
            return redirect("creators_introductions", pk=creator.pk)
    return admin_page(
        request,
        "creators/admin/introductions.html",
        _("Introductions to clients"),
        "group",
        {
            "creator": creator,
            "records": ThirdPartyProvision.objects.filter(creator=creator).select_related(
                "consent", "recorded_by"
            ),
        },
        form=form,
    )
