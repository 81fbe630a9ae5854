"""The load test of issue #15: locust against the production web server, PostgreSQL and Redis
(see run.py)."""
