"""The trace layer: terms (Pid, Ref, ANY), the event log, and its JSON and text forms.

It depends on nothing else in actorlab, so a saved trace can be read without a runtime.
"""
from .log import DEFAULT_LIMIT, FIELDS, Event, Trace
from .terms import (ANY, OneOf, Opaque, Pid, Ref, RemoteError, callable_name, decode, encode,
                    stable_repr)
from .text import describe, describe_pattern, format_events, short, sleep_length

__all__ = [
    "ANY", "callable_name", "decode", "DEFAULT_LIMIT", "describe", "describe_pattern", "encode",
    "Event", "FIELDS", "format_events", "OneOf", "Opaque", "Pid", "Ref", "RemoteError", "short",
    "sleep_length",
    "stable_repr", "Trace",
]
