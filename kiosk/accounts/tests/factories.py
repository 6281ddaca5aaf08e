"""Factories for accounts: any user, and a reader who can log in by e-mail."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from factory.django import DjangoModelFactory

from kiosk.accounts.models import User

PASSWORD = "kiosk-demo"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"leser{n}")
    email = factory.Sequence(lambda n: f"leser{n}@kiosk.example")
    display_name = factory.Sequence(lambda n: f"Leserin {n}")
    date_joined = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):  # noqa: N805
        # set_password only changes the instance; store the hash once.
        if create:
            obj.save(update_fields=["password"])


class ReaderFactory(UserFactory):
    """A reader with a verified, primary e-mail address: able to log in."""

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)
