"""Shared reading of YAML registries (import profiles, indicators): files, documents validated
into typed models, and the line of every key, so that rules can say where a problem is."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)
# (file, line, id, rule, message) → a problem record of the caller's type
ProblemFactory = Callable[[str, int, Any, str, str], Any]


def registry_files(package: str, subfolder: str, folder: Path | None = None) -> list:
    """The ``*.yaml`` files of a folder (default: the packaged ``package/subfolder``), by name."""
    if folder is not None:
        return sorted(Path(folder).glob("*.yaml"))
    return sorted((f for f in resources.files(package).joinpath(subfolder).iterdir() if f.name.endswith(".yaml")),
                  key=lambda f: f.name)


def read_documents(files, model: type[M], problem: ProblemFactory,
                   problems: list) -> Iterator[tuple[str, dict[tuple[str, ...], int], M]]:
    """Yield (file name, key lines, model) for every file that parses and validates; the others
    add their problems (YAML syntax, not a mapping, schema) to ``problems``."""
    for f in files:
        text = f.read_text("utf-8")
        name = f.name
        try:
            node = yaml.compose(text)
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
            problems.append(problem(name, line, None, "yaml-syntax", str(exc).splitlines()[0]))
            continue
        lines = line_index(node)
        if not isinstance(data, dict):
            problems.append(problem(name, 1, None, "schema", "the file must hold a mapping"))
            continue
        try:
            doc = model.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = tuple(str(x) for x in err["loc"])
                # the deepest key of the error's path that the document has
                line = next((lines[loc[:i]] for i in range(len(loc), 0, -1) if loc[:i] in lines), 1)
                problems.append(problem(name, line, data.get("id"), "schema", f"{'.'.join(loc)}: {err['msg']}"))
            continue
        yield name, lines, doc


def lookup(items: dict, key: str, what: str, fix: str):
    """``items[key]``, or a UserError naming what was asked for and what there is."""
    from zhichan.errors import UserError

    try:
        return items[key]
    except KeyError:
        raise UserError(f"{what}: {key}", expected="、".join(sorted(items)), found=key, fix=fix) from None


def line_index(node) -> dict[tuple[str, ...], int]:
    """Map key paths in a YAML document to 1-based line numbers."""
    out: dict[tuple[str, ...], int] = {}

    def walk(n, path):
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                p = (*path, str(k.value))
                out[p] = k.start_mark.line + 1
                walk(v, p)
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                p = (*path, str(i))
                out[p] = v.start_mark.line + 1
                walk(v, p)

    if node is not None:
        walk(node, ())
    return out
