package article

// What the analysis stages (issue 7) add to an article: entity mentions linked
// to canonical records, quotations with their speakers, events coded as
// who-did-what-to-whom, and a topic. They are plain data so that the parser,
// the store, the API and the UI share one shape; the code that fills them in
// lives in internal/ner, internal/entities, internal/quotes, internal/events
// and internal/topics.

// Place says where in the article a span is: Para is -2 for the title, -1 for
// the lead, else an index into Body; Start and End are byte offsets into that
// text (End exclusive).
type Place struct {
	Para  int `json:"para"`
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity is one mention of a named thing, linked to a canonical record when
// the gazetteer knows it.
type Entity struct {
	// Text is the mention as written in the repaired text.
	Text string `json:"text"`
	// Type is a PEYMA tag: PER, ORG, LOC, DAT, TIM, MON, PCT (plus FAC, EVE,
	// PRO for gazetteer records of those kinds).
	Type string `json:"type"`
	// ID is the canonical record's id (stable, ASCII, e.g. "sergey-lavrov");
	// empty when the mention is not linked.
	ID string `json:"id,omitempty"`
	// Name is the canonical Persian name, Latin its Latin-script name.
	Name  string `json:"name,omitempty"`
	Latin string `json:"latin,omitempty"`
	// Country is the ISO 3166-1 alpha-3 code of the person's or
	// organization's country (of the place itself for locations), when known.
	Country string `json:"country,omitempty"`
	Place
}

// Actor is one side of an event: a CAMEO-style code (country plus role, e.g.
// "CHNGOV", or an organization code such as "IGOUNO"), and the entity it was
// resolved from when there is one.
type Actor struct {
	Code  string `json:"code"`
	ID    string `json:"id,omitempty"`
	Name  string `json:"name,omitempty"`
	Latin string `json:"latin,omitempty"`
}

// Quote is something a speaker said: a direct quotation («...») or reported
// speech (گفت، افزود، تاکید کرد ...).
type Quote struct {
	Speaker Actor  `json:"speaker"`
	Text    string `json:"text"`
	// Direct is true for a quotation in guillemets or quote marks.
	Direct bool `json:"direct"`
	// Verb is the speech verb that introduced it («گفت», «تاکید کرد»).
	Verb string `json:"verb,omitempty"`
	Place
}

// Event is one who-did-what-to-whom triple read from a sentence.
type Event struct {
	Source Actor `json:"source"`
	Target Actor `json:"target"`
	// Action is the Persian verb or light-verb construction that was matched.
	Action string `json:"action"`
	// CAMEO is the CAMEO verb code ("040", "036", ...), PLOVER the PLOVER
	// event type ("CONSULT", "COOPERATE", ...).
	CAMEO  string `json:"cameo"`
	PLOVER string `json:"plover"`
	// Evidence is the sentence the event was read from.
	Evidence string `json:"evidence"`
	Place
}
