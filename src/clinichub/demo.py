"""Demo data for trying the API: staff of every role. Loading it twice changes nothing."""

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from clinichub.auth.passwords import hash_password
from clinichub.models import Role, User

# (email, password, first name, last name, role). Passwords follow the original product's
# example, `<role>123`: demo only, never for real data.
DEMO_STAFF = [
    ("admin@clinichub.com", "admin123", "Ada", "Admin", Role.admin),
    ("doctor@clinichub.com", "doctor123", "Gregory", "Santos", Role.doctor),
    ("nurse@clinichub.com", "nurse123", "Florence", "Rivera", Role.nurse),
    ("receptionist@clinichub.com", "receptionist123", "Pam", "Ortiz", Role.receptionist),
]


async def seed_demo(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker() as db, db.begin():
        for email, password, first_name, last_name, role in DEMO_STAFF:
            await db.execute(
                insert(User)
                .values(
                    email=email,
                    password_hash=await hash_password(password),
                    first_name=first_name,
                    last_name=last_name,
                    role=role,
                )
                .on_conflict_do_nothing(index_elements=[User.email])
            )
