"""Direct quotes: which quoted spans are speech, and who said them (see ``rules``)."""
from .rules import find_quotes

__all__ = ["find_quotes"]
