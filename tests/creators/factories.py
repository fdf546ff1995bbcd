"""Factories for the creators app's pages and records."""

import factory
import wagtail_factories

from creators.models import Creator, CreatorPage, CreatorsIndexPage, EntryFormPage


class CreatorsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CreatorsIndexPage

    title = "クリエイター"
    slug = "creators"
    show_in_menus = True


class CreatorPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CreatorPage

    title = factory.Sequence(lambda n: f"クリエイター {n:04d}")
    slug = factory.Sequence(lambda n: f"creator-{n:04d}")


class EntryFormPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EntryFormPage

    title = "クリエイターエントリー"
    slug = "entry"
    intro = "<p>一緒に作品をつくりませんか。</p>"


class CreatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Creator

    name = factory.Sequence(lambda n: f"秘密 太郎{n}")
    stage_name = ""
    email = factory.Sequence(lambda n: f"creator{n}@example.com")
    phone = "090-1234-5678"
    expertise = ["direction", "vfx"]
    expertise_other = ""
    portfolio_url = "https://example.com/portfolio"
    achievements = "短編映画「ひみつの実績」監督"
    language = "ja"
