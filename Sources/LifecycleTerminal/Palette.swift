import CNcursesw
import LifecycleTUI

/// Maps style roles to ncurses colour pairs and attributes. Without colour (NO_COLOR,
/// monochrome terminals) roles fall back to bold, dim and reverse, and the glyphs carry
/// the meaning.
struct Palette {
    let color: Bool

    init(color: Bool) {
        self.color = color
        guard color else { return }
        let definitions: [(ColorRole, Int16, Int16)] = [
            (.accent, Int16(COLOR_CYAN), -1),
            (.addressed, Int16(COLOR_GREEN), -1),
            (.partial, Int16(COLOR_YELLOW), -1),
            (.gap, Int16(COLOR_RED), -1),
            (.notApplicable, Int16(COLOR_MAGENTA), -1),
            (.warning, Int16(COLOR_YELLOW), -1),
            (.error, Int16(COLOR_RED), -1),
            // The heat map's shades say how much is answered, in hues no other meaning
            // uses (red is for gaps, everywhere): blue, then cyan; full cells are also bold.
            (.heatLow, Int16(COLOR_WHITE), Int16(COLOR_BLUE)),
            (.heatMid, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
            (.heatHigh, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
            (.heatFull, Int16(COLOR_BLACK), Int16(COLOR_CYAN)),
        ]
        for (role, foreground, background) in definitions {
            init_pair(Int16(role.rawValue), foreground, background)
        }
    }

    /// What of a cell's attributes shows on a blank: reverse, underline and a background
    /// colour do; bold, dim and foreground colours do not. Two attribute sets with the
    /// same blank look draw a space identically.
    func blankLook(_ attributes: (attr_t, Int16)) -> BlankLook {
        let pair = attributes.1
        let hasBackground: Bool
        switch pair >= 0 && pair <= 255 ? ColorRole(rawValue: UInt8(pair)) : nil {
        case .heatLow, .heatMid, .heatHigh, .heatFull: hasBackground = true  // the pairs with a background
        default: hasBackground = false
        }
        return BlankLook(attributes: attributes.0 & (lc_a_reverse() | lc_a_underline()), backgroundPair: hasBackground ? pair : 0)
    }

    struct BlankLook: Equatable {
        var attributes: attr_t
        var backgroundPair: Int16
    }

    func attributes(for style: Style) -> (attr_t, Int16) {
        let look = style.look(color: color)
        var attributes = lc_a_normal()
        if look.bold { attributes |= lc_a_bold() }
        if look.dim { attributes |= lc_a_dim() }
        if look.reverse { attributes |= lc_a_reverse() }
        if look.underline { attributes |= lc_a_underline() }
        return (attributes, look.colorRole.map { Int16($0.rawValue) } ?? 0)
    }
}
