"""Writes of the insights app: aggregation (aggregation.py) and the network's measure settings
(publication.py). Import from the modules."""
