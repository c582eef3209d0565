"""Swagger UI and ReDoc in a real browser (Debian's headless Chromium, driven by Playwright).

A person's path through /docs: Authorize with the demo admin through the OAuth2 password flow,
then "Try it out" on GET /api/patients. The pages load their assets from the app itself, so they
work without internet access. A screenshot is kept in test-artifacts/.
"""

from pathlib import Path

from playwright.async_api import BrowserContext, expect

from tests.browser import ARTIFACTS, TIMEOUT_MS, chromium, needs_chromium
from tests.kit import running_server

pytestmark = needs_chromium


async def _authorize(browser: BrowserContext, base_url: str) -> None:
    page = browser.pages[0] if browser.pages else await browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    await page.goto(f"{base_url}/docs")
    await expect(page.locator(".swagger-ui .info .title")).to_contain_text(
        "ClinicHub API", timeout=TIMEOUT_MS
    )

    await page.locator(".auth-wrapper .btn.authorize").click()
    modal = page.locator(".dialog-ux .modal-ux")
    oauth2 = modal.locator(".auth-container", has_text="oauth2_password")
    await oauth2.locator("#oauth_username").fill("admin@clinichub.com")
    await oauth2.locator("#oauth_password").fill("admin123")
    await oauth2.locator("button.authorize").click()
    await expect(oauth2.locator("button", has_text="Logout")).to_be_visible()
    await oauth2.locator("button.btn-done").click()

    operation = page.locator("#operations-patients-patients_list")
    await operation.locator(".opblock-summary").click()
    await operation.locator("button.try-out__btn").click()
    await operation.locator("button.execute").click()
    live = operation.locator(".live-responses-table")
    answer = live.locator("tr.response")
    await expect(answer.locator(".response-col_status")).to_have_text("200", timeout=TIMEOUT_MS)
    await expect(answer.locator(".response-col_description")).to_contain_text('"patients"')
    await expect(answer.locator(".response-col_description")).to_contain_text('"patient_id"')
    ARTIFACTS.mkdir(exist_ok=True)
    await answer.scroll_into_view_if_needed()
    await page.screenshot(path=ARTIFACTS / "swagger-ui-patients.png", full_page=False)


async def test_swagger_ui_authorizes_and_lists_patients_and_redoc_renders(
    database_url: str, clean_db: None, tmp_path: Path
) -> None:
    async with (
        running_server(database_url, tmp_path) as server,
        chromium(tmp_path / "chromium-profile") as browser,
    ):
        await _authorize(browser, server.base_url)

        page = await browser.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        await page.goto(f"{server.base_url}/redoc")
        await expect(page.locator("h1").first).to_contain_text("ClinicHub API", timeout=TIMEOUT_MS)
        await expect(page.get_by_text("List and search patients").first).to_be_attached()
        await page.screenshot(path=ARTIFACTS / "redoc.png")
