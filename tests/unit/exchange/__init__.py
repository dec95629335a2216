"""Exchange formats checked against files and parsers no one here wrote."""
