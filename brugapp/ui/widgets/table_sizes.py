"""How many rows a table reads to fit a column to its contents.

Qt's default (1,000) reads the cells of a thousand rows each time a table is filled: on a busy programme that was
most of the time the Opvolging and Doorverwijzingen pages took (brugapp bench). The first hundred rows and the
visible ones give the same widths for dates, statuses and names.
"""

CONTENTS_PRECISION = 100
