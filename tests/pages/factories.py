import wagtail_factories
from wagtail_factories.blocks import StreamBlockFactory

from pages.models import CompanyProfilePage, ContentPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = "クリエイター募集要項"
    slug = "terms"
    intro = "報酬、AI生成物の権利、クレジットの方針。"

    class Meta:
        model = ContentPage


class CompanyProfilePageFactory(wagtail_factories.PageFactory):
    title = "会社概要"
    slug = "about"

    class Meta:
        model = CompanyProfilePage


__all__ = ["ContentPageFactory", "CompanyProfilePageFactory", "StreamBlockFactory"]
