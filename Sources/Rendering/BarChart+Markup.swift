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
            html.raw("<line class=\"grid\" x1=\"")
            html.number(plotLeft)
            html.raw("\" y1=\"")
            html.number(line.y)
            html.raw("\" x2=\"")
            html.number(plotRight)
            html.raw("\" y2=\"")
            html.number(line.y)
            html.raw("\"></line>\n<text class=\"tick\" x=\"")
            html.number(plotLeft)
            html.raw("\" dx=\"-6\" y=\"")
            html.number(line.labelY)
            html.raw("\">")
            html.raw(line.label)
            html.raw("</text>\n")
        }
        let hatch = " fill=\"url(#\(id)-hatch)\""
        for group in groups {
            html.raw("<g>\n")
            for bar in group.bars {
                if bar.hasValue {
                    html.raw(bar.isAverage ? "<rect class=\"average\" x=\"" : "<rect class=\"own\" x=\"")
                    html.number(bar.x)
                    html.raw("\" y=\"")
                    html.number(bar.y)
                    html.raw("\" width=\"")
                    html.number(bar.width)
                    html.raw("\" height=\"")
                    html.number(bar.height)
                    html.raw("\"")
                    if bar.isAverage { html.raw(hatch) }
                    // No tooltip per bar: the value is written above it, and the chart's
                    // description and table give every value in words.
                    html.raw("></rect>\n")
                }
                html.raw("<text class=\"value\" x=\"")
                html.number(bar.labelX)
                html.raw("\" y=\"")
                html.number(bar.labelY)
                html.raw("\">")
                html.raw(bar.valueText)
                html.raw("</text>\n")
            }
            html.raw("<text class=\"group\" x=\"")
            html.number(group.labelX)
            html.raw("\" y=\"")
            html.number(labelY)
            html.raw("\">")
            html.text(group.label)
            html.raw("</text>\n</g>\n")
        }
        html.raw("<line class=\"axis\" x1=\"\(plotLeft)\" y1=\"\(plotBottom)\" x2=\"\(plotRight)\" y2=\"\(plotBottom)\"></line>\n")
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
