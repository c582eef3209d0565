"""Demo patients with insurance plans, for trying the API. Invented people; emails use the
reserved example.com domain. A patient whose email is already on file is skipped, so loading
twice changes nothing."""

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from clinichub.patients import repository
from clinichub.patients.schemas import PatientCreate, PlanCreate
from clinichub.schemas import PageParams
from clinichub.vocabulary import PlanType, Sex

# (first, last, dob, sex, email local part, phone, address, emergency contact and phone)
DEMO_PATIENTS = [
    ("José", "Rodríguez", "1958-03-14", Sex.male, "jose.rodriguez", "7872345678",
     "Calle Loíza 1520, San Juan, PR 00911", "Carmen Rodríguez", "7872345679"),
    ("María", "García", "1984-07-22", Sex.female, "maria.garcia", "7873456789",
     "Ave. Ponce de León 305, San Juan, PR 00901", "Luis García", "7873456780"),
    ("John", "Doe", "1990-05-10", Sex.male, "john.doe", "7871234567",
     "123 Main St, Dorado, PR 00646", "Jane Doe", "7877654321"),
    ("Ana", "Martínez", "1972-11-02", Sex.female, "ana.martinez", "9392223344",
     "Calle Fortaleza 210, San Juan, PR 00901", "Pedro Martínez", "9392223345"),
    ("Luis", "Santiago", "1966-01-30", Sex.male, "luis.santiago", "7874567890",
     "Urb. Villa Carolina 45, Carolina, PR 00985", "Ivelisse Santiago", "7874567891"),
    ("Carmen", "Colón", "1949-09-18", Sex.female, "carmen.colon", "7875678901",
     "Calle Comercio 12, Ponce, PR 00730", "Ramón Colón", "7875678902"),
    ("Jesús", "Ortiz", "2001-04-05", Sex.male, "jesus.ortiz", "9393334455",
     "Calle Méndez Vigo 88, Mayagüez, PR 00680", "Rosa Ortiz", "9393334456"),
    ("Sofía", "Pérez", "2015-06-12", Sex.female, None, "7876789012",
     "Calle Sol 14, Old San Juan, PR 00901", "Marisol Pérez", "7876789013"),
    ("Ángel", "Núñez", "1995-12-24", Sex.male, "angel.nunez", "7877890123",
     "Ave. Muñoz Rivera 1002, Río Piedras, PR 00925", "Gloria Núñez", "7877890124"),
    ("Lucía", "Vázquez", "1988-02-29", Sex.female, "lucia.vazquez", "7878901234",
     "Calle Duffaut 7, Santurce, PR 00907", "Andrés Vázquez", "7878901235"),
    ("Emily", "Johnson", "1979-08-09", Sex.female, "emily.johnson", "(212) 555-0147",
     "48 W 73rd St, New York, NY 10023", "Mark Johnson", "(212) 555-0148"),
    ("Michael", "Smith", "1963-10-17", Sex.male, "michael.smith", "+1 617 555 0192",
     "12 Beacon St, Boston, MA 02108", "Laura Smith", "+1 617 555 0193"),
    ("Sarah", "Williams", "1992-03-03", Sex.female, "sarah.williams", "305-555-0110",
     "901 Brickell Ave, Miami, FL 33131", "Tom Williams", "305-555-0111"),
    ("David", "Brown", "1955-05-25", Sex.male, "david.brown", "7879012345",
     "Calle Betances 23, Bayamón, PR 00961", "Helen Brown", "7879012346"),
    ("Jennifer", "Davis", "1986-12-01", Sex.female, "jennifer.davis", "7870123456",
     "Paseo Las Olas 501, Dorado, PR 00646", None, None),
    ("Robert", "Miller", "1944-07-04", Sex.male, "robert.miller", "7871230987",
     "Cond. Torre del Mar 9B, Isla Verde, PR 00979", "Susan Miller", "7871230988"),
    ("Valentina", "Rivera", "2010-09-30", Sex.female, None, "7872341098",
     "Calle Tetuán 61, San Juan, PR 00901", "Gabriel Rivera", "7872341099"),
    ("Tomás", "Hernández", "1975-04-19", Sex.male, "tomas.hernandez", "9394445566",
     "Calle Georgetti 77, Humacao, PR 00791", "Elena Hernández", "9394445567"),
    ("Inés", "Díaz", "1968-02-14", Sex.female, "ines.diaz", "7873452109",
     "Urb. Alturas de Río Grande 300, Río Grande, PR 00745", "Julio Díaz", "7873452100"),
    ("Raúl", "Morales", "1981-11-11", Sex.male, "raul.morales", "7874563210",
     "Calle Concordia 15, Caguas, PR 00725", "Nilda Morales", "7874563211"),
    ("Alex", "Cruz", "1999-01-21", Sex.other, "alex.cruz", "7875674321",
     "Calle Loíza 2001, San Juan, PR 00911", "Sam Cruz", "7875674322"),
    ("Jordan", "Reyes", "1993-06-06", Sex.prefer_not_to_say, "jordan.reyes", "7876785432",
     "Ave. Ashford 1108, Condado, PR 00907", None, None),
    ("Mónica", "Ramos", "1970-10-10", Sex.female, "monica.ramos", "7877896543",
     "Calle Marina 40, Aguadilla, PR 00603", "Héctor Ramos", "7877896544"),
    ("Andrés", "Torres", "1952-12-31", Sex.male, "andres.torres", "7878907654",
     "Calle Victoria 5, Arecibo, PR 00612", "Teresa Torres", "7878907655"),
    ("Chloé", "Dubois", "1987-05-17", Sex.female, "chloe.dubois", "7879018765",
     "Cond. Plaza del Mar 14C, Isla Verde, PR 00979", "Noël Dubois", "7879018766"),
    ("Wei", "Chen", "1977-08-28", Sex.male, "wei.chen", "7870129876",
     "Calle San Francisco 250, San Juan, PR 00901", "Li Chen", "7870129877"),
    ("Priya", "Patel", "1991-09-09", Sex.female, "priya.patel", "7871239870",
     "Ave. Roosevelt 150, Hato Rey, PR 00918", "Arjun Patel", "7871239871"),
    ("Gregorio", "Muñoz", "1939-03-22", Sex.male, "gregorio.munoz", "7872348761",
     "Calle Cristo 101, San Juan, PR 00901", "Beatriz Muñoz", "7872348762"),
    ("Isabel", "Castillo", "2003-12-05", Sex.female, "isabel.castillo", "9395556677",
     "Calle Post 18, Mayagüez, PR 00680", "Diego Castillo", "9395556678"),
    ("Kevin", "O'Brien", "1960-06-30", None, "kevin.obrien", "7873457652",
     "Paseo del Morro 3, San Juan, PR 00901", "Maureen O'Brien", "7873457653"),
    ("Rosa", "Figueroa", "1957-04-08", Sex.female, "rosa.figueroa", "7874568763",
     "Calle Estrella 9, Ponce, PR 00730", "Manuel Figueroa", "7874568764"),
    ("Héctor", "Acevedo", "1983-08-15", Sex.male, "hector.acevedo", "7875679874",
     "Urb. Santa Rosa 22, Bayamón, PR 00959", "Yolanda Acevedo", "7875679875"),
    ("Natalia", "Soto", "1996-01-27", Sex.female, "natalia.soto", "9396667788",
     "Calle Luna 56, San Juan, PR 00901", "Carlos Soto", "9396667789"),
    ("Samuel", "Whitaker", "1948-11-19", Sex.male, "samuel.whitaker", "(787) 555-0164",
     "Cond. Costa Azul 4A, Luquillo, PR 00773", "Ruth Whitaker", "(787) 555-0165"),
    ("Camila", "Ortega", "2008-03-11", Sex.female, "camila.ortega", "7876780985",
     "Calle Las Flores 31, Carolina, PR 00983", "Verónica Ortega", "7876780986"),
    ("Julián", "Marrero", "1974-07-07", Sex.male, "julian.marrero", "7877891096",
     "Carr. 2 Km 14, Toa Baja, PR 00949", "Lourdes Marrero", "7877891097"),
    ("Aaliyah", "Thompson", "1989-10-23", Sex.female, "aaliyah.thompson", "404-555-0133",
     "250 Peachtree St NE, Atlanta, GA 30303", "Marcus Thompson", "404-555-0134"),
    ("Ignacio", "Beltrán", "1961-02-02", Sex.male, "ignacio.beltran", "7878902107",
     "Calle Mayor 17, Ponce, PR 00730", "Pilar Beltrán", "7878902108"),
    ("Yara", "Quiñones", "2019-05-30", Sex.female, None, "7879013218",
     "Urb. Los Almendros 8, Guaynabo, PR 00969", "Daniela Quiñones", "7879013219"),
    ("Francisco", "Rosario", "1935-09-14", Sex.male, "francisco.rosario", "7870124329",
     "Calle Reina 4, Fajardo, PR 00738", "Migdalia Rosario", "7870124330"),
]  # fmt: skip

# By position in DEMO_PATIENTS: (carrier, member id, group id, type, copay cents, effective).
# Some patients changed coverage, so their history holds an inactive plan too; a few have none.
DEMO_PLANS: dict[int, list[tuple[str, str, str | None, PlanType, int | None, str | None]]] = {
    0: [("Medicare", "1EG4TE5MK72", None, PlanType.Medicare, 0, "2023-03-01")],
    1: [
        ("MCS", "MCS0099887", "GRP-2210", PlanType.HMO, 1500, "2022-01-01"),
        ("Triple-S Salud", "SSS7723410", "GRP-4410", PlanType.PPO, 2500, "2025-01-01"),
    ],
    2: [("Blue Cross Blue Shield", "XJH123456789", "GRP-00451", PlanType.PPO, 2500, None)],
    3: [("Humana", "H88213009", "HUM-301", PlanType.POS, 2000, "2024-07-01")],
    4: [("Triple-S Salud", "SSS1200458", "GRP-4410", PlanType.PPO, 2000, "2021-06-01")],
    5: [("Medicare", "3KP9WQ2RT88", None, PlanType.Medicare, 0, "2014-09-01")],
    6: [("Plan Vital", "VIT55120043", None, PlanType.Medicaid, 0, "2023-10-01")],
    7: [("Plan Vital", "VIT55120044", None, PlanType.Medicaid, 0, "2016-01-01")],
    8: [("Self-pay", "SELF-8", None, PlanType.self_pay, None, None)],
    9: [("MCS", "MCS0104421", "GRP-3001", PlanType.EPO, 1000, "2025-02-01")],
    10: [("Aetna", "W123456701", "AET-88", PlanType.PPO, 3000, "2024-01-01")],
    11: [
        ("Cigna", "U44120987", "CIG-12", PlanType.HMO, 2500, "2019-01-01"),
        ("Cigna", "U44120987", "CIG-14", PlanType.PPO, 3000, "2024-01-01"),
    ],
    12: [("UnitedHealthcare", "UHC99201877", "UHC-540", PlanType.EPO, 3500, "2025-01-01")],
    13: [("Medicare", "5GH7JK2LM45", None, PlanType.Medicare, 0, "2020-05-01")],
    14: [("First Medical", "FMH2200134", "FM-77", PlanType.HMO, 1500, "2024-04-01")],
    15: [("Medicare", "2AB3CD4EF56", None, PlanType.Medicare, 0, "2009-07-01")],
    16: [("Triple-S Salud", "SSS7723411", "GRP-4410", PlanType.PPO, 2500, "2025-01-01")],
    17: [("Humana", "H88213410", "HUM-301", PlanType.POS, 2000, "2023-01-01")],
    18: [("MCS", "MCS0112233", "GRP-2210", PlanType.HMO, 1500, "2022-08-01")],
    19: [("Self-pay", "SELF-20", None, PlanType.self_pay, None, None)],
    20: [("Plan Vital", "VIT55120090", None, PlanType.Medicaid, 0, "2024-02-01")],
    22: [("Blue Cross Blue Shield", "XJH998877665", "GRP-00452", PlanType.PPO, 2000, None)],
    23: [("Medicare", "9ZX8CV7BN65", None, PlanType.Medicare, 0, "2017-12-01")],
    24: [("Cigna", "U44120999", "CIG-15", PlanType.PPO, 3000, "2025-03-01")],
    25: [("Aetna", "W123456799", "AET-90", PlanType.HMO, 2000, "2024-09-01")],
    26: [("UnitedHealthcare", "UHC99201900", "UHC-541", PlanType.PPO, 2500, "2025-06-01")],
    27: [("Medicare", "4QW5ER6TY77", None, PlanType.Medicare, 0, "2004-03-01")],
    29: [("Triple-S Salud", "SSS1209876", "GRP-4412", PlanType.PPO, 2500, "2024-01-01")],
    30: [("Medicare", "6RT5YU4IO32", None, PlanType.Medicare, 0, "2022-04-01")],
    31: [("MCS", "MCS0123987", "GRP-3001", PlanType.EPO, 1000, "2024-11-01")],
    32: [("Humana", "H88219001", "HUM-305", PlanType.HMO, 1500, "2025-01-01")],
    33: [("Medicare", "7PL6KJ5HG43", None, PlanType.Medicare, 0, "2013-11-01")],
    34: [("Plan Vital", "VIT55120311", None, PlanType.Medicaid, 0, "2021-09-01")],
    35: [
        ("Self-pay", "SELF-36", None, PlanType.self_pay, None, None),
        ("First Medical", "FMH2200871", "FM-80", PlanType.POS, 2000, "2025-05-01"),
    ],
    36: [("Aetna", "W123457210", "AET-91", PlanType.EPO, 3500, "2025-01-01")],
    38: [("Plan Vital", "VIT55120477", None, PlanType.Medicaid, 0, "2019-06-01")],
    39: [("Medicare", "8MN7BV6CX54", None, PlanType.Medicare, 0, "2000-09-01")],
}

DOMAIN = "example.com"


async def seed_demo_patients(db: AsyncSession) -> list[int]:
    """Add the demo patients not yet on file, each with their plans, through the same
    repository calls as the API; the last plan listed becomes the active one. Returns the ids of
    every demo patient, added now or before, in the order of DEMO_PATIENTS."""
    ids: list[int] = []
    for index, (first, last, dob, sex, local, *contact) in enumerate(DEMO_PATIENTS):
        phone, address, emergency_name, emergency_phone = contact
        data = PatientCreate(
            first_name=first,
            last_name=last,
            dob=date.fromisoformat(dob),
            sex=sex,
            email=f"{local}@{DOMAIN}" if local else None,
            phone=phone,
            address=address,
            emergency_contact_name=emergency_name,
            emergency_contact_phone=emergency_phone,
        )
        on_file = await _on_file(db, data)
        if on_file is not None:
            ids.append(on_file)
            continue
        patient = await repository.create_patient(db, data)
        ids.append(patient.patient_id)
        for carrier, member_id, group_id, plan_type, copay, effective in DEMO_PLANS.get(index, []):
            plan = PlanCreate(
                carrier_name=carrier,
                member_id=member_id,
                group_id=group_id,
                plan_type=plan_type,
                copay_cents=copay,
                effective_date=date.fromisoformat(effective) if effective else None,
            )
            await repository.save_plan(db, patient, plan)
    return ids


async def _on_file(db: AsyncSession, data: PatientCreate) -> int | None:
    """The id of the patient on file: by email; by name and birth date for the children who
    have none."""
    one = PageParams(page=1, per_page=1)
    if data.email:
        found, _ = await repository.list_patients(db, one, email=data.email)
    else:
        search = f"{data.first_name} {data.last_name}"
        found, _ = await repository.list_patients(db, one, search=search, dob=data.dob)
    return found[0].patient_id if found else None
