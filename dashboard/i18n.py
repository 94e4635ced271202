"""Looking up the message catalog (``dashboard/messages/``): ``t(key, lang, **params)``.

Formatting numbers, percentages and dates is ``dashboard.fmt``'s job.
"""

from __future__ import annotations

from .messages import MESSAGES

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


class MissingMessage(KeyError):
    """A key (or a language of it) the catalog does not have: a bug to fix, never text to show."""


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The message ``key`` in ``lang``, with ``params`` filled in.

    A key or a language missing from the catalog raises ``MissingMessage``, and a placeholder
    not given raises ``KeyError``: the reader never sees a raw key or a raw "{name}", and a test
    finds the slip.
    """
    try:
        text = MESSAGES[key][lang]
    except KeyError:
        raise MissingMessage(f"no message {key!r} in language {lang!r}") from None
    return text.format(**params)
