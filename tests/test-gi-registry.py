#!/usr/bin/env python3
"""The registry through GObject introspection, as Python plugins and notebooks use it."""
import sys

import gi

gi.require_version("Mlsysim", "1.0")
from gi.repository import Gio, Mlsysim  # noqa: E402

_count = 0
_failed = 0


def ok(condition, name, detail=""):
    global _count, _failed
    _count += 1
    print(f"{'ok' if condition else 'not ok'} {_count} - {name}")
    if not condition:
        _failed += 1
        for line in str(detail).splitlines():
            print(f"# {line}")


registry = Mlsysim.Registry.get_default()
ok(isinstance(registry, Mlsysim.Registry), "the default registry loads")

h100 = registry.lookup("hardware", "h100")
ok(isinstance(h100, Mlsysim.HardwareNode), "H100 is a HardwareNode, found ignoring case")
ok(h100.get_key() == "H100" and h100.props.name == "NVIDIA H100", "key and name", h100.props.name)

# 3.35 TB/s = 3.35e12 B/s
bw = h100.get_memory_bandwidth()
ok(abs(bw.value - 3.35e12) < 1.0, "H100 memory bandwidth is 3.35 TB/s", bw.value)
ok(bw.get_exponent(Mlsysim.Dimension.DIM_DATA) == 1 and bw.get_exponent(Mlsysim.Dimension.DIM_TIME) == -1,
   "it is a bandwidth (B/s)")
ok(bw.to_string().endswith("TB/s"), "it formats with its unit", bw.to_string())

# 80 GiB = 85,899,345,920 B; NVLink 900 GB/s total = 450 GB/s per direction
ok(h100.get_memory_capacity().value == 85899345920.0, "80 GiB of HBM")
ok(abs(h100.get_intra_node_bandwidth().value - 450e9) < 1.0, "NVLink 450 GB/s per direction")

# 989e12 / 3.35e12 = 295.22 FLOP/B
found, ridge = h100.ridge_point(Mlsysim.Precision.FP16)
ok(found and abs(ridge.value - 295.2239) < 1e-3, "ridge point 295.2 FLOP/B", ridge.value)

prov = h100.get_provenance()
ok(prov.get_kind() == Mlsysim.ProvenanceKind.DATASHEET and prov.get_url().startswith("https://"),
   "provenance is a datasheet with a url")

hardware = registry.get_category("hardware")
ok(isinstance(hardware, Gio.ListModel) and hardware.get_n_items() >= 50,
   "the hardware category is a GListModel", hardware.get_n_items())

try:
    registry.lookup("hardware", "H10")
    ok(False, "a miss raises")
except gi.repository.GLib.Error as e:
    ok("H100" in e.message and e.matches(Mlsysim.registry_error_quark(),
                                          Mlsysim.RegistryError.NOT_FOUND),
       "a miss raises NOT_FOUND with a suggestion", e.message)

llama = registry.lookup("models", "Llama3_8B")
found, graph = llama.lower(Mlsysim.Precision.FP16)
ok(found and abs(graph.weight_bytes.value - 16.06e9) < 1.0, "Llama3_8B lowers to 16.06 GB at fp16",
   graph.weight_bytes.value)

print(f"1..{_count}")
sys.exit(1 if _failed else 0)
