# Hostile submission: floods stdout and never listens.
while True:
    print("flood " * 200)
