#!/usr/bin/env python3
"""Rebuild and validate this held-out set: the shared ../heldout_build.py, run on this folder (same options)."""
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv[1:1] = ["--set", HERE]
runpy.run_path(os.path.join(HERE, os.pardir, "heldout_build.py"), run_name="__main__")
