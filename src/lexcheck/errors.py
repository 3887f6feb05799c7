"""Errors that the CLI maps to exit codes (2: bad input or usage, 3: broken rules/standards)."""

from __future__ import annotations


class LexcheckError(Exception):
    """Base class of every error lexcheck reports to a user as one line."""

    exit_code = 2


class InputError(LexcheckError):
    """A document cannot be read: empty, binary, corrupt, encrypted, too large, unknown type."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UsageError(LexcheckError):
    """The command line or a configuration file asks for something impossible."""


class DataError(LexcheckError):
    """A file under standards/ or rules/ (or a user's own) does not validate."""

    exit_code = 3


def yaml_error_position(exc: Exception) -> str:
    """' at line L, column C: problem' from a PyYAML error, on one line (its text spans several)."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or ""
    at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return f"{at}: {problem}" if problem else at
