"""kg's modules import only their own layer or the layers below (README, "Architecture").

Every import of a kg module is checked, at module level and inside functions: absolute
(``import kg.store``, ``import kg.store as s``), relative (``from ..store import x``,
``from .. import lang``) and dynamic (``importlib.import_module("kg.store")``,
``__import__("kg.store")``). A dynamic import whose name is not written out cannot be
checked, so it is refused outside the files in ``DYNAMIC``. A new module must be given a
layer in ``LAYERS`` first. There are no exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parents[1] / "kg"

#: Layers, bottom to top: a module may import modules of its own layer or of a lower one. Layer 0
#: is ordered within itself (errors < datafiles < terms < vocab < model < lang < text), hence the fractions.
#: A key names a module or a package (and then everything in it); ``kg`` is kg/__init__.py only.
LAYERS = {
    "kg.errors": 0.0,
    "kg.datafiles": 0.02,
    "kg.terms": 0.05,
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
    "kg": 11,
}

#: Files that may import a kg module whose name is computed (and why).
DYNAMIC = {
    "kg/__init__.py": "the public API loads its attributes on first use (the top layer: any target is below it)",
}
_COMPUTED = "<a computed name>"


def layer_of(module: str) -> float:
    """The layer of a dotted kg module name: its own entry, or that of the package it is in."""
    if module == "kg":
        return LAYERS["kg"]
    parts = module.split(".")
    for end in range(len(parts), 1, -1):
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


def is_module(name: str) -> bool:
    """Whether ``name`` is a module or package of kg's tree."""
    path = KG.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """``(line, module)`` for every kg module ``path`` imports, anywhere in the file."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> list[tuple[int, str]]:
    """``(line, module)`` for every kg module a module of ``package`` imports in ``source``
    (``_COMPUTED`` for a dynamic import whose name is not a string literal)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found += [(node.lineno, name) for name in _from_import(node, package)]
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            argument = node.args[0] if node.args else None
            literal = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            found.append((node.lineno, argument.value if literal else _COMPUTED))  # type: ignore[union-attr]
    return [(line, name) for line, name in found if name in ("kg", _COMPUTED) or name.startswith("kg.")]


def _from_import(node: ast.ImportFrom, package: str) -> list[str]:
    """The modules ``from X import a, b`` depends on: ``X.a`` where that is a module, else ``X``."""
    if node.level:
        parts = package.split(".")
        base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
    else:
        base = node.module or ""
    if node.module:
        return [base]
    # "from .. import lang": the names are usually modules; a name that is not one comes from the package
    return [f"{base}.{alias.name}" if is_module(f"{base}.{alias.name}") else base for alias in node.names]


def _is_dynamic_import(func: ast.expr) -> bool:
    """``importlib.import_module(...)``, ``import_module(...)`` or ``__import__(...)``."""
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    return name in ("import_module", "__import__")


def upward_imports() -> list[tuple[str, int, str, float, float]]:
    """Every import that points up: (file, line, imported module, its layer, the importer's layer)."""
    found = []
    for path in sorted(KG.rglob("*.py")):
        own = layer_of(module_name(path))
        file = path.relative_to(KG.parent).as_posix()
        for line, name in imported_modules(path):
            if name == _COMPUTED:
                if file not in DYNAMIC:
                    found.append((file, line, name, float("inf"), own))
                continue
            target = layer_of(name)
            if target > own:
                found.append((file, line, name, target, own))
    return found


def test_every_module_has_a_layer_and_every_layer_a_module():
    missing = [module_name(p) for p in KG.rglob("*.py") if not _has_layer(module_name(p))]
    assert not missing, f"give these modules a layer in LAYERS (and the README): {missing}"
    stale = [name for name in LAYERS if not is_module(name)]
    assert not stale, f"LAYERS names modules that do not exist: {stale}"


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
    ]
    assert not wrong, "imports that point up a layer:\n" + "\n".join(wrong)


def test_the_walk_sees_every_kind_of_import():
    # The check would be blind to the links it exists for if it missed these.
    source = """
import kg.store
import kg.render.nx as nx
from kg.render import views
def draw():
    from ..store.graph import new_graph
    from . import mapping, DEFAULT_BASE
    importlib.import_module("kg.pipeline")
    __import__("kg.cli")
    importlib.import_module(name)
"""
    found = imports_in(source, "kg.rdf")
    assert [name for _, name in found] == [
        "kg.store",
        "kg.render.nx",
        "kg.render",
        "kg.store.graph",
        "kg.rdf.mapping",
        "kg.rdf",  # DEFAULT_BASE is a name in kg/rdf/__init__.py, not a module
        "kg.pipeline",
        "kg.cli",
        _COMPUTED,
    ]
    assert found[3][0] == 6


def test_an_unknown_module_has_no_layer_and_a_package_import_is_not_the_root():
    assert not _has_layer("kg.newstage.x")  # the root's entry covers kg/__init__.py only
    assert layer_of("kg.lang") == LAYERS["kg.lang"] < LAYERS["kg.rdf"]
    # "from .. import lang" in kg/rdf depends on kg.lang (layer 0), not on the kg package (layer 11)
    assert imports_in("from .. import lang", "kg.rdf") == [(1, "kg.lang")]
