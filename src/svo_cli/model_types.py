"""The value types and validators the data files' models share: dates, durations, ids, text, e-mail
addresses, one-line text, and the frozen base model (the models themselves: model.py)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Callable, Literal, Mapping, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from svo_cli.dates import (
    DATE_SPEC_FORMS,
    DURATION_FORMS,
    DateSpec,
    DateSpecError,
    Duration,
    DurationError,
    parse_date_spec,
    parse_duration,
)
from svo_cli.messages import T

# At most this many follow-ups in one file (the county's files have at most 3): each lists its
# occurrences in every window, so the bound keeps every command's work bounded (docs/rules.md).
MAX_FOLLOWUPS = 50


def _fail(kind: str, text: str, meant: str | None = None) -> PydanticCustomError:
    """A validation error whose text (a T, translatable) travels in the error's context, with what the
    writer likely meant when that is known (the finding's hint)."""
    return PydanticCustomError(kind, "{text}", {"text": text, "meant": meant} if meant else {"text": text})


OPEN_ENDED_WORDS = frozenset({"tills vidare", "tillsvidare", "until further notice", "open-ended"})


def _date_spec(value: Any) -> DateSpec:
    if isinstance(value, DateSpec):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    try:
        return parse_date_spec(value)
    except DateSpecError as exc:
        raise _fail("date_spec", exc.args[0], exc.meant) from None


def _duration(value: Any) -> Duration:
    if isinstance(value, Duration):
        return value
    try:
        return parse_duration(value)
    except DurationError as exc:
        raise _fail("duration", exc.args[0], exc.meant) from None


def as_text(value: object) -> str:
    """A date spec or duration as its file states it (the serializer of both: a Python function, whose
    signature pydantic reads cheaply, where `str`'s costs a parse of its text signature per field)."""
    return str(value)


def empty_list() -> list[Any]:
    """The default of a list field (a Python function for the reason `as_text` is one)."""
    return []


# What an editor accepts as a date spec (the JSON Schema's forms; the parser says what is wrong in words).
DATE_SPEC_SCHEMAS = (
    {"type": "string", "pattern": r"^\s*(\d{4}(-\d{2}(-\d{2})?|-[HhQq]\d)?|([Vv][Tt]|[Hh][Tt]|[Vv]åren|[Hh]östen)\s*\d{4})\s*$"},
    {"type": "integer", "minimum": 1900, "maximum": 2199},
)


class _AsText:
    """How pydantic reads a date spec or duration (`parse`, from the file's text) and writes it (`as_text`).

    The whole schema, given: PlainValidator and PlainSerializer each first build the schema of the type
    they wrap, a dataclass's, for nothing: a seventh of building the validators, which every run pays."""

    def __init__(self, parse: Callable[[Any], Any]) -> None:
        self.parse = parse

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            self.parse, serialization=core_schema.plain_serializer_function_ser_schema(
                as_text, return_schema=core_schema.str_schema()))


DateSpecField = Annotated[
    DateSpec,
    _AsText(_date_spec),
    WithJsonSchema({"description": f"A date spec: {DATE_SPEC_FORMS}", "anyOf": [*DATE_SPEC_SCHEMAS]}),
]
DurationField = Annotated[
    Duration,
    _AsText(_duration),
    WithJsonSchema({"type": "string", "description": f"A duration: {DURATION_FORMS}",
                    "examples": ["12 months", "2 år", "P2Y", "5 arbetsdagar"]}),
]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=120,
                            description="Lower-case letters, digits and single hyphens")]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]

PartyKind = Literal["region", "kommun", "stat", "organisation", "myndighet"]
AgreementKind = Literal[
    "överenskommelse", "avtal", "ramavtal", "avsiktsförklaring", "regelverk", "plan", "strategi",
    "riktlinje", "handlingsplan",
]
EventType = Literal["notice", "extended", "revised", "terminated", "followup_done", "decision", "note", "option_used"]


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


class Frozen(BaseModel):
    """The base of every model: frozen, unknown keys refused, text stripped, schemas built on first use.

    Two things keep a large register small (docs/performance.md), neither visible to a caller: each
    instance shares its set of given field names with every instance that has the same one (a model is
    frozen, so pydantic never changes that set; a copy gets its own), and its field values are held in a
    key-sharing dict (`_compact`). Together they were half of an agreement's memory."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)

    @model_validator(mode="after")
    def _compact_instance(self) -> Self:
        _compact(self)
        return self

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copied = super().model_copy(update=update, deep=deep)
        _compact(copied)
        return copied


_PLAIN: dict[type, type] = {}  # per model class: a plain class whose instances' attribute dicts share keys
_FAST: dict[type, type] = {}  # per model class, once it has many instances: the same with a made __init__
_MADE: dict[type, int] = {}
FAST_FROM = 256  # instances of a class before its __init__ is made (making one costs what ~200 instances save)


def _plain_class(model: type[BaseModel]) -> type:
    """A plain class whose instances take a model's field values in the fields' order: Python stores
    such attributes in a dict whose keys the class shares (PEP 412), a third of the size of the dict
    pydantic builds for each instance (464 bytes for 11 fields, 832 for 22)."""
    return type(f"{model.__name__}Values", (), {"__module__": __name__})


def _fast_class(model: type[BaseModel], plain: type) -> type:
    """The plain class with an __init__ that sets the fields in order (made as dataclasses make theirs):
    a third of the time of setting them one by one, for a register's thousands of instances."""
    names = list(model.model_fields)
    if not all(name.isidentifier() for name in names):  # never: model fields are identifiers
        raise TypeError(f"{model.__name__}: field names must be identifiers")
    body = "".join(f"    self.{name} = values[{name!r}]\n" for name in names) or "    pass\n"
    namespace: dict[str, Any] = {}
    exec(f"def __init__(self, values):\n{body}", namespace)
    return type(plain.__name__, (plain,), {"__init__": namespace["__init__"], "__module__": __name__})


def _compact(model: BaseModel) -> None:
    """The instance's field values moved to a key-sharing dict, its set of given fields to the shared one."""
    given = model.__pydantic_fields_set__
    object.__setattr__(model, "__pydantic_fields_set__", _FIELDS_SETS.setdefault(frozenset(given), given))
    kind, values = type(model), model.__dict__
    if len(values) != len(kind.model_fields):
        return
    fast = _FAST.get(kind)
    if fast is not None:
        object.__setattr__(model, "__dict__", fast(values).__dict__)
        return
    plain = _PLAIN.get(kind)
    if plain is None:
        plain = _PLAIN[kind] = _plain_class(kind)
    made = _MADE[kind] = _MADE.get(kind, 0) + 1
    if made >= FAST_FROM:
        _FAST[kind] = _fast_class(kind, plain)
    holder = plain()
    for name in kind.model_fields:
        setattr(holder, name, values[name])
    object.__setattr__(model, "__dict__", holder.__dict__)


# An address as mail systems take it: a dot-atom local part, a domain of two or more labels (letters of any
# script, digits, inner hyphens: linköping.se), no spaces, no control characters, at most 254 characters.
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
EMAIL = re.compile(rf"[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{{|}}~-]+)*@{_LABEL}(?:\.{_LABEL})+")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _email(value: Any) -> str:
    if not isinstance(value, str) or len(value.strip()) > 254 or not EMAIL.fullmatch(value.strip()):
        raise _fail("email", T("not_an_email", value=repr(value)))
    return value.strip()


def _one_line(value: Any) -> Any:
    """Text that goes into a mail header or a calendar line: one line, no control characters."""
    if isinstance(value, str) and _CONTROL.search(value):
        raise _fail("one_line", T("not_one_line", value=repr(value)))
    return value


EmailField = Annotated[str, PlainValidator(_email),
                       WithJsonSchema({"type": "string", "format": "email", "maxLength": 254,
                                       "description": "An e-mail address: name@example.se"})]
OneLine = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_one_line)]
