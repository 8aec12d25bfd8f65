# skip-chip: the emulated chip has no wall clock (time() counts from power-on until the RTC is set)
import time
t = time.time()
print(t > 1.6e9, time.time_ns() > 1600000000 * 10**9, abs(time.time_ns() / 1e9 - t) < 5)
