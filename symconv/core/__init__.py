"""The bottom layer: sizes, strides and pads in plain integers, operands, and their construction.

Nothing here knows about views, writers or the command line.
"""
