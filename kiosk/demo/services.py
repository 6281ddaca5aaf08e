"""Builds the demo newsroom from ``content`` and ``images``, and takes it away again (manage.py load_demo).

Comments, decisions and likes go through ``kiosk.comments.services``, each at
its own time in the past, exactly as readers and moderators make them; pages
go through Wagtail's revision and publish path.
"""

from __future__ import annotations

import hashlib
import html
import re
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.models import Collection, Page, Revision, Site
from wagtail.rich_text import RichText

from kiosk.comments.models import Comment
from kiosk.comments.services import (
    comment_approve,
    comment_like,
    comment_reject,
    comment_report,
    comment_submit,
)
from kiosk.donations.models import Donation, MonthlyDonation
from kiosk.donations.models import Status as DonationStatus
from kiosk.donations.services import donation_start
from kiosk.galleries.models import Gallery, GalleryImage
from kiosk.images.models import KioskImage
from kiosk.moderation.models import StaffedException, StaffedSpan, WordListEntry
from kiosk.moderation.services import reader_block, word_entries_add, word_entries_remove
from kiosk.news.models import ArticlePage, Author, ContentPage, HomePage, Partner, PinnedStory, SectionPage
from kiosk.newsroom.models import NewsroomSettings

from . import content, debate, desk, donations, images, selectors

EMBED = re.compile(r"\[(bild|galerie):([\w-]+)\]")
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
# How long the demo's moderators take over a comment, unless a reply to it comes sooner.
REVIEW_TIME = timedelta(minutes=6)


class DemoError(Exception):
    """The demo cannot be loaded or removed here; the message says why."""


@dataclass
class DemoSummary:
    sections: int
    articles: int
    images: int
    galleries: int
    comments: int
    accounts: int
    reference_url: str


def demo_load(
    *,
    now: datetime,
    known_passwords: bool,
    reset: bool = False,
    log: Callable[[str], None] = lambda _m: None,
) -> DemoSummary:
    """Load the demo newsroom in one transaction; ``reset`` first removes the demo's own rows.

    ``known_passwords`` gives every demo account the documented demo password;
    without it (DEBUG off) no demo account has a usable password. Files written
    before a failure are removed again, and every cache is cleared afterwards so
    no page rendered before the load survives.
    """
    with _files_removed_on_failure() as written, transaction.atomic():
        if reset:
            demo_delete()
        _ensure_loadable()
        summary = _load(now=now, known_passwords=known_passwords, written=written, log=log)
    _clear_caches()
    return summary


def demo_delete() -> None:
    """Remove the demo's front page with its sections, articles and debates, its site and settings,
    its galleries, partners, authors, pictures, word lists and accounts; nothing the demo did not create
    besides what editors and readers added to its pages."""
    with transaction.atomic():
        home = selectors.demo_home()
        _delete_donations(home)
        if home is not None:
            # The site and its settings go with their root page, the debates with their articles.
            home.delete()
        demo_images = selectors.demo_images()
        selectors.demo_galleries().delete()
        selectors.demo_partners().delete()
        selectors.demo_authors().delete()
        # Wagtail deletes the files (and renditions) once the rows are gone for good.
        demo_images.delete()
        collection = selectors.demo_collection()
        # Deleting a collection deletes what is in it: only an empty one goes.
        if (
            collection is not None
            and not collection.get_children().exists()
            and not KioskImage.objects.filter(collection=collection).exists()
            and not Document.objects.filter(collection=collection).exists()
        ):
            collection.delete()
        _delete_staffed_hours()
        demo_words = WordListEntry.objects.filter(added_by__in=selectors.demo_users())
        word_entries_remove(entry_ids=list(demo_words.values_list("pk", flat=True)), moderator=None)
        selectors.demo_users().delete()
    _clear_caches()


def _clear_caches() -> None:
    for alias in settings.CACHES:
        caches[alias].clear()


def _ensure_loadable() -> None:
    if selectors.demo_home() is not None:
        raise DemoError("The demo newsroom is already loaded.")
    newsroom = selectors.other_content()
    if newsroom:
        raise DemoError(
            f"This database has a newsroom of its own ({newsroom.lines()[0]}); "
            "the demo does not load beside it."
        )
    if selectors.has_leftovers():
        raise DemoError(
            "Parts of an earlier demo are still here without its front page: load it with --reset."
        )
    if conflicts := selectors.conflicts():
        raise DemoError("The demo cannot load: " + "; ".join(conflicts) + ".")


@contextmanager
def _files_removed_on_failure() -> Iterator[list[str]]:
    written: list[str] = []
    try:
        yield written
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def _load(
    *, now: datetime, known_passwords: bool, written: list[str], log: Callable[[str], None]
) -> DemoSummary:
    now = now.replace(second=0, microsecond=0)
    password = make_password(debate.READER_PASSWORD if known_passwords else None)
    log("Painting the pictures …")
    pictures = _create_pictures(written)
    partners = _create_partners(written)
    authors = {
        key: Author.objects.create(
            name=person.name,
            role=person.role,
            email=person.email,
            bio=person.bio,
            image=_store_image(written, _portrait_image(person, colour)),
        )
        for (key, person), colour in zip(content.AUTHORS.items(), PORTRAIT_COLOURS * 3, strict=False)
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
    for spec in content.PAGES:
        _create_content_page(spec, parent=home)
    _pin_front_page_stories(home)
    _create_editor(password)

    log("Inviting readers to the debate …")
    moderator = _create_moderator(password)
    readers = _create_readers(now, password)
    reference = ArticlePage.objects.get(slug=content.REFERENCE_SLUG)
    comments = _create_debate(reference, debate.SHOWCASE, readers, moderator=moderator, now=now)
    # The two most recent stories whose 24-hour window has closed keep their debate readable.
    closed = ArticlePage.objects.filter(first_published_at__lt=now - timedelta(hours=26)).order_by(
        "-first_published_at"
    )[:2]
    for article in closed:
        comments += _create_debate(article, debate.CLOSED, readers, moderator=moderator, now=now)
    log("A week at the moderation desk …")
    night = _create_night_moderator(password)
    comments += _create_desk_week(readers, moderators=(moderator, night), now=now)
    # After the debates, which were moderated before the lists existed.
    for kind, listed in (("suspect", debate.SUSPECT_WORDS), ("banned", debate.BANNED_WORDS)):
        word_entries_add(lines="\n".join(listed), kind=kind, moderator=moderator, note="Demo", now=now)
    comments += _create_desk_queue(readers, reference=reference, now=now)
    _create_staffed_hours(now=now)
    log("A month of donations …")
    _create_donations(now=now, password=password)
    reader_block(
        reader=readers["_lurkers"][-2],  # leser60 is the browser tests' two-factor reader
        moderator=moderator,
        reason=debate.BLOCK_REASON,
        until=now + timedelta(days=debate.BLOCK_DAYS),
        now=now,
    )
    return DemoSummary(
        sections=len(sections),
        articles=len(content.ARTICLES),
        images=len(pictures) + len(partners) + 1,
        galleries=len(galleries),
        comments=comments,
        accounts=selectors.demo_users().count(),
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


# Behind the authors' stand-in portraits, in turn.
PORTRAIT_COLOURS = ("#2b6cb0", "#9b2c2c", "#2f855a", "#6b46c1", "#b7791f")


def _portrait_image(person: content.Person, colour: str) -> KioskImage:
    return _image(
        key=slugify(person.name.lower().translate(UMLAUTS)) + "-portrait",
        data=images.portrait(person.name, colour),
        extension="jpg",
        title=f"Porträt {person.name}",
        description=f"Platzhalter-Porträt von {person.name}: Umriss von Kopf und Schultern.",
        credit="Kiosk",
        licence="own",
        collection=_collection(),
    )


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
        partners[key] = Partner.objects.create(name=spec.name, url=spec.url, logo=logo)
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
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title=content.PUBLISHER, slug=selectors.HOME_SLUG, intro=content.HOME_INTRO)
    )
    _publish(home)
    return home


def _pin_front_page_stories(home: HomePage) -> None:
    """The desk's choice for the top of the front page, published as an editor would."""
    home = HomePage.objects.get(pk=home.pk)
    articles = {a.slug: a for a in ArticlePage.objects.filter(slug__in=content.FRONT_PAGE_PINNED)}
    home.pinned_stories = [
        PinnedStory(article=articles[slug], sort_order=n) for n, slug in enumerate(content.FRONT_PAGE_PINNED)
    ]
    _publish(home)


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
        section = parent.add_child(
            # Top-level sections form the header navigation.
            instance=SectionPage(title=spec.title, slug=spec.slug, intro=spec.intro, show_in_menus=not prefix)
        )
        _publish(section)
        path = prefix + spec.slug
        created[path] = section
        created.update(_create_sections(section, spec.children, prefix=f"{path}/"))
    return created


def _create_content_page(spec: content.ContentPage, *, parent: HomePage) -> ContentPage:
    """Imprint and privacy policy: plain pages linked in the footer."""
    page = parent.add_child(
        instance=ContentPage(
            title=spec.title,
            slug=spec.slug,
            lead=spec.lead,
            body=body_blocks(spec.body, pictures={}, galleries={}),
            show_in_footer=True,
        )
    )
    _publish(page)
    return page


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
        lines = [line.strip() for line in chunk.strip().splitlines()]
        text = " ".join(lines)
        embed = EMBED.fullmatch(text)
        if lines and all(line.startswith("- ") for line in lines):
            flush()
            items = "".join(f"<li>{html.escape(line[2:], quote=False)}</li>" for line in lines)
            blocks.append(("paragraph", RichText(f"<ul>{items}</ul>")))
        elif text.startswith("## "):
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
    first = now - article.age
    last = first + article.updated_after if article.updated_after else first
    page = ArticlePage(
        # Wagtail's publish keeps a first publication that is already set: the story's own.
        first_published_at=first,
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
    # Wagtail's publish takes no time of its own and stamps the clock on the last publication
    # and the revision; the demo dates them as its history has them.
    ArticlePage.objects.filter(pk=page.pk).update(last_published_at=last, latest_revision_created_at=last)
    Revision.objects.filter(pk=page.latest_revision_id).update(created_at=last)
    return page


# People -------------------------------------------------------------------------


def _create_editor(password: str) -> None:
    get_user_model().objects.create(
        username=content.EDITOR_USERNAME,
        email=content.EDITOR_EMAIL,
        display_name="Redaktion Kiosk",
        is_staff=True,
        is_superuser=True,
        password=password,
    )


def _create_moderator(password: str):
    group, _created = Group.objects.get_or_create(name="Moderation")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["comments", "wagtailadmin"],
            codename__in=["change_comment", "view_comment", "access_admin"],
        ),
        # The house rules, edited in the desk's model views.
        *Permission.objects.filter(content_type__app_label="comments", content_type__model="houserule"),
        # The staffed hours, kept in the admin's model views.
        *Permission.objects.filter(
            content_type__app_label="moderation", content_type__model__in=["staffedspan", "staffedexception"]
        ),
    )
    moderator = get_user_model().objects.create(
        username=debate.MODERATOR_USERNAME,
        email=debate.MODERATOR_EMAIL,
        display_name="Moderation Kiosk",
        is_staff=True,
        password=password,
    )
    moderator.groups.add(group)
    return moderator


def _create_donations(*, now: datetime, password: str) -> None:
    """A month of paid gifts on the demo's articles, monthly donors, a refund and a transfer still awaited."""
    group, _created = Group.objects.get_or_create(name=donations.FINANCE_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="donations", content_type__model="donation"),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    finance = get_user_model().objects.create(
        username=donations.FINANCE_USERNAME,
        email=donations.FINANCE_EMAIL,
        display_name="Spenden Kiosk",
        is_staff=True,
        password=password,
    )
    finance.groups.add(group)
    articles = list(ArticlePage.objects.live().order_by("-first_published_at")[:8])
    rows = []
    n = 0
    for day in range(donations.DAYS):
        for slot in range(donations.PER_DAY if day % 4 else donations.PER_DAY + 2):
            amount, method = donations.GIFTS[n % len(donations.GIFTS)]
            name = donations.DONORS[n % len(donations.DONORS)]
            at = now - timedelta(days=day, hours=2 + slot * 3, minutes=(n * 7) % 60)
            rows.append(
                Donation(
                    amount=Decimal(amount),
                    method=method,
                    status=DonationStatus.PAID,
                    name=name if n % 3 else "",
                    email=f"{name.lower()}@{debate.READER_DOMAIN}" if n % 3 else "",
                    article=articles[(n * 5) % len(articles)],
                    created_at=at - timedelta(minutes=3),
                    paid_at=at,
                    receipt_sent_at=at if n % 3 else None,
                    language="de-ch",
                )
            )
            n += 1
    Donation.objects.bulk_create(rows)
    # One was paid back (a reader gave twice by mistake), one card payment failed.
    refunded = Donation.objects.filter(article__in=articles, method="card").order_by("-paid_at")[2]
    refunded.refunded_amount, refunded.refunded_at = refunded.amount, refunded.paid_at + timedelta(hours=5)
    refunded.status = refunded.status_from_facts()
    refunded.save()
    Donation.objects.create(
        amount=Decimal("25.00"),
        article=articles[0],
        created_at=now - timedelta(hours=5),
        failed_at=now - timedelta(hours=4),
        status=DonationStatus.FAILED,
    )
    # A transfer pledged yesterday, its QR-bill issued, the money not yet booked.
    donation_start(
        amount=Decimal("40.00"),
        interval="once",
        by_bank=True,
        name="Ursula",
        email=f"ursula@{debate.READER_DOMAIN}",
        article=articles[1],
        now=now - timedelta(days=1),
    )
    for m, (name, amount, months, ended) in enumerate(donations.MONTHLY):
        started = now - timedelta(days=30 * months - 3 - m)
        monthly = MonthlyDonation.objects.create(
            amount=amount,
            name=name,
            email=f"{name.lower()}@{debate.READER_DOMAIN}",
            article=articles[m],
            stripe_subscription_id=f"sub_demo_{m}",
            stripe_customer_id=f"cus_demo_{m}",
            created_at=started,
            started_at=started,
            canceled_at=now - timedelta(days=5) if ended else None,
        )
        for month in range(months - (1 if ended else 0)):
            at = started + timedelta(days=30 * month)
            Donation.objects.create(
                amount=amount,
                method="card",
                status=DonationStatus.PAID,
                monthly=monthly,
                name=name,
                email=monthly.email,
                article=monthly.article,
                created_at=at,
                paid_at=at,
                stripe_invoice_id=f"in_demo_{m}_{month}",
                receipt_sent_at=at,
                language="de-ch",
            )


def _delete_donations(home) -> None:
    # The demo's gifts: those on its articles (before the pages go) and those of its donors' addresses.
    ours = Q(email__iendswith=f"@{debate.READER_DOMAIN}")
    if home is not None:
        ours |= Q(article__in=ArticlePage.objects.descendant_of(home))
    monthly = MonthlyDonation.objects.filter(ours)
    Donation.objects.filter(ours | Q(monthly__in=monthly)).delete()
    monthly.delete()
    Group.objects.filter(name=donations.FINANCE_GROUP).delete()


def _create_night_moderator(password: str):
    moderator = get_user_model().objects.create(
        username=desk.NIGHT_MODERATOR_USERNAME,
        email=desk.NIGHT_MODERATOR_EMAIL,
        display_name="Moderation Abend",
        is_staff=True,
        password=password,
    )
    moderator.groups.add(Group.objects.get(name="Moderation"))
    return moderator


def _create_desk_week(readers, *, moderators, now: datetime) -> int:
    """The last week's debates under the articles it published, written and decided through the services
    at their own times, so the dashboard has days, hours and moderators to show."""
    lurkers = readers["_lurkers"]
    articles = (
        ArticlePage.objects.live()
        .filter(first_published_at__gte=now - timedelta(days=7))
        .order_by("first_published_at")
    )
    made = 0
    for a, article in enumerate(articles):
        for n in range(desk.HISTORY_PER_ARTICLE):
            written = article.first_published_at + timedelta(minutes=20 + 75 * n + 7 * a)
            decided = written + timedelta(minutes=3 + (n * 37 + a * 11) % 170)
            if decided >= now - timedelta(minutes=30):
                break
            author = lurkers[(a * 7 + n) % (len(lurkers) - 5)]
            text = (
                f"{desk.HISTORY_OPENINGS[(a + n) % len(desk.HISTORY_OPENINGS)]} zu «{article.title}». "
                f"{desk.HISTORY_ENDINGS[(a * 3 + n) % len(desk.HISTORY_ENDINGS)]}"
            )
            comment = comment_submit(article=article, author=author, text=text, now=written)
            moderator = moderators[0] if 6 <= timezone.localtime(decided).hour < 18 else moderators[1]
            if (a + n) % 7 == 3:
                rule = desk.HISTORY_REJECTED_RULES[(a + n) % len(desk.HISTORY_REJECTED_RULES)]
                # History as well: the authors were told long ago.
                comment_reject(comment=comment, moderator=moderator, reason=rule, now=decided, notify=False)
            else:
                comment_approve(comment=comment, moderator=moderator, now=decided, notify=False)
            made += 1
    return made


def _demo_hours_exception_day(now: datetime):
    today = timezone.localtime(now).date()
    month, day = desk.HOURS_EXCEPTION_DAY
    candidate = today.replace(month=month, day=day)
    return candidate if candidate >= today + timedelta(days=31) else candidate.replace(year=today.year + 1)


def _create_staffed_hours(*, now: datetime) -> None:
    """The demo's schedule, unless the database has hours of its own: a newsroom's are never touched."""
    if StaffedSpan.objects.exists() or StaffedException.objects.exists():
        return
    for weekday in range(7):
        StaffedSpan.objects.create(weekday=weekday, opens=time(0), closes=time(0))
    (opens_h, opens_m), (closes_h, closes_m) = desk.HOURS_EXCEPTION_SPAN
    StaffedException.objects.create(
        date=_demo_hours_exception_day(now),
        opens=time(opens_h, opens_m),
        closes=time(closes_h, closes_m),
        note=desk.HOURS_EXCEPTION_NOTE,
    )


def _delete_staffed_hours() -> None:
    """The demo's schedule goes only as the demo left it: seven whole days and its one exception."""
    StaffedException.objects.filter(note=desk.HOURS_EXCEPTION_NOTE).delete()
    spans = list(StaffedSpan.objects.values_list("weekday", "opens", "closes"))
    if sorted(spans) == [(weekday, time(0), time(0)) for weekday in range(7)]:
        StaffedSpan.objects.all().delete()


def _create_desk_queue(readers, *, reference, now: datetime) -> int:
    """Comments waiting now, of varied risk (suspect words, links, a new account), and reported ones."""
    from kiosk.comments.selectors import article_comment_window

    open_articles = [
        a
        for a in ArticlePage.objects.live().order_by("-first_published_at")[:8]
        if article_comment_window(a, now=now).is_open
    ]
    target = open_articles[0] if open_articles else reference
    for n, (author, text, _reports) in enumerate(desk.QUEUE):
        comment_submit(
            article=target, author=readers[author], text=text, now=now - timedelta(minutes=50 - 9 * n)
        )
    showcase = list(Comment.objects.for_article(reference).published().top_level().oldest_first())
    reporters = iter(readers["_lurkers"][20:])
    for index, reasons in desk.REPORTED:
        for reason, count in reasons:
            for _ in range(count):
                comment_report(comment=showcase[index], reporter=next(reporters), reason=reason, now=now)
    return len(desk.QUEUE)


def _create_readers(now: datetime, password: str) -> dict[str, object]:
    """The named readers, and quiet ones who only like: all log in by e-mail."""
    user_model = get_user_model()
    readers = {}
    for reader in debate.READERS:
        readers[reader.key] = user_model.objects.create(
            username=f"leser-{reader.key}",
            email=reader.email,
            display_name=reader.name,
            date_joined=reader.joined,
            password=password,
        )
    lurkers = user_model.objects.bulk_create(
        user_model(
            username=selectors.lurker_username(n),
            email=f"leser{n:02d}@{debate.READER_DOMAIN}",
            display_name=f"Leserin {n:02d}" if n % 2 else f"Leser {n:02d}",
            date_joined=now - timedelta(days=40 * n + 3),
            password=password,
        )
        for n in range(1, selectors.LURKERS + 1)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in [*readers.values(), *lurkers]
    )
    readers["_lurkers"] = lurkers
    return readers


def _create_debate(article: ArticlePage, remarks, readers, *, moderator, now: datetime) -> int:
    """The debate as it went: each comment written, reviewed and liked through the comment services,
    at its own time, so every count is what readers and moderators would have made it."""
    article = ArticlePage.objects.get(pk=article.pk)  # as published, with its first publication
    everyone = [user for key, user in readers.items() if key != "_lurkers"] + readers["_lurkers"]
    written = [
        min(debate.at(article.first_published_at, remark), now - timedelta(minutes=1)) for remark in remarks
    ]
    decided = [_decided_at(n, remarks, written, now=now) for n in range(len(remarks))]
    created: list[Comment] = []
    for n, remark in enumerate(remarks):
        comment = comment_submit(
            article=article,
            author=readers[remark.author],
            text=remark.text,
            parent=created[remark.reply_to] if remark.reply_to is not None else None,
            now=written[n],
        )
        if not remark.pending:
            # History: the authors knew of these decisions long ago, nobody is told again.
            comment = comment_approve(comment=comment, moderator=moderator, now=decided[n], notify=False)
        created.append(comment)
    for comment, remark in zip(created, remarks, strict=True):
        fans = [user for user in everyone if user.pk != comment.author_id][: remark.likes]
        for minute, fan in enumerate(fans):
            # Within the comment window, in the hour after publication.
            liked = min(comment.published_at + timedelta(minutes=minute % 60), now)
            comment_like(comment=comment, reader=fan, now=liked)
    return len(created)


def _decided_at(n: int, remarks, written: list[datetime], *, now: datetime) -> datetime:
    """A moderator publishes a comment before anyone can answer it."""
    replies = [written[m] - timedelta(minutes=1) for m, other in enumerate(remarks) if other.reply_to == n]
    decided = min([written[n] + REVIEW_TIME, now, *replies])
    if decided <= written[n]:
        raise DemoError(f"Remark {n} is answered before a moderator could publish it.")
    return decided
