"""Names stored before Kiosk cleaned them may carry control characters or direction overrides."""

from django.db import migrations


def clean_names(apps, schema_editor):
    from kiosk.security.reader_text import clean

    User = apps.get_model("accounts", "User")
    for user in User.objects.exclude(display_name="").only("pk", "display_name").iterator():
        cleaned = clean(user.display_name, multiline=False)
        if cleaned != user.display_name:
            User.objects.filter(pk=user.pk).update(display_name=cleaned)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_user_avatar_user_comment_notifications")]

    operations = [migrations.RunPython(clean_names, migrations.RunPython.noop)]
