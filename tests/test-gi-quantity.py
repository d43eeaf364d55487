#!/usr/bin/python3
# test-gi-quantity.py — MlsQuantity through GObject introspection, as Python plugins see it.
#
# Prints TAP. Expected values are derived by hand in comments, never copied from output.
# The `dims` array of the struct is not read from Python; get_exponent() is the binding API.
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


def close(actual, expected, rel=1e-12):
    assert math.isclose(actual, expected, rel_tol=rel), f'{actual!r} != {expected!r}'


@test
def parse_gbps():
    """400 Gbps parses to a bandwidth of 50e9 B/s"""
    # 400e9 bit/s / 8 bit/B = 50e9 B/s
    q = Mlsysim.quantity_parse('400 Gbps')
    close(q.value, 50e9)
    assert q.get_exponent(Mlsysim.Dimension.DIM_TIME) == -1
    assert q.get_exponent(Mlsysim.Dimension.DIM_DATA) == 1
    assert q.get_exponent(Mlsysim.Dimension.DIM_OPS) == 0


@test
def convert_to_gb_per_s():
    """400 Gbps converts to 50 GB/s"""
    q = Mlsysim.quantity_parse('400 Gbps')
    close(q.convert('GB/s'), 50.0)


@test
def new_parse_constructor():
    """Quantity.new_parse reads 80 GiB as 85.89934592 GB"""
    # 80 × 2^30 = 85 899 345 920 B
    q = Mlsysim.Quantity.new_parse('80 GiB')
    assert q.value == 85899345920.0
    close(q.convert('GB'), 85.89934592)


@test
def format_prefixes():
    """format picks sensible prefixes"""
    q = Mlsysim.quantity_parse('400 Gbps')
    assert q.format(4) == '50 GB/s', q.format(4)
    # 989e12 FLOP/s → 989 TFLOP/s
    q = Mlsysim.Quantity.new(989e12, 'FLOP/s')
    assert q.format(4) == '989 TFLOP/s', q.format(4)
    # 5e-7 s = 500 ns
    q = Mlsysim.Quantity.new(5e-7, 's')
    assert q.format(4) == '500 ns', q.format(4)
    # 85.89934592e9 B to four digits: 85.9 GB
    q = Mlsysim.Quantity.new(85.89934592e9, 'B')
    assert q.format(4) == '85.9 GB', q.format(4)


@test
def no_struct_by_value():
    """functions returning the struct by value are not offered to bindings"""
    # PyGObject cannot marshal a returned struct by value: it reads the bytes as a pointer
    # and crashes. mls_quantity_make() and mls_quantity_scalar() must be (skip).
    for name in ('quantity_make', 'quantity_scalar'):
        assert not hasattr(Mlsysim, name), name
    for name in ('make', 'scalar'):
        assert not hasattr(Mlsysim.Quantity, name), name


@test
def format_in_unit():
    """format_in shows a quantity in a named unit"""
    q = Mlsysim.quantity_parse('400 Gbps')
    assert q.format_in('GB/s', 4) == '50 GB/s'


@test
def evaluate_ridge_point():
    """quantity_evaluate divides 989 TFLOP/s by 3.35 TB/s"""
    # 989 / 3.35 = 295.22388 FLOP/B (3.35 × 295 = 988.25; 0.75 / 3.35 = 0.22388)
    q = Mlsysim.quantity_evaluate('989 TFLOP/s / 3.35 TB/s')
    assert abs(q.value - 295.22) < 0.005
    assert q.get_exponent(Mlsysim.Dimension.DIM_OPS) == 1
    assert q.get_exponent(Mlsysim.Dimension.DIM_DATA) == -1
    assert q.get_exponent(Mlsysim.Dimension.DIM_TIME) == 0


@test
def evaluate_energy():
    """700 W × 24 h evaluates to 16.8 kWh"""
    # 700 W × 24 h = 16 800 Wh
    q = Mlsysim.quantity_evaluate('700 W * 24 h')
    close(q.convert('kWh'), 16.8)


@test
def dimension_error_in_expression():
    """adding a compute rate to a bandwidth raises GLib.Error"""
    try:
        Mlsysim.quantity_evaluate('989 TFLOP/s + 3.35 TB/s')
    except GLib.Error as e:
        assert e.matches(Mlsysim.units_error_quark(), Mlsysim.UnitsError.DIMENSION), e
        assert 'compute rate' in e.message and 'bandwidth' in e.message, e.message
    else:
        raise AssertionError('no error raised')


@test
def dimension_error_in_convert():
    """converting a bandwidth to FLOP raises GLib.Error"""
    q = Mlsysim.quantity_parse('400 Gbps')
    try:
        q.convert('FLOP')
    except GLib.Error as e:
        assert e.matches(Mlsysim.units_error_quark(), Mlsysim.UnitsError.DIMENSION), e
        assert 'bandwidth' in e.message, e.message
    else:
        raise AssertionError('no error raised')


@test
def parse_error_names_position():
    """a malformed quantity raises GLib.Error naming the character"""
    try:
        Mlsysim.quantity_parse('3.35 TB/')
    except GLib.Error as e:
        assert e.matches(Mlsysim.units_error_quark(), Mlsysim.UnitsError.PARSE), e
        assert 'character 9' in e.message, e.message
    else:
        raise AssertionError('no error raised')


@test
def arithmetic_methods():
    """add and compare work from Python and check dimensions"""
    # 1 h + 30 min = 5400 s
    a = Mlsysim.quantity_parse('1 h')
    b = Mlsysim.quantity_parse('30 min')
    s = a.add(b)
    assert s.value == 5400.0
    assert a.compare(b) > 0
    try:
        a.add(Mlsysim.quantity_parse('1 GB'))
    except GLib.Error as e:
        assert e.matches(Mlsysim.units_error_quark(), Mlsysim.UnitsError.DIMENSION), e
    else:
        raise AssertionError('no error raised')


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
