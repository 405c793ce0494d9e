"""The minutes' models: a meeting's items (decisions, assignments, information, referrals), their due
dates and follow-ups (docs/data-format.md, "Minutes"; rules 22–24)."""

from typing import Annotated, Any, Literal

from pydantic import Field, PlainSerializer, PlainValidator, WithJsonSchema, model_validator

from svo_cli.dates import DATE_SPEC_FORMS, DateSpec
from svo_cli.messages import T
from svo_cli.model import (
    DATE_SPEC_SCHEMAS,
    Assumed,
    DateSpecField,
    Frozen,
    MeetingDayField,
    Slug,
    Source,
    Text,
    _date_spec,
    _fail,
    empty_list,
)

MinutesItemKind = Literal["decision", "assignment", "information", "referral"]
NEXT_MEETING = "next_meeting"  # an assignment due at the body's next meeting (docs/rules.md, rule 22)
_NEXT_MEETING_WORDS = frozenset({"next_meeting", "next meeting", "nästa möte", "nästa mötestillfälle"})


def _due_or_next_meeting(value: Any) -> DateSpec | str:
    if isinstance(value, str) and " ".join(value.lower().split()) in _NEXT_MEETING_WORDS:
        return NEXT_MEETING
    return _date_spec(value)


def _due_text(value: DateSpec | str) -> str:
    return str(value)


DueField = Annotated[
    DateSpec | str,
    PlainValidator(_due_or_next_meeting),
    PlainSerializer(_due_text, return_type=str),
    WithJsonSchema({
        "description": f"A date spec ({DATE_SPEC_FORMS}), or next_meeting: due at the body's next meeting",
        "anyOf": [*DATE_SPEC_SCHEMAS, {"const": NEXT_MEETING}],
    }),
]
FollowsRef = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$", max_length=241,
                                  description="<minutes-id>/<item-id>: the earlier item this one follows up")]


class MinutesItem(Frozen):
    """One item of a meeting's minutes: a decision, an assignment, information or a referral; or, with
    `follows`, what this meeting did about an earlier meeting's item (`status`)."""

    id: Slug
    title: Text
    kind: MinutesItemKind = Field(description="decision, assignment (with owner and due), information or referral "
                                              "(sent on to another body, or back)")
    owner: Text | None = Field(None, description="assignment: who carries it out")
    due: DueField | None = Field(None, description="assignment: due on the spec's last day, or next_meeting; "
                                                   "absent = continuous")
    returns: Literal["next_meeting", "later"] | None = Field(
        None, description="The matter comes back: at the body's next meeting, or later (no date)")
    related: list[Slug] = Field(default_factory=empty_list, description="Ids of agreements, work plans or minutes")
    follows: FollowsRef | None = None
    status: Literal["done", "carried", "dropped"] | None = Field(
        None, description="with follows: the earlier item is done, carried (still open) or dropped")
    note: Text | None = None
    source: Source | None = Field(None, description="Where the minutes say it (a verbatim quote)")
    assumed: Assumed = None

    @model_validator(mode="after")
    def _fields_for_kind(self) -> "MinutesItem":
        if (self.owner is not None or self.due is not None) and self.kind != "assignment":
            raise _fail("minutes_form", T("minutes_owner_due_only_assignment"))
        if (self.follows is None) != (self.status is None):
            raise _fail("minutes_form", T("minutes_follows_needs_status"))
        if self.source is None and self.assumed is None:
            raise _fail("minutes_form", T("minutes_item_needs_source"))
        return self


class NextMeetingDay(Frozen):
    """The body's next meeting as the minutes state it ("Nästa möte: …"), or assumed."""

    date: MeetingDayField
    source: Source | None = None
    assumed: Assumed = None

    @model_validator(mode="after")
    def _provenance(self) -> "NextMeetingDay":
        if self.source is None and self.assumed is None:
            raise _fail("minutes_form", T("minutes_item_needs_source"))
        return self


class MinutesExpectation(Frozen):
    """A minutes file's self-test: what svo computes for its items on `as_of` (any subset of the fields)."""

    as_of: DateSpecField
    open: int | None = Field(None, ge=0, le=100_000, description="Its items still open (assignments and returning "
                                                                  "matters not done or dropped)")
    overdue: int | None = Field(None, ge=0, le=100_000, description="Its open assignments past their due day")
    done: int | None = Field(None, ge=0, le=100_000, description="Its items closed as done")
    dropped: int | None = Field(None, ge=0, le=100_000, description="Its items closed as dropped")
    next_meeting: DateSpecField | None = Field(None, description="The body's next meeting after this one, as svo "
                                                                 "resolves it")
    source: Source | None = None
    assumed: Assumed = None


class Minutes(Frozen):
    """A meeting's minutes (data/minutes/<id>.yaml): its decisions, assignments and what it did about
    earlier meetings' items."""

    id: Slug
    body: Text = Field(description="The body that met (its meetings are the `next_meeting` of its minutes)")
    date: MeetingDayField = Field(description="The meeting's day")
    title: Text
    source: Source
    next_meeting: NextMeetingDay | None = Field(None, description="The body's next meeting, when the minutes "
                                                                  "give it")
    items: list[MinutesItem] = Field(default_factory=empty_list, max_length=200)
    notes: Text | None = None
    last_verified: DateSpecField | None = Field(
        None, description="When a person last checked this file against its source (YYYY-MM-DD)")
    expect: list[MinutesExpectation] = Field(default_factory=empty_list)
