"""The admin form every page type of the site starts from."""

from wagtail.admin.forms import WagtailAdminPageForm

from .slugs import available_slug, romanised_slug


class BasePageForm(WagtailAdminPageForm):
    """An empty slug is made from the title, romanised: a Japanese-only title no longer leaves
    the editor with an error on the Promote tab."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug:
            return slug
        title = self.cleaned_data.get("title") or self.data.get("title", "")
        base = romanised_slug(title)
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if not base:
            self.add_error("slug", self.fields["slug"].error_messages["required"])
            return slug
        return available_slug(base, parent, self.instance) if parent else base
