import datetime
import json

import factory
import wagtail_factories

from works.models import AITool, WorkCategory, WorkCredit, WorkPage, WorksIndexPage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"still {n}")
    file = factory.django.ImageField(width=320, height=180, color="#203040")


class WorksIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorksIndexPage

    title = "作品"
    slug = "works"
    intro = "ALLIN STUDIOの制作実績です。"


class WorkPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkPage

    title = factory.Sequence(lambda n: f"作品 {n}")
    slug = factory.Sequence(lambda n: f"work-{n}")
    summary = "AIと実写で描く、都会の夜の物語。"
    release_date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(n))
    runtime_minutes = 12
    body = "[]"


class WorkCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkCategory
        django_get_or_create = ("slug", "locale")

    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").title())
    slug = "short-film"


class AIToolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AITool

    name = factory.Sequence(lambda n: f"Tool {n}")


class WorkCreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkCredit

    role = "director"
    organisation = ""


def stream(*blocks):
    """Stream JSON from (type, value) pairs."""
    return json.dumps(
        [{"type": kind, "value": value} for kind, value in blocks], ensure_ascii=False
    )


def image_value(image, alt="場面写真"):
    return {"image": image.pk, "decorative": False, "alt_text": alt}
