"""Data migrations of news: what was there before is there after."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("news", "0003_comment_moderation")]
AFTER = [("news", "0004_author_pages_bylines_content_pages")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_authors_get_unique_slugs_and_articles_keep_their_authors_as_bylines():
    apps = migrate(BEFORE)
    try:
        ContentType = apps.get_model("contenttypes", "ContentType")
        Locale = apps.get_model("wagtailcore", "Locale")
        Page = apps.get_model("wagtailcore", "Page")
        ArticlePage = apps.get_model("news", "ArticlePage")
        Author = apps.get_model("news", "Author")
        locale = Locale.objects.get_or_create(language_code="de-ch")[0]
        article_type = ContentType.objects.get_or_create(app_label="news", model="articlepage")[0]
        root = Page.objects.filter(depth=1).first() or Page.objects.create(
            title="Root",
            slug="root",
            path="0001",
            depth=1,
            numchild=0,
            url_path="/",
            locale=locale,
            content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0],
        )

        def article(n):
            return ArticlePage.objects.create(
                title=f"Artikel {n}",
                slug=f"artikel-{n}",
                path=f"{root.path}{9000 + n:04d}",
                depth=root.depth + 1,
                numchild=0,
                url_path=f"/artikel-{n}/",
                locale=locale,
                content_type=article_type,
                lead="Lead.",
            )

        zoe, anna, anna_too, nobody = (
            Author.objects.create(name="Zoë Grüter"),
            Author.objects.create(name="Anna Muster"),
            Author.objects.create(name="Anna Muster"),
            Author.objects.create(name="«»"),
        )
        first, second, alone = article(1), article(2), article(3)
        # The many-to-many's own rows, in the order they were added.
        link_model = ArticlePage.authors.through
        for page, authors in ((first, [zoe, anna]), (second, [anna_too, zoe, anna])):
            link_model.objects.bulk_create(
                link_model(articlepage_id=page.pk, author_id=a.pk) for a in authors
            )
        ids = {"zoe": zoe.pk, "anna": anna.pk, "anna_too": anna_too.pk, "nobody": nobody.pk}
        articles = {"first": first.pk, "second": second.pk, "alone": alone.pk}

        apps = migrate(AFTER)

        Author = apps.get_model("news", "Author")
        ArticleAuthor = apps.get_model("news", "ArticleAuthor")
        slugs = dict(Author.objects.values_list("pk", "slug"))
        assert slugs[ids["zoe"]] == "zoe-grueter"
        assert {slugs[ids["anna"]], slugs[ids["anna_too"]]} == {"anna-muster", "anna-muster-2"}
        assert slugs[ids["anna"]] == "anna-muster"  # the older one keeps the plain name
        assert slugs[ids["nobody"]] == "autor"

        def byline(key):
            rows = ArticleAuthor.objects.filter(article_id=articles[key]).order_by("sort_order")
            return list(rows.values_list("author_id", flat=True))

        # Every author kept, in the order readers saw them: by name.
        assert byline("first") == [ids["anna"], ids["zoe"]]
        assert byline("second") == [ids["anna"], ids["anna_too"], ids["zoe"]]
        assert byline("alone") == []
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
