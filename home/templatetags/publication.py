from django import template
from wagtail.models import Page, PageLogEntry

register = template.Library()


@register.simple_tag
def publication(obj):
    """The log entry of the publish that made the live revision live: its user is whoever
    published it (an approver approving someone else's draft), its timestamp the moment it went
    live (for a scheduled revision, when the scheduler published it)."""
    if not isinstance(obj, Page) or not obj.live_revision_id:
        return None
    return (
        PageLogEntry.objects.filter(
            page=obj, action="wagtail.publish", revision_id=obj.live_revision_id
        )
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
