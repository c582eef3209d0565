"""A clinic's working data for the benchmark, on top of the 1,000,000 patients of bench/patients.py:
the first 10,000 patients with insurance plans, 20 providers with working hours (Monday to
Friday, 08:00-18:00), 50,000 appointments (a year of the providers' days, ten a day each, most
of the past ones completed with a charge, invoiced and mostly paid) and the admin who logs in.

Generated in PostgreSQL (generate_series) in a few seconds, once: a database that already holds
them is left as it is. Rows that the benchmark itself needs (free slots, appointments to
complete or invoice) are made per run by bench/run.py.
"""

from datetime import UTC, date, datetime, timedelta

import asyncpg

PROVIDERS = 20
PATIENTS_WITH_PLANS = 10_000
APPOINTMENTS = 50_000
PER_DAY = 10  # hourly, 08:00 to 17:00 starts, 30 minutes each
PROVIDER_EMAIL = "bench-provider-%s@clinichub.test"

_PROVIDERS = f"""
INSERT INTO users (email, password_hash, first_name, last_name, role)
SELECT format('{PROVIDER_EMAIL}', n), '!', 'Provider', format('Bench%s', n),
       CASE WHEN n <= 14 THEN 'doctor' ELSE 'nurse' END
FROM generate_series(1, {PROVIDERS}) AS n
ON CONFLICT (email) DO NOTHING
"""

_WORKING_HOURS = """
INSERT INTO provider_working_hours (provider_user_id, weekday, start_time, end_time)
SELECT user_id, weekday, '08:00', '18:00'
FROM users, generate_series(0, 4) AS weekday
WHERE email LIKE 'bench-provider-%'
ON CONFLICT DO NOTHING
"""

_PLANS = f"""
INSERT INTO insurance_plans
    (patient_id, carrier_name, member_id, group_id, plan_type, copay_cents, effective_date)
SELECT p,
       (ARRAY['Aetna', 'Cigna', 'Humana', 'Triple-S', 'MCS', 'Medicare'])[1 + p % 6],
       format('M%s', 100000 + p), format('G%s', p % 50),
       (ARRAY['HMO', 'PPO', 'EPO', 'POS', 'Medicare', 'Medicaid', 'self_pay'])[1 + p % 7],
       CASE WHEN p % 7 = 6 THEN NULL ELSE (1 + p % 4) * 1000 END,
       DATE '2024-01-01' + (p % 700)
FROM generate_series(1, {PATIENTS_WITH_PLANS}) AS p
"""

# Slot s of provider number k (0-based): weekday s / PER_DAY after the first Monday, hour
# 8 + s % PER_DAY. At one slot the 20 providers see 20 different patients.
_APPOINTMENTS = f"""
WITH providers AS (
    SELECT user_id, row_number() OVER (ORDER BY user_id) - 1 AS k
    FROM users WHERE email LIKE 'bench-provider-%'
), slots AS (
    SELECT s, (($1::date + ((s / {PER_DAY}) / 5) * 7 + (s / {PER_DAY}) % 5)::timestamp
               + make_interval(hours => 8 + s % {PER_DAY})) AT TIME ZONE 'UTC' AS start
    FROM generate_series(0, {APPOINTMENTS // PROVIDERS} - 1) AS s
)
INSERT INTO appointments
    (patient_id, provider_user_id, scheduled_start, scheduled_end, status, visit_type, reason)
SELECT (s * {PROVIDERS} + k) % {PATIENTS_WITH_PLANS} + 1, user_id, start,
       start + interval '30 minutes',
       CASE WHEN start > now() THEN 'scheduled'
            WHEN (s + k) % 20 = 0 THEN 'no_show'
            WHEN (s + k) % 10 = 3 THEN 'cancelled'
            ELSE 'completed' END,
       'in_person', 'Follow-up visit'
FROM providers, slots
"""

_CHARGES = """
INSERT INTO cpt_records (appointment_id, patient_id, cpt_code, description, quantity,
                         unit_price_cents, amount_cents, service_date, status)
SELECT a.appointment_id, a.patient_id, c.code, c.description, 1, c.price_cents, c.price_cents,
       (a.scheduled_start AT TIME ZONE 'UTC')::date,
       CASE WHEN a.scheduled_start < now() - interval '7 days' THEN 'invoiced' ELSE 'pending' END
FROM appointments a JOIN cpt_codes c ON c.code = '99213'
WHERE a.status = 'completed'
"""

_INVOICES = """
INSERT INTO invoices (appointment_id, patient_id, cpt_id, status, total_cents, patient_due_cents,
                      insurance_due_cents, plan_id, plan_carrier_name, plan_member_id, plan_type,
                      plan_copay_cents, issued_at, paid_at)
SELECT r.appointment_id, r.patient_id, r.cpt_record_id,
       CASE WHEN r.cpt_record_id % 10 < 7 THEN 'paid' ELSE 'unpaid' END,
       r.amount_cents, due.patient, r.amount_cents - due.patient,
       p.plan_id, p.carrier_name, p.member_id, p.plan_type, p.copay_cents,
       r.service_date + interval '1 day',
       CASE WHEN r.cpt_record_id % 10 < 7 THEN r.service_date + interval '20 days' END
FROM cpt_records r
LEFT JOIN insurance_plans p ON p.patient_id = r.patient_id AND p.is_active
CROSS JOIN LATERAL (
    SELECT CASE WHEN p.plan_id IS NULL OR p.plan_type = 'self_pay' THEN r.amount_cents
                ELSE LEAST(p.copay_cents, r.amount_cents) END AS patient
) AS due
WHERE r.status = 'invoiced'
"""


def first_monday(today: date) -> date:
    """The Monday that puts about four of the fifty weeks of appointments in the future."""
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(weeks=APPOINTMENTS // PROVIDERS // PER_DAY // 5 - 4)


async def load_clinic(url: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        loaded = await connection.fetchval(
            "SELECT count(*) FROM appointments a JOIN users u ON u.user_id = a.provider_user_id"
            " WHERE u.email LIKE 'bench-provider-%'"
        )
        if loaded >= APPOINTMENTS:
            print(f"clinic data already loaded ({loaded:,} appointments)")
            return
        async with connection.transaction():
            await connection.execute(_PROVIDERS)
            await connection.execute(_WORKING_HOURS)
            await connection.execute(_PLANS)
            await connection.execute(_APPOINTMENTS, first_monday(datetime.now(UTC).date()))
            await connection.execute(_CHARGES)
            await connection.execute(_INVOICES)
        await connection.execute("VACUUM (ANALYZE) appointments, cpt_records, invoices")
        counts = await connection.fetchrow(
            "SELECT (SELECT count(*) FROM appointments) AS appointments,"
            " (SELECT count(*) FROM cpt_records) AS charges,"
            " (SELECT count(*) FROM invoices) AS invoices"
        )
        print(
            f"loaded {PROVIDERS} providers, {PATIENTS_WITH_PLANS:,} plans,"
            f" {counts['appointments']:,} appointments, {counts['charges']:,} charges,"
            f" {counts['invoices']:,} invoices"
        )
    finally:
        await connection.close()
