return {line = "the same line for every note"}
