"""Activities keeps one layout (forms/, mail/, services/, selectors/, views/, urls/) and its
imports point one way: services never import mail, and no module imports one that imports
it back (docs/activities.md)."""

import ast
from pathlib import Path

import esit.activities

PACKAGE = "esit.activities"
ROOT = Path(esit.activities.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


def modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.parts and "management" not in path.parts
    }


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of activities this one imports, anywhere in it (functions included)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # `from x import y`: y is a module of x when there is one, else a name in x.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        found.update(target for target in targets if target in known and target != name)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(name, path, known) for name, path in found.items()}


def test_no_module_of_activities_imports_one_that_imports_it_back():
    edges = graph()
    cycles = []

    def visit(name, trail):
        for target in sorted(edges[name]):
            if target in trail:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in done:
                visit(target, [*trail, target])
        done.add(name)

    done: set[str] = set()
    for name in sorted(edges):
        if name not in done:
            visit(name, [name])
    assert cycles == []


def test_services_and_selectors_never_import_mail_forms_or_views():
    higher = (f"{PACKAGE}.mail", f"{PACKAGE}.forms", f"{PACKAGE}.views")
    wrong = {
        name: sorted(target for target in targets if target.startswith(higher))
        for name, targets in graph().items()
        if name.startswith((f"{PACKAGE}.services", f"{PACKAGE}.selectors"))
    }
    assert {name: targets for name, targets in wrong.items() if targets} == {}


def test_forms_mail_and_tasks_are_packages_not_suffixed_files():
    suffixed = [
        path.name for prefix in ("forms", "emails", "tasks") for path in ROOT.glob(f"{prefix}_*.py")
    ]
    assert suffixed == []
    assert (ROOT / "forms" / "__init__.py").exists()
    assert (ROOT / "mail" / "__init__.py").exists()
