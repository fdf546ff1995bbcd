"""Demo content: the page of retained personal data (ja, en) and the operator's settings for it."""

from home.models import SiteSettings
from personal_information.models import SLUG, PersonalInformationPage, PersonalInformationSettings

from .helpers import child_page, translation

MEASURES = {
    "organisational": (
        "個人情報保護責任者を置き、取り扱う者と権限を定め、漏えい等の報告連絡体制を整備しています。",
        "A person in charge of personal information is appointed; who may handle which data is "
        "defined; leaks are reported through a fixed chain.",
    ),
    "personal": (
        "従業者に個人情報の取扱いに関する研修を定期的に行い、秘密保持を誓約させています。",
        "Staff are trained regularly in handling personal information and sign a "
        "confidentiality undertaking.",
    ),
    "physical": (
        "個人情報を扱う区域への入退室を管理し、機器・書類の盗難と紛失を防止しています。",
        "Entry to the areas where personal information is handled is controlled; devices and "
        "papers are protected against theft and loss.",
    ),
    "technical": (
        "連絡先は個人情報保護責任者のみが閲覧でき、通信は暗号化し、アクセスは記録しています。",
        "Contact details are visible to the privacy officers only; traffic is encrypted and "
        "every access to export or erase is logged.",
    ),
}
COUNTRIES = [
    {
        "country_ja": "日本",
        "country_en": "Japan",
        "services": ["database", "object_storage", "email", "cdn"],
        "regime_ja": "個人情報の保護に関する法律（個人情報保護法）が適用されます。",
        "regime_en": "The Act on the Protection of Personal Information (APPI) applies.",
    }
]


def load(homes, stdout):
    page = child_page(
        homes["ja"],
        PersonalInformationPage,
        SLUG,
        title="保有個人データに関する事項",
        show_in_menus=False,
    )
    translation(
        page, "en", title="Matters about retained personal data", slug=SLUG, show_in_menus=False
    )
    site = SiteSettings.load()
    if not site.representative_ja:
        site.representative_ja = "代表取締役 山田 太郎（デモ）"
        site.representative_en = "Taro Yamada (demo), Representative Director"
        site.save()
    notice = PersonalInformationSettings.load()
    if not notice.technical_ja:
        for key, (japanese, english) in MEASURES.items():
            setattr(notice, f"{key}_ja", japanese)
            setattr(notice, f"{key}_en", english)
        notice.storage_countries = [("country", country) for country in COUNTRIES]
        notice.save()
    stdout.write("Retained personal data page ready (ja, en).")
