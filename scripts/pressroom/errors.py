"""One small hierarchy of user-facing problems.

A problem names the file (and line where it applies) and says what to do; the CLI prints
it as ``path:line: message`` without a traceback. Stages collect problems instead of
raising on the first one, so a user sees every bad file in one run.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    message: str
    line: int | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "" if self.severity == "error" else "warning: "
        return f"{where}: {label}{self.message}"


class PressroomError(Exception):
    """A user's mistake or a bad input: printed as one line, never as a traceback."""

    def __init__(self, path: str, message: str, line: int | None = None):
        super().__init__(message)
        self.problem = Problem(path, message, line)

    def __str__(self) -> str:
        return str(self.problem)

    def __reduce__(self):
        # raised in a worker process, it is pickled back to the build: by its fields
        return type(self), (self.problem.path, self.problem.message, self.problem.line)


class SourceError(PressroomError):
    """A source file that cannot be turned into an article."""


class NotesError(PressroomError):
    """A notes sidecar whose note or correction does not fit its article."""


class ConfigError(PressroomError):
    """A problem with the project's configuration or layout."""
