"""The home page's showreel and calls to action, and the footer's links: loaded last, once
every page they point at exists."""

from wagtail.models import Page

from home.models import FooterLink, NavigationSettings

from .helpers import demo_image
from .works import cache_demo_embeds
from .works_data import DEMO_VIDEOS

# The footer's pages, by slug under the Japanese home page, in order.
FOOTER_SLUGS = ["privacy-policy", "privacy-requests", "personal-information", "entry"]
SHOWREEL_TITLE = {"ja": "ALLIN STUDIO ショーリール 2026", "en": "ALLIN STUDIO showreel 2026"}


def load(homes, stdout):
    cache_demo_embeds()
    poster = demo_image("ALLIN STUDIO showreel", "showreel")
    reel_url = next(iter(DEMO_VIDEOS))
    children = {page.slug: page for page in homes["ja"].get_children()}
    for code, home in homes.items():
        home = Page.objects.get(pk=home.pk).specific  # fresh: numchild has grown since
        if home.showreel and home.contact_cta_page_id:
            continue
        home.showreel = [
            ("video", {"video": reel_url, "title": SHOWREEL_TITLE[code], "poster": poster})
        ]
        contact = children.get("contact")
        home.contact_cta_page = contact.get_translation_or_none(home.locale) if contact else None
        home.save_revision().publish()
    navigation = NavigationSettings.load()
    if not navigation.footer_links.exists():
        pages = [children[slug] for slug in FOOTER_SLUGS if slug in children]
        navigation.footer_links = [FooterLink(page=Page.objects.get(pk=p.pk)) for p in pages]
        navigation.save()
    stdout.write("Home showreel, calls to action and footer links ready (ja, en).")
