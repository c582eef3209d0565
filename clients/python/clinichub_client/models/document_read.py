from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.document_kind import DocumentKind

T = TypeVar("T", bound="DocumentRead")


@_attrs_define
class DocumentRead:
    """A document's metadata. Its bytes are at `GET /api/documents/{document_id}/content`.

    Attributes:
        document_id (int):
        patient_id (int):
        kind (DocumentKind): What a patient's document is: identity and insurance papers the front desk keeps, or
            clinical papers (referrals, lab reports, consent forms) for clinicians.
        title (None | str):
        plan_id (int | None): For insurance cards: the plan the card belongs to
        content_type (str): The type of the bytes kept, decided from the file itself: `image/jpeg`, `image/png`,
            `image/webp` or `application/pdf` (a HEIC photo is kept as JPEG)
        size_bytes (int): The size of the bytes kept
        sha256 (str): SHA-256 of the bytes kept (hex): the download's `ETag`
        has_thumbnail (bool): Images have a JPEG thumbnail at `/api/documents/{document_id}/thumbnail`
        uploaded_by_user_id (int):
        uploaded_at (datetime.datetime):
    """

    document_id: int
    patient_id: int
    kind: DocumentKind
    title: None | str
    plan_id: int | None
    content_type: str
    size_bytes: int
    sha256: str
    has_thumbnail: bool
    uploaded_by_user_id: int
    uploaded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_id = self.document_id

        patient_id = self.patient_id

        kind = self.kind.value

        title: None | str
        title = self.title

        plan_id: int | None
        plan_id = self.plan_id

        content_type = self.content_type

        size_bytes = self.size_bytes

        sha256 = self.sha256

        has_thumbnail = self.has_thumbnail

        uploaded_by_user_id = self.uploaded_by_user_id

        uploaded_at = self.uploaded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_id": document_id,
                "patient_id": patient_id,
                "kind": kind,
                "title": title,
                "plan_id": plan_id,
                "content_type": content_type,
                "size_bytes": size_bytes,
                "sha256": sha256,
                "has_thumbnail": has_thumbnail,
                "uploaded_by_user_id": uploaded_by_user_id,
                "uploaded_at": uploaded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_id = d.pop("document_id")

        patient_id = d.pop("patient_id")

        kind = DocumentKind(d.pop("kind"))

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_plan_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))

        content_type = d.pop("content_type")

        size_bytes = d.pop("size_bytes")

        sha256 = d.pop("sha256")

        has_thumbnail = d.pop("has_thumbnail")

        uploaded_by_user_id = d.pop("uploaded_by_user_id")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        document_read = cls(
            document_id=document_id,
            patient_id=patient_id,
            kind=kind,
            title=title,
            plan_id=plan_id,
            content_type=content_type,
            size_bytes=size_bytes,
            sha256=sha256,
            has_thumbnail=has_thumbnail,
            uploaded_by_user_id=uploaded_by_user_id,
            uploaded_at=uploaded_at,
        )

        document_read.additional_properties = d
        return document_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
