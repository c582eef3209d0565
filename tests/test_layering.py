"""The layers the README describes, checked on the source tree's imports (run by `make lint`).

Top to bottom: a route parses, makes one service call and answers; a service owns the use case
(rules, repositories, audit); rules are pure decisions; repositories hold every query. So:
- a rules module imports only the standard library, the domain vocabulary and the errors (its
  domain's catalogue included);
- nothing below the routes (`db/`, repositories, services, rules) imports FastAPI or Starlette;
- a router touches neither the models nor the session, and calls services, not repositories;
- no two domains import each other.
"""

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "clinichub"
WEB_FRAMEWORKS = frozenset({"fastapi", "starlette"})
# What a rules module may import from the project: the domain's words and errors (its own
# domain's `errors` catalogue too), and the pure clinic-time helpers (a clinic day in UTC, a
# visit's service date).
RULES_MAY_IMPORT = frozenset({"vocabulary", "errors", "clinic_time"})
BELOW_THE_ROUTES = frozenset({"repository", "service", "rules"})


@dataclass(frozen=True)
class Module:
    name: str  # dotted, from the package: `clinichub.patients.router`
    tree: ast.Module

    @property
    def parts(self) -> list[str]:
        return self.name.split(".")

    def imports(self) -> Iterator[tuple[int, str]]:
        """(line, module) of every import, relative ones made absolute; `from a import b` gives
        `a.b`, which may name a module or a name in `a` (both are checked as prefixes)."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield node.lineno, alias.name
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = self.parts[: -node.level]
                    base = ".".join([*package, base] if base else package)
                for alias in node.names:
                    yield node.lineno, f"{base}.{alias.name}"


def modules(root: Path) -> list[Module]:
    package = root.name
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).with_suffix("").parts
        dotted = ".".join([package, *relative]).removesuffix(".__init__")
        found.append(Module(dotted, ast.parse(path.read_text(), filename=str(path))))
    return found


def domains(root: Path) -> set[str]:
    """The domain packages: those with a router, a repository or a service."""
    names = {"router.py", "repository.py", "service.py"}
    return {p.parent.name for name in names for p in root.glob(f"*/{name}")}


def violations(root: Path) -> list[str]:
    package = root.name
    domain_names = domains(root)
    found: list[str] = []
    edges: dict[tuple[str, str], str] = {}  # (importer, imported) -> the first module doing it
    for module in modules(root):
        parts = module.parts
        leaf = parts[-1]
        own_domain = parts[1] if len(parts) > 2 and parts[1] in domain_names else None
        for line, imported in module.imports():
            where = f"{module.name}:{line}"
            top = imported.split(".")[0]
            inner = imported.split(".")[1] if "." in imported else ""
            own_errors = f"{package}.{parts[1]}.errors"
            outside_rules = (
                inner not in RULES_MAY_IMPORT and not imported.startswith(own_errors)
                if top == package
                else top not in sys.stdlib_module_names
            )
            if leaf == "rules" and outside_rules:
                found.append(f"{where}: a rules module imports {imported}")
            if (leaf in BELOW_THE_ROUTES or parts[1] == "db") and top in WEB_FRAMEWORKS:
                found.append(f"{where}: below the routes, {imported}")
            if leaf == "router" and (
                imported.startswith((f"{package}.models", f"{package}.db"))
                or top == "sqlalchemy"
                or imported.split(".")[2:3] == ["repository"]
            ):
                found.append(f"{where}: a router imports {imported}")
            other = inner if top == package else None
            if own_domain and other in domain_names and other != own_domain:
                edges.setdefault((own_domain, other), module.name)
        if leaf == "router":
            for node in ast.walk(module.tree):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "db"
                ):
                    found.append(f"{module.name}:{node.lineno}: a router uses the session")
    for (first, second), where in sorted(edges.items()):
        if first < second and (second, first) in edges:
            found.append(
                f"domains {first} and {second} import each other "
                f"({where}, {edges[(second, first)]})"
            )
    return found


def test_the_source_tree_keeps_its_layers() -> None:
    assert violations(SOURCE) == []


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"shop/rules.py": "import sqlalchemy\nfrom shopapp.models import Order\n"},
            [
                "a rules module imports sqlalchemy",
                "a rules module imports shopapp.models.Order",
            ],
        ),
        (
            {
                "shop/rules.py": "import math\nfrom shopapp.vocabulary import Role\n"
                "from shopapp.shop.errors import SOLD_OUT\n"
            },
            [],
        ),
        (
            {"shop/rules.py": "from shopapp.stock.errors import GONE\n"},
            ["a rules module imports shopapp.stock.errors.GONE"],
        ),
        (
            {"shop/rules.py": "from shopapp.shop.errors import SOLD_OUT\n", "shop/router.py": ""},
            [],
        ),
        (
            {"shop/rules.py": "from shopapp.stock.errors import GONE\n", "stock/router.py": ""},
            ["a rules module imports shopapp.stock.errors.GONE"],
        ),
        (
            {"shop/service.py": "from fastapi import Request\n"},
            ["below the routes, fastapi.Request"],
        ),
        ({"db/session.py": "from starlette.types import Scope\n"}, ["below the routes"]),
        (
            {"shop/router.py": "from shopapp.models import Order\n"},
            ["a router imports shopapp.models.Order"],
        ),
        (
            {"shop/router.py": "from shopapp.shop import repository\n"},
            ["a router imports shopapp.shop.repository"],
        ),
        (
            {"shop/router.py": "async def buy(db):\n    await db.execute('SELECT 1')\n"},
            ["a router uses the session"],
        ),
        (
            {
                "shop/service.py": "from shopapp.stock import service\n",
                "stock/service.py": "from shopapp.shop.service import buy\n",
            },
            ["domains shop and stock import each other"],
        ),
        (
            {
                "shop/service.py": "from shopapp.stock import service\n",
                "stock/service.py": "import math\n",
            },
            [],
        ),
    ],
)
def test_the_check_catches_each_kind_of_violation(
    tmp_path: Path, files: dict[str, str], expected: list[str]
) -> None:
    root = tmp_path / "shopapp"
    _write(root, {"__init__.py": "", **files})
    found = violations(root)
    assert len(found) == len(expected), found
    for entry, words in zip(found, expected, strict=True):
        assert words in entry


# --- The test package: test modules share helpers through tests/kit.py and fixtures through
# tests/conftest.py, never by importing one another (a test module imported by another has its
# tests and fixtures collected twice, and its helpers become an API nobody designed).

TESTS = Path(__file__).resolve().parent


def imports_of_test_modules(root: Path) -> list[str]:
    """`module:line imports test module` for each import of a `test_*` module of the package
    `root` by any module of it (the shared modules included)."""
    package = root.name
    found = []
    for module in modules(root):
        for line, imported in module.imports():
            parts = imported.split(".")
            if parts[0] == package and len(parts) > 1 and parts[1].startswith("test_"):
                found.append(f"{module.name}:{line} imports {package}.{parts[1]}")
    return found


def test_no_test_module_imports_another() -> None:
    assert imports_of_test_modules(TESTS) == []


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("from tests.test_b import helper\n", True),
        ("from tests import test_b\n", True),
        ("import tests.test_b\n", True),
        ("from .test_b import helper\n", True),
        ("from . import test_b\n", True),
        ("from tests.kit import Clinic\nfrom tests.conftest import reset_database\n", False),
        ("from . import kit\nimport tests\n", False),
    ],
)
def test_the_check_catches_a_test_module_imported(
    tmp_path: Path, source: str, caught: bool
) -> None:
    root = tmp_path / "tests"
    _write(
        root, {"__init__.py": "", "test_a.py": source, "test_b.py": "def helper() -> None: ...\n"}
    )
    assert imports_of_test_modules(root) == (
        ["tests.test_a:1 imports tests.test_b"] if caught else []
    )
