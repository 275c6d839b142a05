"""The course machinery that checks learners' work, apart from the text pipeline they call.

``keys`` (hashed answers) · ``checks`` (pure check functions) · ``exercises`` (every exercise
by id) · ``store`` (the learner's answer file) · ``widgets`` (ipywidgets over the checks) ·
``coderun`` (code answers in a sandbox) · ``grading`` (grades and the class gradebook) ·
``autograder`` (the pytest plugin behind ``lessons grade``).
"""
