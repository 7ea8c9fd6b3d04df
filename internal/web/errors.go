package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
)

// isAPI reports whether a request is for the JSON API, whose errors are JSON.
func isAPI(r *http.Request) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
}

// fail answers a request that went wrong: JSON {"error":{...}} under /api/,
// a Persian error page elsewhere. msg is the API's English message; err, when
// given, is the cause, logged for 5xx and never shown to the client.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string, err error) {
	if err != nil && status >= 500 {
		s.log.LogAttrs(r.Context(), slog.LevelError, "web: request failed",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Any("err", err))
	}
	if isAPI(r) {
		s.writeJSON(w, r, status, errorBody{Error: apiError{Status: status, Message: msg}})
		return
	}
	s.failPage(w, r, status, "")
}

// errorPage is the data of the Persian error page.
type errorPage struct {
	page
	Status  int
	Heading string
	Message string
}

// failPage renders the Persian error page; detail, when given, replaces the
// generic explanation for the status.
func (s *Server) failPage(w http.ResponseWriter, r *http.Request, status int, detail string) {
	heading, message := errorText(status)
	if detail != "" {
		message = detail
	}
	p := errorPage{page: page{Title: heading}, Status: status, Heading: heading, Message: message}
	t, ok := s.views.pages["error"]
	var buf bytes.Buffer
	if !ok || t.ExecuteTemplate(&buf, "layout", p) != nil {
		// The error page itself failed: plain text is all that is left.
		http.Error(w, heading, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

func errorText(status int) (heading, message string) {
	switch status {
	case http.StatusBadRequest:
		return "درخواست نادرست", "نشانی این صفحه پارامتر نادرستی دارد."
	case http.StatusNotFound:
		return "پیدا نشد", "صفحه‌ای که خواستید اینجا نیست. شاید نشانی را اشتباه نوشته‌اید یا این خبر دیگر نگه‌داری نمی‌شود."
	case http.StatusMethodNotAllowed:
		return "روش درخواست پذیرفته نیست", "این نشانی فقط برای خواندن است."
	case http.StatusServiceUnavailable:
		return "در دسترس نیست", "این بخش فعلاً در دسترس نیست. کمی بعد دوباره امتحان کنید."
	default:
		return "خطای سرور", "مشکلی پیش آمد و صفحه ساخته نشد. کمی بعد دوباره امتحان کنید."
	}
}

// errorBody is the JSON error shape: {"error":{"status":404,"message":"..."}}.
type errorBody struct {
	Error apiError `json:"error"`
}

type apiError struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
}

// writeJSON encodes v into a buffer first, so an encoding error is a clean 500.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // served as application/json with nosniff: «<» can stay readable
	if err := enc.Encode(v); err != nil {
		s.log.LogAttrs(r.Context(), slog.LevelError, "web: encode json",
			slog.String("path", r.URL.Path), slog.Any("err", fmt.Errorf("%T: %w", v, err)))
		buf.Reset()
		status = http.StatusInternalServerError
		buf.WriteString(`{"error":{"status":500,"message":"internal error"}}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}
