"""The load test of issue #15: locust against daphne, PostgreSQL and Redis (see run.py)."""
