"""What the API reads and answers, as ninja schemas (pydantic)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator

from kiosk.comments.models import Report, Sort
from kiosk.security.converters import MAX_ID


def _encodable(value: str) -> str:
    # JSON may carry lone surrogates ("\\ud800"); they cannot be stored or sanitised as UTF-8.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


def _without_nul(value: str) -> str:
    # PostgreSQL cannot store NUL in text; comment texts lose it in kiosk.comments.text, notes here.
    return value.replace("\x00", "")


Text = Annotated[str, AfterValidator(_encodable)]
Note = Annotated[str, AfterValidator(_encodable), AfterValidator(_without_nul)]
SearchText = Annotated[str, AfterValidator(_encodable), AfterValidator(_without_nul)]


class ErrorBody(Schema):
    message: str = Field(description="For the reader, in the site's language.")
    code: str = Field(description="For clients: stable, e.g. `login_required`, `comments_closed`.")


class FieldError(Schema):
    field: str = Field(description="Where the problem is, e.g. `body.text` or `query.page`.")
    message: str


class InvalidInputBody(ErrorBody):
    errors: list[FieldError] = Field(description="Each problem with the request.")


class Session(Schema):
    authenticated: bool
    id: int | None = Field(description="The reader's id, null when not logged in.")
    name: str | None = Field(description="The reader's public name, null when not logged in.")
    csrf_token: str = Field(
        description="Send this (or the `csrftoken` cookie's value) as `X-CSRFToken` on writes."
    )


class Author(Schema):
    id: int
    name: str
    avatar_url: str | None = Field(description="The uploaded picture, null without one.")
    registered: datetime = Field(description="When the reader joined (ISO 8601).")
    profile_url: str


class Reply(Schema):
    id: int
    parent_id: int | None = Field(description="The top-level comment this answers, null for one.")
    author: Author | None = Field(
        description="Null when the author has deleted the comment or their account (shown as «gelöschtes Konto»)."
    )
    html: str = Field(description="Sanitised HTML (paragraphs, line breaks, links); empty when deleted.")
    withdrawn: bool = Field(
        description="Deleted by its author; shown only while published replies hang from it."
    )
    created_at: datetime
    like_count: int
    permalink: str = Field(description="The comment on the article page.")


class ThreadComment(Reply):
    replies: list[Reply] = Field(description="Published replies, oldest first.")


class CommentDetail(Reply):
    article_id: int
    status: Literal["pending", "published", "rejected", "withdrawn"] = Field(
        description="`pending`: awaiting review, seen only by its author; `published`: in the thread, "
        "approved or published at once where the newsroom reviews afterwards; `rejected`; `withdrawn`."
    )
    text: str | None = Field(description="The text as written; only for its author, else null.")
    edited_at: datetime | None
    rejection_note: str | None = Field(
        default=None,
        description="Why it was rejected (by a moderator, or at once for words the house rules ban); "
        "only for its author, else null.",
    )


class Window(Schema):
    open: bool = Field(description="Whether readers can comment, like and take likes back now.")
    state: Literal["open", "elapsed", "closed", "off", "unpublished", "paused"]
    closes_at: datetime | None = Field(description="When the window closes (or closed), if it has hours.")


class Thread(Schema):
    count: int = Field(description="All published comments on the article, replies included.")
    page: int = Field(description="The page shown (a page beyond the last shows the last).")
    pages: int
    sort: Sort
    window: Window
    comments: list[ThreadComment] = Field(description="Top-level comments of this page.")


class Top(Schema):
    comments: list[Reply] = Field(description="Up to three, most likes first; only comments with likes.")


class CommentIn(Schema):
    text: Text = Field(description="Plain text; paragraphs and links are kept.")
    parent_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="Answer this comment (a reply to a reply joins its thread)."
    )


class CommentEdit(Schema):
    text: Text


class LikeState(Schema):
    liked: bool
    count: int = Field(description="The comment's likes after this request.")


class ReportIn(Schema):
    reason: Report.Reason = Field(description="`other` needs a note.")
    note: Note = Field("", max_length=500)


class ReportOut(Schema):
    comment_id: int
    reason: str


class Suggestion(Schema):
    title: str = Field(description="The article's headline.")
    url: str = Field(description="The article's address on this site.")


class Suggestions(Schema):
    suggestions: list[Suggestion]
