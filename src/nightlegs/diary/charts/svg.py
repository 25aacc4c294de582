"""How the charts look and how they are written as SVG: sizes, colours, the drawing
surface, the legend, and the :class:`Chart` that carries a drawing with its words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from nightlegs.diary.model import MAX_SEVERITY

#: Drawn for a phone: 360 units across, shown about 337 px wide on a 390 px screen,
#: so text of :data:`TEXT` units is about 13 px there (at least 12, as asked), and
#: larger wherever the chart is shown wider.
WIDTH = 360
LEFT = 34
RIGHT = 12
TOP = 16
PLOT_H = 180
PLOT_W = WIDTH - LEFT - RIGHT
#: Where the labels under the x axis sit, and where the legend's first row does.
X_LABELS_Y = TOP + PLOT_H + 20
LEGEND_TOP = X_LABELS_Y + 28
LEGEND_ROW = 22
#: The size of every text in a chart, in the drawing's units.
TEXT = 14
#: Horizontal room a label needs, in units: about this many per character at TEXT.
CHAR_WIDTH = 0.6 * TEXT

#: Colours, each at least 4.5:1 on white where it carries meaning (text, bars, points,
#: lines); the recorded-night outline and grid are helpers, their data is in the table.
BACKGROUND = "#ffffff"
INK = "#1a1a1a"
MUTED = "#4a5360"
GRID = "#d0d5dc"
RECORDED_FILL = "#eef1f5"
RECORDED_STROKE = "#5b6573"
BAR = "#1f5fa8"
REGULAR = "#a4261c"
POINT = "#1f5fa8"
TREND = "#a4261c"
FONT = "sans-serif"


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart: the inline SVG, its title and description, and its data table."""

    svg: str
    title: str
    description: str
    table_headers: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)


class Svg:
    """One chart's drawing: shapes are added in order, :meth:`render` writes them."""

    def __init__(self, prefix: str, kind: str, title: str, description: str) -> None:
        self.prefix = prefix
        self.kind = kind
        self.title = title
        self.description = description
        self.parts: list[str] = []
        #: How far down the drawing goes (the legend moves it).
        self.bottom = float(X_LABELS_Y + 10)

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        colour: str,
        width: float,
        *,
        dashed: bool = False,
    ) -> None:
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        self.parts.append(
            f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'stroke="{colour}" stroke-width="{_n(width)}"{dash}/>'
        )

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        fill: str,
        *,
        stroke: str | None = None,
        tooltip: str | None = None,
    ) -> None:
        outline = f' stroke="{stroke}" stroke-width="1"' if stroke else ""
        attributes = (
            f'x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
            f'fill="{fill}"{outline}'
        )
        self.parts.append(_element("rect", attributes, tooltip))

    def circle(
        self, x: float, y: float, radius: float, fill: str, *, tooltip: str | None = None
    ) -> None:
        attributes = (
            f'cx="{_n(x)}" cy="{_n(y)}" r="{_n(radius)}" fill="{fill}" '
            f'stroke="{BACKGROUND}" stroke-width="1"'
        )
        self.parts.append(_element("circle", attributes, tooltip))

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        anchor: str = "start",
        fill: str = INK,
        halo: bool = False,
    ) -> None:
        place = f'x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{TEXT}"'
        words = escape(content, quote=False)
        if halo:
            # A white outline drawn first, under the letters, keeps a label readable over
            # bars and lines (paint-order would do it in one, but not in every renderer).
            self.parts.append(
                f'<text {place} fill="{BACKGROUND}" stroke="{BACKGROUND}" '
                f'stroke-width="4" stroke-linejoin="round">{words}</text>'
            )
        self.parts.append(f'<text {place} fill="{fill}">{words}</text>')

    def grid(self, ticks: range, y_of: Callable[[float], float]) -> None:
        """A horizontal grid line and its number at each of ``ticks``."""
        for tick in ticks:
            y = y_of(tick)
            self.line(LEFT, y, LEFT + PLOT_W, y, GRID, 1)
            self.text(LEFT - 6, y + 5, str(tick), anchor="end", fill=MUTED)

    def x_label(self, x: float, label: str) -> None:
        """A label under the x axis, centred on ``x`` (kept inside the drawing)."""
        half = len(label) * CHAR_WIDTH / 2
        centre = min(max(x, half + 2), WIDTH - half - 2)
        self.text(centre, X_LABELS_Y, label, anchor="middle", fill=MUTED)

    def x_axis(self) -> None:
        self.line(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H, INK, 1)

    def empty(self, message: str) -> None:
        """Says in the middle of the plot that there is nothing to draw."""
        self.text(LEFT + PLOT_W / 2, TOP + PLOT_H / 2, message, anchor="middle", halo=True)

    def render(self) -> str:
        title_id = f"{self.prefix}-title"
        desc_id = f"{self.prefix}-desc"
        height = _n(self.bottom)
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'class="chart chart-{self.kind}" font-family="{FONT}" font-size="{TEXT}">'
        )
        return "\n".join(
            [
                head,
                f'<title id="{escape(title_id)}">{escape(self.title, quote=False)}</title>',
                f'<desc id="{escape(desc_id)}">{escape(self.description, quote=False)}</desc>',
                f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="{BACKGROUND}"/>',
                *self.parts,
                "</svg>",
            ]
        )


class Legend:
    """Legend items under the chart, left to right, wrapping onto a new row when the next
    item would not fit (the drawing grows to hold them)."""

    def __init__(self, svg: Svg) -> None:
        self.svg = svg
        self.x = 8.0
        self.y = float(LEGEND_TOP)
        svg.bottom = self.y + 8

    def _place(self, label: str, marker: float) -> None:
        """Start a new row if the item (marker, gap, label) would not fit on this one."""
        width = marker + len(label) * CHAR_WIDTH
        if self.x > 8 and self.x + width > WIDTH - 4:
            self.x = 8.0
            self.y += LEGEND_ROW
            self.svg.bottom = self.y + 8

    def _label(self, label: str, offset: float) -> None:
        self.svg.text(self.x + offset, self.y, label)
        self.x += offset + len(label) * CHAR_WIDTH + 14

    def box(self, label: str, fill: str, *, stroke: str | None = None) -> None:
        self._place(label, 20)
        self.svg.rect(self.x, self.y - 11, 14, 12, fill, stroke=stroke)
        self._label(label, 20)

    def dash(self, label: str, colour: str) -> None:
        self._place(label, 24)
        self.svg.line(self.x, self.y - 5, self.x + 18, self.y - 5, colour, 2, dashed=True)
        self._label(label, 24)

    def solid(self, label: str, colour: str) -> None:
        self._place(label, 24)
        self.svg.line(self.x, self.y - 5, self.x + 18, self.y - 5, colour, 2.5)
        self._label(label, 24)

    def dot(self, label: str, colour: str) -> None:
        self._place(label, 20)
        self.svg.circle(self.x + 7, self.y - 5, 4.5, colour)
        self._label(label, 20)


def _element(name: str, attributes: str, tooltip: str | None) -> str:
    if tooltip is None:
        return f"<{name} {attributes}/>"
    return f"<{name} {attributes}><title>{escape(tooltip, quote=False)}</title></{name}>"


def _n(value: float) -> str:
    """A coordinate with at most one decimal, the same on every platform."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def clip(value: float) -> float:
    """A severity kept inside the chart (0 to :data:`MAX_SEVERITY`)."""
    return max(0.0, min(float(MAX_SEVERITY), value))
