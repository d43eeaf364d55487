#!/usr/bin/python3
# test-gi-formulas.py — the formula library through GObject introspection, as Python plugins
# see it: quantities in, the out quantity (or struct) back, GLib.Error on bad input.
#
# Prints TAP. Expected values are derived by hand in comments, never copied from output.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import math
import sys
import traceback

import gi

gi.require_version('Mlsysim', '1.0')
from gi.repository import GLib, Mlsysim  # noqa: E402

TESTS = []


def test(func):
    TESTS.append(func)
    return func


def close(actual, expected, rel=1e-9):
    assert math.isclose(actual, expected, rel_tol=rel), f'{actual!r} != {expected!r}'


def q(text):
    return Mlsysim.quantity_parse(text)


@test
def ring_allreduce():
    """calc_ring_allreduce_time returns the time as a Quantity"""
    # 1 GB over 8 GPUs at 50 GB/s, 500 ns per step:
    # 2·7/8 · 1e9/50e9 + 2·7 · 500e-9 = 0.035 + 0.000007 = 0.035007 s
    t = Mlsysim.calc_ring_allreduce_time(q('1 GB'), 8, q('50 GB/s'), q('500 ns'))
    close(t.convert('ms'), 35.007)
    assert t.get_exponent(Mlsysim.Dimension.DIM_TIME) == 1


@test
def ring_allreduce_wrong_units():
    """a compute rate where a bandwidth is due raises GLib.Error naming the argument"""
    try:
        Mlsysim.calc_ring_allreduce_time(q('1 GB'), 8, q('989 TFLOP/s'), q('500 ns'))
    except GLib.Error as e:
        assert e.matches(Mlsysim.formula_error_quark(), Mlsysim.FormulaError.DIMENSION), e
        assert 'bandwidth must be a bandwidth' in e.message, e.message
        assert 'compute rate' in e.message, e.message
    else:
        raise AssertionError('no error raised')


@test
def all_to_all_needs_gpus():
    """an all-to-all over no GPUs raises GLib.Error naming n_gpus"""
    try:
        Mlsysim.calc_all_to_all_time(q('1 GB'), 0, q('50 GB/s'), q('500 ns'))
    except GLib.Error as e:
        assert e.matches(Mlsysim.formula_error_quark(), Mlsysim.FormulaError.RANGE), e
        assert 'n_gpus' in e.message, e.message
    else:
        raise AssertionError('no error raised')


@test
def bottleneck_struct():
    """calc_bottleneck returns an MlsBottleneck with times, kind, ratio and intensity"""
    # Llama-3 8B at batch 1 on an H100: 16 GFLOP / 989 TFLOP/s = 0.0162 ms of compute,
    # 16 GB / 3.35 TB/s = 4.776 ms of memory: memory-bound, ratio 989/3.35 = 295.22,
    # intensity 16e9 / 16e9 = 1 FLOP/B
    b = Mlsysim.calc_bottleneck(q('16 GFLOP'), q('16 GB'), q('989 TFLOP/s'), q('3.35 TB/s'))
    assert b.kind == Mlsysim.BottleneckKind.MEMORY, b.kind
    close(b.memory_time.convert('ms'), 16 / 3.35)
    close(b.compute_time.convert('ms'), 16 / 989)
    close(b.ratio, 989 / 3.35)
    close(b.intensity.convert('FLOP/B'), 1.0)


@test
def kv_cache_optional_override():
    """calc_kv_cache_size takes None for the optional KV precision"""
    # Llama-3 8B, 4096 tokens: 2·32·8·128·4096·2 B = 2^29 B; an fp8 cache halves it
    m = Mlsysim.calc_kv_cache_size(32, 8, 128, 4096, 1, q('2 B'), None)
    assert m.value == 2.0 ** 29, m.value
    m = Mlsysim.calc_kv_cache_size(32, 8, 128, 4096, 1, q('2 B'), q('1 B'))
    assert m.value == 2.0 ** 28, m.value


def main():
    print(f'1..{len(TESTS)}')
    failed = 0
    for i, func in enumerate(TESTS, 1):
        name = func.__doc__ or func.__name__
        try:
            func()
        except Exception:  # noqa: BLE001 — report every failure as TAP
            failed += 1
            print(f'not ok {i} - {name}')
            for line in traceback.format_exc().splitlines():
                print(f'# {line}')
        else:
            print(f'ok {i} - {name}')
    sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
