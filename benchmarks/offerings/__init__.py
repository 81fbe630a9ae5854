"""Helpers of the culture-offerings benchmark (bench_offerings.py): data, load, report."""
