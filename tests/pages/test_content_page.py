"""The general content page: every block renders, is labelled for the Japanese admin, and
the page lives where editors may make it."""

import json

import pytest
from django.utils import translation

from home.blocks import ContentStreamBlock
from home.models import HomePage
from pages.models import CompanyProfilePage, ContentPage
from tests.pages.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "heading", "value": {"text": "報酬の考え方", "level": "h2"}},
    {"type": "text", "value": "<p>作品ごとにお見積りします。</p>"},
    {
        "type": "table",
        "value": {
            "caption": "報酬の目安",
            "rows": [{"label": "AI映像生成", "value": "1カット 3万円から"}],
        },
    },
    {
        "type": "people",
        "value": {"heading": "スタッフ", "people": [{"role": "プロデューサー", "name": "森田 遥"}]},
    },
    {"type": "quote", "value": {"quote": "AIは道具、物語は人。", "attribution": "ALLIN STUDIO"}},
    {
        "type": "call_to_action",
        "value": {
            "text": "ご相談はこちら",
            "button": "お問い合わせ",
            "page": None,
            "url": "https://example.com/contact/",
        },
    },
]


def make_page(site, **kwargs):
    page = ContentPageFactory(parent=site["ja"], locale=site["ja"].locale, **kwargs)
    page.body = json.dumps(BODY)
    page.save_revision().publish()
    return page


def test_every_block_renders_on_the_page(client, site):
    page = make_page(site)
    html = client.get(page.url).content.decode()
    assert '<h2 class="block-heading">報酬の考え方</h2>' in html
    assert "作品ごとにお見積りします。" in html
    assert "<caption>報酬の目安</caption>" in html
    assert '<th scope="row">AI映像生成</th>' in html
    assert "<dt>プロデューサー</dt><dd>森田 遥</dd>" in html
    assert "AIは道具、物語は人。" in html
    assert 'href="https://example.com/contact/">お問い合わせ</a>' in html


def test_every_block_has_a_translated_label_icon_template_and_preview():
    stream = ContentStreamBlock()
    with translation.override("ja"):
        for name, block in stream.child_blocks.items():
            meta = block.meta
            assert meta.icon and meta.icon != "placeholder", name
            assert getattr(meta, "template", None), name
            label = str(block.label)
            assert label and label != name.replace("_", " ").capitalize(), name
            assert not label.isascii(), f"{name}: {label!r} is not translated"
            assert block.get_preview_value() is not None or name in ("image", "gallery"), name


def test_call_to_action_needs_a_page_or_an_address():
    from wagtail.blocks import StructBlockValidationError

    block = ContentStreamBlock().child_blocks["call_to_action"]
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "ご相談", "button": "お問い合わせ"}))


def test_content_page_tree():
    assert ContentPage in HomePage.allowed_subpage_models()
    assert ContentPage in ContentPage.allowed_subpage_models()
    assert CompanyProfilePage.max_count_per_parent == 1
    assert HomePage not in ContentPage.allowed_subpage_models()


def test_a_draft_content_page_is_not_served(client, site):
    page = make_page(site)
    page.unpublish()
    assert client.get(f"/ja/{page.slug}/").status_code == 404
