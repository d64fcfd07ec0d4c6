"""Telling binary data (images, archives, executables) from text.

Runs after the BOM and UTF-16/32 checks, so NUL bytes here mean binary, not UTF-16.
"""

from __future__ import annotations

#: File signatures of common binary formats (each contains bytes no text file starts with,
#: except ``%PDF-``, whose body is binary streams anyway).
_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, jar, epub
    b"PK\x05\x06",
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"BZh91AY&SY",
    b"\x7fELF",
    b"\xca\xfe\xba\xbe",  # Java class, Mach-O fat
    b"\xcf\xfa\xed\xfe",  # Mach-O
    b"\x00asm",
    b"%PDF-",
    b"SQLite format 3\x00",
    b"OggS\x00",
    b"fLaC",
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"\x00\x00\x01\x00",  # ICO
    b"Rar!\x1a\x07",
)

# C0 controls that never appear in text (TAB LF VT FF CR, SUB and ESC do).
_CONTROLS = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1a\x1b")
_SAMPLE = 65536
#: More than this share of control bytes means binary.
_MAX_CONTROL_SHARE = 0.01


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` (already known not to be UTF-16/32) is binary rather than text.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"), looks_binary("Zdravo, svijete".encode())
    (True, False)
    >>> looks_binary(bytes(range(256)) * 4)
    True
    """
    if data.startswith(_MAGIC):
        return True
    sample = data[:_SAMPLE]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls > _MAX_CONTROL_SHARE * len(sample)
