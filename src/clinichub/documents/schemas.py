from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from clinichub.schemas import Pagination, ResponseModel, Text, UtcDateTime
from clinichub.vocabulary import DocumentKind

Title = Annotated[Text, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class DocumentRead(ResponseModel):
    """A document's metadata. Its bytes are at `GET /api/documents/{document_id}/content`."""

    model_config = ConfigDict(from_attributes=True)

    document_id: int
    patient_id: int
    kind: DocumentKind
    title: str | None
    plan_id: int | None = Field(description="For insurance cards: the plan the card belongs to")
    content_type: str = Field(
        description="The type of the bytes kept, decided from the file itself: `image/jpeg`, "
        "`image/png`, `image/webp` or `application/pdf` (a HEIC photo is kept as JPEG)",
        examples=["image/jpeg"],
    )
    size_bytes: int = Field(description="The size of the bytes kept")
    sha256: str = Field(
        description="SHA-256 of the bytes kept (hex): the download's `ETag`",
        pattern="^[0-9a-f]{64}$",
    )
    has_thumbnail: bool = Field(
        description="Images have a JPEG thumbnail at `/api/documents/{document_id}/thumbnail`"
    )
    uploaded_by_user_id: int
    uploaded_at: UtcDateTime


class DocumentCreated(ResponseModel):
    message: str = Field(examples=["Document uploaded successfully"])
    document: DocumentRead


class DocumentList(ResponseModel):
    documents: list[DocumentRead]
    pagination: Pagination


class DocumentRetired(ResponseModel):
    message: str = Field(examples=["Document retired successfully"])
    document_id: int
