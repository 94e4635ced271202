"""The message catalog: every string a user reads, Vietnamese first, English alongside.

One module per page group (its keys start with the group's English name: ``overview.*``,
``ranking.*``, ``solutions.*`` …; the ingest's problem codes ``p.*``, ``reason.*``, ``file.*``
are kept as the ingest writes them). ``MESSAGES`` is their union, put together here, once and
explicitly: a key defined in two modules stops the import. Look a message up with
``dashboard.i18n.t``.
"""

from __future__ import annotations

from types import ModuleType

from . import (auth, cli, common, documents, history, ingest, limitations, meetings, members, overview, projection,
               ranking, rules, solutions, upload, yearend)

MODULES: tuple[ModuleType, ...] = (common, auth, overview, ranking, solutions, meetings, upload, history, rules,
                                   ingest, cli, documents, projection, limitations, yearend, members)


def merged(modules: tuple[ModuleType, ...]) -> dict[str, dict[str, str]]:
    """The modules' catalogs as one dictionary; a key in two of them raises."""
    catalog: dict[str, dict[str, str]] = {}
    for module in modules:
        clash = catalog.keys() & module.MESSAGES.keys()
        if clash:
            raise KeyError(f"message keys defined twice ({module.__name__}): {sorted(clash)}")
        catalog.update(module.MESSAGES)
    return catalog


MESSAGES: dict[str, dict[str, str]] = merged(MODULES)
