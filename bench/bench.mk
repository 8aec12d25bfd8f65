# Benchmarks: bench/programs/*.py under build/mote and python3, one table of ratios.
#   make bench                 wall time (best of 3), peak RSS, Mote's peak heap
#   make bench CALLGRIND=1     instruction counts from valgrind --tool=callgrind instead
#   make bench RECORD=1        also append the table to bench/RESULTS.md with the commit id
BENCH_ARGS := $(if $(CALLGRIND),--callgrind) $(if $(RECORD),--record)

bench: $(BUILD)/mote
	$(PYTHON) bench/run.py $(BENCH_ARGS)
