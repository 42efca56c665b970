"""For teachers: exercise sheets made from a seed, and a folder of submissions graded."""
