"""Author slugs, bylines in the editor's order, and plain content pages.

Every author gets a slug made from the name (Swiss transliteration, numbered
from -2 where taken). Every article keeps its authors, in the order readers saw
them until now (the authors' names, alphabetically: the old many-to-many had no
order of its own), as bylines the editor can reorder.
"""

import django.db.models.deletion
import kiosk.news.models
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from kiosk.newsroom.slugs import swiss_slug, unique_slug

AUTHOR_SLUG_LENGTH = 120


def fill_author_slugs(apps, schema_editor):
    Author = apps.get_model("news", "Author")
    taken: set[str] = set()
    for author in Author.objects.order_by("pk").only("pk", "name"):
        slug = unique_slug(
            swiss_slug(author.name, max_length=AUTHOR_SLUG_LENGTH) or "autor", taken=taken.__contains__
        )
        taken.add(slug)
        Author.objects.filter(pk=author.pk).update(slug=slug)


def authors_to_bylines(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    ArticleAuthor = apps.get_model("news", "ArticleAuthor")
    links = ArticlePage.authors.through.objects.order_by("articlepage_id", "author__name", "author_id")
    bylines, position = [], {}
    for article_id, author_id in links.values_list("articlepage_id", "author_id"):
        sort_order = position[article_id] = position.get(article_id, -1) + 1
        bylines.append(ArticleAuthor(article_id=article_id, author_id=author_id, sort_order=sort_order))
    ArticleAuthor.objects.bulk_create(bylines, batch_size=1000)


def bylines_to_authors(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    ArticleAuthor = apps.get_model("news", "ArticleAuthor")
    Link = ArticlePage.authors.through
    Link.objects.bulk_create(
        [
            Link(articlepage_id=article_id, author_id=author_id)
            for article_id, author_id in ArticleAuthor.objects.values_list("article_id", "author_id")
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_comment_moderation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="author",
            name="slug",
            field=models.SlugField(blank=True, db_index=False, default="", max_length=130, verbose_name="slug"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_author_slugs, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="author",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="The author page's address, /autoren/<slug>/. Made from the name when left empty.",
                max_length=130,
                unique=True,
                verbose_name="slug",
            ),
        ),
        migrations.CreateModel(
            name="ArticleAuthor",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "article",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bylines",
                        to="news.articlepage",
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="bylines",
                        to="news.author",
                        verbose_name="author",
                    ),
                ),
            ],
            options={
                "verbose_name": "byline",
                "verbose_name_plural": "bylines",
                "ordering": ["sort_order"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("article", "author"), name="news_byline_author_once_per_article"
                    )
                ],
            },
        ),
        migrations.RunPython(authors_to_bylines, bylines_to_authors, elidable=False),
        migrations.RemoveField(
            model_name="articlepage",
            name="authors",
        ),
        migrations.CreateModel(
            name="ContentPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "lead",
                    models.TextField(
                        blank=True,
                        help_text="Optional: a sentence or two above the text.",
                        verbose_name="lead",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [("paragraph", 0), ("subheading", 1), ("image", 5)],
                        blank=True,
                        block_lookup={
                            0: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": [
                                        "bold",
                                        "italic",
                                        "link",
                                        "ol",
                                        "ul",
                                        "superscript",
                                        "subscript",
                                    ],
                                    "label": "Paragraph",
                                    "template": "news/blocks/paragraph.html",
                                },
                            ),
                            1: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "icon": "title",
                                    "label": "Subheading",
                                    "template": "news/blocks/subheading.html",
                                },
                            ),
                            2: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "image"}),
                            3: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty for the image's own caption.",
                                    "label": "caption",
                                    "required": False,
                                },
                            ),
                            4: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty for the image's own credit.",
                                    "label": "credit",
                                    "required": False,
                                },
                            ),
                            5: (
                                "wagtail.blocks.StructBlock",
                                [[("image", 2), ("caption", 3), ("credit", 4)]],
                                {},
                            ),
                        },
                        verbose_name="body",
                    ),
                ),
                (
                    "show_in_footer",
                    models.BooleanField(
                        default=False,
                        help_text="Linked at the foot of every page, in the order of the pages below the front page.",
                        verbose_name="link in the footer",
                    ),
                ),
            ],
            options={
                "verbose_name": "page",
                "verbose_name_plural": "pages",
            },
            bases=(kiosk.news.models.SwissSlugMixin, kiosk.news.models.PublicUrlMixin, "wagtailcore.page"),
        ),
    ]
