package feeds

import nurl "net/url"

// resolve makes ref absolute against base; an absolute ref is kept as written
// (re-encoding would turn a Persian slug into %-escapes).
func resolve(base, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := nurl.Parse(ref)
	if err != nil {
		return ""
	}
	if u.IsAbs() {
		return ref
	}
	b, err := nurl.Parse(base)
	if err != nil || base == "" {
		return ref
	}
	return b.ResolveReference(u).String()
}
