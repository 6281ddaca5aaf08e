from django.contrib.auth.context_processors import PermWrapper
from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject

from kiosk.pagecache.http import logged_in_reader


def auth(request):
    """Django's ``user`` and ``perms`` for templates, anonymous without a session cookie."""
    user = SimpleLazyObject(lambda: logged_in_reader(request) or AnonymousUser())
    return {"user": user, "perms": SimpleLazyObject(lambda: PermWrapper(user))}
