"""manage.py load_demo: the demo newsroom, loaded once (``make run`` calls it on every start).

With DEBUG off it refuses unless forced, and then no demo account gets a
usable password. ``--reset`` deletes only what the demo created, asks first,
and refuses where the database holds more than the demo unless forced.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kiosk.comments.models import Comment
from kiosk.demo import content, debate, selectors
from kiosk.demo.services import DemoError, demo_delete, demo_load
from kiosk.news.models import ArticlePage
from kiosk.search.services import articles_index

PRODUCTION_REFUSAL = (
    "DEBUG is off, so this may be a production database. load_demo would add the fictional "
    "newsroom «{publisher}» ({articles} articles with readers' comments and {accounts} accounts, "
    "a superuser among them) and make it the default site. Run it with --force to load it anyway: "
    "with DEBUG off no demo account gets a usable password (set one with "
    "`manage.py changepassword {editor}`)."
)


class Command(BaseCommand):
    help = (
        "Load the demo newsroom: sections, articles, partners, galleries, a debate and demo logins. "
        "Development only: with DEBUG off it needs --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete what the demo created (its front page with everything below it, its pictures, "
            "partners, authors and accounts), then load it again. Asks first.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run with DEBUG off (the demo's accounts then get no usable password), and reset even "
            "where the database holds content that is not the demo's.",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask before --reset deletes (for scripts and the Makefile).",
        )

    def handle(self, *args, reset: bool = False, force: bool = False, interactive: bool = True, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                PRODUCTION_REFUSAL.format(
                    publisher=content.PUBLISHER,
                    articles=len(content.ARTICLES),
                    accounts=len(selectors.demo_usernames()),
                    editor=content.EDITOR_USERNAME,
                )
            )
        home = selectors.demo_home()
        if not reset and home is not None:
            self.stdout.write("Demo newsroom already loaded; nothing to do (--reset loads it again).")
            return
        others = selectors.other_content()
        if not reset:
            if others:
                # `make run` on a database with a newsroom of its own: serve that one.
                self.stdout.write(
                    f"This database has a newsroom of its own ({others.lines()[0]}): the demo is not loaded."
                )
                return
        else:
            self._confirm_reset(home, others, force=force, interactive=interactive)
            if others.newsroom_pages:
                demo_delete()
                self.stdout.write("Demo deleted; it does not load again beside the newsroom of its own here.")
                return

        started = time.monotonic()
        try:
            summary = demo_load(
                now=timezone.now(), known_passwords=settings.DEBUG, reset=reset, log=self.stdout.write
            )
        except DemoError as error:
            raise CommandError(str(error)) from None
        # Searchable at once, not only once the task worker has caught up with the publishes.
        articles_index()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo newsroom loaded in {time.monotonic() - started:.1f} s: {summary.sections} sections, "
                f"{summary.articles} articles, {summary.images} images, {summary.galleries} galleries, "
                f"{summary.comments} comments, {summary.accounts} accounts."
            )
        )
        self.stdout.write(f"Showcase article: {summary.reference_url}")
        if settings.DEBUG:
            self.stdout.write(
                f"Editor login at /admin/: {content.EDITOR_USERNAME} / {content.EDITOR_PASSWORD}"
            )
            self.stdout.write(
                f"Moderator login at /admin/: {debate.MODERATOR_USERNAME} / {debate.READER_PASSWORD}; "
                f"reader login at /konto/login/: anna@{debate.READER_DOMAIN} / {debate.READER_PASSWORD}"
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    "DEBUG is off: no demo account has a usable password. Give the editor one with "
                    f"`manage.py changepassword {content.EDITOR_USERNAME}` "
                    f"(the moderator: {debate.MODERATOR_USERNAME})."
                )
            )

    def _confirm_reset(self, home, others: selectors.OtherContent, *, force: bool, interactive: bool) -> None:
        """Refuse where more than the demo is here (unless forced); ask before deleting (unless told not to)."""
        if others and not force:
            raise CommandError(
                "--reset deletes only what the demo created, but this database holds more:\n  "
                + "\n  ".join(others.lines())
                + "\nIs this the right database? --force resets anyway: pages and comments below the "
                "demo's front page go with it; everything outside it stays."
            )
        if not interactive:
            return
        if home is None:
            what = "what is left of an earlier demo (its pictures and accounts)"
        else:
            articles = ArticlePage.objects.descendant_of(home).count()
            comments = Comment.objects.filter(article__in=ArticlePage.objects.descendant_of(home)).count()
            what = (
                f"the demo newsroom: its front page «{home.title}» with {articles} articles and "
                f"{comments} comments, its pictures, partners, authors and "
                f"{selectors.demo_users().count()} accounts"
            )
        if others.pages_in_demo or others.comments_in_demo:
            what += ", with what others added to it"
        then = "" if others.newsroom_pages else ", then loads the demo again"
        try:
            answer = input(f"This deletes {what}{then}.\nType 'yes' to continue: ")
        except EOFError:  # no one to ask
            answer = ""
        if answer.strip().lower() != "yes":
            raise CommandError("Reset cancelled; nothing was deleted.")
