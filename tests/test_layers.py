"""kg's modules import only their own layer or the layers below (README, "Architecture").

Every import of a kg module is checked, at module level and inside functions, absolute
(``import kg.store``) and relative (``from ..store import x``). A new module must be given a
layer in ``LAYERS`` first.
"""

from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"

#: Layers, bottom to top: a module may import modules of its own layer or of a lower one.
#: Layer 0 is ordered within itself (errors < vocab < model < lang < text), hence the fractions.
LAYERS = {
    "kg.errors": 0.0,
    "kg.terms": 0.05,
    "kg.ontology": 0.0,
    "kg.vocab": 0.1,
    "kg.model": 0.2,
    "kg.lang": 0.3,
    "kg.text": 0.4,
    "kg.read": 1,
    "kg.analyse": 2,
    "kg.extract": 3,
    "kg.resolve": 4,
    "kg.rdf": 5,
    "kg.store": 6,
    "kg.query": 7,
    "kg.validate": 7,
    "kg.render": 8,
    "kg.graph": 9,
    "kg.pipeline": 10,
    "kg.cli": 11,
    "kg.__main__": 11,
    "kg": 11,
}

#: Known upward imports, to be removed as the code they name is moved (each one: importing
#: file, imported module, why it is still here). Empty when the layering is complete.
EXCEPTIONS: set[tuple[str, str]] = set()


def layer_of(module: str) -> float:
    """The layer of a dotted kg module name: that of its longest prefix in ``LAYERS``."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        layer = LAYERS.get(".".join(parts[:end]))
        if layer is not None:
            return layer
    raise KeyError(module)


def module_name(path: Path) -> str:
    """``kg/rdf/mapping.py`` → ``kg.rdf.mapping``; a package's ``__init__.py`` → the package."""
    parts = list(path.relative_to(KG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` for every kg module ``path`` imports, anywhere in the file."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> list[tuple[int, str]]:
    """``(line, module)`` for every kg module a module of ``package`` imports in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # "from . import lexicon": the names may be modules themselves
            names = [f"{target}.{alias.name}" for alias in node.names] if not node.module else []
            found += [(node.lineno, name) for name in [target, *names]]
    return [(line, name) for line, name in found if name == "kg" or name.startswith("kg.")]


def upward_imports() -> list[tuple[str, int, str, float, float]]:
    """Every import that points up: (file, line, imported module, its layer, the importer's layer)."""
    found = []
    for path in sorted(KG.rglob("*.py")):
        own = layer_of(module_name(path))
        for line, name in imported_modules(path):
            try:
                target = layer_of(name)
            except KeyError:
                continue  # "from . import x" where x is a name, not a module: its package was checked
            if target > own:
                found.append((path.relative_to(KG.parent).as_posix(), line, name, target, own))
    return found


def test_every_module_has_a_layer():
    missing = [module_name(p) for p in KG.rglob("*.py") if not _has_layer(module_name(p))]
    assert not missing, f"give these modules a layer in LAYERS (and the README): {missing}"


def _has_layer(module: str) -> bool:
    try:
        layer_of(module)
    except KeyError:
        return False
    return True


def test_no_import_points_up():
    wrong = [
        f"{file}:{line} (layer {own:g}) imports {name} (layer {target:g})"
        for file, line, name, target, own in upward_imports()
        if _excepted(file, name) is None
    ]
    assert not wrong, "imports that point up a layer:\n" + "\n".join(wrong)


def test_every_exception_is_still_needed():
    used = {_excepted(file, name) for file, _, name, _, _ in upward_imports()}
    assert not EXCEPTIONS - used, f"remove from EXCEPTIONS, nothing needs them now: {sorted(EXCEPTIONS - used)}"


def _excepted(file: str, name: str) -> tuple[str, str] | None:
    """The entry of ``EXCEPTIONS`` that allows ``file`` to import ``name`` (or a module in it), if any."""
    for entry in sorted(EXCEPTIONS):
        excepted_file, module = entry
        if file == excepted_file and (name == module or name.startswith(module + ".")):
            return entry
    return None


def test_the_walk_sees_every_kind_of_import():
    # The check would be blind to the links it exists for if it missed these.
    source = """
import kg.store
from kg.render import nx
def draw():
    from ..store.graph import new_graph
    from . import mapping
"""
    assert [name for _, name in imports_in(source, "kg.rdf")] == [
        "kg.store",
        "kg.render",
        "kg.store.graph",
        "kg.rdf",
        "kg.rdf.mapping",
    ]
    assert imports_in(source, "kg.rdf")[2][0] == 5
