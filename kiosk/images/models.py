from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class Licence(models.TextChoices):
    AGENCY = "agency", _("Agency licence")
    OWN = "own", _("Own photo (newsroom)")
    PARTNER = "partner", _("Partner content")
    HANDOUT = "handout", _("Handout / press image")
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC0 = "cc0", "CC0"
    PUBLIC_DOMAIN = "public-domain", _("Public domain")


class KioskImage(AbstractImage):
    """An image with what a newsroom must print beside it."""

    # Overrides Wagtail's optional description: a newsroom image without
    # alt text is an accessibility bug, so the upload form requires it.
    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_("Describes the image for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=120,
        blank=True,
        help_text=_("Photographer or agency, printed as “Bild: <credit>”."),
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=Licence.AGENCY)

    admin_form_fields = (
        "title",
        "file",
        "description",
        "caption",
        "credit",
        "licence",
        *(f for f in Image.admin_form_fields if f not in {"title", "file", "description"}),
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self) -> str:
        return self.description or self.title


class KioskRendition(AbstractRendition):
    image = models.ForeignKey(KioskImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
