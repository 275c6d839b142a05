"""Reading the News: helpers for a course that reads one news article closely."""
