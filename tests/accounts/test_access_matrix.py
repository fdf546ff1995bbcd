"""Who reaches what in the admin: every admin URL of the project's own apps (read from the URL
resolver, so a new one cannot be forgotten) and the Wagtail views that show personal data or the
audit trail (site history and its exports, a creator page's history, revisions and compare view,
the admin search, the exports of personal records), for an anonymous visitor, a user in no group,
an Editor, a Translator, a Legal approver, a Privacy officer and a superuser (all signed in with
both factors, as staff are).

One table (MATRIX) holds the expected answer of every URL to every role. Beyond it, no one but the
privacy role reads a creator's, an applicant's, a requester's or an inquirer's details anywhere:
every page any other role opens is searched for them.
"""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "nogroup", "editor", "translator", "approver", "officer", "superuser"]
PRIVACY = frozenset({"officer", "superuser"})
STAFF = frozenset({"editor", "translator", "approver", "officer", "superuser"})
EDITORS = frozenset({"editor", "superuser"})
CONTENT = frozenset({"editor", "translator", "superuser"})  # those who write pages
PAGES = CONTENT | {"approver"}  # those who open pages in the editor (approvers review them)
CONVERTERS = EDITORS | {"officer"}  # entries made into draft profiles
SUPERUSER = frozenset({"superuser"})
NOBODY = frozenset()

# The project's own apps: every admin URL whose view or model belongs to one of them is in MATRIX.
OUR_APPS = {
    "accounts",
    "audit",
    "contact",
    "creators",
    "home",
    "incidents",
    "news",
    "pages",
    "personal_information",
    "policy",
    "privacy_requests",
    "works",
}

GET, POST = "get", "post"


def row(url, allowed, method=GET, ok=200, follow=False):
    """`url` (with {placeholders} filled from the `world` fixture) answers `ok` to the roles in
    `allowed` (after its redirects if `follow`) and refuses everyone else. A 302 that is `ok`
    goes anywhere but the login page."""
    return {"url": url, "allowed": allowed, "method": method, "ok": ok, "follow": follow}


# Route (as the resolver spells it, or a label for a Wagtail view) -> expected answers.
MATRIX = {
    # accounts (and the staff accounts themselves: the user model is home.User)
    "admin/password_reset/": row("/admin/password_reset/", {"anonymous", *ROLES}),
    "admin/users/": row("/admin/users/", SUPERUSER),
    "admin/users/results/": row("/admin/users/results/", SUPERUSER),
    "admin/users/new/": row("/admin/users/new/", SUPERUSER),
    "admin/users/edit/<int:pk>/": row("/admin/users/edit/{officer_user}/", SUPERUSER),
    "admin/users/delete/<int:pk>/": row("/admin/users/delete/{officer_user}/", SUPERUSER),
    "admin/users/history/<int:pk>/": row("/admin/users/history/{officer_user}/", SUPERUSER),
    "admin/users/history-results/<int:pk>/": row(
        "/admin/users/history-results/{officer_user}/", SUPERUSER
    ),
    "admin/users/usage/<int:pk>/": row("/admin/users/usage/{officer_user}/", SUPERUSER),
    "admin/users/copy/<int:pk>/": row("/admin/users/copy/{officer_user}/", SUPERUSER),
    "admin/accounts/lockouts/": row("/admin/accounts/lockouts/", PRIVACY),
    "admin/accounts/lockouts/<int:pk>/unlock/": row(
        "/admin/accounts/lockouts/{attempt}/unlock/", PRIVACY, POST, ok=302
    ),
    "admin/accounts/two-factor/": row("/admin/accounts/two-factor/", STAFF),
    # Already verified: straight on to the admin.
    "admin/accounts/two-factor/verify/": row("/admin/accounts/two-factor/verify/", STAFF, ok=302),
    # home
    "admin/translations/<int:translation_id>/submit/": row(
        "/admin/translations/{translation}/submit/", PAGES, POST, ok=302
    ),
    "admin/romanised-slug/": row("/admin/romanised-slug/?title=夜明け", STAFF),
    "admin/outbox/retry/": row("/admin/outbox/retry/", PRIVACY, POST, ok=302),
    "admin/reports/abandoned-drafts/": row("/admin/reports/abandoned-drafts/", STAFF),
    "admin/reports/abandoned-drafts/results/": row(
        "/admin/reports/abandoned-drafts/results/", STAFF
    ),
    "settings: home.SiteSettings": row("/admin/settings/home/sitesettings/", EDITORS, follow=True),
    "settings: home.NavigationSettings": row(
        "/admin/settings/home/navigationsettings/", EDITORS, follow=True
    ),
    # personal_information
    "settings: personal_information.PersonalInformationSettings": row(
        "/admin/settings/personal_information/personalinformationsettings/",
        PRIVACY,
        follow=True,
    ),
    # incidents
    "admin/incidents/": row("/admin/incidents/", PRIVACY),
    "admin/incidents/results/": row("/admin/incidents/results/", PRIVACY),
    "admin/incidents/new/": row("/admin/incidents/new/", PRIVACY),
    "admin/incidents/edit/<int:pk>/": row("/admin/incidents/edit/{incident}/", PRIVACY),
    "admin/incidents/delete/<int:pk>/": row("/admin/incidents/delete/{incident}/", SUPERUSER),
    "admin/incidents/history/<int:pk>/": row("/admin/incidents/history/{incident}/", PRIVACY),
    "admin/incidents/history-results/<int:pk>/": row(
        "/admin/incidents/history-results/{incident}/", PRIVACY
    ),
    "admin/incidents/usage/<int:pk>/": row("/admin/incidents/usage/{incident}/", PRIVACY),
    "admin/incidents/inspect/<int:pk>/": row("/admin/incidents/inspect/{incident}/", PRIVACY),
    "admin/incidents/<int:pk>/people/": row("/admin/incidents/{incident}/people/", PRIVACY),
    "admin/incidents/<int:pk>/notify/": row(
        "/admin/incidents/{incident}/notify/", PRIVACY, POST, ok=302
    ),
    # creators: the officer's records, the editors' conversion of entries into profiles
    "admin/creators/entries-to-convert/": row("/admin/creators/entries-to-convert/", CONVERTERS),
    "admin/creators/convert/<int:pk>/": row(
        "/admin/creators/convert/{entry}/", CONVERTERS, POST, ok=302
    ),
    "admin/creators/decline/<int:pk>/": row(
        "/admin/creators/decline/{entry_to_decline}/", CONVERTERS, POST, ok=302
    ),
    "admin/creators/introductions/<int:pk>/": row(
        "/admin/creators/introductions/{creator}/", PRIVACY
    ),
    "admin/creators/record-consent/<int:pk>/": row(
        "/admin/creators/record-consent/{creator}/", PRIVACY
    ),
    "admin/creators_creator/": row("/admin/creators_creator/", PRIVACY),
    "admin/creators_creator/results/": row("/admin/creators_creator/results/", PRIVACY),
    "admin/creators_creator/new/": row("/admin/creators_creator/new/", SUPERUSER),
    "admin/creators_creator/edit/<int:pk>/": row(
        "/admin/creators_creator/edit/{creator}/", PRIVACY
    ),
    "admin/creators_creator/delete/<int:pk>/": row(
        "/admin/creators_creator/delete/{creator}/", PRIVACY
    ),
    "admin/creators_creator/history/<int:pk>/": row(
        "/admin/creators_creator/history/{creator}/", PRIVACY
    ),
    "admin/creators_creator/history-results/<int:pk>/": row(
        "/admin/creators_creator/history-results/{creator}/", PRIVACY
    ),
    "admin/creators_creator/usage/<int:pk>/": row(
        "/admin/creators_creator/usage/{creator}/", PRIVACY
    ),
    "admin/creators_creator/inspect/<int:pk>/": row(
        "/admin/creators_creator/inspect/{creator}/", PRIVACY
    ),
    "admin/creators_entry/": row("/admin/creators_entry/", PRIVACY),
    "admin/creators_entry/results/": row("/admin/creators_entry/results/", PRIVACY),
    "admin/creators_entry/new/": row("/admin/creators_entry/new/", SUPERUSER),
    "admin/creators_entry/edit/<int:pk>/": row("/admin/creators_entry/edit/{entry}/", PRIVACY),
    "admin/creators_entry/delete/<int:pk>/": row("/admin/creators_entry/delete/{entry}/", PRIVACY),
    "admin/creators_entry/history/<int:pk>/": row(
        "/admin/creators_entry/history/{entry}/", PRIVACY
    ),
    "admin/creators_entry/history-results/<int:pk>/": row(
        "/admin/creators_entry/history-results/{entry}/", PRIVACY
    ),
    "admin/creators_entry/usage/<int:pk>/": row("/admin/creators_entry/usage/{entry}/", PRIVACY),
    "admin/creators_entry/inspect/<int:pk>/": row(
        "/admin/creators_entry/inspect/{entry}/", PRIVACY
    ),
    "admin/creators_entry/retry/": row("/admin/creators_entry/retry/", PRIVACY, POST, ok=302),
    "admin/creators_entry/retry/<int:pk>/": row(
        "/admin/creators_entry/retry/{entry}/", PRIVACY, POST, ok=302
    ),
    # The chooser of creator pages (credits): public profiles, for those who edit pages.
    "admin/creator_chooser/": row("/admin/creator_chooser/", STAFF),
    "admin/creator_chooser/results/": row("/admin/creator_chooser/results/?q=秘密", STAFF),
    "admin/creator_chooser/chosen/<str:pk>/": row(
        "/admin/creator_chooser/chosen/{creator_page}/", STAFF
    ),
    "admin/creator_chooser/chosen-multiple/": row(
        "/admin/creator_chooser/chosen-multiple/?id={creator_page}", STAFF
    ),
    "admin/creator_chooser/create/": row("/admin/creator_chooser/create/", CONTENT),
    # contact: business inquiries hold the inquirer's details
    "admin/business_inquiries/": row("/admin/business_inquiries/", PRIVACY),
    "admin/business_inquiries/results/": row("/admin/business_inquiries/results/", PRIVACY),
    "admin/business_inquiries/new/": row("/admin/business_inquiries/new/", SUPERUSER),
    "admin/business_inquiries/edit/<int:pk>/": row(
        "/admin/business_inquiries/edit/{inquiry}/", PRIVACY
    ),
    "admin/business_inquiries/delete/<int:pk>/": row(
        "/admin/business_inquiries/delete/{inquiry}/", SUPERUSER
    ),
    "admin/business_inquiries/history/<int:pk>/": row(
        "/admin/business_inquiries/history/{inquiry}/", PRIVACY
    ),
    "admin/business_inquiries/history-results/<int:pk>/": row(
        "/admin/business_inquiries/history-results/{inquiry}/", PRIVACY
    ),
    "admin/business_inquiries/usage/<int:pk>/": row(
        "/admin/business_inquiries/usage/{inquiry}/", PRIVACY
    ),
    "admin/business_inquiries/inspect/<int:pk>/": row(
        "/admin/business_inquiries/inspect/{inquiry}/", PRIVACY
    ),
    "admin/business_inquiries/copy/<int:pk>/": row(
        "/admin/business_inquiries/copy/{inquiry}/", SUPERUSER
    ),
    # privacy_requests
    "admin/privacy-requests/": row("/admin/privacy-requests/", PRIVACY),
    "admin/privacy-requests/results/": row("/admin/privacy-requests/results/", PRIVACY),
    "admin/privacy-requests/new/": row("/admin/privacy-requests/new/", NOBODY),
    "admin/privacy-requests/edit/<int:pk>/": row(
        "/admin/privacy-requests/edit/{privacy_request}/", NOBODY
    ),
    "admin/privacy-requests/delete/<int:pk>/": row(
        "/admin/privacy-requests/delete/{privacy_request}/", NOBODY
    ),
    "admin/privacy-requests/history/<int:pk>/": row(
        "/admin/privacy-requests/history/{privacy_request}/", NOBODY
    ),
    "admin/privacy-requests/history-results/<int:pk>/": row(
        "/admin/privacy-requests/history-results/{privacy_request}/", NOBODY
    ),
    "admin/privacy-requests/usage/<int:pk>/": row(
        "/admin/privacy-requests/usage/{privacy_request}/", NOBODY
    ),
    "admin/privacy-requests/inspect/<int:pk>/": row(
        "/admin/privacy-requests/inspect/{privacy_request}/", PRIVACY
    ),
    "admin/privacy-requests/copy/<int:pk>/": row(
        "/admin/privacy-requests/copy/{privacy_request}/", NOBODY
    ),
    "admin/privacy-requests/action/<int:pk>/": row(
        "/admin/privacy-requests/action/{privacy_request}/", PRIVACY, POST, ok=302
    ),
    "admin/privacy-requests/answer/<int:pk>/": row(
        "/admin/privacy-requests/answer/{privacy_request}/", PRIVACY, ok=302
    ),
    "admin/privacy-requests/email/<int:pk>/retry/": row(
        "/admin/privacy-requests/email/{outbox_email}/retry/", PRIVACY, POST, ok=302
    ),
    # policy: the posted versions, read by everyone on staff, changed by no one
    "admin/policy_versions/": row("/admin/policy_versions/", STAFF),
    "admin/policy_versions/results/": row("/admin/policy_versions/results/", STAFF),
    "admin/policy_versions/new/": row("/admin/policy_versions/new/", NOBODY),
    "admin/policy_versions/edit/<int:pk>/": row(
        "/admin/policy_versions/edit/{policy_version}/", NOBODY
    ),
    "admin/policy_versions/delete/<int:pk>/": row(
        "/admin/policy_versions/delete/{policy_version}/", NOBODY
    ),
    "admin/policy_versions/history/<int:pk>/": row(
        "/admin/policy_versions/history/{policy_version}/", NOBODY
    ),
    "admin/policy_versions/history-results/<int:pk>/": row(
        "/admin/policy_versions/history-results/{policy_version}/", NOBODY
    ),
    "admin/policy_versions/usage/<int:pk>/": row(
        "/admin/policy_versions/usage/{policy_version}/", NOBODY
    ),
    "admin/policy_versions/inspect/<int:pk>/": row(
        "/admin/policy_versions/inspect/{policy_version}/", STAFF
    ),
    # works: the shared lists (snippets) and their choosers
    **{
        route.format(model=model): row(url.format(model=model, pk=f"{{{model}}}"), allowed, *more)
        for model in ("workcategory", "aitool")
        for route, url, allowed, *more in [
            ("admin/snippets/works/{model}/", "/admin/snippets/works/{model}/", CONTENT),
            (
                "admin/snippets/works/{model}/results/",
                "/admin/snippets/works/{model}/results/",
                CONTENT,
            ),
            ("admin/snippets/works/{model}/add/", "/admin/snippets/works/{model}/add/", EDITORS),
            (
                "admin/snippets/works/{model}/edit/<int:pk>/",
                "/admin/snippets/works/{model}/edit/{pk}/",
                CONTENT,
            ),
            (
                "admin/snippets/works/{model}/delete/<int:pk>/",
                "/admin/snippets/works/{model}/delete/{pk}/",
                EDITORS,
            ),
            (
                "admin/snippets/works/{model}/usage/<int:pk>/",
                "/admin/snippets/works/{model}/usage/{pk}/",
                CONTENT,
            ),
            (
                "admin/snippets/works/{model}/history/<int:pk>/",
                "/admin/snippets/works/{model}/history/{pk}/",
                CONTENT,
            ),
            (
                "admin/snippets/works/{model}/history-results/<int:pk>/",
                "/admin/snippets/works/{model}/history-results/{pk}/",
                CONTENT,
            ),
            (
                "admin/snippets/works/{model}/copy/<int:pk>/",
                "/admin/snippets/works/{model}/copy/{pk}/",
                EDITORS,
            ),
            (
                "admin/snippets/choose/works/{model}/",
                "/admin/snippets/choose/works/{model}/",
                STAFF,
            ),
            (
                "admin/snippets/choose/works/{model}/results/",
                "/admin/snippets/choose/works/{model}/results/",
                STAFF,
            ),
            (
                "admin/snippets/choose/works/{model}/chosen/<str:pk>/",
                "/admin/snippets/choose/works/{model}/chosen/{pk}/",
                STAFF,
            ),
            (
                "admin/snippets/choose/works/{model}/chosen-multiple/",
                "/admin/snippets/choose/works/{model}/chosen-multiple/?id={pk}",
                STAFF,
            ),
            (
                "admin/snippets/choose/works/{model}/create/",
                "/admin/snippets/choose/works/{model}/create/",
                EDITORS,
            ),
        ]
    },
    # Wagtail's views that show personal data or the audit trail (filtered for other roles:
    # no entry about a personal record, accounts.audit).
    "wagtail: dashboard": row("/admin/", STAFF),
    "wagtail: account": row("/admin/account/", STAFF),
    "wagtail: site history": row("/admin/reports/site-history/", STAFF),
    "wagtail: site history results": row("/admin/reports/site-history/results/", STAFF),
    "wagtail: site history CSV": row("/admin/reports/site-history/?export=csv", STAFF),
    "wagtail: site history XLSX": row("/admin/reports/site-history/?export=xlsx", STAFF),
    "wagtail: admin page search": row("/admin/pages/search/?q={needle}", PAGES),
    "wagtail: admin page search results": row("/admin/pages/search/results/?q={needle}", PAGES),
    "wagtail: creator page edit": row("/admin/pages/{creator_page}/edit/", PAGES),
    "wagtail: creator page history": row("/admin/pages/{creator_page}/history/", PAGES),
    "wagtail: creator page history results": row(
        "/admin/pages/{creator_page}/history/results/", PAGES
    ),
    "wagtail: creator page revisions": row(
        "/admin/pages/{creator_page}/revisions/", PAGES, follow=True
    ),
    "wagtail: creator page revision view": row(
        "/admin/pages/{creator_page}/revisions/{creator_revision}/view/", PAGES
    ),
    "wagtail: creator page revisions compare": row(
        "/admin/pages/{creator_page}/revisions/compare/earliest...latest/", PAGES
    ),
    "wagtail: creator page usage": row("/admin/pages/{creator_page}/usage/", PAGES),
    "wagtail: entries CSV": row("/admin/creators_entry/?export=csv", PRIVACY),
    "wagtail: entries XLSX": row("/admin/creators_entry/?export=xlsx", PRIVACY),
    "wagtail: creators CSV": row("/admin/creators_creator/?export=csv", PRIVACY),
    "wagtail: creators XLSX": row("/admin/creators_creator/?export=xlsx", PRIVACY),
    "wagtail: inquiries CSV": row("/admin/business_inquiries/?export=csv", PRIVACY),
    "wagtail: privacy requests CSV": row("/admin/privacy-requests/?export=csv", PRIVACY),
    "wagtail: incidents CSV": row("/admin/incidents/?export=csv", PRIVACY),
    # Nobody reaches Wagtail's list of every snippet type: each has its own menu item.
    "wagtail: snippets index": row("/admin/snippets/", NOBODY),
}


def admin_routes():
    """(route, view module, model label) of every URL under /admin/."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern.callback

    for route, callback in walk(get_resolver().url_patterns, ""):
        if not route.startswith("admin/"):
            continue
        view_class = getattr(callback, "view_class", None)
        model = (getattr(callback, "view_initkwargs", None) or {}).get("model") or getattr(
            view_class, "model", None
        )
        yield route, (view_class or callback).__module__, getattr(model, "_meta", None)


def our_routes():
    ours = set()
    for route, module, model in admin_routes():
        app = module.split(".")[0]
        if app in OUR_APPS or (model is not None and model.app_label in OUR_APPS):
            ours.add(route)
    from wagtail.contrib.settings.registry import registry

    ours |= {
        f"settings: {model._meta.label}" for model in registry if model._meta.app_label in OUR_APPS
    }
    return ours


def test_every_admin_url_of_ours_is_in_the_matrix():
    ours = our_routes()
    assert ours, "the resolver walk found nothing: the test itself is broken"
    assert sorted(ours - set(MATRIX)) == [], "new admin URLs: add them to MATRIX"
    # And the table names nothing that no longer exists.
    every_route = {route for route, _module, _model in admin_routes()}
    stale = {
        route for route in MATRIX if ":" not in route.split("/")[0] and route not in every_route
    }
    assert sorted(stale) == []


# What nobody but the privacy role may read, wherever it would show.
SECRETS = {
    "creator_email": "hidden-creator@example.net",
    "creator_phone": "090-4444-7777",
    "creator_name": "秘匿 花子",
    "entry_email": "hidden-applicant@example.net",
    "entry_name": "応募 秘子",
    "requester_email": "hidden-requester@example.net",
    "requester_name": "請求 秘男",
    "inquirer_email": "hidden-inquirer@example.net",
    "inquirer_phone": "03-5555-1212",
}


@pytest.fixture
def world(site, staff):
    """One of everything the admin URLs point at, holding SECRETS, and an audit trail about
    them (exports, conversions) by a Privacy officer."""
    from axes.models import AccessAttempt
    from django.utils import timezone
    from wagtail.log_actions import log

    from contact.models import Inquiry
    from creators.models import Creator, Entry
    from home.outbox import OutboxEmail
    from incidents.models import Incident
    from policy.versions import version_in_force
    from privacy_requests.models import PrivacyRequest
    from tests.creators.factories import CreatorPageFactory, CreatorsIndexPageFactory
    from tests.policy.factories import PolicyPageFactory, legal_approver
    from works.models import AITool, WorkCategory

    officer = staff("officer")
    policy = PolicyPageFactory(parent=site["ja"], locale=site["ja"].locale)
    policy.save_revision().publish(user=legal_approver())
    creator = Creator.objects.create(
        name=SECRETS["creator_name"],
        email=SECRETS["creator_email"],
        phone=SECRETS["creator_phone"],
        expertise=["direction"],
        portfolio_url="https://example.com/portfolio",
        achievements="短編映画の監督",
        language="ja",
    )
    index = CreatorsIndexPageFactory(parent=site["ja"], locale=site["ja"].locale)
    creator_page = CreatorPageFactory(parent=index, locale=index.locale, creator=creator)
    creator_page.save_revision().publish()
    creator_revision = creator_page.save_revision()
    entry = Entry.objects.create(
        name=SECRETS["entry_name"],
        email=SECRETS["entry_email"],
        portfolio_url="https://example.com/entry",
        language="ja",
    )
    entry_to_decline = Entry.objects.create(
        name="辞退 予定",
        email="declined@example.net",
        portfolio_url="https://example.com/declined",
        language="ja",
    )
    privacy_request = PrivacyRequest.objects.create(
        kind=PrivacyRequest.Kind.OTHER,
        name=SECRETS["requester_name"],
        email=SECRETS["requester_email"],
        details="Please tell me what you hold.",
        language="ja",
    )
    inquiry = Inquiry.objects.create(
        company="株式会社秘密",
        name="問合 秘子",
        email=SECRETS["inquirer_email"],
        phone=SECRETS["inquirer_phone"],
        project_kind=Inquiry._meta.get_field("project_kind").choices[0][0],
        budget=Inquiry._meta.get_field("budget").choices[0][0],
        message="相談です。",
        language="ja",
        consent_at=timezone.now(),
        consent_wording_sha256="0" * 64,
    )
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(index)
    translation = Translation.objects.create(source=source, target_locale=site["en"].locale)
    translation.save_target(publish=False)
    incident = Incident.objects.create(found_at=timezone.now(), what_happened="A lost laptop.")
    outbox_email = OutboxEmail.objects.create(
        template="privacy_requests/email/status",
        about=privacy_request,
        to_address=SECRETS["requester_email"],
        language="ja",
        subject="s",
        body="b",
        delivery=OutboxEmail.Delivery.FAILED,
    )
    attempt = AccessAttempt.objects.create(
        username="victim", ip_address="203.0.113.9", user_agent="x", failures_since_start=9
    )
    for record in (creator, entry, privacy_request, inquiry):
        log(record, "wagtail.edit", user=officer)
    log(entry, "creators.exported", user=officer)
    return {
        "attempt": attempt.pk,
        "translation": translation.pk,
        "incident": incident.pk,
        "entry": entry.pk,
        "entry_to_decline": entry_to_decline.pk,
        "creator": creator.pk,
        "creator_page": creator_page.pk,
        "creator_revision": creator_revision.pk,
        "inquiry": inquiry.pk,
        "privacy_request": privacy_request.pk,
        "outbox_email": outbox_email.pk,
        "policy_version": version_in_force("ja").pk,
        "workcategory": WorkCategory.objects.create(name="短編").pk,
        "aitool": AITool.objects.create(name="Runway").pk,
        "officer_user": officer.pk,
        "needle": "秘",
    }


def member(role, staff):
    """The user of that role (the `world` already made the officer)."""
    from django.contrib.auth import get_user_model

    username = "root" if role == "superuser" else role
    return get_user_model().objects.filter(username=username).first() or staff(role)


def client_for(role, staff):
    client = Client(raise_request_exception=False)  # a crash is a status in the table too
    if role != "anonymous":
        client.force_login(member(role, staff))
    return client


def body_of(response):
    """The text of a page, a CSV or an XLSX (the XML inside the zip)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(content)) as spreadsheet:
            content = b"".join(spreadsheet.read(name) for name in spreadsheet.namelist())
    return content.decode("utf-8", "replace")


def refused(role, response):
    """Sent away: anonymous to the login page; others to the login page or the dashboard, or
    refused outright (403, or 405 for a POST-only view asked with GET)."""
    hops = [url for url, _status in getattr(response, "redirect_chain", [])]
    hops.append(response.get("Location", ""))
    hops = [url.split("?")[0] for url in hops if url]
    if role == "anonymous":
        return bool(hops) and hops[0] == "/admin/login/"
    if any(hop in ("/admin/login/", "/admin/") for hop in hops):
        return True
    return response.status_code in (403, 404, 405)


def answers(role, client, world):
    """(route, url, status, refused?, body) of every MATRIX row for this role: GETs first, then
    the POSTs (which change things)."""
    rows = sorted(MATRIX.items(), key=lambda item: item[1]["method"] == POST)
    for route, spec in rows:
        url = spec["url"].format(**world)
        response = getattr(client, spec["method"])(url, follow=spec["follow"])
        yield route, spec, url, response


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_matrix_says(staff, world, role):
    client = client_for(role, staff)
    wrong = []
    for route, spec, url, response in answers(role, client, world):
        status, location = response.status_code, response.get("Location", "")
        if role in spec["allowed"]:
            if status != spec["ok"] or location.startswith("/admin/login/"):
                wrong.append((route, url, "expected", spec["ok"], status, location))
        elif not refused(role, response):
            wrong.append((route, url, "expected refusal", status, location))
    assert wrong == [], "\n".join(map(str, wrong))


@pytest.mark.parametrize("role", ["editor", "translator", "approver", "nogroup", "anonymous"])
def test_no_one_but_the_privacy_role_reads_personal_details_anywhere(staff, world, role):
    """Contact details, names without consent, privacy requests, inquiries and the audit trail
    about them: on no page, listing, search, history, revision, compare view or export."""
    client = client_for(role, staff)
    leaks = []
    for route, spec, url, response in answers(role, client, world):
        if spec["method"] == POST:
            continue
        body = body_of(response)
        found = [name for name, secret in SECRETS.items() if secret in body]
        if re.search(r"exported|書き出", body) and "site history" in route:
            found.append("export entry in the audit trail")
        if found:
            leaks.append((route, url, found))
    assert leaks == [], "\n".join(map(str, leaks))


def test_the_privacy_role_does_read_them(staff, world):
    """The control of the test above: the same pages show the officer every detail, and the
    site history the export, so their absence elsewhere is the rule at work."""
    client = client_for("officer", staff)
    seen = set()
    for route, spec, _url, response in answers("officer", client, world):
        if spec["method"] == GET:
            body = body_of(response)
            seen |= {name for name, secret in SECRETS.items() if secret in body}
            if re.search(r"exported|書き出", body) and "site history" in route:
                seen.add("export entry in the audit trail")
    assert seen == {*SECRETS, "export entry in the audit trail"}


# What a signed-in user may open before the second factor (accounts.middleware), and its answer
# (verification without a device goes back to the admin, which sends them to enrolment).
BEFORE_SECOND_FACTOR = {
    "admin/password_reset/": 200,
    "admin/accounts/two-factor/": 200,
    "admin/accounts/two-factor/verify/": 302,
}


@pytest.mark.parametrize("role", ["officer", "approver", "superuser"])
def test_without_a_second_factor_these_roles_reach_nothing_but_enrolment(staff, world, role):
    """Signed in with the password alone, a role that needs a second factor is sent to its
    enrolment from every URL of the table (GET and POST alike); nothing is done on its behalf."""
    from axes.models import AccessAttempt

    from tests.accounts.second_factor import force_login_password_only

    client = Client(raise_request_exception=False)
    force_login_password_only(client, member(role, staff))
    wrong = []
    for route, spec in MATRIX.items():
        url = spec["url"].format(**world)
        response = getattr(client, spec["method"])(url)
        location = response.get("Location", "")
        if route in BEFORE_SECOND_FACTOR:
            if response.status_code != BEFORE_SECOND_FACTOR[route]:
                wrong.append((route, url, response.status_code, location))
        elif response.status_code != 302 or not location.startswith(
            "/admin/accounts/two-factor/?next="
        ):
            wrong.append((route, url, response.status_code, location))
    assert wrong == [], "\n".join(map(str, wrong))
    assert AccessAttempt.objects.filter(pk=world["attempt"]).exists()  # not unlocked


@pytest.mark.parametrize("role", ROLES)
def test_only_the_privacy_role_lifts_a_lockout(staff, role):
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.create(
        username="victim", ip_address="203.0.113.9", user_agent="x", failures_since_start=9
    )
    client_for(role, staff).post(f"/admin/accounts/lockouts/{attempt.pk}/unlock/")
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists() is (role not in PRIVACY)
