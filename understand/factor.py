"""Alternations regrouped by their first character: the same matches, found faster.

Python's `re` tries every alternative of `a...|b...|c...` at every position of a text; a
pattern of 200 cue words costs 200 tests a character. `factored(pattern)` compiles the same
pattern with the alternatives that share a first character merged under it, level by level (a
trie: `fluen|flytande|speak` becomes `f(?:luen|lytande)|speak`), so that a position costs about
one test per distinct first character. Matches are identical, span for span: at a position only
the alternatives starting with its character can match, and they keep their order.

Groups, sets of letters and optional parts at the start are opened first (`\\b(?:a|[bc]d)` ->
`\\ba|\\bbd|\\bcd`). Anchors that every alternative starts with (`\\b`, `^`) stay in front,
where they turn most positions away with one cheap test; but a `\\b` (or `\\B`) before
alternatives that all start with one of a few literals moves behind them (`\\bwork|\\btrip` ->
`w(?<=\\bw)ork|t(?<=\\bt)rip`), so that `re` skips, in C, every position whose character
starts no alternative. Look-arounds move behind the first
literal (`(?<!x)speak` -> `s(?<=(?<!x)s)peak`), so that they run only where it is found, and a
one-character look-ahead that every first literal satisfies is dropped. An alternative that does
not start with a literal stays as written; the later ones that may start where it may are merged
only among themselves, after it.

Works on the parsed form of `re` (`re._parser`, `re._compiler`, Python 3.11 to 3.13); the
result keeps the source text as its `pattern`. Patterns that capture groups or ignore case come
back unchanged, and so does every pattern where those internals differ (a later Python).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
from re import _compiler, _parser  # type: ignore[attr-defined]
from re._constants import (  # type: ignore[import-not-found]
    ANY,
    ASSERT,
    ASSERT_NOT,
    AT,
    AT_BOUNDARY,
    AT_NON_BOUNDARY,
    BRANCH,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    NOT_LITERAL,
    SUBPATTERN,
)

Item = tuple  # one (opcode, argument) of a parsed pattern
_ZERO_WIDTH = (AT, ASSERT, ASSERT_NOT)
_BOUNDARIES = (AT_BOUNDARY, AT_NON_BOUNDARY)  # `\b`, `\B`
_ONE_CHAR = (LITERAL, NOT_LITERAL, IN, ANY)
MAX_ALTERNATIVES = 5000  # an alternation opening into more is left as it is
MAX_SET = 16  # a set of more letters is left as it is
MAX_SKIPPED = 8  # a `\b` moves behind this many first literals or fewer


def factored(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with its alternatives merged by first character (see the module); the
    pattern itself where `re`'s internals are not those this module knows (only slower)."""
    if pattern.groups or pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return pattern
    try:
        return _factored(pattern)
    except Exception:  # another Python's `re` internals: the plain pattern finds the same
        return pattern


def _factored(pattern: re.Pattern[str]) -> re.Pattern[str]:
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    alternatives = _flatten(list(parsed.data))
    if len(alternatives) < 2:
        return pattern
    common = _common_start(alternatives)
    rest = [alt[len(common) :] for alt in alternatives]
    front = [item for item in common if item[0] is AT]  # an anchor turns most places away cheaply
    looks = [i for i in common if i[0] is not AT and not _implied(i, rest, pattern.flags)]
    behinds: dict[str, Item] = {}
    leading = [_literal_first(looks + alt, behinds) for alt in rest]  # look-arounds behind
    if front and all(av in _BOUNDARIES for _, av in front):
        moved = [_literal_first(front + looks + alt, behinds) for alt in rest]
        firsts = {alt[0] if alt else None for alt in moved}
        if len(firsts) <= MAX_SKIPPED and all(f and f[0] is LITERAL for f in firsts):
            front, leading = [], moved  # `re` skips, in C, to one of a few first literals
    items = front + _Factoring(pattern.flags).branch(leading)
    code = _compiler._code(_sub(items), pattern.flags)
    # as `_compiler.compile` ends, keeping the source text (`pattern.pattern` reads the same)
    return _sre.compile(pattern.pattern, pattern.flags, code, 0, {}, (None,))


def _sub(items: list[Item]) -> _parser.SubPattern:
    return _parser.SubPattern(_parser.State(), items)


def _flatten(items: list[Item]) -> list[list[Item]]:
    """`items` as a list of alternatives that match as they do, opening what comes first after
    zero-width items: an alternation (`\\b(?:a|b)c` -> `\\bac`, `\\bbc`), a set of letters
    (`[ab]c` -> `ac`, `bc`) or an optional part (`(?:xy)?c` -> `xyc`, `c`)."""
    for i, (op, av) in enumerate(items):
        before, after = items[:i], items[i + 1 :]
        if op is SUBPATTERN and av[0] is None and not av[1] and not av[2]:
            return _flatten(before + list(av[3].data) + after)
        if op is BRANCH and len(av[1]) <= MAX_ALTERNATIVES:
            opened = [before + list(alt.data) + after for alt in av[1]]
        elif op is IN and len(av) <= MAX_SET and all(kind is LITERAL for kind, _ in av):
            opened = [[*before, (LITERAL, char), *after] for _, char in av]
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[:2] == (0, 1):
            opened = [[*before, *av[2].data, *after], before + after]
            opened = opened if op is MAX_REPEAT else opened[::-1]  # greedy tries it first
        elif op in _ZERO_WIDTH:
            continue
        else:
            break
        return [flat for alt in opened for flat in _flatten(alt)]
    return [items]


def _common_start(alternatives: list[list[Item]]) -> list[Item]:
    """The zero-width items every alternative starts with."""
    common: list[Item] = []
    for items in zip(*alternatives, strict=False):
        if items[0][0] not in _ZERO_WIDTH or any(item != items[0] for item in items):
            break
        common.append(items[0])
    return common


def _implied(item: Item, alternatives: list[list[Item]], flags: int) -> bool:
    """Whether `item` is a look-ahead at one character that the first literal of every
    alternative satisfies (`(?=[^\\W\\d_])` before words): true wherever they may match."""
    op, av = item
    if op is not ASSERT or av[0] != 1 or len(av[1].data) != 1 or av[1].data[0][0] not in _ONE_CHAR:
        return False
    test = _compiler.compile(av[1], flags)
    firsts = [next((i for i in alt if i[0] not in _ZERO_WIDTH), None) for alt in alternatives]
    return all(f and f[0] is LITERAL and test.match(chr(f[1])) for f in firsts)


def _literal_first(alt: list[Item], behinds: dict[str, Item]) -> list[Item]:
    """`alt` with the zero-width items before its first literal moved behind it, as the
    look-behind of those items and the literal (one item per distinct look-behind)."""
    n = next((i for i, item in enumerate(alt) if item[0] not in _ZERO_WIDTH), len(alt))
    if n == 0 or n == len(alt) or alt[n][0] is not LITERAL:
        return alt
    behind = behinds.setdefault(repr(alt[: n + 1]), (ASSERT, (-1, _sub(alt[: n + 1]))))
    return [alt[n], behind, *alt[n + 1 :]]


class _Factoring:
    """The trie of a list of alternatives, for patterns compiled with `flags`."""

    def __init__(self, flags: int):
        self.flags = flags

    def branch(self, alternatives: list[list[Item]]) -> list[Item]:
        """Items matching as the branch of `alternatives` does, merged by first literal.

        The alternatives are cut into runs, in order; within a run, those starting with a
        literal are merged under it and come first, the others follow as written. A literal
        that one of those others may start with opens the next run, so that no alternative is
        tried before an earlier one that may match at the same place."""
        if len(alternatives) == 1:
            return alternatives[0]
        out: list[list[Item]] = []
        groups: dict[int, list[list[Item]]] = {}
        kept: list[list[Item]] = []  # alternatives of the run left as written, in their order
        starts: list[re.Pattern[str]] | None = []  # first characters of kept ones; None: any
        for alt in alternatives:
            literal = bool(alt) and alt[0][0] is LITERAL
            if literal and self._taken(alt[0][1], starts):
                out += [self._merged(char, tails) for char, tails in groups.items()] + kept
                groups, kept, starts = {}, [], []
            if literal:
                groups.setdefault(alt[0][1], []).append(alt[1:])
                continue
            kept.append(alt)
            first = self._first(alt)
            starts = None if first is None or starts is None else starts + first
        out += [self._merged(char, tails) for char, tails in groups.items()] + kept
        if len(out) == 1:
            return out[0]
        return [(BRANCH, (None, [_sub(alt) for alt in out]))]

    def _merged(self, char: int, tails: list[list[Item]]) -> list[Item]:
        """`char`, the items every tail starts with, then the branch of the rest of each."""
        common: list[Item] = []
        while len(tails) > 1 and all(tails) and all(t[0] == tails[0][0] for t in tails):
            common.append(tails[0][0])
            tails = [t[1:] for t in tails]
        if len(tails) == 1:
            return [(LITERAL, char), *common, *tails[0]]
        opened = [flat for tail in tails for flat in _flatten(tail)]
        return [(LITERAL, char), *common, *self.branch(opened)]

    @staticmethod
    def _taken(char: int, starts: list[re.Pattern[str]] | None) -> bool:
        return starts is None or any(s.match(chr(char)) for s in starts)

    def _first(self, alt: list[Item]) -> list[re.Pattern[str]] | None:
        """Patterns of the characters a match of `alt` may start with: one per consuming item
        up to the first that must match (`و?يفضل`: "و", "ي"); None when it may start with
        anything or match empty."""
        out = []
        for op, av in (item for item in alt if item[0] not in _ZERO_WIDTH):
            least = 1
            if op in (MAX_REPEAT, MIN_REPEAT) and len(av[2].data) == 1:
                least, (op, av) = av[0], av[2].data[0]
            if op not in _ONE_CHAR:
                return None
            out.append(_compiler.compile(_sub([(op, av)]), self.flags))
            if least >= 1:
                return out
        return None
