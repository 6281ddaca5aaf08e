from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kiosk.accounts import views as account_views
from kiosk.api import api
from kiosk.donations import views as donation_views
from kiosk.news import views as news_views

urlpatterns = [
    # Before Wagtail's own: its login form no longer takes passwords (allauth's login does).
    path("admin/login/", account_views.admin_login, name="admin-login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", news_views.cacheable_view(sitemap), name="sitemap"),
    path("sitemap-news.xml", news_views.news_sitemap, name="news-sitemap"),
    path("robots.txt", news_views.robots_txt, name="robots-txt"),
    path("", include("kiosk.security.urls")),
]

if settings.KIOSK_SERVE_MEDIA:
    from django.urls import re_path
    from django.views.decorators.cache import cache_control
    from django.views.static import serve

    # Uploads keep their names while they exist (renditions are named by their filter): an hour in
    # the browser spares each page view its images. Behind nginx, nginx serves media itself.
    media = cache_control(public=True, max_age=3600)(serve)
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", media, {"document_root": settings.MEDIA_ROOT}, name="media")
    )

urlpatterns.append(path("api/", api.urls))
# The payment provider's events, outside the language prefixes: one address for its dashboard.
urlpatterns.append(path("zahlungen/stripe/", donation_views.stripe_webhook, name="stripe-webhook"))
if settings.KIOSK_STRIPE_STAND_IN:
    # Without Stripe keys: the local test payment page and the API it answers (kiosk.donations.stand_in).
    urlpatterns.append(path("testzahlung/", include("kiosk.donations.stand_in")))

# Reader pages: German without a prefix, /en/ and /fr/ for the other locales.
urlpatterns += i18n_patterns(
    path("konto/", include("allauth.urls")),
    path("leser/", include("kiosk.accounts.urls")),
    path("kommentare/", include("kiosk.comments.urls")),
    path("unterstuetzen/", include("kiosk.donations.urls")),
    path("suche/", include("kiosk.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "kiosk.security.errors.bad_request"
