"""For teachers: exercise sheets drawn at random from a seed number, and submissions graded."""
