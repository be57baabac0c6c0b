"""A hand-made entity overview, rendered with the page template the way kg.render.html does.

The browser tests of the page's own behaviour (timeline brushing, relation families, the
concept switch, hidden matches of the search) use it: it needs no spaCy model, its dates,
communities and relations are known, and it renders in milliseconds.
"""

from __future__ import annotations

import math
from pathlib import Path

from kg.render.html import CLASS_COLOURS, render_page

FAMILY_COLOURS = {
    "stance": "#4e79a7",
    "conflict": "#d62728",
    "affiliation": "#59a14f",
    "business": "#b07aa1",
    "location": "#9c755f",
    "communication": "#f28e2b",
    "other": "#8a8a8a",
}

#: Three communities of (name, class, mentions), the first of each the most central.
COMMUNITIES = [
    [
        ("David Blunkett", "Person", 12),
        ("Home Office", "Organization", 7),
        ("Charles Clarke", "Person", 5),
        ("Kimberly Quinn", "Person", 4),
        ("Leoncia Casalme", "Person", 2),
        ("Sheffield", "Geopolitical entity", 2),
    ],
    [
        ("Gordon Brown", "Person", 10),
        ("Treasury", "Organization", 6),
        ("Tony Blair", "Person", 9),
        ("Labour", "Organization", 8),
        ("Michael Howard", "Person", 5),
        ("Conservatives", "Organization", 4),
        ("London", "Geopolitical entity", 3),
    ],
    [
        ("Glazer", "Person", 6),
        ("Manchester United", "Organization", 7),
        ("Old Trafford", "Facility", 2),
        ("United States", "Geopolitical entity", 3),
        ("Shareholders United", "Group", 2),
    ],
]

DOCUMENTS = [
    ("Blunkett quits over visa row", "2004-12-15"),
    ("Clarke takes over at Home Office", "2004-12-16"),
    ("Brown sets out budget plans", "2005-01-10"),
    ("Howard attacks Labour on tax", "2005-01-12"),
    ("Glazer bid for United rejected", "2005-02-01"),
    ("Fans protest at Old Trafford", "2005-02-03"),
    ("Profile: David Blunkett", None),
]

#: (subject, object, [(relation, family, count)], documents, negated)
RELATIONS = [
    ("David Blunkett", "Home Office", [("lead", "affiliation", 3), ("resign from", "affiliation", 2)], [0, 6], False),
    ("Charles Clarke", "Home Office", [("lead", "affiliation", 2)], [1], False),
    ("David Blunkett", "Kimberly Quinn", [("meet", "communication", 1)], [0], False),
    ("David Blunkett", "Leoncia Casalme", [("help", "stance", 1)], [0], True),
    ("Charles Clarke", "David Blunkett", [("praise", "stance", 2)], [1], False),
    ("David Blunkett", "Sheffield", [("represent", "location", 1)], [6], False),
    ("Gordon Brown", "Treasury", [("lead", "affiliation", 4)], [2], False),
    ("Gordon Brown", "Tony Blair", [("criticise", "conflict", 2), ("meet", "communication", 1)], [2, 3], False),
    ("Tony Blair", "Labour", [("lead", "affiliation", 3)], [2, 3], False),
    ("Michael Howard", "Labour", [("attack", "conflict", 3)], [3], False),
    ("Michael Howard", "Conservatives", [("lead", "affiliation", 2)], [3], False),
    ("Gordon Brown", "London", [("speak in", "location", 1)], [2], False),
    ("Tony Blair", "David Blunkett", [("support", "stance", 2)], [0], False),
    ("Glazer", "Manchester United", [("bid for", "business", 4), ("buy", "business", 1)], [4, 5], False),
    ("Shareholders United", "Glazer", [("oppose", "conflict", 2)], [4, 5], False),
    ("Manchester United", "Old Trafford", [("play at", "location", 1)], [5], False),
    ("Glazer", "United States", [("based in", "location", 1)], [4], False),
]


def iri(name: str) -> str:
    return "https://example.org/kg/id/entity/" + name.lower().replace(" ", "-")


def overview_data() -> dict:
    """The ``data`` dict of an entities view: 18 entities in three communities, two concepts."""
    nodes, community_of = [], {}
    centres = [(-420.0, -80.0), (380.0, -140.0), (0.0, 380.0)]
    for index, members in enumerate(COMMUNITIES):
        cx, cy = centres[index]
        for k, (name, group, mentions) in enumerate(members):
            radius = 0 if k == 0 else 150
            angle = k * 2 * math.pi / max(len(members) - 1, 1)
            community_of[name] = index
            nodes.append(
                {
                    "id": iri(name),
                    "label": name,
                    "title": f"{name}\nType: {group}\nMentions: {mentions}",
                    "group": group,
                    "color": CLASS_COLOURS[group],
                    "size": round(10 + 2 * mentions, 1),
                    "shape": "dot",
                    "x": cx + radius * math.cos(angle),
                    "y": cy + radius * math.sin(angle),
                    "community": index,
                    "importance": float(mentions),
                    "mentions": mentions,
                    "searchText": " | ".join([name.lower(), *([name.split()[-1].lower()] if " " in name else [])]),
                    "layer": "entity",
                }
            )
    concepts = [("blunkett controversy", "David Blunkett"), ("budget", "Gordon Brown")]
    for name, near in concepts:
        anchor = next(node for node in nodes if node["label"] == near)
        nodes.append(
            {
                "id": "https://example.org/kg/id/concept/" + name.replace(" ", "-"),
                "label": name,
                "title": f"{name}\nType: Concept",
                "group": "Concept",
                "color": CLASS_COLOURS["Concept"],
                "size": 10,
                "shape": "box",
                "x": anchor["x"] + 60,
                "y": anchor["y"] - 90,
                "community": -1,
                "importance": 0.5,
                "mentions": 1,
                "searchText": name,
                "layer": "concept",
            }
        )
    edges = []
    for number, (subject, obj, relations, docs, negated) in enumerate(RELATIONS):
        family = relations[0][1]
        count = sum(c for _, _, c in relations)
        edges.append(
            {
                "id": f"e{number}",
                "from": iri(subject),
                "to": iri(obj),
                "width": 1 + min(count, 6),
                "color": {"color": FAMILY_COLOURS[family]},
                "dashes": negated,
                "arrows": "",
                "title": f"{subject} – {obj}\n" + "\n".join(f"{r} ({c})" for r, _, c in relations),
                "layer": "entity",
                "family": family,
                "count": count,
                "relations": [[r, c] for r, _, c in relations],
                "sentences": [
                    [DOCUMENTS[d][0], f"{subject} and {obj}: sentence {n} of {DOCUMENTS[d][0]}."]
                    for n, d in enumerate(docs)
                ],
                "docs": docs,
            }
        )
    for number, (name, near) in enumerate(concepts):
        edges.append(
            {
                "id": f"c{number}",
                "from": iri(near),
                "to": "https://example.org/kg/id/concept/" + name.replace(" ", "-"),
                "width": 1,
                "color": {"color": FAMILY_COLOURS["other"]},
                "dashes": False,
                "arrows": "to",
                "title": f"{near} – cause – {name}",
                "layer": "concept",
                "family": "other",
                "count": 1,
                "relations": [["cause", 1]],
                "sentences": [[DOCUMENTS[0][0], f"{near} caused the {name}."]],
                "docs": [0],
            }
        )
    relation_counts: dict[tuple[str, str], int] = {}
    for edge in edges:
        for label, count in edge["relations"]:
            family = next((f for _, _, rels, _, _ in RELATIONS for r, f, _ in rels if r == label), edge["family"])
            relation_counts[family, label] = relation_counts.get((family, label), 0) + count
    families: dict[str, int] = {}
    for (family, _), count in relation_counts.items():
        families[family] = families.get(family, 0) + count
    present = {node["group"] for node in nodes}
    return {
        "view": "entities",
        "subtitle": "7 articles · 15 Dec 2004 – 3 Feb 2005 · David Blunkett, Gordon Brown, Glazer",
        "note": None,
        "nodes": nodes,
        "edges": edges,
        "communities": [
            {
                "id": index,
                "name": ", ".join(name for name, _, _ in members[:3]),
                "colour": ["#4e79a7", "#e15759", "#59a14f"][index],
                "size": len(members),
            }
            for index, members in enumerate(COMMUNITIES)
        ],
        "families": [
            {"name": name, "colour": FAMILY_COLOURS[name], "count": families[name]}
            for name in FAMILY_COLOURS
            if name in families
        ],
        "relations": [
            {"family": family, "label": label, "count": count}
            for (family, label), count in sorted(relation_counts.items(), key=lambda item: (-item[1], item[0]))
        ],
        "unconnected": [
            {"id": iri("Alan Milburn"), "label": "Alan Milburn", "group": "Person", "mentions": 2},
            {"id": iri("Wembley"), "label": "Wembley", "group": "Facility", "mentions": 1},
        ],
        "documents": [{"id": f"d{i}", "title": title, "date": date} for i, (title, date) in enumerate(DOCUMENTS)],
        "legend": [[name, colour] for name, colour in CLASS_COLOURS.items() if name in present],
        "options": {
            "physics": {"enabled": False},
            "groups": {name: {"color": colour} for name, colour in CLASS_COLOURS.items()},
            "interaction": {"hover": True, "tooltipDelay": 150},
            "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
            "edges": {"smooth": False},
        },
    }


def write_overview_page(path: Path, data: dict | None = None, title: str = "Hand-made overview") -> Path:
    """Write the page of ``data`` (default :func:`overview_data`) to ``path``."""
    page = render_page(overview_data() if data is None else data, title=title)  # packed, as kg render writes it
    path.write_text(page, encoding="utf-8")
    return path
