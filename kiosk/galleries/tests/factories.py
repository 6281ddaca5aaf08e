import factory
from factory.django import DjangoModelFactory

from kiosk.galleries.models import Gallery, GalleryImage
from kiosk.images.tests.factories import KioskImageFactory


class GalleryFactory(DjangoModelFactory):
    class Meta:
        model = Gallery
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Bildstrecke {n}")
    credit_line = "Alle Bilder: Kiosk-Archiv"

    @factory.post_generation
    def images(self, create, extracted, **kwargs):
        count = extracted if isinstance(extracted, int) else 3
        for i in range(count):
            GalleryImage.objects.create(
                gallery=self, image=KioskImageFactory(), title=f"Bild {i + 1}", sort_order=i
            )
