from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.document_kind import DocumentKind
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="BodyDocumentsUpload")


@_attrs_define
class BodyDocumentsUpload:
    """
    Attributes:
        file (File): The file: JPEG, PNG, WebP, HEIC or PDF, at most 10 MiB
        kind (DocumentKind): What a patient's document is: identity and insurance papers the front desk keeps, or
            clinical papers (referrals, lab reports, consent forms) for clinicians.
        title (None | str | Unset):
        plan_id (int | None | Unset): For insurance cards (required): the patient's plan
    """

    file: File
    kind: DocumentKind
    title: None | str | Unset = UNSET
    plan_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        kind = self.kind.value

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        plan_id: int | None | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "kind": kind,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("kind", (None, str(self.kind.value).encode(), "text/plain")))

        if not isinstance(self.title, Unset):
            if isinstance(self.title, str):
                files.append(("title", (None, str(self.title).encode(), "text/plain")))
            else:
                files.append(("title", (None, str(self.title).encode(), "text/plain")))

        if not isinstance(self.plan_id, Unset):
            if isinstance(self.plan_id, int):
                files.append(("plan_id", (None, str(self.plan_id).encode(), "text/plain")))
            else:
                files.append(("plan_id", (None, str(self.plan_id).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        kind = DocumentKind(d.pop("kind"))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_plan_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        body_documents_upload = cls(
            file=file,
            kind=kind,
            title=title,
            plan_id=plan_id,
        )

        body_documents_upload.additional_properties = d
        return body_documents_upload

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
