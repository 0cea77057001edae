"""Built-in plugin ``idlib_corpus.meetings``: talks, summits, phone calls and visits.

How a meeting is read (the words of each step are in ``data/triggers.json``):

1. Each prose sentence, and the headline, is cut into clauses ("…, even though …",
   "…, agreeing to meet again …", "ahead of …"). A clause holding a meeting trigger
   ("talks", "summit", "phone call", "visit", "delegation … arrived") is a candidate.
2. Its parties are the states the clause names as actors: nationality words, state names
   and capitals, and the countries of the named persons in it, leaving out places ("in
   Syria"), sponsors ("Russian-led"), the subject of the talks ("on the situation in
   Syria's Idlib") and the speaker of the report (", Turkish Foreign Minister … said").
   A visit or talks hosted somewhere add the host country ("a Turkish delegation arrived
   in Moscow" is Russia and Turkey).
3. Status comes from the cue nearest the trigger ("are holding" ongoing, "will",
   "expected", "upcoming" planned, "canceled" cancelled, "held" held), then from the date
   against the publication date; a headline in the present tense reports a meeting held.
4. A clause naming fewer than two parties refers back to a meeting told before it ("the
   talks", "the Russian team, chaired by …"): it adds evidence and the persons it ties to
   the meeting ("led by", "chaired by", "his Turkish counterpart"). "Continue
   negotiations next week" and "meet again" are a new, planned meeting of the same parties.
5. Candidates that agree on parties, place, date and status are one meeting told twice.

Constructions read besides (each tested in ``tests/test_meetings.py``):

* who takes part: the speaker of "X said he would travel to Moscow to meet Y", of "X told
  Y in a phone call that …", of "Speaking after talks with Y, X said"; "his" in "After
  his meeting with Y, X said"; a person travelling ("flew to Ankara"), received ("X
  received envoy Y", "X welcomed Y to Moscow") or hosting; not the states of a
  headline's rubric ("Syria war: …"), of a relative clause on a person (", who urged
  Russia …"), of what follows a leading "After the talks," or the attribution of a
  quotation;
* how many meetings: "spoke with A on Friday and with B", "separate calls with A and B"
  (one each); "… and agreed to meet next week" (a second, planned); "Before the summit,
  A and B held a separate meeting", "A also met C" (on the summit's occasion: its place
  and date); "another round took place in Moscow", "after two meetings in Ankara", "last
  visited Moscow in 2019" (one more of the series, never merged into an undated one);
* when: a time of another event is not the meeting's ("announced on Saturday, four days
  after …", "On Monday, the agency reported that A had met B"); "the talks on Monday"
  dates the talks told before; "on September 15 and 16" is two days of one meeting;
* meetings told around another: "A and B agreed on Monday to …, after talks in the
  Kremlin" (their talks, that day); "held a summit by video, after a meeting planned in
  Tehran was shelved" (a second meeting, theirs, called off); "A sat down with B, and C
  received D" (two); "the first meeting between A and B since March 2020, when they met
  in Moscow" (the one before, then and there); "in a telephone call between the leaders
  last Friday" (a call of the leaders told before);
* more of them: "A criticised B on Monday … . The pair then spoke for an hour" (the
  persons of the sentence before, on its day; "they", "the pair" too); "At their talks
  in Sochi, A and B agreed" and "During their call, they agreed to meet" (the call, and
  a meeting to come); "talks on March 3 and 5", "met A on Monday and B on Tuesday"
  (two); "A and B then talked one on one", "C received A and B separately", "X, who
  met his peers on the margins, said" (each its own, on the summit's occasion: a state
  sending other persons makes another meeting); "talks on the sidelines of a forum
  with Qatar" (the talks, and the meeting of them and Qatar); "the first summit since
  Sochi hosted the three leaders in 2017" (that one);
* when: "All eyes are on Monday, when A flies to Ankara" (that Monday, the next one for
  a meeting to come); "are to meet on Wednesday for another round";
* who does not take part: the states a quotation without a meeting word names, what a
  speaker said "after the meeting" or speaking after talks, a lone state before the
  meeting word ("Syria summit": its subject), the states of a clause of aim (", hoping
  to halt a Syrian offensive"), a speaker before an apposition ("Yuri Ushakov, the
  Kremlin's aide, told"), the state of a capital or town named ("the Qatari capital,
  Doha", "Geneva, Switzerland"), an envoy's brief ("the envoy for Libya"); who led a
  delegation (", who headed the Turkish team,") does;
* no meeting: a host of counted people ("hosts two million refugees"), a meeting an
  attack hit ("a raid on a gathering of commanders"), a journey of troops ("more troops
  arrived in Kabul"), a meeting one is "open to";
* arrivals ("came to the Kremlin", "arrived in Ankara") are visits, a seat of government
  its capital ("the Kremlin": Moscow), "the Kremlin leader" Russia; "A and B last met in
  May, when they held a summit in Baku with C" one earlier meeting; "the two men" the
  persons of the last bilateral told of persons, "the four countries" the four-party
  meeting; "a thaw between A and B" a topic; a round of a series of talks named after its
  city (data: ``talks_series``) is of the series' states; "X led the Turkish team" and
  "heading the Russian side was Y" take part, the person an aide serves ("adviser to
  Foreign Minister X") does not; the one host named in a visit's sentence received the
  visitor; a meeting to come on a month or day with no year is the next one;
* leads and speakers: "After hours of talks in X, A and B said …", "Meeting in X, A and B
  insisted that …" (the speakers met; what they said names no side nor day); "A met B and
  said Iran must …" (likewise); "A told B during talks on Monday that … would …" (held);
  "called for a truce at the summit" (a wish told at a meeting blocks nothing);
  "As/While the leaders met, C …" (another event); "During his visit to X, A met B" (there);
* who: "the Kremlin leader", "the Turkish president" (the person of that state and office
  named before); "Putin's envoy met B" (the envoy, for Putin's state); "without the United
  States", "to decide Syria's future" (no side); "… two weeks after Turkish troops took X"
  (the event that dates it, no side); ", and where Turkey keeps posts" (a place's clause);
  an undated headline naming some of a summit's persons is that summit;
* which and when: "Wednesday's meeting", "On Sunday, hours before the ministers talked" (that
  day); "discussed the plan on Tuesday" (a held meeting's weekday is the last one); "their
  first meeting since A's visit to X in April" and "the last summit of the four" (an
  earlier meeting, held); "their first meeting this year" (not its day); a time after
  "since" (another event's); "his own bilateral", "a separate meeting" (another one at a
  summit); "arrived … for talks with B and is due in Y" (a second visit); arriving on the
  day of the report (ongoing); "was due on Friday but was postponed" (cancelled); "… in
  Sochi, the resort where he hosted B" (there).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

import attrs

from idlib_corpus import _trusted
from idlib_corpus.document import Annotation, AnnotationLabel, Document
from idlib_corpus.extractors._events import (
    EventContext,
    Hit,
    Mentioned,
    PlaceRef,
    Speech,
    dates_fit,
    dates_overlap,
    event_context,
    has_any,
    in_any_bracket,
    iter_clauses,
    make_span,
    more_specific,
    narrower,
    place_compatible,
    trigger_annotations,
    within_any,
)
from idlib_corpus.extractors.times import Tense, detect_tense
from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.model import (
    Actor,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Place,
    PlaceKind,
    Span,
    TimeValue,
)
from idlib_corpus.plugins import builtin_name

__all__ = ["extract_meetings", "idlib_annotate", "idlib_extract_events"]

_KIND_RANK = {MeetingKind.SUMMIT: 3, MeetingKind.PHONE_CALL: 2, MeetingKind.TALKS: 1,
              MeetingKind.VISIT: 0}
_STATUS_RANK = {MeetingStatus.CANCELLED: 3, MeetingStatus.ONGOING: 2, MeetingStatus.HELD: 1,
                MeetingStatus.PLANNED: 0}
# The same ranks by the members' values (an enum member hashes in Python code: a dict keyed
# by members costs a function call per lookup)
_KIND_ORDER = {k._value_: r for k, r in _KIND_RANK.items()}
_STATUS_ORDER = {st._value_: r for st, r in _STATUS_RANK.items()}
_DURATION = re.compile(
    r"(?<![a-z0-9])(?P<n>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|half an?)[\s-]+(?P<unit>hours?|minutes?)(?:[\s-]+long)?(?![a-z])"
)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_THEY = re.compile(
    r"(?<![a-z])(?:they|the (?:two |three |four )?leaders|both leaders|"
    r"the (?:two |three )?presidents|of the (?:two|three|four)(?= |,)|their (?=previous )|"
    r"between the leaders|between the presidents|the two men|the pair)(?![a-z])"
)
# A clause opening with "and" and a verb shares the subject of the clause before it.
_SHARED_SUBJECT = re.compile(
    r"[\s,]*and\s+(?:are|is|will|were|was|have|has|plan|plans|agreed|decided|promised|"
    r"planned|would)\s(?!been\s)"
)
_PRONOUN = re.compile(r"(?:h(?<![a-z]h)e|s(?<![a-z]s)he)(?![a-z'])")
# "September 15 and 16" (after a date: the number is a day, not a count of something)
_AND_BARE_DAY = re.compile(
    r"\s+and\s+(\d{1,2})(?![\d:.,]\d)(?=\s*(?:$|[.,;:)]|(?:in|at|on|to|with|when|as|after|"
    r"before|and|but|that|amid|for)\s))"
)
_BARE_DAY_AND = re.compile(r"(?<![\d,.])(\d{1,2})\s+and\s+$")  # "16 and 17 February"
_AND_DAY = re.compile(r"\s+(?:and|to|through)\s+(?:on\s+)?|\s*[-–]\s*")
# "they met", "the two spoke", "both … talked" (the word-start test after the first letter:
# a pattern opening with a lookbehind is tried at every offset, one opening with a letter
# lets the regex engine skip to the candidates)
_THEY_MET = re.compile(
    r"t(?<![a-z]t)he(?:y|\ two|\ pair)\s+(?:\w+\s+){0,3}?"
    r"(?=met|spoke|talked|held|sat|hold|meet|speak|talk)"
    r"|b(?<![a-z]b)oth\s+(?:\w+\s+)?(?=met|spoke|talked)"
)
# "… said (that) he would …": the pronoun subject right after an attribution, and the
# auxiliaries and verbs of intent between it and its verb (matched with bounds)
_SAID_HE = re.compile(
    r"[\s,]*(?:that\s+)?(?:he|she)\s+(?:(?:would|will|shall|could|might|may|is|was|has|had|"
    r"also|soon|then|be|to|going|plans?|planned|intends?|intended|hopes?|hoped|expects?|"
    r"expected|wants?|wanted|due)\s+)*"
)
# A clause opening with a meeting told before, as a time: "After the talks, …", "Before
# the summit, …" (matched with bounds at the clause start; its first three letters are
# looked up first, so that most clauses are not searched)
_LEAD_ADJUNCT = re.compile(
    r"(?:(?:hours|days|minutes|moments|shortly|just|weeks)\s+(?=after|before))?"
    r"(?:after|before|following|during|ahead of|at the end of|on the eve of|as|while)\s+"
    r"(?P<whose>the|this|that|their|his|her|its|these|those|(?:last |next |this )?[a-z]+'s)"
    r"\s+[^,;:]{0,60}?,"
)
# ("Hours before the two ministers shook hands, rockets hit …": the time of what the
# rest of the clause tells)
_LEAD_WORDS = frozenset({"aft", "bef", "fol", "dur", "ahe", "at ", "on ", "hou", "day",
                         "min", "mom", "sho", "jus", "wee", "as ", "whi"})
# "After talks in Sochi,", "Meeting in Tehran on Friday,", "Following a phone call with
# X,": a lead that introduces a meeting (no determiner: "after the talks" refers back)
_LEAD_SETTING = re.compile(
    r"(?:after|following|meeting|talking)\s+(?!(?:the|this|that|these|those|their|his|her|its)\s)"
    r"[^,;:]{0,80}?,"
)
_LEAD_SETTING_WORDS = ("after", "following", "meeting", "talking")
# "at their talks", "during their phone call": a meeting of persons told around it
_THEIR = re.compile(r"(?:at|during|in)\s+their\s+(?:[a-z-]+\s+){0,2}$")
_WHO_LED = re.compile(
    r",\s+who\s+(?:led|headed|chaired|leads|heads|was\s+leading|is\s+leading)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:delegation|team|negotiators|talks)(?![a-z])"
)
# "Onal led the Turkish team" (group 1 unset: the person before), "heading the Russian
# side was Vershinin" (the person after, past an office: see _NAME_GAP)
_LED_TEAM = re.compile(
    r"(?:led|headed|heads|leads|chaired|was\s+leading|is\s+leading)\s+(?:the|its|their|his|her)"
    r"\s+(?:[\w'-]+\s+){0,2}?(?:delegation|team|side|negotiators)(?![a-z])"
    r"|(heading|leading)\s+the\s+(?:[\w'-]+\s+){0,2}?(?:delegation|team|side|negotiators)"
    r"\s+(?:was|is|were)\s"
)
_NAME_GAP = re.compile(r"(?:[a-z-]+\s+){0,4}")  # (an office before the name: lower case)
_FOR_ON = ("for ", "on ", "for the ", "on the ")
# between the subject of a verb of travel and the verb ("troops have now arrived in")
_SUBJECT_GAP = re.compile(r"(?:\s+(?:have|has|had|were|was|been|also|already|now|finally))*\s+")
_ENVOY_FOR = re.compile(
    r"(?:envoy|envoys|representative|coordinator|negotiator|mediator)\s+(?:for|on)\s+"
    r"(?:the\s+)?$"
)
# (searched alone: its branches open with letters, which the engine skips to)
_OCCASION = re.compile(
    r"(?:one[- ]on[- ]one|separately|(?:later|earlier) (?:in|on|that) (?:the )?day"
    r"|on the (?:sidelines|margins)(?! of))(?![a-z])"
)
#: What a match of _OCCASION opens with (looked for first: its search runs the matcher at
#: every offset of a clause that mostly holds none of them).
_OCCASION_WORDS = ("one-on", "one on", "separately", "later ", "earlier ", "on the sidelines",
                   "on the margins")
_ALSO = re.compile(r"a(?<![a-z]a)lso\s+(?:[a-z]+\s+)?$")
# "A held his own bilateral with B", "a separate meeting": another meeting on the occasion
_OWN = re.compile(r"(?:o(?<![a-z]o)wn|s(?<![a-z]s)eparate)\s+(?:[a-z]+\s+)?$")
# "on Idlib that ended …", "on Idlib and agreed to …" (a relative pronoun or "and", and a
# verb), "on Syria is planned for …" (the verb of the clause)
_RELATIVE_VERB = re.compile(
    r"\s(?:(?:that|which|who|and)\s+(?!united\b)(?=(?:[a-z]+ed|is|was|were|are|will|would|has|"
    r"have|had|began|begins|begin|took|takes|take|lasted|wrapped|ran|runs|went|opened|closed)\b)"
    r"|(?=(?:is|are|was|were|will|would|has|have|had)\s))"
)
# "on Saturday, four days after …", "on Monday, a week before …" (matched with bounds
# right after a time; "after" alone is not enough: "announced on Sept. 17 after talks" is
# most often the day of the talks)
_THEN_AFTER = re.compile(
    r"[\s,]*(?:just\s+|only\s+|some\s+)?(?:a few|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|\d+)\s+(?:days?|weeks?|months?)\s+(?:after|before)\s"
)
# "spoke by phone with A on Friday and with B": a second call (matched from the trigger)
_AND_WITH = re.compile(r"[\s,]+and\s+(?:also\s+|later\s+|then\s+)?with\s")
# "Syria war: …": a rubric opening a headline (a few words and a colon)
_RUBRIC = re.compile(r"\s*(?:[\w'-]+\s+){0,3}?[\w'-]+:\s")
_POSSESSIVE = re.compile(r"'s?(?![a-z])")
# the last word of a topic (before "between") and where the states it relates end
_LAST_WORD = re.compile(r"[a-z][a-z'-]*$")
_RELATION_END = re.compile(r"[,;:(\"“”—]|\s(?:where|when|while|which|who|to|for|in|at)\s")
_SIDELINES = re.compile(r"(?<![a-z])on the sidelines of(?![a-z])")
# Words one of which every match of a pattern holds: a clause without them is not searched
# (a pattern opening with a lookbehind is tried at every offset, str.find is not).
_SIDELINES_WORDS = ("sidelines",)
_WITH_WORDS = ("with",)
_AND_WORDS = (" and ",)
# "… and agreed to meet", "… and will hold talks" (searched after the first trigger)
# (``\s\s*``: the same matches as ``\s+``, but a pattern opening with a class lets the
# regex engine skip to it in C; one opening with a repeat runs the matcher at every offset)
_AND_THEN_MEET = re.compile(
    r"\s\s*and\s+(?:they\s+|the\s+two\s+(?:[a-z]+\s+)?)?(?:"
    r"(?:(?:agreed|decided|promised|planned|plan|plans)\s+to|will|would|are\s+to|"
    r"is\s+to|are\s+due\s+to|are\s+set\s+to|is\s+due\s+to|is\s+set\s+to)\s+"
    r"(?:then\s+|later\s+)?(?=meet|hold|visit|travel|fly|head)"
    # "landed in Baghdad to see B and is expected in Doha on Thursday", "… and then
    # flew to Doha": the traveller's next stop, another visit
    r"|(?:is|are)\s+(?:due|expected)\s+(?=in\s)|then\s+(?=flew|headed|went|travell?ed)"
    r")"
)
_AND_ON = re.compile(r"\s*and\s")  # (a part of a clause sharing its subject)
# "… after a meeting planned in Tehran was shelved" (searched after the first trigger)
# ("… sealed at talks in Geneva, and discussed again when A visited Ankara": when too)
_SEQUENCE = re.compile(  # (word-start test after the first letter, as in _SETTING)
    r"(?:a(?<![a-z]a)fter|f(?<![a-z]f)ollowing|s(?<![a-z]s)ince|w(?<![a-z]w)hen)\s"
)
_SEQUENCE_WORDS = ("after ", "following ", "since ", "when ")
# ", whom he last received in …", ", who they last saw in Doha …" (searched between the
# first meeting word and a word of an earlier meeting; a few words at most between)
_WHOM_HE = re.compile(r",\s+(?:whom|who\s+(?:he|she|they))\s")
_RELATIVE_AGAIN = re.compile(r",\s+(?:whom|who)\s+(?:[a-z]+\s+){0,2}$")
_TALKING = frozenset({"event", "weak"})
_SINCE_WORDS = ("since ",)
# "the foreign ministers of …", "Russian and Turkish defence ministers" (the office of each)
_OFFICE_WORDS = (" ministers",)
_OFFICE_PLURAL = re.compile(r"(?<![a-z])(foreign|defen[cs]e)\s+ministers(?![a-z])")
_OFFICES = {"foreign": "foreign minister", "defence": "defence minister",
            "defense": "defence minister"}
_CAPITAL_WORDS = (" capital",)
# between an attack and the meeting it hit ("a raid on a rebel meeting")
_ATTACKED = re.compile(r"(?:\s+(?:on|against|of))?\s+(?:a|an|the)\s+(?:[a-z'-]+\s+){0,2}")
_WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
_MONTHS = frozenset(m.lower() for m in calendar.month_name if m) | frozenset(
    m.lower() for m in calendar.month_abbr if m)
_YEAR_IN = re.compile(r"\d{4}|'\d\d")
_NAMED_CAPITAL = re.compile(r"capital,?\s+$")  # (right before the capital named)
_THE_CAPITAL = re.compile(r"(?<![a-z])(?:in|to|at)\s+the\s+([a-z-]+)\s+capital(?![a-z])")
_APPOSITIVE = re.compile(r"\s*(?:the|a|an|his|her|its)\s")
_A_BEFORE = re.compile(r"(?<![a-z])an?\s$")
_PURPOSE_WORDS = (", hoping to ", ", seeking to ", ", aiming to ", ", in a bid to ",
                  ", in an effort to ", ", trying to ", ", in an attempt to ")
_WHEN = re.compile(r"[\s,]*when\s")
# "to create a joint committee", "set up a contact group" (before a weak meeting word)
_FOUNDED = re.compile(
    r"(?:form|formed|forming|set\s+up|setting\s+up|create|created|creating|establish|"
    r"established|establishing)\s+(?:(?:a|an|the|their|new)\s+)*(?:[a-z-]+\s+)?$"
)
_SINCE_BEFORE = re.compile(r"s(?<![a-z]s)ince\s+(?:(?!-\s)[^\s,;]+\s+){0,5}$")
_ASIDE_END = re.compile(r",|;|\s-\s")  # (dashes are folded to "-")
# "the Kremlin leader", "the Turkish president", "the Iranian foreign minister": a person
# told before, named by the state and office (see _described)
_THE_HEAD = re.compile(  # (the lookbehind after the first letter: see _SETTING)
    r"t(?<![a-z]t)he\s+([a-z-]+)\s+(leader|president|prime minister|foreign minister|"
    r"defen[cs]e minister)(?![a-z])"
)
# (the words _THE_HEAD needs, looked for before it: one regex call, opening with a literal,
# costs less than has_any's loop over three)
_HEAD_WORD = re.compile(r" (?:leader|president|minister)")
_HEAD_OFFICES = ("leader", "president", "prime minister")  # (a head of state or government)
_AND_SAID = re.compile(r"[\s,]*and\s")  # (an attribution sharing the meeting's subject)
_WHERE = re.compile(r"[\s,]*where\s")
_PAST_SAID = re.compile(r"(?:told|said|ed)$")  # (a verb of saying in the past)
_BUT_WORDS = (" but ", ", but ")
_BUT_THEN = re.compile(
    r",?\s+but\s+(?:the\s+[a-z]+\s+)?(?:(?:it|they|was|were|has|have|had|then|later|"
    r"abruptly|suddenly)\s+)*(?:been\s+)?"
)
_FIRST_BEFORE = re.compile(r"f(?<![a-z]f)irst\s+(?:[a-z-]+\s+){0,2}$")
_MEET_WORDS = frozenset({"meet", "meets", "met", "meeting"})
_MET_DEMAND = re.compile(
    r"\s+(?:the|its|their|all)\s+(?:demands|needs|requirements|conditions|deadline|targets?|"
    r"obligations|commitments|criteria|expectations)(?![a-z])"
)
_SINCE_LEAD = re.compile(r"[\s,]*since\s")  # (a clause of the past: "… since A's visit")
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_YEAR_ONLY = re.compile(r"\d{4}")
# ", after talks in …", ", following a meeting with …" (matched at a clause's start)
_AFTER_TALKS = re.compile(r"[\s,;]*(?:after|following)\s+([a-z]+\s)?")
#: The quotation marks (found by _quote_at: three finds in C, where a regex of their class
#: runs its matcher at every offset).
_QUOTES = ('"', "“", "”")
# "in a phone call", "during talks", "at the meeting": a meeting as the setting of what is
# said (searched right before the meeting word)
# (the lookbehinds after the first letter, here and in _ALSO, _PRONOUN and _OUTCOME: a
# pattern whose branches open with a letter lets the regex engine skip in C to those
# letters; one opening with a lookbehind runs the matcher at every offset)
_SETTING = re.compile(
    r"(?:i(?<![a-z]i)n|during|a(?<![a-z]a)t)\s+(?:(?:a|an|the|their|his|her|its)\s+)?"
    r"(?:[a-z-]+\s+)?$"
)
# "turned down a plea for a ceasefire at the summit", "rejected the plan during talks":
# the meeting is where the refusal or the wish was told, not its object (searched between
# a blocker and the meeting word; "a return to talks" has no such preposition)
_BLOCKED_AT = re.compile(
    r"(?:during|a(?<![a-z]a)t)\s+(?:(?:a|an|the|their|this|that|his|her|its)\s+)?"
    r"(?:[a-z'-]+\s+){0,3}$"
)
# an infinitive of purpose after a journey made is no plan
_PURPOSE = frozenset({"to meet", "to hold"})
_WENT = frozenset({"went to", "travelled", "traveled", "flew", "arrived", "came to",
                   "headed to"})
# what may stand between a meeting noun and its date (matched in full between them)
_DATED_NOUN = re.compile(r"[\s,]*(?:(?:which|that)\s+(?:was|were)\s+)?(?:held\s+)?")
# "On Sunday, hours before the ministers talked": the day of the meeting too
_HOURS_OFF = re.compile(r",?\s+(?:only\s+|just\s+)?(?:hours|minutes|shortly|moments)\s+"
                        r"(?:before|after)\s")
# "Wednesday's meeting", "last week's three-way talks": a day before the meeting word
_DAY_OF = re.compile(r"(?:'s?)?\s+(?:[a-z-]+\s+){0,2}")
_SIDELINES_OF = ("sidelines of the ", "sidelines of ")
_SET_FOR = (" planned for ", " scheduled for ", " set for ", " slated for ")
_AFTER_WORDS = (" after ", " before ")
# the nouns of people who travel to talks (with a nationality word: "Turkish officials")
_ENVOYS = frozenset({"official", "officials", "diplomat", "diplomats", "envoy", "envoys",
                     "negotiator", "negotiators", "minister", "ministers", "delegation",
                     "delegations", "team", "emissary", "emissaries", "ambassador"})
_SEPARATE_WORDS = ("separate",)
# the person a named aide serves ("an adviser to Foreign Minister X", "aide to X"), who is
# not at the meeting for that (searched with bounds in the text as written: a title of
# the person served is capitalised, "assistant to the interior minister Omar Haddad" is
# Haddad's own title)
_AIDE_TO = re.compile(
    r"(?i:adviser|advisor|aide|assistant|spokesman|spokeswoman|spokesperson)\s+(?:to|of|for)"
    r"\s+(?:[A-Z][A-Za-z-]*\s+){0,3}$"
)
# a speaker or aide named right after the word ("spokesman Dmitry Peskov")
_AIDE_WORDS = ("advis", "aide", "assistant", "spokes")  # (one in every _AIDE_TO match)
_SPOKESMAN = re.compile(
    r"(?:spokes(?:man|woman|person)|aide|adviser|advisor)\s+(?:[a-z-]+\s+){0,2}$"
)
# a clause opening with the persons of the meeting told ("The four ministers agreed …",
# "They also agreed …"; matched with bounds at the clause start)
_SAME_PERSONS = re.compile(
    r"[\s,]*(?:they|the\s+(?:two\s+|three\s+|four\s+|five\s+)?(?:leaders|presidents|"
    r"(?:foreign\s+|defen[cs]e\s+)?ministers|men))(?![a-z])"
)
_SEAT_LEADER = (" leader", " chief")  # (after a seat of government)
_TO_MEET = re.compile(r"\sto\s+(?:meet|hold|visit|travel|resume|continue|convene)(?![a-z])")
_SERIES_AFTER = re.compile(
    r"[\s-]+(?:peace\s+)?(?:process|format|platform|framework|guarantors?|trio|troika|"
    r"partners|session|sessions)(?![a-z])"
)
# verbs after "agreed to", "plans to" that make a meeting (besides its triggers)
_MEETING_VERBS = frozenset({"meet", "hold", "host", "convene", "resume", "continue",
                            "visit", "travel", "go", "come", "call", "pay", "organise",
                            "organize", "arrange", "receive", "sit"})
_DURATION_WORDS = ("hour", "minute")
_OUTCOME_WORDS = ("agree", "decid", "signed")
_OUTCOME = re.compile(  # (?<![a-z])(?:agreed|agreeing|decided|deciding|it was decided|
    # reached an agreement|reached agreement|signed)\b, its lookbehind after the first letter
    r"(?:a(?<![a-z]a)gree(?:d|ing)|d(?<![a-z]d)ecid(?:ed|ing)|i(?<![a-z]i)t was decided"
    r"|r(?<![a-z]r)eached (?:an )?agreement|s(?<![a-z]s)igned)\b"
)


# (the patterns the helpers below use, compiled once)
_NEXT_WORD = re.compile(r"[\s,-]*([a-z][a-z'-]*)")
_LETTERS = re.compile(r"[a-z][a-z'-]*")
_JOINED_BEFORE = re.compile(r"(?:-|\band\s+|,\s*)$")
_IN_WHAT = re.compile(r"\s+(?:in|at)\s+(?:the\s+|a\s+|an\s+)?([a-z-]+)")
_TWO = re.compile(r"(?<![a-z])(?:two|both)(?![a-z])")
_COUNT = re.compile(r"(?<![a-z])(two|both|three|four|five)(?![a-z])")
_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
_VISIT_GAP = re.compile(r"\s+(?:the\s+)?")
# (searched for whether it matches, as _MOVE_TO below: "at the start or after a space" is
# tested after the first letter, so that the regex engine skips to the letters that can
# open a match instead of trying every offset)
_IN_AT_BEFORE = re.compile(  # (?:^|\s)(?:in|at)\s+(?:the\s+)?(?:[a-z'-]+\s+){0,4}$
    r"i(?<!\Si)n\s+(?:the\s+)?(?:[a-z'-]+\s+){0,4}$|a(?<!\Sa)t\s+(?:the\s+)?(?:[a-z'-]+\s+){0,4}$"
    r"|o(?<!\So)utside\s+$|n(?<!\Sn)ear\s+$"  # ("talks … outside Moscow", "near Sochi")
)


@attrs.define
class _Candidate:
    """A meeting as one clause tells it (mutable while merging)."""

    clause: Span
    sentence: int
    cls: str  # "primary", "refer" or "continuation"
    kind: MeetingKind
    status: MeetingStatus | None
    explicit_status: bool
    parties: set[str]
    participants: set[str]
    role_participants: set[str]
    place: Place | None
    place_rank: int
    date: TimeValue | None
    weak_date: bool
    duration: int | None
    outcome: str | None
    reported_by: str | None
    evidence: list[Span] = attrs.field(factory=list)
    # "the two-day meeting": one already told (None: not read yet, see _definite; the
    # merge asks it of few candidates)
    definite: bool | None = False
    extra_dates: list[TimeValue] = attrs.field(factory=list)  # one more meeting on each
    main: Hit | None = None  # the main trigger (what _definite reads)
    # "Before the summit, A and B held a separate meeting", "A also met C": a meeting on
    # the occasion of the one told, where and when it was (see _merge)
    occasion: bool = False
    borrowed: bool = False  # place and date taken from that meeting
    # "met on the sidelines of a forum with Qatar": the states and persons of the meeting
    # on whose sidelines this one was (another meeting, of these and the parties)
    # (frozen defaults: a factory per field costs a call for every candidate built)
    host_states: frozenset[str] = frozenset()
    host_people: frozenset[str] = frozenset()


def _definite(ctx: EventContext, cand: _Candidate) -> bool:
    """Whether the candidate's meeting word refers back to a meeting told ("the talks"),
    read on first need."""
    found = cand.definite
    if found is None:
        assert cand.main is not None
        found = cand.definite = ctx.is_definite(cand.main, cand.clause.start)
    return found


# --------------------------------------------------------------------------- hooks


@hookimpl
def idlib_annotate(doc: Document) -> list[Annotation] | None:
    """Mark meeting trigger words (key: the :class:`MeetingKind` value)."""
    return trigger_annotations(doc, "meeting_triggers", AnnotationLabel.MEETING_TRIGGER, "kind",
                               builtin_name(__name__))


@hookimpl
def idlib_extract_events(doc: Document, actors: Sequence[Actor]) -> list[Meeting] | None:
    """Return the meetings told in ``doc`` (see the module docstring for the rules)."""
    found = extract_meetings(doc, actors)
    return list(found) or None


def extract_meetings(doc: Document, actors: Sequence[Actor] = ()) -> tuple[Meeting, ...]:
    """Read the meetings of one article.

    Args:
        doc: the analysed article, with the annotations of the other plugins.
        actors: the resolved actors (persons give participants and their countries).

    Returns:
        Meetings in text order, ids ``meeting:<article>:<n>``.

    Example:
        >>> from idlib_corpus.document import build_document, Annotation, AnnotationLabel
        >>> from idlib_corpus.model import Article, Span
        >>> t = "Turkish and Russian officials held talks."
        >>> anns = [Annotation(Span(0, 7), AnnotationLabel.NATIONALITY, "Turkish", "TR"),
        ...         Annotation(Span(12, 19), AnnotationLabel.NATIONALITY, "Russian", "RU")]
        >>> m, = extract_meetings(build_document(Article(id="a", text=t), anns))
        >>> m.parties, m.status.value
        (('RU', 'TR'), 'held')
    """
    ctx = event_context(doc, actors)
    if ctx.is_sport:
        return ()
    countries = {a.id: a.country for a in actors if a.country}
    ctx.memo["meetings.countries"] = countries
    ctx.memo["meetings.actors"] = actors  # (their titles read by _described, on need)
    cands: list[_Candidate] = []
    last_si, skip = -1, False  # (whether a sentence is not diplomatic: read once for its clauses)
    last_since, skip_to = -1, -1  # (the end of a ", when" clause read with the one before)
    for si, sent, whole in iter_clauses(ctx, "meeting_triggers"):
        if si != last_si:
            last_si, skip = si, ctx.has("non_diplomatic", sent)
        if skip:
            continue
        found = ctx.hits_in("meeting_triggers", whole)
        if not found:
            continue
        part: _Candidate | None = None  # (the candidate of the clause's first part)
        if si != last_since:
            last_since, skip_to = si, -1
        for clause, triggers in _predicates(ctx, whole, found):
            first_part = clause.end < whole.end  # (cut before another meeting's part)
            occasion = False
            whose: Mentioned | None = None
            lead = _LEAD_ADJUNCT.match(ctx.folded, clause.start, clause.end) if (
                ctx.folded[clause.start:clause.start + 3] in _LEAD_WORDS) else None
            lead_span: Span | None = None  # (a lead told before the meeting: see below)
            if part is not None and part.occasion and clause.start > whole.start:
                occasion = True  # ("Before the summit, A met B, and C received D": both)
            if lead is not None and triggers[0].end <= lead.end():
                # "After the meeting, Stoltenberg condemned the strikes by Syria and Russia":
                # the meeting told before dates what the rest of the clause says, whose states
                # are not its parties; "Before the summit, A and B held a separate meeting":
                # another meeting, on the summit's occasion
                rest = [t for t in triggers if t.start >= lead.end()]
                if rest and lead.group("whose") == "their":
                    # "During their phone call, the two leaders agreed to meet again": the
                    # call is told too (of the persons around: see _THEIR)
                    told = _read_clause(ctx, si, sent, make_span(clause.start, lead.end()),
                                        [t for t in triggers if t.end <= lead.end()],
                                        countries)
                    if told is not None:
                        cands.append(told)
                if rest:
                    lead_span = make_span(clause.start, lead.end())
                    clause, triggers, occasion = make_span(lead.end(), clause.end), rest, True
                else:
                    if lead.group("whose") in ("his", "her"):
                        whose = ctx.person_before(min(clause.end, lead.end() + 30), lead.end())
                    clause = make_span(clause.start, lead.end())
            doer = None
            if part is not None and clause.start > whole.start and \
                    _AND_ON.match(ctx.folded, clause.start, clause.end):
                # ("A arrived in X for talks with B and is due in Y": A goes on to Y)
                # (read on the raw mentions: only the one found is built)
                raws, them = ctx.raw_mentions, part.participants
                at = next((i for i in ctx.mention_indices_in(part.clause)
                           if raws[i][2] == "person" and raws[i][1] in them), -1)
                doer = ctx.mention_at(at) if at >= 0 else None
            cand = _read_clause(ctx, si, sent, clause, triggers, countries,
                                alone=clause.start > whole.start, first_part=first_part,
                                doer=doer)
            if cand is None:
                continue
            if lead_span is not None and cand.place is None and ctx.folded.startswith(
                ("during his ", "during her "), lead_span.start
            ):
                # "During his visit to Tehran, Putin met Rouhani": there (and then; not
                # "on the eve of her visit to Moscow")
                _place_of_lead(ctx, lead_span, cand)
            if part is not None and clause.start > whole.start and len(part.parties) >= 2 \
                    and cand.status is _CANCELLED and cand.explicit_status \
                    and len(cand.parties) < 2 and cand.cls == "refer":
                # "A and B held a summit by video, after a meeting planned in Tehran was
                # shelved": the meeting called off was theirs
                cand.parties, cand.participants, cand.cls = set(part.parties), set(), "primary"
            if skip_to > clause.start >= sent.start:
                continue  # (the ", when …" clause told with the meeting before: see below)
            if cand.place is None and clause.start > sent.start and \
                    _WHERE.match(ctx.folded, clause.start, clause.end):
                _where_before(ctx, sent, clause, cand)
            if part is not None and clause.start > whole.start and len(part.parties) >= 2 \
                    and _SINCE_LEAD.match(ctx.folded, clause.start, clause.end) and \
                    ctx.folded.find("first", part.clause.start, clause.start) >= 0:
                # "their first meeting since their talks in Sochi in May": that one, held,
                # of the same sides (of the same persons for "their")
                cand.status, cand.explicit_status = MeetingStatus.HELD, True
                if len(cand.parties) < 2:
                    cand.parties |= part.parties
                    if ctx.folded.find("their ", clause.start, triggers[0].start) >= 0:
                        cand.participants |= part.participants
                    cand.cls = "primary"
            if has_any(ctx.folded, _SINCE_WORDS, triggers[0].end, clause.end):
                earlier = _first_since(ctx, sent, clause, cand, countries)
                if earlier is not None:
                    # "It was their first meeting since March, when they met in Moscow":
                    # the meeting before, told in the ", when …" clause
                    cands.append(cand)
                    cand, skip_to = earlier[0], earlier[1]
                    cands.append(cand)
                    continue
            if cand.date is None and clause.start > sent.start and _WHEN.match(
                ctx.folded, clause.start, clause.end
            ):
                # "It was their first encounter since January, when Erdogan visited
                # Moscow": the visit was then
                cand.date = _since_before(ctx, sent, clause.start)
                if cand.date is not None and cand.status is MeetingStatus.PLANNED and \
                        ctx.published is not None and cand.date.end < ctx.published:
                    cand.date = _ahead(ctx, cand.date, ctx.published, sent)
            if cands and cands[-1].cls == "again" and cands[-1].sentence == si and \
                    clause.start > sent.start and _WHEN.match(ctx.folded, clause.start,
                                                              clause.end):
                last = cands[-1]
                own = cand.date is not None and cand.date.span is not None and \
                    clause.start <= cand.date.span.start < clause.end
                if not own and last.date is not None:
                    cand.date, cand.weak_date = last.date, last.weak_date
                if dates_overlap(last.date, cand.date) and place_compatible(
                    last.place, cand.place
                ) and not last.extra_dates:
                    # "The two ministers last met in June, when they sat down in Baku with
                    # C": the ", when" clause tells that last meeting (one meeting)
                    if cand.cls == "primary":
                        cands.pop()
                        _absorb(cand, last)
                    else:
                        _absorb(last, cand)
                        continue
            if clause.start > sent.start and (
                (cand.cls == "refer" and len(cand.parties) < 2)
                or (cand.cls == "primary" and cand.date is None)
            ):
                _after_the_news(ctx, sent, clause, cand, countries)
            there = ctx.folded.find(" there", triggers[0].end, triggers[0].end + 24) if (
                cand.place is None and cands and cands[-1].place is not None) else -1
            if there >= 0 and not ctx.folded[there + 6:there + 7].isalpha():
                # "… met in Moscow in May, and the ministers sat down there on June 2": the
                # place told just before
                cand.place, cand.place_rank = cands[-1].place, 4
            if part is not None and cand.cls == "again" and clause.start > whole.start and \
                    _WHOM_HE.match(ctx.folded, clause.start, clause.end):
                # "… with Modi, whom he last received in 2018": the persons of the clause before
                cand.parties |= part.parties
                cand.participants |= part.participants
            elif part is not None and cand.cls == "again" and clause.start > whole.start and \
                    ctx.folded.startswith(", who ", clause.start):
                # "… met Zarif, who last visited Moscow in May": his own visit
                who = ctx.person_before(clause.start, max(whole.start, clause.start - 60))
                country = who and (who.country or countries.get(who.actor))
                if who is not None and country:
                    cand.parties.add(country)
                    cand.participants.add(who.actor)
            part = cand
            if whose is not None:
                # "After his meeting with Putin, Erdogan said …": "his" is the one named next
                country = whose.country or countries.get(whose.actor)
                if country and country not in cand.parties:
                    cand.parties.add(country)
                    cand.participants.add(whose.actor)
                    if len(cand.parties) >= 2 and cand.cls == "refer":
                        cand.cls = "primary"
            if occasion or (cand.cls == "primary" and (_ALSO.search(
                ctx.folded, max(clause.start, triggers[0].start - 16), triggers[0].start
            ) or _OWN.search(
                ctx.folded, max(clause.start, triggers[0].start - 20), triggers[0].start
            ) or (has_any(ctx.folded, _OCCASION_WORDS, clause.start, clause.end)
                  and _OCCASION.search(ctx.folded, clause.start, clause.end)))):
                # "The Turkish leader also met Rouhani", "A and B then talked one on
                # one", "who met his peers on the margins": on the occasion
                # of the meeting told
                cand.occasion = True
            if cand.cls == "primary" and len(cand.parties) >= 3:
                others = _split_calls(ctx, sent, clause, cand, countries)
                if others:
                    # "Merkel spoke by phone with Erdogan on Friday and with Putin": two calls
                    cands.append(cand)
                    cands.extend(others[:-1])
                    cand = others[-1]
            prev = cands[-1] if cands else None
            if (cand.cls == "refer" and prev is not None and prev.sentence == si
                    and len(prev.parties) >= 2 and cand.status is not prev.status
                    and (_SHARED_SUBJECT.match(ctx.folded, clause.start, clause.end)
                         or ctx.folded.startswith(" to ", clause.start))):
                # "A and B talked by telephone on Sunday, and are set to meet next week",
                # "A and B agreed in a call on Friday to meet soon": the second predicate has
                # the subject of the first, and is another meeting
                cand.parties = set(prev.parties)
                cand.participants = cand.participants | prev.participants
                cand.cls = "primary"
            cands.append(cand)
            if cand.host_states and cand.cls == "primary":
                # "the ministers met in Doha on the sidelines of a forum with Qatar and
                # Egypt": that forum too, of the same persons and the states named for it
                cands.append(attrs.evolve(
                    cand, kind=MeetingKind.SUMMIT, parties=cand.parties | cand.host_states,
                    participants=cand.participants | cand.host_people,
                    host_states=frozenset(), host_people=frozenset(),
                    evidence=list(cand.evidence), extra_dates=[],
                    borrowed=True,  # (never one with the meeting on its sidelines)
                ))
    records = _merge(ctx, cands)
    if actors:
        for r in records:
            if not r.participants:
                _holders(ctx, r, actors)
            elif r.kind is MeetingKind.VISIT and len(r.participants) == 1 and \
                    r.place is not None and r.place.country in r.parties and not any(
                        o is not r and o.sentence == r.sentence for o in records):
                _host_named(ctx, r, countries)
    return tuple(_finish(ctx, doc.article.id, i, r) for i, r in enumerate(records, 1))


def _series_states(ctx: EventContext, clause: Span) -> set[str]:
    """The states of the series of talks a clause names: a round held in its city ("a
    new round in Astana", "the Astana round") or the city before "talks", "process"
    or "format" ("the Astana talks")."""
    series = ctx.voc.talks_series
    f = ctx.folded
    if not has_any(f, series, clause.start, clause.end):  # (the cities: the keys)
        return set()  # (most clauses: no city of a series named)
    for p in ctx.places_in(clause):
        states = series.get(p.place.name.lower())  # (canonical names, lower case)
        if states and (f.find("round", clause.start, clause.end) >= 0 or _SERIES_AFTER.match(
                f, p.span.end) or f.startswith(" talks", p.span.end)):
            return set(states)
    return set()


def _host_named(ctx: EventContext, record: _Candidate, countries: dict[str, str]) -> None:
    """ "A flew to the Kremlin on Tuesday …, but went home with no more than assurances from B":
    the one person of the host state that the visit's sentence names (outside what is
    quoted or attributed) received the visitor (asked only of a visit that is the one
    meeting its sentence tells)."""
    sent = ctx.sentences[record.sentence]
    host = record.place.country if record.place is not None else None
    zones = [s.span for s in _speech(ctx, sent)]
    f = ctx.folded
    # (not past a time of another event: "…, days after Putin's aide criticised Ankara")
    ends = [at for w in _AFTER_WORDS if (at := f.find(w, sent.start, sent.end)) >= 0]
    stop = min(ends, default=sent.end)
    found = {m.actor for m in ctx.mentions_in(make_span(sent.start, stop))
             if m.kind == "person" and (m.country or countries.get(m.actor)) == host
             and not within_any(m.span, zones) and not _POSSESSIVE.match(f, m.span.end)
             and not _SPOKESMAN.search(f, max(sent.start, m.span.start - 30), m.span.start)}
    if len(found) == 1:
        record.participants |= found


def _holders(ctx: EventContext, record: _Candidate, actors: Sequence[Actor]) -> None:
    """ "The foreign ministers of Russia, Turkey and Qatar met in Doha": the persons the
    article names with that office, one for each party (none where a party has none or
    several)."""
    f = ctx.folded
    clause = record.clause
    m = _OFFICE_PLURAL.search(f, clause.start, clause.end) if has_any(
        f, _OFFICE_WORDS, clause.start, clause.end) else None
    if m is None:
        return
    office = _OFFICES[m.group(1)]
    found: dict[str, list[str]] = {}
    for a in actors:
        title = (a.title or "").lower()
        if a.country in record.parties and title.replace("defense", "defence") == office:
            found.setdefault(a.country, []).append(a.id)
    if len(found) == len(record.parties) and all(len(v) == 1 for v in found.values()):
        record.participants = {v[0] for v in found.values()}


# --------------------------------------------------------------------------- one clause


def _predicates(
    ctx: EventContext, clause: Span, triggers: list[Hit]
) -> list[tuple[Span, list[Hit]]]:
    """A clause cut before "and agreed to meet …", "and will hold talks …": "A and B spoke
    by phone on Friday and agreed to meet next week" tells a call and a planned meeting
    (the second part has no subject: see _SHARED_SUBJECT); so do "A and B agreed in a call
    on Friday to meet soon", "talks with Modi, whom he last received in 2018" (an earlier
    meeting), "…, and the defence ministers met on Friday" and "… when A visited B"."""
    if len(triggers) < 2:
        return [(clause, triggers)]
    f = ctx.folded
    last = triggers[-1]
    if f.find(" to ", triggers[0].end, last.start) >= 0 and \
            has_any(f, _OUTCOME_WORDS, clause.start, triggers[0].start) and \
            triggers[0].value["class"] in _TALKING and triggers[0].value["kind"] != "visit":
        # "A and B agreed in a phone call on Friday to meet soon", "… at their talks in Doha
        # to hold talks in Ankara": the meeting told, and one to come (the words of
        # agreeing before the first meeting word, "to" and a verb of meeting after it)
        to = _TO_MEET.search(f, triggers[0].end, last.end)
        if to is not None:
            cut = to.start()
            return _split_at(clause, triggers, cut)
    if last.value["class"] == "again" and triggers[0].value["class"] in _TALKING:
        # "A held talks with B, whom he last received in October": the relative clause
        # tells an earlier meeting of the same persons (see _RELATIVE_AGAIN)
        rel = _RELATIVE_AGAIN.search(f, triggers[0].end, last.start)
        if rel is not None:
            cut = rel.start()
            return _split_at(clause, triggers, cut)
    m = _AND_THEN_MEET.search(f, triggers[0].end, clause.end) if has_any(
        f, _AND_WORDS, triggers[0].end, clause.end) else None
    if m is None:
        # "A, B and C held a summit by video link, three months after a meeting planned in
        # Tehran was shelved", "the first summit since Sochi hosted the three leaders in
        # 2019": what follows "after" or "since" is another meeting, told with its own
        # meeting word (a word of talking on each side: not "agreed … after talks"); "A sat
        # down with B, and C received D", "…, and the defence ministers met on Friday": a
        # second subject with its own meeting verb
        at = f.find(", and ", triggers[0].end, clause.end)
        while at >= 0:
            who = at + 6
            if (ctx.mention_starts_at(who, clause.end) or f.startswith("the ", who)) and any(
                t.value["class"] in _TALKING and who < t.start <= who + 64 for t in triggers
            ) and any(t.end <= at and t.value["class"] in _TALKING for t in triggers):
                return _split_at(clause, triggers, at)
            at = f.find(", and ", who, clause.end)
        if not has_any(f, _SEQUENCE_WORDS, triggers[0].end, clause.end):
            return [(clause, triggers)]
        for a in _SEQUENCE.finditer(f, triggers[0].end, clause.end):
            cut = a.start()
            if f.startswith("s", cut) and ctx.overlaps_time_at(cut, cut + 8):
                continue  # ("the first talks since March, when …": see _first_since)
            if any(t.end <= cut and (t.value["class"] in _TALKING if not f.startswith(
                "w", cut) else t.value["class"] == "event") for t in triggers) and any(
                t.start >= cut and t.value["class"] in _TALKING
                # ("a trip since winning a new term on May 7 - and met B": the meeting word
                # after the aside is not the earlier event's)
                and not (f.startswith("s", cut) and _ASIDE_END.search(f, cut, t.start))
                for t in triggers
            ):
                # (before "when", a meeting noun of its own: "sealed at talks in Geneva,
                # and discussed again when A visited B"; not "are due to discuss the truce
                # again when A and B meet", one meeting)
                return _split_at(clause, triggers, cut)
        return [(clause, triggers)]
    parts = _split_at(clause, triggers, m.start())
    return parts if parts[0][1] and parts[1][1] else [(clause, triggers)]


def _split_at(clause: Span, triggers: list[Hit], cut: int) -> list[tuple[Span, list[Hit]]]:
    """A clause cut at ``cut`` in two parts, each with the meeting words it holds."""
    return [(make_span(clause.start, cut), [t for t in triggers if t.end <= cut]),
            (make_span(cut, clause.end), [t for t in triggers if t.start >= cut])]


def _read_clause(
    ctx: EventContext,
    si: int,
    sent: Span,
    clause: Span,
    triggers: list[Hit],
    countries: dict[str, str],
    *,
    alone: bool = False,
    first_part: bool = False,
    doer: Mentioned | None = None,
) -> _Candidate | None:
    """The meeting one clause tells (``alone``: a second part of a clause, "…, days after
    a visit to Ankara", whose meeting is not of the states the sentence names before;
    ``first_part``: a first part, "talks in Geneva, and again when A visited B", whose meeting
    is not of the states named after it; ``doer``: the person the clause's verb has for
    subject, named in the part before, "… and is due in Ankara")."""
    if ctx.has("meeting_denials", clause):
        return None  # "a meeting … was not on the agenda"
    first = triggers[0]
    for b in ctx.hits_in("meeting_blockers", clause):
        if b.start <= first.end and first.start - b.end < 80 and not (
            b.end < first.start and _BLOCKED_AT.search(ctx.folded, b.end, first.start)
        ):
            # "rejected Arafat's bid to visit", "calling for a return to talks": a meeting
            # refused or wished for, not one held or arranged
            return None
    if first.phrase in _MEET_WORDS and _MET_DEMAND.match(ctx.folded, first.end):
        return None  # "Turkey met its obligations", "meeting the deadline": no meeting
    if first.value["class"] == "weak" and _FOUNDED.search(
        ctx.folded, max(clause.start, first.start - 40), first.start
    ) and all(t.value["class"] == "weak" for t in triggers):
        return None  # "will set up a joint commission": a body set up, not a meeting
    if "person" in first.value and any(n.span.start <= first.end + 12 for n in ctx.numbers_in(
        make_span(first.end, first.end + 60)
    )):
        return None  # "Jordan hosts about 650,000 Syrians": a host of people, counted
    if _attacked(ctx, first):
        return None  # "jets bombed a meeting of rebel chiefs": a target, not talks
    classes = {t.value["class"] for t in triggers} if len(triggers) > 1 else \
        {first.value["class"]}
    if classes == {"delegation"}:
        sides = ctx.hits_in("anaphoric_parties", clause)
        if sides and all(any(a.start <= t.start and t.end <= a.end for a in sides)
                         for t in triggers):
            # "130 fighters were killed on both sides": "sides" with no word of meeting
            return None
    c_start, c_end = clause.start, clause.end
    f = ctx.folded
    if "travel" in first.value and all("travel" in t.value for t in triggers) and (
        not (ctx.places_in(clause) or has_any(f, _CAPITAL_WORDS, c_start, c_end))
        or any(_SUBJECT_GAP.fullmatch(f, h.end, first.start) for h in ctx.hits_in(
            "armed_nouns", make_span(max(c_start, first.start - 30), first.start)))
    ):
        # "came to an end", "travel to work": a visit goes somewhere (see below); "more
        # troops have arrived in Kabul", whoever announced it: a journey of troops
        return None
    speech = _speech(ctx, sent)
    speaking = False  # ("Speaking after talks with X, Y said": the talks are the setting)
    stated = c_end  # (where what the speaker of such a clause said starts)
    if speech:  # (most sentences have none)
        speech = [s for s in speech if s.span.start < c_end and c_start < s.span.end]
        for s in speech:
            if s.span.start <= first.start < s.span.end and f.startswith(
                "speaking", s.span.start
            ):
                speaking = True
        said_at = c_end  # (where the verb of a speech holding the meeting word ends)
        if speaking:
            said_at = min((s.span.end for s in speech if s.span.start <= first.start
                           < s.span.end and not f.startswith("speaking", s.span.start)),
                          default=c_end)
            speech = [s for s in speech if not s.span.start <= first.start < s.span.end]
    lead_said = -1  # (where the statement of "After talks in X, A and B said …" starts)
    if speech and not speaking and f.startswith(_LEAD_SETTING_WORDS, c_start):
        lead = _LEAD_SETTING.match(f, c_start, c_end)
        if lead is not None and first.end <= lead.end():
            # "After hours of talks in X, A and B said …", "Meeting in X on Monday, A
            # and B insisted that …": who speaks is who met (the lead introduces the
            # meeting: no determiner), what they said names no side of it
            subject = next(
                (s for s in speech if lead.end() <= s.span.start <= lead.end() + 1), None)
            if subject is not None:
                speech = [s for s in speech if s is not subject]
                lead_said = subject.span.end
    speech_zones = [s.span for s in speech] if speech else []
    for s in speech:
        if s.span.start >= first.end and s.span.end < c_end and \
                _AND_SAID.match(f, s.span.start, s.span.end):
            # "A met B in Sochi and said Iran must leave Syria", "…, and told him Israel
            # would not accept …": what the one who met said names no side of the meeting
            speech_zones.append(make_span(s.span.end, c_end))
    if lead_said > 0:
        # (", while C pleaded for …": the statement ends where a contrast opens)
        contrast = f.find(", while ", lead_said, c_end)
        speech_zones.append(make_span(lead_said, contrast if contrast > 0 else c_end))
        stated = lead_said
        triggers = [t for t in triggers if t.start < stated]
        classes = {t.value["class"] for t in triggers}
    if speaking:
        # "Speaking after the meeting, Lavrov said Moscow would keep its word", "X, speaking
        # after talks with Y, said …": what he said names no side of the meeting (the
        # speaker is read below)
        verbs = [z.end for z in speech_zones if z.start > first.end]
        said_at = min(verbs[0] if verbs else c_end, said_at)
        if said_at < c_end:
            speech_zones.append(make_span(said_at, c_end))
            stated = said_at
            # (nor is a meeting it names one of this clause: "said Iran would host the
            # next summit")
            triggers = [t for t in triggers if t.start < stated]
            classes = {t.value["class"] for t in triggers}
    topic = ctx.topic_zones(clause)
    if topic:
        # ("on the sidelines of …" says where, not what about)
        topic = [_topic_before_relative(f, z) for z in topic
                 if not f.startswith("on the sidelines", z.start)]
        if f.find(" between ", c_start, c_end) >= 0:
            topic = [_relation_between(ctx, z, c_end) for z in topic]
    roles: list[tuple[Span, str]] | None = None  # (read on the first person named)
    aides: bool | None = None  # (whether the clause holds a word of _AIDE_TO: likewise)
    excluded = speech_zones + topic if speech_zones else topic
    said_after = _attribution_after_quote(f, sent, first.start, speech) if speech else None
    if said_after is not None:
        # '"We will meet again in Ankara," Cavusoglu told a news conference alongside his
        # Hungarian counterpart': who stood by the speaker has no part in the meeting
        excluded = [*excluded, said_after]
    quoted = _quotations(f, c_start, c_end, triggers)
    if quoted:
        # '"We agreed to coordinate the forces of Russia and Turkey," Putin told reporters
        # after the meeting': what a quotation names is what is said, not who met
        excluded = [*excluded, *quoted]
    h = ctx.headline  # (ctx.in_headline, inlined)
    headline = h is not None and h.start < c_end and c_start < h.end
    brackets = ctx.brackets_over(clause)  # (for in_brackets: most clauses have none)

    # -- parties and participants
    parties: set[str] = set()
    participants: set[str] = set()
    role_people: set[str] = set()
    # (the mentions' raw facts: what a sponsor or place word says of one is read only
    # for the states that would add a party)
    raws = ctx.raw_mentions
    mentions = ctx.mention_indices_in(clause)
    states: list[int] = []  # (the state mentions, read after the persons: see below)
    hosting = _host_zone(ctx, clause, first) if has_any(
        f, _SIDELINES_WORDS, first.end, c_end) else None
    host = hosting[0] if hosting is not None else None
    host_states: set[str] = set()
    host_people: set[str] = set()
    if doer is not None:
        country = doer.country or countries.get(doer.actor)
        if country:
            participants.add(doer.actor)
            parties.add(country)
    for i in mentions:
        sp, actor, m_kind, country, role_kind = raws[i]
        if host is not None and host.start <= sp.start < host.end and country is not None \
                and m_kind in ("person", "state"):
            host_states.add(country)  # ("on the sidelines of a forum with Qatar")
            if m_kind == "person":
                host_people.add(actor)
            continue
        if m_kind == "person":
            if brackets and in_any_bracket(brackets, sp.start, sp.end):
                continue
            if _POSSESSIVE.match(f, sp.end):
                if any(sp.end < o.start <= sp.end + 24 and not any(
                    sp.end <= t.start < o.start for t in triggers) for o in ctx.offices
                ):
                    # "Putin's special envoy Lavrentiev", "Putin's envoy met Assad": the
                    # envoy takes part, for Putin's state
                    country = country or countries.get(actor)
                    if country and not (excluded and within_any(sp, excluded)):
                        parties.add(country)
                    continue
                if not any(0 <= t.start - sp.end <= 30 for t in triggers) and not any(
                    0 <= t.start - sp.end <= 60 and _BLOCKED_AT.search(f, sp.end, t.start)
                    for t in triggers
                ):
                    # "welcomed Putin's decision": a thing of his (but in "Putin's talks
                    # with …" Putin takes part, and in "turned down Erdogan's plea for a truce
                    # at the summit" Erdogan was there)
                    continue
            if aides is None:
                aides = has_any(f, _AIDE_WORDS, c_start, c_end)  # (read once a clause)
            if aides and _AIDE_TO.search(ctx.text, max(c_start, sp.start - 50), sp.start):
                continue  # "Ansari, an adviser to Foreign Minister Zarif": Ansari takes part
            country = country or countries.get(actor)
            if roles is None:
                roles = ctx.role_zones(clause)
            for zone, cue in roles:
                if zone.contains(sp) and (
                    cue.startswith("counterpart") or not within_any(sp, speech_zones)
                ) and not (said_after is not None and said_after.contains(sp)) and not (
                    topic and within_any(sp, topic)  # ("a thaw between A and B")
                ):
                    role_people.add(actor)
            if excluded and within_any(sp, excluded):
                continue
            if speech_zones and f.startswith(",", sp.end) and any(
                0 < z.start - sp.end <= 2 and _APPOSITIVE.match(f, z.start)
                and f.find(",", z.start, z.end) > 0 for z in speech_zones
            ):
                # "Yuri Ushakov, the Kremlin's aide, told journalists": the speaker (not
                # "sat down with Macron, the Kremlin said")
                continue
            participants.add(actor)
            if country:
                parties.add(country)
        elif m_kind == "state" and country:
            states.append(i)
    if f.find(", who ", c_start, c_end) >= 0:
        # "Onal, the deputy minister, who headed the Turkish team, said on Monday":
        # the person before the relative clause headed one side (even when speaking)
        for led in _WHO_LED.finditer(f, c_start, c_end):
            head = ctx.person_before(led.start(), max(c_start, led.start() - 120))
            if head is not None:
                role_people.add(head.actor)
    # "while Onal led the Turkish team": the person right before; "Heading the Russian side
    # was Vershinin": the person right after (searched where a delegation word is: the
    # pattern's first letters are common ones, at which the regex engine would stop)
    for led in _LED_TEAM.finditer(f, c_start, c_end) if "delegation" in classes else ():
        if led.group(1) is None:
            head = ctx.person_before(led.start(), max(c_start, led.start() - 60))
            if head is not None and led.start() - head.span.end > 2:
                head = None  # (right before the verb only)
        else:
            head = next((m for m in ctx.mentions_in(make_span(led.end(), led.end() + 60))
                         if m.kind == "person"), None)
            if head is not None and not _NAME_GAP.fullmatch(f, led.end(), head.span.start):
                head = None
        if head is not None:
            role_people.add(head.actor)
    for i in mentions if role_people else ():
        # a person tied by "led by" or "counterpart" gives the state, unless only speaking
        sp, actor, _, country, _ = raws[i]
        if actor in role_people and not within_any(sp, speech_zones):
            c = country or countries.get(actor)
            if c:
                parties.add(c)
    # A state mention gives its state unless the grammar says it names a place, a sponsor,
    # a venue or a currency. All the tests are pure and the parties a set, so a mention
    # whose state is a party already (most often by the person named after it: "Turkish
    # President Erdogan") is not tested at all: the states are read after the persons.
    rubric_end = -1  # (the end of a headline's rubric, "Syria war: …")
    if headline and states and h is not None:
        rub = _RUBRIC.match(f, max(c_start, h.start), min(c_end, h.end))
        rubric_end = rub.end() if rub is not None else -1
    rubric: set[str] = set()
    topical: list[str] = []
    # ", who urged Russia to …": a relative clause tells of a person, not of the meeting
    aside = f.find(", who ", first.end, c_end) if states else -1
    if states and aside < 0:
        # "… to a border town near Hama, where Iran has advisers": a relative clause on a
        # place tells of the place (not where a meeting word follows: ", where he met B")
        aside = f.find(" where ", first.end, c_end)
        if aside >= 0 and (not (f.startswith(",", aside - 1) or f.startswith(", and", aside - 5))
                           or any(t.start > aside for t in triggers)):
            aside = -1  # (the triggers read only where " where " is found: most clauses lack it)
    # ", hoping to halt a Syrian offensive": the aim of the journey or talks, not a side
    purpose: int | None = None  # (looked for on the first state that would add a party)
    for i in states:
        sp, _, _, country, role_kind = raws[i]
        if not country or country in parties:
            continue
        if purpose is None:
            purpose = _purpose_start(f, first.end, c_end)
            # "… came a week after rebels seized a town": the event that
            # dates the meeting is no side of it (no meeting word after "after")
            other = _other_event(f, triggers[-1].end, c_end)
            if 0 <= other < purpose or purpose < 0:
                purpose = other
        if 0 <= aside < sp.start or 0 <= purpose < sp.start:
            continue
        if sp.end <= rubric_end:
            rubric.add(country)  # the section the story is filed under: read below
            continue
        # (the cheapest tests first; what a sponsor or place word says of the mention is
        # read last, only for a mention the grammar keeps: building it reads the words
        # around it)
        if (brackets and in_any_bracket(brackets, sp.start, sp.end)) or (
            excluded and within_any(sp, excluded)
        ):
            continue
        if role_kind == "capital" and (_venue(ctx, sp, triggers) or _NAMED_CAPITAL.search(
            f, max(c_start, sp.start - 10), sp.start
        )):
            # "the Moscow talks", "Astana talks", "in the Qatari capital, Doha": where,
            # not who
            continue
        if role_kind == "state" and f.startswith(" ", sp.end) and any(
            t.start == sp.end + 1 for t in triggers
        ) and _venue(ctx, sp, triggers):
            # "Putin, Erdogan and Rouhani hold Syria summit": what about, where two sides
            # are named besides (in "Russia-Turkey talks" the states joined are the sides)
            topical.append(country)
            continue
        if (role_kind == "nationality" or role_kind == "demonym") and not _names_actor(
            ctx, sp, triggers, clause
        ):
            continue  # "the Turkish lira", "Russian shares": no party
        if ctx.offices and ctx.in_office(sp) and not _office_prefix(ctx, sp):
            continue
        m = ctx.mention_at(i)
        if m.locative or (m.backer and not f.startswith(" led by ", sp.end)):
            continue  # (in "a delegation from Iran led by X" Iran is no sponsor)
        if role_kind == "state" and f.endswith(_FOR_ON, max(c_start, sp.start - 8), sp.start) \
                and _ENVOY_FOR.search(f, max(c_start, sp.start - 30), sp.start):
            continue  # "the UN special envoy for Libya": the envoy's brief
        if role_kind == "state" and f.startswith(", ", sp.start - 2) and any(
            p.span.end == sp.start - 2 and p.country == country and not p.is_country
            for p in ctx.places_in(make_span(max(0, sp.start - 40), sp.start))
        ):
            continue  # "in Geneva, Switzerland": the country of the town named
        parties.add(country)
    if rubric and len(parties) < 2:
        parties |= rubric  # "Russia, Turkey: talks set for March": the rubric names them
    if topical and len(parties) < 2:
        parties.update(topical)  # ("Iran talks" with no other side named: Iran's)
    if len(parties) < 2 and has_any(f, _SEAT_LEADER, c_start, c_end):
        # "the Kremlin chief will fly to Baku": the seat of a government names its state
        parties |= {p.country for p in ctx.places_in(clause)
                    if p.country and p.place.kind is PlaceKind.OTHER
                    and f.startswith(_SEAT_LEADER, p.span.end)}
    if _HEAD_WORD.search(f, c_start, c_end):
        # "the Kremlin leader arrived …", "the Turkish president met …": the person of that
        # state and office the story named before
        for hm in _THE_HEAD.finditer(f, c_start, c_end):
            if excluded and within_any(make_span(hm.start(), hm.end()), excluded):
                continue
            who = _described(ctx, hm)
            if who is not None:
                participants.add(who[0])
                parties.add(who[1])
    if len(parties) < 2:
        # "a ninth round of negotiations held in the Kazakh capital", "a fresh round of Astana
        # talks": a round of a series whose states are known (data: talks_series)
        parties |= _series_states(ctx, clause)

    they_date: TimeValue | None = None  # (the day of the sentence "they" refer back to)
    if len(parties) < 2:
        # "the memorandum that Putin and Erdogan signed when they met in Sochi": "they" are
        # the persons named before in the sentence, whatever the clause they stand in
        they = _THEY_MET.search(ctx.folded, max(c_start, triggers[0].start - 40),
                                triggers[0].end)
        near = max(sent.start, first.start - 30)
        their = None if they is not None or f.find("their", near, first.start) < 0 else \
            _THEIR.search(f, near, first.start)
        if they is not None or their is not None:
            # ("At their meeting in Doha on Friday, Lavrov and Zarif agreed …": the persons
            # of the sentence, wherever they stand)
            named = [m for m in ctx.mentions_in(
                make_span(sent.start, they.start()) if they is not None else sent
            ) if m.kind == "person" and not within_any(m.span, speech_zones)]
            found = {c for m in named if (c := m.country or countries.get(m.actor))}
            if len(found | parties) < 2 and not named and si > 0:
                # "Cavusoglu criticised Lavrov on Monday over … . The pair then spoke for
                # an hour": the persons the sentence before names, on its day
                found, named, they_date = _persons_before(ctx, si, countries)
            if len(found | parties) >= 2:
                parties |= found
                participants |= {m.actor for m in named}
    if speech:
        # "Erdogan said he would travel to Moscow to meet Putin": the speaker is the "he"
        # who goes to the meeting (the attribution is left out above)
        speaker = _speaker_subject(ctx, speech, triggers, clause)
        if speaker is None and (speaking or _SETTING.search(
            f, max(c_start, first.start - 24), first.start
        )):
            # "Erdogan told Putin in a phone call that …", "Lavrov said during talks with
            # Zarif …", "Speaking after talks with Erdogan, Putin said": the speaker spoke
            # at the meeting, or after it
            said = ([z for z in speech if z.span.start >= first.end] if speaking else
                    [z for z in speech if z.span.end <= first.start][-1:]) or speech[-1:]
            speaker = ctx.person_before(said[0].span.end, said[0].span.start)
        if speaker is not None:
            country = speaker.country or countries.get(speaker.actor)
            if country:
                parties.add(country)
                participants.add(speaker.actor)
    if len(parties) == 1:
        # "On Friday, he spoke with Russian President Putin by telephone": "he" is the
        # person the sentence before ended on talking about; in a later clause ("Lavrov
        # flew to Antalya, where he met Cavusoglu"), the one named before it
        pronoun = _PRONOUN.search(ctx.folded, clause.start, triggers[0].start)
        if pronoun is not None and not within_any(make_span(pronoun.start(), pronoun.end()),
                                                  excluded):
            prior = ctx.person_before(clause.start, sent.start) if (
                clause.start > sent.start) else None
            if prior is None:
                prior = ctx.person_before(sent.start, max(0, sent.start - 400))
            country = prior and (prior.country or countries.get(prior.actor))
            if prior is not None and country and country not in parties:
                parties.add(country)
                participants.add(prior.actor)

    # (the first trigger's flags are read first: most clauses hold none of these words)
    if "person" in first.value and all("person" in t.value for t in triggers) and (
        not participants or any(
            t.value.get("object") and not _receives_someone(ctx, t, clause) for t in triggers)
    ):
        # "a country that hosts 3.6 million Syrians": a host of persons only; "Erdogan
        # received a letter from Putin": a visitor received, not a thing
        return None
    travel = "travel" in first.value and all("travel" in t.value for t in triggers)
    if travel and not participants and not any(
        w in _ENVOYS for w in _LETTERS.findall(f, c_start, c_end)
    ):
        # "refugees travel to Europe", "Turkish troops headed to Idlib": a journey is a
        # visit of a person, officials or a delegation
        return None

    # -- kind, status
    if len(triggers) == 1:  # (most clauses: the one trigger is the main one and its kind)
        main = triggers[0]
        kind = _meeting_kind(main.value["kind"])
    else:
        main = _main_trigger(
            ([t for t in triggers if not within_any(t.span, topic)] or triggers)
            if topic else triggers
        )
        best: MeetingKind | None = None  # the highest-ranked kind of a trigger not a
        for t in triggers:  # delegation, the first one of it wins
            if t.value["class"] != "delegation":
                k = _meeting_kind(t.value["kind"])
                if best is None or _KIND_ORDER[k._value_] > _KIND_ORDER[best._value_]:
                    best = k
        kind = best if best is not None else _meeting_kind(main.value["kind"])
        call = next((t for t in triggers if t.value["kind"] == "phone_call"
                     and t.value["class"] == "event" and t is not main
                     and _A_BEFORE.search(f, max(c_start, t.start - 3), t.start)), None)
        if call is not None:
            # "The visit was agreed in a telephone call between the leaders last Friday":
            # the call is told, the visit referred to
            main, kind = call, MeetingKind.PHONE_CALL
    told_at = -1  # ("X told Y during a meeting on Monday that …": the telling's verb)
    if speech and stated == c_end and f.find(" that ", main.end, c_end) > 0:
        teller = next((z for z in speech if z.span.end <= first.start), None)
        if teller is not None and _SETTING.search(f, max(c_start, first.start - 24),
                                                  first.start):
            # what was told at the meeting ("… that Turkey would not withdraw") says
            # nothing of the meeting's status
            stated, told_at = f.find(" that ", main.end, c_end), teller.span.end
    status, explicit = _status(ctx, clause if stated == c_end else make_span(c_start, stated),
                               main, headline)
    if status is None and told_at > 0 and _PAST_SAID.search(f, told_at - 8, told_at):
        status, explicit = MeetingStatus.HELD, True  # (told then, at the meeting)
    if status is not MeetingStatus.CANCELLED and c_end < sent.end and \
            f.startswith(_BUT_WORDS, c_end) and any(
                h.value == "cancelled" and _BUT_THEN.fullmatch(f, c_end, h.start)
                for h in ctx.hits_in("meeting_status", make_span(c_end, sent.end))):
        # "talks were due on Friday but were postponed" (the clause cut before "but"): the
        # meeting was called off
        status, explicit = MeetingStatus.CANCELLED, True

    # -- place
    place_ref, rank = _place(ctx, clause, triggers, excluded, brackets)
    place = place_ref.place if place_ref else None
    if place is None and has_any(f, _CAPITAL_WORDS, c_start, c_end):
        place = _capital_of(ctx, clause)  # "is due to take place in the Kazakh capital"
        rank = 2 if place is not None else rank
    if travel and place is None:
        return None  # "astronauts who travelled to the station": a visit goes somewhere
    if place_ref is not None and len(parties) == 1 and rank <= 3 and place_ref.country:
        parties.add(place_ref.country)

    # -- date
    clause_times = ctx.times_in(clause)  # (read once: the date and the class read them)
    if lead_said > 0 and clause_times:
        clause_times = [t for t in clause_times if t.span.start < lead_said]  # (what was said)
    if clause_times and (speech or has_any(f, _AFTER_WORDS, c_start, main.start)):
        clause_times = _meeting_times(ctx, clause_times, main, speech)
    date, weak, second = _date(ctx, clause, sent, main, excluded, speech, status, clause_times)
    if date is None and they_date is not None and status is not MeetingStatus.PLANNED:
        date, weak = they_date, False  # (a meeting to come is not dated by what was told)
    if status is MeetingStatus.PLANNED and date is not None and ctx.published is not None \
            and date.end < ctx.published and date.span is not None:
        date = _ahead(ctx, date, ctx.published, sent)  # ("is on Monday, when A flies to B")
    elif date is not None and ctx.published is not None and date.start > ctx.published \
            and date.span is not None and (
                (explicit and status is MeetingStatus.HELD) or _SINCE_LEAD.match(f, c_start, c_end)
            ):  # (the date tested first: most clauses have none after the publication day)
        # ("discussed the plan on Tuesday"; "their first meeting since A's visit to Moscow
        # in April", told in a sentence of a meeting to come)
        date = _behind(ctx, date, ctx.published)
    pub = ctx.published
    if status is MeetingStatus.HELD and explicit and pub is not None and date is not None \
            and date.start == date.end == pub and not weak and any(
                h.phrase.startswith("arriv") for h in ctx.hits_in("meeting_status", clause)):
        status = MeetingStatus.ONGOING  # "arrived in Ankara today for talks": under way
    if status is None and (date is None or weak):
        status = MeetingStatus.HELD  # news tells what happened unless it says otherwise
    if status is None and date is not None and pub is not None and not weak:
        if date.end < pub:
            status = MeetingStatus.HELD
        elif date.start > pub:
            status = MeetingStatus.PLANNED

    # -- class
    if (classes == {"participation"} or (
        "participation" in classes and not classes & {"continuation"} and (
            "event" not in classes or _objects_of_participation(triggers))
    )) and _takes_part_in_meeting(ctx, triggers, clause):
        cls = "participation"
    elif "continuation" in classes and not (
        explicit and status in (MeetingStatus.HELD, MeetingStatus.ONGOING)
    ) and not (
        # "the meeting had been postponed, and officials would keep talking": the meeting
        # told before was called off (the talking goes on, no meeting is planned)
        status is MeetingStatus.CANCELLED and main.value["class"] == "event" and any(
            t.value["class"] == "continuation" and t.start > main.end for t in triggers)
    ):
        cls = "continuation"
        cont = next(t for t in triggers if t.value["class"] == "continuation")
        own = [t for t in ctx.times_in(make_span(cont.start, clause.end))
               if not any(t in s.times for s in speech)]
        if own and isinstance(own[0].value, TimeValue):
            date = own[0].value
            if pub is not None and date.end < pub and date.span is not None and \
                    status is not MeetingStatus.CANCELLED:
                date = _ahead(ctx, date, pub, sent)  # ("the next round, set for May 2")
        elif not (date is not None and not weak and date.span is not None
                  and triggers[0].end <= date.span.start < cont.start):
            # ("are to meet on Wednesday for another round of talks": the meeting's day is
            # the one told before the words of a new round)
            date = None
        weak = False
        if status is not MeetingStatus.CANCELLED:
            status = MeetingStatus.PLANNED
    elif len(parties) >= 2 and (
        classes & {"event", "weak"} or ("delegation" in classes and ctx.has("movement", clause))
    ):
        cls = "primary"
    else:
        cls = "refer"
    definite: bool | None = None  # (whether the main trigger refers back: read once)
    own_times = clause_times
    if own_times and any(s.times for s in speech):
        own_times = [t for t in own_times if not any(t in s.times for s in speech)]
    extra_dates: list[TimeValue] = [second] if second is not None else []
    if cls == "refer" and "continuation" in classes and own_times and len(parties) < 2:
        # "Another round took place in Moscow on February 17-18": one more meeting of
        # the series told, held
        cls = "again"
    elif "again" in classes and own_times:
        cls = "again"  # "they last spoke on February 12"
        days = [t.value for t in own_times if isinstance(t.value, TimeValue)
                and t.value.precision.value == "day" and not t.value.interval]
        if len(days) >= 2:
            # "the two previous rounds, held in Ankara on February 8 and February 10"
            date, weak, extra_dates = days[0], False, days[1:]
    elif cls == "refer" and ctx.has("anaphoric_parties", clause) and (
        ctx.has("soon", clause) or own_times
    ) and not (definite := ctx.is_definite(main, clause.start)):
        # "military officials from the two countries would meet in the coming days"
        cls = "inherit"
    elif cls == "refer" and not alone and main.value["class"] == "event" and _indefinite(
        ctx, main, clause
    ):
        # "a three-way summit in Tehran, where Putin and Rouhani …": read the sentence
        whole = _sentence_parties(ctx, make_span(sent.start, c_end) if first_part else sent,
                                  countries)
        if len(whole[0]) >= 2:
            parties, participants, cls = whole[0], participants | whole[1], "primary"

    if main.value["class"] != "event":
        definite = False  # (otherwise read by _definite, if asked: left None)
    duration = _duration(ctx, clause)
    # (both are the sentence's: read once for all its clauses)
    key = ("meetings.outcome", sent.start, sent.end)
    told = ctx.memo.get(key)
    if told is None:
        told = ctx.memo[key] = (
            _outcome(ctx, sent), next((s.claimant for s in _speech(ctx, sent) if s.claimant), None)
        )
    outcome, reported = told
    # (positional, in the order of the fields: twenty keywords cost more than the rest of
    # building it)
    read = _Candidate(
        clause, si, cls, kind, status, explicit, parties, participants, role_people, place,
        rank, date, weak, duration, outcome, reported, [clause], definite, extra_dates, main,
    )
    if host_states - parties and hosting is not None and hosting[1]:
        read.host_states = frozenset(host_states - parties)
        read.host_people = frozenset(host_people)
        assert host is not None
        own_kinds = [_meeting_kind(t.value["kind"]) for t in triggers
                     if t.end <= host.start and t.value["class"] != "delegation"]
        if own_kinds:  # ("held talks on the sidelines of a summit": talks)
            read.kind = max(own_kinds, key=lambda k: _KIND_ORDER[k._value_])
    return read


def _ahead(ctx: EventContext, date: TimeValue, pub: dt.date, sent: Span) -> TimeValue:
    """A weekday alone ("on Thursday") read as the last one, for a meeting still to come:
    the next one (a month or day with no year, "set for October 22", the next year's),
    unless a verb in the past tells it ("all eyes are on Monday, when A
    flies to Ankara": the reading of a bare weekday follows the verb nearest it, which may
    be another's)."""
    span = date.span
    assert span is not None
    words = _LETTERS.findall(ctx.folded, span.start, span.end)
    if _month_no_year(ctx.folded, span, words):
        # "the next round is set for October 22" in an article of March: next October
        if any(w in ("last", "past", "previous", "this") for w in words) or detect_tense(
            ctx.text, span.start, span.end, sent
        ) is Tense.PAST:
            return date
        return _years_on(date, 1)
    if date.interval or not words or words[-1] not in _WEEKDAYS or (pub - date.end).days > 6 \
            or any(w in ("last", "past", "previous") for w in words) \
            or detect_tense(ctx.text, span.start, span.end, sent) is Tense.PAST:
        return date
    return attrs.evolve(date, start=date.start + dt.timedelta(days=7),
                        end=date.end + dt.timedelta(days=7))


def _behind(ctx: EventContext, date: TimeValue, pub: dt.date) -> TimeValue:
    """A weekday alone read as the next one ("discussed the new plan with B on Tuesday":
    a word of planning near it), or a month with no year read as the next year's, for a
    meeting told as held: the last one."""
    span = date.span
    assert span is not None
    words = _LETTERS.findall(ctx.folded, span.start, span.end)
    if _month_no_year(ctx.folded, span, words):
        if any(w in ("next", "coming") for w in words):
            return date
        return _years_on(date, -1)
    if date.interval or not words or words[-1] not in _WEEKDAYS or \
            (date.start - pub).days > 6 or any(w in ("next", "coming") for w in words):
        return date
    return attrs.evolve(date, start=date.start - dt.timedelta(days=7),
                        end=date.end - dt.timedelta(days=7))


def _month_no_year(f: str, span: Span, words: list[str]) -> bool:
    """Whether a date names a month and no year ("October 22"; ``words``: its words)."""
    return any(w in _MONTHS for w in words) and not _YEAR_IN.search(f, span.start, span.end)


def _years_on(date: TimeValue, years: int) -> TimeValue:
    """A date moved by whole years (as it is where that makes no day: February 29)."""
    try:
        return attrs.evolve(date, start=date.start.replace(year=date.start.year + years),
                            end=date.end.replace(year=date.end.year + years))
    except ValueError:
        return date


def _host_zone(ctx: EventContext, clause: Span, first: Hit) -> tuple[Span, bool] | None:
    """What names the event on whose sidelines the clause's meeting was ("on the sidelines
    of a forum with Qatar and Egypt": from "of" to the next comma or the clause end), and
    whether it is a meeting (a meeting word right after "sidelines of"); ``None`` where
    the clause has none). An apposition describing that event goes with it ("… of the
    forum, a three-day meeting hosted by Uzbekistan's president")."""
    f = ctx.folded
    m = _SIDELINES.search(f, first.end, clause.end)
    if m is None:
        return None
    stop = f.find(",", m.end(), clause.end)
    if stop >= 0 and _APPOSITIVE.match(f, stop + 1):
        stop = f.find(",", stop + 1, clause.end)
    return make_span(m.end(), stop if stop >= 0 else clause.end), any(
        0 <= h.start - m.end() <= 30 for h in ctx.hits_in("meeting_triggers", clause))


def _attacked(ctx: EventContext, trigger: Hit) -> bool:
    """Whether a meeting word is what an attack told right before it hit ("an air strike
    on a meeting of commanders", "bombed a gathering of militants")."""
    hits = ctx.hits["incident_triggers"].between(trigger.start - 40, trigger.start)
    return bool(hits) and _ATTACKED.fullmatch(ctx.folded, hits[-1].end, trigger.start) is not None


def _after_the_news(
    ctx: EventContext, sent: Span, clause: Span, cand: _Candidate, countries: dict[str, str]
) -> None:
    """ "A and B agreed on Wednesday to …, after talks in the Kremlin": a clause telling new
    talks ("after talks", "following a meeting": not "after the talks", told before) as
    the occasion of what the sentence says before it is the meeting of the persons and
    states it names, on its day (``cand`` becomes that meeting)."""
    f = ctx.folded
    m = _AFTER_TALKS.match(f, clause.start, clause.end)
    main = cand.main
    if m is None or main is None or main.start - m.end() > 30:
        return
    if m.group(1) is not None and m.group(1).strip() in ctx.voc.definite:
        return
    if ctx.hits_in("meeting_triggers", make_span(sent.start, clause.start)):
        return  # ("held a summit, after a meeting planned in Tehran was shelved": another)
    speech = _speech(ctx, sent)
    if cand.cls == "refer":
        skip = [s.span for s in speech] + ctx.topic_zones(make_span(sent.start, clause.start))
        parties, people = _people(ctx, sent.start, clause.start, countries, skip)
        if len(parties | cand.parties) < 2:
            return
        cand.parties |= parties
        cand.participants |= people
        cand.cls = "primary"
    if cand.date is None:
        for t in ctx.times_in(make_span(sent.start, clause.start)):
            if isinstance(t.value, TimeValue) and not any(t in s.times for s in speech):
                cand.date, cand.weak_date = t.value, False
                break


def _first_since(
    ctx: EventContext, sent: Span, clause: Span, cand: _Candidate, countries: dict[str, str]
) -> tuple[_Candidate, int] | None:
    """ "the first meeting between A and B since March 2020, when they agreed in Moscow on a
    ceasefire": A and B met then (there). Returns that earlier meeting and the end of the
    words it was read from (the ", when …" clause); ``None`` where the clause is not so.
    The time after "since" no longer dates ``cand``."""
    f = ctx.folded
    main = cand.main
    if main is None:
        return None
    since = next((t for t in ctx.times_in(make_span(main.end, clause.end))
                  if f.startswith("since ", t.span.start) and isinstance(t.value, TimeValue)
                  and t.span.start - main.end < 80), None)
    if since is None or f.find("first", max(clause.start, main.start - 40),
                               since.span.start) < 0:
        return None  # ("the first meeting since …", "the talks were the first since …")
    assert isinstance(since.value, TimeValue)
    day = _point_of(ctx.text[since.span.start + 6:since.span.end], since.value)
    if day is None:
        return None
    if cand.date is since.value:
        # ("his first visit to Turkey since 2018 next month": the other time of the clause)
        cand.date = next((t.value for t in ctx.times_in(clause) if t is not since
                          and isinstance(t.value, TimeValue)), None)
    earlier = attrs.evolve(
        cand, cls="again", status=MeetingStatus.HELD, explicit_status=True, date=day,
        weak_date=False, place=None, place_rank=9, parties=set(cand.parties),
        participants=set(cand.participants), role_participants=set(),
        evidence=[make_span(clause.start, sent.end)], extra_dates=[], occasion=False,
        clause=make_span(clause.start, sent.end),
    )
    end = since.span.end
    when = _WHEN.match(f, end, sent.end)
    if when is None:
        return earlier, end
    # (the persons of the clause: the states it names are often what was agreed, "a
    # ceasefire that halted a Syrian offensive"; "they" are read in _merge)
    speech = [s.span for s in _speech(ctx, sent)]
    for m in ctx.mentions_in(make_span(when.end(), sent.end)):
        country = m.country or countries.get(m.actor)
        if m.kind == "person" and country and not within_any(m.span, speech):
            earlier.parties.add(country)
            earlier.participants.add(m.actor)
    for p in ctx.places_in(make_span(when.end(), sent.end)):
        if _MOVE_TO.search(f, max(when.end(), p.span.start - 30), p.span.start):
            earlier.place, earlier.place_rank = p.place, 3
            if p.country and f.startswith("to ", p.span.start - 3):
                earlier.parties.add(p.country)  # "when A and B travelled to Ankara": its host
            break
    return earlier, when.end()


def _speech(ctx: EventContext, sent: Span) -> list[Speech]:
    """The attributions of a sentence (``ctx.speech``), less the meeting told before a
    shared subject's verb or in a relative clause on the speaker: in "Lavrov held talks in
    Ankara on Monday and said Moscow would help" the attribution is "and said", in "Fidan,
    who met Lavrov on Monday, told reporters" it is "told reporters" (read once a
    sentence)."""
    key = ("meetings.speech", sent.start)
    found: list[Speech] | None = ctx.memo.get(key)
    if found is not None:
        return found
    found = ctx.speech(sent)
    if found:
        f = ctx.folded
        out = []
        for s in found:
            sp = s.span
            at = f.rfind(" and ", sp.start, sp.end)
            if at > sp.start and sp.end - at <= 30 and ctx.hits_in(
                "meeting_triggers", make_span(sp.start, at)
            ):
                cut = make_span(at + 1, sp.end)
                s = Speech(cut, s.claimant, tuple(t for t in s.times if t.span.start > at))
            else:
                # "Fidan, who saw Lavrov at a dinner on Monday, said on Tuesday":
                # the relative clause tells a meeting, the attribution is what follows it
                who = f.find(", who ", max(0, sp.start - 2), sp.end)
                end = f.rfind(",", who + 6, sp.end) if who >= 0 else -1
                if end > 0 and ctx.hits_in("meeting_triggers", make_span(who, end)):
                    s = Speech(make_span(end + 1, sp.end), s.claimant,
                               tuple(t for t in s.times if t.span.start > end))
            out.append(s)
        found = out
    ctx.memo[key] = found
    return found


def _persons_before(
    ctx: EventContext, si: int, countries: dict[str, str]
) -> tuple[set[str], list[Mentioned], TimeValue | None]:
    """The states and persons (two states at least, or none) that the sentence before the
    ``si``-th names outside what it quotes, and its first time not quoted: whom "the two
    leaders" or "they" opening a sentence stand for, and when."""
    prev = ctx.sentences[si - 1]
    speech = _speech(ctx, prev)
    zones = [s.span for s in speech]
    named = [m for m in ctx.mentions_in(prev)
             if m.kind == "person" and not within_any(m.span, zones)]
    found = {c for m in named if (c := m.country or countries.get(m.actor))}
    if len(found) < 2:
        return set(), [], None
    then = next((t.value for t in ctx.times_in(prev) if isinstance(t.value, TimeValue)
                 and not within_any(t.span, zones)), None)
    return found, named, then


def _since_before(ctx: EventContext, sent: Span, pos: int) -> TimeValue | None:
    """The time written right before ``pos`` (where a ", when …" clause opens): "the first
    … since January" at the precision the words give, "on Thursday, when …"; ``None``
    if none is."""
    f = ctx.folded
    for t in ctx.times_in(make_span(sent.start, pos)):
        if t.span.end < pos - 1 or not isinstance(t.value, TimeValue):
            continue
        if not f.startswith("since ", t.span.start):
            # "All eyes are on Monday, when Lavrov flies to Ankara for talks":
            # the time the clause is told of
            return t.value
        if f.find("first", sent.start, t.span.start) >= 0:
            return _point_of(ctx.text[t.span.start + 6:t.span.end], t.value)
    return None


def _point_of(words: str, value: TimeValue) -> TimeValue | None:
    """The time that "since <words>" starts from, at the precision the words give
    ("since March 2020": March 2020, "since September 17": that day, "since 2015")."""
    if value.interval is False:
        return value
    start = value.start
    if _DAY_NUMBER.search(words):
        return TimeValue.day(start)
    if _YEAR_ONLY.fullmatch(words.strip()):
        return TimeValue.year(start.year)
    if start.day == 1:
        return TimeValue.month(start.year, start.month)
    return None


def _people(
    ctx: EventContext, lo: int, hi: int, countries: dict[str, str], speech: list[Span]
) -> tuple[set[str], set[str]]:
    """The states and persons named as actors between ``lo`` and ``hi`` (not places,
    sponsors, words in brackets or inside the spans of ``speech``)."""
    parties: set[str] = set()
    people: set[str] = set()
    if hi <= lo:
        return parties, people
    for m in ctx.mentions_in(make_span(lo, hi)):
        if m.locative or m.backer or (speech and within_any(m.span, speech)) or \
                ctx.in_brackets(m.span):
            continue
        c = m.country
        if m.kind == "person":
            people.add(m.actor)
            c = c or countries.get(m.actor)
        elif m.kind != "state":
            continue
        if c:
            parties.add(c)
    return parties, people


def _people_apart(
    ctx: EventContext, lo: int, hi: int, countries: dict[str, str], speech: list[Span]
) -> list[tuple[set[str], set[str]]]:
    """The states named between ``lo`` and ``hi``, each with its persons, in text order."""
    groups: dict[str, set[str]] = {}
    for m in ctx.mentions_in(make_span(lo, hi)):
        if m.locative or m.backer or (speech and within_any(m.span, speech)):
            continue
        c = m.country or (countries.get(m.actor) if m.kind == "person" else None)
        if c and m.kind in ("person", "state"):
            people = groups.setdefault(c, set())
            if m.kind == "person":
                people.add(m.actor)
    return [({c}, people) for c, people in groups.items()]


def _split_calls(
    ctx: EventContext, sent: Span, clause: Span, cand: _Candidate, countries: dict[str, str]
) -> list[_Candidate]:
    """ "A spoke by phone with B on Friday and with C", "A held separate calls with B and
    C": ``cand`` becomes the call of A and B, and the calls of A with the others are
    returned; none where the clause is not so."""
    main = cand.main
    assert main is not None
    f = ctx.folded
    m = _AND_WITH.search(f, main.end, clause.end) if has_any(
        f, _WITH_WORDS, main.end, clause.end) else None
    cut = (m.start(), m.end()) if m is not None else _and_object(ctx, main.end, clause.end)
    if cut is None and not has_any(f, _SEPARATE_WORDS, max(clause.start, main.start - 30),
                                   min(clause.end, main.end + 60)):
        return []
    speech = [s.span for s in _speech(ctx, sent)]
    subject = _people(ctx, clause.start, main.start, countries, speech)
    if not subject[0]:
        return []
    second_place: PlaceRef | None = None
    if cut is not None:
        groups = [_people(ctx, main.end, cut[0], countries, speech),
                  _people(ctx, cut[1], clause.end, countries, speech)]
        if not groups[0][0] or not groups[1][0] or groups[0][0] & groups[1][0]:
            return []
        if m is None:
            # "met A in Sochi on Monday and B in Tehran on Wednesday": each where told
            second_place = next(iter(ctx.places_in(make_span(cut[1], clause.end))), None)
            first_place = next(iter(ctx.places_in(make_span(main.end, cut[0]))), None)
            if second_place is not None:
                cand.place = first_place.place if first_place is not None else None
    else:
        groups = [g for g in _people_apart(ctx, main.end, clause.end, countries, speech)
                  if not g[0] & subject[0]]
        if len(groups) < 2:
            return []
    named = set().union(*(g[1] for g in groups))
    people, roles = cand.participants - named, cand.role_participants
    others = []
    for g in groups[1:]:
        other = attrs.evolve(
            cand, parties=subject[0] | g[0], participants=people | g[1],
            role_participants=roles - (named - g[1]), evidence=list(cand.evidence),
            extra_dates=[],
        )
        if cut is not None:
            for t in ctx.times_in(make_span(cut[1], clause.end)):
                # "… and with B on Saturday": the second call's own day
                if isinstance(t.value, TimeValue) and not within_any(t.span, speech):
                    other.date, other.weak_date = t.value, False
                    break
            if second_place is not None:
                other.place = second_place.place
        others.append(other)
    cand.parties = subject[0] | groups[0][0]
    cand.participants = people | groups[0][1]
    cand.role_participants = roles - (named - groups[0][1])
    return others


def _and_object(ctx: EventContext, lo: int, hi: int) -> tuple[int, int] | None:
    """ "met A on Monday and B on Tuesday": where a second object with a time of its own
    is joined (the " and " and the object's start), each part holding a time; ``None``
    where none is."""
    f = ctx.folded
    at = f.find(" and ", lo, hi)
    while at >= 0:
        who = at + 5
        if ctx.mention_starts_at(who, hi) and ctx.times_in(make_span(lo, at)) and \
                ctx.times_in(make_span(who, hi)):
            return at, who
        at = f.find(" and ", who, hi)
    return None


def _meeting_times(
    ctx: EventContext, times: list[Annotation], main: Hit, speech: list[Speech]
) -> list[Annotation]:
    """The times of a clause less those that date another event before the meeting word:
    "announced on Saturday, four days after Erdogan hosted Putin" (the announcement's), "On
    Monday, the agency reported that A had met B" (the report's)."""
    f = ctx.folded
    out = []
    for t in times:
        end = t.span.end
        if end <= main.start and (
            _THEN_AFTER.match(f, end, main.start)
            or any(end <= s.span.start and s.span.end <= main.start for s in speech)
        ):
            continue
        out.append(t)
    return out


def _relation_between(ctx: EventContext, zone: Span, end: int) -> Span:
    """A topic that names a relation of states ("weighed a thaw between Ankara and
    Damascus", "discussed the truce between Syria and Turkey"), to the end of the states
    it relates: the topic stops before "between" ("talks on Idlib between A and B" names
    the sides), unless a common noun other than a meeting word stands right before it
    and states, not persons or peoples ("Turkish officials"), right after it."""
    f = ctx.folded
    if not f.startswith(" between ", zone.end):
        return zone
    word = _LAST_WORD.search(f, zone.start, zone.end)
    if word is None or ctx.mention_starts_at(word.start(), zone.end) or any(
        t.end == zone.end for t in ctx.hits_in("meeting_triggers", zone)
    ) or ctx.places_in(make_span(word.start(), zone.end)):
        return zone
    stop = _RELATION_END.search(f, zone.end + 9, end)
    stop_at = stop.start() if stop is not None else end
    first = next(iter(ctx.mentions_in(make_span(zone.end + 9, stop_at))), None)
    if first is None or first.span.start != zone.end + 9 or first.kind == "person" or \
            first.role_kind in ("nationality", "demonym"):
        return zone  # ("talks on a truce between Russian and Turkish officials": people)
    return make_span(zone.start, stop_at)


def _topic_before_relative(f: str, zone: Span) -> Span:
    """A topic cut before a relative clause or a second verb: in "consultations on Idlib
    that ended in Moscow", Moscow is where the talks ended, not what they were about."""
    if zone.end - zone.start < 16:
        return zone  # ("on Idlib.": no room for a second verb)
    m = _RELATIVE_VERB.search(f, zone.start + 3, zone.end)
    return make_span(zone.start, m.start()) if m is not None else zone


def _attribution_after_quote(
    f: str, sent: Span, pos: int, speech: list[Speech]
) -> Span | None:
    """The words from the quotation mark closing a quotation that holds ``pos`` to the end
    of the sentence, where the quotation is attributed ('…," Cavusoglu told a news
    conference in Antalya'); ``None`` where no attribution follows a quotation mark."""
    close = _quote_at(f, pos, sent.end)
    if close < 0:
        return None
    if not any(close < s.span.start <= close + 3 for s in speech):
        return None
    return make_span(close, sent.end)


def _capital_of(ctx: EventContext, clause: Span) -> Place | None:
    """The capital that "in the Kazakh capital", "to the Turkish capital" name (not "the
    Qatari capital, Doha": the name that follows is the place; "Meeting in the Iranian
    capital, A and B said" names it)."""
    f = ctx.folded
    for m in _THE_CAPITAL.finditer(f, clause.start, clause.end):
        if f.startswith(",", m.end()) and any(
            p.span.start == m.end() + 2
            for p in ctx.places_in(make_span(m.end(), min(clause.end, m.end() + 40)))
        ):
            continue  # "the Qatari capital, Doha": the name that follows is the place
        code = next((x.country for x in ctx.mentions_in(make_span(m.start(1), m.end(1)))
                     if x.kind == "state" and x.country), None)
        capital = getattr(ctx.doc.kb, "capital", None)
        pid = capital(code) if code and capital is not None else None
        if pid is None:
            continue
        try:
            found = ctx.doc.kb.place(pid, text=ctx.text[m.start(1):m.end()],
                                     span=make_span(m.start(1), m.end()))
        except Exception:  # a knowledge base without that place
            continue
        if isinstance(found, Place):
            return found
    return None


def _purpose_start(f: str, start: int, end: int) -> int:
    """Where a clause of aim (", hoping to …", ", in a bid to …") opens in ``f[start:end]``;
    -1 where none does."""
    # (every word opens with ", ": the commas are few, one tuple test at each)
    at = f.find(", ", start, end)
    while at >= 0:
        if f.startswith(_PURPOSE_WORDS, at, end):
            return at
        at = f.find(", ", at + 2, end)
    return -1


def _described(ctx: EventContext, head: re.Match[str]) -> tuple[str, str] | None:
    """The person "the Kremlin leader", "the Turkish president", "the Iranian foreign
    minister" (``head``: a match of _THE_HEAD) refers to: the last one named before it of
    that state with such a title; ``None`` where none is."""
    word = make_span(head.start(1), head.end(1))
    raws = ctx.raw_mentions  # (kind, actor and country read raw: no Mentioned built)
    code = next((raws[i][3] for i in ctx.mention_indices_in(word) if raws[i][3]), None)
    if code is None:  # ("the Kremlin leader": a seat of government)
        code = next((p.country for p in ctx.places_in(word)
                     if p.country and p.place.kind is PlaceKind.OTHER), None)
    if code is None:
        return None
    office = head.group(2)
    titles: dict[str, str] | None = ctx.memo.get("meetings.titles")
    if titles is None:  # (built on the first "the Turkish president" of a story)
        titles = ctx.memo["meetings.titles"] = {
            a.id: a.title for a in ctx.memo["meetings.actors"] if a.title}
    countries: dict[str, str] = ctx.memo["meetings.countries"]
    # (the raw mentions before it, latest first: building each Mentioned would read its
    # surroundings, for every mention from the story's start)
    for i in reversed(ctx.mention_indices_in(make_span(0, head.start()))):
        _, actor, kind, country, _ = raws[i]
        if kind != "person" or (country or countries.get(actor)) != code:
            continue
        title = titles.get(actor, "").lower()
        if "vice" in title or "deputy" in title:
            continue
        if (office in title) or (office in _HEAD_OFFICES and any(
            t in title for t in _HEAD_OFFICES)):
            return actor, code
    return None


def _place_of_lead(ctx: EventContext, lead: Span, cand: _Candidate) -> None:
    """The place and day of a journey a lead tells ("During his visit to Tehran on Monday,
    A met B"), for the meeting of the rest of the clause."""
    places = ctx.places_in(lead)
    if not places:
        return
    cand.place, cand.place_rank = places[-1].place, 3
    if cand.date is None:
        _date_from_last(ctx, lead, cand)


def _where_before(ctx: EventContext, sent: Span, clause: Span, cand: _Candidate) -> None:
    """ "… on Monday in Sochi, the resort where he hosted B for talks": the meeting of the
    "where" clause was at the place named right before it (and on the day named with that
    place, when the clause names none)."""
    before = ctx.places_in(make_span(max(sent.start, clause.start - 80), clause.start))
    if not before:
        return
    there = before[-1]
    cand.place, cand.place_rank = there.place, 3
    if cand.date is None:
        _date_from_last(ctx, make_span(max(sent.start, there.span.start - 40), clause.start),
                        cand)


def _date_from_last(ctx: EventContext, span: Span, cand: _Candidate) -> None:
    """A candidate dated by the last date told in ``span`` (if any), as a strong one."""
    times = [t.value for t in ctx.times_in(span) if isinstance(t.value, TimeValue)]
    if times:
        cand.date, cand.weak_date = times[-1], False


def _other_event(f: str, start: int, end: int) -> int:
    """Where "… after rebels seized the town", "… days before jets struck a market"
    opens in ``f[start:end]`` (an event by which a meeting told before is dated); -1 where
    none does."""
    # (two finds, no loop: read once a clause with a state in it)
    after, before = f.find(" after ", start, end), f.find(" before ", start, end)
    return before if after < 0 or 0 <= before < after else after


def _quotations(f: str, start: int, end: int, triggers: list[Hit]) -> list[Span]:
    """The quotations of ``f[start:end]`` that hold no meeting word (a quotation mark the
    clause does not close runs to its end)."""
    q = _quote_at(f, start, end)
    if q < 0:
        return []
    out = []
    while q >= 0:
        opened = q + 1  # (a mark is one character)
        close = _quote_at(f, opened, end)
        stop = close if close >= 0 else end
        if not any(opened <= t.start and t.end <= stop for t in triggers):
            out.append(make_span(opened, stop))
        q = _quote_at(f, stop + 1, end) if close >= 0 else -1
    return out


def _quote_at(f: str, start: int, end: int) -> int:
    """Where the first quotation mark of ``f[start:end]`` is; -1 where none is."""
    found = -1
    for mark in _QUOTES:
        at = f.find(mark, start, end)
        if at >= 0:
            found = end = at  # (a later mark is looked for only before it)
    return found


def _receives_someone(ctx: EventContext, trigger: Hit, clause: Span) -> bool:
    """Whether a person or a state's official is named right after "received" ("received
    Russian envoy Lavrentiev", "received the Turkish delegation"), not "a letter"; after
    "welcomed", a person."""
    nxt = _NEXT_WORD.match(ctx.folded, trigger.end, clause.end)
    if nxt is None or nxt.group(1) in ("a", "an"):
        return False
    near = ctx.mentions_in(make_span(trigger.end, min(clause.end, trigger.end + 80)))
    if trigger.value["object"] == "person":
        # "welcomed Cavusoglu to Moscow", "welcomed his Turkish counterpart" (not "welcomed
        # the Russian proposal"): a person, named or by office
        return any(m.kind == "person" and m.span.start - trigger.end <= 40 for m in near) or \
            ctx.folded.find("counterpart", trigger.end, min(clause.end, trigger.end + 40)) >= 0
    return any(0 <= m.span.start - trigger.end <= 40 for m in near)


def _speaker_subject(
    ctx: EventContext, speech: list[Speech], triggers: list[Hit], clause: Span
) -> Mentioned | None:
    """The speaker of "X said (that) he would meet …", where the "he" right after the
    attribution goes on to a meeting word or a verb of travel; ``None`` otherwise."""
    f = ctx.folded
    for s in speech:
        m = _SAID_HE.match(f, s.span.end, clause.end)
        if m is None:
            continue
        at = m.end()
        if not any(t.start == at for t in triggers) and not any(
            h.start == at for h in ctx.hits_in("movement", clause)
        ):
            continue  # "Peskov said he expected the leaders to meet": not he who meets
        return ctx.person_before(s.span.end, s.span.start)
    return None


def _names_actor(ctx: EventContext, span: Span, triggers: list[Hit], clause: Span) -> bool:
    """Whether a nationality word stands for a state at the talks: before officials, a
    delegation, a minister, a name, the meeting word itself, or in a list of such words."""
    f = ctx.folded
    # (matched with bounds, not on slices: neither pattern looks behind its start)
    nxt = _NEXT_WORD.match(f, span.end, min(clause.end, span.end + 40))
    if nxt is None:
        return True  # at the end of the clause: "… between the Turkish and the Russian"
    word = nxt.group(1)
    start = nxt.start(1)
    if word in ctx.voc.actor_nouns or any(t.start == start for t in triggers):
        return True
    # "the Palestinian international cooperation minister"
    following = _LETTERS.findall(f, start, min(clause.end, start + 45))[:4]
    if any(w in ctx.voc.actor_nouns for w in following[1:]):
        return True
    if ctx.mention_starts_at(start, clause.end):
        return True  # "Turkish Foreign Minister Mevlut Cavusoglu", "Russian, Turkish …"
    return any(a.span.start == start for a in ctx.doc.iter_annotations(
        None, make_span(start, min(clause.end, start + 60))) if a.label in (
        AnnotationLabel.OFFICE, AnnotationLabel.PERSON, AnnotationLabel.GOVERNMENT_BODY,
        AnnotationLabel.NATIONALITY))


def _venue(ctx: EventContext, span: Span, triggers: list[Hit]) -> bool:
    """A capital written right before a meeting noun names its venue ("Moscow talks"), and
    one before "process" or "format" a series of talks ("the Astana process")."""
    f = ctx.folded
    if _JOINED_BEFORE.search(f[max(0, span.start - 6):span.start]):
        return False  # "Ankara-Moscow talks", "Moscow and Ankara talks"
    if _SERIES_AFTER.match(f, span.end):
        return True  # "the Astana process", "the Astana format": a series named by a city
    # ("Ankara hosted a meeting": a capital before a verb of hosting is the host state)
    return any(t.start > span.end and not f[span.end:t.start].strip()
               and "person" not in t.value and not t.phrase.startswith("host")
               for t in triggers)


def _objects_of_participation(triggers: list[Hit]) -> bool:
    """Whether every meeting noun of a clause is what someone took part in ("attended the
    meeting", "took part in the talks"), a few characters after the verb."""
    verbs = [t.end for t in triggers if t.value["class"] == "participation"]
    return all(
        any(0 <= t.start - v <= 12 for v in verbs)
        for t in triggers if t.value["class"] == "event"
    )


def _takes_part_in_meeting(ctx: EventContext, triggers: list[Hit], clause: Span) -> bool:
    """ "took part in patrols", "was also at the Kremlin" are not taking part in the
    talks; "also attended." is."""
    f = ctx.folded
    for t in triggers:
        if t.value["class"] != "participation":
            continue
        if t.phrase.endswith(" at"):
            # "was also at the talks": the meeting word is the next noun
            return any(t.end < h.start <= t.end + 12 and h.value["class"] == "event"
                       for h in ctx.hits_in("meeting_triggers", clause))
        m = _IN_WHAT.match(f[t.end:clause.end])
        if m is None:
            return True
        return any(h.start >= t.end + m.start(1) - 1 and h.start <= t.end + m.end(1)
                   for h in ctx.hits_in("meeting_triggers", clause))
    return False


def _is_capital(ctx: EventContext, span: Span) -> bool:
    return any(a.span == span for a in ctx.doc.iter_annotations(AnnotationLabel.CAPITAL, span))


def _indefinite(ctx: EventContext, trigger: Hit, clause: Span) -> bool:
    """Whether a meeting noun is introduced as a new one ("a three-way summit")."""
    for w in reversed(ctx.words_before(trigger.start, 3, clause.start)):
        if w in ("a", "an", "another", "two", "three", "several") or w.isdigit():
            return True  # "a three-way summit", "two meetings in Ankara"
        if w in ctx.voc.definite:
            return False
    return False


def _sentence_parties(
    ctx: EventContext, sent: Span, countries: dict[str, str]
) -> tuple[set[str], set[str]]:
    """States and persons named as actors anywhere in a sentence (not as places, speakers
    or the subject of talks: "on Syria's Idlib")."""
    f = ctx.folded
    skip = [s.span for s in _speech(ctx, sent)] + [
        _topic_before_relative(f, z) for z in ctx.topic_zones(sent)
        if not f.startswith("on the sidelines", z.start)]
    return _people(ctx, sent.start, sent.end, countries, skip)


def _office_prefix(ctx: EventContext, span: Span) -> bool:
    """A nationality word opening an office title ("Turkish Foreign Minister") still counts."""
    return any(o.start == span.start for o in ctx.offices)


_TRIGGER_ORDER = {"event": 0, "continuation": 1, "weak": 2, "delegation": 3}


def _main_trigger(triggers: list[Hit]) -> Hit:
    best, best_rank = triggers[0], _TRIGGER_ORDER.get(triggers[0].value["class"], 9)
    for t in triggers:  # (triggers are in text order: the first of the best class wins)
        rank = _TRIGGER_ORDER.get(t.value["class"], 9)
        if rank < best_rank:
            best, best_rank = t, rank
    return best


_KINDS = {k.value: k for k in MeetingKind}
_STATUSES = {s.value: s for s in MeetingStatus}


def _meeting_kind(value: str) -> MeetingKind:
    """``MeetingKind(value)`` (a dict lookup: enum calls cost more)."""
    found = _KINDS.get(value)
    return found if found is not None else MeetingKind(value)


def _status(
    ctx: EventContext, clause: Span, main: Hit, headline: bool
) -> tuple[MeetingStatus | None, bool]:
    f = ctx.folded
    cues = ctx.hits_in("meeting_status", clause)
    if cues:
        in_time = ctx.overlaps_time_at
        cues = [h for h in cues if not in_time(h.start, h.end)]
    if not headline:
        planned = ctx.hits_in("planned_outside_headline", clause)
        if planned:
            cues = cues + [Hit(h.start, h.end, h.phrase, "planned") for h in planned]
    if not cues:
        return (MeetingStatus.HELD if headline else None), False
    usable = []
    cancelled = False  # (whether a cue of "cancelled" is usable)
    c_start, m_start, m_end = clause.start, main.start, main.end
    for h in cues:
        if h.value == "cancelled":
            usable.append(h)
            cancelled = True
            continue
        hs = h.start
        if h.value == "planned" and f.startswith(" not ", h.end):
            continue  # "could not agree", "would not meet": no plan
        if h.phrase.endswith(" to") and not _to_meeting(ctx, h.end, clause):
            continue  # "agreed to step up efforts", "due to the fighting": no meeting planned
        if h.phrase == "set up" and f.startswith("to ", hs - 3):
            continue  # "agreed to set up joint patrols": what was agreed, not a meeting
        if h.phrase == "arranged" and f.startswith(" ", h.end) and any(
            t.start == h.end + 1 for t in ctx.hits_in("meeting_triggers", clause)
        ):
            continue  # "travelled to Russia for hastily arranged talks": a kind of talks
        if h.phrase in _PURPOSE and any(
            m.phrase in _WENT and m.end <= hs for m in ctx.hits_in("movement", clause)
        ):
            continue  # "went to Moscow on Monday to meet Lavrov": the purpose of a journey made
        if abs(hs - m_start) >= 60 and abs(h.end - m_end) >= 60:
            # a cue far from the meeting word belongs to another verb ("The zone will be
            # set up by Oct. 15, Putin told reporters after four hours of talks")
            continue
        lo = hs - 24 if hs - 24 > c_start else c_start  # (where words_before(hs, 2) reads)
        if (f.find("no", lo, hs) >= 0 or f.find("never", lo, hs) >= 0) and any(
            w in ("not", "never", "no") for w in ctx.words_before(hs, 2, c_start)
        ):
            continue
        usable.append(h)
    if not usable:
        return (MeetingStatus.HELD if headline else None), False
    if cancelled:
        # "planned talks were called off": the cancellation is the news
        return MeetingStatus.CANCELLED, True
    best = _nearest_hit(usable, main.start) if len(usable) > 1 else usable[0]
    status = _STATUSES.get(best.value)
    return (status if status is not None else MeetingStatus(best.value)), True


def _to_meeting(ctx: EventContext, pos: int, clause: Span) -> bool:
    """Whether the verb after "agreed to", "plans to" (at ``pos``) is one of meeting or
    travelling ("agreed to meet", "plans to visit", "set to hold talks")."""
    m = _NEXT_WORD.match(ctx.folded, pos, clause.end)
    if m is None:
        return False
    at = m.start(1)
    if m.group(1) in _MEETING_VERBS:
        return True
    hits = ctx.hits_in("meeting_triggers", clause)
    if m.group(1) == "make":
        # "is to make his first visit to Turkey": a visit made
        return any(0 < t.start - m.end(1) <= 25 for t in hits)
    return any(t.start == at for t in hits) or any(
        t.start == at for t in ctx.hits_in("movement", clause))


def _nearest_hit(hits: list[Hit], pos: int) -> Hit:
    """``nearest(hits, pos)`` read from the hits' offsets (no span built)."""
    best, best_d = hits[0], -1
    for h in hits:
        start, end = h.start, h.end
        d = 0 if start <= pos < end else min(abs(start - pos), abs(end - pos))
        if best_d < 0 or d < best_d:
            best, best_d = h, d
    return best


# "talks in Ankara", "talks in the Black Sea resort of Sochi"
# (matched with bounds, not on a slice: the match starts at the bound, "$" holds at it)
# ("in the Qatari capital, Doha": the name in apposition after a comma)
# ("talks took place in Ankara", "the meeting was held at the Kremlin": a verb of taking
# place between them too)
_PLACE_AFTER = re.compile(
    r"\s*(?:(?:took|take|takes|taking|will\s+take)\s+place\s+|(?:was|were|is|are|will\s+be|"
    r"to\s+be|being)\s+held\s+)?(?:in|at)\s+(?:the\s+)?(?:[a-z'-]+\s+){0,4}$"
    r"|\s*(?:in|at)\s+the\s+(?:[a-z'-]+\s+){0,3}(?:capital|city|resort|town),\s+$"
)
_MOVE_TO = re.compile(  # (?:^|\s)(?:to|in|at|into)\s+(?:the\s+)?(?:[a-z'-]+\s+){0,2}$
    r"t(?<!\St)o\s+(?:the\s+)?(?:[a-z'-]+\s+){0,2}$"
    r"|i(?<!\Si)n(?:to)?\s+(?:the\s+)?(?:[a-z'-]+\s+){0,2}$"
    r"|a(?<!\Sa)t\s+(?:the\s+)?(?:[a-z'-]+\s+){0,2}$"
)
# (matched with bounds: at most 30 characters after the place)
# ("Egypt is due to host", "Qatar has offered to host": the auxiliaries and verbs of
# intent before "host" too)
_HOST = re.compile(
    r"\s*(?:(?:is|are|was|were|has|have|will|would|to|due|set|expected|scheduled|offered|"
    r"agreed|plans|planned|again|also|be)\s+){0,3}(?:host|hosted|hosts|hosting)\b"
    r"|\s*(?:expects|expected|is expecting|was expecting|will receive|received|welcomed|"
    r"welcomes)\b"
)
_HOSTED_BY = (" hosted by ", " hosted by the ")
# the nouns in the "movement" list make a delegation a visit, but say nothing of where
_NOT_MOVES = frozenset({"talks", "negotiations", "hold talks"})
_CLAUSE_IN = re.compile(r"[\s,;\"“]*(?:in|at)\s+(?:the\s+)?$")  # (with bounds too)


def _place(
    ctx: EventContext, clause: Span, triggers: list[Hit], excluded: list[Span],
    brackets: list[Span],
) -> tuple[PlaceRef | None, int]:
    """The place of the meeting and how sure the grammar is of it (lower is surer)."""
    places = ctx.places_in(clause)
    if not places:
        return None, 9
    f = ctx.folded
    best: tuple[tuple[int, int, int], PlaceRef] | None = None
    moves: list[Hit] | None = None  # (both found on first need: most places rank first)
    held: list[Hit] | None = None
    overlaps_time_at = ctx.overlaps_time_at
    # A place wins with a smaller key (rank, distance, start); places come in text order,
    # so a later one wins only with a smaller (rank, distance). ``floor`` is the worst rank
    # a later place can win with (8 before any): a test that can only give a worse rank is
    # not run (all of them are pure, so the place found is the same).
    floor = 8
    for p in places:
        sp = p.span
        ps, pe = sp.start, sp.end
        if f.startswith("'s", pe):
            continue  # "to Pakistan's close ally China": a possessive, not the place
        if (excluded and within_any(sp, excluded)) or (
            brackets and in_any_bracket(brackets, ps, pe)
        ) or overlaps_time_at(ps, pe):
            continue
        rank, dist = 9, 0
        for t in triggers:
            ts, te = t.start, t.end
            if te <= ps:
                if _PLACE_AFTER.match(f, te, ps):
                    rank = 1
                elif (t.phrase.startswith("visit") or t.phrase.endswith("visited")) and \
                        _VISIT_GAP.fullmatch(f, te, ps):
                    rank = min(rank, 3)  # "will visit Ankara"
            elif pe <= ts and (pe == ts or f[pe].isspace()) and not f[pe:ts].strip() and (
                t.value["class"] == "event"
            ) and not _JOINED_BEFORE.search(f, max(0, ps - 6), ps) and not p.is_country:
                # "the Moscow talks" (a capital is a venue); "the Sochi summit", but also
                # "Idlib consultations" (a subject): other names rank low; in "Russia-
                # Turkey talks" the states are the sides, in "Syria summit" its subject
                # (only spaces between: the first character says most)
                rank = min(rank, 1 if _is_capital(ctx, sp) else 5)
        if rank > 1 and floor < 2:
            continue  # (the tests below give rank 2 at best, and 2 does not beat 2)
        if rank > 2 and (_HOST.match(f, pe, pe + 30) or _CLAUSE_IN.match(
            f, clause.start, ps
        ) or f.endswith(_SIDELINES_OF, max(0, ps - 17), ps)
                or f.endswith(_SET_FOR, max(0, ps - 14), ps)
                or f.endswith(_HOSTED_BY, max(0, ps - 15), ps)):
            # (or "on the sidelines of the Munich Security Conference": that city; "the
            # summit planned for Tehran", "the next round, hosted by Iran")
            rank = 2
        if rank > 3 and floor >= 3:
            if moves is None:
                # ("to_place": the host "welcomed Putin to Ankara" names the venue as a
                # visit does)
                visit_like = [t for t in triggers if t.value["class"] != "delegation"
                              and (t.value["kind"] == "visit" or "to_place" in t.value)]
                moves = [*visit_like, *(h for h in ctx.hits_in("movement", clause)
                                        if h.phrase not in _NOT_MOVES)]
            for t in moves:
                gap = ps - t.end
                reach = 80 if t.value is not True else 45  # "the visit of … to Turkey"
                if 0 <= gap < reach and _MOVE_TO.search(f[t.start:ps]):
                    rank, dist = 3, gap if rank > 3 else min(dist, gap)
        if rank >= 5 and floor >= 4:
            if held is None:
                held = [h for h in ctx.hits_in("meeting_status", clause) if h.value == "held"]
            if _ends_before(ps, triggers, held) and \
                    _IN_AT_BEFORE.search(f[max(clause.start, ps - 50):ps]):
                rank = 4
        if rank < 9 and not _SERIES_AFTER.match(f, pe):
            # ("talks in the Astana format": a series, not where this round is)
            key = (rank, dist, ps)
            if best is None or key < best[0]:
                best = (key, p)
                if rank == 1:
                    # the surest rank (its distance is 0): a place further on, ranked 1
                    # too, comes later and loses the tie; none can rank better
                    break
                # a later place must rank better; or rank 3 nearer a verb of travel
                floor = rank - 1 if rank != 3 or dist == 0 else 3
    if best is None:
        return None, 9
    found = best[1]
    if found.is_country and best[0][0] <= 3:
        # "Egypt will host a meeting … in Cairo": the city named in the host country
        for p in places:
            if p.country == found.country and not p.is_country and p is not found and \
                    not (excluded and within_any(p.span, excluded)) and \
                    _IN_AT_BEFORE.search(f[max(clause.start, p.span.start - 50):p.span.start]):
                return p, best[0][0]
    return found, best[0][0]


def _ends_before(pos: int, triggers: list[Hit], held: list[Hit] | None) -> bool:
    """Whether a meeting word or a "held" cue ends less than 100 characters before ``pos``."""
    for hits in (triggers, held or ()):
        for h in hits:
            if h.end <= pos and pos - h.end < 100:
                return True
    return False


def _date(
    ctx: EventContext,
    clause: Span,
    sent: Span,
    main: Hit,
    excluded: list[Span],
    speech: list[Speech],
    status: MeetingStatus | None,
    own: list[Annotation],
) -> tuple[TimeValue | None, bool, TimeValue | None]:
    """The date of the meeting a clause tells (``own``: the times inside the clause),
    whether it is weak (only the date of a statement about it), and the day of a second
    meeting told with it ("on March 3 and 5")."""
    if own:
        f = ctx.folded
        # "a protocol to the 2018 memorandum": a year naming another thing is not the
        # meeting's (in "the 2019 summit" it is)
        own = [t for t in own if not (
            f.startswith("the ", t.span.start - 4) and _YEAR_ONLY.fullmatch(f, t.span.start,
                                                                            t.span.end)
            and not any(h.start == t.span.end + 1 for h in ctx.hits_in("meeting_triggers",
                                                                      clause)))]
    if own:
        said = [t for s in _speech(ctx, sent) for t in s.times]
        if said:
            speech_times = {id(t) for t in said}
            own = [t for t in own if id(t) not in speech_times]
    if own and ctx.folded.find("since ", clause.start, own[-1].span.start) >= 0:
        # "landed on Monday - his first journey since his re-election in May - and
        # met B": a time after "since" dates what came before the meeting (the meeting word
        # after it, or across a dash or comma)
        f = ctx.folded
        own = [t for t in own if not (
            (since := _SINCE_BEFORE.search(f, max(clause.start, t.span.start - 50),
                                           t.span.start)) is not None
            and (main.end <= since.start() or _ASIDE_END.search(f, t.span.end, main.start)))
        ] or (own if len(own) > 1 else [])
    if len(own) > 1 and ctx.folded.find("first ", clause.start, own[-1].span.start) >= 0:
        # "hosted B in Istanbul on Wednesday, their first meeting this year": the time of
        # the comparison is not the meeting's day
        f = ctx.folded
        own = [t for t in own if _FIRST_BEFORE.search(
            f, max(clause.start, t.span.start - 40), t.span.start) is None] or own
    if own:
        if len(own) == 1:
            t = own[0]
        else:
            # the time nearest a meeting word or a verb of travel ("arrived in Moscow on
            # Thursday"), not one that dates something else in a long clause
            anchors = [main.start]
            for h in ctx.hits_in("meeting_triggers", clause):
                hs, he = h.start, h.end
                for z in excluded:  # (within_any, on the hit's offsets)
                    if z.start <= hs and he <= z.end:
                        break
                else:
                    anchors.append(hs)
            anchors += [h.start for h in ctx.hits_in("movement", clause)]
            t = min(own, key=lambda a: (min(abs(a.span.start - x) for x in anchors),
                                        a.span.start))
        value = t.value if isinstance(t.value, TimeValue) else None
        first, second = _day_pair(ctx, t, value, own)
        return first, False, second
    if status is not MeetingStatus.PLANNED:
        said = [t for s in _speech(ctx, sent) for t in s.times]
        if said and isinstance(said[0].value, TimeValue):
            return said[0].value, True, None
    return None, False, None


def _day_pair(
    ctx: EventContext, t: Annotation, value: TimeValue | None, own: list[Annotation]
) -> tuple[TimeValue | None, TimeValue | None]:
    """"Talks on Monday and Tuesday": the two days joined are one meeting's interval;
    "talks on March 3 and 5", "on Monday and Thursday": two days apart joined by
    "and" are two meetings (the second one's day is returned besides)."""
    if value is None or value.interval or value.precision.value != "day":
        return value, None
    f = ctx.folded
    sp = t.span
    # "on September 15 and 16", "on 16 and 17 February": the day written bare is the
    # other end
    nxt = _AND_BARE_DAY.match(f, sp.end)
    prv = _BARE_DAY_AND.search(f, max(0, sp.start - 12), sp.start) if nxt is None else None
    bare = nxt or prv
    if bare is not None:
        day = int(bare.group(1))
        gap = day - value.start.day if nxt is not None else value.start.day - day
        if 1 <= gap <= 6 and day <= _month_days(value.start):
            other_day = value.start.replace(day=day)
            lo, hi = (bare.start(), sp.end) if prv is not None else (sp.start, bare.end(1))
            if gap >= 2:
                at = make_span(bare.start(1), bare.end(1))
                bare_day = TimeValue.day(other_day, text=ctx.text[at.start:at.end], span=at)
                return (bare_day, value) if prv is not None else (value, bare_day)
            return TimeValue.between(min(value.start, other_day), max(value.start, other_day),
                                     text=ctx.text[lo:hi], span=make_span(lo, hi)), None
    for other in own:
        v = other.value
        if other is t or not isinstance(v, TimeValue) or v.interval or \
                v.precision.value != "day" or abs((v.start - value.start).days) > 6:
            continue
        first, second = (t, other) if t.span.end <= other.span.start else (other, t)
        joint = _AND_DAY.fullmatch(ctx.folded, first.span.end, second.span.start)
        if joint is not None:
            start, end = sorted((value.start, v.start))
            if (end - start).days >= 2 and "and" in joint.group():
                ordered = sorted((value, v), key=lambda x: x.start)
                return ordered[0], ordered[1]
            return TimeValue.between(start, end, text=ctx.text[first.span.start:second.span.end],
                                     span=make_span(first.span.start, second.span.end)), None
    return value, None


def _month_days(d: dt.date) -> int:
    """The number of days of the month of ``d``."""
    return calendar.monthrange(d.year, d.month)[1]


def _duration(ctx: EventContext, clause: Span) -> int | None:
    if not has_any(ctx.folded, _DURATION_WORDS, clause.start, clause.end):
        return None
    m = _DURATION.search(ctx.folded, clause.start, clause.end)
    if m is None:
        return None
    n = m.group("n")
    if n.startswith("half"):
        value = 0.5
    elif n in _SMALL:
        value = _SMALL[n]
    else:
        try:
            value = float(n)
        except ValueError:
            return None
    minutes = value * 60 if m.group("unit").startswith("hour") else value
    return round(minutes)


def _outcome(ctx: EventContext, sent: Span) -> str | None:
    if not has_any(ctx.folded, _OUTCOME_WORDS, sent.start, sent.end):
        return None
    m = _OUTCOME.search(ctx.folded, sent.start, sent.end)
    if m is None:
        return None
    end = sent.end
    for s in _speech(ctx, sent):
        if s.span.start > m.start():
            end = min(end, s.span.start)
    text = ctx.text[m.start():end].strip().rstrip(".,;\"'”")
    return text or None


# --------------------------------------------------------------------------- merging


def _compatible(ctx: EventContext, a: _Candidate, b: _Candidate) -> bool:
    if not (a.parties <= b.parties or b.parties <= a.parties) and not (
        # "A snubs B at X summit" over "Meeting in X, A and C said …": an
        # undated headline names some of the persons of the summit the story tells there
        a.date is None and a.place is not None and b.place is not None
        and a.parties & b.parties and _in_headline(ctx, a) and not b.borrowed
    ):
        return False
    if not place_compatible(a.place, b.place):
        return False
    strong = not a.weak_date and not b.weak_date
    if not dates_fit(a.date, a.weak_date, b.date, b.weak_date):
        return False
    if a.sentence == b.sentence and a.date is not None and b.date is not None \
            and a.date.span is not None and b.date.span is not None \
            and a.date.span != b.date.span and a.date != b.date:
        # "Diplomats gathered in Vienna early in May, and ministers met there on June
        # 12": two times in one sentence, each of its own meeting
        return False
    if a.parties != b.parties and (a.borrowed or b.borrowed):
        return False  # "A also met C" at a summit of A, B and C: another meeting
    if a.participants and b.participants and not a.participants <= b.participants and \
            not b.participants <= a.participants and _other_envoys(ctx, a, b) and not \
            _definite(ctx, b):
        # "A met C … B also received C": one side sent another person (the clause read
        # last saying "the talks": the meeting told, more of whose members are named)
        return False
    if a.parties != b.parties and (
        a.place is None or b.place is None or a.date is None or b.date is None
    ) and not (_definite(ctx, a) or _definite(ctx, b) or (
        _in_headline(ctx, a) and (a.date is None or b.date is not None)
        # (not a bilateral told in the body, placed and dated, into the headline's
        # undated and unplaced meeting of three)
        and not (b.parties < a.parties and a.place is None and b.place is not None
                 and b.date is not None))):
        # a bilateral and a trilateral meeting are one only where place and date agree
        # (or an undated headline names two of the states: "Turkish, Syrian ministers
        # meet in Moscow" over the four-way talks the story tells)
        return False
    sa, sb = a.status, b.status
    if sa is not None and sb is not None and sa is not sb:
        # (two different statuses: tested by identity, no set of members built)
        if sa is _CANCELLED or sb is _CANCELLED:
            return sa is _PLANNED or sb is _PLANNED
        # announced, then reported: only when both name the same day
        if not (sa in _HELD_ONGOING and sb in _HELD_ONGOING) and not (
            strong and a.date is not None and b.date is not None
            and dates_overlap(a.date, b.date)
        ):
            return False
    ka, kb = a.kind, b.kind
    phone = ka is _PHONE_CALL or kb is _PHONE_CALL
    if phone and ka is not kb and (a.place is None) != (b.place is None) and (
        a.sentence != b.sentence
    ):
        return False  # a call and, in another sentence, talks held somewhere
    return not (phone and (ka in _VISIT_SUMMIT or kb in _VISIT_SUMMIT))


def _in_headline(ctx: EventContext, cand: _Candidate) -> bool:
    """Whether a candidate was read in the headline."""
    h = ctx.headline
    return h is not None and h.start <= cand.clause.start < h.end


def _other_envoys(ctx: EventContext, a: _Candidate, b: _Candidate) -> bool:
    """Whether a state has named persons in both meetings, none of them the same (two
    meetings: "Raisi received Putin" and "Khamenei received Putin")."""
    countries: dict[str, str] = ctx.memo["meetings.countries"]
    for c in a.parties & b.parties:
        mine = {p for p in a.participants if countries.get(p) == c}
        theirs = {p for p in b.participants if countries.get(p) == c}
        if mine and theirs and not mine & theirs:
            return True
    return False


_CANCELLED, _PLANNED = MeetingStatus.CANCELLED, MeetingStatus.PLANNED
_HELD_ONGOING = (MeetingStatus.HELD, MeetingStatus.ONGOING)
_PHONE_CALL = MeetingKind.PHONE_CALL
_VISIT_SUMMIT = (MeetingKind.VISIT, MeetingKind.SUMMIT)


def _absorb(into: _Candidate, other: _Candidate, *, refer: bool = False) -> None:
    into.evidence.extend(other.evidence)
    into.participants |= other.role_participants if refer else other.participants
    into.participants |= other.role_participants
    if not refer:
        into.parties |= other.parties
        if other.place is not None and (
            into.place is None or other.place_rank < into.place_rank
        ):
            into.place = more_specific(other.place, into.place) if place_compatible(
                other.place, into.place) else other.place
            into.place_rank = min(into.place_rank, other.place_rank)
        if other.kind is not None and \
                _KIND_ORDER[other.kind._value_] > _KIND_ORDER[into.kind._value_]:
            into.kind = other.kind
        if other.status is not None and (
            into.status is None
            or _STATUS_ORDER[other.status._value_] > _STATUS_ORDER[into.status._value_]
        ):
            into.status = other.status
    elif other.place is not None and other.place_rank <= 2 and (
        into.place is None or (into.place.kind is PlaceKind.COUNTRY and place_compatible(
            into.place, other.place))
    ):
        # ("met in Uzbekistan …. The talks were held in Tashkent": the city of that country)
        into.place = other.place
        into.place_rank = other.place_rank
    if other.date is not None and not refer:
        # (a clause that only refers back to a meeting may date something else)
        if into.date is None or (into.weak_date and not other.weak_date):
            into.date, into.weak_date = other.date, other.weak_date
        elif not other.weak_date and not refer:
            into.date = narrower(into.date, other.date)
    into.duration = into.duration or other.duration
    into.outcome = into.outcome or other.outcome
    into.reported_by = into.reported_by or other.reported_by


def _status_fits(record: _Candidate, cand: _Candidate) -> bool:
    if not cand.explicit_status or cand.status is None or record.status is None:
        return True
    if cand.status is _CANCELLED and record.status is _PLANNED:
        return True  # "… but the visit was cancelled": the one planned
    planned_r = record.status is MeetingStatus.PLANNED
    planned_c = cand.status is MeetingStatus.PLANNED
    return planned_r == planned_c


def _merge(ctx: EventContext, cands: list[_Candidate]) -> list[_Candidate]:
    records: list[_Candidate] = []
    orphans: list[_Candidate] = []  # clauses referring to a meeting not yet told
    last_main: _Candidate | None = None
    for cand in cands:
        if cand.place is None and records and _sidelines_of_meeting(
            ctx, cand.clause
        ):
            # "met separately on the sidelines of the talks": where those talks were
            host = max((r for r in records if r.cls == "primary"),
                       key=lambda r: len(r.evidence), default=None)
            if host is not None:
                cand.place, cand.place_rank = host.place, 8
        if cand.occasion and cand.cls == "primary" and (
            cand.place is None or cand.date is None
        ) and records:
            # "Before the summit, A and B held a separate meeting": there and then
            host = max((r for r in records if r.cls == "primary"),
                       key=lambda r: len(r.evidence), default=None)
            if host is not None and (host.place is not None or host.date is not None) and (
                (cand.status is _PLANNED) == (host.status is _PLANNED)
            ):  # (a meeting agreed at another is to come: not then and there)
                if cand.place is None and host.place is not None and \
                        cand.kind is not _PHONE_CALL:
                    cand.place, cand.place_rank = host.place, 8
                if cand.date is None and host.date is not None:
                    cand.date, cand.weak_date = host.date, host.weak_date
                cand.borrowed = True
        if cand.cls == "participation":
            host = records[-1] if records else None
            series = _series_states(ctx, cand.clause) if records else set()
            if series:
                # "X, who attended the Astana session": the round of that series told
                # (its city's state no side)
                host = next((r for r in reversed(records) if series <= r.parties), host)
                cand.parties = cand.parties & series
            if host is not None and cand.place is not None and host.place is not None and \
                    not place_compatible(host.place, cand.place):
                # "X, who attended the Astana session": the meeting told there, or one
                # told nowhere in particular (not the visit to Moscow told last)
                host = next((r for r in reversed(records) if r.kind is not _PHONE_CALL and (
                    r.place is None or place_compatible(r.place, cand.place))), None)
            if host is not None:
                _absorb(host, cand, refer=True)
                host.parties |= cand.parties
                host.participants |= cand.participants
            continue
        if cand.cls == "primary":
            target = next(
                (r for r in reversed(records)
                 if r.cls == "primary" and _compatible(ctx, r, cand)),
                None,
            )
            if target is None:
                records.append(cand)
                last_main = cand
            else:
                _absorb(target, cand)
                last_main = target
            for day in cand.extra_dates:
                # "talks in Baku on March 3 and 5": a meeting on each day
                records.append(attrs.evolve(
                    cand, date=day, extra_dates=[], parties=set(cand.parties),
                    participants=set(cand.participants), evidence=list(cand.evidence),
                ))
        elif cand.cls in ("inherit", "again"):
            source = _main_record(ctx, records, cand)
            if source is None and len(cand.parties) >= 2 and cand.cls == "again":
                # "A hosted B in Ankara in 2018 and they met again in Sochi": the clause
                # names its own parties (the earlier meeting is not a record to copy)
                source = attrs.evolve(cand, parties=set(cand.parties),
                                      participants=set(cand.participants))
            if source is None:
                continue
            own = cand.cls == "again" and len(cand.participants) >= 2 and \
                len(cand.parties) >= 2  # ("the first talks between A and B since …")
            if not own:
                cand.parties = set(source.parties) | cand.parties
            if cand.cls == "inherit" and cand.kind is _PHONE_CALL and _THEY.search(
                ctx.folded, cand.clause.start, cand.clause.end
            ):
                # "in a telephone call between the leaders last Friday": the same persons
                cand.participants = set(source.participants) | cand.participants
            if cand.cls == "again":
                if not own and _THEY.search(ctx.folded, cand.clause.start, cand.clause.end):
                    # "they last spoke": the same persons; "the previous rounds": not said
                    cand.participants = set(source.participants) | cand.participants
                cand.kind = source.kind if cand.kind is MeetingKind.TALKS else cand.kind
                for day in cand.extra_dates:
                    records.append(attrs.evolve(
                        cand, cls="primary", date=day, extra_dates=[],
                        parties=set(cand.parties), participants=set(cand.participants),
                        evidence=list(cand.evidence),
                    ))
            again = cand.cls == "again"
            dated = cand.date is not None  # ("… of the four met in May": a meeting then)
            cand.cls = "primary"
            target = next(
                (r for r in reversed(records)
                 if r.cls == "primary" and _compatible(ctx, r, cand)
                 # ("last met in 2019": another meeting, one of the same day at most)
                 and not (again and (r is source or r.date is None))
                 and not (dated and r.date is None)),
                None,
            )
            if target is None:
                records.append(cand)
            else:
                _absorb(target, cand)
        elif cand.cls == "continuation":
            if len(cand.parties) < 2:
                # "the next round": a further meeting in the series the article is about
                # (not a meeting on another's occasion; "the next summit": of the summits)
                mains = [r for r in records
                         if r.cls == "primary" and len(r.parties) >= 2 and not r.borrowed]
                mains = [r for r in mains if r.kind is cand.kind] or mains
                source = max(reversed(mains), key=lambda r: len(r.evidence), default=None)
                if source is None:
                    continue
                # ("the next three-way summit with Iran": the series' states and Iran)
                cand.parties = set(source.parties) | cand.parties
                # ("The three envoys agreed to meet again": the same persons; not "their
                # next summit", a meeting of the series)
                cand.participants = set(source.participants) if (
                    cand.main is not None and cand.main.phrase.endswith(" again")
                    and _SAME_PERSONS.match(ctx.folded, cand.clause.start, cand.clause.end)
                ) else set()
                if cand.outcome and source.outcome is None:
                    source.outcome = cand.outcome
            elif last_main is not None and cand.outcome and last_main.outcome is None:
                last_main.outcome = cand.outcome
            cand.role_participants = set()
            target = next(
                (r for r in reversed(records)
                 if r.cls == "continuation" and _compatible(ctx, r, cand)),
                None,
            )
            if target is None:
                records.append(cand)
            else:
                _absorb(target, cand)
        else:
            target = _refer_target(records, cand)
            if target is not None:
                _absorb(target, cand, refer=True)
                if cand.status is _CANCELLED and cand.explicit_status and \
                        target.status is _PLANNED:
                    target.status = _CANCELLED  # "… but the visit was cancelled"
                if target.date is None and cand.date is not None and not cand.weak_date and \
                        _dated_noun(ctx, cand):
                    # "The talks on Monday ended without agreement": the day of those talks
                    target.date, target.weak_date = cand.date, False
            elif not records:
                orphans.append(cand)
        if orphans and records and records[0] is cand:
            # "The 14th round of the talks wrapped up on Wednesday. The Russian, Turkish and
            # Iranian delegations met …": the lead told the meeting before naming who met
            for early in orphans:
                if cand.sentence - early.sentence <= 2 and _status_fits(cand, early) and \
                        _definite(ctx, early) and not early.parties and \
                        cand.kind is not MeetingKind.PHONE_CALL:
                    _absorb(cand, early, refer=True)
                    if cand.date is None and early.date is not None and not early.weak_date:
                        cand.date, cand.weak_date = early.date, False
            orphans = []
    return [r for r in records if len(r.parties) >= 2]


def _dated_noun(ctx: EventContext, cand: _Candidate) -> bool:
    """Whether a clause's date stands right after its meeting word ("the talks on Monday",
    "the meeting, held on Friday,") or before it with "'s" ("Monday's talks") or "hours
    before" ("On Friday, hours before the two men met"), so that it dates that meeting."""
    main, date = cand.main, cand.date
    if main is None or date is None or date.span is None:
        return False
    f = ctx.folded
    if date.span.end <= main.start and main.start - date.span.end < 60 and (
        _HOURS_OFF.match(f, date.span.end, main.start)
        or _HOURS_OFF.match(f, date.span.start - 1, date.span.end + 1)  # (a time of its own)
    ) and date.precision.value == "day" and not date.interval:
        return True  # "Late on Sunday, minutes after the envoys arrived": that day
    if date.span.end <= main.start:
        return "'" in f[date.span.end - 2:main.start] and _DAY_OF.fullmatch(
            f, date.span.end - (2 if f.startswith("'s", date.span.end - 2) else 0), main.start
        ) is not None
    if date.span.start < main.end:
        return False
    return _DATED_NOUN.fullmatch(f, main.end, date.span.start) is not None


def _sidelines_of_meeting(ctx: EventContext, clause: Span) -> bool:
    """ "on the sidelines of the talks" (a meeting told), not "of the Munich conference"."""
    if not has_any(ctx.folded, _SIDELINES_WORDS, clause.start, clause.end):
        return False  # (most clauses: the pattern opens with a lookbehind)
    m = _SIDELINES.search(ctx.folded, clause.start, clause.end)
    if m is None:
        return False
    return any(0 <= h.start - m.end() <= 12
               for h in ctx.hits_in("meeting_triggers", clause))


def _main_record(
    ctx: EventContext, records: list[_Candidate], cand: _Candidate
) -> _Candidate | None:
    """The meeting whose states "the two countries" or "they" name: the one the article
    tells most (of two states when the words say "two" or "both", of four for "four")."""
    pool = [r for r in records if r.cls == "primary" and len(r.parties) >= 2]
    if cand.cls == "again":
        if pool and _THEY.search(ctx.folded, cand.clause.start, cand.clause.end):
            # "The two men last talked in October": the persons of the last meeting told of
            # persons (not of "Turkish and Syrian officials" told in between)
            two = _TWO.search(ctx.folded, cand.clause.start, cand.clause.end) is not None
            pool = [r for r in pool if r.participants and (
                len(r.parties) == 2 or not two)] or pool
        return pool[-1] if pool else None
    words = ctx.folded[cand.clause.start:cand.clause.end]
    count = _COUNT.search(words)
    if count is not None:
        # ("the four countries": of four states, not the bilateral told last)
        n = _COUNTS[count.group(1)]
        # (three or more: only a meeting of that many, none rather than another)
        pool = [r for r in pool if len(r.parties) == n] or (pool if n == 2 else [])
    return max(reversed(pool), key=lambda r: len(r.evidence), default=None)


def _refer_target(records: list[_Candidate], cand: _Candidate) -> _Candidate | None:
    """The meeting a referring clause ("the talks", "the Russian team") is about."""
    if not records:
        return None
    people = cand.participants | cand.role_participants
    pool = [r for r in records if r.cls == "primary"] or records
    if cand.explicit_status and cand.status is MeetingStatus.PLANNED:
        pool = [r for r in records if r.status is MeetingStatus.PLANNED] or pool
    for r in reversed(pool):
        if people & r.participants:
            return r
    for r in reversed(pool):
        if cand.place is not None and r.place is not None and place_compatible(
            r.place, cand.place
        ) and _status_fits(r, cand):
            return r
    for r in reversed(pool):
        if _status_fits(r, cand) and (not cand.parties or cand.parties <= r.parties):
            return r
    return None


# --------------------------------------------------------------------------- output


def _span_order(span: Span) -> tuple[int, int]:
    """The order of spans (a key: the generated comparison of two spans costs more)."""
    return span.start, span.end


def _finish(ctx: EventContext, article_id: str, n: int, r: _Candidate) -> Meeting:
    status = r.status or MeetingStatus.HELD
    date = r.date
    pub = ctx.published
    if pub is not None and date is not None and status is not MeetingStatus.CANCELLED:
        if date.start > pub:
            status = MeetingStatus.PLANNED
        elif date.end < pub and status is MeetingStatus.ONGOING and (pub - date.end).days > 2:
            status = MeetingStatus.HELD
    if date is None and status is MeetingStatus.ONGOING and pub is not None:
        date = TimeValue.day(pub)
    # (one span per offsets, the first told: a set of spans hashes each in Python code)
    unique: dict[tuple[int, int], Span] = {}
    for sp in r.evidence:
        unique.setdefault((sp.start, sp.end), sp)
    evidence = tuple(sorted(unique.values(), key=_span_order))
    place = r.place
    if place is not None and place.kind is PlaceKind.OTHER and place.country:
        place = _seat_city(ctx, place)
    # (sets: their sorted tuples are what the constructor would make of them)
    return _trusted.meeting(
        f"meeting:{article_id}:{n}", r.kind, status, evidence, tuple(sorted(r.parties)),
        tuple(sorted(r.participants)), place, date, r.duration, r.outcome, r.reported_by,
    )


def _seat_city(ctx: EventContext, place: Place) -> Place:
    """The capital a seat of government stands in ("came to the Kremlin", "talks at the
    White House": the meeting was in Moscow, in Washington); any other landmark as it is
    (a palace outside the capital names no city of its own in the gazetteer)."""
    capital = getattr(ctx.doc.kb, "capital", None)
    pid = capital(place.country) if capital is not None else None
    if pid is None:
        return place
    try:
        city = ctx.doc.kb.place(pid, text=place.text, span=place.span)
    except Exception:  # a knowledge base without that place
        return place
    return city if isinstance(city, Place) and place_compatible(place, city) else place
