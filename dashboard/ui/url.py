"""The address (URL) as the page's state: what it says, what that means, and the one writer.

Filters live in three places that agree: the address (``?chi_bo=CB01,CB03&ky=2024``; repeated
``chi_bo`` parameters work too), session state (so that a filter survives a page switch) and
the widgets. The address wins over what is remembered; an unknown value in it is dropped with a
notice; an empty cell filter means every cell.

``split`` and ``resolve`` are that rule as pure functions (tests/test_url.py), ``remembered``
applies it to the session, and ``write`` is the only function that changes ``st.query_params``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import streamlit as st

from ..progress import Focus

# Parameter names in the address (Vietnamese, as users copy them): cells, period, language,
# the ranking page's comparison and sort order, the solution page's matrix cell.
P_CELLS, P_PERIOD, P_LANG = "chi_bo", "ky", "lang"
P_COMPARE, P_SORT = "so_sanh", "sap_xep"
P_SOLUTION, P_UNIT = "giai_phap", "don_vi"
FOCUS_GENERATION = "_focus_generation"


def resolve(url: Sequence[str] | None, remembered: object, options: Sequence[str], *, many: bool = False,
            default: object = None, normalise: Callable[[str], str] | None = None) -> tuple[object, list[str]]:
    """What a parameter means: ``(value, notices)``.

    ``url``: the parameter's values in the address (``values``), None when the address does not
    name it. ``remembered``: the value kept from before (a list when ``many``). ``options``: the
    values allowed. ``normalise`` turns a written value into an option's form (upper case, a
    period's code); a ValueError makes it unknown.

    ``many`` (the cell filter): when the address names the parameter, its known values, in its
    order, once each — none at all means every cell; otherwise the remembered values still
    allowed. One value: the address's first value when allowed, else the remembered value when
    allowed, else ``default``. ``notices`` lists the values of the address that were dropped.
    """
    def understood(raw: str) -> str:
        if normalise is None:
            return raw
        try:
            return normalise(raw)
        except ValueError:
            return raw

    allowed = set(options)
    if many:
        if url is None:
            return [v for v in (remembered or []) if v in allowed], []
        wanted = [understood(v) for v in url]
        return (list(dict.fromkeys(w for w in wanted if w in allowed)),
                list(dict.fromkeys(w for w in wanted if w not in allowed)))
    notices: list[str] = []
    if url:
        wanted = understood(url[0])
        if wanted in allowed:
            return wanted, []
        notices.append(wanted)
    if remembered in allowed:
        return remembered, notices
    return default, notices


def split(written: Iterable[object]) -> list[str]:
    """A parameter's values as written (repeated, each maybe comma-separated) → one list, blanks out."""
    return [part.strip() for raw in written for part in str(raw).split(",") if part.strip()]


def values(name: str) -> list[str] | None:
    """Values of a parameter in the address (comma-separated or repeated); None when absent."""
    if name not in st.query_params:
        return None
    return split(st.query_params.get_all(name))


def remembered(name: str, memory: str, options: Sequence[str], *, many: bool = False, default: object = None,
               normalise: Callable[[str], str] | None = None) -> tuple[object, list[str]]:
    """``resolve`` against the address and the session key ``memory``, which then keeps the result."""
    value, notices = resolve(values(name), st.session_state.get(memory), options, many=many, default=default,
                             normalise=normalise)
    st.session_state[memory] = value
    return value, notices


def write(params: Mapping[str, str | None]) -> None:
    """The one place that changes the address: each parameter set to its value, or taken out when
    it has none. A parameter that already says the same (``?chi_bo=CB01&chi_bo=CB03`` for
    "CB01,CB03") is left as written."""
    for name, value in params.items():
        if value:
            if ",".join(values(name) or []) != value:
                st.query_params[name] = value
        elif name in st.query_params:
            del st.query_params[name]


def focus(solutions: Iterable[int], units: Iterable[str]) -> Focus:
    """The cell of the solution × unit matrix the address names; values not on the page are ignored."""
    solution, _ = resolve(values(P_SOLUTION), None, [str(n) for n in solutions])
    unit, _ = resolve(values(P_UNIT), None, list(units))
    return Focus(int(solution) if solution is not None else None, unit)


def set_focus(new: Focus) -> None:
    """Put the matrix cell in the address (or take it out), and forget the chart's click."""
    write({P_SOLUTION: None if new.solution is None else str(new.solution), P_UNIT: new.unit})
    st.session_state[FOCUS_GENERATION] = st.session_state.get(FOCUS_GENERATION, 0) + 1
