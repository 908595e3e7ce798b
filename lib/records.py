"""Every record type that crosses a package: what the lexicons know, what a reader reads, what the extraction
finds (with character offsets into the body)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Union


@dataclass
class Statement:
    """A reported statement: who said it, the words, and where they stand in the body."""

    quote: str
    start: int
    end: int
    kind: str  # "direct" (in quote marks) or "indirect" (reported speech)
    cue: str | None = None  # the reporting word: قال، أضاف، بحسب …
    speaker: str | None = None  # display name, English where known
    speaker_ar: str | None = None  # the speaker as the article names them
    speaker_id: str | None = None  # lexicon id, or None for speakers no lexicon knows
    speaker_kind: str | None = None  # person, state, organization, media, anonymous …


@dataclass
class Mention:
    """One occurrence of an actor or a place in the body."""

    entity_type: str  # "actor" or "place"
    entity_id: str
    surface: str  # the words as written
    start: int
    end: int


@dataclass
class DateRef:
    """A calendar day the text refers to, with the words that name it."""

    date: str  # YYYY-MM-DD
    text: str
    start: int
    end: int
    relative: bool  # resolved against the publication date (أمس، الأسبوع المقبل …)
    precision: str = "day"  # "week" when the text names a week (الأسبوع المقبل): date is its Monday; "month" or
    # "year" for a Hijri month or year named without a day: date is its first day
    hijri: str | None = None  # the Hijri date the text names (Umm al-Qura), "1436-11-17" / "1436-11" / "1436"


@dataclass
class Article:
    """An article as ingested: metadata, cleaned body and everything found in it."""

    article_id: str
    source_file: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    body: str
    statements: list[Statement] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    actors: dict[str, dict] = field(default_factory=dict)  # entity_id -> actor record
    places: dict[str, dict] = field(default_factory=dict)  # entity_id -> place record
    topic: str | None = None  # conflict, politics, economy, sport, culture, health or other (lib/extract/topics)

    def to_dict(self) -> dict:
        """Plain-dict form (for JSON)."""
        return asdict(self)


@dataclass(frozen=True)
class Entity:
    """An actor or a place that the lexicons know (or that an article names and no lexicon knows)."""

    entity_id: str
    entity_type: str  # "actor" or "place"
    name: str
    name_ar: str
    kind: str
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    country: str | None = None
    parent_id: str | None = None
    coord_source: str | None = None
    aliases: tuple[str, ...] = ()  # other names (English), for display and matching


@dataclass(frozen=True)
class Office:
    """A title held by one person at a time."""

    title_key: str  # folded title
    actor_id: str
    start: str  # YYYY-MM-DD or ""
    end: str


@dataclass
class ArticleText:
    """Title, publication date and cleaned body of one article."""

    title: str | None
    published: str | None
    source: str | None
    url: str | None
    body: str


@dataclass(frozen=True)
class RawArticle:
    """One article as read from its file: text, metadata (title, published YYYY-MM-DD, source, url …)."""

    text: str
    meta: dict
    name: str  # where it came from: path, archive!member, file:line N, file[i], file#DOCNO


@dataclass(frozen=True)
class Issue:
    """A problem with one file or record: `error` (not imported), `warning` (imported or skipped, see
    message) or `ignored` (not an article file, e.g. a README inside an archive)."""

    name: str
    message: str
    level: str = "error"

    def __str__(self) -> str:
        return f"{self.name}: {self.message}"


Item = Union[RawArticle, Issue]
