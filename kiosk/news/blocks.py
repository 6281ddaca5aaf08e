"""StreamField blocks of an article body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

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


class PrivacyEmbedBlock(EmbedBlock):
    """An embed that loads nothing from the provider until the reader asks."""

    class Meta:
        icon = "media"
        template = "news/blocks/embed.html"
        label = _("Embed")


class GalleryBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("galleries.Gallery", **kwargs)

    def bulk_to_python(self, values):
        from kiosk.galleries.models import Gallery

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
