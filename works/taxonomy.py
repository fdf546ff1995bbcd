"""Categories and AI tools in a language: the one place that decides it.

Both are translatable snippets: each language has its own row of an item, the rows joined by
`translation_key`. wagtail-localize copies a translated work's many-to-many choices as they are,
in the source language, so a work may point at another language's row until it is saved."""


def offered(queryset, locale):
    """The items that a page or form in `locale` offers: that language's own rows. An English
    work ticked with a Japanese category would show Japanese on the English site."""
    return queryset.filter(locale_id=getattr(locale, "pk", locale))


def in_locale(items, locale):
    """`items` as `locale` has them: each becomes its translation there, or stays as it is
    where none exists yet. Returns `items` itself when nothing needed translating."""
    locale_id = getattr(locale, "pk", locale)
    foreign = {item.translation_key for item in items if item.locale_id != locale_id}
    if not foreign:
        return items
    translations = {
        item.translation_key: item
        for item in type(items[0]).objects.filter(translation_key__in=foreign, locale_id=locale_id)
    }
    return [translations.get(item.translation_key, item) for item in items]
