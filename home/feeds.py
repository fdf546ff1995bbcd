"""One way to answer an Atom feed (policy versions, works, news): the studio is the feed's
atom:author, the feed and its entries carry absolute URLs of the address being served."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed


def atom_response(request, *, title, link, feed_path, language, items, description=""):
    """`items`: dicts with title, link (path or absolute), description, pubdate, updateddate."""
    absolute = request.build_absolute_uri
    feed_url = absolute(feed_path)
    feed = Atom1Feed(
        title=title,
        link=absolute(link),
        description=description,
        language=language,
        feed_url=feed_url,
        feed_guid=feed_url,
        author_name=settings.WAGTAIL_SITE_NAME,
        author_link=absolute("/"),
    )
    for item in items:
        url = absolute(item["link"])
        feed.add_item(
            title=item["title"],
            link=url,
            unique_id=url,
            description=item.get("description", ""),
            pubdate=item["pubdate"],
            updateddate=item.get("updateddate") or item["pubdate"],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
