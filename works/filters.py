"""Filters of the works index: category, year and AI tool, read from plain links.

Anything a visitor (or a crawler) can type in the query string is accepted: an unknown or
malformed value is ignored, so the page always renders.
"""

from urllib.parse import urlencode

from django.utils.functional import cached_property

MIN_YEAR, MAX_YEAR = 1900, 2100


class WorkFilters:
    def __init__(self, params, works, *, categories, tools):
        """`categories` and `tools`: the page language's own (works.taxonomy.offered)."""
        self.params = params
        self.works = works
        self._categories = categories
        self._tools = tools

    @cached_property
    def categories(self):
        return list(self._categories)

    @cached_property
    def tools(self):
        return list(self._tools)

    @cached_property
    def years(self):
        return [day.year for day in self.works.dates("release_date", "year", order="DESC")]

    @cached_property
    def category(self):
        slug = self.params.get("category", "")
        return next((c for c in self.categories if c.slug == slug), None)

    @cached_property
    def tool(self):
        value = self.params.get("tool", "")
        return next((t for t in self.tools if str(t.pk) == value), None)

    @cached_property
    def year(self):
        value = self.params.get("year", "")
        if value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR:
            return int(value)
        return None

    def queryset(self):
        works = self.works
        # Match by translation key: a work translated from another language may still point
        # at the other language's category or tool.
        if self.category is not None:
            works = works.filter(categories__translation_key=self.category.translation_key)
        if self.tool is not None:
            works = works.filter(ai_tools__translation_key=self.tool.translation_key)
        if self.year is not None:
            works = works.filter(release_date__year=self.year)
        return works.distinct()

    @property
    def active(self):
        return any(value is not None for value in (self.category, self.tool, self.year))

    def _query(self, **changes):
        values = {
            "category": self.category.slug if self.category else None,
            "year": self.year,
            "tool": self.tool.pk if self.tool else None,
        }
        values.update(changes)
        return urlencode({key: value for key, value in values.items() if value is not None})

    def querystring(self):
        """The active filters, for pagination links."""
        return self._query()

    def links(self):
        """Groups of filter links, each marked when active; the first link clears the filter."""
        return [
            self._group(
                "category",
                [(c.slug, c.name) for c in self.categories],
                self.category.slug if self.category else None,
            ),
            self._group("year", [(y, str(y)) for y in self.years], self.year),
            self._group(
                "tool", [(t.pk, t.name) for t in self.tools], self.tool.pk if self.tool else None
            ),
        ]

    def _group(self, key, options, current):
        items = [{"label": None, "query": self._query(**{key: None}), "active": current is None}]
        items += [
            {"label": label, "query": self._query(**{key: value}), "active": value == current}
            for value, label in options
        ]
        return {"key": key, "items": items}
