"""Allocation of a round's wished weekly slots: the problem, a CP-SAT solver and a greedy
baseline. Pure Python over plain data; `lampio.seasons.services.allocation` builds the problem
from the database and stores the result."""
