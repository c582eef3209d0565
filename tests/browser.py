"""A real browser for the tests about pages: Debian's headless Chromium driven by Playwright, which
never downloads a browser of its own. The tests skip, saying why, only where Chromium is missing.
Screenshots go to test-artifacts/."""

import json
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from playwright.async_api import BrowserContext, Page, ViewportSize, async_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless",
    "--no-sandbox",  # as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 30_000
PHONE: ViewportSize = {"width": 390, "height": 844}
DESK: ViewportSize = {"width": 1440, "height": 900}

needs_chromium = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed (apt-get install chromium)"
)


@asynccontextmanager
async def chromium(profile: Path) -> AsyncIterator[BrowserContext]:
    """A browser with a fresh profile; pages time out after TIMEOUT_MS."""
    async with async_playwright() as driver:
        browser = await driver.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS, viewport=DESK
        )
        browser.set_default_timeout(TIMEOUT_MS)
        try:
            yield browser
        finally:
            await browser.close()


async def serious_violations(page: Page) -> list[str]:
    """What axe-core finds serious or critical on the page as it is now."""
    await page.add_script_tag(path=str(AXE))
    found = await page.evaluate(
        "async () => (await axe.run(document)).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return [json.dumps(violation) for violation in found]


async def screenshots(page: Page, name: str) -> None:
    """The page at a phone's width and at a desk screen's, as test artifacts."""
    ARTIFACTS.mkdir(exist_ok=True)
    sizes: tuple[tuple[str, ViewportSize], ...] = (("phone", PHONE), ("desk", DESK))
    for label, size in sizes:
        await page.set_viewport_size(size)
        await page.screenshot(path=ARTIFACTS / f"{name}-{label}.png", full_page=True)
    await page.set_viewport_size(DESK)
