"""A PNG writer for a drawn Agg canvas: no per-row filter search, fast zlib, no copy.

Pillow's PNG encoder tries every row filter on every row and copies the pixels
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


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_png(rgba: Any, path: Path, dpi: float) -> None:
    """Write an RGBA pixel buffer (rows top to bottom) as an 8-bit RGBA PNG.

    Parameters
    ----------
    rgba
        Buffer of shape (height, width, 4), dtype uint8, C-contiguous, e.g. ``canvas.buffer_rgba()``.
    path
        Output file.
    dpi
        Resolution stored in the file (``pHYs``), so a viewer prints it at its size.
    """
    view = memoryview(rgba)
    height, width = view.shape[0], view.shape[1]  # type: ignore[index]
    flat = view.cast("B")
    stride = 4 * width
    packer = zlib.compressobj(1)
    none_filter = b"\x00"
    blocks: list[bytes] = []
    for y in range(height):
        blocks.append(packer.compress(none_filter))
        blocks.append(packer.compress(flat[y * stride : (y + 1) * stride]))
    blocks.append(packer.flush())
    per_metre = round(dpi / 0.0254)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    with open(path, "wb") as out:
        out.write(_SIGNATURE)
        out.write(_chunk(b"IHDR", header))
        out.write(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
        out.write(_chunk(b"IDAT", b"".join(blocks)))
        out.write(_chunk(b"IEND", b""))
