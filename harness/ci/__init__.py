"""Grading in a student's repository: the template it is made from (``template``), the
files grading depends on and how to tell they changed (``protect``), and what GitHub
Actions reads (``github``: workflow commands, the step summary, outputs, the Classroom
runner result)."""
