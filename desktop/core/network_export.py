"""Actor networks as GraphML and GEXF files that Gephi, Cytoscape or yEd open (written by networkx).

The input is the network's JSON shape (``network --format json``): ``nodes`` with ``id``,
``name``, ``type``, ``mentions`` and ``edges`` with ``source``, ``target``, ``sentences``,
``articles``. Node ids are the actors' ids; each node has a ``label`` (the name), an edge's
``weight`` is its number of shared sentences.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any

import networkx as nx

FORMATS = ("json", "graphml", "gexf")
# Characters XML 1.0 cannot hold at all; a name could carry them in from a damaged document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def to_graph(network: Mapping[str, Any]) -> nx.Graph:
    """An undirected networkx graph of the network: node attributes label/type/mentions, edge weights."""
    graph = nx.Graph()
    for node in network.get("nodes", ()):
        graph.add_node(
            str(int(node["id"])),
            label=_xml_text(node["name"]),
            type=_xml_text(node["type"]),
            mentions=int(node["mentions"]),
        )
    for edge in network.get("edges", ()):
        graph.add_edge(
            str(int(edge["source"])),
            str(int(edge["target"])),
            weight=int(edge["sentences"]),
            sentences=int(edge["sentences"]),
            articles=int(edge["articles"]),
        )
    return graph


def graphml(network: Mapping[str, Any]) -> str:
    """The network as a GraphML document (UTF-8, with its XML declaration)."""
    buffer = io.BytesIO()
    nx.write_graphml(to_graph(network), buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def gexf(network: Mapping[str, Any]) -> str:
    """The network as a GEXF 1.2 document (Gephi's own format; UTF-8, with its XML declaration)."""
    buffer = io.BytesIO()
    nx.write_gexf(to_graph(network), buffer, encoding="utf-8", version="1.2draft")
    return buffer.getvalue().decode("utf-8")
