"""What every benchmark shares: the PostgreSQL database, the gunicorn server, the load client and
the percentile tables. Each benchmark package (spaces/, offerings/) imports from here."""
