"""Keep every policy page, in every locale, under the "Legal approval" workflow."""

from policy.permissions import assign_legal_workflow


def page_created(sender, instance, created, raw=False, **kwargs):
    # Pages are created by editors, by wagtail-localize (the English translation) and by the demo
    # loader; catching the save covers them all, where an admin hook would see only the first.
    if created and not raw:
        assign_legal_workflow(instance)
