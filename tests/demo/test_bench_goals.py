"""The bench's goals, judged on measured numbers (docs/performance.md, "Goals")."""

from esit.demo.bench.measure import KB, MB, Operation, Result, judge, judge_size


def measured(kind: str, median_ms: float, **fields) -> Result:
    return Result(name="page", kind=kind, built=True, median_ms=median_ms, **fields)


def test_a_public_page_within_five_times_the_floor_meets_its_goal():
    result = measured("public", 50)
    judge(result, floor_ms=10)
    assert result.met
    assert result.ratio == 5


def test_a_public_page_slower_than_five_times_the_floor_does_not():
    result = measured("public", 51)
    judge(result, floor_ms=10)
    assert not result.met


def test_a_staff_page_may_take_ten_times_the_floor():
    result = measured("staff", 100)
    judge(result, floor_ms=10)
    assert result.met


def test_a_fast_feed_without_conditional_answers_does_not_meet_its_goal():
    result = measured("feed", 20, conditional="no ETag or Last-Modified")
    judge(result, floor_ms=10)
    assert result.problems == ["no ETag or Last-Modified"]


def test_a_fast_feed_answering_304_meets_it():
    result = measured("feed", 20, conditional="304")
    judge(result, floor_ms=10)
    assert result.met


def test_a_list_page_over_200_kb_does_not_meet_its_goal():
    result = measured("staff", 10, size=201 * KB)
    judge_size(result, Operation("list", "staff", "/x/", list_page=True))
    assert not result.met


def test_the_export_is_judged_by_its_peak_memory():
    result = measured("export", 5000, peak=100 * MB)
    judge(result, floor_ms=10)
    assert not result.met


def test_an_operation_not_built_yet_is_never_met():
    result = Result(name="/ideas/", kind="public", built=False, problems=["not built yet"])
    judge(result, floor_ms=10)
    assert not result.met
