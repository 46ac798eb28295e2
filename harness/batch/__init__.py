"""Grading a whole class: finding submissions, unpacking them safely, grading them in
parallel and resumably, and writing the gradebook and class statistics."""
