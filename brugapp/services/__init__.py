"""Use cases. Plain Python in, plain dataclasses out; one unit of work per call."""
