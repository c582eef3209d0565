"""What is kept of an uploaded file: images decoded and encoded again, so that nothing but the
pixels (and the colour profile) survives, EXIF location and camera data included, plus a small
thumbnail; PDFs kept byte for byte, once a PDF parser has found no active content in them.

CPU-bound: the service runs `prepare` in a worker thread.
"""

import io
from dataclasses import dataclass
from typing import Any

import pillow_heif
from PIL import Image, ImageOps
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from clinichub.documents.errors import (
    ACTIVE_CONTENT,
    ENCRYPTED_PDF,
    TOO_MANY_PIXELS,
    UNREADABLE,
)
from clinichub.documents.rules import HEIC, JPEG, PDF, PNG, WEBP, FileType, stored_type
from clinichub.errors import AppError

pillow_heif.register_heif_opener()

# An image with more pixels is refused before it is decoded (a "decompression bomb" is a small
# file that decodes to gigabytes). 40 MP holds any phone camera's photo.
MAX_PIXELS = 40_000_000
# Kept images are at most this many pixels on their long side: a card or a letter stays
# readable, and a worker's memory stays bounded.
MAX_SIDE = 4096
THUMBNAIL_SIDE = 320
# A PDF whose object graph is larger than this is refused rather than walked.
MAX_PDF_OBJECTS = 200_000

_PIL_FORMATS = {JPEG: "JPEG", PNG: "PNG", WEBP: "WEBP", HEIC: "HEIF"}


@dataclass(frozen=True)
class Prepared:
    content: bytes
    content_type: str
    thumbnail: bytes | None


def prepare(data: bytes, file_type: FileType) -> Prepared:
    """The bytes to keep for a file of `file_type` (as decided by its magic bytes); 415 when it
    cannot be read as one, or when it is a PDF with active content."""
    if file_type is PDF:
        check_pdf(data)
        return Prepared(content=data, content_type=PDF.content_type, thumbnail=None)
    return _reencode(data, file_type)


# --- Images -----------------------------------------------------------------------------------


def _reencode(data: bytes, file_type: FileType) -> Prepared:
    target = stored_type(file_type)
    try:
        with Image.open(io.BytesIO(data), formats=[_PIL_FORMATS[file_type]]) as opened:
            if opened.width * opened.height > MAX_PIXELS:
                raise TOO_MANY_PIXELS.error(max_pixels=MAX_PIXELS)
            if target is JPEG:
                # Decode at the smallest scale that still covers MAX_SIDE: less memory and time.
                opened.draft("RGB", (MAX_SIDE, MAX_SIDE))
            icc_profile = opened.info.get("icc_profile")
            # The orientation the camera recorded is applied to the pixels, since the EXIF that
            # said it is dropped.
            image = ImageOps.exif_transpose(opened)
            image.thumbnail((MAX_SIDE, MAX_SIDE))
            image = _for(target, image)
            content = _encode(image, target, icc_profile)
            thumbnail = _thumbnail(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise UNREADABLE.error(detected=file_type.name) from exc
    return Prepared(content=content, content_type=target.content_type, thumbnail=thumbnail)


def _for(target: FileType, image: Image.Image) -> Image.Image:
    """The image in a mode the target format can hold."""
    if target is JPEG and image.mode not in ("RGB", "L", "CMYK"):
        return image.convert("RGB")
    if target is PNG and image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"):
        return image.convert("RGBA")
    if target is WEBP and image.mode not in ("RGB", "RGBA"):
        return image.convert("RGBA" if "A" in image.mode or "transparency" in image.info else "RGB")
    return image


def _encode(image: Image.Image, target: FileType, icc_profile: Any) -> bytes:
    """A new file from the pixels alone: no EXIF, XMP, comments or text chunks are passed on
    (Pillow writes only the metadata it is given)."""
    image.info = {}
    options: dict[str, Any] = {"icc_profile": icc_profile} if icc_profile else {}
    if target is JPEG:
        options |= {"quality": 90}
    elif target is WEBP:
        options |= {"quality": 90, "exif": b"", "xmp": ""}
    output = io.BytesIO()
    image.save(output, _PIL_FORMATS[target], **options)
    return output.getvalue()


def _thumbnail(image: Image.Image) -> bytes:
    """A JPEG of at most THUMBNAIL_SIDE pixels a side, for lists."""
    small = image.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    if small.mode != "RGB":
        small = small.convert("RGB")
    output = io.BytesIO()
    small.save(output, "JPEG", quality=80)
    return output.getvalue()


# --- PDFs -------------------------------------------------------------------------------------

# Actions a viewer runs on its own: scripts, and launching another program or file.
_ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch"})
# Keys that hold scripts: an action's /JS, the document's /JavaScript name tree, an XFA form's
# XML (which carries its own scripts).
_SCRIPT_KEYS = frozenset({"/JS", "/JavaScript", "/XFA"})


def check_pdf(data: bytes) -> None:
    """415 unless a PDF parser reads the file and finds, among all the objects reachable from
    its trailer (catalog, pages, annotations, forms, name trees, actions chained by /Next), no
    JavaScript, no launch action and no XFA form. Walking every object, rather than the few
    places an action is usually found, also finds one hidden in an unusual place."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ENCRYPTED_PDF.error()
        if len(reader.pages) < 1:
            raise UNREADABLE.error(detected=PDF.name)
        active = _has_active_content(reader.trailer)
    except AppError:
        raise
    except Exception as exc:  # a hostile or broken file makes pypdf raise almost anything
        raise UNREADABLE.error(detected=PDF.name) from exc
    if active:
        raise ACTIVE_CONTENT.error()


def _has_active_content(root: Any) -> bool:
    seen: set[tuple[int, int]] = set()
    stack = [root]
    visited = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            reference = (node.idnum, node.generation)
            if reference in seen:
                continue
            seen.add(reference)
            node = node.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise UNREADABLE.error(detected=PDF.name)
        if isinstance(node, DictionaryObject):
            if _SCRIPT_KEYS & set(node.keys()):
                return True
            action = node.get("/S")
            if isinstance(action, NameObject) and action in _ACTIVE_ACTIONS:
                return True
            stack.extend(node.values())
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return False
