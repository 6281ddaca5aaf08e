"""What belongs to the demo newsroom, found by the marks it leaves, and what does not.

``load_demo --reset`` deletes only rows these reads find: the demo's front page
(a ``HomePage`` at the top of the tree with the demo's slug) and what hangs
from it, the pictures in the demo's collection, the partners and authors it
names, and the accounts at its reserved ``.example`` addresses (RFC 2606:
no real mailbox can have them).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Collection, Page

from kiosk.comments.models import Comment
from kiosk.galleries.models import Gallery
from kiosk.images.models import KioskImage
from kiosk.news.models import Author, HomePage, Partner

from . import content, debate, desk, donations

HOME_SLUG = "kiosk"
LURKERS = 60  # readers who only like


def demo_home() -> HomePage | None:
    return HomePage.objects.filter(depth=2, slug=HOME_SLUG).first()


def demo_usernames() -> list[str]:
    """Every account the demo creates, by username."""
    return [
        content.EDITOR_USERNAME,
        debate.MODERATOR_USERNAME,
        desk.NIGHT_MODERATOR_USERNAME,
        donations.FINANCE_USERNAME,
        *(f"leser-{reader.key}" for reader in debate.READERS),
        *(lurker_username(n) for n in range(1, LURKERS + 1)),
    ]


def lurker_username(n: int) -> str:
    return f"leser-{n:02d}"


def demo_users() -> QuerySet:
    """The demo's accounts: its editor and moderator by name and address, its readers by their domain."""
    return get_user_model().objects.filter(
        Q(email__iendswith=f"@{debate.READER_DOMAIN}")
        | Q(username=content.EDITOR_USERNAME, email=content.EDITOR_EMAIL)
        | Q(username=debate.MODERATOR_USERNAME, email=debate.MODERATOR_EMAIL)
        | Q(username=desk.NIGHT_MODERATOR_USERNAME, email=desk.NIGHT_MODERATOR_EMAIL)
        | Q(username=donations.FINANCE_USERNAME, email=donations.FINANCE_EMAIL)
    )


def conflicts() -> list[str]:
    """Names the demo needs that someone else's rows already carry: the demo takes over no one."""
    taken = list(
        get_user_model()
        .objects.filter(username__in=demo_usernames())
        .exclude(pk__in=demo_users().values("pk"))
        .values_list("username", flat=True)
    )
    lines = [f"the account «{username}» is not the demo's" for username in taken]
    partners = Partner.objects.filter(name__in=[p.name for p in content.PARTNERS.values()]).exclude(
        pk__in=demo_partners().values("pk")
    )
    lines += [f"the partner «{name}» is not the demo's" for name in partners.values_list("name", flat=True)]
    return lines


def demo_images() -> QuerySet[KioskImage]:
    return KioskImage.objects.filter(collection__name=content.COLLECTION)


def demo_collection() -> Collection | None:
    return Collection.objects.filter(name=content.COLLECTION).first()


def demo_galleries() -> QuerySet[Gallery]:
    return Gallery.objects.filter(
        title__in=[g.title for g in content.GALLERIES.values()], items__image__in=demo_images()
    ).distinct()


def demo_partners() -> QuerySet[Partner]:
    return Partner.objects.filter(
        name__in=[p.name for p in content.PARTNERS.values()],
        url__in=[p.url for p in content.PARTNERS.values()],
    )


def demo_authors() -> QuerySet[Author]:
    return Author.objects.filter(
        name__in=[a.name for a in content.AUTHORS.values()],
        email__in=[a.email for a in content.AUTHORS.values()],
    )


def demo_page_paths() -> set[str]:
    """The url_path of every page the demo creates: its front page, sections, articles and own pages."""
    root = f"/{HOME_SLUG}/"
    paths = {root}

    def sections(specs, prefix: str) -> None:
        for spec in specs:
            paths.add(f"{prefix}{spec.slug}/")
            sections(spec.children, f"{prefix}{spec.slug}/")

    sections(content.SECTIONS, root)
    paths.update(f"{root}{article.section}/{article.slug}/" for article in content.ARTICLES)
    paths.update(f"{root}{page.slug}/" for page in content.PAGES)
    return paths


def _welcome_page() -> Q:
    # Wagtail's "Welcome to your new Wagtail site!": a plain Page, alone at the top of a new tree.
    return Q(depth=2, numchild=0, content_type=ContentType.objects.get_for_model(Page))


@dataclass(frozen=True)
class OtherContent:
    """What the database holds beyond the demo, in a newsroom's words."""

    newsroom_pages: int  # pages outside the demo's front page: a newsroom of its own
    pages_in_demo: int  # pages editors added below the demo's front page
    comments_in_demo: int  # comments on demo articles by accounts that are not the demo's

    def __bool__(self) -> bool:
        return bool(self.newsroom_pages or self.pages_in_demo or self.comments_in_demo)

    def lines(self) -> list[str]:
        lines = []
        if self.newsroom_pages:
            lines.append(
                f"{self.newsroom_pages} page(s) outside the demo's front page (a newsroom of its own)"
            )
        if self.pages_in_demo:
            lines.append(
                f"{self.pages_in_demo} page(s) below the demo's front page that the demo did not create"
            )
        if self.comments_in_demo:
            lines.append(
                f"{self.comments_in_demo} comment(s) on demo articles by accounts that are not the demo's"
            )
        return lines


def other_content() -> OtherContent:
    home = demo_home()
    pages = Page.objects.filter(depth__gte=2).exclude(_welcome_page())
    if home is None:
        return OtherContent(newsroom_pages=pages.count(), pages_in_demo=0, comments_in_demo=0)
    tree = Page.objects.descendant_of(home, inclusive=True)
    return OtherContent(
        newsroom_pages=pages.exclude(path__startswith=home.path).count(),
        pages_in_demo=tree.exclude(url_path__in=demo_page_paths()).count(),
        comments_in_demo=Comment.objects.filter(article__in=tree.values("pk"))
        .exclude(author__in=demo_users().values("pk"))
        .count(),
    )


def has_leftovers() -> bool:
    """Rows of an earlier demo without its front page (deleted by hand, say)."""
    return demo_users().exists() or demo_images().exists()
