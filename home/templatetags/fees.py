from django import template

from home.personal_data import disclosure_fee_yen

register = template.Library()


@register.simple_tag
def disclosure_fee():
    """Article 5's fee as people write it ("1,000"), from the one setting that decides it."""
    return f"{disclosure_fee_yen():,}"
