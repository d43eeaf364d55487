# python_import_error.py — a test-only plugin whose module cannot even be imported.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import no_such_python_module_for_mlsysim  # noqa: F401
