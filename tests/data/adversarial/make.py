#!/usr/bin/env python3
"""Writes the adversarial article corpus next to this script.

The files are committed; this script documents exactly which bytes each holds and
lets anyone regenerate them (`python3 tests/data/adversarial/make.py`). The one big
case (a 50 MB single line) is not here: tests/adversarial.rs generates it at test time
into a temporary directory, so it is never committed.

See README.md for what each file attacks.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

ESC = "\x1b"
CSI = ESC + "["
OSC = ESC + "]"
BEL = "\x07"
ST = ESC + "\\"

# Arabic words used as ordinary text around the attacks.
AR = "قالت وزارة الداخلية إن أكثر من 2000 جندي وصلوا"
AR2 = "اعتقلت الشرطة نحو ثمانية آلاف شخص"

BIDI = {
    "LRE": "\u202a",
    "RLE": "\u202b",
    "PDF": "\u202c",
    "LRO": "\u202d",
    "RLO": "\u202e",
    "LRI": "\u2066",
    "RLI": "\u2067",
    "FSI": "\u2068",
    "PDI": "\u2069",
    "LRM": "\u200e",
    "RLM": "\u200f",
    "ALM": "\u061c",
}

LAM, ALEF = "\u0644", "\u0627"
FATHA, SHADDA, SUKUN, KASRA = "\u064e", "\u0651", "\u0652", "\u0650"
ZWJ, ZWNJ = "\u200d", "\u200c"
HARAKAT = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"]


def text_files():
    f = {}
    f["esc_sgr_colour.txt"] = (
        f"{CSI}31m{AR}{CSI}0m\n"
        f"{CSI}1;38;5;196;48;2;0;0;0mbold red on black{CSI}m {AR2}\n"
        f"{CSI}5m{CSI}7m{CSI}8mhidden and blinking {CSI}0m\n"
    )
    f["esc_osc_title.txt"] = (
        f"{OSC}0;pwned title{BEL}{AR}\n"
        f"{OSC}2;another title{ST}{AR2}\n"
        f"{OSC}1;icon{BEL} unterminated osc follows: {OSC}0;never ends\n"
    )
    f["esc_osc52_clipboard.txt"] = (
        # base64 of "rm -rf ~\n": a clipboard write a user might paste into a shell.
        f"{AR}{OSC}52;c;cm0gLXJmIH4K{BEL}\n"
        f"{OSC}52;p;?{ST} clipboard read request\n"
        f"{OSC}8;;https://evil.example/{ST}a hyperlink{OSC}8;;{ST}\n"
    )
    f["esc_cursor_moves.txt"] = (
        f"{CSI}2J{CSI}H{CSI}10;10H{AR}\n"
        f"{CSI}5A{CSI}3B{CSI}20C{CSI}20D{CSI}K{CSI}1K{CSI}2K overwritten?\n"
        f"{ESC}7saved{ESC}8restored {ESC}c full reset {ESC}M reverse index\n"
        f"{CSI}?1049h alternate screen {CSI}?1049l {CSI}?25l hidden cursor\n"
        f"{CSI}?1000h{CSI}?1006h mouse tracking {CSI}8h bidi implicit {CSI}8l explicit\n"
        f"{CSI}6n device status report {ESC}Z identify {CSI}c attributes\n"
        f"{ESC}P1$qm{ST} DCS request {ESC}_apc{ST} {ESC}^pm{ST} {ESC}X sos{ST}\n"
    )
    # Every C1 control as a UTF-8 code point (C2 80 .. C2 9F), alone and inside text.
    c1 = "".join(chr(c) for c in range(0x80, 0xA0))
    f["c1_controls_utf8.txt"] = (
        c1
        + "\n"
        + f"{AR}\u009b31mred via 8-bit CSI\u009b0m\n"
        + f"\u009d0;title via 8-bit OSC\u009c{AR2}\n"
        + "".join(f"{chr(c)}{AR2[:3]}" for c in range(0x80, 0xA0))
        + "\n"
    )
    # Every other C0 control, DEL, tab and backspace overprinting.
    c0 = "".join(chr(c) for c in range(0x01, 0x20) if c not in (0x0A, 0x0D))
    f["c0_controls.txt"] = (
        c0 + "\n" + f"safe\b\b\b\bEVIL {AR}\x7f\n" + f"tab\tseparated\t{AR2}\n" + "\x0c\x0b\n"
    )
    # Each bidi control alone on its line, then each alone in a file of its own below.
    f["bidi_controls_alone.txt"] = "".join(v + "\n" for v in BIDI.values())
    for name, ch in BIDI.items():
        f[f"bidi_alone_{name.lower()}.txt"] = ch
    f["bidi_unbalanced.txt"] = (
        BIDI["PDF"] * 10 + AR + "\n"
        + BIDI["PDI"] * 10 + AR2 + "\n"
        + BIDI["RLE"] + BIDI["LRO"] + "abc " + AR + BIDI["PDI"] + BIDI["PDF"] * 5 + "\n"
        + BIDI["RLO"] + "never popped " + AR + "\n"
        + BIDI["LRI"] + BIDI["PDF"] + BIDI["RLE"] + BIDI["PDI"] + BIDI["PDF"] + "x\n"
    )
    # 200 deep: past the 125 levels of UAX #9 (overflow rules X5-X8).
    def nest(openers, closer, inner):
        seq = "".join(openers[i % len(openers)] for i in range(200))
        return seq + inner + closer * 200

    f["bidi_nested_200.txt"] = (
        nest([BIDI["RLE"], BIDI["LRE"]], BIDI["PDF"], AR) + "\n"
        + nest([BIDI["RLO"], BIDI["LRO"]], BIDI["PDF"], "abc " + AR2) + "\n"
        + nest([BIDI["RLI"], BIDI["LRI"], BIDI["FSI"]], BIDI["PDI"], AR) + "\n"
        + nest([BIDI["RLE"], BIDI["LRI"]], BIDI["PDF"] + BIDI["PDI"], "(1) [2] «3» " + AR) + "\n"
        + "".join(BIDI["RLE"] + f"w{i} " for i in range(200)) + BIDI["PDF"] * 200 + "\n"
        + (BIDI["RLE"] * 200) + AR + "\n"
    )
    f["bidi_isolates_unclosed.txt"] = (
        BIDI["RLI"] + AR + "\n"
        + BIDI["LRI"] + "latin then " + AR2 + "\n"
        + BIDI["FSI"] + BIDI["FSI"] + BIDI["FSI"] + "x\n"
        + (BIDI["RLI"] + "a ") * 50 + "\n"
        + BIDI["LRI"]
    )
    # CVE-2021-42574: code that reads as a comment but is not.
    f["trojan_source.txt"] = (
        'access_level = "user"\n'
        f'if access_level != "user{BIDI["RLO"]} {BIDI["LRI"]}// Check if admin{BIDI["PDI"]} {BIDI["LRI"]}":\n'
        f"/*{BIDI['RLO']} }} {BIDI['LRI']}if (isAdmin){BIDI['PDI']} {BIDI['LRI']} begin admins only */\n"
        f"{AR} {BIDI['RLO']}0002{BIDI['PDF']} جندي\n"
    )
    f["lamalef_split.txt"] = (
        LAM + ALEF + " plain\n"
        + LAM + FATHA + ALEF + " split by fatha\n"
        + LAM + SHADDA + FATHA + ALEF + " split by shadda+fatha\n"
        + LAM + ZWJ + ALEF + " split by ZWJ\n"
        + LAM + ZWNJ + ALEF + " split by ZWNJ\n"
        + LAM + ZWJ + ZWNJ + FATHA + ALEF + " ZWJ ZWNJ fatha\n"
        + LAM + "\u0622" + LAM + "\u0623" + LAM + "\u0625" + " hamza and madda forms\n"
        + "".join(LAM + h + ALEF + " " for h in HARAKAT) + "\n"
        + LAM + BIDI["RLM"] + ALEF + LAM + BIDI["PDF"] + ALEF + " split by bidi marks\n"
        + "\u0627\u0644\u0644\u0647 Allah word\n"
        + LAM * 300 + ALEF * 300 + "\n"
    )
    f["harakat_100.txt"] = (
        "\u0628" + "".join(HARAKAT[i % len(HARAKAT)] for i in range(100)) + "\n"
        + "".join(HARAKAT[i % len(HARAKAT)] for i in range(100)) + " marks with no base\n"
        + "a" + "\u0301" * 100 + " latin with 100 acutes\n"
        + ("\u0628" + SHADDA * 100 + " ") * 20 + "\n"
    )
    f["one_space.txt"] = " "
    f["empty.txt"] = ""
    f["only_newlines.txt"] = "\n" * 50
    f["crlf.txt"] = f"{AR}\r\n{AR2}\r\n\r\nlast line\r\n"
    f["lone_cr.txt"] = f"{AR}\r{AR2}\rsafe\rEVIL\r\r"
    f["mixed_line_endings.txt"] = f"a\r\nb\rc\n\r\rd\n\r\n"
    f["zero_width_and_wide.txt"] = (
        "\u200b\u2060\ufeff\u00ad zero width chars\n"
        + "中文字符 wide 🇰🇿 flag 👩\u200d👩\u200d👧 family " + AR + "\n"
        + "\ufe0f\ufe0e variation selectors alone\n"
        + "\U000e0001\U000e0041 tags \U0010ffff \ufffe \uffff noncharacters\n"
        + "\u2028line separator\u2029paragraph separator\u0085next line\n"
    )
    f["long_word.txt"] = (
        "x" * 5000 + "\n" + "\u0628" * 5000 + "\n" + ("\u0628\u0651" * 2000) + "\n" + "😀" * 2000 + "\n"
    )
    f["claims_edge_numbers.txt"] = (
        "قتل " + "9" * 400 + " شخص\n"
        + "أرسلت " + "٩" * 400 + " جندي\n"
        + "بين 5 و\n"
        + "بين و 7 جندي\n"
        + "أكثر من أكثر من نحو حوالي على الأقل 3 جندي\n"
        + "2.7.5.1 مليون شخص و ١٫٢٫٣ ألف و 1,,,000 جندي و ٬٬٬\n"
        + "ألف ألف ألف ألف ألف ألف ألف ألف ألف ألف مليار مليار مليار جندي\n"
        + "0.0000000000000000000000000001 شخص و 1e999 جندي و -5 قتلى\n"
        + "مقتل 164" + "".join(h for h in HARAKAT) + " شخصا\n"
        + "المادتين 2 و4 في 10 يناير 2022 عند 05:53\n"
        + " ".join("%d جندي" % i for i in range(500)) + "\n"
    )
    return f


def byte_files():
    ar = AR.encode()
    f = {}
    # Invalid UTF-8, one class per file (each refused unless --lossy).
    f["utf8_overlong.txt"] = ar + b" \xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf \xc1\xbf\n"
    f["utf8_surrogates.txt"] = ar + b" \xed\xa0\x80 \xed\xbf\xbf \xed\xa0\xbd\xed\xb8\x80\n"
    f["utf8_truncated.txt"] = ar + b"\n\xd9" + b"\n" + b"\xe2\x80" + b" x\n" + ar[:-1]
    f["utf8_stray_continuation.txt"] = ar + b" \x80 \xbf\xbf \x9b31m\n"
    f["utf8_fe_ff.txt"] = ar + b" \xfe \xff \xfe\xfe\xff\xff\n"
    f["utf8_too_large.txt"] = ar + b" \xf4\x90\x80\x80 \xf8\x88\x80\x80\x80 \xfc\x84\x80\x80\x80\x80\n"
    # The 8-bit CSI byte 0x9B: on a terminal in an 8-bit mode it starts a control sequence.
    f["c1_raw_9b_byte.txt"] = ar + b" \x9b31mred\x9b0m \x9d0;title\x07\n"
    # UTF-16 with byte-order marks (qarin refuses them and says how to convert).
    f["utf16le_bom.txt"] = b"\xff\xfe" + (AR + "\n").encode("utf-16-le")
    f["utf16be_bom.txt"] = b"\xfe\xff" + (AR + "\n").encode("utf-16-be")
    # UTF-8 BOM is fine and must not show.
    f["utf8_bom.txt"] = b"\xef\xbb\xbf" + ar + b"\n"
    f["nul_bytes.txt"] = ar + b"\x00\x00 after nul\n\x00"
    return f


def main():
    for name, text in text_files().items():
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(text.encode("utf-8", "surrogatepass"))
    for name, data in byte_files().items():
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(data)


if __name__ == "__main__":
    main()
