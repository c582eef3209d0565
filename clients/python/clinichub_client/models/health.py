from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.database_privileges import DatabasePrivileges
from ..models.health_status import HealthStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """
    Attributes:
        status (HealthStatus):
        database (HealthStatus):
        database_privileges (DatabasePrivileges | None | Unset): `owner`: the service's login owns the tables or is a
            superuser, and could rewrite the audit trail (see the startup warning); `runtime`: it holds only the runtime
            role. Absent while the database cannot be reached.
    """

    status: HealthStatus
    database: HealthStatus
    database_privileges: DatabasePrivileges | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        database = self.database.value

        database_privileges: None | str | Unset
        if isinstance(self.database_privileges, Unset):
            database_privileges = UNSET
        elif isinstance(self.database_privileges, DatabasePrivileges):
            database_privileges = self.database_privileges.value
        else:
            database_privileges = self.database_privileges

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "database": database,
            }
        )
        if database_privileges is not UNSET:
            field_dict["database_privileges"] = database_privileges

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = HealthStatus(d.pop("status"))

        database = HealthStatus(d.pop("database"))

        def _parse_database_privileges(data: object) -> DatabasePrivileges | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                database_privileges_type_0 = DatabasePrivileges(data)

                return database_privileges_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DatabasePrivileges | None | Unset, data)

        database_privileges = _parse_database_privileges(d.pop("database_privileges", UNSET))

        health = cls(
            status=status,
            database=database,
            database_privileges=database_privileges,
        )

        health.additional_properties = d
        return health

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
