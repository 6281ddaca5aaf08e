"""The demo's content as data: real texts, a debate the comment rules allow, markup that becomes blocks."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from kiosk import browser
from kiosk.demo import content, debate
from kiosk.demo.content import read_article
from kiosk.demo.services import _decided_at, body_blocks


def test_body_markup_becomes_blocks():
    markup = """
        Erster Absatz.

        Zweiter Absatz mit <Zeichen> & mehr.

        ## Ein Zwischentitel

        > Ein Zitat. | Eine Person

        [galerie:g]
    """
    blocks = body_blocks(markup, pictures={}, galleries={"g": "the gallery"})

    assert [kind for kind, _value in blocks] == ["paragraph", "subheading", "quote", "gallery"]
    assert blocks[0][1].source == "<p>Erster Absatz.</p><p>Zweiter Absatz mit &lt;Zeichen&gt; &amp; mehr.</p>"
    assert blocks[2][1] == {"text": "Ein Zitat.", "attribution": "Eine Person"}


def test_every_article_body_is_a_real_text():
    for article in content.ARTICLES:
        chunks = [chunk.strip() for chunk in article.body.split("\n\n") if chunk.strip()]
        words = sum(len(chunk.split()) for chunk in chunks if not chunk.startswith("["))
        paragraphs = [chunk for chunk in chunks if not chunk.startswith(("[", "## ", "> "))]
        subheadings = [chunk for chunk in chunks if chunk.startswith("## ")]
        assert 150 <= words <= 350, article.slug
        assert 3 <= len(paragraphs) <= 6, article.slug
        assert 1 <= len(subheadings) <= 2, article.slug
        assert 2 <= len(article.tags) <= 4, article.slug
        assert 1 <= len(article.authors) <= 3, article.slug
        assert article.kicker, article.slug
        assert len(re.findall(r"[.!?]»?(?:\s|$)", article.lead)) == 2, article.slug


def test_the_reference_story_has_four_older_siblings_to_relate_to():
    reference = next(a for a in content.ARTICLES if a.slug == content.REFERENCE_SLUG)
    siblings = [
        a
        for a in content.ARTICLES
        if a.section == reference.section and a is not reference and set(a.tags) & set(reference.tags)
    ]
    assert len(siblings) >= 4
    assert all(a.age > reference.age for a in siblings)
    assert all(a.age < timedelta(weeks=3) for a in content.ARTICLES)
    assert content.GALLERIES["ref"].credit_line == "Alle Bilder: Hochschule Seeland"
    assert len(content.GALLERIES["ref"].slides) == 8


def test_every_reply_answers_a_comment_published_before_it():
    # comment_submit refuses a reply to a comment that is not yet published.
    published = timezone.now() - timedelta(days=2)
    for remarks in (debate.SHOWCASE, debate.CLOSED):
        written = [debate.at(published, remark) for remark in remarks]
        for n, remark in enumerate(remarks):
            decided = _decided_at(n, remarks, written, now=timezone.now())
            assert decided > written[n]
            if remark.reply_to is not None:
                assert remark.reply_to < n
                assert not remarks[remark.reply_to].pending
            for m, other in enumerate(remarks):
                if other.reply_to == n:
                    assert decided < written[m]


def test_no_reader_says_the_same_twice_on_one_article():
    # The duplicate guard would refuse it, as it refuses a reader's double click.
    for remarks in (debate.SHOWCASE, debate.CLOSED):
        said = [(remark.author, remark.text) for remark in remarks]
        assert len(said) == len(set(said))


def test_the_browser_tests_log_in_with_the_demo_logins():
    # kiosk.browser keeps its own copy: nothing outside kiosk.demo imports it.
    assert browser.READER_DOMAIN == debate.READER_DOMAIN
    assert browser.READER_PASSWORD == debate.READER_PASSWORD == content.EDITOR_PASSWORD
    assert browser.MODERATOR_USERNAME == debate.MODERATOR_USERNAME
    assert browser.EDITOR_USERNAME == content.EDITOR_USERNAME


def test_every_article_file_is_in_a_demo_section():
    sections = set()

    def collect(specs, prefix=""):
        for spec in specs:
            sections.add(prefix + spec.slug)
            collect(spec.children, f"{prefix}{spec.slug}/")

    collect(content.SECTIONS)
    assert {article.section for article in content.ARTICLES} <= sections
    assert len({article.slug for article in content.ARTICLES}) == len(content.ARTICLES) == 27
    assert len({article.age for article in content.ARTICLES}) == len(content.ARTICLES)


def test_an_article_file_with_a_misspelt_field_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(content, "ARTICLES_DIR", tmp_path)
    path = tmp_path / "sport" / "ein-lauf.md"
    path.parent.mkdir()
    path.write_text('+++\ntitle = "T"\nlead = "L."\nage_hours = 2\nkiker = "K"\n+++\n\nText.\n')
    with pytest.raises(TypeError, match="kiker"):
        read_article(path)
    path.write_text(
        '+++\ntitle = "T"\nlead = "L."\nage_hours = 2\nupdated_after_minutes = 40\n+++\n\nText.\n'
    )
    article = read_article(path)
    assert (article.section, article.slug, article.body.strip()) == ("sport", "ein-lauf", "Text.")
    assert (article.age, article.updated_after) == (timedelta(hours=2), timedelta(minutes=40))
