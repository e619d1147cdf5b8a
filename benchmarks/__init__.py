"""Benchmarks of seatplan (run with ``python -m benchmarks.solver``)."""
