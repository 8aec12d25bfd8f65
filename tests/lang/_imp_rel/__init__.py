# helper package for import_relative.py
from .inner import helper
from . import sibling
NAME = __name__
