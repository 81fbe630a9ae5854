"""Helpers of the spaces-and-bookings benchmark (bench_spaces.py): data, server, load, report."""
