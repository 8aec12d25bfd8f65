# sys.path and sys.argv are ordinary lists the program may change
import sys

saved_path = sys.path[:]
sys.path.append("/nonexistent-dir")
print(sys.path[-1])
sys.path = saved_path
print(sys.path == saved_path, "/nonexistent-dir" in sys.path)
saved_argv = sys.argv
sys.argv = ["prog", "x"]
print(sys.argv)
sys.argv = saved_argv
print(sys.argv is saved_argv)
