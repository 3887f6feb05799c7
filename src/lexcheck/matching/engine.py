"""Find every check's signals in a document: tokenise each provision's own text once, run all
matchers on it, and give each hit its sentence, polarity and exceptions."""

from __future__ import annotations

import bisect
import itertools
import re
import sys
import types
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from lexcheck.checks.loader import load_cues
from lexcheck.checks.schema import Rule, Scope
from lexcheck.matching.polarity import (
    CompiledCues,
    ScopeCues,
    SentenceInfo,
    analyse,
    clause_of,
    compile_cues,
    polarity,
    sentence_bounds,
)
from lexcheck.matching.tree import DocumentIndex, Node, index_document
from lexcheck.models import ParsedDocument

FUZZY_MIN_LENGTH = 5  # shorter words are too easily confused to match approximately
FUZZY_CUTOFF = 85.0  # rapidfuzz ratio
PATTERN_WINDOW = 24  # tokens: the most a token pattern in rules/ may span (tests enforce it)


@dataclass(frozen=True)
class ExceptionRef:
    """What qualifies a hit: a span of its own sentence, or another provision."""

    cue: str
    doc: int
    start: int
    end: int
    node: Node | None = None


@dataclass(eq=False, slots=True)
class Hit:
    """One occurrence of a check's signal in a provision's own text (document offsets).

    Polarity and exceptions are worked out on first use: most hits only serve as context for
    other hits ("with: [promptly]") and never need them.
    """

    check: str
    signal: str
    node: Node
    start: int
    end: int
    sent_start: int
    sent_end: int
    fuzzy: bool = False
    _doc_state: _DocState | None = None
    _polarity: str | None = None
    _exceptions: list[ExceptionRef] | None = None
    _context: list[tuple[int, int]] | None = None

    @property
    def doc(self) -> int:
        return self.node.doc

    @property
    def polarity(self) -> str:
        if self._polarity is None:
            self._resolve()
        assert self._polarity is not None
        return self._polarity

    @property
    def exceptions(self) -> list[ExceptionRef]:
        if self._exceptions is None:
            self._resolve()
        assert self._exceptions is not None
        return self._exceptions

    @property
    def context(self) -> list[tuple[int, int]]:
        """The sentence plus the tree's continuation of it: a list item's lead-in(s), or the
        list that a lead-in sentence runs into. ``with``/``without`` tests look here."""
        if self._context is None:
            if self._doc_state is None:
                return [(self.sent_start, self.sent_end)]
            text = self._doc_state.text
            context = [(self.sent_start, self.sent_end), *self.node.lead_in_spans(text)]
            run_on = self.node.run_on_span(text, self.sent_end)
            if run_on is not None:
                context.append(run_on)
            self._context = context
        return self._context

    def _resolve(self) -> None:
        state = self._doc_state
        if state is None:
            self._polarity, self._exceptions = "affirmed", []
            return
        self._polarity, self._exceptions = state.polarity_of(self)


class _DocState:
    """What lazy polarity needs from the document being matched."""

    def __init__(
        self,
        index: DocumentIndex,
        cues: CompiledCues,
        sentences: _SentenceCache,
        inbound: dict[int, list[Node]],
    ) -> None:
        self.index = index
        self.text = index.document.text
        self.cues = cues
        self.sentences = sentences
        self.inbound = inbound
        # Several checks often hit the same words ("detention"): work each position out once.
        self._polarities: dict[tuple[int, int, int], str] = {}
        self._exceptions: dict[tuple[int, int], list[ExceptionRef]] = {}
        self._scopes: dict[str, ScopeCues] = {}

    def polarity_of(self, hit: Hit) -> tuple[str, list[ExceptionRef]]:
        key = (hit.node.order, hit.start, hit.end)
        value = self._polarities.get(key)
        if value is None:
            value = self._polarities[key] = self._polarity(hit)
        # Exceptions belong to the sentence: worked out once for all its hits.
        exceptions = self._exceptions.get((hit.node.order, hit.sent_start))
        if exceptions is None:
            exceptions = self._exceptions_of(hit)
            self._exceptions[(hit.node.order, hit.sent_start)] = exceptions
        return value, exceptions

    def _polarity(self, hit: Hit) -> str:
        text, s0, s1, node = self.text, hit.sent_start, hit.sent_end, hit.node
        return polarity(
            text[s0:s1],
            hit.start - s0,
            hit.end - s0,
            self.cues,
            info=self.sentences.info((s0, s1)),
            lead_in=node.lead_in(text),
            in_definition=node.provision.kind == "definition",
            memo=self._scopes,
        ).value

    def _exceptions_of(self, hit: Hit) -> list[ExceptionRef]:
        text, s0, s1, node, doc = self.text, hit.sent_start, hit.sent_end, hit.node, hit.doc
        exceptions: list[ExceptionRef] = []
        for e0, e1, cue in self.sentences.info((s0, s1)).exceptions:
            exceptions.append(ExceptionRef(cue, doc, s0 + e0, s0 + e1))
            for target in _references(self.index, node, text, s0 + e0, s0 + e1, self.cues):
                exceptions.append(
                    ExceptionRef(cue, doc, target.provision.start, target.provision.end, target)
                )
        # A proviso qualifies the provision it hangs from (and a list item's parent).
        for holder in [node, *node.ancestors()[:1]]:
            for child in holder.provisos:
                if child is not node and not _contains(child, node):
                    exceptions.append(
                        ExceptionRef(
                            "proviso", doc, child.provision.start, child.provision.end, child
                        )
                    )
            for source in self.inbound.get(holder.order, []):
                exceptions.append(
                    ExceptionRef(
                        "does not apply", doc, source.provision.start, source.provision.end, source
                    )
                )
        return exceptions


@dataclass
class DocumentMatches:
    """Hits of every check in one document, with the index they refer to."""

    index: DocumentIndex
    language: str
    hits: dict[str, list[Hit]]  # check id -> hits
    # Context-only signals (used only in `with`/`without`/`exception_lacks`): just where they
    # start, check id -> signal -> sorted offsets. A word like "child" occurs thousands of
    # times; a full Hit for each would cost time and memory for nothing.
    positions: dict[str, dict[str, Any]] = field(default_factory=dict)  # int64 arrays

    def text(self) -> str:
        return self.index.document.text


@dataclass
class _Compiled:
    nlp: Any
    phrases: Any
    fuzzy: Any
    matcher: Any
    keys: dict[int, tuple[str, str, bool]]  # match id -> (check, signal, fuzzy)
    fuzzy_vocab: list[str]
    fuzzy_cache: dict[int, str]  # word hash -> the fuzzy word it resembles, or ""
    # The token Matcher is the slow part: run it only where a pattern's first word occurs.
    # First words of token patterns, as a table read with numpy: ``trigger_words`` (sorted
    # LOWER hashes); the groups led by word i are ``trigger_members[trigger_ptr[i]:
    # trigger_ptr[i + 1]]`` (group numbers), group n has label ``trigger_labels[n]`` and its
    # anchor is ``trigger_offsets[n]`` tokens into its patterns.
    trigger_words: Any = None
    trigger_ptr: Any = None
    trigger_members: Any = None
    trigger_labels: list[int] = field(default_factory=list)
    trigger_offsets: Any = None
    groups: dict[int, Any] = field(default_factory=dict)  # trigger label -> its own Matcher
    widths: dict[int, int] = field(default_factory=dict)  # trigger label -> longest pattern
    always_match: bool = False
    # Words every match of a pattern must contain besides its first: a trigger is worth a
    # Matcher call only if, for some pattern of its group, each of those words occurs in the
    # pattern's reach. ``needs``: trigger label -> per pattern (reach, required word labels),
    # or None when some pattern of the group requires nothing more than its first word.
    required: dict[int, Any] = field(default_factory=dict)  # word-set label -> LOWER hashes
    needs: dict[int, list[tuple[int, tuple[int, ...]]] | None] = field(default_factory=dict)
    fuzzy_words: frozenset[str] = frozenset()
    fuzzy_hashes: set[int] = field(default_factory=set)


_COMPILED: dict[tuple[int, str], tuple[tuple[Rule, ...], _Compiled]] = {}


def _compile(rules: tuple[Rule, ...], lang: str) -> _Compiled:
    """One PhraseMatcher, one fuzzy PhraseMatcher and one Matcher for every check and signal."""
    key_ = (id(rules), lang)
    if key_ in _COMPILED and _COMPILED[key_][0] is rules:
        return _COMPILED[key_][1]
    compiled = _build(rules, lang)
    _COMPILED[key_] = (rules, compiled)  # keeps ``rules`` alive so its id is not reused
    _bound(_COMPILED)
    return compiled


CACHED_RULE_SETS = 8  # compiled rule sets kept (per language): a service using a few term sets


def _bound(cache: dict[Any, Any]) -> None:
    """Forget the oldest entries of a per-rule-set cache beyond CACHED_RULE_SETS."""
    while len(cache) > CACHED_RULE_SETS * 3:
        del cache[next(iter(cache))]


def import_spacy() -> Any:
    """Import spaCy without its command-line package.

    ``spacy/__init__`` imports ``spacy.cli`` (typer apps, weasel, download helpers) only to
    re-export ``spacy.info``; lexcheck never uses it, and skipping it cuts a third of the
    import time, which dominates a cold ``lexcheck review``. The stand-in is removed right
    after, so a later ``import spacy.cli`` (in a notebook, say) loads the real package.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stub = types.ModuleType("spacy.cli")
    stub.__path__ = []
    info = types.ModuleType("spacy.cli.info")

    def _info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info.info = _info  # type: ignore[attr-defined]
    stub.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = stub, info
    try:
        import spacy
    except ImportError:
        for name in ("spacy", "spacy.cli", "spacy.cli.info"):
            sys.modules.pop(name, None)
        import spacy
    finally:
        for name in ("spacy.cli", "spacy.cli.info"):
            if sys.modules.get(name) in (stub, info):
                del sys.modules[name]
    if getattr(spacy, "cli", None) is stub:
        delattr(spacy, "cli")
    return spacy


def blank_pipeline(lang: str) -> Any:
    """A blank spaCy pipeline whose tokenizer caches every word form (about seven times faster).

    Once a special case (an abbreviation such as "s.", an emoticon such as "8)") occurs in a
    text, spaCy stops caching the words that follow it in that call, and statutes are full
    of them, so nearly every word was split from scratch. The language is built without its
    special cases (which also spares loading some 1,300 of them at start-up); the only ones
    the rules rely on, negations, become suffixes, which are cached. Losing the emoticons also
    keeps "(8)" as "(", "8", ")". Phrases and patterns go through the same tokenizer, so they
    still line up with the text.
    """
    from spacy.util import get_lang_class

    base = get_lang_class(lang)
    defaults = type(
        "Defaults",
        (base.Defaults,),
        {
            "tokenizer_exceptions": {},
            "suffixes": [*_NEGATION_SUFFIXES, *(base.Defaults.suffixes or ())],
        },
    )
    nlp = type(f"Statute{base.__name__}", (base,), {"Defaults": defaults})()
    # Far more word forms than a statute book has, yet a bounded few megabytes.
    nlp.tokenizer.max_cache_size = 200_000
    return nlp


def _build(rules: tuple[Rule, ...], lang: str) -> _Compiled:
    """One PhraseMatcher, one fuzzy PhraseMatcher and one Matcher for every check and signal."""
    import_spacy()
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = blank_pipeline(lang if lang in ("en", "es", "fr") else "en")
    nlp.max_length = 10**8
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    fuzzy = PhraseMatcher(nlp.vocab, attr="NORM")
    matcher = Matcher(nlp.vocab)  # patterns are validated by the rule tests
    keys: dict[int, tuple[str, str, bool]] = {}
    vocab: set[str] = set()
    # (anchor offset, anchor words) -> the patterns anchored there
    by_first: dict[tuple[int, tuple[str, ...]], list[tuple[str, list[dict[str, Any]]]]] = (
        defaultdict(list)
    )
    always = False
    for rule in rules:
        for name, signal in rule.signals.items():
            spec = signal.for_language(lang)
            if spec is None:
                continue
            key = f"{rule.id}::{name}"
            if spec.phrases:
                phrases.add(key, [nlp.make_doc(p) for p in spec.phrases])
            if spec.patterns:
                matcher.add(key, spec.patterns)
                for pattern in spec.patterns:
                    anchor = _anchor(pattern, nlp)
                    if anchor is None:
                        always = True
                    else:
                        by_first[anchor[0], tuple(sorted(anchor[1]))].append((key, pattern))
            keys[nlp.vocab.strings.add(key)] = (rule.id, name, False)
            if spec.fuzzy:
                fkey = f"{key}::fuzzy"
                docs = []
                for phrase in spec.fuzzy:
                    doc = nlp.make_doc(phrase)
                    for tok in doc:
                        if tok.is_alpha and len(tok) >= FUZZY_MIN_LENGTH:
                            vocab.add(tok.lower_)
                            tok.norm_ = tok.lower_
                    docs.append(doc)
                fuzzy.add(fkey, docs)
                keys[nlp.vocab.strings.add(fkey)] = (rule.id, name, True)
    # Each group of patterns sharing first words gets its own small Matcher, run only on a
    # window starting where one of those words occurs: far cheaper than every pattern on
    # every token.
    groups: dict[int, Any] = {}
    widths: dict[int, int] = {}
    import numpy as np

    required: dict[int, Any] = {}
    word_sets: dict[frozenset[str], int] = {}
    needs: dict[int, list[tuple[int, tuple[int, ...]]] | None] = {}
    leads: list[tuple[int, int]] = []  # (LOWER hash of a first word, group number)
    group_labels: list[int] = []
    anchors: list[int] = []
    for n, ((offset, first), members) in enumerate(sorted(by_first.items())):
        label = nlp.vocab.strings.add(f"trigger-{n}")
        group_labels.append(label)
        anchors.append(offset)
        # A superset of the Matcher's test (ORTH "Court" also triggers on "court"): the group's
        # own Matcher decides.
        leads += [(nlp.vocab.strings.add(w.lower()), n) for w in first]
        group = Matcher(nlp.vocab)
        for key, pattern in members:
            group.add(key, [pattern])
        groups[label] = group
        widths[label] = min(PATTERN_WINDOW, max(pattern_length(p) for _, p in members))
        per_pattern: list[tuple[int, tuple[int, ...]]] | None = []
        for _, pattern in members:
            labels = []
            for needed in _required_words(pattern[1:], nlp):
                if needed not in word_sets:
                    name = f"required-{len(word_sets)}"
                    word_sets[needed] = nlp.vocab.strings.add(name)
                    required[word_sets[needed]] = np.array(
                        sorted(nlp.vocab.strings.add(w) for w in needed), dtype=np.uint64
                    )
                labels.append(word_sets[needed])
            if not labels:
                per_pattern = None  # this pattern can match wherever its first word occurs
                break
            assert per_pattern is not None
            reach = min(PATTERN_WINDOW, pattern_length(pattern))
            per_pattern.append((reach, tuple(sorted(set(labels)))))
        needs[label] = per_pattern
    leads.sort()
    words = sorted({h for h, _ in leads})
    return _Compiled(
        nlp,
        phrases,
        fuzzy,
        matcher,
        keys,
        sorted(vocab),
        {},
        trigger_words=np.array(words, dtype=np.uint64),
        trigger_ptr=np.append(
            np.searchsorted(
                np.array([h for h, _ in leads], dtype=np.uint64), np.array(words, dtype=np.uint64)
            ),
            len(leads),
        ).astype(np.int64),
        trigger_members=np.array([n for _, n in leads], dtype=np.int64),
        trigger_labels=group_labels,
        trigger_offsets=np.array(anchors, dtype=np.int64),
        groups=groups,
        widths=widths,
        always_match=always,
        required=required,
        needs=needs,
        fuzzy_words=frozenset(vocab),
    )


# The special cases statutes need, as suffixes: "cannot" and "can't" give a "not" token.
_NEGATION_SUFFIXES = (r"(?<=^[Cc]an)not", r"(?<=[A-Za-z])n['’]t")


def pattern_length(pattern: list[dict[str, Any]]) -> int:
    """The most tokens a Matcher pattern can span (unbounded operators count as 1000)."""
    total = 0
    for token in pattern:
        op = str(token.get("OP", ""))
        if op in ("", "!", "?", "1"):
            total += 0 if op == "!" else 1
        elif op in ("*", "+"):
            total += 1000
        else:
            bounds = op.strip("{}").split(",")
            upper = bounds[-1].strip()
            total += int(upper) if upper else 1000
    return total


def _anchor(pattern: list[dict[str, Any]], nlp: Any) -> tuple[int, set[str]] | None:
    """Where a pattern can be found from: (token index, the words that token must be).

    The first token's words when it has some; otherwise the first token with words after
    tokens that each take exactly one token ("not after 'of'": ``NOT_IN`` then the word), so
    the match starts a fixed number of tokens before the anchor. None: run it everywhere.
    """
    words = _first_words(pattern)
    if words is not None:
        return 0, words
    for i, token in enumerate(pattern):
        if str(token.get("OP", "1")) != "1":
            return None
        if i == 0:
            continue
        needed = _required_words([token], nlp)
        if needed:
            return i, set(needed[0])
    return None


def _first_words(pattern: list[dict[str, Any]]) -> set[str] | None:
    """The lower-case words a pattern's first token must be, or None if it can be anything."""
    if not pattern:
        return None
    first = pattern[0]
    if first.get("OP") in ("?", "*", "{0,1}"):
        return None
    lower = first.get("LOWER", first.get("ORTH"))
    if lower is None:
        return None
    if isinstance(lower, str):
        return {lower}
    if isinstance(lower, dict) and isinstance(lower.get("IN"), list):
        return {str(w) for w in lower["IN"]}
    return None


def _required_words(tokens: list[dict[str, Any]], nlp: Any) -> list[frozenset[str]]:
    """Lower-case word sets of the tokens a match must contain (one word of each set).

    Only plain word tests count: a token that may be absent (``?``, ``{0,n}``, ``!``) or is
    tested otherwise (REGEX, NOT_IN, shape) requires nothing. A word the tokenizer splits
    ("parent's", "ill-treatment") is no single token's text, so the Matcher can never match
    it there: it is left out of its set, and the rest of the set still counts.
    """
    out: list[frozenset[str]] = []
    for token in tokens:
        op = str(token.get("OP", "1"))
        if op in ("?", "*", "!") or op.startswith("{0") or op.startswith("{,"):
            continue
        if set(token) - {"LOWER", "ORTH", "OP"} or ("LOWER" in token and "ORTH" in token):
            continue
        value = token.get("LOWER", token.get("ORTH"))
        if isinstance(value, str):
            words = [value]
        elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            words = [str(w) for w in value["IN"]]
        else:
            continue
        single = frozenset(w.lower() for w in words if len(nlp.make_doc(w.lower())) == 1)
        if single:
            out.append(single)
    return out


def _promising(
    starts: Any,
    needs: list[tuple[int, tuple[int, ...]]],
    positions: Callable[[int], Any],
) -> list[int]:
    """The trigger positions from which some pattern has all its required words in reach.

    ``positions(label)``: sorted token positions of a required word set (numpy), so each
    group's starts are tested in a few numpy passes.
    """
    import numpy as np

    at = np.asarray(starts, dtype=np.int64)
    promising = np.zeros(len(at), dtype=bool)
    for reach, labels in needs:
        ok = np.ones(len(at), dtype=bool)
        for label in labels:
            found = positions(label)
            if not len(found):
                ok[:] = False
                break
            i = np.searchsorted(found, at)  # the first occurrence at or after each start
            ok &= (i < len(found)) & (found[np.minimum(i, len(found) - 1)] < at + reach)
        promising |= ok
    return at[promising].tolist()


class _ChunkWords:
    """A chunk's words (LOWER hashes) and, built on first use, a view of them sorted by word:
    each word's positions are then two binary searches away."""

    def __init__(self, lowers: Any) -> None:
        self.lowers = lowers
        self._sorted: tuple[Any, Any] | None = None

    def _by_word(self) -> tuple[Any, Any]:
        if self._sorted is None:
            import numpy as np

            order = np.argsort(self.lowers, kind="stable")
            self._sorted = (order, self.lowers[order])
        return self._sorted

    def distinct(self) -> Any:
        import numpy as np

        _, words = self._by_word()
        first = np.ones(len(words), dtype=bool)
        first[1:] = words[1:] != words[:-1]
        return words[first]

    def positions(self, wanted: Any) -> Any:
        """Sorted token positions of any of the words ``wanted`` (sorted uint64 hashes)."""
        import numpy as np

        order, words = self._by_word()
        lo = np.searchsorted(words, wanted, side="left")
        hi = np.searchsorted(words, wanted, side="right")
        parts = [order[a:b] for a, b in zip(lo.tolist(), hi.tolist(), strict=True) if b > a]
        return np.sort(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)


def _apply_fuzzy_norms(doc: Any, compiled: _Compiled, words: _ChunkWords | None = None) -> bool:
    """Set NORM of near-miss words ("whiping", "punishrnent") to the word they resemble.

    Each distinct word is compared once per process (cached by its hash), and the token loop
    touches only the words that changed, so the cost stays close to one numpy pass.
    """
    if not compiled.fuzzy_vocab:
        return False
    import numpy as np
    from rapidfuzz import fuzz, process
    from spacy.attrs import LOWER

    if words is None:
        words = _ChunkWords(doc.to_array(LOWER))
    cache_ = compiled.fuzzy_cache
    strings = doc.vocab.strings
    for h in words.distinct().tolist():
        if h in cache_:
            continue
        word = strings[h]
        target = ""
        if len(word) >= FUZZY_MIN_LENGTH and word.isalpha() and word not in compiled.fuzzy_words:
            best = process.extractOne(
                word, compiled.fuzzy_vocab, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            target = best[0] if best else ""
        cache_[h] = target
        if target:
            compiled.fuzzy_hashes.add(h)
    if not compiled.fuzzy_hashes:
        return False
    changed = words.positions(np.array(sorted(compiled.fuzzy_hashes), dtype=np.uint64))
    lowers = words.lowers
    for i in changed.tolist():
        doc[i].norm_ = cache_[int(lowers[i])]
    return bool(len(changed))


def _in_scope(node: Node, scope: Scope | None) -> bool:
    if scope is None or not _restricts(scope):
        return True
    kinds = node.kinds()
    if scope.kinds and not kinds & set(scope.kinds):
        return False
    if scope.exclude_kinds and kinds & set(scope.exclude_kinds):
        return False
    if scope.headings or scope.exclude_headings:
        headings = node.headings()
        if scope.headings and not any(h.lower() in headings for h in scope.headings):
            return False
        if any(h.lower() in headings for h in scope.exclude_headings):
            return False
    if scope.exclude_section_headings:
        own = node.section_headings()
        if any(h.lower() in own for h in scope.exclude_section_headings):
            return False
    return True


def _defines(node: Node, clause: str, terms: tuple[str, ...]) -> bool:
    """Is ``clause`` (or ``node``) the definition of one of ``terms``?"""
    if {t.lower() for t in terms} & set(node.defined_terms()):
        return True
    return bool(_definition_pattern(terms).search(clause))


@cache
def _definition_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(t.lower()) for t in sorted(terms, key=len, reverse=True))
    return re.compile(
        # Quoted ("child", “child”, ''child'', `child') or unquoted and bold (**child** means).
        rf"[\"“'‘`]{{1,2}}[\s*_]*(?:{alternation})s?[\s*_]*[\"”'’]{{1,2}}\s*,?\s*"
        rf"(?:means|includes|is a person|shall mean|refers|se entiende|désigne|s'entend)"
        rf"|\b(?:{alternation})[*_]*\s+(?:is|means|shall\s+mean)\s+(?:a|an|any|every)\s+"
        rf"(?:person|individual|human\s+being|boy|girl)",
        re.IGNORECASE,
    )


class _SentenceCache:
    """Sentence spans of each own-text segment, computed only where there are hits."""

    def __init__(self, text: str, cues: CompiledCues) -> None:
        self.text = text
        self.cues = cues
        self.spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self.infos: dict[tuple[int, int], SentenceInfo] = {}

    def info(self, span: tuple[int, int]) -> SentenceInfo:
        found = self.infos.get(span)
        if found is None:
            found = self.infos[span] = analyse(self.text[span[0] : span[1]], self.cues)
        return found

    def sentence(self, seg: tuple[int, int], offset: int) -> tuple[int, int]:
        bounds = self.spans.get(seg)
        if bounds is None:
            s, e = seg
            bounds = [(s + a, s + b) for a, b in sentence_bounds(self.text[s:e], self.cues)]
            self.spans[seg] = bounds
        i = bisect.bisect_right(bounds, (offset, 1 << 62)) - 1
        if i >= 0 and bounds[i][0] <= offset < bounds[i][1]:
            return bounds[i]
        return bounds[-1]


def _references(
    index: DocumentIndex, node: Node, text: str, start: int, end: int, cues: CompiledCues
) -> list[Node]:
    out: list[Node] = []
    if not _REFERENCE_HINT.search(text, start, end):
        return out  # no number or bracket: nothing to resolve
    for m in cues.reference.finditer(text, start, end):
        target = index.resolve(m.group(0), node)
        if target is not None and target is not node:
            out.append(target)
    return out


def _inbound_exceptions(index: DocumentIndex, cues: CompiledCues) -> dict[int, list[Node]]:
    """Provisions that disapply another ("subsection (6) does not apply if ..."), by target."""
    text = index.document.text
    # One pass over the whole text (the formula is rare), each find placed in the own-text
    # segment that holds it; own segments never overlap.
    segments = sorted((s, e, node.order) for node in index.nodes for s, e in node.own)
    seg_starts = [s for s, _, _ in segments]
    finds: list[tuple[int, int, int, int]] = []  # (node order, start, its segment's start, end)
    for m in _disapplying(text):
        i = bisect.bisect_right(seg_starts, m.start()) - 1
        if i >= 0 and m.end() <= segments[i][1]:
            finds.append((segments[i][2], m.start(), segments[i][0], m.end()))
    found: dict[int, list[Node]] = defaultdict(list)
    for order, start, seg_start, _ in sorted(finds):
        node = index.nodes[order]
        head = text[max(seg_start, start - 80) : start]
        for ref in cues.reference.finditer(head):
            target = index.resolve(ref.group(0), node)
            if target is not None and target is not node:
                found[target.order].append(node)
    return found


_DISAPPLY = re.compile(r"(?:does not|shall not|do not)\s+apply|is subject to|are subject to")
_DISAPPLY_ENDS = ("apply", "subject to")  # every match of _DISAPPLY ends with one of these


def _disapplying(text: str) -> list[re.Match[str]]:
    """The matches of _DISAPPLY in ``text``, in order. str.find locates their last words far
    faster than the regex engine can scan a long statute; the regex then runs only there."""
    found: dict[int, re.Match[str]] = {}
    for end_word in _DISAPPLY_ENDS:
        at = text.find(end_word)
        while at >= 0:
            end = at + len(end_word)
            for m in _DISAPPLY.finditer(text, max(0, at - 200), end):
                if m.end() == end:
                    found[m.start()] = m
            at = text.find(end_word, end)
    return [found[k] for k in sorted(found)]


CHUNK_CHARS = 128_000  # own-text segments are tokenised in batches of about this size
_SEPARATOR = "\n\n\n"


def _chunks(
    text: str, segments: list[tuple[Node, tuple[int, int]]]
) -> Iterator[tuple[str, list[tuple[int, Node, tuple[int, int]]]]]:
    """Join own-text segments into chunks (so spaCy is called a few times, not per provision).

    Each chunk stays far below spaCy's max_length; ``placed`` maps chunk offsets back.
    """
    parts: list[str] = []
    placed: list[tuple[int, Node, tuple[int, int]]] = []
    size = 0
    for node, (s, e) in _split_long(text, segments):
        if parts and size + (e - s) > CHUNK_CHARS:
            yield "".join(parts), placed
            parts, placed, size = [], [], 0
        placed.append((size, node, (s, e)))
        parts.append(text[s:e])
        parts.append(_SEPARATOR)
        size += e - s + len(_SEPARATOR)
    if parts:
        yield "".join(parts), placed


def _split_long(
    text: str, segments: list[tuple[Node, tuple[int, int]]]
) -> Iterator[tuple[Node, tuple[int, int]]]:
    """Cut segments longer than a chunk (an unstructured text) at line or sentence breaks."""
    for node, (s, e) in segments:
        while e - s > CHUNK_CHARS:
            cut = text.rfind("\n", s, s + CHUNK_CHARS)
            if cut <= s:
                cut = text.rfind(". ", s, s + CHUNK_CHARS) + 1
            if cut <= s:
                cut = s + CHUNK_CHARS
            yield node, (s, cut)
            s = cut
        yield node, (s, e)


def _match_chunk(compiled: _Compiled, chunk: str) -> list[tuple[int, int, int]]:
    """(match id, start char, end char) of every phrase, pattern and fuzzy match in ``chunk``."""
    ids, starts, ends = _match_chunk_arrays(compiled, chunk)
    return list(zip(ids.tolist(), starts.tolist(), ends.tolist(), strict=True))


def _match_chunk_arrays(compiled: _Compiled, chunk: str) -> tuple[Any, Any, Any]:
    """Match ids (uint64), start and end chars (int64) of every match in ``chunk``: numpy."""
    import numpy as np
    from spacy.attrs import LOWER

    sdoc = compiled.nlp.make_doc(chunk)
    words = _ChunkWords(sdoc.to_array(LOWER))
    matches = list(compiled.phrases(sdoc))
    if compiled.always_match:
        matches += list(compiled.matcher(sdoc))
    else:
        # Run each group of token patterns only where one of its first words occurs: on short
        # windows when the words are rare, on the whole chunk when they are frequent.
        found: dict[int, Any] = {}

        def positions(word_set: int) -> Any:
            if word_set not in found:
                found[word_set] = words.positions(compiled.required[word_set])
            return found[word_set]

        for label, found_at in _trigger_starts(compiled, words.lowers):
            group = compiled.groups[label]
            width = compiled.widths[label]
            needs = compiled.needs.get(label)
            if needs is None:
                starts = found_at.tolist()
            else:
                starts = _promising(found_at, needs, positions)
                if not starts:
                    continue
            if len(starts) * width > len(sdoc):
                matches += list(group(sdoc))
                continue
            matches += _windowed(group, sdoc, starts, width)
    if compiled.fuzzy_vocab and _apply_fuzzy_norms(sdoc, compiled, words):
        matches += list(compiled.fuzzy(sdoc))
    if not matches:
        empty = np.zeros(0, dtype=np.int64)
        return np.zeros(0, dtype=np.uint64), empty, empty
    from spacy.attrs import IDX, LENGTH

    # Token offsets to character offsets in one numpy pass: a chunk has thousands of matches.
    offsets = sdoc.to_array([IDX, LENGTH])
    # Match ids are 64-bit unsigned hashes; fromiter over the flattened tuples is several
    # times faster than np.array on a list of tuples.
    table = np.fromiter(
        itertools.chain.from_iterable(matches), dtype=np.uint64, count=3 * len(matches)
    ).reshape(-1, 3)
    ids = table[:, 0]
    spans = table[:, 1:].astype(np.int64)
    starts_ = offsets[spans[:, 0], 0].astype(np.int64)
    last = offsets[spans[:, 1] - 1].astype(np.int64)
    return ids, starts_, last[:, 0] + last[:, 1]


def _trigger_starts(compiled: _Compiled, lowers: Any) -> Iterator[tuple[int, Any]]:
    """(group label, sorted token positions where its patterns may start), in numpy: a
    statute has a trigger word every few tokens, too many for a Python loop over them."""
    import numpy as np

    words = compiled.trigger_words
    if not len(words) or not len(lowers):
        return
    i = np.minimum(np.searchsorted(words, lowers), len(words) - 1)
    at = np.flatnonzero(words[i] == lowers)
    if not len(at):
        return
    w = i[at]
    ptr = compiled.trigger_ptr
    counts = ptr[w + 1] - ptr[w]
    # Each occurrence of a word once per group it leads.
    tokens = np.repeat(at, counts)
    first = np.repeat(ptr[w] - (np.cumsum(counts) - counts), counts)
    groups = compiled.trigger_members[first + np.arange(len(tokens))]
    starts = tokens - compiled.trigger_offsets[groups]
    keep = starts >= 0
    groups, starts = groups[keep], starts[keep]
    order = np.lexsort((starts, groups))
    groups, starts = groups[order], starts[order]
    bounds = np.flatnonzero(np.diff(groups)) + 1
    for block_groups, block_starts in zip(
        np.split(groups, bounds), np.split(starts, bounds), strict=True
    ):
        if len(block_groups):
            yield compiled.trigger_labels[int(block_groups[0])], block_starts


def _windowed(group: Any, sdoc: Any, starts: list[int], width: int) -> list[tuple[int, int, int]]:
    """Matches of ``group`` that start at one of ``starts`` and span at most ``width`` tokens.

    Overlapping windows are merged so the Matcher is called once per cluster of trigger
    words rather than once per word; keeping only matches that start on a trigger and fit
    its window gives exactly what one call per window would.
    """
    wanted = set(starts)
    out: list[tuple[int, int, int]] = []
    n = len(sdoc)
    ordered = sorted(wanted)
    i = 0
    while i < len(ordered):
        a = ordered[i]
        b = a + width
        i += 1
        while i < len(ordered) and ordered[i] < b:
            b = ordered[i] + width
            i += 1
        for mid, ms, me in group(sdoc[a : min(b, n)]):
            s = a + ms
            if s in wanted and me - ms <= width:
                out.append((mid, s, a + me))
    return out


_WORD = re.compile(r"\w")
_REFERENCE_HINT = re.compile(r"[\d(]")
_CUES: dict[str, CompiledCues] = {}


def _cues(lang: str) -> CompiledCues:
    if lang not in _CUES:
        _CUES[lang] = compile_cues(load_cues(lang))
    return _CUES[lang]


def match_document(
    document: ParsedDocument, doc: int, rules: tuple[Rule, ...], lang: str | None = None
) -> DocumentMatches:
    """Every hit of every rule in ``document`` (``doc`` = its index in the framework)."""
    language = lang or document.document.language or "en"
    if language not in ("en", "es", "fr"):
        language = "en"
    compiled = _compile(rules, language)
    cues = _cues(language)
    index = index_document(document, doc)
    text = document.text
    segments: list[tuple[Node, tuple[int, int]]] = [
        (node, seg) for node in index.nodes for seg in node.own if _WORD.search(text, *seg)
    ]
    sentences = _SentenceCache(text, cues)
    inbound = _inbound_exceptions(index, cues)
    import numpy as np

    hits: dict[str, list[Hit]] = defaultdict(list)
    # Context-only offsets, check -> signal -> arrays (one per chunk) or single offsets.
    found_at: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    state = _DocState(index, cues, sentences, inbound)
    keys = _key_info(compiled, rules)
    scoped: dict[tuple[int, int], bool] = {}
    # Each chunk's matches are parallel arrays (document offsets, segment number), so mapping
    # back to provisions and sorting cost numpy passes, not Python per match; a chunk is done
    # with before the next is matched, so memory holds one chunk's matches at a time.
    for chunk_text, placed in _chunks(text, segments):
        ids, a, b = _match_chunk_arrays(compiled, chunk_text)
        if not len(ids):
            continue
        offs = np.array([off for off, _, _ in placed], dtype=np.int64)
        seg_start = np.array([seg[0] for _, _, seg in placed], dtype=np.int64)
        seg_len = np.array([seg[1] - seg[0] for _, _, seg in placed], dtype=np.int64)
        i = np.searchsorted(offs, a, side="right") - 1
        # Drop a token pattern that ran across two provisions.
        keep = np.nonzero((i >= 0) & (b <= offs[i] + seg_len[i]))[0]
        i = i[keep]
        ids = ids[keep]
        starts_ = seg_start[i] + a[keep] - offs[i]
        ends_ = seg_start[i] + b[keep] - offs[i]
        segs = [(node, seg) for _, node, seg in placed]
        # Nine matches in ten are context-only words ("child", "custody"): their positions
        # are gathered in numpy, and only the rest become Hits in the Python loop below.
        kinds, inverse = np.unique(ids, return_inverse=True)
        infos = [keys[k] for k in kinds.tolist()]
        plain = np.array(
            [k.context_only and not k.terms and not k.scoped for k in infos], dtype=bool
        )
        if plain.any():
            pair_of = np.array([k.pair for k in infos], dtype=np.int64)[inverse]
            _gather_positions(found_at, infos, pair_of, starts_, plain[inverse])
        rest = np.flatnonzero(~plain[inverse])
        # One hit per signal per sentence position: the longest match starting first wins
        # (a stable sort, so ties keep the order the matchers gave).
        order = rest[np.lexsort((-ends_[rest], starts_[rest]))]
        seen: set[int] = set()  # signals already hit at ``seen_at``
        seen_at = -1
        for mid, a_, b_, si in zip(
            ids[order].tolist(),
            starts_[order].tolist(),
            ends_[order].tolist(),
            i[order].tolist(),
            strict=True,
        ):
            key = keys[mid]
            node, seg = segs[si]
            if key.scoped:
                where = (key.pair, node.order)
                ok = scoped.get(where)
                if ok is None:
                    ok = scoped[where] = _in_scope(node, key.rule_scope) and _in_scope(
                        node, key.signal_scope
                    )
                if not ok:
                    continue
            if a_ != seen_at:
                seen.clear()
                seen_at = a_
            if key.pair in seen:
                continue
            seen.add(key.pair)
            check, signal, terms = key.check, key.signal, key.terms
            if key.context_only and not terms:
                found_at[check][signal].append(a_)
                continue
            s0, s1 = sentences.sentence(seg, a_)
            if terms:
                c0, c1 = sentences.info((s0, s1)).clause(a_ - s0)
                if not _defines(node, text[s0 + c0 : s0 + c1], terms):
                    continue
            hits[check].append(Hit(check, signal, node, a_, b_, s0, s1, key.fuzzy, state))
    # Chunks follow the tree, not always the text (a section's closing words come after its
    # subsections): put every check's hits in text order, as one sort of all matches would.
    for found in hits.values():
        found.sort(key=_text_order)
    # Offsets kept as sorted int64 arrays: a third of the memory of lists of Python ints.
    positions = {
        check: {name: _offset_array(parts) for name, parts in signals.items()}
        for check, signals in found_at.items()
    }
    return DocumentMatches(index, language, dict(hits), positions)


def _text_order(hit: Hit) -> tuple[int, int]:
    return hit.start, -hit.end


def _offset_array(parts: list[Any]) -> Any:
    """One sorted int64 array from per-chunk arrays and single offsets."""
    import numpy as np

    arrays = [p for p in parts if not isinstance(p, int)]
    singles = [p for p in parts if isinstance(p, int)]
    if singles:
        arrays.append(np.array(singles, dtype=np.int64))
    return np.sort(np.concatenate(arrays)) if arrays else np.zeros(0, dtype=np.int64)


def _gather_positions(
    positions: dict[str, dict[str, list[Any]]],
    infos: list[_KeyInfo],
    pair_of: Any,
    starts: Any,
    mask: Any,
) -> None:
    """Sorted distinct start offsets of each context-only signal (exact and fuzzy together)."""
    import numpy as np

    pairs, at = pair_of[mask], starts[mask]
    order = np.lexsort((at, pairs))
    pairs, at = pairs[order], at[order]
    first = np.ones(len(at), dtype=bool)
    first[1:] = (pairs[1:] != pairs[:-1]) | (at[1:] != at[:-1])
    pairs, at = pairs[first], at[first]
    names = {k.pair: (k.check, k.signal) for k in infos}
    bounds = np.flatnonzero(np.diff(pairs)) + 1
    for block_pairs, block_at in zip(np.split(pairs, bounds), np.split(at, bounds), strict=True):
        check, signal = names[int(block_pairs[0])]
        positions[check][signal].append(block_at)


_CONTEXT_ONLY: dict[int, tuple[tuple[Rule, ...], frozenset[tuple[str, str]]]] = {}


@dataclass(frozen=True)
class _KeyInfo:
    """What the hit loop needs about one match id, looked up once per rule set."""

    check: str
    signal: str
    fuzzy: bool
    pair: int  # the same number for a signal's exact and fuzzy match ids
    rule_scope: Scope | None
    signal_scope: Scope | None
    scoped: bool  # False when neither scope can exclude a provision
    terms: tuple[str, ...]
    context_only: bool


_KEY_INFO: dict[int, tuple[tuple[Rule, ...], dict[int, _KeyInfo]]] = {}


def _key_info(compiled: _Compiled, rules: tuple[Rule, ...]) -> dict[int, _KeyInfo]:
    cached = _KEY_INFO.get(id(compiled))
    if cached is not None and cached[0] is rules:
        return cached[1]
    rules_by_id = {r.id: r for r in rules}
    context_only = _context_only(rules)
    pairs: dict[tuple[str, str], int] = {}
    out: dict[int, _KeyInfo] = {}
    for match_id, (check, signal, is_fuzzy) in compiled.keys.items():
        rule = rules_by_id[check]
        spec = rule.signals[signal]
        terms = (spec.scope.defined_terms if spec.scope else []) or rule.scope.defined_terms
        out[match_id] = _KeyInfo(
            check,
            signal,
            is_fuzzy,
            pairs.setdefault((check, signal), len(pairs)),
            rule.scope,
            spec.scope,
            _restricts(rule.scope) or _restricts(spec.scope),
            tuple(terms),
            (check, signal) in context_only,
        )
    _KEY_INFO[id(compiled)] = (rules, out)
    _bound(_KEY_INFO)
    return out


def _restricts(scope: Scope | None) -> bool:
    return scope is not None and bool(
        scope.kinds
        or scope.exclude_kinds
        or scope.headings
        or scope.exclude_headings
        or scope.exclude_section_headings
    )


def _context_only(rules: tuple[Rule, ...]) -> frozenset[tuple[str, str]]:
    """(check, signal) pairs that no outcome, value or conflict rests on: context only."""
    cached = _CONTEXT_ONLY.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    out: set[tuple[str, str]] = set()
    for rule in rules:
        used = {t.signal for o in rule.outcomes for t in o.when if t.signal}
        used |= {s for spec in rule.values.values() for s in spec.from_}
        used |= {c.a.signal for c in rule.conflicts} | {c.b.signal for c in rule.conflicts}
        out |= {(rule.id, name) for name in rule.signals if name not in used}
    result = frozenset(out)
    _CONTEXT_ONLY[id(rules)] = (rules, result)
    _bound(_CONTEXT_ONLY)
    return result


def _contains(outer: Node, inner: Node) -> bool:
    return (
        outer.provision.start <= inner.provision.start
        and inner.provision.end <= outer.provision.end
    )


def clause_span(text: str, hit: Hit) -> tuple[int, int]:
    """Document span of the clause carrying ``hit``."""
    sentence = text[hit.sent_start : hit.sent_end]
    a, b = clause_of(sentence, hit.start - hit.sent_start)
    return hit.sent_start + a, hit.sent_start + b
