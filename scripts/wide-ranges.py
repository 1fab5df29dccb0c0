#!/usr/bin/env python3
"""Prints the East Asian Wide and Fullwidth ranges for Sources/TerminalText/DisplayWidth.swift.

W and F code points from Python's unicodedata, with the CJK blocks' unassigned code points
(EastAsianWidth.txt defaults them to W), less marks and format characters. Pass a file of
emoji-presentation code points (hex, one a line) to leave those out: the Swift side takes them
from the standard library's `isEmojiPresentation`, which follows a newer Unicode version.
"""
import sys
import unicodedata

DEFAULT_WIDE = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]
emoji = set()
if len(sys.argv) > 1:
    with open(sys.argv[1]) as handle:
        emoji = {int(line, 16) for line in handle if line.strip()}


def wide(code):
    if code in emoji:
        return False
    if any(low <= code <= high for low, high in DEFAULT_WIDE):
        return True
    character = chr(code)
    return unicodedata.category(character) not in ("Cn", "Mn", "Me", "Cf") and unicodedata.east_asian_width(character) in ("W", "F")


ranges, start, previous = [], 0, False
for code in range(0x110000):
    current = wide(code)
    if current and not previous:
        start = code
    if previous and not current:
        ranges.append((start, code - 1))
    previous = current
for index in range(0, len(ranges), 4):
    print("        " + ", ".join("0x%04X...0x%04X" % pair for pair in ranges[index:index + 4]) + ",")
