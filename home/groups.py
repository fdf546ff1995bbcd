"""The admin groups and the permissions each one holds.

Used by data migrations: each app adds its own models' permissions to the groups here, so that
what a group may do is written down once, in code, and reviewed like code.
"""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
TRANSLATORS = "Translators"
PRIVACY_OFFICERS = "Privacy officers"


def ensure_permissions(apps):
    """Permissions are normally created after all migrations; data migrations need them now."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None


def grant(apps, group_name, codenames):
    """Give `group_name` the model permissions named "app_label.codename"."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    group, _ = Group.objects.get_or_create(name=group_name)
    for name in codenames:
        app_label, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


def grant_pages(apps, group_name, codenames):
    """Page permissions from the root of the tree down (add_page, change_page, publish_page…)."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ensure_permissions(apps)
    group, _ = Group.objects.get_or_create(name=group_name)
    root = Page.objects.get(depth=1)
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def grant_collections(apps, group_name, codenames):
    """Image/document permissions on the root collection ("wagtailimages.add_image"…)."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    Permission = apps.get_model("auth", "Permission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ensure_permissions(apps)
    group, _ = Group.objects.get_or_create(name=group_name)
    root = Collection.objects.get(depth=1)
    for name in codenames:
        app_label, codename = name.split(".")
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
