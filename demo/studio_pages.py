"""The studio's own pages: company profile, contact, and terms for creators, in both languages,
and the company facts in the site settings that the profile and the structured data read."""

import datetime
import json

from contact.models import ContactPage
from home.models import SiteSettings
from pages.models import CompanyProfilePage, ContentPage

from .helpers import child_page, translation

BUSINESS_JA = (
    "映像制作(CM、ミュージックビデオ、ショートフィルム、シリーズ)\n"
    "生成AIを用いた映像・美術の制作\nクリエイターのプロデュース"
)
BUSINESS_EN = (
    "Film production (commercials, music videos, short films, series)\n"
    "Imagery and art direction with generative AI\nProducing creators"
)


def terms_body(ja):
    rows = (
        [
            ("報酬", "案件ごとに、作業範囲と日数からお見積りし、着手前に書面で合意します。"),
            (
                "AI生成物の権利",
                "納品物の著作権の扱いは契約で定めます。学習への無断利用はしません。",
            ),
            ("クレジット", "ご本人の同意がある場合に限り、お名前を作品ページに掲載します。"),
        ]
        if ja
        else [
            ("Fees", "Quoted per project from the scope and days, agreed in writing before work."),
            ("Rights in AI output", "Set out in the contract; never used for training unasked."),
            ("Credits", "Your name appears on a work's page only with your consent."),
        ]
    )
    return json.dumps(
        [
            {"type": "heading", "value": {"text": "条件" if ja else "Terms", "level": "h2"}},
            {
                "type": "table",
                "value": {"caption": "", "rows": [{"label": k, "value": v} for k, v in rows]},
            },
        ]
    )


def load(homes, stdout):
    settings = SiteSettings.load()
    if not settings.representative_ja:
        settings.representative_ja = "代表取締役 大野 拓也"
        settings.representative_en = "Takuya Ohno, Representative Director"
        settings.founded = datetime.date(2016, 4, 1)
        settings.business_ja = BUSINESS_JA
        settings.business_en = BUSINESS_EN
        settings.phone = "03-6450-0000"
        settings.save()
    about = child_page(
        homes["ja"],
        CompanyProfilePage,
        "about",
        title="会社概要",
        intro="ALLIN STUDIOは、株式会社ALL INの映像制作ブランドです。",
        show_in_menus=True,
    )
    translation(
        about,
        "en",
        title="About",
        intro="ALLIN STUDIO is the film production brand of ALL IN CO.,LTD.",
    )
    terms = child_page(
        about,
        ContentPage,
        "creator-terms",
        title="クリエイター募集要項",
        intro="報酬、AI生成物の権利、クレジットの方針について。",
        body=terms_body(True),
    )
    translation(
        terms,
        "en",
        title="Terms for creators",
        intro="Fees, rights in AI output and how we credit you.",
        body=terms_body(False),
    )
    contact = child_page(
        homes["ja"],
        ContactPage,
        "contact",
        title="お問い合わせ",
        intro="<p>CM、ミュージックビデオ、ショートフィルムなど、映像制作のご相談をお待ちしています。</p>",
        show_in_menus=True,
    )
    translation(
        contact,
        "en",
        title="Contact",
        intro="<p>Commercials, music videos, short films: tell us about your project.</p>",
    )
    stdout.write("Studio pages ready: about, contact, terms for creators (ja, en).")
