"""Rules and vocabularies without I/O: asked by services, printing, exchange and screens alike."""
