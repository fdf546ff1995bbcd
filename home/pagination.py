from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def page_or_404(items, number, per_page):
    """The requested page of `items`. A number past the last page, or not a number, is a 404
    (not a copy of the last page), so no endless duplicate pages reach search engines."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(number or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
