from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.error_code import ErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_detail import ErrorDetail


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """The one error body of the API. `error` is for people, `code` for programs.

    Attributes:
        error (str):
        code (ErrorCode): The stable code of an error, for programs; `error` says the same for people.
        details (list[ErrorDetail] | None | Unset): One entry per invalid field, where the error names fields
        conflict_appointment_id (int | None | Unset): On a 409 `appointment_conflict` or `patient_conflict`: the
            appointment that holds the slot
        cpt_code (None | str | Unset): On a 409 `cpt_code_inactive`: the code the visit would be billed with
    """

    error: str
    code: ErrorCode
    details: list[ErrorDetail] | None | Unset = UNSET
    conflict_appointment_id: int | None | Unset = UNSET
    cpt_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        code = self.code.value

        details: list[dict[str, Any]] | None | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, list):
            details = []
            for details_type_0_item_data in self.details:
                details_type_0_item = details_type_0_item_data.to_dict()
                details.append(details_type_0_item)

        else:
            details = self.details

        conflict_appointment_id: int | None | Unset
        if isinstance(self.conflict_appointment_id, Unset):
            conflict_appointment_id = UNSET
        else:
            conflict_appointment_id = self.conflict_appointment_id

        cpt_code: None | str | Unset
        if isinstance(self.cpt_code, Unset):
            cpt_code = UNSET
        else:
            cpt_code = self.cpt_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "error": error,
                "code": code,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details
        if conflict_appointment_id is not UNSET:
            field_dict["conflict_appointment_id"] = conflict_appointment_id
        if cpt_code is not UNSET:
            field_dict["cpt_code"] = cpt_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_detail import ErrorDetail  # noqa: PLC0415

        d = dict(src_dict)
        error = d.pop("error")

        code = ErrorCode(d.pop("code"))

        def _parse_details(data: object) -> list[ErrorDetail] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                details_type_0 = []
                _details_type_0 = data
                for details_type_0_item_data in _details_type_0:
                    details_type_0_item = ErrorDetail.from_dict(details_type_0_item_data)

                    details_type_0.append(details_type_0_item)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ErrorDetail] | None | Unset, data)

        details = _parse_details(d.pop("details", UNSET))

        def _parse_conflict_appointment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        conflict_appointment_id = _parse_conflict_appointment_id(d.pop("conflict_appointment_id", UNSET))

        def _parse_cpt_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cpt_code = _parse_cpt_code(d.pop("cpt_code", UNSET))

        error = cls(
            error=error,
            code=code,
            details=details,
            conflict_appointment_id=conflict_appointment_id,
            cpt_code=cpt_code,
        )

        return error
