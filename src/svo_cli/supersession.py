"""Supersession that cannot be: an agreement superseding itself, or agreements superseding one another in
a loop (SVO205), found in linear time (Tarjan's strongly connected components, iteratively)."""

from __future__ import annotations

from typing import Iterable

from svo_cli.diagnostics import Diagnostic, error
from svo_cli.loader import Dataset, Loaded
from svo_cli.messages import T


def check_supersession(dataset: Dataset) -> list[Diagnostic]:
    """SVO205: an agreement that supersedes itself, or agreements that supersede one another in a loop."""
    found = [error("SVO205", T("supersedes_itself"), **item.at(("supersedes", i)))
             for item in dataset.agreements for i, old in enumerate(item.model.supersedes) if old == item.model.id]
    return found + check_supersede_cycles(dataset.agreements)


def check_supersede_cycles(items: Iterable[Loaded]) -> list[Diagnostic]:
    """SVO205 once for each set of agreements that supersede one another in a loop (a strongly connected
    component of the `supersedes` graph, found in one pass: Tarjan's algorithm, iterative), at the
    `supersedes` entry of its first file that starts the loop shown. Work is linear in files and entries
    (an enumeration of paths was exponential: red-team H4)."""
    graph: dict[str, list[str]] = {}
    by_id: dict[str, Loaded] = {}
    for item in items:
        graph.setdefault(item.model.id, []).extend(s for s in item.model.supersedes if s != item.model.id)
        if item.model.supersedes:
            by_id[item.model.id] = item
        by_id.setdefault(item.model.id, item)
    order = {node: n for n, node in enumerate(graph)}
    found: list[Diagnostic] = []
    for component in strongly_connected(graph):
        if len(component) < 2:
            continue  # an agreement superseding itself is SVO205 at its entry (check_agreement)
        members = set(component)
        start = min(component, key=order.__getitem__)
        path = _loop_through(start, graph, members)
        item = by_id[start]
        entry = item.model.supersedes.index(path[1]) if path[1:2] and path[1] in item.model.supersedes else 0
        shown = " → ".join(path + [start])
        others = sorted(members - set(path))
        message = (T("supersede_cycle", cycle=shown) if not others else
                   T("supersede_cycle_more", cycle=shown, n=len(others),
                     others=", ".join(others[:CYCLE_NAMED]) + (", …" if len(others) > CYCLE_NAMED else "")))
        found.append(error("SVO205", message, **item.at(("supersedes", entry)), hint=T("supersede_older_only")))
    return found


CYCLE_NAMED = 10  # other members of a loop named in its finding (the rest are counted)


def strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of `graph` (Tarjan's algorithm, with an explicit stack: no
    recursion limit), each node and edge visited once. Edges to nodes not in the graph are ignored."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]  # (node, next edge to follow)
        while work:
            node, edge = work.pop()
            if edge == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            successors = graph[node]
            while edge < len(successors):
                nxt = successors[edge]
                edge += 1
                if nxt not in graph:
                    continue
                if nxt not in index:
                    work.append((node, edge))
                    work.append((nxt, 0))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                if low[node] == index[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(component[::-1])
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return components


def _loop_through(start: str, graph: dict[str, list[str]], members: set[str]) -> list[str]:
    """A shortest loop from `start` back to it inside one component (breadth-first: linear), as the
    path without the closing `start`."""
    parent: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for nxt in graph[node]:
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1]
            if nxt in members and nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start]  # not reached: every member of a component of two or more lies on a loop
