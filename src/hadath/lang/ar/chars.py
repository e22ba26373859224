"""Named Arabic character sets, the building blocks of the normalizer (after camel_tools' `utils/charsets`)."""

from __future__ import annotations

#: Harakat, tanwin, shadda, sukun, Quranic marks and the dagger alef: removed by normalization.
DIACRITICS = (
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061a"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0656\u0657\u0658\u0659"
    "\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
    "\u06d6\u06d7\u06d8\u06d9\u06da\u06db\u06dc\u06df\u06e0\u06e1\u06e2\u06e3\u06e4\u06e7\u06e8"
    "\u06ea\u06eb\u06ec\u06ed"
)
TATWEEL = "\u0640"
#: Zero-width and bidirectional control characters that news sites leave inside words.
ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
#: Spaces other than U+0020 that must behave as a space.
SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

ALEF_VARIANTS = "\u0623\u0625\u0622\u0671\u0672\u0673"  # أ إ آ ٱ ٲ ٳ
ALEF = "\u0627"
ALEF_MAQSURA = "\u0649"  # ى
YEH = "\u064a"
FARSI_YEH = "\u06cc"  # ی
TEH_MARBUTA = "\u0629"  # ة
HEH = "\u0647"
KEHEH = "\u06a9"  # ک (Persian kaf)
KAF = "\u0643"

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ASCII_DIGITS = "0123456789"

DOUBLE_QUOTES = "«»“”„‟″"
SINGLE_QUOTES = "‘’‚‛′"
ARABIC_COMMA = "\u060c"  # ،
ARABIC_SEMICOLON = "\u061b"  # ؛
ARABIC_QUESTION = "\u061f"  # ؟
ARABIC_FULL_STOP = "\u06d4"  # ۔
ARABIC_PERCENT = "\u066a"  # ٪
ARABIC_DECIMAL = "\u066b"  # ٫
ARABIC_THOUSANDS = "\u066c"  # ٬

#: Letters of the Arabic script (basic block), used for word boundaries.
ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B)) + "\u0671\u067e\u0686\u06a4\u06a9\u06af\u06cc"
