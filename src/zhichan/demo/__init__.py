"""Demo region generator: real export formats with synthetic micro-records, calibrated on published
statistics, imported through ``zhichan.ingest`` like any user file.

Public API: ``generate_demo`` (files only) → ``DemoManifest``; ``run_demo`` (workspace, files,
import, report) → ``DemoRun``; ``FILES`` (file name → intended import profile); ``SCALES``.
"""

from zhichan.demo._calibrate import SCALES
from zhichan.demo._generate import FILES, DemoManifest, generate_demo
from zhichan.demo._run import STAGES, DemoRun, run_demo

__all__ = ["FILES", "SCALES", "STAGES", "DemoManifest", "DemoRun", "generate_demo", "run_demo"]
