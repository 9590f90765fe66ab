"""GraphML and GEXF files of actor networks, read back with networkx."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from desktop.core.network_export import gexf, graphml

HOSTILE = 'A <&> "x" *_[]#| \x01\x0b'
NETWORK = {
    "nodes": [
        {"id": 3, "name": HOSTILE, "type": "person", "mentions": 7},
        {"id": 9, "name": "Europäischer Rat", "type": "organization", "mentions": 2},
        {"id": 12, "name": "Kyjiw", "type": "location", "mentions": 1},
    ],
    "edges": [
        {"source": 3, "target": 9, "sentences": 4, "articles": 2},
        {"source": 9, "target": 12, "sentences": 1, "articles": 1},
    ],
}


@pytest.mark.parametrize(("write", "read"), [(graphml, nx.read_graphml), (gexf, nx.read_gexf)])
def test_written_graph_reads_back(write, read) -> None:  # type: ignore[no-untyped-def]
    text = write(NETWORK)
    assert text.startswith("<?xml")
    graph = read(io.BytesIO(text.encode("utf-8")))
    assert set(graph.nodes) == {"3", "9", "12"}
    assert graph.nodes["3"]["label"] == 'A <&> "x" *_[]#| '  # XML-illegal controls dropped
    assert graph.nodes["9"]["label"] == "Europäischer Rat"
    assert graph.nodes["12"]["type"] == "location"
    assert int(graph.nodes["3"]["mentions"]) == 7
    assert float(graph.edges["3", "9"]["weight"]) == 4
    assert int(graph.edges["3", "9"]["sentences"]) == 4
    assert int(graph.edges["3", "9"]["articles"]) == 2
    assert graph.number_of_edges() == 2


def test_empty_network() -> None:
    graph = nx.read_graphml(io.BytesIO(graphml({"nodes": [], "edges": []}).encode()))
    assert graph.number_of_nodes() == 0
