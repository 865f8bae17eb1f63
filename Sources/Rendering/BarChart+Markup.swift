extension BarChart {
    /// Draws the chart as inline SVG with its `title` and `description` (its accessible name
    /// and text equivalent). Colour is not the only cue: averages are hatched and outlined,
    /// every bar has its value written above it (`n/a` where there is none), and the legend
    /// names the series.
    func svg(into html: inout HTMLBuffer, title: String, description: String) {
        html.raw("<svg class=\"chart\" width=\"")
        html.number(width)
        html.raw("\" height=\"")
        html.number(height)
        html.raw("\" viewBox=\"0 0 ")
        html.number(width)
        html.raw(" ")
        html.number(height)
        html.raw("\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n<title id=\"\(id)-title\">")
        html.text(title)
        html.raw("</title>\n<desc id=\"\(id)-desc\">")
        html.text(description)
        html.raw("</desc>\n")
        if series.contains(where: \.isAverage) {
            html.raw("""
            <defs>
            <pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff"></rect>
            <line x1="0" y1="0" x2="0" y2="6" stroke="#b35806" stroke-width="3"></line>
            </pattern>
            </defs>

            """)
        }
        // Numbers written straight into the page: a chart has a hundred or so, and a string
        // interpolated for each was most of a history page's cost.
        for line in grid {
            self.line("<line class=\"grid\"", y: line.y, into: &html)
            html.raw("<text class=\"tick\"")
            html.attribute("x", plotLeft)
            html.raw(" dx=\"-6\"")
            html.attribute("y", line.labelY)
            html.raw(">")
            html.raw(line.label)
            html.raw("</text>\n")
        }
        let hatch = " fill=\"url(#\(id)-hatch)\""
        for group in groups {
            html.raw("<g>\n")
            for bar in group.bars {
                if bar.hasValue {
                    html.raw(bar.isAverage ? "<rect class=\"average\"" : "<rect class=\"own\"")
                    html.attribute("x", bar.x)
                    html.attribute("y", bar.y)
                    html.attribute("width", bar.width)
                    html.attribute("height", bar.height)
                    if bar.isAverage { html.raw(hatch) }
                    // No tooltip per bar: the value is written above it, and the chart's
                    // description and table give every value in words.
                    html.raw("></rect>\n")
                }
                label("<text class=\"value\"", x: bar.labelX, y: bar.labelY, bar.valueText, into: &html)
            }
            label("<text class=\"group\"", x: group.labelX, y: labelY, group.label, into: &html)
            html.raw("</g>\n")
        }
        line("<line class=\"axis\"", y: plotBottom, into: &html)
        if showLegend {
            for item in series {
                html.raw("<rect class=\"\(item.isAverage ? "average" : "own")\" x=\"\(item.legendX)\" y=\"\(item.legendY)\" width=\"16\" height=\"14\"")
                if item.isAverage { html.raw(" fill=\"url(#\(id)-hatch)\"") }
                html.raw("></rect>\n<text x=\"\(item.legendTextX)\" y=\"\(item.legendTextY)\">")
                html.text(item.name + (item.isAverage ? " average" : ""))
                html.raw("</text>\n")
            }
        }
        html.raw("</svg>\n")
    }

    /// A horizontal line across the plot at `y`, from its opening (`<line class="grid"`) on.
    private func line(_ opening: String, y: Int, into html: inout HTMLBuffer) {
        html.raw(opening)
        html.attribute("x1", plotLeft)
        html.attribute("y1", y)
        html.attribute("x2", plotRight)
        html.attribute("y2", y)
        html.raw("></line>\n")
    }

    /// A text label at (`x`, `y`), from its opening (`<text class="value"`) on.
    private func label(_ opening: String, x: Int, y: Int, _ text: String, into html: inout HTMLBuffer) {
        html.raw(opening)
        html.attribute("x", x)
        html.attribute("y", y)
        html.raw(">")
        html.text(text)
        html.raw("</text>\n")
    }

    /// The chart's numbers as a table: a row per group, a column per series.
    func table(into html: inout HTMLBuffer, firstColumn: String) {
        html.raw("<table class=\"chart-table\">\n<thead>\n<tr><th scope=\"col\">")
        html.text(firstColumn)
        html.raw("</th>")
        for item in series {
            html.raw("<th scope=\"col\" class=\"n\">")
            html.text(item.name + (item.isAverage ? " average" : ""))
            html.raw("</th>")
        }
        html.raw("</tr>\n</thead>\n<tbody>\n")
        for group in groups {
            html.raw("<tr><th scope=\"row\">")
            html.text(group.label)
            html.raw("</th>")
            for bar in group.bars {
                html.raw("<td class=\"n\">")
                html.raw(bar.valueText)
                html.raw("</td>")
            }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
    }

    /// The chart's values in words, for its description: `2022-23: Leicester City Council 86%,
    /// Unitary average 79%. 2023-24: ...`.
    var valuesInWords: String {
        var words = ""
        words.reserveCapacity(groups.count * 80)
        for (g, group) in groups.enumerated() {
            if g > 0 { words += " " }
            words += group.label
            words += ": "
            for (b, bar) in group.bars.enumerated() {
                if b > 0 { words += ", " }
                words += bar.seriesName
                words += bar.isAverage ? " average " : " "
                words += bar.valueText
            }
            words += "."
        }
        return words
    }
}
