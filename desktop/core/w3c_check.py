"""The Web Annotation Data Model's MUSTs, checked on one annotation before anything is imported.

:func:`check_annotation` raises :class:`W3CFormatError` with one line naming the annotation and
the rule it breaks: context, a single IRI as id, type, targets, body or bodyValue (not both),
date-times, agents, rights/via/canonical IRIs, selectors, and the descriptions of bodies and
targets (format, language, text direction, composite types).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from desktop.core.errors import UserError

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


class W3CFormatError(UserError, ValueError):
    """The file is not a Web Annotation (or Hypothesis) export; ``message`` is one line."""


def types_of(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def has_context(data: Mapping[str, Any]) -> bool:
    return ANNO_CONTEXT in types_of(data.get("@context"))


def is_uri(value: Any) -> bool:
    return isinstance(value, str) and bool(URI.match(value))


class Check:
    """Collects the first broken MUST of one annotation as a one-line error."""

    def __init__(self, index: int, data: Any) -> None:
        ident = data.get("id") if isinstance(data, dict) else None
        self.where = f"annotation {index}" + (f" ({ident})" if isinstance(ident, str) else "")

    def fail(self, reason: str) -> W3CFormatError:
        return W3CFormatError(f"{self.where}: {reason}")


def _check_uris(check: Check, data: Mapping[str, Any], key: str, *, single: bool) -> None:
    if key not in data:
        return
    value = data[key]
    values = value if isinstance(value, list) and not single else [value]
    if not values or not all(is_uri(v) for v in values):
        shape = "a single IRI" if single else "an IRI or a list of IRIs"
        raise check.fail(f'"{key}" must be {shape}.')


def _check_agents(check: Check, data: Mapping[str, Any], key: str) -> None:
    if key not in data:
        return
    value = data[key]
    for agent in value if isinstance(value, list) else [value]:
        if isinstance(agent, dict):
            if "id" in agent and not is_uri(agent["id"]):
                raise check.fail(f'the "id" of the {key} must be an IRI.')
        elif not is_uri(agent):
            raise check.fail(f'"{key}" must be an IRI or an agent object.')


def check_selector(check: Check, selector: Any) -> None:
    if not isinstance(selector, dict):
        raise check.fail("a selector must be an object.")
    kind = selector.get("type")
    if kind in ("FragmentSelector", "CssSelector", "XPathSelector", "SvgSelector"):
        external_svg = kind == "SvgSelector" and "id" in selector
        if not external_svg and not isinstance(selector.get("value"), str):
            raise check.fail(f'a {kind} needs exactly one "value" (text).')
    elif kind == "TextQuoteSelector":
        if not isinstance(selector.get("exact"), str):
            raise check.fail('a TextQuoteSelector needs "exact" text.')
        for key in ("prefix", "suffix"):
            if key in selector and not isinstance(selector[key], str):
                raise check.fail(f'the "{key}" of a TextQuoteSelector must be text.')
    elif kind in ("TextPositionSelector", "DataPositionSelector"):
        start, end = selector.get("start"), selector.get("end")
        valid = all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in (start, end))
        if not valid or start > end:  # type: ignore[operator]
            raise check.fail(f'a {kind} needs whole numbers "start" <= "end", not negative.')
    elif kind == "RangeSelector":  # Hypothesis' own RangeSelector has containers instead
        for key in ("startSelector", "endSelector"):
            if key in selector or "startContainer" not in selector:
                check_selector(check, selector.get(key))
    if "refinedBy" in selector:
        for refined in (
            selector["refinedBy"] if isinstance(selector["refinedBy"], list) else [selector["refinedBy"]]
        ):
            check_selector(check, refined)


def _check_resource(check: Check, resource: Any, role: str) -> None:
    if isinstance(resource, str):
        if not is_uri(resource):
            raise check.fail(f"a {role} given as text must be an IRI.")
        return
    if not isinstance(resource, dict):
        raise check.fail(f"a {role} must be an IRI or an object.")
    if "selector" in resource or "SpecificResource" in types_of(resource.get("type")):
        if not is_uri(resource.get("source")) and not isinstance(resource.get("source"), dict):
            raise check.fail(f'a specific resource ({role}) needs one "source" IRI.')
        selectors = resource.get("selector", [])
        for selector in selectors if isinstance(selectors, list) else [selectors]:
            if not is_uri(selector):
                check_selector(check, selector)
    elif "TextualBody" in types_of(resource.get("type")) or "value" in resource:
        if not isinstance(resource.get("value"), str):
            raise check.fail(f'a textual {role} needs one "value" (text).')
    elif "items" in resource:
        items = resource["items"]
        if not isinstance(items, list) or not items:
            raise check.fail(f'a {role} choice or set needs a list of "items".')
        for item in items:
            _check_resource(check, item, role)
    elif "id" in resource and not is_uri(resource["id"]):
        raise check.fail(f'the "id" of a {role} must be an IRI.')
    for key in ("created", "modified"):
        if key in resource and not (isinstance(resource[key], str) and DATETIME.match(resource[key])):
            raise check.fail(f'the "{key}" of a {role} must be one date-time (xsd:dateTime).')
    _check_descriptions(check, resource, role)


_COMPOSITES = {"Choice", "List", "Composite", "Independents"}


def _check_descriptions(check: Check, resource: Mapping[str, Any], role: str) -> None:
    """Format, language, text direction and composite type of a body or target."""
    for key in ("format", "language"):
        if key not in resource:
            continue
        value = resource[key]
        if not types_of(value) or (isinstance(value, list) and len(types_of(value)) != len(value)):
            raise check.fail(f'the "{key}" of a {role} must be text or a list of texts.')
    if "processingLanguage" in resource and not isinstance(resource["processingLanguage"], str):
        raise check.fail(f'a {role} has at most one "processingLanguage" (text).')
    if "textDirection" in resource and resource["textDirection"] not in ("ltr", "rtl", "auto"):
        raise check.fail(f'the "textDirection" of a {role} must be one of "ltr", "rtl", "auto".')
    composite = _COMPOSITES & set(types_of(resource.get("type")))
    if len(composite) > 1:
        raise check.fail(f"a {role} is of one composite type at most, not {' and '.join(sorted(composite))}.")
    if "items" in resource and not composite:
        raise check.fail(f'a {role} with "items" needs a type: Choice, List, Composite or Independents.')


def check_annotation(index: int, data: Any, *, embedded: bool) -> None:
    """Raise :class:`W3CFormatError` unless ``data`` meets the Web Annotation model's MUSTs."""
    check = Check(index, data)
    if not isinstance(data, dict):
        raise check.fail("an annotation must be a JSON object.")
    if not embedded and not has_context(data):
        raise check.fail(f'"@context" must be (or include) {ANNO_CONTEXT}.')
    if not is_uri(data.get("id")):
        raise check.fail('"id" must be a single IRI.')
    if "Annotation" not in types_of(data.get("type")):
        raise check.fail('"type" must be "Annotation".')
    if "target" not in data:
        raise check.fail('an annotation needs a "target".')
    targets = data["target"] if isinstance(data["target"], list) else [data["target"]]
    if not targets:
        raise check.fail('"target" must not be empty.')
    for target in targets:
        _check_resource(check, target, "target")
    if "body" in data and "bodyValue" in data:
        raise check.fail('an annotation has either "body" or "bodyValue", not both.')
    if "bodyValue" in data and not isinstance(data["bodyValue"], str):
        raise check.fail('"bodyValue" must be one text.')
    if "body" in data:
        for body in data["body"] if isinstance(data["body"], list) else [data["body"]]:
            _check_resource(check, body, "body")
    for key in ("created", "modified", "generated"):
        if key in data and not (isinstance(data[key], str) and DATETIME.match(data[key])):
            raise check.fail(f'"{key}" must be one date-time (xsd:dateTime), e.g. 2015-01-28T12:00:00Z.')
    _check_agents(check, data, "creator")
    _check_agents(check, data, "generator")
    _check_uris(check, data, "rights", single=False)
    _check_uris(check, data, "via", single=False)
    _check_uris(check, data, "canonical", single=True)
    if "motivation" in data and not types_of(data["motivation"]):
        raise check.fail('"motivation" must be a name such as "commenting".')
