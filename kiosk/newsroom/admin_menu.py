"""Admin menu entries that only some staff see."""

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """An entry shown to whoever has ``permission`` (``app_label.codename``)."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
