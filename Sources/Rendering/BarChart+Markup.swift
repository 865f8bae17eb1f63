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
        for line in grid {
            html.raw("<line class=\"grid\" x1=\"\(plotLeft)\" y1=\"\(line.y)\" x2=\"\(plotRight)\" y2=\"\(line.y)\"></line>\n")
            html.raw("<text class=\"tick\" x=\"\(plotLeft)\" dx=\"-6\" y=\"\(line.labelY)\">\(line.label)</text>\n")
        }
        for group in groups {
            html.raw("<g>\n")
            for bar in group.bars {
                if bar.hasValue {
                    html.raw("<rect class=\"\(bar.isAverage ? "average" : "own")\" x=\"\(bar.x)\" y=\"\(bar.y)\" width=\"\(bar.width)\" height=\"\(bar.height)\"")
                    if bar.isAverage { html.raw(" fill=\"url(#\(id)-hatch)\"") }
                    // No tooltip per bar: the value is written above it, and the chart's
                    // description and table give every value in words.
                    html.raw("></rect>\n")
                }
                html.raw("<text class=\"value\" x=\"\(bar.labelX)\" y=\"\(bar.labelY)\">\(bar.valueText)</text>\n")
            }
            html.raw("<text class=\"group\" x=\"\(group.labelX)\" y=\"\(labelY)\">")
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
            for bar in group.bars { html.raw("<td class=\"n\">\(bar.valueText)</td>") }
            html.raw("</tr>\n")
        }
        html.raw("</tbody>\n</table>\n")
    }

    /// The chart's values in words, for its description: `2022-23: Leicester City Council 86%,
    /// Unitary average 79%. 2023-24: ...`.
    var valuesInWords: String {
        groups.map { group in
            group.label + ": " + group.bars.map { $0.seriesName + ($0.isAverage ? " average " : " ") + $0.valueText }
                .joined(separator: ", ") + "."
        }.joined(separator: " ")
    }
}
