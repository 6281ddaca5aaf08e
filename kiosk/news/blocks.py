"""StreamField blocks of an article body."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from kiosk.galleries.models import Gallery

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(
        required=False, label=_("caption"), help_text=_("Leave empty for the image's own caption.")
    )
    credit = blocks.CharBlock(
        required=False, label=_("credit"), help_text=_("Leave empty for the image's own credit.")
    )

    class Meta:
        icon = "image"
        template = "news/blocks/image.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, label=_("attribution"))

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"
        label = _("Quote")


class _EmbedMarkup(HTMLParser):
    """The <iframe>s in a provider's embed code, and whether it would load anything else."""

    LOADS = {"script", "object", "embed", "img", "link", "style", "video", "audio", "source", "form"}

    def __init__(self):
        super().__init__()
        self.frames: list[dict[str, str | None]] = []
        self.loads_more = False

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.frames.append(dict(attrs))
        elif tag in self.LOADS:
            self.loads_more = True


def _origin(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme != "https" or not parts.hostname:
        return None
    return f"https://{parts.hostname}" + (f":{port}" if port else "")


def _dimension(value: str | None) -> str:
    return value if value and value.isdigit() and len(value) <= 4 else ""


def embed_player(html: str) -> str:
    """The provider's player as one bare <iframe>, if the Content-Security-Policy lets us frame its host.

    Only a player in a frame works under the policy: a provider's scripts,
    images and styles would be blocked (and would run in our pages), so such
    an embed, or a player from a host not in KIOSK_EMBED_FRAME_SOURCES, gives
    "" and the reader gets the link to the source instead. The frame is
    rebuilt from its address, size and title alone: no inline style, and
    only the permissions a player needs.
    """
    markup = _EmbedMarkup()
    markup.feed(html or "")
    markup.close()
    if markup.loads_more or len(markup.frames) != 1:
        return ""
    frame = markup.frames[0]
    src = frame.get("src") or ""
    if _origin(src) not in settings.KIOSK_EMBED_FRAME_SOURCES:
        return ""
    return format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" allow="fullscreen; picture-in-picture; encrypted-media"'
        ' allowfullscreen referrerpolicy="strict-origin-when-cross-origin" loading="lazy"></iframe>',
        src,
        _dimension(frame.get("width")),
        _dimension(frame.get("height")),
        frame.get("title") or "",
    )


class PrivacyEmbedBlock(EmbedBlock):
    """An embed that loads nothing from the provider until the reader asks."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["player"] = embed_player(value.html) if value else ""
        return context

    class Meta:
        icon = "media"
        template = "news/blocks/embed.html"
        label = _("Embed")


class GalleryBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("galleries.Gallery", **kwargs)

    def bulk_to_python(self, values):
        galleries = Gallery.objects.with_images().in_bulk([v for v in values if v])
        return [galleries.get(v) for v in values]

    class Meta:
        icon = "image"
        template = "news/blocks/gallery.html"
        label = _("Gallery")


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Paragraph"), template="news/blocks/paragraph.html"
    )
    subheading = blocks.CharBlock(label=_("Subheading"), icon="title", template="news/blocks/subheading.html")
    image = ImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    embed = PrivacyEmbedBlock()


class ContentBodyBlock(blocks.StreamBlock):
    """A plain page's text: an imprint or a privacy policy needs headings, lists and links, seldom more."""

    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Paragraph"), template="news/blocks/paragraph.html"
    )
    subheading = blocks.CharBlock(label=_("Subheading"), icon="title", template="news/blocks/subheading.html")
    image = ImageBlock()
