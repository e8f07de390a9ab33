"""Reading one written sentence as the understanding step reads a posting: the helpers the
extraction tests share (`langs`, `years_asked`, `dl`, `cues`)."""

from datetime import date

from understand.dates import deadline
from understand.experience import min_years
from understand.languages import find_languages
from understand.text import Doc, normalise
from understand.vacancy import features


def langs(text: str) -> tuple[list[str], list[str], dict | None]:
    """The required and the desirable languages of `text`, and its language rule."""
    out = find_languages(Doc(normalise(text)))
    return out.required, out.desirable, out.rule


def years_asked(text: str) -> int | None:
    """The minimum years of experience `text` asks for."""
    return min_years(Doc(normalise(text)))[0]


def dl(text: str, ref: date | None = None) -> date | None:
    """The deadline read from `text` (`ref` supplies the year a date leaves out)."""
    return deadline(Doc(normalise(text)), ref)[0]


def cues(text: str) -> set[str]:
    """The names of the vacancy cues `text` fires."""
    return set(features(Doc(normalise(text))).cues)
