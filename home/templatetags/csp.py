"""`{% csp_nonce %}`: the nonce of the admin response being rendered, for the inline scripts the
admin's content security policy allows (home.security). Form widgets render without the request,
so the nonce is read from the context variable the middleware sets for each request."""

from django import template

from home.security import current_nonce

register = template.Library()


@register.simple_tag(takes_context=True)
def csp_nonce(context):
    # django-csp's nonce is lazy and falsy until read: compare with None, then read it (reading
    # it is what puts it in the response's header).
    request = context.get("request")
    nonce = getattr(request, "csp_nonce", None) if request is not None else None
    if nonce is None:
        nonce = current_nonce.get()
    return "" if nonce is None else str(nonce)
