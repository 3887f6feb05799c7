"""Read the YAML data files (rules, standards) as PyYAML's safe loader does, a third faster."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# libyaml's parser where PyYAML has it: several times faster than the pure-Python one.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
# Keys the safe constructor treats specially (``<<: *defaults``, ``=``).
_SPECIAL_KEYS = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"})


def load_yaml(text: str) -> Any:
    """The document in ``text``, as ``yaml.load(text, Loader=CSafeLoader)`` returns it.

    Every run of ``lexcheck review`` reads some 700 KB of rules and standards, and PyYAML
    builds plain strings, lists and mappings through generic per-node machinery that costs
    more than parsing them. Those three are built here directly; anything else (numbers,
    booleans, dates, merge keys, explicit tags) goes to the safe constructor as before.
    Raises ``yaml.YAMLError`` as ``yaml.load`` does.
    """
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _Builder(loader).build(node)
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, loader: Any) -> None:
        self.loader = loader
        # An alias is the node it names: built once, the same object wherever it appears
        # (and a recursive structure does not recurse for ever), as PyYAML does.
        self.built: dict[Node, Any] = {}

    def build(self, node: Node) -> Any:
        cls = node.__class__
        if cls is ScalarNode and node.tag == _STR:
            return node.value
        if node in self.built:
            return self.built[node]
        if cls is SequenceNode and node.tag == _SEQ:
            items: list[Any] = []
            self.built[node] = items
            items.extend(self.build(child) for child in node.value)
            return items
        if (
            cls is MappingNode
            and node.tag == _MAP
            and not any(key.tag in _SPECIAL_KEYS for key, _ in node.value)
        ):
            mapping: dict[Any, Any] = {}
            self.built[node] = mapping
            for key_node, value_node in node.value:
                key = self.build(key_node)
                value = self.build(value_node)
                try:
                    mapping[key] = value
                except TypeError as exc:  # a list or mapping as a key
                    raise ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        "found unhashable key",
                        key_node.start_mark,
                    ) from exc
            return mapping
        return self.loader.construct_object(node, deep=True)
