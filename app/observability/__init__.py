"""What operators see: log lines (redacted, JSON, with the request id), request ids and the
access line, and the metrics."""
