from django.http import JsonResponse

from .slugs import romanised_slug


def romanised_slug_view(request):
    """The slug the page form would make of a title (the editor's script asks as one types)."""
    return JsonResponse({"slug": romanised_slug(request.GET.get("title", ""))})
