"""A PNG writer for a drawn Agg canvas: no per-row filter search, fast zlib.

Pillow's PNG encoder tries every row filter on every row and converts the pixels
first, which together cost more than the deflate itself on a large, mostly flat
drawing. Here the canvas rows are fed to zlib (level 1) as they are, each after
its filter byte 0 (none). No date, software name or other varying field is
written, so the same picture gives the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import Any

__all__ = ["write_png"]

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_ROWS_PER_BLOCK = 256


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_png(rgba: Any, path: Path, dpi: float) -> None:
    """Write an RGBA pixel buffer (rows top to bottom) as an 8-bit RGBA PNG.

    The rows are deflated in blocks of a few hundred (a few dozen calls into zlib).

    Parameters
    ----------
    rgba
        Buffer of shape (height, width, 4), dtype uint8, C-contiguous, e.g. ``canvas.buffer_rgba()``.
    path
        Output file.
    dpi
        Resolution stored in the file (``pHYs``), so a viewer prints it at its size.
    """
    import numpy as np

    pixels = np.asarray(rgba)
    height, width = pixels.shape[:2]
    rows = pixels.reshape(height, 4 * width)
    block = np.zeros((min(_ROWS_PER_BLOCK, height), 1 + 4 * width), dtype=np.uint8)  # column 0: filter 0, none
    packer = zlib.compressobj(1)
    parts: list[bytes] = []
    for top in range(0, height, _ROWS_PER_BLOCK):
        n = min(_ROWS_PER_BLOCK, height - top)
        block[:n, 1:] = rows[top : top + n]
        parts.append(packer.compress(block[:n].data))
    parts.append(packer.flush())
    per_metre = round(dpi / 0.0254)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    with open(path, "wb") as out:
        out.write(_SIGNATURE)
        out.write(_chunk(b"IHDR", header))
        out.write(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
        out.write(_chunk(b"IDAT", b"".join(parts)))
        out.write(_chunk(b"IEND", b""))
