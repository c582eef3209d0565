"""The staff web app in a real browser (Debian's headless Chromium, driven by Playwright), against
a live `clinichub serve --demo` on PostgreSQL.

The clinic's whole day through the interface alone, each role signing in in turn: the front desk
books a new patient into a free slot and checks them in, a nurse records vitals, a doctor writes
the note and completes the visit, the front desk invoices it and records the payment, and the
administrator sees it in the revenue report and the reads in the patient's access log. Then
what goes wrong: a booking refused (409) says why, an edit that meets someone else's (412)
offers the reload. The front desk registers a patient with a photo ID, whose thumbnail the
patient's page then draws. Every page passes axe-core (nothing serious or critical) at a
phone's width and a desk's, and its screenshots at both are kept in test-artifacts/.

The demo clinic is loaded around the clinic's today. The server runs in a fixed-offset zone in
which it is mid-morning now, so that today still has free times and a visit booked today may be
completed (completion is refused before the visit's clinic day).
"""

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from PIL import Image
from playwright.async_api import FilePayload, Locator, Page, expect

from tests.browser import (
    DESK,
    PHONE,
    TIMEOUT_MS,
    chromium,
    needs_chromium,
    screenshots,
    serious_violations,
)
from tests.kit import ROOT, LiveServer, running_server

pytestmark = needs_chromium
# A shared machine is slow at times: what the user waits for may take more than a moment.
expect.set_options(timeout=15_000)

DIST = ROOT / "web" / "dist" / "index.html"
PASSWORDS = {
    "admin": ("admin@clinichub.com", "admin123"),
    "doctor": ("doctor@clinichub.com", "doctor123"),
    "nurse": ("nurse@clinichub.com", "nurse123"),
    "receptionist": ("receptionist@clinichub.com", "receptionist123"),
}
ROLE_LABEL = {"admin": "Admin", "doctor": "Doctor", "nurse": "Nurse", "receptionist": "Front desk"}
HOME = {"admin": "Today", "doctor": "My day", "nurse": "My day", "receptionist": "Today"}


def mid_morning_zone(now: datetime) -> str:
    """A fixed-offset zone in which it is ten o'clock (and some minutes) at `now`. POSIX signs:
    Etc/GMT-5 is five hours ahead of UTC."""
    offset = 10 - now.astimezone(UTC).hour  # -13 to 10
    if offset < -12:
        offset += 24
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


def needs_build() -> None:
    if not DIST.exists():
        pytest.fail(f"{DIST.relative_to(ROOT)} is missing: run make web")


class Pages:
    """The browser's one tab on the live server, with what every step needs: signing in and
    out, going to a menu entry, and looking at a page (axe-core and screenshots at both widths;
    the violations are gathered and asserted at the end, so one run shows them all)."""

    def __init__(self, page: Page, server: LiveServer) -> None:
        self.page = page
        self.base_url = server.base_url
        self.violations: list[str] = []

    async def open(self, path: str) -> None:
        await self.page.goto(self.base_url + path)

    def heading(self, name: str | re.Pattern[str]) -> Locator:
        return self.page.get_by_role("heading", name=name, level=2)

    async def sign_in(self, role: str) -> None:
        """Sign in on the sign-in page; the page then shows the role's first page."""
        page = self.page
        await expect(page.get_by_role("heading", name="Sign in to ClinicHub")).to_be_visible()
        email, password = PASSWORDS[role]
        await page.get_by_label("Email").fill(email)
        await page.get_by_label("Password").fill(password)
        await page.get_by_role("button", name="Sign in").click()
        await expect(self.heading(HOME[role])).to_be_visible()
        await expect(page.get_by_test_id("signed-in-as")).to_contain_text(ROLE_LABEL[role])

    async def sign_out(self) -> None:
        await self.page.get_by_role("button", name="Sign out").click()
        await expect(self.page.get_by_role("heading", name="Sign in to ClinicHub")).to_be_visible()
        # The next person to sign in starts on their own first page, not on this user's.
        await expect(self.page).to_have_url(re.compile(r"/signin$"))

    def menu(self) -> Locator:
        return self.page.get_by_role("navigation", name="Main menu")

    async def go(self, entry: str, title: str | None = None) -> None:
        await self.menu().get_by_role("link", name=entry, exact=True).click()
        await expect(self.heading(title or entry)).to_be_visible()

    async def look_at(self, name: str) -> None:
        """axe-core at a desk's width and a phone's, and the screenshots of both."""
        page = self.page
        for width, size in (("desk", DESK), ("phone", PHONE)):
            await page.set_viewport_size(size)
            await page.wait_for_timeout(300)  # the layout of the width settles
            found = await serious_violations(page)
            self.violations += [f"{name} ({width}): {violation}" for violation in found]
        # From the top: a full-page shot of a scrolled page draws the fixed header mid-page.
        await page.evaluate("window.scrollTo(0, 0)")
        await screenshots(page, f"web-{name}")


@dataclass(frozen=True)
class FreeTime:
    provider: str
    clock: str  # "10:40", as the radio is named
    start: str  # the instant, as the API gave it


async def choose_a_free_time(pages: Pages) -> FreeTime:
    """In the booking dialog: the first free time today of the first provider who has one."""
    page = pages.page
    grid = page.get_by_role("region", name=re.compile(r"^Schedule for"))
    providers = await grid.get_by_role("heading", level=3).all_inner_texts()
    await page.get_by_role("button", name="Book a visit").click()
    dialog = page.get_by_role("dialog", name="Book a visit")
    free = dialog.get_by_role("radiogroup", name="Free times")
    none_free = dialog.get_by_text("No free time on this day")
    for provider in providers:
        await dialog.get_by_role("textbox", name="Provider").click()
        await page.get_by_role("option", name=provider, exact=True).click()
        await expect(free.get_by_role("radio").first.or_(none_free)).to_be_visible()
        if await free.get_by_role("radio").count() > 0:
            break
    else:
        pytest.fail(f"no provider has a free time today: {providers}")
    first = free.get_by_role("radio").first
    await first.check()
    clock = (await free.locator("label").first.inner_text()).strip()
    start = await first.get_attribute("value")
    assert start is not None
    return FreeTime(provider, clock, start)


async def book_a_new_patient(pages: Pages, first: str, last: str) -> str:
    """The front desk books a new patient into the first free time today; returns the time
    booked ("10:40")."""
    page = pages.page
    slot = await choose_a_free_time(pages)
    dialog = page.get_by_role("dialog", name="Book a visit")
    await dialog.get_by_role("button", name="New patient").click()
    form = dialog.get_by_role("form", name="New patient")
    await form.get_by_label("First name").fill(first)
    await form.get_by_label("Last name").fill(last)
    await form.get_by_label("Date of birth").fill("1986-04-12")
    await form.get_by_label("Phone", exact=True).fill("+1 787 555 0142")
    await form.get_by_role("button", name="Add patient").click()
    await expect(dialog.get_by_role("textbox", name="Patient")).to_have_value(
        re.compile(f"^{last}, {first}")
    )
    await expect(dialog.get_by_role("radio", name=slot.clock)).to_be_checked()
    await dialog.get_by_role("textbox", name="Reason for the visit").fill("Sore throat")
    await dialog.get_by_role("button", name="Book visit").click()
    await expect(page.get_by_role("status").filter(has_text="Booked")).to_contain_text(
        f"Booked {first} {last} with {slot.provider}"
    )
    return slot.clock


async def test_a_clinic_day_through_the_web_app(
    database_url: str, clean_db: None, tmp_path: Path
) -> None:
    needs_build()
    first, last = "Imogen", "Whitfield"
    async with (
        running_server(
            database_url, tmp_path, CLINICHUB_CLINIC_TIMEZONE=mid_morning_zone(datetime.now(UTC))
        ) as server,
        chromium(tmp_path / "chromium-profile") as browser,
    ):
        page = browser.pages[0] if browser.pages else await browser.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        pages = Pages(page, server)

        # The administrator: today's revenue before the day's visit is billed.
        await pages.open("/")
        await expect(page.get_by_role("heading", name="Sign in to ClinicHub")).to_be_visible()
        await pages.look_at("sign-in")
        await pages.sign_in("admin")
        billed_before, collected_before = await todays_revenue(pages)
        await pages.sign_out()

        # The front desk: the day, a new patient booked into a free time, checked in.
        await pages.sign_in("receptionist")
        await pages.go("Today")
        await expect(
            page.get_by_role("button", name=re.compile(r"^\d\d:\d\d ")).first
        ).to_be_visible()
        await pages.look_at("today")
        booked = await book_a_new_patient(pages, first, last)
        visit = page.get_by_role("button", name=re.compile(f"^{booked} {first} {last} "))
        await visit.click()
        details = page.get_by_role("dialog", name="Visit details")
        await expect(details.get_by_role("button", name="Check in")).to_be_visible()
        await pages.look_at("visit-details")
        await details.get_by_role("button", name="Check in").click()
        await expect(page.get_by_role("status").filter(has_text="Checked in")).to_contain_text(
            f"{first} {last}'s visit at {booked}"
        )
        await expect(visit).to_have_accessible_name(re.compile("Checked in$"))

        # A reload keeps the user signed in (the refresh cookie); signing out ends the session.
        await page.reload()
        await expect(pages.heading("Today")).to_be_visible()
        await expect(page.get_by_test_id("signed-in-as")).to_contain_text("Front desk")
        await pages.sign_out()
        await pages.open("/today")
        await expect(page.get_by_role("heading", name="Sign in to ClinicHub")).to_be_visible()
        await pages.open("/signin")

        # A nurse: no billing in the menu; the patient's visit, and its vitals.
        await pages.sign_in("nurse")
        await expect(pages.menu().get_by_role("link", name="Patients")).to_be_visible()
        await expect(pages.menu().get_by_role("link", name="Billing")).to_have_count(0)
        await expect(pages.menu().get_by_role("link", name="Today")).to_have_count(0)
        # On a weekend the demo nurse has no visits: the last day she had some, for the table.
        shown = page.get_by_role("table").or_(page.get_by_text("No visits on this day."))
        for _ in range(3):
            await expect(shown).to_be_visible()
            if await page.get_by_role("table").count() > 0:
                break
            async with page.expect_response(re.compile(r"/api/appointments\?")):
                await page.get_by_role("button", name="Previous day").click()
        await expect(page.get_by_role("table")).to_be_visible()
        await pages.look_at("my-day")
        await open_the_visit(pages, first, last, look=True)
        await page.get_by_label("Height (m)").fill("1.68")
        await page.get_by_label("Weight (kg)").fill("64.5")
        await expect(page.get_by_test_id("bmi-preview")).to_contain_text("BMI 22.9")
        await page.get_by_label("Blood pressure (mmHg)").fill("118/76")
        await page.get_by_label("Temperature (°C)").fill("36.8")
        await page.get_by_label("Pulse (beats/min)").fill("72")
        await page.get_by_role("button", name="Record vitals").click()
        await expect(page.get_by_role("status").filter(has_text="Vitals recorded")).to_be_visible()
        vitals = page.get_by_role("region", name="Vitals")
        await expect(vitals.get_by_role("listitem")).to_have_count(1)
        await pages.sign_out()

        # A doctor: the note, then the visit completed (its charge made).
        await pages.sign_in("doctor")
        await open_the_visit(pages, first, last)
        note = page.get_by_role("form", name="Visit note")
        await note.get_by_label("Diagnosis").fill("Acute viral pharyngitis")
        codes = note.get_by_role("textbox", name="ICD-10 codes")
        await codes.fill("J02.9")
        await codes.press("Enter")
        await note.get_by_label("Treatment plan").fill("Fluids, rest; return if fever persists")
        await note.get_by_role("button", name="Save the note").click()
        written = page.get_by_role("region", name="Visit note")
        await expect(written.get_by_text("Acute viral pharyngitis")).to_be_visible()
        await expect(written.get_by_role("button", name="Amend note")).to_be_visible()
        await page.get_by_role("button", name="Complete visit").click()
        await expect(page.get_by_text(re.compile(r"charge #\d+"))).to_be_visible()
        await expect(page.get_by_role("button", name="Complete visit")).to_have_count(0)
        await pages.look_at("visit")
        visit_id = int(page.url.rsplit("/", 1)[1])
        await pages.sign_out()

        # The front desk: the visit invoiced, and its payment recorded.
        await pages.sign_in("receptionist")
        await pages.go("Billing")
        await expect(page.get_by_role("region", name="Visits to invoice").first).to_be_visible()
        await pages.look_at("billing")
        # The queue is oldest first: today's visit is on its last page.
        invoice_it = page.get_by_role("button", name=f"Create invoice for visit #{visit_id}")
        while not await invoice_it.is_visible():
            await page.get_by_role("button", name="next page").first.click()
            await expect(page.get_by_role("table").first).not_to_have_attribute("aria-busy", "true")
        await invoice_it.click()
        created = page.get_by_role("status").filter(has_text="created for")
        await expect(created).to_contain_text(f"created for {last}, {first}")
        invoice = re.search(r"Invoice #(\d+)", await created.inner_text())
        assert invoice is not None
        total = cents(await created.get_by_text(re.compile(r"^\$")).first.inner_text())
        assert total > 0
        await page.get_by_role("button", name=f"Mark paid: invoice #{invoice[1]}").click()
        await expect(
            page.get_by_role("button", name=f"Mark unpaid: invoice #{invoice[1]}")
        ).to_be_visible()
        await pages.sign_out()

        # The administrator: the payment in today's revenue, and the reads in the access log.
        await pages.sign_in("admin")
        assert await todays_revenue(pages) == (billed_before + total, collected_before + total)
        await pages.look_at("revenue")
        await pages.go("Patients")
        await page.get_by_label("Search by name, email or phone").fill(last)
        await page.get_by_role("link", name=f"{last}, {first}").click()
        invoices = page.get_by_role("region", name="Invoices")
        await expect(invoices.get_by_role("row").filter(has_text="Paid")).to_have_count(1)
        await pages.look_at("patient-billed")
        await page.get_by_role("link", name="Access log").click()
        await expect(pages.heading("Access log")).to_be_visible()
        events = page.get_by_role("region", name="Audit events")
        for reader, option in (
            ("Florence Rivera", "Rivera, Florence (Nurse)"),
            ("Gregory Santos", "Santos, Gregory (Doctor)"),
        ):
            await page.get_by_role("textbox", name="Who").click()
            await page.get_by_role("option", name=option).click()
            await page.get_by_role("button", name="Apply filters").click()
            rows = events.get_by_role("row").filter(has_text=re.compile(r"\d\d:\d\d:\d\d"))
            await expect(rows.first).to_contain_text(reader)
            await expect(rows.filter(has_not_text=reader)).to_have_count(0)
            await expect(rows.filter(has_text="Read").first).to_be_visible()
        await pages.look_at("access-log")
        await pages.sign_out()

    assert not pages.violations, "\n".join(pages.violations)


def cents(amount: str) -> int:
    """ "$1,234.50" as 123450."""
    return round(float(amount.strip().lstrip("$").replace(",", "")) * 100)


async def todays_revenue(pages: Pages) -> tuple[int, int]:
    """Billed and collected today, as the revenue report shows them."""
    page = pages.page
    await pages.go("Revenue")
    await page.get_by_role("button", name="Today", exact=True).click()
    per_day = page.get_by_role("region", name="Revenue per day")
    await expect(per_day.get_by_role("row")).to_have_count(3)  # head, today, total
    total = per_day.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Total"))
    cells = await total.get_by_role("cell").all_inner_texts()
    return cents(cells[0]), cents(cells[1])


async def open_the_visit(pages: Pages, first: str, last: str, *, look: bool = False) -> None:
    """From the patient list to the patient's page and on to their one visit (looking at both
    pages on the way, when asked)."""
    page = pages.page
    await pages.go("Patients")
    await page.get_by_label("Search by name, email or phone").fill(last)
    found = page.get_by_role("link", name=f"{last}, {first}")
    if look:
        await expect(found).to_be_visible()
        await pages.look_at("patients")
    await found.click()
    await expect(pages.heading(f"{first} {last}")).to_be_visible()
    if look:
        await expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)
        await pages.look_at("patient")
    appointments = page.get_by_role("region", name="Appointments")
    await appointments.get_by_role("link").first.click()
    await expect(pages.heading("Visit")).to_be_visible()
    await expect(page.get_by_role("link", name=f"{first} {last}")).to_be_visible()


def id_photo() -> bytes:
    """A small JPEG, as a phone's camera would give (the API keeps a re-encoded copy)."""
    buffer = io.BytesIO()
    Image.new("RGB", (480, 300), (40, 90, 150)).save(buffer, "JPEG")
    return buffer.getvalue()


async def register_with_a_photo_id(pages: Pages, first: str, last: str) -> None:
    """On the new-patient page: a patient with a photo ID, uploaded once the patient exists; the
    patient's page shows its thumbnail, fetched with the session's token."""
    page = pages.page
    await page.get_by_label("First name").fill(first)
    await page.get_by_label("Last name").fill(last)
    await page.get_by_label("Date of birth").fill("1991-07-23")
    async with page.expect_file_chooser() as chooser:
        await page.get_by_role("button", name="Photo ID").click()
    photo: FilePayload = {"name": "id.jpg", "mimeType": "image/jpeg", "buffer": id_photo()}
    await (await chooser.value).set_files(files=[photo])
    await page.get_by_role("button", name="Create patient").click()
    await expect(pages.heading(f"{first} {last}")).to_be_visible()
    documents = page.get_by_role("region", name="Documents")
    thumbnail = documents.get_by_role("img", name="Preview: Photo ID")
    await expect(thumbnail).to_be_visible()
    # Drawn: a broken or empty image has no natural width.
    await expect(thumbnail).not_to_have_js_property("naturalWidth", 0)
    await expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)


async def api_login(client: httpx.AsyncClient, role: str) -> dict[str, str]:
    email, password = PASSWORDS[role]
    response = await client.post("/api/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def test_refusals_in_words_and_every_other_page(
    database_url: str, clean_db: None, tmp_path: Path
) -> None:
    """A booking whose time was taken meanwhile (409) names the visit in the way; an edit that
    meets another user's (412) offers the reload and keeps what was typed; and the pages the
    day did not pass through pass axe-core too."""
    needs_build()
    async with (
        running_server(
            database_url, tmp_path, CLINICHUB_CLINIC_TIMEZONE=mid_morning_zone(datetime.now(UTC))
        ) as server,
        chromium(tmp_path / "chromium-profile") as browser,
        httpx.AsyncClient(base_url=server.base_url, timeout=30) as client,
    ):
        page = browser.pages[0] if browser.pages else await browser.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        pages = Pages(page, server)
        admin = await api_login(client, "admin")

        # 409: someone else books the chosen time before the front desk submits.
        await pages.open("/signin")
        await pages.sign_in("receptionist")
        slot = await choose_a_free_time(pages)
        dialog = page.get_by_role("dialog", name="Book a visit")
        await dialog.get_by_role("textbox", name="Patient").fill("Doe")
        await page.get_by_role("option", name=re.compile(r"^Doe, John")).click()
        providers = (await client.get("/api/providers", headers=admin)).json()["providers"]
        provider = next(
            one
            for one in providers
            if slot.provider.endswith(f"{one['first_name']} {one['last_name']}")
        )
        other = await client.post(
            "/api/patients",
            json={"first_name": "Nadia", "last_name": "Quiroga", "dob": "1979-09-30"},
            headers=admin,
        )
        assert other.status_code == 201, other.text
        start = datetime.fromisoformat(slot.start)
        taken = await client.post(
            "/api/appointments",
            json={
                "patient_id": other.json()["patient"]["patient_id"],
                "provider_user_id": provider["provider_user_id"],
                "scheduled_start": slot.start,
                "scheduled_end": (start + timedelta(minutes=30)).isoformat(),
            },
            headers=admin,
        )
        assert taken.status_code == 201, taken.text
        await dialog.get_by_role("button", name="Book visit").click()
        refusal = dialog.get_by_role("alert").filter(has_text="The visit was not booked")
        await expect(refusal).to_contain_text(
            f"{slot.provider} already has a visit with Nadia Quiroga from {slot.clock} to"
        )
        await expect(dialog.get_by_role("textbox", name="Patient")).to_have_value(
            re.compile(r"^Doe, John")
        )
        await pages.look_at("booking-refused")
        await dialog.get_by_role("button", name="Close").click()
        for entry in ("Week", "Month"):
            await pages.go(entry)
            await expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)
            await pages.look_at(entry.lower())
        await pages.go("Patients")
        await page.get_by_role("link", name="New patient").click()
        await expect(pages.heading("New patient")).to_be_visible()
        await pages.look_at("new-patient")
        await register_with_a_photo_id(pages, "Rosa", "Quintero")
        await pages.look_at("patient-documents")
        await pages.sign_out()

        # 412: another user saves the patient while the form is open; the reload keeps mine.
        await pages.sign_in("admin")
        await pages.go("Patients")
        await page.get_by_label("Search by name, email or phone").fill("Doe")
        await page.get_by_role("link", name="Doe, John").click()
        await expect(pages.heading("John Doe")).to_be_visible()
        patient_id = int(page.url.rsplit("/", 1)[1])
        await page.get_by_role("button", name="Edit details").click()
        await page.get_by_label("Phone", exact=True).fill("+1 787 555 0199")
        current = await client.get(f"/api/patients/{patient_id}", headers=admin)
        changed = await client.put(
            f"/api/patients/{patient_id}",
            json={"address": "12 Calle Luna, San Juan"},
            headers={**admin, "If-Match": current.headers["ETag"]},
        )
        assert changed.status_code == 200, changed.text
        await page.get_by_role("button", name="Save changes").click()
        stale = page.get_by_role("alert").filter(has_text="Someone else changed this patient")
        await expect(stale).to_be_visible()
        await expect(page.get_by_label("Phone", exact=True)).to_have_value("+1 787 555 0199")
        await pages.look_at("patient-edit-refused")
        await stale.get_by_role("button", name="Reload, keeping my changes").click()
        await expect(page.get_by_label("Address")).to_have_value("12 Calle Luna, San Juan")
        await expect(page.get_by_label("Phone", exact=True)).to_have_value("+1 787 555 0199")
        await page.get_by_role("button", name="Save changes").click()
        details = page.get_by_role("region", name="Details")
        await expect(details.get_by_text("+1 787 555 0199")).to_be_visible()
        await expect(details.get_by_text("12 Calle Luna, San Juan")).to_be_visible()

        for entry, title in (
            ("Staff", "Staff"),
            ("CPT codes", "CPT codes"),
            ("Working hours", "Working hours"),
            ("Audit trail", "Audit trail"),
        ):
            await pages.go(entry, title)
            if entry == "Working hours":
                await page.get_by_role("textbox", name="Provider").click()
                await page.get_by_role("option", name=re.compile(r"^Santos, Gregory")).click()
                await expect(page.get_by_role("button", name="Add hours on Monday")).to_be_visible()
            await expect(page.get_by_role("status").filter(has_text="Loading")).to_have_count(0)
            await pages.look_at(entry.lower().replace(" ", "-"))
        await pages.sign_out()

    assert not pages.violations, "\n".join(pages.violations)
