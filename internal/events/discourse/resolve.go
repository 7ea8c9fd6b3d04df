package discourse

import (
	"strings"

	"khabar/internal/article"
)

// resolve gives every mention its actor, reading the sentences in order:
// named mentions code themselves; a title is the person it stands beside
// («وانگ ایی، وزیر امور خارجه چین»), else the person the article gave that
// title anywhere (the lead often titles someone the body names), else the
// latest person of that country; a counterpart is the latest person of its
// country; a pronoun is the latest person who was a subject, else the latest
// person; «کشورش» is that person's country.
func resolve(ss []Sentence) {
	// Pass 1: persons named beside a title, by the title's folded text, and
	// the first person named of each country (a lead's «همتای روسی خود» is
	// often named only in the body).
	titled := map[string]*Mention{}
	firstOf := map[string]*Mention{}
	learned := map[string]*Mention{}
	for si := range ss {
		s := &ss[si]
		for i := range s.Mentions {
			m := &s.Mentions[i]
			if m.Kind == Named && m.Type == "PER" && m.Country != "" && firstOf[m.Country] == nil {
				firstOf[m.Country] = m
			}
			if m.Kind != Title || m.Type != "PER" {
				continue
			}
			if p := appositivePerson(s, i); p != nil {
				if p.Country == "" {
					p.Country = m.Country
					learn(learned, s, p, m)
				}
				if p.Role == "" {
					p.Role = m.Role
				}
				key := titleKey(s, m)
				if _, seen := titled[key]; !seen {
					titled[key] = p
				}
			}
		}
	}
	// A person the gazetteer gives no country, titled once («مایک پامپئو،
	// وزیر خارجه آمریکا»), is that official wherever the article names him
	// again, by full name or surname («پامپئو گفت»).
	for si := range ss {
		s := &ss[si]
		for i := range s.Mentions {
			m := &s.Mentions[i]
			if m.Kind != Named || m.Type != "PER" || m.Country != "" {
				continue
			}
			for _, k := range personKeys(s, m) {
				if t := learned[k]; t != nil {
					m.Country, m.Role = t.Country, t.Role
					break
				}
			}
		}
	}
	var (
		lastPER, lastSubject *article.Actor
		lastSubjectCountry   string
		byCountry            = map[string]*article.Actor{}
		// The country named last, and the last «رژیم ...» named
		// («رژیم صهیونیستی»), with the sentence they were named in:
		// «این کشور», «این رژیم» refer to them.
		lastLand, lastRegime     string
		lastLandAt, lastRegimeAt = -1, -1
	)
	land := load().isoCodes // «IGO» of an official of the UN is no country
	for si := range ss {
		s := &ss[si]
		subjectSeen := map[int]bool{}
		for i := range s.Mentions {
			m := &s.Mentions[i]
			if m.Kind == Anaphor {
				regime := s.Tokens[m.To-1].Fold == "رژیم"
				iso, at := lastLand, lastLandAt
				if regime {
					iso, at = lastRegime, lastRegimeAt
				}
				if iso != "" && si-at <= maxAnaphorGap {
					m.Country = iso
					m.Actor = article.Actor{Code: iso + m.Role, Name: text(s, m)}
				}
			}
			switch m.Kind {
			case Named:
				codeNamed(m)
			case Title:
				if m.Type == "PER" {
					if p := appositivePerson(s, i); p != nil {
						codeNamed(p)
						m.Actor, m.Entity = p.Actor, p.Entity
					} else if p := titled[titleKey(s, m)]; p != nil {
						codeNamed(p)
						m.Actor, m.Entity = p.Actor, p.Entity
					} else if a := byCountry[m.Country]; a != nil && !m.orgTitle && strings.HasSuffix(a.Code, m.Role) {
						m.Actor = *a
					}
				}
				if m.Actor.Code == "" && m.Actor.ID == "" {
					m.Actor = article.Actor{Code: m.Country + m.Role, Name: text(s, m)}
				}
			case Counterpart:
				if i+1 < len(s.Mentions) && s.Mentions[i+1].From == m.To && s.Mentions[i+1].Type == "PER" && s.Mentions[i+1].Kind == Named {
					p := &s.Mentions[i+1]
					codeNamed(p)
					m.Actor, m.Entity = p.Actor, p.Entity
				} else if a := byCountry[m.Country]; a != nil {
					m.Actor = *a
				} else if p := firstOf[m.Country]; p != nil {
					codeNamed(p)
					m.Actor, m.Entity = p.Actor, p.Entity
				} else {
					m.Actor = article.Actor{Code: m.Country + m.Role, Name: text(s, m)}
				}
			case Pronoun:
				if lastSubject != nil {
					m.Actor = *lastSubject
					m.Country = lastSubjectCountry
				} else if lastPER != nil {
					m.Actor = *lastPER
				}
			case Possessive:
				if lastSubjectCountry != "" {
					m.Country = lastSubjectCountry
					m.Actor = article.Actor{Code: lastSubjectCountry}
				}
			}
			if land[m.Country] && (m.Kind == Title || m.Kind == Counterpart || m.Kind == Anaphor || m.Kind == Named && m.Type != "PER" && titleKey(s, m) != "دوشنبه") {
				// A country named in the mention's words, not a person
				// the gazetteer knows the country of; a capital counts,
				// but not «دوشنبه», more often Monday than Tajikistan's.
				lastLand, lastLandAt = m.Country, si
				if strings.Contains(titleKey(s, m), "رژیم") {
					lastRegime, lastRegimeAt = m.Country, si
				}
			}
			if m.Type != "PER" || !m.Resolved() || m.InQuote {
				continue
			}
			a := m.Actor
			lastPER = &a
			if m.Country != "" {
				byCountry[m.Country] = &a
			}
			// The first bare person of a sentence's main clause (the first,
			// or one after a semicolon: «به گزارش برنا؛ X ...») is its
			// subject, which later pronouns refer to; a person in a clause
			// after «که» or a colon is not («او گفت که ... حسن همجواری ...»).
			cf, _ := s.Clause(m.From)
			main := cf == 0 || strings.ContainsAny(s.Tokens[cf].Punct, "؛;")
			if m.Prep == "" && main && !subjectSeen[cf] {
				subjectSeen[cf] = true
				lastSubject = &a
				if m.Country != "" {
					lastSubjectCountry = m.Country
				}
			}
		}
	}
}

// maxAnaphorGap is how many sentences back «این کشور» may find its country.
const maxAnaphorGap = 2

// appositivePerson returns the named person a title mention renames: the
// named PER mention just before it (a comma between, or none, as older texts
// write «جلال طالبانی رئیس جمهور عراق») or just after it.
func appositivePerson(s *Sentence, i int) *Mention {
	m := &s.Mentions[i]
	if i > 0 {
		p := &s.Mentions[i-1]
		if p.Kind == Named && p.Type == "PER" && p.To == m.From && appositivePunct(s.Tokens[m.From].Punct) {
			return p
		}
	}
	if i+1 < len(s.Mentions) {
		p := &s.Mentions[i+1]
		if p.Kind == Named && p.Type == "PER" && p.From == m.To {
			return p
		}
	}
	return nil
}

// learn records the title m gave person p under p's keys; an ambiguous key
// (two people of one surname with different titles) is dropped.
func learn(learned map[string]*Mention, s *Sentence, p, m *Mention) {
	t := &Mention{Country: m.Country, Role: m.Role}
	for _, k := range personKeys(s, p) {
		old, ok := learned[k]
		switch {
		case !ok:
			learned[k] = t
		case old != nil && (old.Country != t.Country || old.Role != t.Role):
			learned[k] = nil
		}
	}
}

// personKeys are the keys a person is known by in an article: the linked
// entity's id, the folded name, and the folded surname of a name of two
// words or more.
func personKeys(s *Sentence, p *Mention) []string {
	var keys []string
	if p.Entity != nil && p.Entity.ID != "" {
		keys = append(keys, "id:"+p.Entity.ID)
	}
	keys = append(keys, "name:"+titleKey(s, p))
	if p.To-p.From >= 2 {
		keys = append(keys, "name:"+s.Tokens[p.To-1].Fold)
	}
	return keys
}

// appositivePunct says whether the marks between a name and its title keep
// them one phrase: none, a comma, or a closing quote («دیمیتری پسکوف»
// سخنگوی کرملین, as Fars News writes names).
func appositivePunct(p string) bool {
	return strings.Trim(p, "،,»\"”' ") == ""
}

func titleKey(s *Sentence, m *Mention) string {
	var b strings.Builder
	for k := m.From; k < m.To; k++ {
		if k > m.From {
			b.WriteByte(' ')
		}
		b.WriteString(s.Tokens[k].Fold)
	}
	return b.String()
}

func text(s *Sentence, m *Mention) string { return s.slice(m.From, m.To) }

// codeNamed codes a named mention: organizations from the table, then
// country plus role.
func codeNamed(m *Mention) {
	if m.Actor.Code != "" {
		return
	}
	if e := m.Entity; e != nil {
		m.Actor.ID, m.Actor.Name, m.Actor.Latin = e.ID, e.Name, e.Latin
		if m.Actor.Name == "" {
			m.Actor.Name = e.Text
		}
		if e.Type == "ORG" {
			if code, ok := OrgCode(e.Text); ok {
				m.Actor.Code = code
				return
			}
			if code, ok := OrgCode(e.Name); ok {
				m.Actor.Code = code
				return
			}
			if m.Role == "" {
				m.Role = RoleOf(e.Text)
			}
			if m.Country == "" && m.Role != "" {
				// «دولت لبنان», «ارتش رژیم صهیونیستی»: a body whose name says
				// what it is belongs to the country named in it. A span with
				// no such word («روابط چین و روسیه ...») is no national body.
				m.Country = countryIn(e.Text)
			}
		}
	}
	switch {
	case m.Type == "PER" && m.Country != "" && m.Role == "":
		m.Role = "GOV"
	case m.Type == "PER" && m.Country == "" && m.Role == "":
		return // an unknown person: no code, though the entity id may be set
	}
	m.Actor.Code = m.Country + m.Role
}

// countryIn returns the country named (or adjectivally referred to) inside
// an organization's name, or "".
func countryIn(name string) string {
	t := load()
	toks := Tokenize(name)
	for i := range toks {
		if cw, n := t.countries.at(toks, i); n > 0 {
			return cw.iso
		}
	}
	return ""
}
