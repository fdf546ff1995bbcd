"""One query per page type, not per page: a page type that needs more than the page for a list
entry (a creator profile asks for the consent in force) declares a classmethod hook, and a list
of mixed pages calls it once per type with that type's pages."""

from collections import defaultdict


def prefetch_by_page_type(pages, hook):
    """Call `cls.<hook>(group)` for each page class in `pages` that has the hook."""
    by_class = defaultdict(list)
    for page in pages:
        by_class[type(page)].append(page)
    for cls, group in by_class.items():
        prefetch = getattr(cls, hook, None)
        if callable(prefetch):
            prefetch(group)
