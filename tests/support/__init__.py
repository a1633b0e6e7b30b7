"""What the tests share: servers and pages served locally, real Celery workers, test data."""
