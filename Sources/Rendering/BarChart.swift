/// The geometry of a grouped bar chart of percentages, computed here and drawn as inline SVG
/// by ``svg(into:title:description:)``, with its numbers as a table by ``table(into:firstColumn:)``.
///
/// Colour is never the only cue: the average series is hatched and outlined where the subject's
/// series is solid, every bar carries its value as text above it (`n/a` where there is none),
/// and a legend names each series. All coordinates are whole pixels.
struct BarChart: Sendable, Equatable {
    /// A prefix for the ids inside the SVG, unique within the page (`uphold`).
    let id: String
    /// The drawing's width.
    let width: Int
    /// The drawing's height.
    let height: Int
    /// The plot area's left edge (the value axis).
    let plotLeft: Int
    /// The plot area's right edge.
    let plotRight: Int
    /// The plot area's top (100%).
    let plotTop: Int
    /// The plot area's bottom (0%, the baseline).
    let plotBottom: Int
    /// Where the group labels sit.
    let labelY: Int
    /// Horizontal grid lines with their labels, 0% to 100%.
    let grid: [GridLine]
    /// The groups along the horizontal axis (years, or types), left to right.
    let groups: [Group]
    /// The series, in bar order within a group.
    let series: [Series]
    /// Whether to draw the legend (more than one series).
    let showLegend: Bool

    /// A horizontal grid line at a percentage.
    struct GridLine: Sendable, Equatable {
        /// Its vertical position.
        let y: Int
        /// Where its label's baseline sits.
        let labelY: Int
        /// `50%`.
        let label: String
    }

    /// One group of bars.
    struct Group: Sendable, Equatable {
        /// `2023-24` or `Unitary`.
        let label: String
        /// The centre of the group.
        let labelX: Int
        /// One bar per series.
        let bars: [Bar]
    }

    /// One series: the subject's own figures or a type's average.
    struct Series: Sendable, Equatable {
        /// The authority's official name, or the comparison type's name for an average.
        let name: String
        /// Whether the series is a type average (hatched).
        let isAverage: Bool
        /// The legend swatch's position.
        let legendX: Int
        /// The legend swatch's top.
        let legendY: Int
        /// The legend text's baseline.
        let legendTextY: Int
        /// The legend text's left edge.
        let legendTextX: Int
    }

    /// One bar.
    struct Bar: Sendable, Equatable {
        /// The series' name, as ``Series/name``.
        let seriesName: String
        /// Whether the bar is a type average.
        let isAverage: Bool
        /// The group's label, repeated for the bar's tooltip.
        let groupLabel: String
        /// Whether there is a value (else only `n/a` is written).
        let hasValue: Bool
        /// `86%` or `n/a`.
        let valueText: String
        /// The bar's left edge.
        let x: Int
        /// The bar's top.
        let y: Int
        /// The bar's width.
        let width: Int
        /// The bar's height (0 for 0%).
        let height: Int
        /// The value label's centre.
        let labelX: Int
        /// The value label's baseline.
        let labelY: Int
        /// Whether another bar follows in the group (for punctuation in text equivalents).
        let more: Bool
    }

    /// One series' input: its name, whether it is an average, and a value per group (nil for
    /// no value).
    struct SeriesInput: Sendable {
        let name: String
        let isAverage: Bool
        let values: [Int?]
    }

    /// Lays out `series` over groups labelled `groupLabels` (each series has one value per group).
    init(id: String, groupLabels: [String], series inputs: [SeriesInput], minimumWidth: Int = 640) {
        let legendRow = 20
        let legendRows = inputs.count > 1 ? inputs.count : 0
        let groupCount = max(groupLabels.count, 1)
        let width = max(minimumWidth, 64 + groupCount * 72)
        let plotLeft = 48
        let plotRight = width - 12
        let plotTop = 20 + legendRows * legendRow
        let plotBottom = plotTop + 180
        let plotHeight = plotBottom - plotTop
        func y(_ percent: Int) -> Int { plotBottom - (min(max(percent, 0), 100) * plotHeight + 50) / 100 }

        let groupWidth = (plotRight - plotLeft) / groupCount
        let barsPerGroup = max(inputs.count, 1)
        let barWidth = min(56, (groupWidth - 16) / barsPerGroup)
        var groups: [Group] = []
        for (g, label) in groupLabels.enumerated() {
            let groupLeft = plotLeft + g * groupWidth
            let barsLeft = groupLeft + (groupWidth - barsPerGroup * barWidth) / 2
            var bars: [Bar] = []
            for (s, input) in inputs.enumerated() {
                let value = g < input.values.count ? input.values[g] : nil
                let x = barsLeft + s * barWidth
                let top = value.map(y) ?? plotBottom
                bars.append(Bar(
                    seriesName: input.name, isAverage: input.isAverage, groupLabel: label,
                    hasValue: value != nil, valueText: value.map { "\($0)%" } ?? "n/a",
                    x: x, y: top, width: barWidth - 4, height: plotBottom - top,
                    labelX: x + (barWidth - 4) / 2, labelY: top - 5, more: s < inputs.count - 1))
            }
            groups.append(Group(label: label, labelX: groupLeft + groupWidth / 2, bars: bars))
        }

        self.id = id
        self.width = width
        self.plotLeft = plotLeft
        self.plotRight = plotRight
        self.plotTop = plotTop
        self.plotBottom = plotBottom
        self.labelY = plotBottom + 20
        self.height = plotBottom + 30
        self.showLegend = inputs.count > 1
        self.grid = stride(from: 0, through: 100, by: 25).map { percent in
            GridLine(y: y(percent), labelY: y(percent) + 4, label: "\(percent)%")
        }
        self.series = inputs.enumerated().map { i, input in
            Series(name: input.name, isAverage: input.isAverage, legendX: 48, legendY: 6 + i * legendRow,
                   legendTextY: 18 + i * legendRow, legendTextX: 70)
        }
        self.groups = groups
    }
}
