"""BrugApp: the notebook, sociale kaart and overleg tool of brugfiguren."""

__version__ = "0.1.0"
APP_NAME = "BrugApp"
APP_ID = "be.brugapp.BrugApp"
