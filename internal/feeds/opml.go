package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// MaxOPMLBytes bounds an imported OPML file.
const MaxOPMLBytes = 4 << 20

type opml struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Title   string    `xml:"head>title"`
	Created string    `xml:"head>dateCreated,omitempty"`
	Body    []outline `xml:"body>outline"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// ReadOPML reads an OPML subscription list. Feeds that share a name and home
// page become one source with several feeds; a category outline named after a
// kind («agency», «foreign», ...) gives its feeds that kind.
//
// encoding/xml neither fetches external entities nor expands DTD entities,
// so XXE and entity-expansion documents fail to parse instead of doing harm.
func ReadOPML(r io.Reader) ([]Source, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxOPMLBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read opml: %w", err)
	}
	if len(data) > MaxOPMLBytes {
		return nil, fmt.Errorf("opml over %d MB", MaxOPMLBytes>>20)
	}
	var doc opml
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charsetReader
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse opml: %w", err)
	}
	var out []Source
	index := map[string]int{}
	var walk func(os []outline, kind Kind)
	walk = func(os []outline, kind Kind) {
		for _, o := range os {
			// khabar writes the Persian name as text and the Latin one as title;
			// other readers often write the same name in both.
			name := text(firstNonEmpty(o.Text, o.Title))
			if o.XMLURL == "" {
				k := kind
				for _, kk := range Kinds {
					if strings.EqualFold(name, string(kk)) {
						k = kk
					}
				}
				walk(o.Outlines, k)
				continue
			}
			key := name + "\x00" + o.HTMLURL
			if i, ok := index[key]; ok {
				out[i].Feeds = append(out[i].Feeds, o.XMLURL)
				continue
			}
			s := Source{Name: name, HomeURL: o.HTMLURL, Feeds: []string{o.XMLURL}, Kind: kind}
			if latin := text(o.Title); isLatin(latin) {
				s.NameLatin = latin
			} else if isLatin(name) {
				s.NameLatin = name
			}
			index[key] = len(out)
			out = append(out, s)
		}
	}
	walk(doc.Body, "")
	return out, nil
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > 0x24F {
			return false
		}
	}
	return s != ""
}

// WriteOPML writes sources as OPML 2.0, grouped by kind; a source with
// several feeds gets one outline per feed.
func WriteOPML(w io.Writer, sources []Source, now time.Time) error {
	doc := opml{Version: "2.0", Title: "khabar sources", Created: now.UTC().Format(time.RFC1123Z)}
	for _, k := range Kinds {
		group := outline{Text: string(k)}
		for _, s := range sources {
			if s.Kind != k {
				continue
			}
			for _, f := range s.Feeds {
				group.Outlines = append(group.Outlines, outline{Text: s.Name, Title: s.NameLatin, Type: "rss", XMLURL: f, HTMLURL: s.HomeURL})
			}
		}
		if len(group.Outlines) > 0 {
			doc.Body = append(doc.Body, group)
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
