/// Columns text takes in a terminal, the one measure the wrapper, the replay, the review and
/// the line editor share. Zero for combining and enclosing marks, format characters (ZWJ,
/// zero-width space, bidi marks) and Hangul medial vowels and final consonants; two for East
/// Asian wide and fullwidth characters and for emoji; one otherwise. Control characters take
/// no column here: callers that show them (as `^[`, say) count what they show.
///
/// Marks, format characters and emoji come from the standard library's Unicode properties
/// (no ICU); East Asian width has no such property, so `wideRanges` holds it.
public enum DisplayWidth {
    /// Columns `text` takes: the sum over its characters (grapheme clusters), as `of(character:)` counts them.
    public static func of<Text: StringProtocol>(_ text: Text) -> Int { columns(text.unicodeScalars) }

    /// Columns one character (grapheme cluster) takes. An emoji sequence (ZWJ, skin tone, flag,
    /// keycap, or a symbol with the emoji variation selector U+FE0F) is drawn as one emoji, two
    /// columns; otherwise a base with its marks takes what its scalars take.
    public static func of(character: Character) -> Int { columns(character.unicodeScalars) }

    /// The columns of a run of scalars, joining emoji sequences as `of(character:)` describes.
    /// Walks scalars rather than grapheme clusters: as right for these rules, and many times faster.
    static func columns<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars) -> Int {
        var total = 0
        var base: Unicode.Scalar = " "  // the last scalar that took columns
        var baseWidth = 0
        var afterJoiner = false
        var openFlag = false
        for scalar in scalars {
            let value = scalar.value
            if value < 0x7F {
                let width = value >= 0x20 ? 1 : 0
                total += width
                if width > 0 {
                    base = scalar
                    baseWidth = 1
                }
                afterJoiner = false
                openFlag = false
                continue
            }
            switch value {
            case 0x200D:
                afterJoiner = true
                continue
            case 0xFE0F:
                // The emoji form of a symbol that is text by default (❤ → ❤️, 1 → 1️⃣) takes two columns.
                if baseWidth == 1, base.properties.isEmoji {
                    total += 1
                    baseWidth = 2
                }
                continue
            case 0x1F3FB...0x1F3FF where baseWidth == 2 && base.properties.isEmoji:
                continue  // a skin tone changes the emoji before it
            case 0x1F1E6...0x1F1FF:
                // Regional indicators pair into one flag.
                if openFlag {
                    openFlag = false
                    continue
                }
                openFlag = true
                total += 2
                base = scalar
                baseWidth = 2
                afterJoiner = false
                continue
            default:
                break
            }
            if afterJoiner {
                afterJoiner = false
                if baseWidth == 2, base.properties.isEmoji, scalar.properties.isEmoji { continue }  // joined into the emoji before
            }
            let width = of(scalar: scalar)
            total += width
            if width > 0 {
                base = scalar
                baseWidth = width
                openFlag = false
            }
        }
        return total
    }

    /// Columns one Unicode scalar takes on its own, as `wcwidth` counts it (controls: 0).
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }  // DEL and the C1 controls
        // Quick answers for the common blocks: Latin, combining diacritics, CJK ideographs, Hangul syllables.
        if value < 0x300 { return 1 }
        if value < 0x370 { return 0 }
        if (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .lineSeparator, .paragraphSeparator:
            return 0
        case .format:
            return value == 0xAD ? 1 : 0  // a soft hyphen is drawn as a hyphen
        default:
            break
        }
        // Conjoining jamo: a Hangul syllable spelled out takes its leading consonant's two columns.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if scalar.properties.isEmojiPresentation || isWide(value) { return 2 }
        return 1
    }

    /// The row (from 0) the cursor ends on after `text` is written from the first column of a
    /// terminal `columns` wide that wraps by itself: a wide character that does not fit in the
    /// last column moves whole to the next row, and a full row keeps the cursor on it.
    public static func lastRow<Text: StringProtocol>(of text: Text, columns: Int) -> Int {
        var row = 0
        var column = 0
        for character in text {
            let width = of(character: character)
            guard width > 0 else { continue }
            if column + width > max(1, columns) && column > 0 {
                row += 1
                column = 0
            }
            column += width
        }
        return row
    }

    /// Whether `value` is East Asian Wide (W) or Fullwidth (F).
    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Wide and Fullwidth ranges (EastAsianWidth.txt, W and F, with the CJK blocks'
    /// unassigned code points, which default to W), less marks and format characters, and less
    /// emoji with default emoji presentation, which `isEmojiPresentation` covers in the standard
    /// library's newer Unicode version. Made by `scripts/wide-ranges.py` (see there); sorted, not overlapping.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x2E99, 0x2E9B...0x2EF3,
        0x2F00...0x2FD5, 0x2FF0...0x2FFB, 0x3000...0x3029, 0x302E...0x303E,
        0x3041...0x3096, 0x309B...0x30FF, 0x3105...0x312F, 0x3131...0x318E,
        0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
        0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66,
        0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE3,
        0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
        0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122,
        0x1B150...0x1B152, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F200...0x1F200,
        0x1F202...0x1F202, 0x1F210...0x1F219, 0x1F21B...0x1F22E, 0x1F230...0x1F231,
        0x1F237...0x1F237, 0x1F23B...0x1F23B, 0x1F240...0x1F248, 0x1F260...0x1F265,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
