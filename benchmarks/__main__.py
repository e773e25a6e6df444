"""Run every benchmark module in this folder."""
import importlib
import pkgutil

import benchmarks

for mod in sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__) if not m.name.startswith("_")):
    print(f"== {mod}")
    importlib.import_module(f"benchmarks.{mod}").main()
