"""HTTP concerns shared by the API and the pages: security headers, CSRF, rate limits,
cookies, log redaction, the request context and diary access."""
