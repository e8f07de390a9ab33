"""Numba's on-disk cache of the compiled search, made to notice a change in any matcher module.

Numba stamps a cached function with its own source file only (numba/numba#8396), while the
search inlines weights and functions of other modules (`fit.W_REGION`, `relevance.IN_FIELD`):
a changed weight would keep the stale compiled search. The locators here add a hash of every
matcher module to numba's stamp; `use` installs them unless the environment names its own
(NUMBA_CACHE_LOCATOR_CLASSES). It must run before any module that compiles is imported.
"""

import hashlib
from functools import cache
from pathlib import Path

from numba.core import caching, config

HERE = Path(__file__).parent


@cache
def package_stamp() -> str:
    """A hash of the source of every matcher module."""
    digest = hashlib.sha256()
    for path in sorted(HERE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class _PackageStamped:
    def get_source_stamp(self) -> object:
        return (super().get_source_stamp(), package_stamp())  # type: ignore[misc]


class UserProvided(_PackageStamped, caching.UserProvidedCacheLocator):
    """NUMBA_CACHE_DIR, when set."""


class InTree(_PackageStamped, caching.InTreeCacheLocator):
    """The package's __pycache__, when writable."""


class UserWide(_PackageStamped, caching.UserWideCacheLocator):
    """The user's cache folder otherwise."""


def use() -> None:
    """Make numba locate (and stamp) the matcher's cached functions with these locators."""
    if not config.CACHE_LOCATOR_CLASSES:
        config.CACHE_LOCATOR_CLASSES = ",".join(
            f"{__name__}.{cls.__name__}" for cls in (UserProvided, InTree, UserWide)
        )
