"""Pydantic models of the data files: parties, agreements (frozen, unknown keys forbidden)."""

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from svo_cli.dates import (
    DURATION_FORMS,
    UNKNOWN,
    UNKNOWN_WORDS,
    DateSpec,
    Duration,
)
from svo_cli.messages import T
from svo_cli.model_types import (  # noqa: F401 - the models' types, used (and imported) from here too
    _CONTROL,
    _LABEL,
    DATE_SPEC_SCHEMAS,
    EMAIL,
    MAX_FOLLOWUPS,
    OPEN_ENDED_WORDS,
    AgreementKind,
    DateSpecField,
    DurationField,
    EmailField,
    EventType,
    Frozen,
    OneLine,
    PartyKind,
    Slug,
    Text,
    _date_spec,
    _duration,
    _email,
    _fail,
    _one_line,
    empty_list,
)

# --------------------------------------------------------------------------- parties


class Contact(Frozen):
    """Who to tell: a role address or a person (svo remind mails them; nothing else uses them)."""

    role: OneLine = Field(description="the role: registrator, samordnare, nämndsekreterare, …")
    email: EmailField
    name: OneLine | None = Field(None, description="a person's name (a role address needs none)")
    deputy: bool = Field(False, description="a deputy: copied (Cc) on the reminders, not addressed")


Contacts = Annotated[list[Contact], Field(default_factory=empty_list, max_length=20,
                                          description="who svo remind mails (optional)")]


class Party(Frozen):
    id: Slug
    name: Text
    kind: PartyKind = Field(
        description="region and kommun are the 14 principals; stat (the state), organisation (SKR, …) and "
                    "myndighet (an authority) are parties to national agreements")
    contacts: Contacts


class Group(Frozen):
    id: Slug
    name: Text
    members: list[Slug] = Field(min_length=1)
    contacts: Contacts


class Body(Frozen):
    """A responsible body (LGVO, LPO Barn och unga, a steering group …): svo remind tells its contacts of the
    boards' decisions on what it is responsible for."""

    id: Slug
    name: Text = Field(description="as agreements name it in `responsible` and work plans and minutes in `body` "
                                   "(compared without regard to case)")
    contacts: Contacts


class PartiesFile(Frozen):
    parties: list[Party] = Field(min_length=1)
    groups: list[Group] = Field(default_factory=empty_list)
    bodies: list[Body] = Field(default_factory=empty_list, description="responsible bodies and who svo remind mails "
                                                                 "for them (optional)")
    decision_lead: DurationField | None = Field(
        None, description="Default for every agreement: how long before the last day to act a principal's board "
                          "must decide (a board decision needs preparation and a meeting); 3 months when absent")
    records_from: DateSpecField | None = Field(
        None, description="The day the register's records begin: a follow-up due before it with no followup_done "
                          "recorded is 'unrecorded' (counted, neither done nor overdue); a follow-up's own tracked_from "
                          "overrides it (docs/rules.md, rule 8b)")


class Document(Frozen):
    """A source document in the register (data/sources.yaml): `id` is what `source.document` names,
    the file name of its plain text."""

    id: Text
    title: Text
    date: DateSpecField | None = None
    reference: Text | None = None
    publisher: Text | None = None
    contains: list[Text] = Field(default_factory=empty_list)


class SourcesFile(Frozen):
    documents: list[Document] = Field(min_length=1)


# --------------------------------------------------------------------------- agreements


class Source(Frozen):
    document: Text
    reference: Text | None = None
    section: Text | None = None
    quote: Text | Annotated[list[Text], Field(min_length=1, max_length=100)] | None = Field(
        None, description="The passage the facts rest on, verbatim ([…] marks an omission); a list when they come "
                          "from several places (a table's cells)")
    page: Text | None = None

    @property
    def quotes(self) -> tuple[str, ...]:
        """Every quoted passage (none, one, or the list's)."""
        if self.quote is None:
            return ()
        return (self.quote,) if isinstance(self.quote, str) else tuple(self.quote)


Assumed = Annotated[Text | None, Field(
    description="Why this fact is assumed: no source states it (outputs mark results resting on it)")]


class DecisionMeetings(Frozen):
    """A decision lead counted in a body's meetings (rule 16a): a matter is informed at one meeting and
    decided at the next ("Information i beslutsärenden ges vid ena mötet och beslut fattas nästkommande
    möte", LGVO): `count: 2` puts the decide-by day on the meeting before the last one on or before the
    last day to act."""

    body: Text = Field(description="The body whose meetings count: the `body` of the work plans that list them")
    count: int = Field(2, ge=1, le=12, description="The decide-by day is the count-th last meeting on or before "
                                                   "the last day to act (2: informed at that one, decided at the next)")
    source: Source | None = None
    assumed: Assumed = None


class Notice(Frozen):
    before_end: DurationField | None = Field(
        None, description="Fixed/renewing terms: last day to give notice = term end minus this")
    period: DurationField | None = Field(
        None, description="Given notice on day d, in force through d + period (open-ended; early notice on a "
                          "fixed term; without before_end, the last day to give notice of a renewing term)")
    to_end_of: Literal["month", "quarter", "half_year", "year"] | None = Field(
        None, description="Notice runs to the end of the calendar month (quarter, half-year, year) that contains "
                          "the notice date plus the period")
    effect: Literal["ends_agreement", "withdrawal"] = Field(
        "ends_agreement", description="ends_agreement: a notice ends the agreement for all; withdrawal: it ends only "
                                      "the participation of the party that gave it (`by`)")
    written: bool = True
    by: list[Slug] = Field(default_factory=empty_list, description="Only these parties (or groups: their members) may give "
                                                             "notice or withdraw; absent: every party")
    decision_lead: DurationField | None = Field(
        None, description="How long before the last day to act each principal's board must decide to give notice "
                          "(default: parties.yaml's decision_lead, else 3 months)")
    decision_meetings: DecisionMeetings | None = Field(
        None, description="The lead in a body's meetings instead (decision_lead then applies only while too few "
                          "of them are known)")
    assumed: Assumed = None

    @model_validator(mode="after")
    def _one_rule(self) -> "Notice":
        if self.before_end is None and self.period is None:
            raise _fail("notice_rule", T("notice_needs_rule"))
        if self.to_end_of is not None and self.period is None:
            raise _fail("notice_rule", T("to_end_of_needs_period"))
        return self


SHORTEST_PERIOD_DAYS = 28  # "4 weeks" and "1 month" are accepted; "27 days" and "3 weeks" are not


def _positive_calendar(value: Duration, what: str) -> Duration:
    if value.is_working_days or not (value.years or value.months or value.days):
        raise _fail("duration", T("duration_not_positive", what=what))
    return value


def _period(value: Duration, what: str) -> Duration:
    """A renewal's or a recurring follow-up's period: positive calendar time, at least 1 month (28 days).
    Every occurrence in a window is listed, so a shorter period would list hundreds of rows a year for
    one clause; the county's data uses 6 months to 4 years (docs/rules.md, "Bounded work")."""
    value = _positive_calendar(value, what)
    if not (value.years or value.months) and value.days < SHORTEST_PERIOD_DAYS:
        raise _fail("duration", T("period_too_short", what=what, value=str(value), days=SHORTEST_PERIOD_DAYS))
    return value


class RenewalOption(Frozen):
    """An option to extend ("avtalet kan förlängas med ett år i taget"): each term ends unless a holder uses
    the option by its deadline (docs/rules.md, rule 2a)."""

    before_end: DurationField | None = Field(
        None, description="Last day to use the option = term end minus this (absent: the term end itself)")
    by: list[Slug] = Field(default_factory=empty_list, description="Who may use it: party or group ids (default: every "
                                                             "party to the agreement)")
    assumed: Assumed = None


class Renewal(Frozen):
    every: DurationField = Field(description="The length of each renewed term, at least 1 month (4 weeks), not "
                                             f"working days. A duration: {DURATION_FORMS}")
    max: int | None = Field(None, ge=0, le=100_000, description="At most this many renewals (or uses of the option); "
                                                                "the last allowed term then expires")
    option: RenewalOption | None = Field(
        None, description="Renewal only by using an option to extend: silence ends the agreement at the term end")
    assumed: Assumed = None

    @field_validator("every")
    @classmethod
    def _positive(cls, value: Duration) -> Duration:
        return _period(value, "renewal.every")


class Followup(Frozen):
    """One follow-up obligation, in exactly one of four forms."""

    id: Slug
    what: Text
    every: DurationField | None = Field(None, description="Recurring: due every this long from `first`; calendar "
                                                          "time, at least 1 month (4 weeks)")
    first: DateSpecField | None = None
    at: Literal["end_of_mandate_period"] | None = None
    before: Literal["notice_deadline"] | None = None
    lead: DurationField | None = None
    due: DateSpecField | None = None
    tracked_from: DateSpecField | None = Field(
        None, description="The day the register's records of this follow-up begin (default: parties.yaml's "
                          "records_from): an occurrence due before it with no followup_done is 'unrecorded', "
                          "counted but neither done nor overdue (docs/rules.md, rule 8b)")
    source: Source | None = Field(None, description="Where the duty is stated (a verbatim quote)")
    assumed: Assumed = None

    @field_validator("every")
    @classmethod
    def _positive(cls, value: Duration | None) -> Duration | None:
        return None if value is None else _period(value, "every")

    @model_validator(mode="after")
    def _one_form(self) -> "Followup":
        forms = [self.every is not None or self.first is not None, self.at is not None,
                 self.before is not None, self.due is not None]
        if sum(forms) != 1:
            raise _fail("followup_form", T(
                "followup_one_form"))
        if (self.every is None) != (self.first is None):
            raise _fail("followup_form", T("recurring_needs_every_and_first"))
        if self.lead is not None and self.before is None:
            raise _fail("followup_form", T("lead_needs_before"))
        return self


class AgreementAssumptions(Frozen):
    """What about an agreement no source states, each with the reason (docs/data-format.md)."""

    valid_from: Text | None = Field(None, description="Why the start is a reading (its status is then marked assumed)")
    valid_until: Text | None = Field(
        None, description="Why the end, or being in force still (open-ended), is a reading (its status is then "
                          "marked assumed)")
    parties: Text | None = Field(None, description="Why the parties are a reading")


class Event(Frozen):
    date: DateSpecField
    type: EventType
    by: Slug | None = None
    until: DateSpecField | None = None
    effective: DateSpecField | None = Field(
        None, description="terminated: the last day in force when the termination was decided in advance")
    followup: Slug | None = None
    occurrence: DateSpecField | None = Field(
        None, description="followup_done: the due date (or period) of the occurrence it completes")
    reference: Text | None = None
    note: Text | None = None
    source: Source | None = None
    assumed: Assumed = None

    @model_validator(mode="after")
    def _fields_for_type(self) -> "Event":
        if self.type == "extended" and self.until is None:
            raise _fail("event_form", T("extended_needs_until"))
        if self.type == "followup_done" and self.followup is None:
            raise _fail("event_form", T("followup_done_needs_followup"))
        if self.until is not None and self.type != "extended":
            raise _fail("event_form", T("until_only_with_extended"))
        if (self.followup is not None or self.occurrence is not None) and self.type != "followup_done":
            raise _fail("event_form", T("followup_only_with_followup_done"))
        if self.effective is not None and self.type != "terminated":
            raise _fail("event_form", T("effective_only_with_terminated"))
        if self.effective is not None and self.effective.end < self.date.start:
            raise _fail("event_form", T("effective_before_event_date",
                                        effective=str(self.effective), date=str(self.date)))
        return self


class Expectation(Frozen):
    """A self-test in the data: what the engine must compute on `as_of` (any subset of the fields)."""

    as_of: DateSpecField
    status: Literal["upcoming", "active", "notice_given", "expired", "terminated", "superseded"] | None = None
    term: int | None = Field(None, ge=1)
    notice_deadline: DateSpecField | None = None
    binding_until: DateSpecField | None = None
    ends_on: DateSpecField | None = None
    source: Source | None = None
    assumed: Assumed = None


DecisionKind = Literal["continue", "notice", "extend", "adopt", "revise"]


class Decision(Frozen):
    """A principal's (or a group's: it counts for every member) decision on a plan or an agreement.
    `stage: prepared` is a preparatory step (a committee's proposal to its board) and is not a decision.
    On an agreement `decision` says what was decided and `concerns` which deadline it decides on (default:
    the first notice deadline on or after the decision's date)."""

    party: Slug
    date: DateSpecField
    body: Text | None = None
    reference: Text | None = None
    stage: Literal["adopted", "prepared"] = "adopted"
    decision: DecisionKind | None = Field(
        None, description="continue (let it run or renew), notice (give notice or withdraw), extend (use an option "
                          "to extend), adopt, revise (ask for renegotiation; the deadline still stands); on a work "
                          "plan: adopt (the default)")
    concerns: DateSpecField | None = Field(
        None, description="The deadline the decision is on (default: the first one on or after its date)")
    note: Text | None = None
    source: Source | None = None
    assumed: Assumed = None


class Adoption(Frozen):
    required: list[Slug] = Field(min_length=1, description="Party or group ids that must adopt the plan")
    due: DateSpecField | None = Field(None, description="Adoption is overdue after this (its last day)")
    assumed: Assumed = None


class AgreementAdoption(Adoption):
    """Adoption of an agreement by each principal ("gäller under förutsättning att regionfullmäktige och
    samtliga kommunfullmäktige fattar beslut"): who must adopt it, by when, and whether it enters into
    force only once they have (rule 4e)."""

    required: list[Slug] = Field(min_length=1, description="Party or group ids that must adopt the agreement")
    condition: bool = Field(False, description="In force only once every required party has adopted it: "
                                               "'awaiting_adoption' until then")
    source: Source | None = None


class Agreement(Frozen):
    id: Slug
    title: Text
    kind: AgreementKind
    parties: list[Slug] = Field(min_length=1)
    responsible: Text | None = None
    valid_from: DateSpecField
    valid_until: DateSpecField | None = Field(
        None, description="Last day in force; absent or 'tills vidare' = open-ended")
    latest_end: DateSpecField | None = Field(
        None, description="A cap ('dock längst t.o.m. …'): no term, renewal or option reaches past this day")
    adoption: AgreementAdoption | None = Field(
        None, description="Each principal's adoption (decisions with decision: adopt), as for work plans")
    ends_with: Slug | None = Field(
        None, description="Another agreement whose end ends this one too, whatever ends it ('samma avtalsperiod som "
                          "huvudavtalet', 'till det att ALFA upphör'): this one's last day is at the latest that one's")
    min_parties: dict[PartyKind, Annotated[int, Field(ge=1, le=1000)]] | None = Field(
        None, description="notice.effect withdrawal: the agreement ends when fewer than this many parties of a kind "
                          "remain (e.g. {kommun: 1, region: 1}: a förbund ends when its last municipality leaves); "
                          "absent: when fewer than two parties remain")
    notice: Notice | None = None
    renewal: Renewal | None = None
    followups: list[Followup] = Field(default_factory=empty_list, max_length=MAX_FOLLOWUPS)
    events: list[Event] = Field(default_factory=empty_list)
    decisions: list[Decision] = Field(default_factory=empty_list, description="The principals' decisions on its deadlines")
    supersedes: list[Slug] = Field(default_factory=empty_list)
    source: Source
    assumed: AgreementAssumptions | None = Field(
        None, description="Facts of the agreement no source states: valid_from, valid_until, parties (each: why)")
    notes: Text | None = None
    last_verified: DateSpecField | None = Field(
        None, description="When a person last checked this file against its source (YYYY-MM-DD)")
    expect: list[Expectation] = Field(default_factory=empty_list)
    # The kind of each party (parties.yaml), set by the loader (with_party_kinds): what min_parties counts.
    _party_kinds: dict[str, str] | None = PrivateAttr(default=None)  # None: no dict per agreement

    @property
    def party_kinds(self) -> dict[str, str]:
        return dict(self._party_kinds or {})

    @field_validator("valid_from", mode="before")
    @classmethod
    def _unknown_start(cls, value: Any) -> Any:
        if isinstance(value, str) and " ".join(value.lower().split()) in UNKNOWN_WORDS:
            return UNKNOWN  # no source states the start (rule 1a): nothing is computed from a day
        return value

    @field_validator("valid_until", mode="before")
    @classmethod
    def _open_ended(cls, value: Any) -> Any:
        if isinstance(value, str) and " ".join(value.lower().split()) in OPEN_ENDED_WORDS:
            return None
        return value

    @property
    def open_ended(self) -> bool:
        return self.valid_until is None

    @model_validator(mode="after")
    def _decisions_say_what(self) -> "Agreement":
        for decision in self.decisions:
            if decision.decision is None:
                raise _fail("event_form", T("agreement_decision_needs_decision"))
        return self


# --------------------------------------------------------------------------- work plans


class Period(Frozen):
    from_: DateSpecField = Field(alias="from")
    until: DateSpecField

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Assignment(Frozen):
    id: Slug
    what: Text
    owner: Text | None = None
    starts: DateSpecField | None = Field(None, description="When the work starts ('Påbörjas vt 2025'): not a due date")
    due: DateSpecField | None = Field(None, description="Due on the spec's last day; absent = continuous")
    done: DateSpecField | None = None
    note: Text | None = None
    source: Source | None = Field(None, description="Where the assignment is stated (a verbatim quote)")
    assumed: Assumed = None


class Area(Frozen):
    id: Slug
    title: Text
    assignments: list[Assignment] = Field(default_factory=empty_list)


def _meeting_day(value: DateSpec) -> DateSpec:
    if value.approximate:
        raise _fail("date_spec", T("meeting_needs_day", value=str(value)))
    return value


MeetingDayField = Annotated[DateSpecField, AfterValidator(_meeting_day)]  # a meeting is held on one day


class Meeting(Frozen):
    date: MeetingDayField
    title: Text
    kind: Literal["meeting", "conference"] = "meeting"
    note: Text | None = None
    source: Source | None = None
    assumed: Assumed = None


class MeetingRules(Frozen):
    agenda_before: DurationField | None = None
    minutes_final_after: DurationField | None = None
    per_year: int | None = Field(None, ge=1, le=52, description="How many meetings the body holds a year ('LGVO "
                                                                "sammanträder fyra gånger per år'): svo show says "
                                                                "for each year of the period how many are dated")


class PlanEvent(Frozen):
    date: DateSpecField
    type: Literal["adopted", "revised", "note", "followup_done"]
    body: Text | None = None
    followup: Slug | None = None
    occurrence: DateSpecField | None = None
    reference: Text | None = None
    note: Text | None = None
    source: Source | None = None
    assumed: Assumed = None

    @model_validator(mode="after")
    def _fields_for_type(self) -> "PlanEvent":
        if self.type == "followup_done" and self.followup is None:
            raise _fail("event_form", T("followup_done_needs_followup"))
        if (self.followup is not None or self.occurrence is not None) and self.type != "followup_done":
            raise _fail("event_form", T("followup_only_with_followup_done"))
        return self


class PlanExpectation(Frozen):
    """A work plan's self-test: what the engine must compute on `as_of`, as `svo plans --as-of` shows it
    (any subset of the fields)."""

    as_of: DateSpecField
    state: Literal["upcoming", "active", "ended"] | None = None
    required: int | None = Field(None, ge=1, le=100_000, description="How many principals must adopt the plan "
                                                                      "(groups expanded)")
    adopted: int | None = Field(None, ge=0, le=100_000, description="How many of them have adopted it")
    missing: list[Slug] | None = Field(None, description="Exactly the principals that have not adopted it "
                                                         "(party or group ids, in any order)")
    adoption_overdue: bool | None = None
    assignments_open: int | None = Field(None, ge=0, le=100_000)
    assignments_overdue: int | None = Field(None, ge=0, le=100_000)
    assignments_done: int | None = Field(None, ge=0, le=100_000)
    next_meeting: DateSpecField | None = Field(None, description="The first meeting or conference on or after "
                                                                 "as_of (a day)")
    source: Source | None = None
    assumed: Assumed = None


class Workplan(Frozen):
    id: Slug
    title: Text
    body: Text = Field(description="The body that owns the plan: SVO, LGVO, …")
    period: Period
    reference: Text | None = None
    adoption: Adoption | None = None
    decisions: list[Decision] = Field(default_factory=empty_list)
    followups: list[Followup] = Field(default_factory=empty_list, max_length=MAX_FOLLOWUPS)
    areas: list[Area] = Field(default_factory=empty_list)
    meetings: list[Meeting] = Field(default_factory=empty_list)
    meeting_rules: MeetingRules | None = None
    agreements: list[Slug] = Field(default_factory=empty_list)
    events: list[PlanEvent] = Field(default_factory=empty_list)
    tracked_from: DateSpecField | None = Field(
        None, description="The day the register's records of this plan's assignments and adoptions begin "
                          "(default: parties.yaml's records_from): one due before it, with no record that it was "
                          "done or adopted, is 'unrecorded', counted but neither done nor overdue (docs/rules.md, "
                          "rule 8b)")
    source: Source
    notes: Text | None = None
    last_verified: DateSpecField | None = Field(
        None, description="When a person last checked this file against its source (YYYY-MM-DD)")
    expect: list[PlanExpectation] = Field(default_factory=empty_list)


def with_party_kinds(agreement: "Agreement", kinds: dict[str, str]) -> "Agreement":
    """An agreement that knows its parties' kinds (for `min_parties`); the same one when it has none."""
    if agreement.min_parties is None:
        return agreement
    found = agreement.model_copy()
    found._party_kinds = dict(kinds)
    return found


def with_record_start(holder: Any, start: DateSpec) -> Any:
    """An agreement or work plan whose follow-ups without `tracked_from` take the register's record start
    (parties.yaml `records_from`, rule 8b), and a work plan without its own `tracked_from` too (for its
    assignments and adoptions); the same object when nothing lacks one."""
    update: dict[str, Any] = {}
    followups = getattr(holder, "followups", ())
    if not all(f.tracked_from is not None for f in followups):
        update["followups"] = [f if f.tracked_from is not None else f.model_copy(update={"tracked_from": start})
                               for f in followups]
    if isinstance(holder, Workplan) and holder.tracked_from is None:
        update["tracked_from"] = start
    return holder.model_copy(update=update) if update else holder
