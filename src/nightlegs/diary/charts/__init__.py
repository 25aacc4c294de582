"""The diary's two charts, drawn on the server as SVG (no database, no clock).

- :func:`nights_chart` (:mod:`.nights`): nights with symptoms per week over the
  last 12 weeks (bars), the nights recorded each week behind them, and a dashed
  line at the policy's "regular" threshold
  (:data:`THRESHOLDS.regular_nights_per_week`).
- :func:`severity_chart` (:mod:`.severity`): the severity of each night with
  symptoms over the trend window (12 weeks) with the Theil-Sen trend line when
  there is enough data for one. Pass the diary's ``entries`` for one point per
  night; without them the chart shows each week's mean and worst severity instead.

Each :class:`Chart` has a title, a description a screen-reader user can rely on
(the same facts as the picture, in words), and a data table with the same
numbers. The SVG (:mod:`.svg`) is deterministic (same summary, same bytes), has
``role="img"`` with ``aria-labelledby`` pointing at its ``<title>`` and
``<desc>``, fixed colours with good contrast on its own white background, no
script, no external reference and no ``style`` attribute (presentation
attributes only, so a CSP of ``style-src 'self'`` holds). The words come from
the interface catalogues (:mod:`nightlegs.i18n`) in the language asked for.
"""

from __future__ import annotations

from nightlegs.diary.charts.nights import nights_chart
from nightlegs.diary.charts.severity import severity_chart
from nightlegs.diary.charts.svg import BAR, LEFT, PLOT_H, REGULAR, TOP, TREND, Chart

__all__ = [
    "BAR",
    "LEFT",
    "PLOT_H",
    "REGULAR",
    "TOP",
    "TREND",
    "Chart",
    "nights_chart",
    "severity_chart",
]
