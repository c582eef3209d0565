"""Every table, imported here so that Alembic and the tests see the whole schema."""

from clinichub.db.base import Base
from clinichub.models.patients import InsurancePlan, Patient, PlanType, Sex
from clinichub.models.users import AuthSession, Role, User

__all__ = ["AuthSession", "Base", "InsurancePlan", "Patient", "PlanType", "Role", "Sex", "User"]
