"""Bar charts drawn on the server as SVG: no script, readable without colour, one table beside each.

The desk's comments per hour and the donations' francs per day or month share this geometry;
``templates/components/bar_chart.html`` draws it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Generic, TypeVar

Item = TypeVar("Item")
Number = int | Decimal


@dataclass(frozen=True)
class Bar(Generic[Item]):
    x: float
    y: float
    width: float
    height: float
    item: Item  # what the bar stands for (an hour's count, a day's net amount)
    value: Number
    label: str  # the hour, day or month in words: its tooltip and its row in the table
    shown: str  # the value in words: 7, CHF 1'250.50


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Gridline:
    y: float
    value: int
    label: str


@dataclass(frozen=True)
class Chart(Generic[Item]):
    width: int
    height: int
    left: float
    right: float
    baseline: float
    bars: list[Bar[Item]]
    ticks: list[Tick]
    gridlines: list[Gridline]
    total: Number
    total_shown: str
    peak: Bar[Item] | None  # the highest bar, the earliest of equals; None when all are empty

    @property
    def value_x(self) -> float:
        """Where the scale's numbers end, left of the bars."""
        return self.left - 6

    @property
    def tick_end(self) -> float:
        """Where the ticks end, below the baseline."""
        return self.baseline + 4

    @property
    def tick_y(self) -> float:
        """The baseline of the tick labels, under the ticks."""
        return self.baseline + 16


def scale_top(peak: Number, *, least: int = 1) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, … at or above ``peak`` and ``least``."""
    whole = max(int(Decimal(peak).to_integral_value(rounding=ROUND_CEILING)), least, 1)
    power = 10 ** (len(str(whole)) - 1)
    return next(step * power for step in (1, 2, 5, 10) if step * power >= whole)


def bar_chart(
    items: Sequence[Item],
    *,
    value: Callable[[Item], Number],
    label: Callable[[Item], str],
    shown: Callable[[Number], str],
    tick: Callable[[int, Item], str | None],
    scale_label: Callable[[int], str] = str,
    least: int = 1,
    width: int = 720,
    height: int = 200,
    left: float = 40,
    right: float = 4,
    top: float = 10,
    bottom: float = 24,
    gap: float = 2.0,
) -> Chart[Item]:
    """Where the bars, their ticks and the gridlines go, in SVG coordinates (y grows downwards).

    ``tick(index, item)`` gives the text under a bar, or None for none. The scale's top is a round
    number at or above the highest bar (and ``least``), so an empty chart still has a scale; it is
    halved by a gridline when the half is whole.
    """
    plot_width, plot_height = width - left - right, height - top - bottom
    baseline = height - bottom
    values = [value(item) for item in items]
    scale = scale_top(max(values, default=0), least=least)
    slot = plot_width / len(items) if items else plot_width
    gap = min(gap, slot / 4)
    bars, ticks = [], []
    for i, (item, amount) in enumerate(zip(items, values, strict=True)):
        x = left + i * slot
        bar_height = float(plot_height * max(amount, 0) / scale)
        bars.append(
            Bar(
                x=round(x + gap / 2, 2),
                y=round(baseline - bar_height, 2),
                width=round(slot - gap, 2),
                height=round(bar_height, 2),
                item=item,
                value=amount,
                label=label(item),
                shown=shown(amount),
            )
        )
        text = tick(i, item)
        if text:
            ticks.append(Tick(x=round(x + slot / 2, 2), label=text))
    steps = (0, scale // 2, scale) if scale % 2 == 0 else (0, scale)
    gridlines = [
        Gridline(y=round(baseline - plot_height * step / scale, 2), value=step, label=scale_label(step))
        for step in steps
    ]
    highest = max(bars, key=lambda bar: bar.value, default=None)
    return Chart(
        width=width,
        height=height,
        left=left,
        right=width - right,
        baseline=baseline,
        bars=bars,
        ticks=ticks,
        gridlines=gridlines,
        total=sum(values),
        total_shown=shown(sum(values)),
        peak=highest if highest is not None and highest.value > 0 else None,
    )
