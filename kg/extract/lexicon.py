"""Word lists the relation rules consult.

Kept apart from the rules so that adding a verb of saying or a light verb is a
data change, not a code change. All entries are lower-case lemmas unless said
otherwise.
"""

from __future__ import annotations

__all__ = [
    "SAY_VERBS", "DENIAL_VERBS", "LIGHT_VERB_NOUNS", "GROUP_NOUNS", "PARTITIVE_NOUNS",
    "ROLE_PREPOSITIONS", "TIME_PREPOSITIONS", "PLACE_PREPOSITIONS", "CONDITIONS",
    "RELATIVE_PRONOUNS", "VAGUE_ADJECTIVES", "NOT_ARGUMENT_LABELS", "DEVERBAL_NOUNS",
    "DESIRE_VERBS", "WH_WORDS", "FIRST_PERSON", "OBJECT_CONTROL_VERBS", "CLAIM_NOUNS", "CLAIM_VERBS",
    "NEGATIVE_SUBJECTS",
]

#: Verbs that introduce reported speech: what their complement says is
#: attributed to their subject, and the saying is an assertion of its own.
SAY_VERBS = frozenset({
    "say", "announce", "tell", "add", "state", "claim", "declare", "insist", "warn",
    "argue", "confirm", "deny", "report", "explain", "note", "write", "believe",
    "suggest", "acknowledge", "admit", "allege", "assert", "stress", "reiterate",
    "maintain", "predict", "reveal", "indicate", "think", "accuse", "promise", "vow",
})

#: Saying verbs whose complement is denied ("denied that Haftar controls ...").
DENIAL_VERBS = frozenset({"deny", "refute", "dismiss", "reject"})

#: Verbs whose complement states a wish, not a fact ("called for both sides to ...").
DESIRE_VERBS = frozenset({
    "call", "urge", "ask", "want", "demand", "plan", "hope", "seek", "aim", "intend",
    "try", "attempt", "propose", "request", "wish", "expect", "threaten", "order",
})

#: Light verb + noun pairs whose noun carries the meaning: "put an end to X"
#: relates the subject to X by "put end to".
LIGHT_VERB_NOUNS = frozenset({
    ("put", "end"), ("take", "control"), ("take", "part"), ("take", "charge"), ("make", "use"),
    ("pay", "tribute"), ("pay", "attention"),
    ("give", "support"), ("lay", "siege"), ("take", "action"), ("have", "access"),
    ("make", "contact"), ("take", "advantage"), ("play", "role"), ("take", "place"),
})

#: Nouns for the people or troops of a named owner: "Haftar's forces", "GNA
#: forces" act for the owner, so they resolve to it.
GROUP_NOUNS = frozenset({
    "force", "militia", "troop", "army", "fighter", "soldier", "loyalist", "supporter",
    "man", "government", "administration", "camp", "side", "regime", "unit", "follower",
})

#: Nouns that name a part or an amount of what their "of" phrase names:
#: "swathes of southern Libya", "a series of setbacks".
PARTITIVE_NOUNS = frozenset({
    "swath", "swathe", "part", "much", "most", "rest", "portion", "half", "majority",
    "bulk", "series", "number", "lot", "host", "range", "variety", "group", "pair",
    "couple", "dozen", "hundred", "thousand", "million", "handful", "piece", "area",
    "none", "all", "some", "each", "many", "few", "one", "both", "either", "neither", "several",
})

#: Prepositions that make a noun a role: "spokesman for", "leader of".
ROLE_PREPOSITIONS = frozenset({"for", "of", "at", "to", "with"})

#: Prepositions that introduce a time modifier even without a date entity.
TIME_PREPOSITIONS = frozenset({"since", "until", "till", "during", "throughout"})

#: Prepositions that can introduce a place modifier (with a place entity).
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "across", "inside", "outside", "around",
                                "within", "into", "on", "throughout", "between", "off"})

#: Subordinators that make a clause a condition.
CONDITIONS = frozenset({"if", "unless", "whether"})

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose", "where", "when"})

#: Verbs whose object does what their infinitive says: "urged Haftar to stop" (Haftar stops).
OBJECT_CONTROL_VERBS = frozenset({
    "urge", "ask", "order", "force", "allow", "tell", "persuade", "encourage", "invite", "want",
    "expect", "call", "require", "permit", "help", "enable", "pressure", "press", "warn", "advise",
    "instruct", "compel", "oblige", "authorise", "authorize", "forbid", "beg",
})

#: Nouns whose "that" clause or "of" gerund is reported, not asserted:
#: "claims that Haftar attacked Tripoli", "accused of attacking".
CLAIM_NOUNS = frozenset({
    "claim", "report", "allegation", "rumour", "rumor", "accusation", "suggestion", "speculation",
    "suspicion", "fear", "belief", "assertion", "charge", "theory", "hope",
})

#: Verbs whose "of"/"for" gerund is reported, not asserted: "accused of attacking".
CLAIM_VERBS = frozenset({"accuse", "suspect", "charge", "blame", "deny", "criticise", "criticize", "condemn"})

#: Subjects that deny the clause: "none of the militias attacked".
NEGATIVE_SUBJECTS = frozenset({"none", "nobody", "nothing", "neither", "no-one"})

#: Pronouns that, in reported speech, stand for the speaker.
FIRST_PERSON = frozenset({"i", "me", "we", "us"})

#: Question words: never an argument by themselves.
WH_WORDS = frozenset({"what", "whatever", "whoever", "whichever", "how", "why"})

#: Adjectives too vague to name a concept ("several countries" → "country").
VAGUE_ADJECTIVES = frozenset({
    "several", "other", "many", "some", "such", "various", "more", "most", "few", "own",
    "same", "certain", "any", "both", "all", "each", "much", "little", "further",
})

#: Entity labels that are values, not things: never the node of an argument.
NOT_ARGUMENT_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})

#: Nouns that name an act, with the verb of that act: "Haftar's truce offer"
#: → Haftar – offer – truce.
DEVERBAL_NOUNS = {
    "offer": "offer", "call": "call for", "attack": "attack", "rejection": "reject",
    "threat": "threaten", "demand": "demand", "proposal": "propose", "support": "support",
    "invasion": "invade", "capture": "capture", "control": "control", "recognition": "recognise",
    "announcement": "announce", "request": "request", "plan": "plan", "bid": "bid for",
}


# --- names -------------------------------------------------------------------------------

#: Honorifics and titles written before a person's name (with or without the full stop).
HONORIFICS = frozenset({
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "Rev", "Sen", "Rep", "Gov",
    "Gen", "Col", "Lt", "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Supt", "Insp", "Det", "Fr", "St",
    "President", "Senator", "Governor", "Mayor", "Judge", "Justice", "King", "Queen", "Prince", "Princess",
    "Pope", "Sheikh", "Emir", "Ayatollah", "Chancellor", "Premier", "Marshal", "General", "Colonel",
    "Commander", "Secretary", "Ambassador", "Bishop", "Archbishop", "Cardinal", "Rabbi", "Imam",
})

#: Nouns for people's roles: "spokesman Ahmad al Mesmari", "Haftar, a former general".
PERSON_ROLE_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "warlord", "president", "minister", "leader", "commander",
    "general", "official", "chief", "head", "chairman", "chairwoman", "director", "secretary", "ambassador",
    "envoy", "senator", "governor", "mayor", "king", "queen", "prince", "ruler", "dictator", "prime",
    "colonel", "marshal", "lawyer", "judge", "correspondent", "reporter", "analyst", "professor", "author",
    "writer", "actor", "actress", "singer", "player", "coach", "manager", "executive", "founder", "ceo",
    "candidate", "politician", "diplomat", "negotiator", "activist", "officer", "soldier", "adviser",
    "advisor", "aide", "deputy", "member", "representative", "economist", "chancellor", "premier", "mp",
    "strongman", "rival", "opponent", "father", "mother", "son", "daughter", "wife", "husband", "brother",
})

#: Words that make a name an organisation's: "Libyan National Army", "Muslim Brotherhood".
ORGANISATION_WORDS = frozenset({
    "Party", "Ministry", "Council", "Company", "Co.", "Corp.", "Corp", "Corporation", "Inc.", "Inc", "Ltd",
    "Ltd.", "plc", "Agency", "Committee", "Bank", "University", "College", "Army", "Forces", "Force",
    "Government", "Department", "Commission", "Union", "Association", "Organisation", "Organization",
    "Front", "Movement", "Court", "Police", "Radio", "Television", "TV", "News", "Times", "Post", "Group",
    "Institute", "Foundation", "Federation", "League", "Brotherhood", "Network", "Service", "Office",
    "Assembly", "Parliament", "Congress", "Senate", "Authority", "Board", "Bureau", "Club", "Society",
    "Airlines", "Airways", "Corps", "Guard", "Navy", "Brigade", "Brigades", "Militia", "Alliance",
})

#: Last words that make a name a place's: "Nile River", "Orange County".
PLACE_WORDS = frozenset({
    "River", "Mountain", "Mountains", "Lake", "Island", "Islands", "Sea", "Ocean", "Valley", "Street",
    "County", "Province", "Region", "City", "Bay", "Gulf", "Desert", "Peninsula", "Strait", "Canal",
    "District", "Square", "Avenue", "Road", "Coast", "Plateau", "Basin", "Union", "Republic", "Kingdom",
    "States", "Emirates", "Heights", "Hills", "Falls", "Springs", "Beach", "Creek",
})

#: First words of place names: "Mount Blanc", "Port Nolloth", "St. Petersburg".
PLACE_FIRST_WORDS = frozenset({"Mount", "Mt.", "Port", "Lake", "Cape", "Fort", "St.", "Saint", "San", "Santa",
                               "Sierra", "Gulf", "Isle", "Lower", "Upper", "North", "South", "East", "West"})

#: Last words of buildings' and sites' names: "Brushy Mountain Penitentiary", "Texas Theater".
FACILITY_WORDS = frozenset({"Hospital", "Penitentiary", "Prison", "Theater", "Theatre", "Stadium", "Bridge",
                            "Palace", "Tower", "Museum", "Cathedral", "Church", "Mosque", "Temple", "Hotel",
                            "Park", "Airport", "Station", "Base", "Camp", "Mall", "Building", "Observatory",
                            "Memorial", "Monument", "Dam", "Port", "Harbour", "Harbor", "Center", "Centre"})

#: Particles inside Arabic, Dutch, German, Spanish ... personal names: "Ahmad al Mesmari".
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "de", "da", "di", "del",
                            "la", "le", "dos", "das", "ben", "ould"})

#: Prepositions after which a one-word name is a place: "in Lancaster", "near Oxford".
PLACE_ONLY_PREPOSITIONS = frozenset({"in", "near", "outside", "from", "across", "inside"})

MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                    "sept", "oct", "nov", "dec"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
