"""The bench floor: the article's HTML from a plain template, no database."""

from django.http import HttpResponse
from django.template import RequestContext, Template
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

_template: Template | None = None


def set_html(html: str) -> None:
    global _template
    _template = Template("{% verbatim %}" + html + "{% endverbatim %}")


def floor(request):
    return HttpResponse(_template.render(RequestContext(request, {})))


urlpatterns = [path("bench-floor/", floor), *site_urlpatterns]
