print("locctl-bench: no benchmarks yet")
