//! English number words («two», «fifteen», «hundred», «million», «dozens»…): what each
//! means to the compound parser in `numbers`.

/// What one (lowercased) English number word means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// 1–9.
    Unit(u8),
    /// 10–19.
    Teen(u8),
    /// 20–90.
    Tens(u8),
    Hundred,
    /// thousand, million, billion, trillion (and bn, mn, tn).
    Scale(f64),
    /// A dozen is twelve of what came before («two dozen», «a dozen»).
    Dozen,
    /// «a», «an»: one, only before a scale, a dozen or a vague word («a hundred»).
    Article,
    Half,
    /// A vague count: dozens, scores [20, 100); hundreds [200, 1000)… `lo..hi`;
    /// `of_scale`: may take «of» + a plural scale («tens of thousands»).
    Vague {
        lo: f64,
        hi: f64,
        of_scale: bool,
    },
    /// thousands, millions, billions: a scale in the plural; vague on its own, a
    /// multiplier after a vague word.
    Plural(f64),
    /// several, a few, a handful: [3, 10) (×1000 in «several thousand»).
    Few {
        lo: f64,
    },
}

/// The number word `w` (lowercased) is, if any.
pub fn word(w: &str) -> Option<Word> {
    use Word::*;
    Some(match w {
        "one" => Unit(1),
        "two" => Unit(2),
        "three" => Unit(3),
        "four" => Unit(4),
        "five" => Unit(5),
        "six" => Unit(6),
        "seven" => Unit(7),
        "eight" => Unit(8),
        "nine" => Unit(9),
        "ten" => Teen(10),
        "eleven" => Teen(11),
        "twelve" => Teen(12),
        "thirteen" => Teen(13),
        "fourteen" => Teen(14),
        "fifteen" => Teen(15),
        "sixteen" => Teen(16),
        "seventeen" => Teen(17),
        "eighteen" => Teen(18),
        "nineteen" => Teen(19),
        "twenty" => Tens(20),
        "thirty" => Tens(30),
        "forty" | "fourty" => Tens(40),
        "fifty" => Tens(50),
        "sixty" => Tens(60),
        "seventy" => Tens(70),
        "eighty" => Tens(80),
        "ninety" => Tens(90),
        "hundred" => Hundred,
        "thousand" => Scale(1e3),
        "million" | "mn" | "mln" => Scale(1e6),
        "billion" | "bn" | "bln" => Scale(1e9),
        "trillion" | "tn" => Scale(1e12),
        "dozen" => Dozen,
        "a" | "an" => Article,
        "half" => Half,
        "dozens" | "scores" => Vague {
            lo: 20.0,
            hi: 100.0,
            of_scale: true,
        },
        "tens" => Vague {
            lo: 20.0,
            hi: 100.0,
            of_scale: true,
        },
        "hundreds" => Vague {
            lo: 200.0,
            hi: 1000.0,
            of_scale: true,
        },
        "thousands" => Plural(1e3),
        "millions" => Plural(1e6),
        "billions" => Plural(1e9),
        "several" | "few" | "handful" => Few { lo: 3.0 },
        _ => return None,
    })
}

/// The longest number word looked up on raw bytes (letters): «seventeen», «thousands».
pub const LONGEST: usize = 12;
