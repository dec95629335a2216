"""The first-run wizard (new in issue 15): from a fresh install to a usable notebook."""

from brugapp.ui.first_run.wizard import FirstRunResult, FirstRunWizard, run_first_run

__all__ = ["FirstRunResult", "FirstRunWizard", "run_first_run"]
