"""Load demo content in Japanese and English. Safe to run any number of times.

The demo lives in this app, which production settings do not install: each module of the
package loads one app's demo content, in the order below (later ones build on earlier ones).
"""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page, Site

from demo import (
    creators,
    navigation,
    news,
    personal_information,
    policy,
    privacy_requests,
    studio_pages,
    works,
)
from demo.helpers import demo_image, locale, translation
from home.models import HomePage, SiteSettings
from policy.permissions import LEGAL_APPROVERS

DEMO_USERNAME = "admin"
DEMO_PUBLISHER = "demo-legal"  # posts the demo policy when there is no demo admin
DEBUG_PASSWORD = "allin-demo-2026"  # noqa: S105 (printed in the README: development only)


class Command(BaseCommand):
    help = "Load idempotent demo content (both languages) and a demo superuser."

    def add_arguments(self, parser):
        parser.add_argument("--works", type=int, default=0, help="Also build N extra works.")
        parser.add_argument(
            "--post-amendment",
            action="store_true",
            help="Also post the policy amendment (approved by Legal): a version to compare with.",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT", "8000")),
            help="The port `make run` serves on: canonical links, the sitemap and emails use it.",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        self.port = options["port"]
        homes = self.load_home()
        SiteSettings.load()
        # Content that only a Legal approver may publish (the policy) is posted by the superuser.
        publisher = self.create_superuser()
        policy.load(homes, self.stdout, publisher, amend=options["post_amendment"])
        works.load(homes, self.stdout, works=options["works"])
        creators.load(homes, self.stdout)
        # Works credit people through their creator profiles, so once the creators exist.
        works.load_credits(self.stdout)
        privacy_requests.load(homes, self.stdout)
        personal_information.load(homes, self.stdout)
        studio_pages.load(homes, self.stdout)
        news.load(homes, self.stdout)
        navigation.load(homes, self.stdout)
        root = Site.objects.get(is_default_site=True).root_url
        self.stdout.write(f"Site: {root}/ja/ and {root}/en/  (admin: {root}/admin/)")

    def load_home(self):
        japanese, english = locale("ja"), locale("en")
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.filter(locale=japanese).first()
        if home is None:
            root = Page.objects.get(depth=1)
            home = HomePage(
                title="ホーム",
                slug="home-ja",
                locale=japanese,
                hero_title="AIと、映画の手ざわりを。",
                hero_lead="ALLIN STUDIOは、生成AIと熟練の映像制作を組み合わせる、渋谷の映像制作ブランドです。",
                hero_image=demo_image("ALLIN STUDIO hero", "hero", letterbox=False),
                statement_heading="スタジオについて",
                statement="<p>企画から撮影、AIによる映像生成、編集、音響まで。人の感性とAIの速さで、"
                "CM、ミュージックビデオ、ショートフィルムを制作します。</p>",
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.remove_wagtail_welcome_page(keep=home)
        # The address `make run` serves, so that every absolute link the site makes (canonical,
        # hreflang, sitemap, og:url, JSON-LD, receipts) points at it.
        address = {"hostname": "127.0.0.1", "port": self.port, "root_page": home}
        address["site_name"] = "ALLIN STUDIO"
        if site is None:
            site = Site.objects.create(is_default_site=True, **address)
        elif any(getattr(site, name) != value for name, value in address.items()):
            for name, value in address.items():
                setattr(site, name, value)
            site.save()
        english_home = translation(
            home,
            english.language_code,
            title="Home",
            slug="home-en",
            hero_title="AI, with the touch of cinema.",
            hero_lead="ALLIN STUDIO is a Shibuya film production brand that pairs generative AI "
            "with seasoned filmmaking craft.",
            statement_heading="About the studio",
            statement="<p>From planning and shooting to AI-generated imagery, editing and sound: "
            "commercials, music videos and short films made with human taste and AI speed.</p>",
        )
        self.stdout.write("Home pages ready (ja, en).")
        return {"ja": home, "en": english_home}

    def remove_wagtail_welcome_page(self, keep):
        Page.objects.filter(depth=2, content_type__model="page").exclude(pk=keep.pk).delete()

    def create_superuser(self):
        """The demo admin, who also posts the policy versions. Its password is in the README, so
        with DEBUG off (a staging or audit host, a test run) it is created only with a password
        of the host's own (DEMO_ADMIN_PASSWORD); otherwise the versions are posted by a Legal
        approver that cannot log in."""
        User = get_user_model()
        user = User.objects.filter(username=DEMO_USERNAME).first()
        if user is not None:
            self.stdout.write(f"Demo admin exists: user '{DEMO_USERNAME}' (password unchanged).")
            return user
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "")
        if not password and settings.DEBUG:
            password = DEBUG_PASSWORD
        if not password:
            self.stdout.write(
                "No demo admin created: DEBUG is off and DEMO_ADMIN_PASSWORD is not set. "
                "Create staff accounts with `manage.py createsuperuser`."
            )
            return self.demo_publisher()
        user = User.objects.create_superuser(DEMO_USERNAME, "admin@example.com", password)
        self.stdout.write(
            f"Demo admin: http://127.0.0.1:{self.port}/admin/  user '{DEMO_USERNAME}'  "
            f"password '{password}'"
        )
        return user

    def demo_publisher(self):

        user, created = get_user_model().objects.get_or_create(
            username=DEMO_PUBLISHER, defaults={"email": "legal@example.com"}
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(Group.objects.get_or_create(name=LEGAL_APPROVERS)[0])
        return user
