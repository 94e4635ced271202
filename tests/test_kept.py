"""Results kept in the process (``dashboard.ui.kept``): one maker per key however many readers
ask at once, the least recently read entry dropped first, shared or copied as asked, and a
chart's cache key that tells apart what draws a different chart."""

import sys
import threading
import time

import pandas as pd
import pytest

from dashboard.ui import kept
from dashboard.ui.context import _arg_key


def test_readers_of_a_key_being_made_wait_for_it_and_it_is_made_once():
    box = kept.Kept("test", max_entries=4)
    made, results = [], []

    def make():
        made.append(1)
        time.sleep(0.2)       # long enough for every other reader to arrive meanwhile
        return {"value": 42}

    readers = [threading.Thread(target=lambda: results.append(box.get("k", make))) for _ in range(8)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert made == [1]
    assert len(results) == 8 and all(r is results[0] for r in results)   # shared: the very object


def test_the_least_recently_read_entry_goes_first():
    box = kept.Kept("test", max_entries=2)
    box.get("a", lambda: 1)
    box.get("b", lambda: 2)
    box.get("a", lambda: pytest.fail("a is kept"))     # a read: a is now the most recent
    box.get("c", lambda: 3)                            # over the bound: b, the least recent, goes
    assert len(box) == 2
    assert box.get("a", lambda: "made again") == 1
    assert box.get("b", lambda: "made again") == "made again"


def test_a_copied_entry_gives_each_reader_its_own_copy():
    box = kept.Kept("test", max_entries=2, shared=False)
    first = box.get("spec", lambda: {"encoding": {"color": {"title": None}}})
    first["encoding"]["color"]["title"] = " "          # what Streamlit does to a spec it draws
    second = box.get("spec", lambda: pytest.fail("kept"))
    assert second == {"encoding": {"color": {"title": None}}} and second is not first


def test_a_failed_make_keeps_nothing_and_the_next_reader_makes_it():
    box = kept.Kept("test", max_entries=2)

    def fails():
        raise RuntimeError("the store is busy")

    with pytest.raises(RuntimeError):
        box.get("k", fails)
    assert len(box) == 0
    assert box.get("k", lambda: 7) == 7


def test_clear_all_forgets_every_kept_result():
    one, two = kept.Kept("one", max_entries=2), kept.Kept("two", max_entries=2, shared=False)
    one.get("a", lambda: 1)
    two.get("b", lambda: 2)
    kept.clear_all()
    assert len(one) == 0 and len(two) == 0


def test_a_chart_s_key_tells_apart_what_draws_a_different_chart():
    frame = pd.DataFrame({"branch_name": ["Chi bộ 1", "Chi bộ 2"], "score": [80.5, 72.0]})
    same = pd.DataFrame({"branch_name": ["Chi bộ 1", "Chi bộ 2"], "score": [80.5, 72.0]})
    base = (frame, "vi", {1: "Giải pháp 1"}, [1, 2], None)
    assert _arg_key(base) == _arg_key((same, "vi", {1: "Giải pháp 1"}, [1, 2], None))
    different = [(frame.assign(score=[80.5, 72.5]), "vi", {1: "Giải pháp 1"}, [1, 2], None),
                 (frame, "en", {1: "Giải pháp 1"}, [1, 2], None),
                 (frame, "vi", {1: "Giải pháp 2"}, [1, 2], None),
                 (frame, "vi", {1: "Giải pháp 1"}, [1.0, 2], None),     # 1.0 is not 1 on an axis
                 (frame, "vi", {1: "Giải pháp 1"}, (1, 2), None),
                 (frame, "vi", {1: "Giải pháp 1"}, [1, 2], True)]
    keys = {_arg_key(args) for args in different}
    assert len(keys) == len(different) and _arg_key(base) not in keys


def test_a_page_s_derived_value_is_made_once_per_view_and_again_for_any_other_view():
    import dataclasses
    import datetime as dt

    from dashboard import auth
    from dashboard.ui.context import PageContext

    cells = pd.DataFrame({"branch_code": ["CB01", "CB02"], "branch_name": ["Chi bộ 1", "Chi bộ 2"]})
    ctx = PageContext(page="solutions", lang="vi", user=auth.LOCAL_USER, version=3, is_sample=False,
                      cell_options=cells, period="2025", today=dt.date(2026, 11, 30))
    made = []

    def make():
        made.append(1)
        return len(made)

    assert ctx.kept("data", make, 14) == 1
    assert ctx.kept("data", make, 14) == 1                     # the same view: read back
    assert dataclasses.replace(ctx).kept("data", make, 14) == 1  # another reader of the same view
    viewer = auth.User(name="cb01", role="viewer", scope=frozenset({"CB01"}))
    others = [dataclasses.replace(ctx, version=4), dataclasses.replace(ctx, lang="en"),
              dataclasses.replace(ctx, selected_cells=["CB01"]), dataclasses.replace(ctx, period="2024"),
              dataclasses.replace(ctx, today=dt.date(2026, 12, 1)), dataclasses.replace(ctx, user=viewer),
              dataclasses.replace(ctx, page="overview")]
    assert [other.kept("data", make, 14) for other in others] == [2, 3, 4, 5, 6, 7, 8]
    assert ctx.kept("data", make, 30) == 9                     # another choice of the page
    assert ctx.kept("other", make, 14) == 10                   # another value of the page


@pytest.fixture
def budget():
    """A byte budget of the test's own, the app's restored after."""
    before = kept._BUDGET[0]
    kept.clear_all()
    yield kept.set_budget
    kept.clear_all()
    kept.set_budget(before)


def test_past_the_budget_the_least_recently_read_of_any_kind_goes_and_a_value_too_large_is_not_kept(budget):
    # three frames of 100.000 int64 (800.000 bytes each, plus a range index of a few hundred
    # bytes) under a budget of 2 MB shared by two kinds: two fit, the third pushes out the least
    # recently read, whichever kind it is
    budget(2_000_000)
    first, second = kept.Kept("test", max_entries=100), kept.Kept("other", max_entries=100)
    frame = lambda: pd.DataFrame({"x": range(100_000)}, dtype="int64")   # noqa: E731
    first.get("a", frame)
    second.get("b", frame)
    assert 1_600_000 <= kept.kept_bytes() <= 1_601_000
    first.get("a", lambda: pytest.fail("a is kept"))
    first.get("c", frame)
    assert len(first) == 2 and len(second) == 0 and second.bytes == 0
    assert second.get("b", lambda: "made again") == "made again"
    big = pd.DataFrame({"x": range(300_000)}, dtype="int64")              # 2,4 MB: over the budget
    assert first.get("big", lambda: big) is big                          # handed out …
    assert first.get("big", lambda: "made again") == "made again"        # … but not kept
    first.clear()
    assert first.bytes == 0 and kept.kept_bytes() == second.bytes
    budget(5)                                                            # a smaller budget drops at once
    assert kept.kept_bytes() == 0 and len(second) == 0


def test_the_size_of_what_a_page_keeps_counts_its_frames_and_text():
    frame = pd.DataFrame({"n": [1, 2, 3]}, dtype="int64")                 # 24 bytes + the index
    assert 24 <= kept.size_of(frame) < 24 + 200
    assert kept.size_of(b"x" * 1000) == 1000
    assert kept.size_of((frame, {"a": b"x" * 1000})) >= 24 + 1000
    # A large container is weighed by its first thousand parts: 5.000 texts of 100 bytes.
    many = {i: "x" * 100 for i in range(5000)}
    assert kept.size_of(many) == sys.getsizeof(many) + 5000 * 100
    assert kept.size_of([b"y" * 10] * 1000 + [b"y" * 30] * 1000) == sys.getsizeof([0] * 2000) + 2000 * 10
