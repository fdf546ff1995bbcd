"""The admin groups and the permissions each one holds.

Used by data migrations: each app adds its own models' permissions to the groups here, so that
what a group may do is written down once, in code, and reviewed like code.
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
TRANSLATORS = "Translators"
PRIVACY_OFFICERS = "Privacy officers"


def is_privacy_officer(user):
    """A Privacy officer (or a superuser): who sees personal data, its audit trail and lifts
    lockouts. Asked once per user object (a request's user)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_privacy_officer", None)
    if cached is None:
        cached = user.groups.filter(name=PRIVACY_OFFICERS).exists()
        user._is_privacy_officer = cached
    return cached


def ensure_permissions(apps):
    """Permissions are normally created after all migrations; data migrations need them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None


def group_with_permissions(apps, group_name, names):
    """The group (created if missing) and the permissions named "app_label.codename"."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    group, _ = Group.objects.get_or_create(name=group_name)
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group, permissions


def grant(apps, group_name, codenames):
    """Give `group_name` the model permissions named "app_label.codename"."""
    group, permissions = group_with_permissions(apps, group_name, codenames)
    group.permissions.add(*permissions)
    return group


def grant_on_root(apps, group_name, names, tree_model, link_model, link_field):
    """Permissions held on the root of a Wagtail tree (pages, collections), so on all below it."""
    group, permissions = group_with_permissions(apps, group_name, names)
    root = apps.get_model("wagtailcore", tree_model).objects.get(depth=1)
    link = apps.get_model("wagtailcore", link_model)
    for permission in permissions:
        link.objects.get_or_create(group=group, permission=permission, **{link_field: root})


def grant_pages(apps, group_name, codenames):
    """Page permissions from the root of the tree down (add_page, change_page, publish_page…)."""
    names = [f"wagtailcore.{codename}" for codename in codenames]
    grant_on_root(apps, group_name, names, "Page", "GroupPagePermission", "page")


def grant_collections(apps, group_name, codenames):
    """Image/document permissions on the root collection ("wagtailimages.add_image"…)."""
    grant_on_root(
        apps, group_name, codenames, "Collection", "GroupCollectionPermission", "collection"
    )
