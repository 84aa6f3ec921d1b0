"""Polars columns cut into chunks without copying them.

Polars runs an element-wise expression over a column's chunks in parallel, and a frame
whose columns differ in chunking is rechunked to one: the readers and the typing keep or
make chunks with these (zero-copy slices, concatenated with ``rechunk=False``).
"""

from __future__ import annotations

import itertools

import polars as pl


def slices(series: pl.Series, lengths: list[int]) -> list[pl.Series]:
    """Consecutive zero-copy slices of ``series`` of the given lengths."""
    starts = itertools.accumulate(lengths[:-1], initial=0)
    return [series.slice(start, n) for start, n in zip(starts, lengths, strict=True)]


def chunked_as(series: pl.Series, lengths: list[int]) -> pl.Series:
    """``series`` as chunks of ``lengths`` (e.g. a frame's, so that it keeps them)."""
    if len(lengths) <= 1:
        return series
    return pl.concat(slices(series, lengths), rechunk=False)


def in_parts(series: pl.Series, parts: int) -> pl.Series:
    """``series`` as ``parts`` chunks of (nearly) equal length (the last may be shorter)."""
    size = -(-series.len() // parts)
    lengths = [min(size, max(series.len() - i * size, 0)) for i in range(parts)]
    return chunked_as(series, lengths)
