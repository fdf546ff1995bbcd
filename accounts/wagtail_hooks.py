from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.groups import is_privacy_officer

from . import two_factor_views, views


@hooks.register("register_admin_urls")
def register_account_urls():
    return [
        path("accounts/lockouts/", views.lockouts, name="accounts_lockouts"),
        path("accounts/lockouts/<int:pk>/unlock/", views.unlock, name="accounts_unlock"),
    ]


class UnlockMenuItem(MenuItem):
    def is_shown(self, request):
        return is_privacy_officer(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return UnlockMenuItem(
        pgettext_lazy("sign-in", "Locked sign-ins"),
        reverse("accounts_lockouts"),
        icon_name="lock",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("accounts/two-factor/", two_factor_views.two_factor, name="accounts_two_factor"),
        path(
            "accounts/two-factor/verify/",
            two_factor_views.verify,
            name="accounts_two_factor_verify",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": pgettext_lazy("two-step", "Two-step verification"),
        "help_text": pgettext_lazy(
            "two-step", "A code from an app on your phone as well as your password."
        ),
    }
