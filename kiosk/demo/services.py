"""Builds the demo newsroom from ``content`` and ``images`` (manage.py load_demo)."""

from __future__ import annotations

import hashlib
import html
import re
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Collection, Page, Revision, Site
from wagtail.rich_text import RichText

from kiosk.galleries.models import Gallery, GalleryImage
from kiosk.images.models import KioskImage
from kiosk.news.models import ArticlePage, Author, HomePage, Partner, SectionPage
from kiosk.newsroom.models import NewsroomSettings

from . import content, debate, images

EMBED = re.compile(r"\[(bild|galerie):([\w-]+)\]")
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


@dataclass
class DemoSummary:
    sections: int
    articles: int
    images: int
    galleries: int
    reference_url: str


def demo_is_loaded() -> bool:
    """The demo (or a newsroom) is there: a front page with articles below it."""
    home = HomePage.objects.first()
    return home is not None and ArticlePage.objects.descendant_of(home).exists()


def demo_load(
    *, now: datetime, reset: bool = False, log: Callable[[str], None] = lambda _m: None
) -> DemoSummary:
    """Load the demo newsroom in one transaction; ``reset`` first removes a loaded demo.

    Files written before a failure are removed again, and every cache is
    cleared afterwards so no page rendered before the load survives.
    """
    with _files_removed_on_failure() as written, transaction.atomic():
        if reset:
            demo_delete()
        summary = _load(now=now, written=written, log=log)
    for alias in settings.CACHES:
        caches[alias].clear()
    return summary


def demo_delete() -> None:
    """Remove the demo's pages, site, settings, galleries, partners, authors and pictures."""
    for home in HomePage.objects.all():
        # The site and its settings go with their root page.
        home.delete()
    collection = Collection.objects.filter(name=content.COLLECTION).first()
    demo_images = (
        KioskImage.objects.filter(collection=collection) if collection else KioskImage.objects.none()
    )
    Gallery.objects.filter(items__image__in=demo_images).delete()
    Gallery.objects.filter(title__in=[g.title for g in content.GALLERIES.values()]).delete()
    Partner.objects.filter(name__in=[p.name for p in content.PARTNERS.values()]).delete()
    Author.objects.filter(name__in=[a.name for a in content.AUTHORS.values()]).delete()
    demo_images.delete()
    if collection:
        collection.delete()
    get_user_model().objects.filter(email__endswith=f"@{debate.READER_DOMAIN}").delete()
    get_user_model().objects.filter(username=debate.MODERATOR_USERNAME).delete()


@contextmanager
def _files_removed_on_failure() -> Iterator[list[str]]:
    written: list[str] = []
    try:
        yield written
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def _load(*, now: datetime, written: list[str], log: Callable[[str], None]) -> DemoSummary:
    now = now.replace(second=0, microsecond=0)
    log("Painting the pictures …")
    pictures = _create_pictures(written)
    partners = _create_partners(written)
    authors = {
        key: Author.objects.update_or_create(
            name=person.name, defaults={"role": person.role, "email": person.email, "bio": person.bio}
        )[0]
        for key, person in content.AUTHORS.items()
    }
    galleries = {key: _create_gallery(spec, pictures) for key, spec in content.GALLERIES.items()}

    log("Building the pages …")
    home = _create_home()
    site = _make_default_site(home)
    _create_settings(
        site, _store_image(written, _logo_image(content.PUBLISHER, content.PUBLISHER_LOGO_COLOUR))
    )
    sections = _create_sections(home, content.SECTIONS)
    for article in sorted(content.ARTICLES, key=lambda a: a.age, reverse=True):
        _create_article(
            article,
            parent=sections[article.section],
            now=now,
            pictures=pictures,
            galleries=galleries,
            authors=authors,
            partners=partners,
        )
    _create_editor()

    log("Inviting readers to the debate …")
    _create_moderator()
    readers = _create_readers(now)
    reference = ArticlePage.objects.get(slug=content.REFERENCE_SLUG)
    _create_debate(reference, debate.SHOWCASE, readers, now=now)
    # The two most recent stories whose 24-hour window has closed keep their debate readable.
    closed = ArticlePage.objects.filter(first_published_at__lt=now - timedelta(hours=26)).order_by(
        "-first_published_at"
    )[:2]
    for article in closed:
        _create_debate(article, debate.CLOSED, readers, now=now)
    return DemoSummary(
        sections=len(sections),
        articles=len(content.ARTICLES),
        images=len(pictures) + len(partners) + 1,
        galleries=len(galleries),
        reference_url=reference.url_path[len(home.url_path) - 1 :],
    )


# Pictures ---------------------------------------------------------------------


def _collection() -> Collection:
    existing = Collection.objects.filter(name=content.COLLECTION).first()
    return existing or Collection.get_first_root_node().add_child(name=content.COLLECTION)


def _store_image(written: list[str], image: KioskImage) -> KioskImage:
    image.save()
    written.append(image.file.name)
    return image


def _image(*, key: str, data: bytes, extension: str, **fields) -> KioskImage:
    return KioskImage(
        file=ContentFile(data, name=f"demo-{key}.{extension}"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),  # what Wagtail's upload form stores
        **fields,
    )


def _create_pictures(written: list[str]) -> dict[str, KioskImage]:
    collection = _collection()
    created = {}
    for key, picture in content.PICTURES.items():
        image = _image(
            key=key,
            data=images.jpeg(picture.scene, picture.palette, key),
            extension="jpg",
            title=picture.title,
            description=picture.description,
            caption=picture.caption,
            credit=picture.credit,
            licence=picture.licence,
            collection=collection,
        )
        created[key] = _store_image(written, image)
    return created


def _logo_image(name: str, colour: str) -> KioskImage:
    return _image(
        key=slugify(name.lower().translate(UMLAUTS)) + "-logo",
        data=images.logo(name, colour),
        extension="png",
        title=f"Logo {name}",
        description=f"Logo von {name}: eine weisse Bergsilhouette und der Schriftzug «{name}».",
        credit=name,
        licence="partner" if name != content.PUBLISHER else "own",
        collection=_collection(),
    )


def _create_partners(written: list[str]) -> dict[str, Partner]:
    partners = {}
    for key, spec in content.PARTNERS.items():
        logo = _store_image(written, _logo_image(spec.name, spec.colour))
        partners[key] = Partner.objects.update_or_create(
            name=spec.name, defaults={"url": spec.url, "logo": logo}
        )[0]
    return partners


def _create_gallery(spec: content.GallerySpec, pictures: dict[str, KioskImage]) -> Gallery:
    gallery = Gallery(
        title=spec.title,
        credit_line=spec.credit_line,
        items=[
            GalleryImage(image=pictures[slide.image], title=slide.title, caption=slide.caption, sort_order=n)
            for n, slide in enumerate(spec.slides)
        ],
    )
    gallery.save()
    return gallery


# Pages --------------------------------------------------------------------------


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _create_home() -> HomePage:
    """The front page, replacing Wagtail's welcome page as the site's root."""
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title=content.PUBLISHER, slug="kiosk", intro=content.HOME_INTRO)
        )
        _publish(home)
    return home


def _make_default_site(home: HomePage) -> Site:
    site, _created = Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": content.PUBLISHER},
    )
    # Wagtail's welcome page: a plain, empty Page at the top of the tree
    # that no site serves any more.
    for page in Page.objects.filter(depth=2, numchild=0).exclude(pk=home.pk):
        if page.specific_class is Page and not Site.objects.filter(root_page=page).exists():
            page.delete()
    return site


def _create_settings(site: Site, logo: KioskImage) -> None:
    newsroom = NewsroomSettings.for_site(site)
    newsroom.publisher_name = content.PUBLISHER
    newsroom.publisher_logo = logo
    newsroom.tagline = content.TAGLINE
    newsroom.support_email = content.SUPPORT_EMAIL
    newsroom.support_heading = content.SUPPORT_HEADING
    newsroom.support_text = content.SUPPORT_TEXT
    newsroom.save()


def _create_sections(parent: Page, specs, prefix: str = "") -> dict[str, SectionPage]:
    """Every section by its path below the front page ("wissen/raumfahrt")."""
    created: dict[str, SectionPage] = {}
    for spec in specs:
        # A front page kept from an earlier, interrupted setup may have its sections already.
        section = SectionPage.objects.child_of(parent).filter(slug=spec.slug).first()
        if section is None:
            section = parent.add_child(
                # Top-level sections form the header navigation.
                instance=SectionPage(
                    title=spec.title, slug=spec.slug, intro=spec.intro, show_in_menus=not prefix
                )
            )
            _publish(section)
        path = prefix + spec.slug
        created[path] = section
        created.update(_create_sections(section, spec.children, prefix=f"{path}/"))
    return created


def body_blocks(markup: str, *, pictures: dict, galleries: dict) -> list[tuple[str, object]]:
    """The StreamField value of an article body written in ``content``'s markup."""
    blocks: list[tuple[str, object]] = []
    paragraphs: list[str] = []

    def flush() -> None:
        if paragraphs:
            blocks.append(
                ("paragraph", RichText("".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)))
            )
            paragraphs.clear()

    for chunk in textwrap.dedent(markup).strip().split("\n\n"):
        text = " ".join(line.strip() for line in chunk.strip().splitlines())
        embed = EMBED.fullmatch(text)
        if text.startswith("## "):
            flush()
            blocks.append(("subheading", text[3:]))
        elif text.startswith("> "):
            flush()
            quote, _sep, attribution = text[2:].partition(" | ")
            blocks.append(("quote", {"text": quote, "attribution": attribution}))
        elif embed and embed[1] == "bild":
            flush()
            blocks.append(("image", {"image": pictures[embed[2]], "caption": "", "credit": ""}))
        elif embed:
            flush()
            blocks.append(("gallery", galleries[embed[2]]))
        else:
            paragraphs.append(text)
    flush()
    return blocks


def _create_article(article: content.Article, *, parent, now, pictures, galleries, authors, partners):
    page = ArticlePage(
        title=article.title,
        slug=article.slug,
        kicker=article.kicker,
        teaser_headline=article.teaser_headline,
        lead=article.lead,
        lead_image=pictures.get(article.image),
        body=body_blocks(article.body, pictures=pictures, galleries=galleries),
        partner=partners.get(article.partner),
        source_line=article.source_line,
    )
    page.authors = [authors[key] for key in article.authors]
    page.tags.add(*article.tags)
    parent.add_child(instance=page)
    _publish(page)
    # Wagtail stamps "now"; the demo spreads its stories over the past weeks.
    first = now - article.age
    last = first + article.updated_after if article.updated_after else first
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=first, last_published_at=last, latest_revision_created_at=last
    )
    Revision.objects.filter(pk=page.latest_revision_id).update(created_at=last)
    return page


# People -------------------------------------------------------------------------


def _create_editor() -> None:
    user, _created = get_user_model().objects.get_or_create(username=content.EDITOR_USERNAME)
    user.email = content.EDITOR_EMAIL
    user.display_name = "Redaktion Kiosk"
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(content.EDITOR_PASSWORD)
    user.save()


# Readers and their debate -------------------------------------------------------

LURKERS = 60


def _create_readers(now: datetime) -> dict[str, object]:
    """The named readers, and quiet ones who only like: all log in by e-mail with the demo password."""
    from allauth.account.models import EmailAddress

    user_model = get_user_model()
    password = make_password(debate.READER_PASSWORD)
    readers = {}
    for reader in debate.READERS:
        user = user_model.objects.create(
            username=f"leser-{reader.key}",
            email=reader.email,
            display_name=reader.name,
            date_joined=reader.joined,
            password=password,
        )
        readers[reader.key] = user
    lurkers = user_model.objects.bulk_create(
        user_model(
            username=f"leser-{n:02d}",
            email=f"leser{n:02d}@{debate.READER_DOMAIN}",
            display_name=f"Leserin {n:02d}" if n % 2 else f"Leser {n:02d}",
            date_joined=now - timedelta(days=40 * n + 3),
            password=password,
        )
        for n in range(1, LURKERS + 1)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in [*readers.values(), *lurkers]
    )
    readers["_lurkers"] = lurkers
    return readers


def _create_moderator() -> None:
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name="Moderation")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["comments", "wagtailadmin"],
            codename__in=["change_comment", "view_comment", "access_admin"],
        )
    )
    user, _created = get_user_model().objects.get_or_create(username=debate.MODERATOR_USERNAME)
    user.email = debate.MODERATOR_EMAIL
    user.display_name = "Moderation Kiosk"
    user.is_staff, user.is_active = True, True
    user.set_password(debate.READER_PASSWORD)
    user.save()
    user.groups.add(group)


def _create_debate(article: ArticlePage, remarks, readers, *, now: datetime) -> int:
    """Comments in the order they were written, replies to their thread, likes by distinct readers."""
    from kiosk.comments import text as comment_text
    from kiosk.comments.models import Comment, Like

    moderator = get_user_model().objects.get(username=debate.MODERATOR_USERNAME)
    everyone = [user for key, user in readers.items() if key != "_lurkers"] + readers["_lurkers"]
    created: list[Comment] = []
    likes: list[Like] = []
    for remark in remarks:
        written = min(debate.at(article.first_published_at, remark), now - timedelta(minutes=1))
        author = readers[remark.author]
        comment = Comment.objects.create(
            article=article,
            author=author,
            parent=created[remark.reply_to] if remark.reply_to is not None else None,
            text=remark.text,
            html=comment_text.to_html(remark.text),
            status=Comment.Status.PENDING if remark.pending else Comment.Status.PUBLISHED,
            created_at=written,
            published_at=None if remark.pending else written + timedelta(minutes=6),
            moderated_at=None if remark.pending else written + timedelta(minutes=6),
            moderated_by=None if remark.pending else moderator,
            decision_seen=True,
            like_count=remark.likes,
        )
        created.append(comment)
        fans = [user for user in everyone if user.pk != author.pk][: remark.likes]
        likes.extend(Like(comment=comment, reader=user) for user in fans)
    Like.objects.bulk_create(likes)
    return len(created)
