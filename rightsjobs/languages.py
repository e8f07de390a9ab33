"""Language names as a person reads them, from CLDR (Babel): 'ne' -> 'Nepali'.

ISO 639 reference names (pycountry's) are catalogue entries, not display names: they say
'Nepali (macrolanguage)' or 'Malay (macrolanguage)'. Every place that shows a language to a
person uses `language_name`.
"""

from functools import cache

from babel import Locale


@cache
def _names() -> dict[str, str]:
    return dict(Locale("en").languages)


def language_name(code: str) -> str:
    """The English display name of an ISO 639-1 code ('ne' -> 'Nepali'); unknown codes as given."""
    return _names().get(code.strip().lower(), code)
