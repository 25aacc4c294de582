"""The two trend statistics of the diary, exact and dependency-free: the
Mann-Kendall test and the Theil-Sen slope with its confidence interval."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from statistics import NormalDist, median

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Figures", "MannKendall", "TheilSen", "mann_kendall", "theil_sen"]


class Figures(BaseModel):
    """Figures computed from a diary: frozen, and refusing unknown fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_NORMAL = NormalDist()


class MannKendall(Figures):
    """The Mann-Kendall trend test of a series in time order."""

    n: int = Field(description="values in the series")
    s: int = Field(description="S: pairs rising minus pairs falling")
    variance: float = Field(description="variance of S under no trend, corrected for ties")
    z: float = Field(description="(S - sign(S)) / sqrt(variance); 0 when S is 0")
    p_value: float = Field(description="two-sided p-value of z (normal approximation)")


class TheilSen(Figures):
    """The Theil-Sen line through (x, y), with a confidence interval for its slope."""

    slope: float = Field(description="median of the slopes between every two points")
    intercept: float = Field(description="median of y - slope * x")
    ci_low: float
    ci_high: float
    confidence: float


def mann_kendall(values: Sequence[float]) -> MannKendall:
    """The Mann-Kendall test of ``values`` (oldest first).

    S = sum over i<j of sign(y_j - y_i); Var(S) = [n(n-1)(2n+5) - sum of t(t-1)(2t+5)] / 18
    over the groups of t tied values; z = (S - 1)/sqrt(Var) for S > 0, (S + 1)/sqrt(Var)
    for S < 0, else 0; p = 2 (1 - Phi(|z|)).
    """
    n = len(values)
    s = sum(_sign(values[j] - values[i]) for i in range(n) for j in range(i + 1, n))
    variance = _s_variance(values)
    z = 0.0 if s == 0 or variance <= 0 else (s - _sign(s)) / math.sqrt(variance)
    p_value = min(1.0, math.erfc(abs(z) / math.sqrt(2)))
    return MannKendall(n=n, s=s, variance=variance, z=z, p_value=p_value)


def theil_sen(xs: Sequence[float], ys: Sequence[float], confidence: float = 0.95) -> TheilSen:
    """Theil-Sen slope of ``ys`` against ``xs`` with its confidence interval.

    The interval (Sen 1968; Gilbert 1987, ch. 16): with N the number of pairwise
    slopes (pairs with equal x are left out) in increasing order and
    C = z(1 - alpha/2) sqrt(Var(S)), the limits are the M1-th and (M2+1)-th slopes,
    M1 = (N - C)/2 and M2 = (N + C)/2, rounded to the nearest whole slope and
    kept within 1..N. Needs at least two distinct x.
    """
    if len(xs) != len(ys):
        raise ValueError("xs and ys differ in length")
    slopes = sorted(
        (ys[j] - ys[i]) / (xs[j] - xs[i])
        for i in range(len(xs))
        for j in range(i + 1, len(xs))
        if xs[j] != xs[i]
    )
    if not slopes:
        raise ValueError("the Theil-Sen slope needs two points with different x")
    slope = median(slopes)
    intercept = median(y - slope * x for x, y in zip(xs, ys, strict=True))
    count = len(slopes)
    c = _NORMAL.inv_cdf(0.5 + confidence / 2) * math.sqrt(_s_variance(ys))
    low = _clamp(round((count - c) / 2), 1, count)
    high = _clamp(round((count + c) / 2) + 1, 1, count)
    return TheilSen(
        slope=slope,
        intercept=intercept,
        ci_low=slopes[low - 1],
        ci_high=slopes[high - 1],
        confidence=confidence,
    )


def _s_variance(values: Sequence[float]) -> float:
    n = len(values)
    ties = sum(t * (t - 1) * (2 * t + 5) for t in Counter(values).values())
    return (n * (n - 1) * (2 * n + 5) - ties) / 18


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
