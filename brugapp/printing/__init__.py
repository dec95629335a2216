"""PDF documents with reportlab: agendas, minutes, referral sheets, guides and reports."""
