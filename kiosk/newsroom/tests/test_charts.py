from decimal import Decimal

import pytest

from kiosk.newsroom.charts import bar_chart, scale_top


@pytest.mark.parametrize(
    ("peak", "top"), [(0, 1), (1, 1), (2, 2), (3, 5), (7, 10), (10, 10), (11, 20), (99, 100), (101, 200)]
)
def test_the_scale_is_one_two_or_five_times_a_power_of_ten(peak, top):
    assert scale_top(peak) == top


def test_a_scale_of_francs_starts_at_its_least_and_rounds_cents_up():
    assert [scale_top(Decimal(v), least=10) for v in ("0", "9.99", "10.01", "49", "50", "1250.50", "4999")] == [
        10, 10, 20, 50, 50, 2000, 5000,
    ]  # fmt: skip


def test_an_odd_scale_has_no_middle_gridline_and_negative_values_draw_nothing():
    chart = bar_chart(
        [-3, 0, 1],
        value=lambda n: n,
        label=str,
        shown=str,
        tick=lambda i, n: None,
    )
    assert [line.value for line in chart.gridlines] == [0, 1]
    assert [bar.height for bar in chart.bars] == [0, 0, 166]
    assert chart.peak is chart.bars[2]
    assert chart.ticks == []


def test_no_bars_is_an_empty_chart_with_a_scale():
    chart = bar_chart([], value=int, label=str, shown=str, tick=lambda i, n: None)
    assert (chart.bars, chart.peak, chart.total, chart.total_shown) == ([], None, 0, "0")
    assert [line.value for line in chart.gridlines] == [0, 1]
