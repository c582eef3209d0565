from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.document_read import DocumentRead


T = TypeVar("T", bound="DocumentCreated")


@_attrs_define
class DocumentCreated:
    """
    Attributes:
        message (str):
        document (DocumentRead): A document's metadata. Its bytes are at `GET /api/documents/{document_id}/content`.
    """

    message: str
    document: DocumentRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        document = self.document.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "document": document,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_read import DocumentRead  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message")

        document = DocumentRead.from_dict(d.pop("document"))

        document_created = cls(
            message=message,
            document=document,
        )

        document_created.additional_properties = d
        return document_created

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
