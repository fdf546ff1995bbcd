import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "ホーム"
    hero_title = "AIと、映画の手ざわりを。"

    class Meta:
        model = HomePage
