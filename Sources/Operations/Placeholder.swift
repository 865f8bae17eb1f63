// Logs, metrics, progress: being written.
