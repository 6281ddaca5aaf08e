"""Snippets in the admin as the newsroom reads them.

Wagtail titles a snippet's chooser "Choose" with the model beside it, which German reads as
"Auswählen Galerie"; ours says the whole phrase ("Galerie auswählen") and nothing beside it.
"""

from django.utils.functional import lazy
from django.utils.translation import gettext
from wagtail.snippets.views.chooser import ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet


class NamedChooseView(ChooseView):
    page_subtitle = None  # the title names the model already


class NamedSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = NamedChooseView

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_title = lazy(self._choose_title, str)()

    def _choose_title(self) -> str:
        # Wagtail's own msgid, translated in its catalogs ("%(object)s auswählen").
        return gettext("Choose %(object)s") % {"object": self.model._meta.verbose_name}


class KioskSnippetViewSet(SnippetViewSet):
    """A snippet's admin views, its chooser titled in one phrase."""

    chooser_viewset_class = NamedSnippetChooserViewSet
