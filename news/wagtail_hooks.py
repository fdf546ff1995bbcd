from django.template.loader import render_to_string
from wagtail import hooks

from home.site_structure import children_by_slug, is_public

from .models import NewsIndexPage

HOME_ARTICLES = 3


@hooks.register("register_home_section")
def latest_news(home_page, request):
    """The newest articles of the news index under this home page, with a link to the rest."""
    index = next(
        (
            page
            for page in children_by_slug(home_page).values()
            if isinstance(page, NewsIndexPage) and page.live and is_public(page)
        ),
        None,
    )
    if index is None:
        return None
    articles = list(index.articles()[:HOME_ARTICLES])
    if not articles:
        return None
    html = render_to_string(
        "news/home-latest-news.html",
        {"news_index": index, "articles": articles, "heading_level": 3},
        request=request,
    )
    return (20, html)
