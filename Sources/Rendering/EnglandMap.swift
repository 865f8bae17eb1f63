import PipelineModel

/// The year index's map of England: every current English authority of the year a dot at its
/// register grid reference, coloured by its uphold rate against its type's average, one small
/// map per comparison type (counties and districts cover the same ground), with London's
/// boroughs enlarged beside their map.
///
/// Inline SVG that needs no script and nothing outside the page. The maps are a picture for the
/// eye: hidden from assistive technology, and their links kept out of the tab order, because
/// the year index's table of all authorities, below them, already gives each authority's name,
/// type, uphold rate and type average, and a second copy of ~380 rows would cost a third of the
/// page. Authorities the maps cannot place are listed beside them, with links.
struct EnglandMap {
    /// The grid square drawn: England's mainland and the Isles of Scilly, in metres.
    static let west = 60_000, east = 660_000, south = 0, north = 620_000
    /// London, enlarged beside the map: every London borough's point falls inside.
    static let londonWest = 500_000, londonEast = 565_000, londonSouth = 155_000, londonNorth = 205_000
    /// Metres per SVG unit on the map and in London's inset; an SVG unit is a tenth of a pixel.
    static let metresPerUnit = 200, londonMetresPerUnit = 50
    /// The map's size in SVG units, and where London's inset starts.
    static let mapWidth = (east - west) / metresPerUnit, mapHeight = (north - south) / metresPerUnit
    static let insetLeft = mapWidth + 100, insetTop = mapHeight - (londonNorth - londonSouth) / londonMetresPerUnit - 100
    static let insetWidth = (londonEast - londonWest) / londonMetresPerUnit
    static let insetHeight = (londonNorth - londonSouth) / londonMetresPerUnit

    /// How an uphold rate compares with its type's average, in whole percentage points: the
    /// map's diverging scale, and the CSS class of its colour.
    enum Band: Int, CaseIterable {
        case farBelow, below, near, above, farAbove, none

        init(rate: Int?, average: Int?) {
            guard let rate, let average else {
                self = .none
                return
            }
            switch rate - average {
            case ...(-10): self = .farBelow
            case -9 ... -3: self = .below
            case -2 ... 2: self = .near
            case 3 ... 9: self = .above
            default: self = .farAbove
            }
        }

        /// The CSS class that colours it (the report's style sheet).
        var cssClass: String {
            switch self {
            case .farBelow: "b2"
            case .below: "b1"
            case .near: "e0"
            case .above: "a1"
            case .farAbove: "a2"
            case .none: "na"
            }
        }

        /// The legend's words.
        var legend: String {
            switch self {
            case .farBelow: "10 points or more below its type's average"
            case .below: "3 to 9 points below"
            case .near: "within 2 points of it"
            case .above: "3 to 9 points above"
            case .farAbove: "10 points or more above"
            case .none: "n/a: no uphold rate (no detailed investigations) or no type average"
            }
        }
    }

    /// Where a dot goes: on the map, in London's inset (a London borough, on the map of its type),
    /// or nowhere (no grid reference, or one outside the square drawn).
    ///
    /// London's inset takes the boroughs alone, by type: the register places authorities of
    /// other types (Kent County Council, Slough, Surrey's districts) inside London's square too.
    enum Place: Equatable {
        case map(x: Int, y: Int)
        case london(x: Int, y: Int)
        case unplaced(hasReference: Bool)

        init(_ point: GridReference?, enlargedInLondon: Bool) {
            guard let point else {
                self = .unplaced(hasReference: false)
                return
            }
            let (e, n) = (point.easting, point.northing)
            if enlargedInLondon, e >= EnglandMap.londonWest, e <= EnglandMap.londonEast, n >= EnglandMap.londonSouth, n <= EnglandMap.londonNorth {
                self = .london(x: EnglandMap.insetLeft + (e - EnglandMap.londonWest) / EnglandMap.londonMetresPerUnit,
                               y: EnglandMap.insetTop + (EnglandMap.londonNorth - n) / EnglandMap.londonMetresPerUnit)
            } else if e >= EnglandMap.west, e <= EnglandMap.east, n >= EnglandMap.south, n <= EnglandMap.north {
                self = .map(x: (e - EnglandMap.west) / EnglandMap.metresPerUnit, y: (EnglandMap.north - n) / EnglandMap.metresPerUnit)
            } else {
                self = .unplaced(hasReference: true)
            }
        }

        /// The point on the map itself (London's points too, for the shape of England behind
        /// each map), nil for none.
        static func onMap(_ point: GridReference?) -> (x: Int, y: Int)? {
            guard let point, point.easting >= west, point.easting <= east, point.northing >= south, point.northing <= north
            else { return nil }
            return ((point.easting - west) / metresPerUnit, (north - point.northing) / metresPerUnit)
        }
    }

    /// One authority on the maps.
    struct Dot {
        let code: String, name: String
        let type: ComparisonType?
        let place: Place
        /// Its point on the map itself, London's boroughs too: the faint shape of England.
        let shape: (x: Int, y: Int)?
        let band: Band
        let rate: Int?, average: Int?
        let upheld: Int, investigations: Int
    }

    /// The year's current English authorities, in the rows' order (by code).
    let dots: [Dot]
    let label: String

    init(_ year: YearFigures) {
        label = year.year.label
        dots = year.authorities.withUnsafeBufferPointer { rows in
            rows.indices.compactMap { i -> Dot? in
                // Each field through the pointer: the row as a whole would be copied.
                let row = rows.baseAddress! + i
                guard row.pointee.isCurrent, row.pointee.authority.isInJurisdiction else { return nil }
                let type = row.pointee.authority.comparisonType
                let average = type.flatMap { year.figures(for: $0) }?.averageUpholdRate
                let outcomes = row.pointee.counts.outcomes
                return Dot(code: row.pointee.authority.code, name: row.pointee.authority.officialName, type: type,
                           place: Place(row.pointee.authority.gridReference, enlargedInLondon: type == .londonBorough),
                           shape: Place.onMap(row.pointee.authority.gridReference),
                           band: Band(rate: row.pointee.upholdRate, average: average),
                           rate: row.pointee.upholdRate, average: average,
                           upheld: outcomes[Outcome.upheld.rawValue], investigations: row.pointee.investigations)
            }
        }
    }

    /// Appends the maps' section: a heading, a map per comparison type that has authorities
    /// (and one for those of none), the legend, and the authorities not on the maps. When no
    /// authority can be placed (a register without `x` and `y`) the section says so instead.
    func write(into html: inout HTMLBuffer) {
        html.raw("<h2 id=\"map-heading\">Map: uphold rates against the type's average</h2>\n")
        let placed = dots.filter { if case .unplaced = $0.place { false } else { true } }
        guard !placed.isEmpty else {
            html.raw("<p class=\"note\">No map: the register gives no grid reference (<code>x</code>, <code>y</code>) for this year's authorities.</p>\n")
            return
        }
        html.raw("<p class=\"note\">Each authority current at the end of the year is a dot where the register places it, coloured by how far its uphold rate is from the average of its type; select a dot for the authority's page. The <a href=\"#authorities-heading\">table of all authorities</a> below gives the same figures.</p>\n<div class=\"maps\">\n")
        let groups: [(type: ComparisonType?, name: String)] = ComparisonType.allCases.map { ($0, $0.name) } + [(nil, "Other authorities (no type average)")]
        var first = true
        for group in groups {
            let members = placed.filter { $0.type == group.type }
            guard !members.isEmpty else { continue }
            map(group.name, members, defineContext: first, into: &html)
            first = false
        }
        html.raw("</div>\n<p id=\"map-key\" class=\"note\">The colours: the authority's uphold rate against its type's average, in percentage points.</p>\n<ul class=\"map-legend\" aria-labelledby=\"map-key\">\n")
        for band in Band.allCases {
            html.raw("<li><span class=\"swatch \(band.cssClass)\"></span>")
            html.raw(band.legend)
            html.raw("</li>\n")
        }
        html.raw("</ul>\n")
        let unplaced = dots.filter { if case .unplaced = $0.place { true } else { false } }
        if !unplaced.isEmpty {
            html.raw("<h3 id=\"unmapped-heading\">Not on the maps</h3>\n<ul aria-labelledby=\"unmapped-heading\">\n")
            for dot in unplaced {
                html.raw("<li><a href=\"")
                html.raw(ReportRenderer.pageName(dot.code))
                html.raw("\">")
                html.text(dot.name)
                html.raw("</a>: ")
                html.raw(dot.place == .unplaced(hasReference: true) ? "its grid reference is outside England" : "no grid reference in the register")
                html.raw("; ")
                title(of: dot, into: &html)
                html.raw("</li>\n")
            }
            html.raw("</ul>\n")
        }
    }

    /// One small map: `members`' dots over the shape of England (every placed authority of the
    /// year, drawn faintly; defined in the first map and reused by the others), and London's
    /// inset when any of them is there.
    private func map(_ name: String, _ members: [Dot], defineContext: Bool, into html: inout HTMLBuffer) {
        let hasLondon = members.contains { if case .london = $0.place { true } else { false } }
        let width = hasLondon ? EnglandMap.insetLeft + EnglandMap.insetWidth + 20 : EnglandMap.mapWidth
        html.raw("<figure class=\"map\">\n<figcaption>")
        html.text(name)
        html.raw(" (")
        html.number(members.count)
        html.raw(")</figcaption>\n<svg class=\"map\" aria-hidden=\"true\" focusable=\"false\"")
        html.attribute("width", width / 10)
        html.attribute("height", EnglandMap.mapHeight / 10)
        html.raw(" viewBox=\"0 0 ")
        html.number(width)
        html.raw(" ")
        html.number(EnglandMap.mapHeight)
        html.raw("\">\n")
        let context = "map-context-" + label
        if defineContext {
            // Presentation attributes rather than the style sheet's rules: they travel with the
            // path into each map's copy (`use`), which a selector may not reach.
            html.raw("<defs>\n<path id=\"\(context)\" fill=\"none\" stroke=\"#c8c8c8\" stroke-width=\"30\" stroke-linecap=\"round\" d=\"")
            for dot in dots {
                guard let point = dot.shape else { continue }
                html.raw("M")
                html.number(point.x)
                html.raw(" ")
                html.number(point.y)
                html.raw("h0")
            }
            html.raw("\"></path>\n</defs>\n")
        }
        html.raw("<rect class=\"frame\" x=\"0\" y=\"0\"")
        html.attribute("width", EnglandMap.mapWidth)
        html.attribute("height", EnglandMap.mapHeight)
        html.raw("></rect>\n<use href=\"#\(context)\"></use>\n")
        if hasLondon {
            // London's square on the map, whose boroughs are drawn in the inset instead.
            html.raw("<rect class=\"london\"")
            html.attribute("x", (EnglandMap.londonWest - EnglandMap.west) / EnglandMap.metresPerUnit)
            html.attribute("y", (EnglandMap.north - EnglandMap.londonNorth) / EnglandMap.metresPerUnit)
            html.attribute("width", (EnglandMap.londonEast - EnglandMap.londonWest) / EnglandMap.metresPerUnit)
            html.attribute("height", (EnglandMap.londonNorth - EnglandMap.londonSouth) / EnglandMap.metresPerUnit)
            html.raw("></rect>\n")
            html.raw("<rect class=\"frame\"")
            html.attribute("x", EnglandMap.insetLeft)
            html.attribute("y", EnglandMap.insetTop)
            html.attribute("width", EnglandMap.insetWidth)
            html.attribute("height", EnglandMap.insetHeight)
            html.raw("></rect>\n<text class=\"inset-label\"")
            html.attribute("x", EnglandMap.insetLeft)
            html.attribute("y", EnglandMap.insetTop - 40)
            html.raw(">London</text>\n")
        }
        for dot in members {
            let x: Int, y: Int
            switch dot.place {
            case .map(let px, let py), .london(let px, let py): (x, y) = (px, py)
            case .unplaced: continue
            }
            html.raw("<a href=\"")
            html.raw(ReportRenderer.pageName(dot.code))
            html.raw("\" tabindex=\"-1\"><title>")
            title(of: dot, into: &html)
            html.raw("</title><circle class=\"")
            html.raw(dot.band.cssClass)
            html.raw("\"")
            html.attribute("cx", x)
            html.attribute("cy", y)
            html.raw(" r=\"35\"></circle></a>\n")
        }
        html.raw("</svg>\n</figure>\n")
    }

    /// A dot's words: `Leicester City Council: uphold rate 79% (45 of 57 detailed
    /// investigations), Unitary average 72%`.
    private func title(of dot: Dot, into html: inout HTMLBuffer) {
        if case .unplaced = dot.place {} else {
            html.text(dot.name)
            html.raw(": ")
        }
        html.raw("uphold rate ")
        html.percent(dot.rate)
        html.raw(" (")
        html.number(dot.upheld)
        html.raw(" of ")
        html.number(dot.investigations)
        html.raw(" detailed investigations), ")
        if let type = dot.type {
            html.raw(type.name)
            html.raw(" average ")
            html.percent(dot.average)
        } else {
            html.raw("no type average")
        }
    }
}
