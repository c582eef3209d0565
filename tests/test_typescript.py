"""The TypeScript types (clients/typescript) type-check a small script that then runs against a
real server: log in, create a patient, book, meet the typed 409, and upload and download a
document."""

import asyncio
import shutil
from pathlib import Path

import pytest

from tests.kit import running_server

CLIENT = Path(__file__).resolve().parents[1] / "clients" / "typescript"
TSC = CLIENT / "node_modules" / ".bin" / "tsc"

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")


async def _run(*command: str, cwd: Path) -> str:
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 180)
    text = output.decode(errors="replace")
    assert process.returncode == 0, f"{' '.join(command)}:\n{text}"
    return text


async def test_the_typed_script_books_a_visit(
    database_url: str, clean_db: None, tmp_path: Path
) -> None:
    assert TSC.exists(), "run `npm ci` in clients/typescript (make install does)"
    await _run(str(TSC), "--noEmit", "--strict", "-p", "tsconfig.json", cwd=CLIENT)
    build = tmp_path / "build"
    await _run(str(TSC), "-p", "tsconfig.json", "--outDir", str(build), cwd=CLIENT)
    async with running_server(database_url, tmp_path) as server:
        output = await _run(
            "node", str(build / "smoke" / "clinic-day.mjs"), server.base_url, cwd=CLIENT
        )
    assert "logged in as admin@clinichub.com (admin)" in output
    assert "the same slot again: 409 appointment_conflict" in output
    assert "(referral) uploaded and downloaded intact" in output
