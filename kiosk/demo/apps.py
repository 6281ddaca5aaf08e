from django.apps import AppConfig
from django.core import checks


class DemoConfig(AppConfig):
    name = "kiosk.demo"
    label = "demo"
    verbose_name = "Demo newsroom"

    def ready(self) -> None:
        from .checks import demo_installed_in_production

        checks.register(demo_installed_in_production, checks.Tags.security, deploy=True)
