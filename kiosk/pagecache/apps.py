from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "kiosk.pagecache"
    verbose_name = "Page cache"
