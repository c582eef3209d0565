"""Pure decisions about documents: what a file really is (its magic bytes, never its name or
declared type), who may read which kind, and how a download presents itself."""

import ntpath
from dataclasses import dataclass

from clinichub.documents.errors import (
    CLINICAL_KIND,
    TYPE_MISMATCH,
    UNSUPPORTED_TYPE,
    plan_not_allowed,
    plan_required,
)
from clinichub.vocabulary import DocumentKind, Role


@dataclass(frozen=True)
class FileType:
    name: str
    content_type: str
    extensions: tuple[str, ...]
    # The declared types (a part's Content-Type) that agree with it.
    declared: tuple[str, ...]

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


JPEG = FileType(
    "JPEG",
    "image/jpeg",
    (".jpg", ".jpeg", ".jpe", ".jfif"),
    ("image/jpeg", "image/jpg", "image/pjpeg"),
)
PNG = FileType("PNG", "image/png", (".png",), ("image/png", "image/x-png"))
WEBP = FileType("WebP", "image/webp", (".webp",), ("image/webp",))
HEIC = FileType(
    "HEIC",
    "image/heic",
    (".heic", ".heif"),
    ("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"),
)
PDF = FileType("PDF", "application/pdf", (".pdf",), ("application/pdf", "application/x-pdf"))

# Declared types that say nothing: a browser or client that did not know the file's type.
UNDECLARED = frozenset({"", "application/octet-stream", "binary/octet-stream"})
# ISO base media file brands of HEIF images coded with HEVC (ISO/IEC 23008-12). `mif1` and
# `msf1` are generic HEIF brands, also used by AVIF: HEIC only with an HEVC brand beside them.
HEVC_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"})
GENERIC_HEIF_BRANDS = frozenset({b"mif1", b"msf1"})
# Enough of a file's start to decide its type.
HEAD_BYTES = 64


def _is_heic(head: bytes) -> bool:
    if head[4:8] != b"ftyp" or len(head) < 16:
        return False
    box_size = int.from_bytes(head[0:4], "big")
    major = head[8:12]
    compatible = {head[i : i + 4] for i in range(16, min(box_size, len(head)) - 3, 4)}
    if major in HEVC_BRANDS:
        return True
    return major in GENERIC_HEIF_BRANDS and bool(compatible & HEVC_BRANDS)


def detect_type(head: bytes) -> FileType | None:
    """The type of a file from its first bytes (HEAD_BYTES of them), or None when it is none
    of those accepted."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[0:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    if _is_heic(head):
        return HEIC
    return None


def accepted_type(head: bytes, *, declared_type: str | None, filename: str | None) -> FileType:
    """The file's real type, decided by its magic bytes: 415 when it is none of JPEG, PNG, WebP,
    HEIC and PDF, or when the declared type or the name's extension says it is another."""
    detected = detect_type(head)
    if detected is None:
        raise UNSUPPORTED_TYPE.error()
    declared = (declared_type or "").split(";", 1)[0].strip().lower()
    if declared not in UNDECLARED and declared not in detected.declared:
        raise TYPE_MISMATCH.error(detected=detected.name, where="declared type")
    # ntpath splits on both separators: a browser on Windows may send a whole path.
    extension = ntpath.splitext(ntpath.basename(filename or ""))[1].lower()
    if extension and extension not in detected.extensions:
        raise TYPE_MISMATCH.error(detected=detected.name, where="file name")
    return detected


def stored_type(file_type: FileType) -> FileType:
    """What a file is kept as: HEIC photos become JPEG, which every browser shows; the others
    keep their type."""
    return JPEG if file_type is HEIC else file_type


# --- Who reads what ---------------------------------------------------------------------------

# The front desk keeps identity and insurance papers; everything else may be clinical, so it is
# for clinical staff only (HIPAA minimum necessary, 45 CFR 164.502(b)). `other` is among the
# clinical kinds: what it holds is not known.
FRONT_DESK_KINDS = frozenset(
    {DocumentKind.photo_id, DocumentKind.insurance_card_front, DocumentKind.insurance_card_back}
)
INSURANCE_CARDS = frozenset({DocumentKind.insurance_card_front, DocumentKind.insurance_card_back})


def readable_kinds(role: Role) -> frozenset[DocumentKind]:
    if role is Role.receptionist:
        return FRONT_DESK_KINDS
    return frozenset(DocumentKind)


def check_may_read(role: Role, kind: DocumentKind) -> None:
    """403 when the role may not read documents of this kind."""
    if kind not in readable_kinds(role):
        raise CLINICAL_KIND.error(kind=kind.value)


def check_plan(kind: DocumentKind, plan_id: int | None) -> None:
    """An insurance card names the plan it belongs to; no other kind names one."""
    if kind in INSURANCE_CARDS and plan_id is None:
        raise plan_required()
    if kind not in INSURANCE_CARDS and plan_id is not None:
        raise plan_not_allowed()


# --- Downloads --------------------------------------------------------------------------------

_EXTENSIONS = {t.content_type: t.extensions[0] for t in (JPEG, PNG, WEBP, HEIC, PDF)}


def content_disposition(document_id: int, kind: DocumentKind, content_type: str) -> str:
    """Images are shown in place; anything else is saved, never rendered by the browser as a
    page of the service. The name says what the document is, never who it is about."""
    disposition = "inline" if content_type.startswith("image/") else "attachment"
    extension = _EXTENSIONS.get(content_type, "")
    return f'{disposition}; filename="{kind.value}-{document_id}{extension}"'


def thumbnail_disposition(document_id: int, kind: DocumentKind) -> str:
    return f'inline; filename="{kind.value}-{document_id}-thumbnail.jpg"'


def etag(sha256: str) -> str:
    """The download's strong ETag: the stored bytes' SHA-256."""
    return f'"{sha256}"'
