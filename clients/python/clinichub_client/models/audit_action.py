from enum import StrEnum


class AuditAction(StrEnum):
    ACCESS_DENIED = "access_denied"
    CREATE = "create"
    DELETE = "delete"
    EXPORT = "export"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_LOCKED = "login_locked"
    LOGOUT = "logout"
    READ = "read"
    TOKEN_REUSE = "token_reuse"
    UPDATE = "update"

    def __str__(self) -> str:
        return str(self.value)
