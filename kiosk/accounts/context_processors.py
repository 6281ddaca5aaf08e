from django.conf import settings
from django.contrib.auth.context_processors import PermWrapper
from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject


def logged_in_reader(request):
    """The logged-in user, or None, read without touching the session when there is no session cookie.

    Touching it would add ``Vary: Cookie`` to pages that the page cache
    shares among all anonymous readers.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def auth(request):
    """Django's ``user`` and ``perms`` for templates, anonymous without a session cookie."""
    user = SimpleLazyObject(lambda: logged_in_reader(request) or AnonymousUser())
    return {"user": user, "perms": SimpleLazyObject(lambda: PermWrapper(user))}
