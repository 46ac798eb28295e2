# Hostile submission: the program itself does nothing.
