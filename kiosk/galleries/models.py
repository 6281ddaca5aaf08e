from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index


class GalleryQuerySet(models.QuerySet):
    def with_images(self):
        """Galleries with their images (and the images' files) in two queries."""
        return self.prefetch_related(
            models.Prefetch(
                "items",
                queryset=GalleryImage.objects.select_related("image").order_by("sort_order"),
            )
        )


class Gallery(index.Indexed, ClusterableModel):
    """A photo series that any article can embed."""

    title = models.CharField(_("title"), max_length=255)
    credit_line = models.CharField(
        _("shared credit line"),
        max_length=255,
        blank=True,
        help_text=_("Printed once under the gallery, e.g. “Alle Bilder: Keystone”."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GalleryQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("credit_line"),
        InlinePanel("items", label=_("Images"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def slides(self) -> list["GalleryImage"]:
        return list(self.items.all())


class GalleryImage(Orderable):
    gallery = ParentalKey(Gallery, on_delete=models.CASCADE, related_name="items")
    image = models.ForeignKey(
        "images.KioskImage", on_delete=models.PROTECT, related_name="+", verbose_name=_("image")
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty to use the image's own caption."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=120,
        blank=True,
        help_text=_("Only when it differs from the shared credit line."),
    )

    panels = [FieldPanel("image"), FieldPanel("title"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    @property
    def display_caption(self) -> str:
        return self.caption or self.image.caption

    @property
    def display_credit(self) -> str:
        """The slide's own credit, unless the shared credit line covers it."""
        if self.credit:
            return self.credit
        return "" if self.gallery.credit_line else self.image.credit
