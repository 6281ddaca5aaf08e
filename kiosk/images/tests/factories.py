import factory
from factory.django import DjangoModelFactory

from kiosk.images.models import KioskImage


class KioskImageFactory(DjangoModelFactory):
    class Meta:
        model = KioskImage

    title = factory.Sequence(lambda n: f"Bild {n}")
    description = factory.Faker("sentence", locale="de_CH")
    caption = factory.Faker("sentence", locale="de_CH")
    credit = "Kiosk-Archiv"
    file = factory.django.ImageField(width=1600, height=1000, color="steelblue", format="JPEG")
