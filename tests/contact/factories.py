import wagtail_factories

from contact.models import ContactPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "お問い合わせ"
    slug = "contact"
    intro = "<p>映像制作のご相談をお待ちしています。</p>"

    class Meta:
        model = ContactPage
