"""A jurisdiction's own words for the standards' terms (``[terms]`` in lexcheck.toml,
``--term`` on the command line): the rules are rewritten to accept them, so the engine
never needs to know.

``{"child": ["juvenile", "young person"]}`` makes every phrase that speaks of a "child"
also match with "juvenile" and "young person", every token pattern that accepts the word
"child" also accept "juvenile" (a token pattern holds single words only), and a definition
of "juvenile" count wherever a definition of "child" is looked for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from lexcheck.checks.schema import LanguageSignal, Rule, Scope, Signal
from lexcheck.errors import UsageError

Terms = dict[str, tuple[str, ...]]

_CACHE: list[
    tuple[tuple[Rule, ...], tuple[tuple[str, tuple[str, ...]], ...], tuple[Rule, ...]]
] = []
_CACHE_SIZE = 8  # a service reviewing for a few jurisdictions reuses their compiled rules


def parse_terms(values: Sequence[str]) -> Terms:
    """``["child=juvenile,young person"]`` (the ``--term`` option) as a terms table."""
    table: dict[str, list[str]] = {}
    for value in values:
        term, sep, words = value.partition("=")
        if not sep or not term.strip() or not words.strip():
            raise UsageError(f"--term must be TERM=WORD[,WORD...], not {value!r}")
        table.setdefault(term, []).extend(words.split(","))
    return normalise(table)


def normalise(terms: Mapping[str, Sequence[str]]) -> Terms:
    """Lower case, single spaces, no empty words, no word equal to its term, sorted."""
    out: Terms = {}
    for term, words in terms.items():
        key = " ".join(term.lower().split())
        kept = sorted({" ".join(w.lower().split()) for w in words} - {"", key})
        if key and kept:
            out[key] = tuple(sorted(set(out.get(key, ())) | set(kept)))
    return dict(sorted(out.items()))


def with_terms(
    rules: tuple[Rule, ...], terms: Mapping[str, Sequence[str]] | None
) -> tuple[Rule, ...]:
    """``rules`` extended with the jurisdiction's words (the same tuple when there are none).

    The result is kept for a few calls, so reviews with the same terms reuse one compiled
    set of matchers.
    """
    table = normalise(terms or {})
    if not table:
        return rules
    key = tuple(table.items())
    for source, cached_key, result in _CACHE:
        if source is rules and cached_key == key:
            return result
    result = tuple(_rule(rule, table) for rule in rules)
    _CACHE.append((rules, key, result))
    del _CACHE[:-_CACHE_SIZE]
    return result


def _rule(rule: Rule, table: Terms) -> Rule:
    signals = {name: _signal(signal, table) for name, signal in rule.signals.items()}
    return rule.model_copy(update={"signals": signals, "scope": _scope(rule.scope, table)})


def _signal(signal: Signal, table: Terms) -> Signal:
    update: dict[str, Any] = {}
    for lang in ("en", "es", "fr"):
        spec: LanguageSignal | None = getattr(signal, lang)
        if spec is not None:
            update[lang] = spec.model_copy(
                update={
                    "phrases": _phrases(spec.phrases, table),
                    "fuzzy": _phrases(spec.fuzzy, table),
                    "patterns": [_pattern(p, table) for p in spec.patterns],
                }
            )
    if signal.scope is not None:
        update["scope"] = _scope(signal.scope, table)
    return signal.model_copy(update=update)


def _scope(scope: Scope, table: Terms) -> Scope:
    if not scope.defined_terms:
        return scope
    terms = list(scope.defined_terms)
    for term in scope.defined_terms:
        terms += [w for w in table.get(" ".join(term.lower().split()), ()) if w not in terms]
    return scope.model_copy(update={"defined_terms": terms})


def _phrases(phrases: list[str], table: Terms) -> list[str]:
    out = list(phrases)
    seen = {" ".join(p.lower().split()) for p in out}
    for phrase in phrases:
        for term, words in table.items():
            pattern = _term_pattern(term)
            if not pattern.search(phrase):
                continue
            for word in words:
                variant = pattern.sub(word.replace("\\", "\\\\"), phrase)
                key = " ".join(variant.lower().split())
                if key not in seen:
                    seen.add(key)
                    out.append(variant)
    return out


@cache
def _term_pattern(term: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in term.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _pattern(pattern: list[dict[str, Any]], table: Terms) -> list[dict[str, Any]]:
    return [_token(token, table) for token in pattern]


def _token(token: dict[str, Any], table: Terms) -> dict[str, Any]:
    value = token.get("LOWER")
    if isinstance(value, str):
        accepted = [value]
    elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
        accepted = [str(w) for w in value["IN"]]
    else:
        return token
    extra = [
        word
        for word_ in accepted
        for word in table.get(word_.lower(), ())
        if " " not in word and word not in accepted
    ]
    if not extra:
        return token
    return {**token, "LOWER": {"IN": [*accepted, *dict.fromkeys(extra)]}}
