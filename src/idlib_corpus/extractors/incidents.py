"""Built-in plugin ``idlib_corpus.incidents``: attacks, captures, deployments, displacement.

How an incident is read (the words of each step are in ``data/triggers.json``):

1. Each prose sentence, and the headline, is cut into clauses; a clause holding an
   incident trigger ("shelling", "came under fire", "entered", "convoy", "displacing") is
   a candidate, unless the trigger is not a fact: an infinitive ("pressed to capture"), a
   plan, threat or wish before it ("preventing attacks", "planning to"), a negation, a
   habit ("almost daily", "sporadic shelling"), a trend ("amid a surge in air strikes"),
   an adjective ("the surrounded posts", "displaced people"), forces placed somewhere
   ("troops deployed near X came under fire"), support ("an offensive backed by Russian
   air strikes"), a topic ("the cost of sending troops"), or words in brackets. Two
   captures joined by "and" ("captured X and then seized Y"), or two blows with
   subjects of their own after ", and" ("jets bombed X, the monitor said, and artillery
   shelled Y"), are two clauses. Troops
   leaving, evacuating or moving a post ("withdrew from the post at X") are a deployment;
   storming a building is a raid, breaking a siege a capture. A trend ("shelling has
   intensified") is no incident: it lends its side to the attack told next. Attacks,
   captures and deployments need armed forces in the clause (a weapon such as "air raid"
   or "car bomb" will do; so does "a strike on X killed 12" in a story whose attacks
   were told); displacement needs a war word in the sentence or the one
   before, or attacks told earlier, so a bushfire evacuation is not read as displacement.
2. Roles: for an active trigger the states and groups before it did it and those after
   it suffered it ("Turkish troops struck … and killed 76 Syrian army troops"); for a
   passive one the other way round ("Turkish forces had come under the Syrian army's
   fire"; "were heavily shelled"). Sponsors ("Russian-led"), places ("in Turkey"),
   speakers, asides (", which has posts there under a deal with Russia,"), the home of a
   group ("Lebanon's Hezbollah") and a nationality of rebels are not actors; who acts
   before "after" acts in another event. A bare "government artillery", "regime soldiers"
   or "the Russian-backed regime" is the state the fighting is in (where the towns named
   next to incident triggers lie, not a summit's venue), whether or not the actor layer
   read the regime as its sponsor; a bare "the army", the army the article names most;
   army words a state owns ("Israeli army positions") are its. "Its soldiers", "its
   positions", "its fighters" in a statement are the speaker's (a state or a group, or
   all those joined by "and"); the
   state the aircraft are said to be (", which said the planes were Iranian", or in the
   sentence after) did the attack; a manned aircraft downed is its owner's loss; what is
   "held by" forces is theirs; the subject of a later "since"/"before" clause acts in
   another event; "the fighting"/"the clashes" after a sentence naming two
   sides is between them; a capture in a relative clause ("Saraqib, a town the regime
   captured") is of the place it hangs on. A state that names a border ("the border
   post with Iraq") is a place. A
   possessive pronoun ("Their shelling") takes the doers of the incident just told; a
   retaliation ("in response to the incident", "responded by striking") strikes back at
   the doers of the last attack on it, and the attack a sentence names as answered ("in
   response to the shelling of a Turkish post") was done by those the answer hit. "They"
   (or the subject left out after "and") who capture are the forces of the event just
   told; those blamed in the sentence after an attack with no doers did it. A group
   named as the owner of what is hit ("at IS command posts", "a depot belonging to X",
   "a camp of X") is the target; the group "where" ground taken had its headquarters
   lost it; an attack told in a "when" clause after another is of the same hands. A
   participle with no object is a passive with its auxiliary left out (a headline's
   "Russian colonel killed near X", "Turkish post shelled"); victims told after "as
   were"/"along with" are targets too; a side that "loses five soldiers" is hit; forces
   that "withdrew from"/"pulled out of" a town lost it (from a post: a deployment), and
   those who left before a capture ("entered X after government troops pulled out")
   lost it; who "claimed responsibility" for an attack told before did it; what a later
   clause with no incident word moves ("days after Washington pulled its troops back")
   is not hit; a perfect in an aside (", which has deployed troops in X,") and a present
   verb after "that"/"which" ("a regime that shells markets") tell no event.
3. Figures: the numbers of people after "killed"/"wounded" are summed ("five military
   servicemen and three civilian personnel" is 8; "eight civilians, five of them children"
   is 8; "a woman and her two children" is 3; "32 more wounded", "killing seven.", "the
   death toll rose to 36" need no noun; "its pilot was killed", a person named as the
   object, or a bare singular in a headline is one; every part listed after "including"
   or "among them" is a part); a displacement figure is the count of people (not troops)
   next to the trigger, not a part of it ("90,000, including 40,000 children"); another
   source's figure for it ("the council puts the total at 90,000") is one more record;
   "to be displaced" is no fact; each is a :class:`~idlib_corpus.model.Claim` with its
   qualifier ("more than", "around") and who gives it ("according to the UN"). Wounded
   told alone after an attack ("Another 32 soldiers were wounded", "Eight civilians were
   killed." with no time, place or event of its own, or a clause of its sentence: "hit a
   market; two were killed") are its victims; "a civilian was killed" is one, "a man and
   his son were killed" two; a part told between commas (", two of them children,")
   does not cut a figure from its verb. A spell of violence ("after days of bombardment")
   is a backdrop.
4. Date: the clause's own time, else one in the sentence, else the time of the statement
   that reports it, else (not for displacement) the time of the incident told just before
   in the same paragraph, or of the last attack where the clause says it was part of it
   ("in the same series of strikes") (not a time of another clause's event); a "when" clause
   takes the time it hangs on ("since March 2019, when …": that month); "since then" and
   "over the same period" run from the last time the sentence before gives. Place: the town
   or province named with it (not a capital in the possessive, a source's city, or the
   place of an event after "after", nor a landmark after "north of" told of a place
   named, nor a wider place locating the one just named ("the X area in southern Y"),
   nor where fire came from ("fired from positions west of X"), nor a place in an aside;
   a village the gazetteer lacks counts when named after "the village of" or before
   "observation post", and wherever it is named again), else "the town" named before, else
   the paragraph's, else the story's (its headline's place in the country of the fighting).
   Displacement by "the offensive" or "over the same period" takes the side, time and place
   of the campaign told in the sentence or two before ("since the campaign began": the side
   of the campaign told anywhere before, as for a figure "since" a time with no cause
   named); people who fled "after the raids" fled the doers of the attack just told.
5. A trigger that refers back ("the attack on Feb. 3", "the incident killed …", "the
   worst week of shelling in months …") adds to the incident already told whose date fits
   ("Sunday's bombardment": Sunday's), with the more precise date; candidates that agree
   on type, actors, place and date are one incident. A time that owns a noun that is no
   incident ("under last year's deal") dates no incident; a "when" clause's own time
   inside the one it hangs on dates it ("in 2018, when … in March of that year").
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence

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
    event_context,
    has_any,
    in_any_bracket,
    make_span,
    narrower,
    nearest,
    place_compatible,
    trigger_annotations,
    within_any,
)
from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.model import (
    Actor,
    Claim,
    Incident,
    IncidentType,
    Place,
    PlaceKind,
    Precision,
    Qualifier,
    Span,
    TimeValue,
)
from idlib_corpus.plugins import builtin_name

__all__ = ["extract_incidents", "idlib_annotate", "idlib_extract_events"]

# The members read in the inner code, as module globals: an attribute of an enum class is
# looked up through its metaclass's Python-level ``__getattr__`` hook (Python 3.11), ten
# times the cost of a global
_ATTACK = IncidentType.ARMED_ATTACK
_DEPLOYMENT = IncidentType.DEPLOYMENT
_DISPLACEMENT = IncidentType.DISPLACEMENT
_TERRITORIAL = IncidentType.TERRITORIAL_CHANGE
_COUNTRY = PlaceKind.COUNTRY
_PROVINCE = PlaceKind.PROVINCE
_OTHER = PlaceKind.OTHER
#: (a village or town named later makes "on the M4 highway" more precise)
_SETTLEMENTS = frozenset({PlaceKind.TOWN, PlaceKind.CITY})
_TOWN_KINDS = frozenset({PlaceKind.TOWN})
_CITY_KINDS = frozenset({PlaceKind.CITY})
_EXACT = Qualifier.EXACT
#: ``IncidentType(value)`` by value (a dict lookup: enum calls cost more).
_TYPES = {t.value: t for t in IncidentType}
#: ``Qualifier(key)`` by value (what ``EventContext.qualifier`` reads, as a dict lookup).
_QUALIFIERS = {q.value: q for q in Qualifier}
# (the patterns marked "word-start test after the first letter" in this module: a pattern
# opening with a letter, or an alternation of words each opening with one, lets the regex
# engine skip in C to those letters; one opening with a lookbehind such as (?<![a-z]) runs
# the matcher at every offset searched)
_SINCE_CLAUSE = re.compile(  # (word-start test after the word)
    r"(?P<since>since)(?<![a-z]since)\s+(?:it|they|he|she|we|the|its|their|his|her|an?)\s"
)
_SUPERLATIVE_SINCE = re.compile(  # (word-start test after the first letter)
    r"(?:d(?<![a-z]d)eadliest|w(?<![a-z]w)orst|b(?<![a-z]b)(?:iggest|loodiest)|"
    r"l(?<![a-z]l)argest|h(?<![a-z]h)(?:eaviest|ighest)|m(?<![a-z]m)ost \w+)"
    r"(?:\s+[\w'-]+){0,8}?\s+(?P<since>since)(?![a-z])"
)
_ASIDE = re.compile(r",\s+(?:which|who)\s+(?:has|have|had|hosts|holds|is|are|was|were)\s")
_STATE_CLAUSE = re.compile(  # (word-start test after the first letter)
    r"(?:t(?<![a-z]t)hat|w(?<![a-z]w)h(?:ich|o))\s+(?:had|has|have)\s+been\s"
)
_JOINED_ARMY = re.compile(  # (word-start test after the first letter)
    r"(?:a(?<![a-z]a)nd|,(?<![a-z],))\s+(?:the\s+)?(?:government|regime|army)\s+"
    r"(?:air\s+raids?|air\s*strikes?|forces|troops|warplanes|aircraft|jets|"
    r"shelling|bombardment|artillery)(?![a-z])"
)
_OFFENSIVE_WORDS = ("offensive", "violence", "fighting", "bombardment", "bombing", "assault",
                    "advance", "escalation", "air strikes", "airstrikes", "shelling")
# The words of a military campaign, and "the offensive" naming one told before
#: The words of an attack (not of a campaign) that people fled ("left after the raids").
_ATTACK_WORDS = ("bombing", "bombardment", "shelling", "strike", "raid", "attack")
_CAMPAIGN_WORDS = ("offensive", "assault", "onslaught", "campaign", "advanc", "push")
_CAMPAIGN_REF = re.compile(  # (word-start test after the first letter)
    r"(?:t(?<![a-z]t)h(?:e|is|at|eir)|i(?<![a-z]i)ts)\s+(?:[a-z-]+\s+)?(?:offensive|assault|"
    r"onslaught|campaign|advance|push)(?![a-z])"
)
_CAMPAIGN_NOUN = re.compile(r"[\s-]*(?:[a-z]+\s+)?(?:offensive|assault|onslaught|campaign|advance)")
_SINCE_BEFORE = re.compile(r"(?<![a-z])(?:since|after)\s+$")
_LEAVING = re.compile(r"[\s,]*leaving\s")
_CLAUSE_TAIL = re.compile(r"[\s.,;:!?\"”']*")
_TARGET_PREP = re.compile(
    r"(?<![a-z])(?:on|against|at|targeting)\s+(?:an?\s+|the\s+)?(?:(?:some|about|over|"
    r"nearly)\s+)?(?:[0-9][0-9,]*\s+|dozens\s+of\s+|several\s+)?$"
)
# "Russian air strikes have intensified", "shelling has escalated sharply": attacks as a
# trend (the verb right after the attack noun)
_TREND_AFTER = re.compile(
    r"(?:\s+(?:by|on|in|against|from)(?:\s+[\w'-]+){1,4}?)?"  # ("attacks by Russian jets")
    r"\s+(?:(?:has|have|had)\s+)?(?:also\s+|sharply\s+|markedly\s+|significantly\s+)?"
    r"(?:intensified|intensifies|escalated|escalates|increased|increases|surged|soared|"
    r"risen|rose|mounted|spiked|grown|grew|worsened|picked\s+up)(?![a-z])"
)
# the words of another event or of a statement between an attack word and a time
_OTHER_EVENT = re.compile(
    r"(?<![a-z])(?:deal|agreement|agreed|signed|truce|ceasefire|summit|talks|meeting|"
    r"visit|since|after|before|until|said|says|told|announced|statement|when|which|that)"
    r"(?![a-z])"
)
# what "stormed" raids rather than takes: a building ("stormed X Division headquarters",
# "stormed the offices of Y")
_BUILDING_AFTER = re.compile(
    r"\s+(?:[\w'-]+\s+){0,4}?(?:headquarters|offices?|buildings?|house|home|prison|"
    r"compound|embassy|consulate|hospital|checkpoint)(?![a-z])"
)
_WHERE_OPENS = re.compile(r"[\s,]*where\s+(?:the\s+)?")
_HELD_THERE = re.compile(
    r"\s+(?:had|has|have|held|holds|kept|keeps)\s+(?:its|their)\s+(?:[a-z-]+\s+)?"
    r"(?:headquarters|positions?|bases?|strongholds?|fighters|forces|command)(?![a-z])"
)
# where fire came from, before a place ("shelled from army posts north of", "launched
# from the Manbij area"): not where it struck
_ORIGIN = re.compile(
    r"(?<![a-z])(?:fired|launched|came|coming|shot|shelling|shelled|struck|crossed|moved|"
    r"drove|driving|arrived|entered)\s+(?:(?:into|in)\s+(?:[\w'-]+\s+){1,3})?from\s+"
    r"(?:[\w'-]+\s+){0,5}$")
_SETTLEMENT_OF = re.compile(r"(?:town|village|city)\s+of\s+(?:al-|el-)?$")
# what stands between a place and the wider one that locates it ("X area in southern Y",
# "X, in Y", "the X region of Y"; not "the X district of Aleppo": a city's part, and the
# city is the place an incident is given)
_LOCATOR = re.compile(
    r"(?:\s+(?:area|region|countryside|mountains?|plain|valley|enclave|pocket))?"
    r",?\s+(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
    r"\s+|rural\s+|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+rural\s+)?"
)
# "… southeast of X", "20 km north of X", "east of the town of X": X is a landmark by which
# the place of the event is told
_LANDMARK = re.compile(
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern|wards?)?\s+of\s+(?:the\s+"
    r"(?:town|city|village)\s+of\s+)?$"
)
# "the group routed", "the jihadist group has since attacked", "the militia then seized"
_GROUP_REF = re.compile(
    r"(?<![a-z])the\s+(?:[a-z-]+\s+)?(?:group|militia|alliance|faction|organi[sz]ation)\s+"
    r"(?:(?:has|had|have|then|also|later|quickly|since|itself)\s+)*$"
)
_WHEN_OPENS = re.compile(r"[\s,;]*(when)\s")
_CLAUSE_GAP = re.compile(r"[\s,]*")
_PART_DISPLACED = re.compile(r"(?<![a-z])of\s+(?:them|whom)\s+(?:are\s+|already\s+)*$")
_TARGET_OF = re.compile(
    r"(?<![a-z])(?:on|against|targeting)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){1,3}?"
    r"(?:of|belonging\s+to|used\s+by|run\s+by)\s+(?:the\s+)?$"
)
_ZONE_END = re.compile(r"[,;:]|\.\s")
# What may stand between "took" and the place it took: "the (strategic) town of "
_PLACE_OBJECT = re.compile(
    r"\s+(?:the\s+(?:[a-z-]+\s+){0,2}?(?:towns?|villages?|city|district|hamlet|region|"
    r"area)\s+of\s+)?"
)

_PLACE_WAS = re.compile(  # (the trigger may hold "was": "was taken")
    r"\s+(?:(?:was|were|(?:has|had|have)\s+been)\s+(?:[a-z]+ly\s+)?)?"
)


def _takes_a_place(ctx: EventContext, h: Hit, clause: Span) -> bool:
    """Whether a trigger that needs a place after it ("took", marked ``place_after``) has
    one for its object: "took Afrin", "took the town of Saraqib" (not "took part", "took
    office", "took Ankara by surprise", "took Moscow's side"), or a place for its subject
    before "was" ("Afrin was taken by")."""
    f = ctx.folded
    before = ctx.places_in(make_span(max(clause.start, h.start - 40), h.start))
    if before and _PLACE_WAS.fullmatch(f, before[-1].span.end, h.start):
        return True
    m = _PLACE_OBJECT.match(f, h.end, clause.end)
    if m is None:
        return False
    pos = m.end()
    for p in ctx.places_in(make_span(pos, min(clause.end, pos + 60))):
        return p.span.start == pos and not f.startswith(("'s", " by surprise"), p.span.end)
    return False


_PURPOSE = re.compile(r"(?<![a-z])(?:in order )?to\s+([a-z]+)")
_PRONOUNS = frozenset({"their", "its", "they", "it"})
_RETALIATION = re.compile(
    r"(?<![a-z])(?:in response to|in retaliation|retaliat\w*|respond(?:ed|s|ing)?\s+(?:with|by))"
)
# Strings one of which every match of a pattern holds: a clause without them is not
# searched with the pattern (one opening with a lookbehind is tried at every offset). The
# retaliation words are found by str.find (a regex alternation of them costs twice as
# much), the army words by one search (as has_any would find them)
_RETALIATION_WORDS = ("retaliat", "in response to", "respond", "in revenge for", "to avenge")
_ANSWERED = re.compile(
    r"(?:in\s+response\s+to|in\s+retaliation\s+for|in\s+revenge\s+for|to\s+avenge)\s+"
    r"(?:the\s+|an?\s+|its\s+|their\s+|this\s+|that\s+)?(?:[a-z0-9'-]+\s+){0,2}$"
)
#: A word every match of _ANSWERED holds (looked for first: most clauses hold none).
_ANSWERED_WORDS = ("response", "retaliation", "revenge", "avenge")
#: The words a bare army is told by (looked for with has_any: three finds in C, where a
#: regex of them runs its matcher at every offset holding their first letters).
_BARE_ARMY_PARTS = ("army", "government", "regime")
_PLACE_NOUNS = re.compile(
    r"(?<![a-z])(?:towns?|city|cities|village|villages|posts?|base|bases|positions?|"
    r"districts?|area|areas|province|region|airport|highway|neighbou?rhoods?|strongholds?|"
    r"outposts?|localities|locality|settlements?|hills?|hilltops?)(?![a-z])"
)
# A place in the possessive that names who acts, not where: "at Ankara's request"
_OWNER = re.compile(
    r"'s?\s+(?:request|behest|call|demand|initiative|invitation|insistence|proposal|"
    r"approval|consent|support|backing|decision|position|ally|allies|envoy|delegation)"
    r"(?![a-z])"
)
# A word opening a clause that tells what happened before or while the trigger's event
_SUBORDINATE = re.compile(  # (word-start test after the first letter)
    r"(?:a(?<![a-z]a)fter|f(?<![a-z]f)ollowing|b(?<![a-z]b)efore|"
    r"w(?<![a-z]w)h(?:en|ile))\s"
)
_SUBORDINATE_WORDS = ("after", "following", "before", "when", "while")
_SEQUENCE = re.compile(  # (word-start test after the first letter)
    r"(?:a(?<![a-z]a)fter|f(?<![a-z]f)ollowing|b(?<![a-z]b)efore)\s"
)
_SEQUENCE_WORDS = ("after", "following", "before")
# "after days of bombardment", "following weeks of heavy fighting": a spell of violence
# as the backdrop of the event told, not an event of its own
_SPELL_OF = re.compile(
    r"\s*(?:(?:a|several|two|three|four|five|six|many|nearly|almost|more\s+than|over|"
    r"[0-9]+)\s+)*(?:days?|weeks?|months?|hours?|nights?|years?)\s+of\s"
)
# (the "after" and the "of" of "after days of heavy shelling", up to the attack noun)
_SPELL_BEFORE = re.compile(r"(?<![a-z])(after|following)\s.*?(\s+of\s)(?:[a-z]+\s+)?$")
# Who moves in without taking ground: "a convoy entered", "columns continue to enter"
_MOVERS = re.compile(  # (word-start test after the first letter)
    r"(?:c(?<![a-z]c)o(?:nvoys?|lumns?)|r(?<![a-z]r)einforcements|v(?<![a-z]v)ehicles|"
    r"m(?<![a-z]m)ilitary\s+police)(?![a-z])"
)
# "… enter the province": an area named only by its kind
_AREA_REF = re.compile(  # (word-start test after the first letter)
    r"the(?<![a-z]the)\s+(?:province|region|governorate)(?![a-z])"
)
# Where those who tell the news are: "a source in Ankara", "officials in Moscow said"
_SOURCE_IN = re.compile(  # (word-start test after the first letter)
    r"(?:s(?<![a-z]s)(?:ources?|pokes(?:wo)?m[ae]n)|o(?<![a-z]o)fficials?|"
    r"c(?<![a-z]c)orrespondents?|d(?<![a-z]d)iplomats?|r(?<![a-z]r)eporters?|"
    r"j(?<![a-z]j)ournalists?|a(?<![a-z]a)nalysts?)\s+(?:based\s+)?in\s+$"
)
# "retook the town", "entered the city": a settlement named before, by its kind
_SETTLEMENT_REF = re.compile(r"\s+(?:[a-z]+\s+){0,2}?the\s+(town|village|city)(?![a-z])")
_DEST = re.compile(  # (word-start test after the first letter)
    r"(?:t(?<![a-z]t)o(?:wards?)?|i(?<![a-z]i)nto)(?![a-z])"
)
# "and a civilian", "and a young boy", "and another (was)"
# (the word-start test after the "a" of "and": a pattern opening with a lookbehind is
# tried at every offset, one opening with a literal lets the regex engine skip ahead)
_ONE_MORE = re.compile(
    r"(?:a(?<![a-z]a)nd|,)\s+(?:(?:a|an|one)\s+([a-z]+)(?:\s+([a-z]+))?|"
    r"another(?:\s+(?:was|were))?)(?![a-z])"
)
# "an attack by Syrian forces", "the strikes were carried out by Russian aircraft": "by"
# right after the attack word (up to three words between) names the doers
_BY = re.compile(r"(?:\s+[\w'-]+){0,3}?\s+by\s+(?:the\s+)?(?:[\w'\"“-]+\s+){0,3}$")
_COMMANDS = re.compile(
    r"(?:(?:'s)?\s+|,\s+whose\s+)(?:regime|forces|troops|army|military|government)(?![a-z])"
)
_WORDS = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_INCLUDING = re.compile(
    r"(?:including|among them|of them|of whom|among whom)\s+(?:at\s+least\s+)?$"
)
# "backed by Russian air strikes", "supported by Turkish artillery": what supports an
# action named (the trigger noun right after, up to two words between)
_BACKED_BY = re.compile(
    r"(?:backed|supported|aided|assisted|covered)\s+by\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$"
)
# ", three of them women,", ", among them an old farmer,", ", including a nurse,":
# a part of the people counted, told between commas
_PARTS_LISTED = re.compile(
    r"(?:including|among\s+them|among\s+whom)\s+(?:at\s+least\s+)?[\w,.-]+\s+"
    r"(?:[a-z-]+\s+){0,2}and\s+(?:at\s+least\s+)?$"
)
_INSERTED = re.compile(
    r",\s*(?:(?:[a-z0-9]+\s+)?of\s+(?:them|whom)|among\s+them|including)\s[^,]{1,60},"
)
# "eight civilians, five of them children": the figure before "of them" is a part
_PART_OF = re.compile(r"\s+(?:of\s+them|of\s+whom|among\s+them)(?![a-z])")
_HELD_POST = re.compile(
    r"(?:\s+[a-z-]+){0,2}\s+(?:posts?|observation\s+posts?|bases?|positions?|outposts?|"
    r"garrisons?|troops|forces|soldiers)(?![a-z])"
)
# (the weapons and units a government's forces are named by: "government artillery hit
# villages", "regime warplanes")
_ARMS = (r"(?:forces|troops|soldiers|units|artillery|shelling|warplanes|aircraft|jets|"
         r"helicopters|rockets|drones|air\s*strikes|air\s+raids|bombardment|offensive)")
_BARE_ARMY = re.compile(
    r"(?<![a-z])(?:the\s+army|army\s+units|(?:pro-)?government\s+" + _ARMS + r"|regime\s+"
    + _ARMS + r"|regime)(?![a-z])"
)
# What an attack hits of a government's forces: "killed 19 government soldiers",
# "pounded regime positions"
_BARE_ARMY_HIT = re.compile(
    r"(?<![a-z])(?:government|regime|army)\s+(?:forces|troops|soldiers|units|positions?|"
    r"targets?|posts?|fighters|bases?|checkpoints?|helicopters?|warplanes?|jets?|"
    r"aircraft)(?![a-z])"
)
# The first three words of _WORDS.finditer from a position (what lies between words of
# _WORDS holds no letter or digit: the next word starts at the first one)
_FIRST_WORDS = re.compile(
    r"[^a-z0-9]*([a-z0-9]+(?:[-'][a-z0-9]+)*)(?:[^a-z0-9]*([a-z0-9]+(?:[-'][a-z0-9]+)*))?"
    r"(?:[^a-z0-9]*([a-z0-9]+(?:[-'][a-z0-9]+)*))?"
)
_ONE_WORDS = frozenset({"a", "an", "one", "his", "her", "their", "its"})
# "killing a woman and her two children": one person named before the counted group
_ONE_BEFORE = re.compile(  # (word-start test after the first letter)
    r"(?:a(?<![a-z]a)n?|o(?<![a-z]o)ne)\s+([a-z]+)(?:\s+([a-z]+))?\s+and\s+"
    r"(?:(?:his|her|their)\s+)?$"
)
# "A civilian was killed", "a Turkish soldier died": one person, the subject of a singular
# passive (or of "died") right before the casualty verb, is a toll of one
_ONE_SUBJECT = re.compile(
    r"(?<![a-z])(?:a|an|one)\s+(?:[a-z'-]+\s+){0,3}?([a-z]+)\s+"
    r"(?:(was|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+|also\s+)?(?:shot\s+)?)?$"
)
# "a nurse and her brother were hurt", "a local council official and his son died": two
# people named one by one as the subject of a plural passive
_TWO_SUBJECT = re.compile(
    r"(?<![a-z])(?:a|an|one)\s+(?:[a-z'-]+\s+){0,2}?([a-z]+)\s+and\s+(?:his|her|their|a|an|"
    r"one)\s+(?:[a-z'-]+\s+)?([a-z]+)\s+(?:were|have\s+been|had\s+been)\s+"
    r"(?:[a-z]+ly\s+|also\s+)?(?:shot\s+)?$"
)
_NEGATED_ONE = re.compile(r"(?<![a-z])(?:not|no|nor|without|never)\s+$")
# (singular nouns of a group: "a family was killed" is more than one)
_GROUP_NOUNS = frozenset({"family", "staff", "personnel", "police", "aid"})
# "its pilot was killed", "the commander has been wounded": one person, the singular
# subject after a possessive or "the" of a passive ("was": not "the soldiers were")
_THE_SUBJECT = re.compile(
    r"(?<![a-z])(?:its|his|her|their|the)\s+(?:[a-z'-]+\s+){0,2}?([a-z]+)\s+"
    r"(?:was|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+|also\s+)?$"
)
# the word before a casualty verb with no determiner ("Turkish soldier killed in X", a
# headline's way)
_LAST_WORD = re.compile(r"(?<![a-z0-9'-])([a-z]+)\s+$")
# What may follow a past participle that has no object, so that it is a passive with its
# auxiliary left out (a headline's "Russian officer killed near Palmyra", the reduced
# relative "a week after two soldiers wounded in Ariha …"), not an active verb before its
# object ("killed at least 12", "killed two soldiers")
_NO_OBJECT = re.compile(
    r"\s*(?:[.,;:!?)\"\u201d\u2013\u2014]|$|(?:in|near|on|during|when|as|after|while|outside|"
    r"inside|following|amid|by|since|from|over|along|"
    r"at(?!\s+least))(?![a-z]))"
)
# "… after government troops pulled out", "as the regime's forces withdrew": those who
# left the ground taken
_LEFT_AFTER = re.compile(
    r"(?<![a-z])(?:after|as|when|once)\s+([^,;]{3,50}?)\s+(?:had\s+)?(?:pulled\s+(?:out|back)|"
    r"withdrew|withdrawn|retreated|fled|abandoned|evacuated)(?![a-z])"
)
# "the deadliest week of", "the fiercest Syrian": a superlative before an attack noun
_SUPERLATIVE = re.compile(r"(?<![a-z])(?:the|its)\s+[a-z]+est\s+(?:[a-z-]+\s+){0,4}$")
_HAVE_WORDS = frozenset({"has", "have", "had"})
_ASIDE_PERFECT = re.compile(r",\s+(?:which|who)\s+(?:has|have|had)\s+$")
# a relative pronoun before a verb ("a group that attacks …", "the post, which has been
# surrounded")
_RELATIVES = frozenset({"that", "which", "who"})
# armed nouns that name what is hit, not who hits ("Turkish convoy shelled near X")
_THINGS_HIT = ("convoy", "post", "posts", "point", "points", "patrol", "patrols", "column",
               "columns", "tank", "tanks", "vehicle", "vehicles", "targets", "positions")
# the transitive participles ("shelled", "targeted") whose use with no object is a passive
# (not "struck", "attacked": "rebels attacked at dawn" is active)
_TRANSITIVE_ONLY = frozenset({
    "killed", "wounded", "injured", "hurt", "martyred", "shelled", "bombed", "bombarded",
    "targeted", "shot",
})
_AUX = frozenset({"were", "was", "have", "has", "had", "been", "are", "is", "reportedly",
                  "also", "later", "lightly", "slightly", "seriously", "severely",
                  "critically", "badly", "fatally", "mortally"})
#: A toll in the perfect with "more than"/"at least" ("over 300 people have been
#: killed"): the tally of a war or campaign, not the dead of the attack just told.
_TALLY = re.compile(
    r"(?<![a-z])(?:more\s+than|over|at\s+least|nearly|almost|some)\s+[0-9][0-9,.]*\s+"
    r"(?:[a-z]+\s+){0,2}(?:have|has)\s+been\s+(?:killed|wounded|injured)(?![a-z])"
)
#: A subordinate clause after the trigger, its subject named next ("… since Baku and
#: Yerevan signed", "… before Iranian forces withdrew"): that subject acts in another event.
_LATER_SUBORDINATE = ("since ", "after ", "before ", "when ", "while ", "until ")
_SUBJECT_OF_LATER = re.compile(  # (word-start test after the first letter)
    r"(?:s(?<![a-z]s)ince|a(?<![a-z]a)fter|b(?<![a-z]b)efore|w(?<![a-z]w)h(?:en|ile)|"
    r"u(?<![a-z]u)ntil)\s+(?:the\s+)?(?:[a-z-]+\s+(?:and\s+)?)?$"
)
# the past verb of a subordinate clause, after a subject of up to five words ("after
# President Donald Trump pulled")
_LATER_VERB = re.compile(r"[a-z]+\s+(?:[\w.'’-]+\s+){1,5}?[a-z]{3,}ed(?![a-z])")
#: An attack aimed at what a state holds, told after a passive ("… in an attack on one of ").
_ON_ONE_OF = re.compile(
    r"(?<![a-z])(?:on|against|targeting)\s+(?:(?:one|two|three|some|several|many|each|all|"
    r"any|none)\s+of\s+)?(?:the\s+)?$"
)
_AFTER_BY = re.compile(r"(?:^|\s)(?:by|of|from|to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")
# "two Iranian advisers were hurt, as were four Syrian officers", "… killed along
# with a Russian military policeman": more of those hit, after the passive
_AS_WERE = re.compile(
    r"(?:,\s*as\s+(?:were|was)|along\s+with|together\s+with)\s+(?:[a-z0-9,-]+\s+){0,4}$")


# (the patterns the helpers below use, compiled once)
_NEXT_LETTERS = re.compile(r"\s+([a-z]+)")
_TOLL_END = re.compile(r"\s*(?:[.,;:!?)\"”]|$|and\s|people\b)")
_TOLL_TO = re.compile(
    r"(?:rose|risen|climbed|reached|increased|jumped|stood|stands)\s+(?:to|at)\s+$")
# the word a figure of people with its noun left out is the subject of: "32 more
# wounded", "12 others were hurt", "nine have been killed"
_ELLIPTIC_NEXT = re.compile(
    r"\s+(?:(?:more|others?)\s+)?(?:(?:were|was|are|have\s+been|had\s+been)\s+"
    r"(?:also\s+)?)?([a-z]+)"
)
_LISTING = re.compile(r",\s*(?:including|such as|especially|notably)\b")
_FROM_BEFORE = re.compile(r"(?:from|of)\s+(?:the\s+)?$")
_LETTER_RUN = re.compile(r"[a-z]+")
#: what lies between two actors named together ("X and Y", "X, Y")
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
_AND_OR = re.compile(r"(?<![a-z])(?:and|or)(?![a-z])")


@attrs.define
class _Candidate:
    """An incident as one clause tells it (mutable while merging)."""

    type: IncidentType
    clause: Span
    sentence: int
    paragraph: int
    refer: bool
    generic: bool
    perpetrators: set[str]
    targets: set[str]
    place: Place | None
    place_rank: int
    date: TimeValue | None
    date_strength: int  # 3 own clause, 2 sentence, 1 statement, 0 inherited
    killed: Claim | None
    injured: Claim | None
    displaced: Claim | None
    reported_by: str | None
    pronoun_doer: bool
    retaliation: bool
    evidence: list[Span] = attrs.field(factory=list)
    #: the province its clause names ("near Balyun in Idlib province"): where an answer
    #: to it that names no place of its own struck
    region: Place | None = None
    #: the attack another one answers ("in response to the shelling of a Turkish post")
    provoked: bool = False
    #: its clause names the area only as "the province" or "the region"
    area_ref: bool = False
    #: its clause tells it as part of the attack just told ("in the same series of strikes")
    same_wave: bool = False
    #: its clause tells a trend of attacks ("government shelling has intensified"): no
    #: incident of its own, but the side of the attack told next as an instance of it
    trend: bool = False


# --------------------------------------------------------------------------- hooks


@hookimpl
def idlib_annotate(doc: Document) -> list[Annotation] | None:
    """Mark incident trigger words (key: the :class:`IncidentType` value)."""
    return trigger_annotations(doc, "incident_triggers", AnnotationLabel.INCIDENT_TRIGGER, "type",
                               builtin_name(__name__))


@hookimpl
def idlib_extract_events(doc: Document, actors: Sequence[Actor]) -> list[Incident] | None:
    """Return the incidents told in ``doc`` (see the module docstring for the rules)."""
    found = extract_incidents(doc, actors)
    return list(found) or None


def extract_incidents(doc: Document, actors: Sequence[Actor] = ()) -> tuple[Incident, ...]:
    """Read the incidents of one article.

    Args:
        doc: the analysed article, with the annotations of the other plugins.
        actors: the resolved actors (states and groups are perpetrators and targets).

    Returns:
        Incidents in text order, ids ``incident:<article>:<n>``.

    Example:
        >>> from idlib_corpus.document import build_document, Annotation, AnnotationLabel
        >>> from idlib_corpus.model import Article, Span
        >>> t = "Syrian troops entered the town of Saraqib."
        >>> anns = [Annotation(Span(0, 6), AnnotationLabel.NATIONALITY, "Syrian", "SY"),
        ...         Annotation(Span(34, 41), AnnotationLabel.PLACE, "Saraqib", "saraqib")]
        >>> i, = extract_incidents(build_document(Article(id="a", text=t), anns))
        >>> i.type.value, i.perpetrators, i.place.name
        ('territorial_change', ('state:SY',), 'Saraqib')
    """
    ctx = event_context(doc, actors)
    if ctx.is_sport:
        return ()
    records: list[_Candidate] = []
    pending: list[_Candidate] = []
    sports = set(_sentences_with(ctx, "sports"))
    for si, sent, clause in _trigger_clauses(ctx):
        found = () if si in sports else ctx.hits_in("incident_triggers", clause)
        if found and has_any(ctx.folded, ("after", "following"), clause.start, clause.end):
            found = _no_backdrop(ctx, clause, found)
        if found:
            # (the brackets reaching into the clause, read once for its triggers)
            brackets = ctx.brackets_over(clause)
            by_type: dict[IncidentType, list[Hit]] = {}
            for t in found:
                if t.value.get("place_after") and not _takes_a_place(ctx, t, clause):
                    continue
                if _factual(ctx, clause, t, brackets):
                    typ = _TYPES.get(t.value["type"]) or IncidentType(t.value["type"])
                    by_type.setdefault(typ, []).append(t)
            if len(by_type) > 1 and _TERRITORIAL in by_type and _DEPLOYMENT in by_type:
                # "withdrew from the post at X" moves troops; "withdrew from X" loses X
                gone = {h.start for h in by_type[_DEPLOYMENT] if "withdrawal" in h.value}
                left = [h for h in by_type[_TERRITORIAL] if h.start not in gone]
                if left:
                    by_type[_TERRITORIAL] = left
                else:
                    del by_type[_TERRITORIAL]
            for typ, hits in by_type.items():
                cand = _read_clause(ctx, si, sent, clause, typ, hits, records, brackets,
                                    pending)
                if cand is not None:
                    pending.append(cand)
        if clause.end >= sent.end:
            # "following an incident …, where forces came under fire": the incident
            # word names the attack its own sentence tells, not an earlier one
            told = any(not c.generic for c in pending if c.type is _ATTACK)
            _answer_sides(pending, ctx.folded)
            for cand in pending:
                if not (cand.generic and told):
                    _add(records, cand)
            pending = []
    _later_casualties(ctx, records)
    _later_blame(ctx, records)
    _later_claim(ctx, records)
    _restated_figures(ctx, records)
    records = [r for r in records if not r.trend]
    if any((r.place is None and (r.type is not _DEPLOYMENT or r.area_ref))
           or (r.area_ref and r.place is not None
               and (r.place.kind is _COUNTRY or r.place_rank >= 6))
           for r in records):
        theatre = _theatre(ctx)
        if theatre is not None:
            for r in records:
                if (r.place is None and (r.type is not _DEPLOYMENT or r.area_ref)) or (
                    # "another post in the province" told with "in Syria", or with a town
                    # only of the sentence before: the province
                    r.area_ref and r.place is not None
                    and (r.place.kind is _COUNTRY or r.place_rank >= 6)
                    and not theatre.is_country and theatre.country == r.place.country
                ):
                    # ("columns continue to enter the province": the story's province)
                    # "Turkey launched an operation on Sunday": in the war the story is about
                    r.place, r.place_rank = theatre.place, 9
    # (after the story's place is given: "seized nearly all of the province" needs it)
    records = [r for r in records if _worth_keeping(r)]
    article_id = doc.article.id
    return tuple(_finish(article_id, i, r) for i, r in enumerate(records, 1))


def _answer_sides(pending: list[_Candidate], f: str) -> None:
    """An attack the sentence names as answered ("in response to the shelling of a
    Turkish post", "Turkey hit back after 33 soldiers were killed") was done by those its
    answer hit, to those who answered; an attack told in a "when" clause after another
    with no doers of its own ("Russian bombing since 2020, when a strike killed 70") is
    of the same hands."""
    for before, c in itertools.pairwise(pending):
        if c.type is _ATTACK and before.type is _ATTACK and not c.perpetrators \
                and before.perpetrators and not before.provoked \
                and _WHEN_OPENS.match(f, c.clause.start, c.clause.end):
            # "the heaviest Russian raids since 2019, when a missile strike on a base left
            # 30 dead": the attack the "when" clause tells is of the same hands
            c.perpetrators = before.perpetrators - c.targets
    for c in pending:
        if c.type is _ATTACK and not c.provoked and f.startswith(
                ("after ", "following "), c.clause.start) and any(
                a.retaliation and a.clause.end <= c.clause.start for a in pending):
            c.provoked = True
        if not c.provoked:
            continue
        answer = next((a for a in pending if a is not c and a.type is _ATTACK
                       and not a.provoked and (a.perpetrators or a.targets)), None)
        if answer is None:
            continue
        if not c.perpetrators:
            c.perpetrators = answer.targets - c.targets
        if not c.targets:
            c.targets = answer.perpetrators - c.perpetrators


_MEMO_STARTS = "incidents.sentence_starts"
_MEMO_DATES = "incidents.sentence_dates"
_MEMO_RETALIATION = "incidents.retaliation_words"


def _sentences_with(ctx: EventContext, lexicon: str) -> list[int]:
    """The indexes of the sentences holding a phrase of ``lexicon`` (as ``ctx.has``), in
    text order: found from the phrases (a few an article), not by testing every sentence."""
    hits = ctx.hits[lexicon].hits
    if not hits:
        return []
    sents = ctx.sentences
    memo = ctx.memo
    if _MEMO_STARTS in memo:
        starts = memo[_MEMO_STARTS]
    else:
        # (sentences split from the text follow each other without overlapping: then the
        # one a phrase can lie in is the last starting at or before it)
        apart = all(a.end <= b.start for a, b in itertools.pairwise(sents))
        starts = memo[_MEMO_STARTS] = [s.start for s in sents] if apart else None
    if starts is None:
        return [i for i, sent in enumerate(sents) if ctx.has(lexicon, sent)]
    out: list[int] = []
    last = -1
    right = bisect.bisect_right
    for h in hits:
        i = right(starts, h.start) - 1
        if i > last and h.end <= sents[i].end:
            out.append(i)
            last = i
    return out


def _trigger_clauses(ctx: EventContext) -> Iterator[tuple[int, Span, Span]]:
    """The clauses of the sentences holding an incident trigger: (sentence index, sentence,
    clause), the body's in text order, then the headline's (a headline sums up an event
    the body tells more carefully): ``iter_clauses(ctx, "incident_triggers",
    headline_last=True)``, without a look at every sentence."""
    sents = ctx.sentences
    body: list[int] = []
    head: list[int] = []
    for i in _sentences_with(ctx, "incident_triggers"):
        (head if ctx.in_headline(sents[i]) else body).append(i)
    f = ctx.folded
    for i in itertools.chain(body, head):
        sent = sents[i]
        for clause in ctx.clauses(sent):
            if has_any(f, _SEQUENCE_WORDS, clause.start, clause.end):
                parts = _sequence_split(ctx, clause)
            else:
                parts = [clause]
            for part in parts:
                if f.find(" and ", part.start, part.end) >= 0:
                    yield from ((i, sent, p) for p in _coordinate_split(ctx, part))
                else:
                    yield i, sent, part


_SPLIT_TYPES = frozenset({"territorial_change", "armed_attack"})


def _coordinate_split(ctx: EventContext, clause: Span) -> list[Span]:
    """A clause cut before "and" joining two captures ("troops took X on Monday, and the
    next day entered Y": the second part's doers are the first's, see ``elided`` in
    :func:`_read_clause`) or, after a comma, two blows with subjects of their own
    ("helicopters dropped barrel bombs on X, the monitor said, and Syrian artillery
    shelled Y")."""
    f = ctx.folded
    real = [h for h in ctx.hits_in("incident_triggers", clause)
            if h.value["type"] in _SPLIT_TYPES and h.value["class"] != "generic"]
    if len(real) < 2:
        return [clause]
    cuts = []
    last_taken = None  # (the capture verb before)
    for i, b in enumerate(real):
        verb = b.value.get("pos") != "noun" and b.value["voice"] == "active"
        taken = verb and b.value["type"] == "territorial_change"
        if verb and i:
            # ("and then", "and the next day", "and two days later": a few words at most;
            # the first names its own place: not "surrounded and captured Saraqib")
            a = last_taken if taken else real[i - 1]
            cut = -1 if a is None else f.rfind(" and ", a.end, b.start)
            if a is not None and cut >= 0 and _few_words(f, cut + 5, b.start, 4) \
                    and ctx.places_in(make_span(a.end, cut)) and (taken or (
                        f.startswith(",", cut - 1) and (
                            ctx.mentions_in(make_span(cut + 5, b.start))
                            or ctx.hits["armed_nouns"].between(cut + 5, b.start)))):
                cuts.append(cut + 1)
        if taken:
            last_taken = b
    if not cuts:
        return [clause]
    bounds = [clause.start, *cuts, clause.end]
    return [make_span(x, y) for x, y in itertools.pairwise(bounds)]


def _no_backdrop(ctx: EventContext, clause: Span, hits: list[Hit]) -> list[Hit]:
    """The triggers of a clause less the attack nouns of a spell of violence told as the
    backdrop of its event ("took X after days of bombardment", "following weeks of heavy
    fighting")."""
    f = ctx.folded
    kept = []
    for h in hits:
        if h.value["type"] == "armed_attack" and h.value.get("pos") == "noun":
            lo = h.start - 60 if h.start - 60 > clause.start else clause.start
            m = _SPELL_BEFORE.search(f, lo, h.start)
            if m is not None and _SPELL_OF.fullmatch(f, m.end(1), m.end(2)):
                continue
        kept.append(h)
    return kept


def _sequence_split(ctx: EventContext, clause: Span) -> list[Span]:
    """A clause cut before "after"/"following" where both sides hold an event trigger of
    their own: "Turkey struck Syrian targets | after 33 Turkish soldiers were killed in an
    air strike" tells two events, the second one first."""
    f = ctx.folded
    real = [h for h in ctx.hits_in("incident_triggers", clause)
            if h.value["class"] != "generic"]
    if len(real) < 2:
        return [clause]
    for m in _SEQUENCE.finditer(f, clause.start, clause.end):
        cut = m.start()
        if f.startswith("before", cut):
            continue  # ("before being killed by …": the same event, seen from its end)
        if _SPELL_OF.match(f, m.end()):
            continue  # ("took X after days of bombardment": a backdrop, no event told)
        if any(h.end <= cut for h in real) and any(h.start >= cut for h in real):
            return [make_span(clause.start, cut), make_span(cut, clause.end)]
    return [clause]


def _theatre(ctx: EventContext) -> PlaceRef | None:
    """The place the article's war is in: the (last, widest) place its headline names in
    the country the fighting is in (else any it names), else the one its prose names most
    (at least three times); ``None`` when it names none."""
    head = [] if ctx.headline is None else [
        p for s in ctx.sentences if ctx.in_headline(s)
        for p in ctx.places_in(s) if not p.is_country and not ctx.is_actor_span(p.span)
    ]
    if head:
        # (not the venue of talks the headline also names: "raises Idlib with Putin in
        # Lima": a place in the country the fighting is in, where one is named)
        war = _war_state(ctx)
        home = [p for p in head if war is not None and p.country == war[6:]]
        return (home or head)[-1]  # "town of Saraqib in Idlib": the wider place comes last
    counts: dict[str, list[PlaceRef]] = {}
    for p in ctx.places:
        if not p.is_country and not ctx.is_actor_span(p.span):
            counts.setdefault(p.base.name, []).append(p)
    if not counts:
        return None
    best = max(counts.values(), key=len)
    return best[0] if len(best) >= 3 else None


def _later_casualties(ctx: EventContext, records: list[_Candidate]) -> None:
    """Figures told in a sentence of their own right after an attack ("Another 32 soldiers
    were wounded") fill the attack's empty casualty slots."""
    attacks = [r for r in records if r.type is _ATTACK and r.evidence]
    if not attacks:
        return
    sents = ctx.sentences
    for i in _sentences_with(ctx, "casualty_verbs"):
        sent = sents[i]
        if ctx.in_headline(sent):
            continue
        if ctx.has("incident_triggers", sent) and (
            _own_trigger(ctx, sent) or ctx.times_in(sent)
            or any(not p.is_country for p in ctx.places_in(sent))
            or any(e.start >= sent.start and e.end <= sent.end
                   for r in records for e in r.evidence)
        ):
            # "Eight civilians were killed." counts the dead of the attack before; with a
            # time, a place (not a country: "Syria's health minister said 89 people had
            # been killed") or a record of its own ("Last year, 40 people were killed in
            # the town") it tells another event
            continue
        told = _last_attack_before(attacks, sent.start)
        if told is None:
            continue
        end, attack = told
        if sent.start - end > 300:
            continue  # (only the sentence or two right after the attack)
        if any(ctx.has(lex, sent) for lex in ("non_factual", "negations")):
            continue  # "could be wounded", "no one was hurt"
        if _TALLY.search(ctx.folded, sent.start, sent.end):
            continue  # "over 300 people have been killed": a tally of the war
        killed, injured = _casualties(ctx, sent, _claimant(ctx.speech(sent), sent))
        if attack.killed is None and killed is not None:
            attack.killed = killed
            attack.evidence.append(sent)
        if attack.injured is None and injured is not None:
            attack.injured = injured
            attack.evidence.append(sent)


def _last_attack_before(
    attacks: list[_Candidate], pos: int
) -> tuple[int, _Candidate] | None:
    """The attack of ``attacks`` told last before ``pos`` (by the end of its evidence
    there), with that end; ``None`` where none is told before."""
    best: tuple[int, _Candidate] | None = None
    for r in attacks:
        end = max((e.end for e in r.evidence if e.end <= pos), default=-1)
        if end >= 0 and (best is None or end > best[0]):
            best = (end, r)
    return best


def _own_trigger(ctx: EventContext, sent: Span) -> bool:
    """Whether a sentence tells an event of its own: a trigger other than a casualty verb
    ("Eight civilians were killed." only counts the dead of the attack told before)."""
    trig = ctx.hits_in("incident_triggers", sent)
    if not trig:
        return False
    verbs = ctx.hits_in("casualty_verbs", sent)
    # ("were killed": the trigger holds the verb)
    return any(not any(t.start < v.end and v.start < t.end for v in verbs) for t in trig)


def _later_blame(ctx: EventContext, records: list[_Candidate]) -> None:
    """Those blamed in a sentence of its own right after an attack with no doers told ("A
    Turkish convoy was hit by an air strike. The Turkish defence ministry blamed
    Damascus.") are its doers."""
    # (an attack with no doers first: most articles have none)
    attacks = [r for r in records if r.type is _ATTACK and r.evidence]
    if not attacks or all(r.perpetrators for r in attacks):
        return
    crafts = _crafts_named(ctx)
    if not ctx.hits["blame"].hits and not crafts:
        return
    sents = ctx.sentences
    starts = [s.start for s in sents] if crafts else []
    for i in sorted(set(_sentences_with(ctx, "blame")) | {
        bisect.bisect_right(starts, c.span.start) - 1 for c in crafts
    }):
        sent = sents[i]
        if ctx.in_headline(sent) or ctx.has("incident_triggers", sent):
            continue  # (a sentence with an attack word of its own is read as a clause)
        told = _last_attack_before(attacks, sent.start)
        if told is None:
            continue
        end, attack = told
        if attack.perpetrators or sent.start - end > 300 or ctx.has("negations", sent):
            continue  # (the sentence or two right after it; not "did not blame")
        ends = [b.end for b in ctx.hits_in("blame", sent)]
        # (not "blamed Turkey for failing to rein in the militants": another fault)
        doers = {m.actor for m in _forces_named(ctx, ctx.mentions_in(sent), [], [])
                 if any(0 <= m.span.start - e <= 20 for e in ends)
                 and ctx.folded.find(" for ", m.span.end, sent.end) < 0} - attack.targets
        # "Medics said the planes were Iranian": the state the aircraft were
        doers |= {c.actor for c in crafts if sent.start <= c.span.start < sent.end}
        if doers:
            attack.perpetrators = doers
            attack.evidence.append(sent)


# "the local council puts the total at nearly 90,000", "relief workers estimate the
# number at 65,000": another source's figure of the displacement just told
_RESTATED = re.compile(
    r"(?<![a-z])(?:put|puts|putting|estimated?|estimates|estimating|placed?|places)\s+"
    r"(?:the|that|this|their|its)\s+(?:figure|number|total|count|tally)\s+at\s+$"
)


def _restated_figures(ctx: EventContext, records: list[_Candidate]) -> None:
    """A figure another source gives for the displacement told just before ("Relief groups say
    42,000 people have left. The provincial council puts the number at 55,000.") is one more
    record of it (one for each figure, since sources differ)."""
    f = ctx.folded
    if f.find("figure at") < 0 and f.find("number at") < 0 and f.find("total at") < 0:
        return  # (most articles: no figure restated)
    moved = [r for r in records if r.type is _DISPLACEMENT and r.displaced is not None]
    if not moved:
        return
    # (where each was told last: the records inserted below are not read again)
    ends = [(max(e.end for e in r.evidence), r) for r in moved if r.evidence]
    for n in ctx.numbers:
        start = n.span.start
        if not _RESTATED.search(f, max(0, start - 40), start):
            continue
        told = [(end, r) for end, r in ends if end <= start]
        if not told:
            continue
        end, first = max(told, key=lambda item: item[0])
        if start - end > 250 or not isinstance(n.value, int) or (
                first.displaced is not None and first.displaced.value == n.value):
            continue
        sents = ctx.sentences
        sent = sents[bisect.bisect_right([x.start for x in sents], start) - 1]
        records.insert(records.index(first) + 1, attrs.evolve(
            first, displaced=_claim([n], ctx, None), reported_by=None,
            evidence=[*first.evidence[:1], sent],
            perpetrators=set(first.perpetrators), targets=set(first.targets)))


# "X claimed responsibility", "the group claimed the attack": X did it
_CLAIMED = re.compile(
    r"(?<![a-z])(?:claimed|claims|has\s+claimed|have\s+claimed)\s+(?:responsibility|"
    r"the\s+(?:attack|bombing|blast|strike|raid|shooting|ambush|downing)(?![a-z]))"
)


def _later_claim(ctx: EventContext, records: list[_Candidate]) -> None:
    """The group (or state) that claims an attack in a sentence after it ("A little-known
    group calling itself X claimed responsibility for that bombing", "The PKK claimed the
    attack") did it, where the attack told last before has no doers."""
    f = ctx.folded
    if f.find("claim") < 0:
        return  # (most articles: no claim)
    attacks = [r for r in records if r.type is _ATTACK and r.evidence]
    if not attacks or all(r.perpetrators for r in attacks):
        return
    starts = [s.start for s in ctx.sentences]  # (built once, not per claim)
    for m in _CLAIMED.finditer(f):
        si = bisect.bisect_right(starts, m.start()) - 1
        if si < 0:
            continue
        sent = ctx.sentences[si]
        if ctx.in_headline(sent) or m.start() >= sent.end or ctx.has("negations", sent):
            continue
        told = _last_attack_before(attacks, sent.start)
        if told is None:
            continue
        end, attack = told
        if attack.perpetrators or sent.start - end > 700:
            continue
        # (the subject: the first state or group of the sentence before the claim, not
        # one its apposition names: "X, a coalition headed by ex-jihadist commanders,")
        subject = [x for x in ctx.mentions_in(make_span(sent.start, m.start()))
                   if x.kind in ("group", "state") and not x.locative and not x.backer]
        if subject and subject[0].actor not in attack.targets:
            attack.perpetrators = {subject[0].actor}
            attack.evidence.append(sent)


_MEMO_CRAFTS = "incidents.crafts_named"
# "the jets were Iranian", "the aircraft was probably Israeli": what lies between an
# aircraft word and the state it is said to be
_CRAFT_WAS = re.compile(
    r"\s+(?:was|were)\s+(?:(?:probably|likely|most\s+likely|believed\s+to\s+be|"
    r"thought\s+to\s+be|identified\s+as)\s+)?$"
)


def _crafts_named(ctx: EventContext) -> list[Mentioned]:
    """The states named as what the aircraft of an attack were (", which said the jets
    were Iranian"): each mention right after "<aircraft word> was/were" (the aircraft words
    are among ``armed_nouns``; read once per article)."""
    found: list[Mentioned] | None = ctx.memo.get(_MEMO_CRAFTS)
    if found is None:
        found = ctx.memo[_MEMO_CRAFTS] = []
        f = ctx.folded
        for h in ctx.hits["armed_nouns"].hits:
            if h.phrase in _CRAFT_WORDS and f.startswith((" was ", " were "), h.end):
                for m in ctx.mentions_in(make_span(h.end, min(len(f), h.end + 40))):
                    if m.kind == "state" and _CRAFT_WAS.fullmatch(f, h.end, m.span.start):
                        found.append(m)
                    break
    return found


_CRAFT_WORDS = frozenset({"aircraft", "warplanes", "warplane", "jets", "jet", "planes", "plane",
                          "helicopters", "helicopter", "drones", "drone", "bombers"})


# --------------------------------------------------------------------------- triggers


#: The words before a trigger that make it no fact ("not", "no" …), or (before a noun) the
#: topic of talks ("agreement on the deployment", "talks about the attacks").
_NEGATIONS = frozenset({"not", "no", "never", "without"})
_TOPICS = frozenset({"on", "about", "over", "regarding", "concerning"})
_GOING_ON = frozenset({"continue", "continues", "continued", "began", "begun", "begin",
                       "begins", "started", "start", "starts", "keep", "keeps", "kept"})
_TOPIC_OF = frozenset({"of", "about", "for", "against", "over", "on"})
# "accused Damascus of ", "accuses the Syrian regime of ": an accusation of a deed
_ACCUSED_OF = re.compile(r"\s+(?:the\s+)?(?:[\w'-]+\s+){1,3}of\s+(?:the\s+)?")
_USED = frozenset({"used", "using", "uses"})
#: Nouns of a trend ("amid a spike in Russian air strikes"): the attacks they measure are
#: a state of things over weeks, no event of a day.
_TREND = frozenset({"surge", "spike", "escalation", "upsurge", "uptick", "increase", "rise",
                    "intensification", "upswing", "lull", "decline", "drop", "decrease"})
_TREND_OF = frozenset({"in", "of"})
#: Forces a bare "deployed" may follow as a reduced relative ("Turkish forces deployed in
#: the area did not respond"), and the finite verbs after it that show it is one: the
#: forces are where they were, the sentence tells something else.
_DEPLOYED_FORCES = frozenset({"troops", "forces", "soldiers", "police", "units", "commandos",
                              "personnel", "servicemen", "contingent", "troop"})
_FINITE_AFTER = frozenset({"did", "do", "does", "have", "has", "had", "were", "was", "are",
                           "is", "will", "would", "could", "can", "came", "come", "comes",
                           "remain", "remained", "remains", "returned", "responded"})
_NO_ONE = frozenset({"no", "not", "nobody", "none", "never"})


def _factual(ctx: EventContext, clause: Span, t: Hit, brackets: list[Span]) -> bool:
    """Whether a trigger tells something that happened (not a plan, habit or adjective);
    ``brackets``: ``ctx.brackets_over(clause)``.

    Every test says no on its own, so they run in any order: the cheap ones first.
    """
    # (the stretches read around the trigger as offsets, and the lexicons' hits between
    # them: no span is built; ``between`` finds what ``hits_in`` and ``has`` would)
    start, end = t.start, t.end
    if brackets and in_any_bracket(brackets, start, end):
        return False
    f = ctx.folded
    floor, ceiling = clause.start, clause.end
    value = t.value
    phrase = t.phrase
    noun = value.get("pos") == "noun"
    # The words before it, read once: the 24 characters before it hold the two words
    # ``ctx.words_before(start, 2, floor)`` reads; where they hold two words or more, the
    # last is the last of ``ctx.words_before(start, 5, floor)`` (the 60 characters before
    # it: only the first word of a window can be cut by its start, and the words after it
    # are cut the same way in both), else that is read from the 60.
    lo = start - 24 if start - 24 > floor else floor
    words = _WORDS.findall(f, lo, start)
    if words:
        near = words[-2:]
        if not _NEGATIONS.isdisjoint(near):
            return False
        if noun and not _TOPICS.isdisjoint(near):
            return False  # "agreement on the deployment", "talks about the attacks"
        if near[-1] in _TOPIC_OF and phrase.partition(" ")[0].endswith("ing") and not any(
            w.startswith("accus") for w in words[-5:]
        ):
            # "the cost of sending troops", "talk about shelling": a topic (not "accused
            # Damascus of killing 13 soldiers": a deed)
            return False
        if words[-1] in _RELATIVES and phrase.startswith(("has been", "have been", "had been")):
            return False  # "the post, which has been surrounded for a year": a state
        if value["class"] == "casualty" and not _NO_ONE.isdisjoint(words[-4:]):
            return False  # "no one else was wounded", "none of them were hurt"
        if phrase.endswith("died") and _TROOPS.isdisjoint(words[-3:]):
            return False  # (only "12 soldiers had died": "one person has died" in a crash)
        if phrase == "deployed" and words[-1] in _DEPLOYED_FORCES:
            # (up to a comma or an "and": "deployed on Monday and are now manning posts")
            stop = f.find(",", end, ceiling)
            stop = stop if stop >= 0 else ceiling
            conj = f.find(" and ", end, stop)
            if not _FINITE_AFTER.isdisjoint(_WORDS.findall(f, end, conj if conj >= 0 else stop)):
                return False  # "troops deployed near X came under fire": where they are
        if noun and not _TREND_OF.isdisjoint(words[-3:]) and any(
            w in _TREND and words[i + 1] in _TREND_OF
            for i, w in enumerate(words[-4:-1], len(words) - 4 if len(words) > 3 else 0)
        ):
            return False  # "amid a surge in air strikes", "an escalation of attacks"
    if len(words) < 2 and lo > floor:
        words = _WORDS.findall(f, start - 60 if start - 60 > floor else floor, start)
    last = words[-1] if words else None
    if last is not None:
        if last == "to" and not phrase.endswith(("ing", "tion", "s")) and not (
            len(words) > 1 and words[-2] in _GOING_ON
        ) and _USED.isdisjoint(words[-4:-1]):
            # "pressed to capture", "to attack" (not "to observation posts", nor "columns
            # continue to enter the province": that goes on; nor "used drones to attack
            # the base": what they did it with)
            return False
        if last in _HAVE_WORDS and _ASIDE_PERFECT.search(f, max(floor, start - 30), start):
            # "Iran, which has stationed hundreds of advisers near Aleppo, flew …": what the
            # aside tells is background
            return False
        if last in _RELATIVES and phrase[-1] == "s" and " " not in phrase \
                and not phrase.endswith("ss"):
            return False  # "a regime that shells its own towns": what it does, no event
        if last == "be" and len(words) > 1 and words[-2] == "to":
            return False  # "expected to be displaced", "for 500,000 people to be uprooted"
        if last in ctx.voc.definite and phrase.endswith("ed") and " " not in phrase:
            return False  # "the surrounded posts"
    if noun and f.find(" by ", start - 40 if start - 40 > floor else floor, start) >= 0 \
            and _BACKED_BY.search(f, start - 40 if start - 40 > floor else floor, start):
        return False  # "an offensive backed by Russian air strikes": the support, no event
    if phrase == "displaced":
        nxt = _NEXT_LETTERS.match(f[end:end + 20])
        if nxt and nxt.group(1) in ctx.voc.person_nouns:
            return False  # "displaced people": a stock, not an event
    hits = ctx.hits
    # (a lexicon without a phrase in the article is not searched: most have none)
    lex = hits["non_factual"]
    for hit in lex.between(start - 90 if start - 90 > floor else floor, start) \
            if lex.hits else ():
        gap = f[hit.end:start]
        if hit.phrase.startswith("accus") and _ACCUSED_OF.fullmatch(gap):
            continue  # "accused Damascus of killing 13 soldiers": who did what was done
        if "," not in gap and len(gap.split()) <= 5:
            return False
        # a list after a comma still hangs on the cue: "a halt to all attacks, including …"
        listed = _LISTING.sub(" ", gap)
        if listed != gap and "," not in listed and len(listed.split()) <= 10:
            return False
    lex = hits["future_after"]
    if noun and lex.hits and any(
        h.start - end < 12 for h in lex.between(end, end + 25 if end + 25 < ceiling else ceiling)
    ):
        return False  # "more raids will be launched"
    if value["type"] == "deployment":
        if "withdrawal" in value:
            if any(h.value["type"] == "territorial_change" for h in hits["incident_triggers"]
                   .between(end, end + 30 if end + 30 < ceiling else ceiling)):
                return False  # "left two Turkish posts encircled": what the capture did
        elif (lex := hits["withdrawal"]).hits and lex.between(
            start, end + 30 if end + 30 < ceiling else ceiling
        ):
            return False  # "moved their forces out of": a withdrawal
    lex = hits["habitual"]
    return not (lex.hits and lex.between(start - 80 if start - 80 > floor else floor,
                                         end + 80 if end + 80 < ceiling else ceiling))


def _may_be_armed(
    ctx: EventContext, clause: Span, groups_only: bool, nouns: Sequence[Hit] = ()
) -> bool:
    """Whether one of the clause's mentions may be the armed forces the gate of
    :func:`_read_clause` asks for, from their raw facts (no mention built): a group, or
    (not ``groups_only``) a state or a person with a country (one heading forces is read as
    their state by :func:`_forces_named`), or a state right before one of the trigger
    ``nouns`` ("Russian strikes")."""
    raws = ctx.raw_mentions
    for i in ctx.mention_indices_in(clause):
        kind = raws[i][2]
        if kind == "group" or (not groups_only and (
            kind == "state" or (kind == "person" and raws[i][3] is not None)
        )) or (kind == "state" and any(0 <= h.start - raws[i][0].end <= 2 for h in nouns)):
            return True
    return False


# --------------------------------------------------------------------------- one clause


def _read_clause(
    ctx: EventContext,
    si: int,
    sent: Span,
    clause: Span,
    typ: IncidentType,
    hits: list[Hit],
    records: list[_Candidate],
    brackets: list[Span],
    pending: Sequence[_Candidate] = (),
) -> _Candidate | None:
    """The incident of type ``typ`` one clause tells with its triggers ``hits``, or ``None``;
    ``brackets``: ``ctx.brackets_over(clause)``; ``pending``: those read from the clauses
    before in the sentence, not yet added to ``records``."""
    f = ctx.folded
    cstart, cend = clause.start, clause.end
    # what the triggers say, in one pass (a clause holds one or two), with the trigger
    # nouns and the main trigger (the first verb, else the first noun) of the real ones
    if len(hits) > 1 and any(h.value["class"] == "retaliation" for h in hits):
        # "in retaliation for an attack that …": the word introduces the attack answered
        answered = [h for h in hits if h.value["class"] != "retaliation"
                    and has_any(f, _ANSWERED_WORDS, max(cstart, h.start - 60), h.start)
                    and _ANSWERED.search(f, max(cstart, h.start - 60), h.start)]
        if answered:
            hits = [h for h in hits if h.value["class"] != "retaliation"
                    or h.start > answered[0].start]
    real = []
    nouns: list[Hit] = []
    main = None
    all_nouns = all_forced = True  # every trigger a noun; every one an everyday word
    dated = retaliates = False  # one needs a date next to it; one is a retaliation
    # (a casualty verb, "were wounded", is the main trigger only where no other verb is:
    # "five were wounded when regime forces shelled the base")
    hurt = None
    for h in hits:
        v = h.value
        noun = v.get("pos") == "noun"
        if not noun:
            all_nouns = False
        if not v.get("needs_force"):
            all_forced = False
        cls = v["class"]
        if cls != "generic":
            real.append(h)
            if noun:
                nouns.append(h)
            elif cls == "casualty":
                hurt = hurt or h
            elif main is None:
                main = h
            if cls == "needs_date":
                dated = True
            elif cls == "retaliation":
                retaliates = True
    generic = not real
    if generic:
        real = hits  # (only generic ones: their nouns and main trigger)
        for h in hits:
            if h.value.get("pos") == "noun":
                nouns.append(h)
            elif main is None:
                main = h
    if main is None:
        main = hurt or real[0]
    # "Another 32 soldiers were wounded", "Turkish soldiers were also wounded": victims of
    # the attack just told, in the sentence or two after it
    victims_only = hurt is not None and len(real) == sum(
        1 for h in real if h.value["class"] == "casualty") and _attack_just_told(records, cstart)
    if not victims_only and typ is _ATTACK and pending and _attack_just_told(
        [c for c in pending if not c.refer], cstart
    ) and not ctx.times_in(clause) and not ctx.places_in(clause):
        # "shells struck a clinic; one nurse died and four were hurt": a clause of the
        # sentence telling only a toll (its triggers are casualty verbs, no time or place
        # of its own) counts the victims of the attack its clause before told (passives: not
        # "…, after the killing of its soldiers", another event)
        tolls = ctx.hits_in("casualty_verbs", clause)
        victims_only = bool(tolls) and all(
            h.value["voice"] == "passive" and any(v.start < h.end and h.start < v.end
                                                  for v in tolls) for h in real)
    if typ is _TERRITORIAL and main.phrase.startswith("storm") \
            and _BUILDING_AFTER.match(f, main.end, cend):
        typ = _ATTACK  # "stormed the group's headquarters": a raid on a building
    if typ is _TERRITORIAL and main.phrase.startswith("enter"):
        purpose = _PURPOSE.search(f, main.end, min(cend, main.end + 60))
        if purpose is not None and purpose.group(1) in ctx.voc.deployment_purposes:
            typ = _DEPLOYMENT  # "military police entered the town to secure the road"
        elif _MOVERS.search(f, max(cstart, main.start - 60), main.start):
            typ = _DEPLOYMENT  # "Turkish columns continue to enter the province"
    refer = generic or victims_only or (
        len(nouns) == len(real) and ctx.is_definite(nouns[0], cstart)
        and not _names_its_place(ctx, nouns[0], cend)) or (
        # "The blast struck the convoy …" after the attack was told: its subject refers
        # back to it
        typ is _ATTACK and bool(nouns) and nouns[0] is real[0] and nouns[0].start - cstart <= 12
        and ctx.is_definite(nouns[0], cstart) and _attack_just_told(records, cstart)) or (
        # "That made Tuesday the worst day of air raids this spring": a measure of the attacks
        # told, no new one
        typ is _ATTACK and len(nouns) == len(real) and bool(records)
        and f.find("est ", max(cstart, nouns[0].start - 50), nouns[0].start) >= 0
        and _SUPERLATIVE.search(f, max(cstart, nouns[0].start - 50), nouns[0].start) is not None)
    known = refer and any(r.type is typ for r in (*records, *pending))
    # "…, leaving a Turkish post at Morek encircled": the consequence of the capture told
    leaving = typ is _TERRITORIAL and _LEAVING.match(f, cstart) is not None \
        and _CLAUSE_TAIL.fullmatch(f, main.end, cend) is not None
    known = known or leaving
    # (the tests that need no actor first: the mentions are read only for a clause that
    # passes them)
    if typ is _DISPLACEMENT:
        if any(h.start < main.start and not (
            h.phrase.startswith(("living", "live")) and main.value.get("pos") != "noun"
            and ctx.numbers_in(make_span(max(cstart, h.start - 40), h.start))
        ) for h in ctx.hits_in("stock", clause)):
            # "home to 3 million people, half of them already displaced" (but "1,500 people
            # living in camps left": who they were, and then they fled)
            return None
        if _PART_DISPLACED.search(f, max(cstart, main.start - 30), main.start):
            # "home to 900,000 people, most of them displaced": a share of
            # a population, a standing count
            return None
        before = ctx.sentences[si - 1] if si > 0 else sent
        if not ctx.has("conflict_cues", sent) and not ctx.has("conflict_cues", before) \
                and not any(r.type is _ATTACK or r.type is _TERRITORIAL for r in records):
            # (the war may be named in the sentence before: "over the same period", or be
            # the story's, whose attacks were told before)
            return None
    # "Ariha, a town that the army retook in May", "X, which rebels seized in May": the
    # ground is the head the relative clause hangs on, before it
    head_of = None
    if typ is _TERRITORIAL and main.value["voice"] == "active" and f.find(
        ",", max(sent.start, main.start - 80), main.start
    ) >= 0:
        head_of = _OBJECT_RELATIVE.search(f, max(sent.start, main.start - 80), main.start)
    if typ is _TERRITORIAL and head_of is None and not _names_ground(ctx, clause, hits, leaving):
        return None
    if typ is _DEPLOYMENT and all_nouns and any(
        t.value["type"] == "armed_attack" and (
            0 <= hits[0].start - t.end < 40 or 0 <= t.start - hits[-1].end < 20)
        for t in ctx.hits_in("incident_triggers", clause)
    ):
        # "an air strike hit a Turkish convoy", "a Turkish convoy was hit": the target
        return None
    if dated and not any(
        0 <= t.span.start - h.end < 40 for t in ctx.times_in(clause) for h in hits
    ):
        return None
    # The gate of armed forces ("the attack on Feb. 3" refers to an attack already told: no
    # gate for it): an armed noun in the clause passes it, else the forces must be among
    # its mentions. Those are asked for (with the sentence's speech) only where the raw
    # facts of the clause's mentions hold one that may pass: a group (everyday words:
    # "attack", "killed", "entered"), or also a state or a person who may head forces.
    # ("… two days after they captured the town": a part cut off by "after" is armed if
    # its sentence is)
    gate = sent if cstart > sent.start and f.startswith(("after ", "following "), cstart) \
        else clause
    gated = typ is not _DISPLACEMENT and not generic and not known \
        and not ctx.has("armed_nouns", gate) \
        and not (typ is _ATTACK and si > 0 and _THE_FIGHTING.match(f, cstart))
    # "…, and the next day entered Y" (cut by :func:`_coordinate_split`): the subject left
    # out is the one of the capture just told in the sentence
    elided = typ is _TERRITORIAL and bool(pending) and f.startswith("and ", cstart) \
        and pending[-1].type is _TERRITORIAL and bool(pending[-1].perpetrators) \
        and _few_words(f, cstart + 4, main.start, 4)
    if gated and (elided or (
            records and records[-1].perpetrators and records[-1].sentence >= si - 1
            and main.value.get("pos") != "noun" and main.value["voice"] == "active"
            and "they" in _WORDS.findall(f, max(cstart, main.start - 24), main.start)[-2:])):
        # "On Thursday they captured the town": the forces of the event just told (read
        # as the doers by ``pronoun_doer``)
        gated = False
    # "Last summer, the group attacked its rivals": the group named last, in the sentence
    # or the one before (an active verb right after the noun)
    referred = _group_referred(ctx, si, cstart, main) if typ is not _DISPLACEMENT \
        and main.value["voice"] == "active" and main.value.get("pos") != "noun" \
        and f.find("the ", max(cstart, main.start - 40), main.start) >= 0 else None
    if gated and typ is _ATTACK and nouns and nouns[0] is real[0] \
            and _few_words(f, cstart, nouns[0].start, 4) \
            and any(r.type is _ATTACK for r in records) \
            and ctx.hits_in("casualty_verbs", make_span(nouns[0].end, cend)):
        # "A strike on a market killed 12 people", "On Sunday, strikes on the town killed
        # eight civilians" in a story whose attacks were told: the blow and its toll,
        # whoever dealt it (not a labour strike: the story is of the war)
        gated = False
    if gated and referred is None and not _may_be_armed(ctx, gate, all_forced, nouns):
        return None
    speech = ctx.speech(sent)
    speech_zones = [s.span for s in speech if s.span.overlaps(clause)] if speech else []
    named = ctx.mentions_in(clause)
    mentions = _forces_named(ctx, named, speech_zones, brackets)
    if gated and gate is clause and referred is None:
        if all_forced:
            # (a group, or a state's word right before an attack noun: "Russian strikes
            # hit the village", "Turkish raids")
            if not any(m.kind == "group" or (m.kind == "state" and any(
                0 <= h.start - m.span.end <= 2 for h in nouns
            )) for m in mentions):
                return None
        elif not any(m.kind == "group" or (m.kind == "state" and not m.locative)
                     for m in mentions):
            return None

    # -- roles
    # "air defences shot down two drones launched by X": X attacked the defenders
    voice = main.value["voice"]
    if voice == "active" and typ is not _DEPLOYMENT and main.value.get("pos") != "noun" \
            and not main.phrase.partition(" ")[0].endswith("ing") \
            and _be_before(f, max(cstart, main.start - 28), main.start):
        # "regime targets were immediately hit", "was heavily shelled" (not "has been
        # striking": that is active)
        voice = "passive"
    elif voice == "active" and main.phrase in _TRANSITIVE_ONLY \
            and _NO_OBJECT.match(f, main.end) is not None and (
                main.value["class"] == "casualty" or main.phrase == "killed"
                or all(h.phrase.endswith(_THINGS_HIT) for h in
                       ctx.hits["armed_nouns"].between(main.start - 16, main.start))):
        # "Turkish post shelled near Saraqib": the auxiliary left out (but "army
        # artillery shelled near the town": forces that act)
        voice = "passive"
    passive = voice == "passive" or (
        voice == "defensive" and not _downs_aircraft(ctx, clause, main))
    doers: set[str] = set()
    receivers: set[str] = set()
    noun_starts = [h.start for h in nouns]
    blame = ctx.hits_in("blame", clause)
    if blame:
        blamed = [b.end for b in blame]
        accusers = [b.start for b in blame if b.start < main.start]
    else:
        blamed = accusers = []  # (most clauses: no list built)
    main_start, main_end = main.start, main.end
    # "Ankara announced an offensive after the killing of its soldiers": who acts before
    # "after" acts in the main clause, not in the event the trigger names
    lo = max(cstart, main_start - 50)
    sub = _SUBORDINATE.search(f, lo, main_start) if has_any(
        f, _SUBORDINATE_WORDS, lo, main_start) else None
    floor = sub.start() if sub is not None and not speech_zones and not ctx.hits_in(
        "casualty_verbs", make_span(cstart, sub.start())) else cstart
    if head_of is not None and head_of.start() > floor:
        floor = head_of.start()  # (the subject of the relative clause did it)
    # (but "a Turkish soldier died after an attack on his post": the dead were its targets)
    asides = [z for z in _asides(ctx, clause) if not z.start <= main_start < z.end]
    crafts = _crafts_named(ctx) if typ is _ATTACK else ()
    # (where the first subordinate clause after the trigger may open: read once)
    later_sub = min((at for w in _LATER_SUBORDINATE
                     if (at := f.find(w, main_end, cend)) >= 0), default=cend)
    # (the first past verb of that clause after its subject, "after X pulled": read on
    # first need)
    later_verb = -1
    for m in mentions:
        m_start, m_end = m.span.start, m.span.end
        if crafts and m in crafts:
            doers.add(m.actor)  # "…, which said the planes were Iranian"
            continue
        if m_end <= floor or (asides and within_any(m.span, asides)):
            continue
        if m_start > later_sub and later_verb < 0:
            verb = _LATER_VERB.search(f, later_sub, cend)
            later_verb = verb.end() if verb is not None else cend
        if m_start > later_sub and (
                _SUBJECT_OF_LATER.search(f, max(main_end, m_start - 40), m_start)
                or (later_verb < m_start and not ctx.hits["incident_triggers"].between(
                    later_sub, m_start))):
            # "the first raids since Baku and Yerevan signed …": another event's; "… on
            # Oct. 9, days after Washington pulled U.S. troops back": what that other
            # event (told with no incident word) moved
            continue
        if accusers and any(0 <= b - m_end <= 30 for b in accusers):
            continue  # "Ankara blamed the attack on …": the accuser did not do it
        if blamed and any(0 <= m_start - e <= 20 for e in blamed):
            doers.add(m.actor)  # "… and blamed Syrian government forces"
        elif _victim(ctx, m, clause):
            receivers.add(m.actor)  # "two Turkish soldiers were killed"
        elif noun_starts and any(
            0 <= st - m_end <= 2
            or (0 < st - m_end <= 40 and _ARMS_BEFORE.fullmatch(f, m_end, st))
            for st in noun_starts
        ):
            doers.add(m.actor)  # "a Syrian airstrike", "a Syrian government attack"
        elif main_start <= m_start and m_end <= main_end:
            # "came under fire from regime troops"; but "lifted the Islamic State siege of X":
            # what a capture verb holds inside lost the ground
            (receivers if typ is _TERRITORIAL and not passive else doers).add(m.actor)
        elif typ is _ATTACK and m_end <= main_start and len(real) > 1 and any(
            0 <= m_start - h.end <= 80 for h in real if h is not main
        ) and (_TARGET_PREP.search(f, max(cstart, m_start - 30), m_start)
               or _TARGET_OF.search(f, max(cstart, m_start - 50), m_start)):
            # "strikes by Syrian forces on a Turkish base killed …", "an air strike on a
            # training camp of X killed …"
            receivers.add(m.actor)
        elif not passive and m_start >= main_end and _BY.match(f, main_end, m_start):
            if _HELD_BY.search(f, max(main_end, m_start - 24), m_start):
                receivers.add(m.actor)  # "attacked positions held by X": X's positions
            else:
                doers.add(m.actor)  # "an attack by Syrian government forces"
        elif m_end <= main_start:
            (receivers if passive else doers).add(m.actor)
        elif passive:
            gap = f[main_end:m_start]
            if _ON_ONE_OF.search(gap) or (
                    main.phrase.rpartition(" ")[2] in ctx.voc.casualty_participles
                    and _AS_WERE.search(gap)):
                # "died in a raid on one of Russia's bases": the side hit; "…, as were two
                # Turkish soldiers": more of the victims
                receivers.add(m.actor)
            elif (_AFTER_BY.search(gap) and "," not in gap and len(gap.split(None, 9)) <= 9) \
                    or gap.strip() == "":
                # ("were killed in an air strike in Idlib, the last province of Syria":
                # "of" after a comma and a long way is a place's, not the doers')
                doers.add(m.actor)
        else:
            receivers.add(m.actor)
    if not receivers and speech_zones and (
        _OWN_PEOPLE.search(f, max(cstart, main_start - 40), main_start) if passive
        else _OWN_AFTER.match(f, main_end, cend)
    ):
        # "Turkey said two of its soldiers were killed", "Turkish officials said 12
        # soldiers had died", "Damascus said Turkish troops attacked its positions": the
        # speaker's
        spoken = [m for m in ctx.mentions_in(sent) if m.kind == "state" and not m.locative
                  and within_any(m.span, speech_zones) and m.span.end <= main_start
                  and m.actor not in doers]
        if spoken:
            receivers.add(spoken[-1].actor)
    if typ is _TERRITORIAL and not passive and cend < sent.end \
            and (where := _WHERE_OPENS.match(f, cend, sent.end)):
        # "stormed the villages of X and Y, where Z had its headquarters": Z held them
        for m in ctx.mentions_in(make_span(where.end(), min(sent.end, where.end() + 60))):
            if m.span.start == where.end() and m.kind == "group" \
                    and _HELD_THERE.match(f, m.span.end, sent.end):
                receivers.add(m.actor)
            break
    if typ is _TERRITORIAL and not passive:
        # a state after a capture verb lost the place only if it held it: "from Turkish
        # forces", "a Turkish observation post"
        receivers = {a for a in receivers if not a.startswith("state:")} | {
            a for a in receivers if a.startswith("state:") and _held_by(ctx, clause, main, a)
        }
    if typ in (_DEPLOYMENT, _DISPLACEMENT):
        receivers = set()
    if typ is _DISPLACEMENT and not doers:
        # "140,000 people fled …, as Syrian government troops pushed into …": the forces
        # the sentence names as pushing are the cause
        doers = _forces_in(ctx, make_span(main.end, sent.end), speech_zones)
        if not doers and has_any(f, _ATTACK_WORDS, main.end, sent.end):
            # "families left after the raids": the doers of the attack just told
            hit_before = [r for r in (*records, *pending) if r.type is _ATTACK
                          and r.perpetrators and si - 1 <= r.sentence <= si
                          and r.paragraph == ctx.paragraph(sent.start)]
            if hit_before:
                doers = set(hit_before[-1].perpetrators)
        if not doers and has_any(f, _OFFENSIVE_WORDS, main.end, sent.end) \
                and not has_any(f, _OFFENSIVE_WORDS, sent.start, main.start) \
                and (home := _home(ctx)):
            # "people have fled …, warning that the violence …": the people are the subject,
            # the offensive is the one of the army the story is about (but "the escalation
            # has displaced": the text names a cause, and no side)
            doers = {home}
    # "The offensive has driven 300,000 people from their homes", "since the assault
    # began": the campaign told in the sentence or two before (its side, time and place)
    campaign = None
    if typ is _DISPLACEMENT and has_any(f, _CAMPAIGN_WORDS, sent.start, sent.end) \
            and _CAMPAIGN_REF.search(f, sent.start, sent.end):
        campaign = _campaign_told(ctx, si)
    if typ is _DISPLACEMENT and not doers and has_any(f, _CAMPAIGN_WORDS, sent.start, main.start):
        # "a Russian-backed offensive has pushed nearly a million people …": its side
        doers = _campaign_side(ctx, make_span(cstart, main.start), speech_zones)
        if not doers and campaign is not None:
            doers = _campaign_side(ctx, campaign, speech_zones)
        if not doers and (ref := _CAMPAIGN_REF.search(f, cstart, main.start)) \
                and _SINCE_BEFORE.search(f, max(cstart, ref.start() - 8), ref.start()) \
                and not ctx.mentions_in(make_span(ref.start(), ref.end())):
            # "Since the campaign began in April, 400,000 people have been uprooted": the
            # campaign the article told earlier (its side only: its time and place are
            # another stretch's; but "the latest assault has displaced …" names a cause,
            # and no side)
            doers = _earlier_campaign_side(ctx, si, speech_zones)
    if typ is _DISPLACEMENT and not doers and f.find("since", cstart, cend) >= 0 \
            and not has_any(f, _OFFENSIVE_WORDS, cstart, main.start) \
            and not _forces_in(ctx, sent, speech_zones):
        # "Some 180,000 civilians have fled their villages since early May": the toll of
        # the campaign the article told before, which its side waged (none told: none;
        # "the escalation has displaced …" names a cause, and no side)
        doers = _earlier_campaign_side(ctx, si, speech_zones)
    # (before a passive trigger the pronoun is the side hit: "when they came under fire")
    pronoun = False
    if not doers and not passive:
        for h in real:
            # (the words of ctx.words_before(h.start, 2, cstart), or "its forces had")
            lo = h.start - 24 if h.start - 24 > cstart else cstart
            near = _WORDS.findall(f, lo, h.start)
            if not _PRONOUNS.isdisjoint(near[-2:]) or _its_forces_before(
                    ctx, h.start - 70 if h.start - 70 > cstart else cstart, h.start):
                pronoun = True
                break
    if elided and not doers:
        # "seized X on Friday and two days later entered Y": the capture's doers
        doers, pronoun = set(pending[-1].perpetrators), False
    if pronoun:
        # "Russia's defence ministry said its bombers struck …", "the group said its
        # units shot down …": the speaker's state or group
        # (not "anti-Taliban fighters say they …": their foes)
        spoken = [m for m in ctx.mentions_in(sent)
                  if (m.kind == "state" or m.kind == "group") and not m.locative
                  and not ctx.folded.startswith("anti", max(0, m.span.start - 5))
                  and within_any(m.span, speech_zones) and m.span.end <= main.start]
        if spoken:
            doers = {spoken[-1].actor}
            # "X and Y said their fighters retook …": the speakers joined by "and"
            for a, b in itertools.pairwise(reversed(spoken)):
                if not _JOINED.fullmatch(f, b.span.end, a.span.start):
                    break
                doers.add(b.actor)
            pronoun = False
    if not doers and referred is not None:
        doers = {referred}
        pronoun = False
    army_end = main_start if not passive else cend
    # ("army", "government" or "regime" before the trigger: what both tests below need;
    # the home army, read over every mention of the article, only once one of their
    # patterns matched: a bare army stands in for the doers only where there are none, a
    # joined one is added only to doers already named)
    army_lo = cstart if head_of is None or head_of.start() < cstart else head_of.start()
    if has_any(f, _BARE_ARMY_PARTS, army_lo, army_end):
        if not doers:
            if (bare := _BARE_ARMY.search(f, army_lo, army_end)) \
                    and (home := _army_of(ctx, bare)) and home not in receivers:
                # "the army took full control of Khan Sheikhoun" after "the Syrian army"
                # was named
                doers = {home}
                pronoun = False
        elif (bare := _JOINED_ARMY.search(f, army_lo, army_end)) \
                and (home := _army_of(ctx, bare)) and home not in doers \
                and home not in receivers:
            doers.add(home)  # "Russian and government air raids"
    hit_lo, hit_hi = (cstart, main_start) if passive else (main_end, cend)
    if passive and typ is _ATTACK and not receivers:
        # "a guard died when gunmen stormed a checkpoint": what the
        # active verb after the passive one hits
        acts = [h.end for h in real if h.start > main_end and h.value.get("pos") != "noun"
                and h.value["voice"] == "active"]
        if acts and not (has_any(f, _BARE_ARMY_PARTS, hit_lo, hit_hi)
                         and _BARE_ARMY_HIT.search(f, hit_lo, hit_hi)):
            hit_lo, hit_hi = acts[0], cend
    if typ is _ATTACK and has_any(f, _BARE_ARMY_PARTS, hit_lo, hit_hi) \
            and (bare := _BARE_ARMY_HIT.search(f, hit_lo, hit_hi)) \
            and (home := _army_of(ctx, bare)) and home not in doers:
        # "drone strikes killed 19 government soldiers", "14 government troops were killed"
        receivers.add(home)
    elif typ is _TERRITORIAL and not passive and has_any(f, _BARE_ARMY_PARTS, main_end, cend) \
            and (bare := _BARE_ARMY_HIT.search(f, main_end, cend)) \
            and _FROM_BEFORE.search(f, max(main_end, bare.start() - 12), bare.start()) \
            and (home := _army_of(ctx, bare)) and home not in doers:
        receivers.add(home)  # "fighters recaptured Saraqib from government forces"
    if typ is _TERRITORIAL and not passive and not receivers and sent.end - main_end > 20 \
            and (gone := _LEFT_AFTER.search(f, main_end, sent.end)) is not None \
            and gone.start() <= cend + 1:
        # "rebels entered X after government troops pulled out": those who left lost it
        # (in the clause, or the one it opens: "…, as Syrian forces withdrew")
        lo_gone, hi_gone = gone.start(1), gone.end(1)
        receivers = {m.actor for m in ctx.mentions_in(make_span(lo_gone, hi_gone))
                     if m.kind in ("state", "group") and not m.backer and not m.locative}
        if not receivers and (bare := _BARE_ARMY_HIT.search(f, lo_gone, hi_gone)) \
                and (home := _army_of(ctx, bare)):
            receivers = {home}
        receivers -= doers
    if pronoun and si > 0:
        # "Their shelling": the subject of the sentence before, if it names forces
        prev = [m for m in ctx.mentions_in(ctx.sentences[si - 1])
                if m.kind in ("state", "group") and not m.backer and not m.locative]
        if prev:
            doers = {prev[0].actor}
            pronoun = False
    if typ is _ATTACK and not doers and not receivers and si > 0 \
            and _THE_FIGHTING.match(f, cstart) and ctx.paragraph(
                ctx.sentences[si - 1].start) == ctx.paragraph(sent.start):
        # "X overran Y's towns … The clashes left 20 dead": the sides of the sentence before
        # (its subject did it, the other forces it names suffered it)
        before = ctx.sentences[si - 1]
        prev = [m for m in ctx.mentions_in(before)
                if m.kind in ("state", "group") and not m.backer and not m.locative]
        if len({m.actor for m in prev}) >= 2:
            doers = {prev[0].actor}
            # (those after its verb: not "X, led by fighters of Y, routed Z")
            verbs = [h.end for h in ctx.hits_in("incident_triggers", before)
                     if h.value.get("pos") != "noun"]
            receivers = {m.actor for m in prev
                         if not verbs or m.span.start >= verbs[0]} - doers
    if leaving:
        # "…, leaving a Turkish post at Morek encircled": what is left so was hit, by the
        # doers of the clause before
        receivers, doers, pronoun = receivers | doers, set(), True
    # (most articles tell no retaliation: their clauses are not searched; the words by
    # str.find, faster than a regex alternation of them)
    told = ctx.memo.get(_MEMO_RETALIATION)
    if told is None:
        told = ctx.memo[_MEMO_RETALIATION] = has_any(f, _RETALIATION_WORDS, 0, len(f))
    retaliation = retaliates or bool(
        told and has_any(f, _RETALIATION_WORDS, cstart, cend)
        and _RETALIATION.search(f, cstart, cend)
    )
    # "… neutralised 100 Syrian soldiers in response to the shelling of a Turkish post":
    # the attack named after the retaliation words is the one answered, not the answer
    provoked = bool(told and not retaliates and main_start - cstart < 160
                    and has_any(f, _ANSWERED_WORDS, cstart, main_start)
                    and _ANSWERED.search(f, cstart, main_start))
    if provoked:
        retaliation = refer = False

    # -- figures
    killed = injured = displaced = None
    claimant = _claimant(speech, clause) if speech else None
    if typ is _ATTACK:
        killed, injured = _casualties(ctx, clause, claimant)
    elif typ is _DISPLACEMENT:
        displaced = _displaced(ctx, clause, main, claimant)
        if displaced is None and si + 1 < len(ctx.sentences) \
                and (f.find("figure at") >= 0 or f.find("number at") >= 0):
            # "Dozens of households left X. Volunteers put the number at 640.": the
            # figure the next sentence gives
            after = ctx.sentences[si + 1]
            displaced = next((_claim([n], ctx, None) for n in ctx.numbers_in(after)
                              if _RESTATED.search(f, max(after.start, n.span.start - 40),
                                                  n.span.start)), None)
        if displaced is None:
            return None

    # -- place and date
    place, rank = _place(ctx, clause, sent, typ, main, speech_zones, named, brackets, asides)
    if head_of is not None:
        heads = [p for p in ctx.places_in(make_span(sent.start, head_of.start()))
                 if not p.is_country and not ctx.is_actor_span(p.span)]
        if heads and head_of.start() - heads[-1].span.end <= 30:
            place, rank = heads[-1], 2
    if place is None and typ is not _DISPLACEMENT:
        place = _settlement_told(ctx, clause, main)
        if place is not None:
            rank = 6
    if place is None and typ is _TERRITORIAL and si > 0 \
            and _AREA_REF.search(f, main.end, cend) is None:
        # (not "seized nearly all of the province": the story's province, read at the end)
        # "the army advanced west of Aleppo. Government forces have retaken 30
        # localities": the ground of the sentence before, in the paragraph
        before = ctx.sentences[si - 1]
        if ctx.paragraph(before.start) == ctx.paragraph(sent.start):
            ground = [p for p in ctx.places_in(before)
                      if not p.is_country and not ctx.is_actor_span(p.span)]
            if ground:
                place, rank = ground[-1], 7
    date, strength = _date(ctx, clause, sent, main, speech)
    since_then = date is None and si > 0 and f.find("since then", cstart, cend) >= 0
    if since_then or (date is None and si > 0 and f.find("same period", cstart, cend) >= 0):
        # "… displaced over the same period": the period the sentence before gives ("since
        # the escalation began at the end of April": from then to the day of the story);
        # "… since then": from the last time the sentence before gives to that day
        before = ctx.sentences[si - 1]
        told = [t for t in ctx.times_in(before) if isinstance(t.value, TimeValue)]
        if told:
            last = told[-1]
            date, strength = last.value, 2
            published = ctx.doc.article.published
            if published is not None and last.value.start <= published and (
                since_then or f.find("since", before.start, last.span.start) >= 0
            ):
                date = TimeValue.between(last.value.start, published)
    if campaign is not None:
        if date is None:
            times = [t.value for t in ctx.times_in(campaign) if isinstance(t.value, TimeValue)]
            if times:
                date, strength = times[0], 2
        if place is None or place.is_country:
            wider = [p for p in ctx.places_in(campaign)
                     if not p.is_country and not ctx.is_actor_span(p.span)]
            if wider:
                place, rank = wider[0], 6
    if refer and date is not None and not any(
        t.value is date and any(
            -5 <= t.span.start - h.end <= 25 or -5 <= h.start - t.span.end <= 25
            # "The raid struck the bakery in X, a village in Y province, early on Friday": the
            # day later in its clause, with no other event's words between (not "the
            # second attack on the troops this month": the span of a count)
            or (0 <= t.span.start - h.end <= 120 and date.precision is Precision.DAY
                and not date.interval and not _OTHER_EVENT.search(f, h.end, t.span.start))
            for h in hits
        )
        for t in ctx.times_in(clause)
    ):
        # "The attack is a test for the deal agreed on 5 March": that date is the deal's
        date, strength = None, 0
    return _Candidate(
        type=typ, clause=clause, sentence=si, paragraph=ctx.paragraph(clause.start),
        refer=refer, generic=generic, perpetrators=doers, targets=receivers,
        place=place.place if place else None, place_rank=rank, date=date,
        # (the province an answer may strike: read only where a retaliation is told)
        region=_region(ctx, clause) if typ is _ATTACK and told else None, provoked=provoked,
        area_ref=place is None and _AREA_REF.search(f, main.end, cend) is not None,
        same_wave=date is None and f.find("the same ", clause.start, cend) >= 0
        and _SAME_WAVE.search(f, clause.start, cend) is not None,
        trend=typ is _ATTACK and all_nouns and killed is None and injured is None
        and _TREND_AFTER.match(f, real[-1].end, cend) is not None
        and f.find("toll", cstart, real[0].start) < 0,  # (not "the toll from the strike rose")
        date_strength=strength, killed=killed, injured=injured, displaced=displaced,
        reported_by=claimant, pronoun_doer=pronoun, retaliation=retaliation,
        evidence=[clause],
    )


def _group_referred(ctx: EventContext, si: int, cstart: int, main: Hit) -> str | None:
    """The group "the group", "the militia" or "the jihadist alliance" right before a verb
    trigger refers to: the last group named before it in its sentence, else the first
    (its subject) of the sentence before (not one named as a sponsor or a place), else
    ``None``."""
    f = ctx.folded
    ref = _GROUP_REF.search(f, max(cstart, main.start - 40), main.start)
    if ref is None:
        return None
    sent = ctx.sentences[si]
    here = [m for m in ctx.mentions_in(make_span(sent.start, ref.start()))
            if m.kind == "group" and not m.backer and not m.locative]
    if here:
        return here[-1].actor
    # (the subject of the sentence before: "X has fought Y for weeks. The group …" is X)
    before = [m for m in ctx.mentions_in(ctx.sentences[si - 1])
              if m.kind == "group" and not m.backer and not m.locative] if si > 0 else []
    return before[0].actor if before else None


def _names_its_place(ctx: EventContext, noun: Hit, cend: int) -> bool:
    """Whether a trigger noun ending in "of" names its own place right after it ("the
    capture of the Aleppo-Damascus highway", "the fall of Binnish"): a new event told in full,
    not one referred back to."""
    if not noun.phrase.endswith(" of"):
        return False
    return any(not p.is_country and p.span.start - noun.end <= 12
               for p in ctx.places_in(make_span(noun.end, min(cend, noun.end + 40))))


def _region(ctx: EventContext, clause: Span) -> Place | None:
    """The first province a clause names, if any."""
    for p in ctx.places_in(clause):
        if p.base.kind is _PROVINCE and not ctx.is_actor_span(p.span):
            return p.place
    return None


def _attack_just_told(records: list[_Candidate], pos: int) -> bool:
    """Whether the last attack recorded is told (in part) in the 300 characters before
    ``pos`` (the sentence or two before: news paragraphs are often one sentence)."""
    last = next((r for r in reversed(records) if r.type is _ATTACK), None)
    if last is None:
        return False
    return any(0 <= pos - e.end <= 300 for e in last.evidence)


def _settlement_told(ctx: EventContext, clause: Span, main: Hit) -> PlaceRef | None:
    """The town a trigger names by its kind ("retaken the town", "entered the city"): the
    last one of that kind named before the clause."""
    ref = _SETTLEMENT_REF.match(ctx.folded, main.end, clause.end)
    if ref is None:
        return None
    kinds = _CITY_KINDS if ref.group(1) == "city" else _TOWN_KINDS
    for p in reversed(ctx.places_in(make_span(0, clause.start))):
        if p.base.kind in kinds and not ctx.is_actor_span(p.span):
            return p
    return None


def _campaign_told(ctx: EventContext, si: int) -> Span | None:
    """The sentence (one or two before sentence ``si``, in its paragraph) that tells the
    military campaign a later "the offensive" refers to, or ``None``."""
    sents = ctx.sentences
    f = ctx.folded
    para = ctx.paragraph(sents[si].start)
    for j in (si - 1, si - 2):
        if j < 0 or ctx.paragraph(sents[j].start) != para:
            return None
        if has_any(f, _CAMPAIGN_WORDS, sents[j].start, sents[j].end):
            return sents[j]
    return None


def _earlier_campaign_side(ctx: EventContext, si: int, excluded: list[Span]) -> set[str]:
    """The side of the nearest campaign told before sentence ``si`` with a side anywhere
    in the article ("a Syrian government offensive that has left …" in its lead), or
    none."""
    f = ctx.folded
    for sent in reversed(ctx.sentences[:si]):
        if not has_any(f, _CAMPAIGN_WORDS, sent.start, sent.end):
            continue
        for word in ("offensive", "campaign", "assault", "onslaught"):
            at = f.find(word, sent.start, sent.end)
            if at >= 0:
                # (the words right before the noun: "a Syrian government offensive that
                # has left a Turkish post encircled" is Syria's alone)
                side = _campaign_side(ctx, make_span(max(sent.start, at - 40), at + len(word)),
                                      excluded)
                if side:
                    return side
    return set()


def _campaign_side(ctx: EventContext, span: Span, excluded: list[Span]) -> set[str]:
    """Who wages the campaign a stretch names: the forces it names ("government forces
    backed by Russian air power" is the army the story is about), or the army a sponsor
    word backs ("a Russian-backed offensive")."""
    f = ctx.folded
    doers = _forces_in(ctx, span, excluded)
    if doers:
        return doers
    home = _home(ctx)
    if home is None:
        return set()
    if has_any(f, _BARE_ARMY_PARTS, span.start, span.end) and _BARE_ARMY.search(
        f, span.start, span.end
    ):
        return {home}
    for m in ctx.mentions_in(span):
        if m.backer and m.actor != home and _CAMPAIGN_NOUN.match(f, m.span.end):
            return {home}
    return set()


#: The people nouns that name armed forces, never displaced people.
_TROOPS = frozenset({"troops", "soldiers", "servicemen", "fighters", "militants", "rebels",
                     "personnel", "gunmen", "insurgents", "jihadists", "terrorists"})
# A nationality before armed men who are no state's forces
_NON_STATE_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:rebels?|opposition|insurgents?|militants?|jihadists?|islamists?|"
    r"allies|proxies|partners)(?![a-z])"
)
#: the words before a city that is where a road, a route or a move leads ("the highway
#: linking Aleppo and Damascus", "the road to Damascus", "pushed toward Moscow")
_ROUTE_TO = re.compile(
    r"(?<![a-z])(?:(?:linking|connecting|between)\s+(?:[a-z-]+\s+(?:and|with)\s+)?|"
    r"(?:to|towards?)\s+)(?:the\s+capital\s+)?$"
)
_GROUP_AFTER = re.compile(r"'s?\s")
_MEMO_HOME = "incidents.home"
# "in the same wave of raids", "during the same bombardment": part of the attack just told
# (opens with the literal "the", searched only where "the same " is in the clause)
_SAME_WAVE = re.compile(
    r"the\s+same\s+(?:(?:wave|series|round|barrage|night)\s+of\s+)?(?:air\s+|russian\s+|"
    r"government\s+|regime\s+)?(?:raids?|strikes?|airstrikes?|attacks?|bombardments?|"
    r"shelling|bombing|assault|offensive|wave|barrage|sorties?)(?![a-z])"
)


def _home(ctx: EventContext) -> str | None:
    """The state a bare "government forces" or "the regime" names: the army the article
    names most (``ctx.home_army``), else the state its towns and provinces lie in (an
    article on Idlib that only says "government artillery")."""
    home = ctx.home_army
    if home is not None:
        return home
    return _war_state(ctx)


def _army_of(ctx: EventContext, bare: re.Match[str]) -> str | None:
    """The state a bare army phrase names: the one named right before it ("Israeli army
    positions"), else by the words: "regime" or "government" forces are the government
    of the country the war is in (never a sponsor's, even where the article names Russia's
    army most, nor where "the Russian-backed regime" was read as Russia's); "the army" is
    the army the article is about (:func:`_home`)."""
    f = ctx.folded
    word = _ARMY_WORD.search(f, bare.start(), bare.end())
    start = word.start() if word is not None else bare.start()
    for m in ctx.mentions_in(make_span(max(0, start - 30), start)):
        if m.kind == "state" and not m.backer and _OWNS.fullmatch(f, m.span.end, start):
            return m.actor
    words = bare.group()
    if "regime" in words or "government" in words:
        return _war_state(ctx) or _home(ctx)
    return _home(ctx)


#: What stands between a state and the army words it owns ("Israeli army positions",
#: "Turkey's government forces", "Syrian pro-government forces").
_OWNS = re.compile(r"(?:'s?)?\s+(?:(?:arab|pro)[\s-]+)?")
#: The first army word of a bare army phrase (after "and" of "Russian and government").
_ARMY_WORD = re.compile(r"(?:pro-)?(?:army|government|regime)|(?<![a-z])the\s+army")


def _war_state(ctx: EventContext) -> str | None:
    """The state the article's fighting is in: where the towns and provinces named next to
    incident triggers lie (not the venue or the capitals of a summit story), else where
    those named anywhere lie; named at least twice, or the only state they lie in."""
    memo = ctx.memo
    if _MEMO_HOME in memo:
        found: str | None = memo[_MEMO_HOME]
        return found
    counts: dict[str, int] = {}
    for p in ctx.places:
        if not p.is_country and p.country and not ctx.is_actor_span(p.span):
            counts[p.country] = counts.get(p.country, 0) + 1
    found = _most_named(counts)
    if len(counts) > 1:
        # (each place once, however many triggers it is near)
        near: dict[int, str] = {}
        f = ctx.folded
        for h in ctx.hits["incident_triggers"].hits:
            # (within its sentence: up to a full stop or a line break)
            lo = max(0, h.start - _NEAR)
            lo = max(lo, f.rfind(". ", lo, h.start) + 1, f.rfind("\n", lo, h.start) + 1)
            hi = h.end + _NEAR
            for stop in (f.find(". ", h.end, hi), f.find("\n", h.end, hi)):
                if stop >= 0:
                    hi = min(hi, stop)
            for p in ctx.places_in(make_span(lo, hi)):
                if not p.is_country and p.country and not ctx.is_actor_span(p.span):
                    near[p.span.start] = p.country
        by_near: dict[str, int] = {}
        for c in near.values():
            by_near[c] = by_near.get(c, 0) + 1
        found = _most_named(by_near) or found
    memo[_MEMO_HOME] = found
    return found


def _most_named(counts: dict[str, int]) -> str | None:
    """The state of ``counts`` (places named, by country) named at least twice and most, or
    the only one named."""
    if not counts:
        return None
    best = max(sorted(counts), key=counts.__getitem__)
    return "state:" + best if counts[best] >= 2 or len(counts) == 1 else None


#: How near an incident trigger a place tells where the fighting is (characters).
_NEAR = 60


# What may stand between a state and the attack noun it did: "a Syrian government attack",
# "Russian air strikes", "Turkey's drone strikes"
_ARMS_BEFORE = re.compile(
    r"(?:'s)?(?:\s+(?:government|regime|army|military|air|drone|artillery|rocket|missile|"
    r"mortar|naval|forces'?))+\s+"
)
# "its forces had destroyed", "their frigates in the Black Sea fired": the forces of the
# state just named (any of ``armed_nouns`` after "its"/"their"), up to the verb: where they
# were, "had", an adverb
_ITS_FORCES_TAIL = re.compile(
    r"\s+(?:(?:in|off|over|from|near|on)\s+(?:the\s+)?(?:[a-z-]+\s+){1,3}?)?"
    r"(?:(?:had|have|has)\s+)?(?:[a-z]+ly\s+)?"
)


def _its_forces_before(ctx: EventContext, lo: int, hi: int) -> bool:
    """Whether ``folded[lo:hi]`` ends with "its"/"their" and an armed noun ("its warships
    in the Black Sea ", "their units had "): the forces of the one just named."""
    f = ctx.folded
    for h in ctx.hits["armed_nouns"].between(lo, hi):
        s = h.start
        its = f.endswith("its ", lo, s) and (s < 5 or not f[s - 5].isalpha())
        if (its or (f.endswith("their ", lo, s) and (s < 7 or not f[s - 7].isalpha()))) \
                and _ITS_FORCES_TAIL.fullmatch(f, h.end, hi):
            return True
    return False


_OWN_PEOPLE = re.compile(
    r"(?:(?<![a-z])(?:its|their)\s+(?:own\s+)?(?:soldiers|troops|servicemen|personnel|"
    r"citizens|nationals|officers|police)|(?<![\w,])[0-9][0-9,]*\s+(?:soldiers|troops|"
    r"servicemen))\s+(?:(?:have|had|has|were|was)\s+)?$"
)
_OWN_AFTER = re.compile(
    r"\s+(?:its|their)\s+(?:own\s+)?(?:positions|posts|troops|soldiers|forces|bases?|"
    r"outposts?|convoys?|patrols?)(?![a-z])"
)
_AIRCRAFT = re.compile(
    r"(?:\s+[a-z0-9-]+)?\s+(?:warplanes?|jets?|fighter\s+jets?|aircraft|planes?|"
    r"helicopters?|bombers?)(?![a-z])"
)


_BE = frozenset({"was", "were", "been", "being"})
_HELD_BY = re.compile(
    r"(?:held|controlled|run|manned|occupied|defended|used)\s+by\s+(?:the\s+)?$"
)
# The fighting just told, as a clause's subject ("The clashes, which erupted on Monday,")
_THE_FIGHTING = re.compile(
    r"[\s\"'“]*(?:the|these|those)\s+(?:(?:heavy|fierce|latest|renewed)\s+)?(?:fighting|"
    r"clashes|battles?|infighting)(?![a-z])"
)
# The opening of a relative clause whose object is the place before it, up to its verb: ",
# a strategic town (that) government forces …", ", which the army …"
_OBJECT_RELATIVE = re.compile(
    r",\s+(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?(?:town|village|city|district|area|base|"
    r"airport|hill|stronghold|crossroads|junction|region|post)\s+(?:that\s+|which\s+)?"
    r"|which\s+)(?:[a-z'-]+\s+){1,5}?(?:(?:had|has|have)\s+(?:[a-z]+ly\s+)?)?$"
)
_MANNED = re.compile(
    r"\s+(?:the|a|an|two|three|its|their)\s+(?:[a-z0-9-]+\s+){0,2}?(?:warplanes?|jets?|"
    r"fighter\s+jets?|aircraft|planes?|helicopters?|bombers?|(?:su|mig|tu|f)-\d+[a-z]*)"
    r"(?![a-z])"
)


def _be_before(f: str, lo: int, hi: int) -> bool:
    """Whether ``f[lo:hi]`` ends with a form of "be" and at most an adverb in "-ly" ("were
    immediately "): the last words split off, not a regex tried at every offset."""
    words = f[lo:hi].split()
    if not words or not f[hi - 1:hi].isspace():
        return False
    if words[-1] in _BE:
        return True
    return len(words) > 1 and words[-1].endswith("ly") and words[-2] in _BE


def _downs_aircraft(ctx: EventContext, clause: Span, main: Hit) -> bool:
    """Whether a defensive trigger downs a state's aircraft ("Turkey shot down two Syrian
    warplanes"): an attack on that state by the subject, not the stopping of an attack."""
    for m in ctx.mentions_in(make_span(main.end, min(clause.end, main.end + 30))):
        if m.kind == "state" and _AIRCRAFT.match(ctx.folded, m.span.end):
            return True
    # "its gunners shot down a jet": a manned aircraft brought down is a deed (not
    # "shot down two drones": the stopping of an attack)
    return _MANNED.match(ctx.folded, main.end, clause.end) is not None


def _forces_in(ctx: EventContext, sent: Span, excluded: list[Span]) -> set[str]:
    """States or groups a sentence names as armed forces ("Syrian government troops")."""
    out = set()
    for m in ctx.mentions_in(sent):
        if m.kind not in ("state", "group") or m.backer or m.locative:
            continue
        if within_any(m.span, excluded) or ctx.in_brackets(m.span):
            continue
        near = make_span(m.span.end, min(sent.end, m.span.end + 25))
        if m.kind == "group" or ctx.has("armed_nouns", near):
            out.add(m.actor)
    return out


def _forces_named(
    ctx: EventContext, named: list[Mentioned], speech_zones: list[Span], brackets: list[Span]
) -> list[Mentioned]:
    """The states and groups of a clause's mentions ``named`` that act in it (a person
    heading forces, "Assad's army", as their state): not sponsors, places, speakers or
    words in brackets (``brackets``: ``ctx.brackets_over`` the clause)."""
    out = []
    for m in named:
        if m.backer or (m.locative and not (m.kind == "group" and _owns_after(ctx, m))):
            continue
        kind = m.kind
        if kind == "person":
            if not _commands(ctx, m):
                continue
            m = _as_state(ctx, m)
        elif kind != "state" and kind != "group":
            continue
        span = m.span
        if speech_zones and within_any(span, speech_zones):
            continue
        if brackets and in_any_bracket(brackets, span.start, span.end):
            continue
        if kind == "state":
            f = ctx.folded
            if _NON_STATE_AFTER.match(f, span.end):
                continue  # "Syrian rebels", "Turkish-backed Syrian opposition fighters"
            if m.role_kind == "capital" and _ROUTE_TO.search(
                    f, span.start - 40 if span.start > 40 else 0, span.start):
                continue  # "the main road connecting Aleppo and Damascus": a city on a road
            if f.startswith("'", span.end) and _GROUP_AFTER.match(f, span.end) and any(
                g.kind == "group" and 0 <= g.span.start - span.end <= 4 for g in named
            ):
                continue  # "Lebanon's Hezbollah": the group's home, not an actor
        out.append(m)
    return out


# What a group's forces hold, named after it ("at Islamic State training camps", "on HTS
# arms depots"), and the words that name it as the owner of a thing hit ("a depot
# belonging to X", "a camp run by X"): after "at", "on" or "to" the group is no place
_OWNED_AFTER = re.compile(
    r"(?:'s?)?\s+(?:[a-z-]+\s+)?(?:command\s+posts?|posts?|positions?|depots?|headquarters|"
    r"bases?|camps?|hideouts?|strongholds?|targets?|fighters|militants|convoys?|vehicles?|"
    r"checkpoints?|facilities|sites?|warehouses?|members|commanders?|leaders?)(?![a-z])"
)
_OWNER_BEFORE = re.compile(
    r"(?:belong(?:ing|s|ed)?\s+to|(?:run|used|operated|manned)\s+by)\s+(?:the\s+)?$"
)


def _owns_after(ctx: EventContext, m: Mentioned) -> bool:
    """A group after a preposition of place named as the owner of what is hit: "launched
    missiles at Islamic State training camps", "a depot belonging to the group"."""
    f = ctx.folded
    start = m.span.start
    return _OWNED_AFTER.match(f, m.span.end) is not None or _OWNER_BEFORE.search(
        f, start - 24 if start > 24 else 0, start) is not None


def _commands(ctx: EventContext, m: Mentioned) -> bool:
    """A person named as the head of forces: "Bashar Assad regime forces", "Assad's army"."""
    return m.kind == "person" and m.country is not None and _COMMANDS.match(
        ctx.folded, m.span.end
    ) is not None


def _as_state(ctx: EventContext, m: Mentioned) -> Mentioned:
    if m.kind == "person" and m.country:
        return m._replace(actor="state:" + m.country, kind="state")
    return m


_LOSE_WORDS = frozenset({"lost", "loses", "lose"})
_LOSES = re.compile(
    r"(?:\s+(?:army|military|forces|government))?(?:'s)?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:lost|loses|lose)(?![a-z])")


def _victim(ctx: EventContext, m: Mentioned, clause: Span) -> bool:
    """Whether the mention names people who were killed or hurt ("Turkish soldiers martyred")."""
    voc = ctx.voc
    end = m.span.end
    # (a person noun among the first three words after it, read by one match; then the
    # words after the noun one by one, as far as the test needs: the auxiliaries, then the
    # participle)
    f = ctx.folded
    limit = end + 70 if end + 70 < clause.end else clause.end
    first = _FIRST_WORDS.match(f, end, limit)
    if first is None:
        return False
    words = first.groups()
    nouns = voc.person_nouns
    if not _LOSE_WORDS.isdisjoint(words) and (lose := _LOSES.match(f, end, limit)):
        # "Turkey loses five soldiers in an attack", "the Syrian army has lost 12 troops":
        # the side hit
        after = lose.end()
        return any(w in nouns for w in _WORDS.findall(f, after, min(limit, after + 40))[:5])
    if nouns.isdisjoint(words):
        return False
    n = 1
    while words[n - 1] not in nouns:
        n += 1
    listed = -1  # words read since an "and" (-1: none): "a soldier and two civilians were"
    for w in _WORDS.finditer(f, first.end(n), limit):
        word = w.group()
        if listed >= 0:
            if word in nouns:
                listed = -1  # the other people listed end with their noun
            elif listed >= 3:
                return False
            else:
                listed += 1
            continue
        if word == "and" and f.startswith(" ", w.end()):
            listed = 0
            continue
        if word not in _AUX:
            if word not in voc.casualty_participles:
                return False
            after = w.end()
            break
    else:
        return False
    # "Turkish troops killed 76 Syrian soldiers": an active verb with its object
    return not any(0 <= n.span.start - after <= 3 for n in ctx.numbers_in(clause)) and not any(
        0 <= x.span.start - after <= 3 for x in ctx.mentions_in(clause)
    )


def _claimant(speech: list[Speech], clause: Span) -> str | None:
    """Who gives the figure: the attribution in the clause, else the sentence's first."""
    inside = [s.claimant for s in speech if s.claimant and s.span.overlaps(clause)]
    if inside:
        return inside[0]
    return next((s.claimant for s in speech if s.claimant), None)


def _names_ground(
    ctx: EventContext, clause: Span, hits: list[Hit], before: bool = False
) -> bool:
    """A capture needs ground: a named place or a town, post or base next to the verb
    (with ``before``, the words before it: "leaving the post encircled")."""
    for h in hits:
        # (the ground of a passive is its subject, but "lost control of X to Y" names it
        # after the verb)
        if before or (h.value["voice"] == "passive"
                      and not h.phrase.endswith((" of", " from"))):
            near = make_span(max(clause.start, h.start - 60), h.start)
        else:
            near = make_span(h.end, min(clause.end, h.end + 45))
        if (ctx.places_in(near) and any(
            not p.is_country for p in ctx.places_in(near)
        )) or _PLACE_NOUNS.search(ctx.folded, near.start, near.end):
            return True
    return False


def _held_by(ctx: EventContext, clause: Span, main: Hit, actor: str) -> bool:
    """A state after a capture verb is a target only when it held the place ("from X")."""
    for m in ctx.mentions_in(make_span(main.end, clause.end)):
        if m.actor != actor:
            continue
        if _FROM_BEFORE.search(ctx.folded[max(0, m.span.start - 12):m.span.start]):
            return True
        if _HELD_POST.match(ctx.folded, m.span.end):
            return True
    return False


def _person_count(ctx: EventContext, n: Annotation, clause: Span, civil: bool = False) -> bool:
    """Whether the figure ``n`` counts people ("300 civilians"); with ``civil``, not troops
    ("pushed 3,000 troops toward the border" moves forces, it displaces no one)."""
    end = n.span.end
    limit = end + 40 if end + 40 < clause.end else clause.end  # (min(): a call costs more)
    comma = ctx.folded.find(",", end, limit)
    # (not past a comma: "strikes on 50 Syrian targets, killing 34 soldiers")
    words = _LETTER_RUN.findall(ctx.folded, end, comma if comma >= 0 else limit)[:4]
    if ctx.voc.person_nouns.isdisjoint(words):
        return False
    return not (civil and any(w in _TROOPS for w in words))


def _elliptic(ctx: EventContext, n: Annotation) -> bool:
    """A figure of people whose noun is left out: "33 soldiers, with 32 more wounded",
    "12 killed and 40 injured", "three were killed and 12 were hurt"."""
    m = _ELLIPTIC_NEXT.match(ctx.folded, n.span.end)
    if m is None or ctx.folded.find("aged", max(0, n.span.start - 20), n.span.start) >= 0:
        return False  # (not "two boys aged three and 13 died": an age)
    return m.group(1) in ctx.voc.casualty_participles


def _bare_toll(ctx: EventContext, n: Annotation, verbs: list[Hit]) -> bool:
    """A figure of the dead or hurt without a noun: right after the verb at the end of a
    phrase ("killing seven.", "killing at least 12 and wounding 30"), or the level a death
    toll rose to ("the death toll rose to 36")."""
    f = ctx.folded
    start = n.span.start
    for v in verbs:
        toll = v.value == "killed" and v.phrase.endswith("toll")
        if v.end > start or start - v.end > (120 if toll else 40):
            continue
        gap = f[v.end:start]
        if not gap.strip():
            return _TOLL_END.match(f, n.span.end) is not None
        if toll and _TOLL_TO.search(gap):
            return True
    return False


def _claim(anns: list[Annotation], ctx: EventContext, claimant: str | None) -> Claim | None:
    if not anns:
        return None
    total = sum(int(a.value) for a in anns if isinstance(a.value, int))
    # (the first that is not exact: ctx.qualifier of each, by a dict lookup)
    qual = _EXACT
    for a in anns:
        if a.key and (q := _QUALIFIERS.get(a.key, _EXACT)) is not _EXACT:
            qual = q
            break
    span = make_span(anns[0].span.start, anns[-1].span.end)
    return _trusted.claim(total, qual, claimant, span)


def _casualties(
    ctx: EventContext, clause: Span, claimant: str | None
) -> tuple[Claim | None, Claim | None]:
    verbs = ctx.hits_in("casualty_verbs", clause)
    if not verbs:
        return None, None
    groups: dict[str, list[Annotation]] = {"killed": [], "injured": []}
    for n in ctx.numbers_in(clause):
        if not (_person_count(ctx, n, clause) or _elliptic(ctx, n)
                or _bare_toll(ctx, n, verbs)) or _INCLUDING.search(
            ctx.folded, max(clause.start, n.span.start - 25), n.span.start
        ) or _PART_OF.match(ctx.folded, n.span.end) or (
            ctx.folded.find(" and ", max(clause.start, n.span.start - 6), n.span.start) >= 0
            and _PARTS_LISTED.search(ctx.folded, max(clause.start, n.span.start - 70),
                                     n.span.start)
        ):
            # "nine civilians, including four children": a part, not more ("among them
            # 31 women and five children": each listed part)
            continue
        if ctx.folded.startswith("from ", n.span.start - 5):
            continue  # "two of them children from the same family": where they came from
        if (one := _ONE_BEFORE.search(ctx.folded, max(clause.start, n.span.start - 40),
                                      n.span.start)) and _INCLUDING.search(
                ctx.folded, max(clause.start, one.start() - 25), one.start()):
            continue  # "12 civilians, among them a woman and her five children"
        prior = [v for v in verbs if v.end <= n.span.start]
        later = [v for v in verbs if v.start >= n.span.end]
        verb = None
        between = ctx.folded[n.span.end:later[0].start] if later else ""
        if "," in between:
            # "eight villagers, three of them women, were killed", "seven people,
            # including a boy, were hurt": the part told between commas is no break
            between = _INSERTED.sub(" ", between)
        if later and len(between.split(None, 3)) <= 3 and "," not in between \
                and not _AND_OR.search(between):
            verb = later[0]  # "and five others injured"
        elif prior:
            verb = prior[-1]
            gap = ctx.folded[verb.end:n.span.start]
            if len(gap.split(None, 12)) > 12 or (", and " in gap and any(
                t.value.get("pos") != "noun" and t.value["class"] != "casualty"
                for t in ctx.hits_in("incident_triggers", make_span(
                    n.span.end, min(clause.end, n.span.end + 80)))
            )):
                # (not "two were wounded, and nearly 1,500 people fled": the subject of
                # a verb of its own)
                verb = None
        if verb is None and later and _few_words(ctx.folded, n.span.end, later[0].start, 6):
            verb = later[0]
        if verb is not None:
            groups[verb.value].append(n)
    killed = _claim(groups["killed"], ctx, claimant)
    injured = _claim(groups["injured"], ctx, claimant)
    if killed is None or injured is None:
        # "claiming the lives of a woman and her child": people counted one by one
        counted = {"killed": killed, "injured": injured}
        for v in verbs:
            if counted[v.value] is None:
                listed = _count_people(ctx, v.end, clause.end)
                if listed:
                    counted[v.value] = _trusted.claim(listed, _EXACT, claimant, v.span)
        killed, injured = counted["killed"], counted["injured"]
    if killed is None or injured is None:
        killed, injured = _one_subject(ctx, clause, verbs, claimant, killed, injured)
    # "two Syrian servicemen and a civilian were killed": "a civilian" is one more;
    # "two soldiers were killed and another was wounded": "another" is one
    for m in _ONE_MORE.finditer(ctx.folded, clause.start, clause.end):
        if m.group(1) not in ctx.voc.person_nouns and not m.group(0).startswith(
            ("and another", ", another")
        ) and m.group(2) not in ctx.voc.person_nouns:
            continue
        later = [v for v in verbs if v.start >= m.end()]
        counted = {"killed": killed, "injured": injured}
        if later and _few_words(ctx.folded, m.end(), later[0].start, 3):
            claim = counted[later[0].value]
            if claim is None and m.group(0).startswith(("and another", ", another")):
                counted[later[0].value] = _trusted.claim(
                    1, _EXACT, claimant, make_span(m.start(), m.end()))
            elif claim is not None and claim.span is not None and claim.span.end <= m.start():
                counted[later[0].value] = _trusted.claim(
                    claim.value + 1, claim.qualifier, claim.claimant,
                    make_span(claim.span.start, m.end()))
        killed, injured = counted["killed"], counted["injured"]
    return _one_before(ctx, clause, killed), _one_before(ctx, clause, injured)


def _one_subject(
    ctx: EventContext, clause: Span, verbs: list[Hit], claimant: str | None,
    killed: Claim | None, injured: Claim | None,
) -> tuple[Claim | None, Claim | None]:
    """A toll of one told by a singular subject right before the casualty verb: "a
    civilian was killed", "one Turkish soldier has been wounded", "a child died" (not "not
    a single civilian was hurt", not "a family was killed", not the active "a soldier
    killed")."""
    counted = {"killed": killed, "injured": injured}
    f = ctx.folded
    for v in verbs:
        if counted[v.value] is not None:
            continue
        m = _ONE_SUBJECT.search(f, max(clause.start, v.start - 50), v.start)
        if m is None or m.group(1) not in ctx.voc.person_nouns or m.group(1) in _GROUP_NOUNS:
            one = _one_named(ctx, clause, v)
            if one is not None:
                counted[v.value] = _trusted.claim(1, _EXACT, claimant, one)
                continue
            two = _TWO_SUBJECT.search(f, max(clause.start, v.start - 60), v.start)
            if two is not None and two.group(1) in ctx.voc.person_nouns \
                    and two.group(2) in ctx.voc.person_nouns:
                counted[v.value] = _trusted.claim(2, _EXACT, claimant,
                                                  make_span(two.start(), v.end))
            continue
        if m.group(2) is None and f[v.start:v.end] != "died" \
                and _NO_OBJECT.match(f, v.end) is None:
            continue  # "a soldier killed two" is no toll of the soldier
        if " of " in m.group(0) and not m.group(0).startswith("one"):
            continue  # "a number of civilians was killed"; "one of the soldiers" is one
        if _NEGATED_ONE.search(f, max(clause.start, m.start() - 10), m.start()):
            continue
        counted[v.value] = _trusted.claim(1, _EXACT, claimant, make_span(m.start(), v.end))
    return counted["killed"], counted["injured"]


def _singular(nouns: frozenset[str], w: str) -> bool:
    """Whether the person noun ``w`` names one person ("soldier", "policeman")."""
    return w in nouns and w not in _GROUP_NOUNS and (w + "s" in nouns or w.endswith("man"))


def _one_named(ctx: EventContext, clause: Span, v: Hit) -> Span | None:
    """The words that tell a toll of one person, other than "a"/"one" before a noun,
    for the casualty verb ``v``: a singular subject after "its"/"the" ("its pilot was
    killed"), one with no determiner before a participle with no object (a headline's
    "Turkish soldier killed in Idlib"), or a person named as the object ("killed Abu
    Omar, a commander of the group"); ``None`` where none."""
    f = ctx.folded
    nouns = ctx.voc.person_nouns
    lo = v.start - 50 if v.start - 50 > clause.start else clause.start
    if (m := _THE_SUBJECT.search(f, lo, v.start)) is not None:
        return make_span(m.start(), v.end) if _singular(nouns, m.group(1)) else None
    if v.value == "killed" and v.end < clause.end:
        # "killed Abu Omar", "killing Khalid Aziz, …": a person's name right after it
        # (the first raw mention after it: none of those after it built to read one)
        after = ctx.mention_indices_in(make_span(v.end, clause.end))
        if after:
            span, _, kind, _, _ = ctx.raw_mentions[after[0]]
            if kind == "person" and span.start - v.end <= 2:
                return make_span(v.start, span.end)
    if _NO_OBJECT.match(f, v.end) is not None \
            and (m := _LAST_WORD.search(f, lo, v.start)) is not None \
            and _singular(nouns, m.group(1)):
        return make_span(m.start(), v.end)
    return None


def _one_before(ctx: EventContext, clause: Span, claim: Claim | None) -> Claim | None:
    """A toll with the one person named before its number added: "killing a woman and
    her two children" is 3, "a soldier and two civilians were wounded" 3."""
    if claim is None or claim.span is None:
        return claim
    start = claim.span.start
    m = _ONE_BEFORE.search(ctx.folded, max(clause.start, start - 40), start)
    if m is None:
        return claim
    nouns = ctx.voc.person_nouns
    if m.group(1) not in nouns and m.group(2) not in nouns:
        return claim  # "an attack and two … ": no person
    return _trusted.claim(claim.value + 1, claim.qualifier, claim.claimant,
                          make_span(m.start(), claim.span.end))


def _few_words(f: str, start: int, end: int, n: int) -> bool:
    """Whether ``f[start:end]`` holds at most ``n`` words (split on white space)."""
    return len(f[start:end].split(None, n)) <= n


def _count_people(ctx: EventContext, start: int, end: int) -> int:
    """People listed one by one right after a casualty verb: "a woman and her child" is 2."""
    nouns = ctx.voc.person_nouns
    words = _WORDS.findall(ctx.folded, start, min(end, start + 60))
    count, i = 0, 0
    while i < len(words):
        w = words[i]
        if w in _ONE_WORDS and i + 1 < len(words):
            head = words[i + 1] if words[i + 1] in nouns else (
                words[i + 2] if i + 2 < len(words) else "")
            if head in nouns:
                count += 1
                i += 3 if words[i + 1] not in nouns else 2
                continue
            return count
        if w == "and" and count:
            i += 1
            continue
        break
    return count


def _displaced(
    ctx: EventContext, clause: Span, main: Hit, claimant: str | None
) -> Claim | None:
    best = None
    f = ctx.folded
    for n in ctx.numbers_in(clause):
        if _INCLUDING.search(f, max(clause.start, n.span.start - 25), n.span.start) \
                or _PART_OF.match(f, n.span.end):
            continue  # "90,000 people, including 40,000 children, fled": a part, not more
        if main.start <= n.span.start and n.span.end <= main.end:
            # "forced nearly a million people to flee"
            ok = _person_count(ctx, n, clause, civil=True)
        elif n.span.start >= main.end:
            gap = f[main.end:n.span.start]
            ok = len(gap.split(None, 3)) <= 3 and _person_count(ctx, n, clause, civil=True)
        else:
            gap = f[n.span.end:main.start]
            if "," in gap:
                gap = _INSERTED.sub(" ", gap)  # (the part told between commas: no break)
            ok = len(gap.split(None, 6)) <= 6 and (
                _person_count(ctx, n, clause, civil=True) or not gap.strip())
        if ok:
            d = abs(n.span.start - main.start)
            if best is None or d < best[0]:
                best = (d, n)
    return _claim([best[1]], ctx, claimant) if best else None


def _place(
    ctx: EventContext,
    clause: Span,
    sent: Span,
    typ: IncidentType,
    main: Hit,
    excluded: list[Span],
    named: list[Mentioned],
    brackets: list[Span],
    asides: Sequence[Span] = (),
) -> tuple[PlaceRef | None, int]:
    """The place of the incident and a rank (lower is surer); ``named``: the clause's
    mentions; ``brackets``: ``ctx.brackets_over`` the clause; ``asides``: its
    non-restrictive relative clauses (", which has troops in Idlib,": background)."""
    f = ctx.folded
    best: tuple[tuple[int, int], PlaceRef] | None = None
    main_end = main.end
    places = ctx.places_in(clause)
    if places:
        # (offsets, not spans: a span's hash and equality are Python code)
        actors = {(m.span.start, m.span.end) for m in named if not m.locative}
        for p in places:
            span = p.span
            if (excluded and within_any(span, excluded)) or (
                brackets and in_any_bracket(brackets, span.start, span.end)
            ) or (span.start, span.end) in actors:
                continue
            # (a place inside a gapped trigger is its object: "left the Surman post")
            after = span.start > main.start
            if after and has_any(f, _SEQUENCE_WORDS, main_end, span.start) and any(
                main_end <= t.start and t.end <= span.start and t.value["class"] != "generic"
                for t in ctx.hits_in("incident_triggers", clause)
            ) and _SEQUENCE.search(f, main_end, span.start):
                # "the clashes came a day after troops captured the town of X": the place of
                # the earlier event (but "killed when forces shelled a post near X" is one)
                continue
            if f.find("from ", span.start - 60 if span.start > 60 else 0, span.start) >= 0 \
                    and _ORIGIN.search(f, span.start - 60 if span.start > 60 else 0, span.start):
                continue  # "rockets launched from army bases east of Hama": whence
            if _OWNER.match(f, span.end) or (
                not after and has_any(f, _SUBORDINATE_WORDS, span.end, main.start)
                and _SUBORDINATE.search(f, span.end, main.start)
            ) or (f.startswith("in ", span.start - 3)
                  and _SOURCE_IN.search(f, max(0, span.start - 32), span.start)):
                # "at Ankara's request": who asked, not where; "met in Brussels after
                # soldiers were killed in Syria": the place of the main clause's event; "a
                # source in Ankara estimated": where the source is
                continue
            rank = 2 if after else 3
            if typ is _DEPLOYMENT and after and _DEST.search(f[main_end:span.start]):
                rank = 4  # where they are going, not where they are
            if f.startswith(" of ", span.start - 4) and _LANDMARK.search(
                    f, span.start - 30 if span.start > 30 else 0, span.start) and any(
                    not q.is_country and (0 <= span.start - q.span.end <= 50 or (
                        0 < q.span.start - span.end <= 90
                        and _SETTLEMENT_OF.search(f, q.span.start - 20, q.span.start)))
                    for q in places):
                # "the X post east of Saraqib", "Kafr Rumma, west of Maarat al-Numan", "a
                # column driving north of Hama went through the village of X": a
                # landmark by which another place is told (but "positions west of Aleppo"
                # names no other)
                rank += 1
            elif not p.is_country and any(
                    not q.is_country and 0 < span.start - q.span.end <= 40
                    and _LOCATOR.fullmatch(f, q.span.end, span.start) for q in places):
                # "the X area in southern Idlib", "X, in Idlib province": the wider place
                # that tells where the one just named lies
                rank += 1
            if p.is_country:
                rank += 3
            if asides and within_any(span, asides):
                rank += 2  # "Iran, which has hundreds of advisers near Aleppo, flew …"
            key = (rank, abs(span.start - main_end))
            if best is None or key < best[0]:
                best = (key, p)
    if best is None:
        # a place named before the clause, in its sentence (none before the first clause)
        cstart = clause.start
        if cstart <= sent.start:
            return None, 9
        outside = [p for p in ctx.places_in(sent) if p.span.start < cstart
                   and not p.is_country and not (excluded and within_any(p.span, excluded))
                   and not ctx.in_brackets(p.span)]
        if outside:
            # (not a capital standing for its state: "Ankara blamed …, and responded with")
            actors = {(m.span.start, m.span.end)
                      for m in ctx.mentions_in(make_span(sent.start, cstart))
                      if not m.locative}
            outside = [p for p in outside if (p.span.start, p.span.end) not in actors]
        if outside:
            return outside[-1], 6
        return None, 9
    return best[1], best[0][0]


def _asides(ctx: EventContext, span: Span) -> list[Span]:
    """The non-restrictive relative clauses of a stretch (", which has 12 posts in Idlib
    under a 2018 deal with Russia,"): what they tell is background, not the event."""
    f = ctx.folded
    if f.find(", wh", span.start, span.end) < 0:
        return []
    zones = []
    for m in _ASIDE.finditer(f, span.start, span.end):
        stop = _ZONE_END.search(f, m.end(), span.end)
        zones.append(make_span(m.start(), stop.start() if stop else span.end))
    return zones


def _since_zones(ctx: EventContext, sent: Span) -> list[Span]:
    """Stretches of a sentence that tell another, earlier event as a yardstick: "since"
    opening a clause ("since it first sent troops in 2016"), or after a superlative ("the
    worst attack since 2016"); or a state of things before it ("a town that had been held
    by rebels since 2014", "Turkey, which has posts there under a 2018 deal, …")."""
    f = ctx.folded
    zones = _asides(ctx, sent)
    if f.find(" been ", sent.start, sent.end) >= 0:
        for m in _STATE_CLAUSE.finditer(f, sent.start, sent.end):
            # "Khan Sheikhoun, a town that had been in opposition hands since 2014": the
            # relative clause tells the place's past, not when the event happened
            stop = _ZONE_END.search(f, m.end(), sent.end)
            zones.append(make_span(m.start(), stop.start() if stop else sent.end))
    if f.find("since", sent.start, sent.end) < 0:
        return zones
    for rx in (_SINCE_CLAUSE, _SUPERLATIVE_SINCE):
        for m in rx.finditer(f, sent.start, sent.end):
            start = m.start("since")
            time = next((t for t in ctx.times_in(make_span(start, sent.end))
                         if t.span.start <= m.end() <= t.span.end), None)
            if time is not None:
                if rx is _SUPERLATIVE_SINCE:
                    zones.append(time.span)  # "the worst shelling since January"
                continue  # "since the beginning of December" is a time itself
            stop = _ZONE_END.search(f, m.end(), sent.end)
            zones.append(make_span(start, stop.start() if stop else sent.end))
    return zones


def _other_event_at(ctx: EventContext, sent: Span, clause: Span, span: Span) -> bool:
    """Whether ``span`` lies in another clause of ``sent`` than ``clause`` that holds an
    incident trigger of its own (not a word that refers back: "following an incident")."""
    for c in ctx.clauses(sent):
        if c.start <= span.start and span.end <= c.end:
            return c != clause and any(h.value["class"] != "generic"
                                       for h in ctx.hits_in("incident_triggers", c))
    return False


def _date(
    ctx: EventContext, clause: Span, sent: Span, main: Hit, speech: list[Speech]
) -> tuple[TimeValue | None, int]:
    # (the sentence's times, those its statements hold and its since-zones with their
    # times: read once for all its clauses)
    dates = ctx.memo.get(_MEMO_DATES)
    if dates is None:
        dates = ctx.memo[_MEMO_DATES] = {}
    facts = dates.get(sent.start)
    f = ctx.folded
    if facts is None or facts[0] is not sent:
        near = ctx.times_in(sent)
        if near and f.find("'s ", sent.start, sent.end + 3) >= 0 and any(
                f.startswith("'s ", t.span.end) for t in near):  # (one find first: most lack it)
            # "under last year's deal", "Monday's talks": the time of what it owns, not
            # of the event (but "Sunday's bombardment" is the attack's)
            near = [t for t in near if not f.startswith("'s ", t.span.end) or any(
                h.start == t.span.end + 3 for h in ctx.hits_in("incident_triggers", make_span(
                    t.span.end + 3, min(sent.end, t.span.end + 40))))]
        if near:
            stated_ids = frozenset(id(t) for s in speech for t in s.times)
            zones = [(z, [id(t) for t in ctx.times_in(z)]) for z in _since_zones(ctx, sent)]
        else:
            stated_ids, zones = frozenset(), []
        facts = dates[sent.start] = (sent, near, stated_ids, zones)
    _, near, stated_ids, zones = facts
    if near and (when := _WHEN_OPENS.match(f, clause.start, clause.end)):
        # "… since March 2019, when a missile strike on a base left 30 dead": the time the
        # "when" hangs on dates the event it tells
        hung = next((t for t in near if t.span.end <= clause.start
                     and _CLAUSE_GAP.fullmatch(f, t.span.end, when.start(1))), None)
        if hung is not None:
            return _when_time(ctx, clause, near, hung), 3
    if near:
        said: set[int] | frozenset[int] = stated_ids
        for zone, ids in zones:
            if ids and not (zone.start <= main.start and main.end <= zone.end):
                # "the deadliest attack since it first sent troops in 2016": that time
                # dates the other event the comparison names
                said = said | frozenset(ids)
        if said:
            near = [t for t in near if id(t) not in said]
        # (the clause's own times: those of the sentence inside it, as ctx.times_in reads)
        cstart, cend = clause.start, clause.end
        own = [t for t in near if cstart <= t.span.start < cend and t.span.end <= cend]
        if own:
            t = nearest(own, main.start)
            return (t.value if isinstance(t.value, TimeValue) else None), 3
    if near:
        # (not a time in another clause that tells an event of its own: "… killed in an
        # air strike, where an offensive has displaced a million since December")
        near = [t for t in near if not _other_event_at(ctx, sent, clause, t.span)]
    if near:
        t = nearest(near, main.start)
        return (t.value if isinstance(t.value, TimeValue) else None), 2
    stated = [t for s in speech for t in s.times]
    if stated and isinstance(stated[0].value, TimeValue):
        return stated[0].value, 1
    return None, 0


def _when_time(
    ctx: EventContext, clause: Span, near: Sequence[Annotation], hung: Annotation
) -> TimeValue | None:
    """The time of a "when" clause from ``hung``, the time it hangs on: its first point
    after "since" ("since October 2020, when …": then), or the clause's own time inside
    it ("in 2018, when troops seized X in March of that year": the surer)."""
    f = ctx.folded
    value = hung.value if isinstance(hung.value, TimeValue) else None
    if value is None:
        return None
    if value.interval and f.startswith("since", hung.span.start):
        value = _first_point(value, f[hung.span.start:hung.span.end])
    for o in near:
        v = o.value
        if o.span.start >= clause.start and o.span.end <= clause.end \
                and isinstance(v, TimeValue) and v.precision is not value.precision \
                and value.start <= v.start and v.end <= value.end:
            return v
    return value


def _first_point(value: TimeValue, text: str) -> TimeValue:
    """The first day, month or year (at its precision) of an interval; ``text``: the
    folded words that give it ("since october 2020" starts a month, not its first day)."""
    first = value.start
    if value.precision is Precision.DAY and (first.day != 1 or _FIRST_DAY.search(text)):
        return TimeValue.day(first)
    if value.precision is not Precision.YEAR and (first.month != 1 or not text[-4:].isdigit()
                                                  or "jan" in text):
        return TimeValue.month(first.year, first.month)
    return TimeValue.year(first.year)


_FIRST_DAY = re.compile(r"(?<![0-9])(?:1|1st|01)(?![0-9])|first\s+day")


# --------------------------------------------------------------------------- merging


def _add(records: list[_Candidate], cand: _Candidate) -> None:
    prev = records[-1] if records else None
    if prev is not None and prev.trend:
        if cand.type is _ATTACK and not cand.perpetrators and not cand.trend \
                and prev.paragraph == cand.paragraph and cand.sentence - prev.sentence <= 1:
            # "Government shelling has intensified. On Saturday, rockets hit X": the
            # instance told right after a trend is the trend's side's
            cand.perpetrators = set(prev.perpetrators) - cand.targets
        records.pop()  # (a trend is no incident: it only lent its side)
        prev = records[-1] if records else None
    if cand.pronoun_doer and prev is not None:
        cand.perpetrators = set(prev.perpetrators)
    if cand.retaliation and cand.type is _ATTACK:
        attack = next(
            (r for r in reversed(records) if r.type is _ATTACK
             and (r.perpetrators or r.targets)
             and (not cand.perpetrators or cand.perpetrators & r.targets)),
            None,
        )
        if attack is not None:
            if not cand.perpetrators:
                cand.perpetrators = set(attack.targets)
            if not cand.targets:
                cand.targets = set(attack.perpetrators) - cand.perpetrators
            if cand.date is None and attack.date is not None:
                # a retaliation told without a time answers the attack just told
                cand.date, cand.date_strength = attack.date, 0
            if attack.place is not None and (cand.place is None or cand.place_rank >= 6):
                # the answer hits the province the attack came from, unless told otherwise
                region = attack.region
                if region is None or region.country != attack.place.country:
                    region = attack.place  # (not "the governor of Hatay province")
                cand.place, cand.place_rank = region, 8
    # narrative: an incident with no time of its own continues the one just told
    if cand.date is None and cand.type is not _DISPLACEMENT and prev is not None and (
        prev.paragraph == cand.paragraph and cand.sentence - prev.sentence <= 2
    ):
        cand.date = prev.date
    if cand.date is None and cand.same_wave:
        # "In the same wave of raids, jets hit …": the day of the attack just told, even
        # paragraphs later
        wave = next((r for r in reversed(records) if r.type is _ATTACK and r.date), None)
        if wave is not None:
            cand.date, cand.date_strength = wave.date, 0
    if cand.place is None and prev is not None and prev.paragraph == cand.paragraph \
            and not cand.area_ref:
        # (not "… enter the province": the story's province, read at the end)
        cand.place, cand.place_rank = prev.place, 8
    if cand.trend:
        records.append(cand)  # (kept apart, for the attack told next)
        return
    if cand.refer:
        # ("Sunday's bombardment came …": the one of that day, not an older one told last)
        target = next(
            (r for r in reversed(records) if r.type is cand.type and (
                not cand.perpetrators or not r.perpetrators
                or cand.perpetrators == r.perpetrators) and (
                cand.date is None or r.date is None or dates_fit(
                    r.date, r.date_strength < 2, cand.date, cand.date_strength < 2))),
            None,
        )
        if target is not None:
            _absorb(target, cand, refer=True)
            return
        if cand.generic or not (cand.killed or cand.injured):
            # "the September 11 attacks", "this attack": a reference, not a new report
            return
    target = next((r for r in reversed(records) if _compatible(r, cand)), None)
    if target is None:
        records.append(cand)
    else:
        _absorb(target, cand)


def _same_claim(a: Claim | None, b: Claim | None) -> bool:
    return a is None or b is None or a.value == b.value


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    if a.type is not b.type:
        return False
    if a.perpetrators & b.targets or b.perpetrators & a.targets:
        return False  # an attack and the answer to it
    for x, y in ((a.perpetrators, b.perpetrators), (a.targets, b.targets)):
        if x and y and x != y:
            return False
    if not (_same_claim(a.killed, b.killed) and _same_claim(a.injured, b.injured)):
        return False
    if a.type is _DISPLACEMENT and not (
        a.displaced is not None and b.displaced is not None
        and a.displaced.value == b.displaced.value
    ):
        return False
    if not dates_fit(a.date, a.date_strength < 2, b.date, b.date_strength < 2):
        return False
    if a.type is _DEPLOYMENT and abs(a.sentence - b.sentence) <= 2:
        return True  # one movement of troops told over a few sentences
    return place_compatible(a.place, b.place)


def _absorb(into: _Candidate, other: _Candidate, *, refer: bool = False) -> None:
    into.evidence.extend(other.evidence)
    if not refer:
        into.perpetrators |= other.perpetrators
        into.targets |= other.targets
    elif not other.generic:
        # "the strikes were carried out by Russian aircraft" names who did what was told
        if not into.targets and other.targets:
            into.targets = set(other.targets)
        if not into.perpetrators and other.perpetrators:
            into.perpetrators = set(other.perpetrators) - into.targets
    if other.place is not None and (
        into.place is None
        or (not refer and other.place_rank < into.place_rank)
        or (into.place.kind is _COUNTRY and other.place.kind is not _COUNTRY
            and other.place.country in (None, into.place.country))
        or (into.place.kind is _OTHER and other.place.kind in _SETTLEMENTS)
    ):
        # a town or province named later makes "in northwest Syria" more precise
        into.place, into.place_rank = other.place, other.place_rank
    if other.date is not None and other.date_strength > 0:
        if into.date is None or into.date_strength == 0 or (
            into.date_strength == 1 and other.date_strength >= 2
        ):
            # (the day of the statement gives way to a time the text gives the event)
            into.date, into.date_strength = other.date, other.date_strength
        else:
            better = narrower(into.date, other.date)
            if better is other.date:
                into.date, into.date_strength = other.date, other.date_strength
    into.region = into.region or other.region
    into.area_ref = into.area_ref or other.area_ref
    into.killed = into.killed or other.killed
    into.injured = into.injured or other.injured
    into.displaced = into.displaced or other.displaced
    into.reported_by = into.reported_by or other.reported_by


def _worth_keeping(r: _Candidate) -> bool:
    """A record must say who or how many (a movement of troops: whose; a capture: whose
    and where)."""
    if r.type is _DISPLACEMENT:
        return r.displaced is not None
    if r.type is _TERRITORIAL:
        # ("fighters recaptured Saraqib from government forces": who lost it is told)
        return bool(r.perpetrators or r.targets) and r.place is not None
    if r.type is _DEPLOYMENT:
        return bool(r.perpetrators)
    return bool(
        r.perpetrators or r.targets or r.killed or r.injured
        or (r.place is not None and r.date is not None and r.date_strength >= 2)
    )


# --------------------------------------------------------------------------- output


def _span_order(span: Span) -> tuple[int, int]:
    """The order of spans (a key: the generated comparison of two spans costs more)."""
    return span.start, span.end


def _finish(article_id: str, n: int, r: _Candidate) -> Incident:
    # (equal spans once: keyed by offsets, as a set of spans would hash them in Python)
    found = r.evidence
    evidence = (found[0],) if len(found) == 1 else tuple(
        sorted({(e.start, e.end): e for e in found}.values(), key=_span_order))
    perpetrators = tuple(sorted(r.perpetrators))
    targets = tuple(sorted(r.targets - r.perpetrators))
    # (sets: their sorted tuples are what the constructor would make of them)
    return _trusted.incident(
        f"incident:{article_id}:{n}", r.type, evidence, perpetrators, targets, r.place,
        r.date, r.killed, r.injured, r.displaced, r.reported_by,
    )
