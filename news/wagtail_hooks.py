from django.template.loader import render_to_string
from wagtail import hooks

from .models import NewsIndexPage

HOME_ARTICLES = 3


@hooks.register("register_home_section")
def latest_news(home_page, request):
    """The newest articles of the news index under this home page, with a link to the rest."""
    index = NewsIndexPage.objects.child_of(home_page).live().public().first()
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
