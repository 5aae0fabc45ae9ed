"""Reading published figures: the text as written, its numbers and words, and the figure they state.

The layers, bottom to top: ``textnorm`` (normalised text with offsets into the original),
``numwords`` and ``numbers`` (newsroom numbers, with ``numplain`` the quick path for the plainest
figures and ``numformat`` the one rounding and phrasing policy), ``shares`` (shares and purities),
``drugs`` (the drug words), ``quantity`` (an amount with its unit and kind), ``qualifiers`` and
``stated`` (a figure as published, with the interval its rounding words allow) and ``inputs`` (a
claim's figures read by role).
"""
