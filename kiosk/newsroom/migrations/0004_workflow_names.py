"""Wagtail's default workflow and its task in the newsroom's German instead of "Moderators approval".

They are data, not translated: the publish menu shows them as they are named. Only names still
Wagtail's own are changed, so a newsroom's own naming stays.
"""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
WORKFLOW = "Freigabe durch die Chefredaktion"
TASK = "Freigabe Chefredaktion"


def rename(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WAGTAIL_NAME).update(name=WORKFLOW)
    apps.get_model("wagtailcore", "Task").objects.filter(name=WAGTAIL_NAME).update(name=TASK)


def rename_back(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).update(name=WAGTAIL_NAME)
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).update(name=WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_comment_moderation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
